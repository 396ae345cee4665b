import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App, type OpenAt } from './App';

/** The tab the panel is for: `?tab=<id>` in the full-tab view, else the active tab. */
async function targetTab(): Promise<{ tabId: number; inTab: boolean } | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return { tabId: Number(param), inTab: true };
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id === undefined ? null : { tabId: active.id, inTab: false };
}

/**
 * Where the full-tab view opens, when the page's card opened it: `&sentence=<index>` at a page
 * sentence, `&selection=1` on the reader's selection (looked up again on start).
 */
function openAt(): OpenAt {
  const params = new URLSearchParams(location.search);
  const sentence = params.get('sentence');
  return {
    sentence: sentence !== null && /^\d+$/.test(sentence) ? Number(sentence) : undefined,
    selection: params.get('selection') === '1',
  };
}

const root = document.getElementById('app')!;
targetTab().then(
  (target) => {
    if (target) render(<App {...target} openAt={openAt()} />, root);
    else root.textContent = 'Parallax could not tell which tab to show.';
  },
  (error: unknown) => {
    root.textContent = `Parallax could not start: ${error instanceof Error ? error.message : String(error)}`;
  },
);
