// A scan in flight when its tab moves to another page (a browser page such as chrome://version,
// where no content script will scan again): the tab's `loading` event resets its state, and the
// scan finishing afterwards must not store its verdict and badge over that.
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { scanTabPage, tabFinishedLoading, tabLeftPage, type ScanCorpus } from '../../../entrypoints/background/page-scans';
import { getTabState } from '../../../entrypoints/background/tab-states';
import { buildCorpus } from '../../../lib/corpus/build';
import { Matcher } from '../../../lib/match/matcher';
import { readSeeds } from '../../../lib/node/seeds';
import { splitSentences } from '../../../lib/text/segment';
import type { ScanRequest } from '../../../lib/protocol';

const seeds = readSeeds(resolve(import.meta.dirname, '../../../seeds'));
const loaded: ScanCorpus = { matcher: Matcher.fromCorpus(buildCorpus(seeds)), quotes: new Map() };

/** A page on the story: a seed article's own sentences, so the scan surely matches some. */
const sentences = splitSentences(seeds[0]!.text).map((s) => s.text);
const request: ScanRequest = { url: 'https://news.example/story', title: sentences[0]!, sentences, blocks: sentences.map(() => 0), session: 's1', from: 0 };

let TAB: number;

/** A corpus that loads when the test says so: the scan is in flight until then. */
function corpusLoadedLater() {
  let release!: () => void;
  const ready = new Promise<void>((r) => (release = r));
  return { load: async () => (await ready, loaded), release };
}

describe('a scan and its tab leaving the page', () => {
  beforeEach(async () => {
    vi.restoreAllMocks();
    TAB = (await fakeBrowser.tabs.create({ url: request.url })).id!;
  });

  it('stores the scan and counts it on the badge when the tab stays (the control)', async () => {
    const corpus = corpusLoadedLater();
    const scan = scanTabPage(TAB, request, corpus.load);
    corpus.release();
    const verdict = await scan;
    expect(verdict.onStory).toBe(true);
    expect(verdict.sentences.length).toBeGreaterThan(3);
    expect((await getTabState(TAB)).status).toBe('scanned');
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe(String(verdict.sentences.length));
  });

  it('leaves the state pending and the badge empty when the tab left while the corpus loaded', async () => {
    const corpus = corpusLoadedLater();
    const scan = scanTabPage(TAB, request, corpus.load);
    await tabLeftPage(TAB); // chrome://version starts loading
    corpus.release();
    expect((await scan).onStory).toBe(true); // answered (the page is gone), but not kept
    expect(await getTabState(TAB)).toEqual({ status: 'pending' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it('leaves them alone when the tab leaves just as the scan stores its state', async () => {
    // The last wait before the write: setTabState asks whether the tab still exists.
    const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
    let left: Promise<void> | null = null;
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementationOnce(async (id) => {
      left = tabLeftPage(TAB);
      return get(id);
    });
    await scanTabPage(TAB, request, async () => loaded);
    await left;
    expect(await getTabState(TAB)).toEqual({ status: 'pending' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it("drops a request of the old page still queued behind another when the tab left", async () => {
    const corpus = corpusLoadedLater();
    const first = scanTabPage(TAB, request, corpus.load);
    const queued = scanTabPage(TAB, { ...request, sentences: [], blocks: [], from: sentences.length }, corpus.load);
    await tabLeftPage(TAB);
    corpus.release();
    await Promise.all([first, queued]);
    expect(await getTabState(TAB)).toEqual({ status: 'pending' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it('stores the next page’s scan, sent after the tab arrived there', async () => {
    await tabLeftPage(TAB);
    const verdict = await scanTabPage(TAB, { ...request, session: 's2' }, async () => loaded);
    expect((await getTabState(TAB)).status).toBe('scanned');
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe(String(verdict.sentences.length));
  });
});

// Chromium does not order a tab's `loading` event with the loading page's messages: the event may
// reach the worker after the new page's own scan request. The page has scanned and will not send
// again, so the tab's finished load asks it to.
describe('a late loading event and the finished load', () => {
  beforeEach(async () => {
    vi.restoreAllMocks();
    TAB = (await fakeBrowser.tabs.create({ url: request.url })).id!;
  });

  /** The page's content script: resends its whole session when asked, as PageScanner.resend does. */
  function pageThatResends(session: string, corpus: () => Promise<ScanCorpus> = async () => loaded) {
    const asked: number[] = [];
    const askToResend = async (tabId: number) => {
      asked.push(tabId);
      await scanTabPage(tabId, { ...request, session }, corpus);
      return true;
    };
    return { asked, askToResend };
  }

  it('gets the scan again when the loading event came after the page had stored it', async () => {
    await scanTabPage(TAB, { ...request, session: 'new' }, async () => loaded);
    await tabLeftPage(TAB); // the reload's event, late
    expect(await getTabState(TAB)).toEqual({ status: 'pending' });

    const page = pageThatResends('new');
    await tabFinishedLoading(TAB, page.askToResend);
    expect(page.asked).toEqual([TAB]);
    expect((await getTabState(TAB)).status).toBe('scanned');
    expect(Number(await fakeBrowser.action.getBadgeText({ tabId: TAB }))).toBeGreaterThan(3);
  });

  it('gets the scan again when the loading event came while the page’s scan ran', async () => {
    const corpus = corpusLoadedLater();
    const scan = scanTabPage(TAB, { ...request, session: 'new' }, corpus.load);
    const left = tabLeftPage(TAB); // late: the guard drops the page's own scan
    const page = pageThatResends('new');
    // The load finishes while the scan is still in flight: the check waits for the tab's requests.
    const finished = tabFinishedLoading(TAB, page.askToResend);
    corpus.release();
    await Promise.all([scan, left, finished]);
    expect(page.asked).toEqual([TAB]);
    expect((await getTabState(TAB)).status).toBe('scanned');
  });

  it('asks nothing when the page’s scan is stored (the usual order)', async () => {
    await tabLeftPage(TAB);
    await scanTabPage(TAB, { ...request, session: 'new' }, async () => loaded);
    const page = pageThatResends('new');
    await tabFinishedLoading(TAB, page.askToResend);
    expect(page.asked).toEqual([]);
    expect((await getTabState(TAB)).status).toBe('scanned');
  });

  it('stays pending, without an error, when no content script answers (a browser page)', async () => {
    await tabLeftPage(TAB);
    await expect(tabFinishedLoading(TAB, async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')))).resolves.toBeUndefined();
    expect(await getTabState(TAB)).toEqual({ status: 'pending' });
  });
});
