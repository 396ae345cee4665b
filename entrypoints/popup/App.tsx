/**
 * The popup's wiring: finds the tab the panel is for, asks the background and the tab's content
 * script, and hands everything to <Panel>. The same page serves the toolbar popup and the
 * full-tab view (`popup.html?tab=<tabId>`).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Panel } from '@/components/Panel';
import { tabStateForPanel, type CorpusOverview, type PanelData, type SelectionLookup, type TabProbe } from '@/lib/compare/panel-data';
import { READABLE_ORIGINS } from '@/lib/page-access';
import type { BackgroundProtocol, ContentProtocol, TabState } from '@/lib/protocol';
import { errorMessage } from '@/lib/error-message';

const background = defineExtensionMessaging<BackgroundProtocol>();
const content = defineExtensionMessaging<ContentProtocol>();

/** How often to ask again while the page is being read, or cannot be read yet (it may still load). */
const POLL_MS = 400;

/**
 * Retry on a failed scan reloads the page; the failed scan's error stays stored until the new scan
 * replaces it, so the same error is taken for the old one this long after the reload. A scan of
 * the end-to-end test pages, the matcher's cold start included, takes well under a second.
 */
const RETRY_SETTLE_MS = 10_000;

/** The error a Retry reloaded the page for, and when. */
interface Retrying {
  message: string;
  at: number;
}

/**
 * What the panel can find out about the tab by itself: whether its content script answers (and
 * whether highlights are shown, which is what it is asked), and whether the page is still loading.
 */
async function probeTab(tabId: number): Promise<TabProbe & { highlightsVisible: boolean | null }> {
  const [highlightsVisible, tab] = await Promise.all([
    content.sendMessage('highlightsVisible', undefined, tabId).catch(() => null),
    browser.tabs.get(tabId).catch(() => null),
  ]);
  return { contentScriptAnswers: highlightsVisible !== null, loading: tab?.status === 'loading', highlightsVisible };
}

/** Where the panel opens: at a page sentence, or on the reader's selection. */
export interface OpenAt {
  sentence?: number;
  selection?: boolean;
}

export function App({ tabId, inTab, openAt = {} }: { tabId: number; inTab: boolean; openAt?: OpenAt }) {
  /** The tab as the background and the probe tell it. */
  const [tab, setTab] = useState<TabState>({ status: 'pending' });
  /** A failure of the panel's own messages, shown over the tab's state until Retry. */
  const [panelError, setPanelError] = useState<string | null>(null);
  const [corpus, setCorpus] = useState<CorpusOverview | null>(null);
  /** Why the corpus overview failed: the page's rows show without it (the panel says what is missing). */
  const [corpusError, setCorpusError] = useState<string | undefined>(undefined);
  const [selection, setSelection] = useState<SelectionLookup | undefined>(undefined);
  const [highlightsOn, setHighlightsOn] = useState(true);
  const [retrying, setRetrying] = useState<Retrying | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const stored = await background.sendMessage('getTabState', { tabId });
        const probe = await probeTab(tabId);
        if (cancelled) return;
        if (probe.highlightsVisible !== null) setHighlightsOn(probe.highlightsVisible);
        const stale =
          retrying !== null &&
          stored.status === 'error' &&
          stored.message === retrying.message &&
          Date.now() - retrying.at < RETRY_SETTLE_MS;
        const state = stale ? { status: 'pending' as const } : tabStateForPanel(stored, probe);
        setTab(state);
        // Access to pages may be given back meanwhile (the add-on's permissions): keep asking then too.
        if (state.status === 'pending' || state.status === 'unsupported' || state.status === 'no-access') timer = setTimeout(poll, POLL_MS);
      } catch (error) {
        if (!cancelled) setPanelError(errorMessage(error));
      }
    };
    void poll();
    background
      .sendMessage('getCorpusOverview', undefined)
      .then((overview) => {
        if (cancelled) return;
        setCorpus(overview);
        setCorpusError(undefined);
      })
      .catch((error: unknown) => !cancelled && setCorpusError(errorMessage(error)));
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [tabId, attempt, retrying]);

  const onRetry = useCallback(async () => {
    // A failed scan is stored with the tab: only reading the page again can replace it.
    if (tab.status === 'error') {
      setRetrying({ message: tab.message, at: Date.now() });
      await browser.tabs.reload(tabId).catch(() => undefined);
    }
    setPanelError(null);
    // Asked again, the overview is waited for again: the rows then show with it, not before.
    if (corpus === null) setCorpusError(undefined);
    setTab({ status: 'pending' });
    setAttempt((n) => n + 1);
  }, [tab, tabId, corpus]);

  const scanSelection = useCallback(async () => {
    setSelection({ status: 'pending' });
    try {
      const text = await content.sendMessage('selectionText', undefined, tabId);
      if (text.trim() === '') {
        setSelection({ status: 'error', message: 'Select some text on the page first, then scan it.' });
        return;
      }
      setSelection({ status: 'done', sentences: await background.sendMessage('lookupText', { text }) });
    } catch (error) {
      setSelection({ status: 'error', message: errorMessage(error) });
    }
  }, [tabId]);

  useEffect(() => {
    if (openAt.selection === true) void scanSelection();
  }, []);

  // The settings page, told which tab the panel is for, so it can offer to add that page's article.
  const openSettings = useCallback(() => {
    void browser.tabs.create({ url: browser.runtime.getURL(`/options.html?tab=${tabId}`) });
    if (!inTab) window.close();
  }, [tabId, inTab]);

  const rebuildDatabase = useCallback(async () => {
    setTab({ status: 'pending' });
    try {
      await background.sendMessage('rebuildDatabase', undefined);
    } catch (error) {
      setPanelError(errorMessage(error));
      return;
    }
    await onRetry();
  }, [onRetry]);

  // Firefox lets an extension ask for a permission only while handling the reader's click: the
  // request comes first, before anything is awaited. The page is then read again, now allowed.
  const grantAccess = useCallback(() => {
    void browser.permissions
      .request({ origins: [...READABLE_ORIGINS] })
      .then(async (granted) => {
        if (!granted) return;
        await browser.tabs.reload(tabId).catch(() => undefined);
        setTab({ status: 'pending' });
        setAttempt((n) => n + 1);
      })
      .catch((error: unknown) => setPanelError(errorMessage(error)));
  }, [tabId]);

  // The tab's own error says more (what failed on which page) than the panel's failed message.
  const shown: TabState = panelError === null || tab.status === 'error' ? tab : { status: 'error', message: panelError };
  const data: PanelData = { tab: shown, corpus, corpusError, selection };
  return (
    <Panel
      data={data}
      layout={inTab ? 'tab' : 'popup'}
      highlightsOn={highlightsOn}
      onToggleHighlights={(on) => {
        setHighlightsOn(on);
        content
          .sendMessage('setHighlightsVisible', { visible: on }, tabId)
          .then(setHighlightsOn)
          .catch(() => undefined);
      }}
      onRevealSentence={(index) => {
        content.sendMessage('revealSentence', { index }, tabId).catch(() => undefined);
      }}
      onRetry={() => void onRetry()}
      onScanSelection={() => void scanSelection()}
      focusSentence={openAt.sentence}
      onOpenSettings={openSettings}
      onRebuildDatabase={() => void rebuildDatabase()}
      onGrantAccess={grantAccess}
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
