import { render } from 'preact';
import { App } from './App';

/** `?tab=<id>`: the tab whose panel opened the settings, whose article the reader may add. */
function openedFor(): number | null {
  const param = new URLSearchParams(location.search).get('tab');
  return param !== null && /^\d+$/.test(param) ? Number(param) : null;
}

render(<App tabId={openedFor()} />, document.getElementById('app')!);
