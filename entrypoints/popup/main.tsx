import { render } from 'preact';

render(<main>Parallax</main>, document.getElementById('app')!);
