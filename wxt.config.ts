import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifestVersion: 3,
  imports: false,
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false })],
  }),
  manifest: {
    name: 'Parallax',
    description: 'See how other outlets worded the same point, highlighted in place. Runs entirely in your browser.',
  },
});
