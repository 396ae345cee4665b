/**
 * What the reader asks of the page through the browser rather than the page itself: keyboard
 * shortcuts (manifest `commands`), the "Cross-reference with Parallax" context-menu item, and
 * opening the panel at a sentence. The background only relays: the tab's content script draws.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { ContentProtocol, PanelTarget } from '@/lib/protocol';
import type { SentenceResult } from '@/lib/types';

/** The manifest's command names (wxt.config.ts declares them with their default keys). */
export const COMMANDS = {
  toggleHighlights: 'toggle-highlights',
  crossReference: 'cross-reference-selection',
  nextHighlight: 'next-highlight',
  previousHighlight: 'previous-highlight',
} as const;

export const CROSS_REFERENCE_MENU_ID = 'parallax-cross-reference';

const content = defineExtensionMessaging<ContentProtocol>();

/** The context-menu item, shown only on a selection. Menus persist, so this runs on install only. */
export function createContextMenu(): void {
  browser.contextMenus.create(
    { id: CROSS_REFERENCE_MENU_ID, title: 'Cross-reference with Parallax', contexts: ['selection'] },
    () => {
      // Reading lastError marks it handled: an update re-creating the existing item is harmless.
      void browser.runtime.lastError;
    },
  );
}

/**
 * Look the reader's selection up and show the matches in a card beside it. The page's own
 * selection text is asked for first, so the card and the panel's selection view match the same
 * string; the menu's `selectionText` is the fallback. Resolves with the results shown, or null
 * when the tab has no content script to show them (a page opened before Parallax was installed).
 */
export async function crossReference(
  tabId: number,
  lookup: (text: string) => Promise<SentenceResult[]>,
  menuText = '',
): Promise<SentenceResult[] | null> {
  const pageText = await content.sendMessage('selectionText', undefined, tabId).catch(() => null);
  if (pageText === null) {
    console.warn(`Parallax has no content script in tab ${tabId}: reload the page to cross-reference there.`);
    return null;
  }
  const text = pageText.trim() !== '' ? pageText : menuText;
  const results = text.trim() === '' ? [] : await lookup(text);
  await content.sendMessage('showLookup', { text, results }, tabId);
  return results;
}

/** Flip the page's highlights; resolves with whether they are now shown. */
export async function toggleHighlights(tabId: number): Promise<boolean> {
  const visible = await content.sendMessage('highlightsVisible', undefined, tabId);
  return content.sendMessage('setHighlightsVisible', { visible: !visible }, tabId);
}

export function focusHighlight(tabId: number, step: 1 | -1): Promise<number | null> {
  return content.sendMessage('focusHighlight', { step }, tabId);
}

/** The panel in a tab of its own, beside the page, at the sentence or selection asked for. */
export async function openPanel(tab: { id?: number; index?: number }, target: PanelTarget): Promise<void> {
  if (tab.id === undefined) return;
  await browser.tabs.create({
    url: browser.runtime.getURL(panelPath(tab.id, target)),
    index: tab.index === undefined ? undefined : tab.index + 1,
  });
}

/** `popup.html?tab=<id>` with `&sentence=<index>` or `&selection=1`: what the panel reads on start. */
export function panelPath(tabId: number, target: PanelTarget): `/popup.html?${string}` {
  const params = new URLSearchParams({ tab: String(tabId) });
  if (target.sentence !== undefined && Number.isInteger(target.sentence) && target.sentence >= 0) {
    params.set('sentence', String(target.sentence));
  }
  if (target.selection === true) params.set('selection', '1');
  return `/popup.html?${params.toString()}`;
}

/**
 * A keyboard shortcut, for the tab it was pressed in: Chromium passes the tab; otherwise it is the
 * active tab of the current window. Unknown commands are ignored.
 */
export async function runCommand(
  command: string,
  tab: { id?: number } | undefined,
  lookup: (text: string) => Promise<SentenceResult[]>,
): Promise<void> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  if (command === COMMANDS.toggleHighlights) await toggleHighlights(tabId);
  else if (command === COMMANDS.crossReference) await crossReference(tabId, lookup);
  else if (command === COMMANDS.nextHighlight) await focusHighlight(tabId, 1);
  else if (command === COMMANDS.previousHighlight) await focusHighlight(tabId, -1);
}
