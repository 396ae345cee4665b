/**
 * The popup's wiring: finds the tab the panel is for, asks the background and the tab's content
 * script, and hands everything to <Panel>. The same page serves the toolbar popup and the
 * full-tab view (`popup.html?tab=<tabId>`).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Panel } from '@/components/Panel';
import type { CorpusOverview, PanelData, SelectionLookup } from '@/lib/compare/panel-data';
import type { BackgroundProtocol, ContentProtocol, TabState } from '@/lib/protocol';

const background = defineExtensionMessaging<BackgroundProtocol>();
const content = defineExtensionMessaging<ContentProtocol>();

/** How often to ask again while the page is still being scanned. */
const PENDING_POLL_MS = 400;

export function App({ tabId, inTab }: { tabId: number; inTab: boolean }) {
  const [tab, setTab] = useState<TabState>({ status: 'pending' });
  const [corpus, setCorpus] = useState<CorpusOverview | null>(null);
  const [selection, setSelection] = useState<SelectionLookup | undefined>(undefined);
  const [highlightsOn, setHighlightsOn] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const state = await background.sendMessage('getTabState', { tabId });
        if (cancelled) return;
        setTab(state);
        if (state.status === 'pending') timer = setTimeout(poll, PENDING_POLL_MS);
      } catch (error) {
        if (!cancelled) setTab({ status: 'error', message: messageOf(error) });
      }
    };
    void poll();
    background
      .sendMessage('getCorpusOverview', undefined)
      .then((overview) => !cancelled && setCorpus(overview))
      .catch((error: unknown) => !cancelled && setTab({ status: 'error', message: messageOf(error) }));
    content
      .sendMessage('highlightsVisible', undefined, tabId)
      .then((visible) => !cancelled && setHighlightsOn(visible))
      .catch(() => undefined);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [tabId, attempt]);

  const onScanSelection = useCallback(async () => {
    setSelection({ status: 'pending' });
    try {
      const text = await content.sendMessage('selectionText', undefined, tabId);
      if (text.trim() === '') {
        setSelection({ status: 'error', message: 'Select some text on the page first, then scan it.' });
        return;
      }
      setSelection({ status: 'done', sentences: await background.sendMessage('lookupText', { text }) });
    } catch (error) {
      setSelection({ status: 'error', message: messageOf(error) });
    }
  }, [tabId]);

  // The page's quotes travel in the scan (TabScan.pageQuotes), found by the background over the whole page.
  const data: PanelData = { tab, corpus, selection };
  return (
    <Panel
      data={data}
      layout={inTab ? 'tab' : 'popup'}
      highlightsOn={highlightsOn}
      onToggleHighlights={(on) => {
        setHighlightsOn(on);
        content.sendMessage('setHighlightsVisible', { visible: on }, tabId).catch(() => undefined);
      }}
      onRevealSentence={(index) => {
        content.sendMessage('revealSentence', { index }, tabId).catch(() => undefined);
      }}
      onRetry={() => setAttempt((n) => n + 1)}
      onScanSelection={() => void onScanSelection()}
      onOpenInTab={
        inTab
          ? undefined
          : () => {
              void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`) });
              window.close();
            }
      }
    />
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
