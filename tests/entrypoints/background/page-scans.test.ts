// A scan in flight when its tab moves to another page (a browser page such as chrome://version,
// where no content script will scan again): the tab's `loading` event resets its state, and the
// scan finishing afterwards must not store its verdict and badge over that.
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { scanTabPage, tabLeftPage, type ScanCorpus } from '../../../entrypoints/background/page-scans';
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
