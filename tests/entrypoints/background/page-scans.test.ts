// A tab's scan and its tab's loading events, in the orders browsers deliver them. Each state is tied
// to the document that reported it (tab-documents.ts): a `loading` event arriving after the new
// page's own scan (Chromium does not promise its order) must not lose that scan; a page the tab has
// left must not store its scan for the tab; a page shown again from the back-forward cache gets
// its scan back; and a tab that moved on to a browser page (chrome://version, about:blank), where
// no content script answers, shows no badge.
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { scanTabPage, tabLeftPage, tabLoaded, type AskShownDocument, type ScanCorpus } from '../../../entrypoints/background/page-scans';
import { getTabState } from '../../../entrypoints/background/tab-states';
import { buildCorpus } from '../../../lib/corpus/build';
import { Matcher } from '../../../lib/match/matcher';
import { readSeeds } from '../../../lib/node/seeds';
import { splitSentences } from '../../../lib/text/segment';
import type { ScanRequest, ShownDocument } from '../../../lib/protocol';

const seeds = readSeeds(resolve(import.meta.dirname, '../../../seeds'));
const loaded: ScanCorpus = { matcher: Matcher.fromCorpus(buildCorpus(seeds)), quotes: new Map() };
const loadedNow = async () => loaded;

/** A page on the story: a seed article's own sentences, so the scan surely matches some. */
const sentences = splitSentences(seeds[0]!.text).map((s) => s.text);
const request: ScanRequest = { url: 'https://news.example/story', title: sentences[0]!, sentences, blocks: sentences.map(() => 0), session: 's1', from: 0 };

let TAB: number;

/**
 * The tab as its content scripts would answer: which document its top frame shows now (null: a
 * browser page, or no content script yet), and whether that page has had its scan answered.
 * `resends` counts the background's asks to send a scan again.
 */
class FakeTab {
  shown: ShownDocument | null = null;
  resends = 0;

  show(document: string | null, scanned = false): void {
    this.shown = document === null ? null : { document, scanned };
  }

  readonly ask: AskShownDocument = async () => this.shown;
  readonly resend = async () => void this.resends++;

  scan(document: string, corpus: () => Promise<ScanCorpus> = loadedNow, session = document) {
    return scanTabPage(TAB, { ...request, session }, document, corpus, this.ask);
  }

  loading = () => tabLeftPage(TAB);
  complete = () => tabLoaded(TAB, this.ask, this.resend);
}

const fakeTab = () => new FakeTab();

/** A corpus that loads when the test says so: the scan is in flight until then. */
function corpusLoadedLater() {
  let release!: () => void;
  const ready = new Promise<void>((r) => (release = r));
  return { load: async () => (await ready, loaded), release };
}

const badge = () => fakeBrowser.action.getBadgeText({ tabId: TAB });

async function expectScannedWithBadge(count: number): Promise<void> {
  expect((await getTabState(TAB)).status).toBe('scanned');
  expect(await badge()).toBe(String(count));
}

async function expectPendingWithoutBadge(): Promise<void> {
  expect(await getTabState(TAB)).toEqual({ status: 'pending' });
  expect(await badge()).toBe('');
}

beforeEach(async () => {
  vi.restoreAllMocks();
  TAB = (await fakeBrowser.tabs.create({ url: request.url })).id!;
});

describe('the order the browser promises: loading, the new page’s scan, complete', () => {
  it('stores the scan of the page the tab shows and counts it on the badge', async () => {
    const tab = fakeTab();
    await tab.loading();
    tab.show('page-1');
    const verdict = await tab.scan('page-1');
    expect(verdict.onStory).toBe(true);
    expect(verdict.sentences.length).toBeGreaterThan(3);
    await expectScannedWithBadge(verdict.sentences.length);
    tab.show('page-1', true);
    await tab.complete();
    await expectScannedWithBadge(verdict.sentences.length);
    expect(tab.resends).toBe(0);
  });

  it('takes the scan that comes after complete, when the page’s content script had not started then', async () => {
    const tab = fakeTab();
    await tab.loading();
    await tab.complete(); // no content script answers yet
    tab.show('page-1');
    const verdict = await tab.scan('page-1');
    await expectScannedWithBadge(verdict.sentences.length);
    expect(tab.resends).toBe(0);
  });

  it('does not ask a page still reading itself to send again', async () => {
    const tab = fakeTab();
    await tab.loading();
    tab.show('page-1', false);
    await tab.complete();
    expect(tab.resends).toBe(0);
    await expectPendingWithoutBadge();
  });
});

