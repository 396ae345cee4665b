// The corpus built from seeds/ at build time by lib/node/corpus-plugin.ts.
declare module 'virtual:parallax-corpus' {
  import type { Corpus } from '@/lib/types';

  const corpus: Corpus;
  export default corpus;
}