describe('a loading event that arrives after the new page’s own scan (Chromium)', () => {
  it('shows the scan again once the tab has loaded: the page will not send it twice', async () => {
    const tab = fakeTab();
    tab.show('page-2'); // the reload (the panel's Retry) committed; its loading event is late
    const verdict = await tab.scan('page-2');
    await tab.loading();
    await expectPendingWithoutBadge();
    tab.show('page-2', true);
    await tab.complete();
    await expectScannedWithBadge(verdict.sentences.length);
    expect(tab.resends).toBe(0);
  });

  it('keeps a scan that was in flight when the late loading event came', async () => {
    const tab = fakeTab();
    tab.show('page-2');
    const corpus = corpusLoadedLater();
    const scan = tab.scan('page-2', corpus.load);
    await tab.loading();
    corpus.release();
    const verdict = await scan;
    tab.show('page-2', true);
    await tab.complete();
    await expectScannedWithBadge(verdict.sentences.length);
  });

  it('keeps it when loading and complete both come while the scan is matched', async () => {
    const tab = fakeTab();
    tab.show('page-2');
    const corpus = corpusLoadedLater();
    const scan = tab.scan('page-2', corpus.load);
    await tab.loading();
    await tab.complete(); // page-2 has had no answer yet: it is not asked to send again
    expect(tab.resends).toBe(0);
    corpus.release();
    await expectScannedWithBadge((await scan).sentences.length);
  });
});

describe('the page the tab has left', () => {
  it('does not store a scan it sends after the tab showed the next page', async () => {
    const tab = fakeTab();
    tab.show('page-1');
    await tab.scan('page-1');
    await tab.loading();
    tab.show('page-2'); // committed; page-1 is gone or in the back-forward cache and does not answer
    await tab.scan('page-1', loadedNow, 'page-1-again'); // a change on the old page, sent late
    await expectPendingWithoutBadge();
    const verdict = await tab.scan('page-2');
    await expectScannedWithBadge(verdict.sentences.length);
  });

  it('drops what it stored while the tab was still leaving it, once the tab shows a browser page', async () => {
    const tab = fakeTab();
    tab.show('page-1');
    await tab.scan('page-1');
    await tab.loading(); // to chrome://version, not committed yet: page-1 still answers
    const late = await tab.scan('page-1', loadedNow, 'page-1-again');
    await expectScannedWithBadge(late.sentences.length);
    tab.show(null); // chrome://version: no content script
    await tab.complete();
    await expectPendingWithoutBadge();
  });

  it('leaves the state pending and the badge empty when the tab left while the corpus loaded', async () => {
    const tab = fakeTab();
    tab.show('page-1');
    const corpus = corpusLoadedLater();
    const scan = tab.scan('page-1', corpus.load);
    await tab.loading();
    tab.show(null);
    corpus.release();
    expect((await scan).onStory).toBe(true); // answered (the page is gone), but not kept
    await tab.complete();
    await expectPendingWithoutBadge();
  });

  it('drops a request of the old page still queued behind another when the tab left', async () => {
    const tab = fakeTab();
    tab.show('page-1');
    const corpus = corpusLoadedLater();
    const first = tab.scan('page-1', corpus.load);
    const queued = scanTabPage(TAB, { ...request, session: 'page-1', sentences: [], blocks: [], from: sentences.length }, 'page-1', corpus.load, tab.ask);
    await tab.loading();
    tab.show(null);
    corpus.release();
    await Promise.all([first, queued]);
    await tab.complete();
    await expectPendingWithoutBadge();
  });

  it('does not keep a report that names no document', async () => {
    const tab = fakeTab();
    tab.show('page-1');
    await scanTabPage(TAB, request, undefined, loadedNow, tab.ask);
    await expectPendingWithoutBadge();
  });
});

describe('a tab that moves on to a browser page', () => {
  it('shows no badge and no scan, and keeps nothing to bring back', async () => {
    const tab = fakeTab();
    tab.show('page-1');
    await tab.scan('page-1');
    await tab.loading();
    tab.show(null);
    await tab.complete();
    await expectPendingWithoutBadge();
    // Back on a page with a content script, that page's word counts, not page-1's old scan.
    await tab.loading();
    tab.show('page-3');
    await tab.complete();
    await expectPendingWithoutBadge();
  });
});

describe('the back-forward cache and navigations that leave the page shown', () => {
  it('asks a page shown again from the cache to send its scan, and stores it', async () => {
    const tab = fakeTab();
    tab.show('page-1');
    const first = await tab.scan('page-1');
    await tab.loading();
    tab.show('page-2');
    await tab.scan('page-2');
    await tab.loading(); // back: page-1 comes out of the cache; its content script does not start again
    tab.show('page-1', true);
    await tab.complete();
    await expectPendingWithoutBadge();
    expect(tab.resends).toBe(1);
    await tab.scan('page-1'); // what the resend sends
    await expectScannedWithBadge(first.sentences.length);
  });

  it('shows the page’s scan again after a navigation that made no new document (a download, a 204)', async () => {
    const tab = fakeTab();
    tab.show('page-1');
    const verdict = await tab.scan('page-1');
    await tab.loading();
    tab.show('page-1', true);
    await tab.complete();
    await expectScannedWithBadge(verdict.sentences.length);
    expect(tab.resends).toBe(0);
  });
});
