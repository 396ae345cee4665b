/**
 * The service worker's life. Chromium stops an idle extension worker (after 30 s without events)
 * and starts a new one, with nothing in memory, on the next event. Here the worker is stopped as
 * Chromium stops it (DevTools protocol, ServiceWorker.stopWorker) and each test checks that a new
 * instance took over: its status went stopped → starting → running and a mark set on the old
 * instance's global object is gone. Then: the panel still shows an earlier tab's result (kept in
 * storage.session), the next page is scanned with the index rebuilt from IndexedDB, and a dynamic
 * page goes on being scanned where it was.
 *
 * The cold start (seed check, corpus read from IndexedDB, matcher built) is measured from outside
 * and printed: a lookup sent from an extension page to the stopped worker, against the same lookup
 * answered warm; and a page loaded right after the worker stopped, against the same page loaded
 * again. (A page load cannot time the worker alone: the navigation's tab events start the worker
 * before the page's scan request arrives.)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { Browser as ChromeApi } from '@wxt-dev/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../lib/db/database';
import { squash } from '../fixtures/pages/fixtures';
import { allHighlighted, badgeText, launchBrowser, openAllPoints, openPanel, scannedTab, type Browser } from './harness/extension';
import { servePages, type PageServer } from './harness/server';

/** The extension API as seen inside `worker.evaluate` callbacks, which run in the service worker. */
declare const chrome: typeof ChromeApi;

const ROOT = resolve(import.meta.dirname, '../..');
const seedParagraphs = (file: string) =>
  readFileSync(resolve(ROOT, 'seeds', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');

/** 004: The Voice News, a reworded Reuters story; 001 (Pak Correspondent) is the Reuters story itself. */
const VOICE = seedParagraphs('004_1d32572d87f94e9b.txt');
const VOICE_LEAD =
  'The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within the next few days, warned U.S. Secretary of State Marco Rubio.';
const PAK_ID = '001_ba9eee08ec8f519a';
const PAK_OUTLET = 'Pak Correspondent';
/** A sentence of the Reuters story that The Voice News leaves out. */
const PESKOV =
  'Kremlin spokesperson Dmitry Peskov acknowledged that some progress had been made but described communication with the U.S. as challenging.';
/** Cold starts timed by a lookup from an extension page; the median is printed. */
const COLD_STARTS = 5;
/** Pages loaded right after the worker stopped. */
const PAGE_COLD_STARTS = 2;
/** What the old worker instance leaves on its global object, to tell a new instance from it. */
const MARK = 'parallaxLifecycleMark';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function newsPage(title: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${escape(title)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article></main>
<footer><p>© 2025 Daily Wire Service.</p></footer></body></html>`;
}
const STORY_TITLE = 'US may walk away from Ukraine peace efforts, Rubio says';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

/**
 * The extension's service worker as the DevTools protocol reports it: its running status, every
 * status it went through, and a way to stop it.
 */
class WorkerWatch {
  status: RunningStatus | null = null;
  versionId: string | null = null;
  readonly log: RunningStatus[] = [];

  private constructor(private readonly cdp: CDPSession) {}

  static async attach(browser: Browser, page: Page): Promise<WorkerWatch> {
    const cdp = await browser.context.newCDPSession(page);
    const watch = new WorkerWatch(cdp);
    const script = `chrome-extension://${browser.extensionId}/`;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(script)) continue;
        watch.versionId = v.versionId;
        const status = v.runningStatus as RunningStatus;
        if (status !== watch.status) watch.log.push(status);
        watch.status = status;
      }
    });
    await cdp.send('ServiceWorker.enable');
    await watch.until(() => watch.status === 'running', 'running', 10_000);
    return watch;
  }

  /**
   * Stop the worker as Chromium does when it is idle, and wait until it has stopped. Returns where
   * the status log stood, for `restarted`.
   */
  async stop(): Promise<number> {
    if (this.versionId === null) throw new Error('the extension has no service worker');
    const from = this.log.length;
    await this.cdp.send('ServiceWorker.stopWorker', { versionId: this.versionId });
    await this.until(() => this.log.slice(from).includes('stopped'), 'stopped', 10_000);
    return from;
  }

  /** Wait until a worker runs again, having gone through stopped → starting → running since `since`. */
  async restarted(since: number): Promise<void> {
    await this.until(() => this.status === 'running', 'running', 15_000);
    expect(this.log.slice(since), 'the worker did not go through stopped → starting → running').toEqual(
      expect.arrayContaining(['stopped', 'starting', 'running']),
    );
  }

  private async until(done: () => boolean, status: RunningStatus, timeout: number): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`the service worker is ${this.status ?? 'unknown'}, not ${status}, after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

let browser: Browser;
let server: PageServer;
let watch: WorkerWatch;

beforeAll(async () => {
  server = await servePages([]);
  server.route('/world/rubio-paris.html', { body: newsPage(STORY_TITLE, VOICE) });
  for (let i = 0; i <= PAGE_COLD_STARTS; i++) server.route(`/world/rubio-paris-${i}.html`, { body: newsPage(STORY_TITLE, VOICE) });
  server.route('/world/rubio-paris-cached.html', { body: newsPage(STORY_TITLE, VOICE) });
  server.route('/world/rubio-paris-next.html', { body: newsPage(STORY_TITLE, VOICE.slice(0, 3)) });
  browser = await launchBrowser();
  // A tab of its own for the DevTools session, so that closing test pages does not end it.
  const blank = await browser.newPage();
  watch = await WorkerWatch.attach(browser, blank);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function markWorker(): Promise<void> {
  const worker = await browser.worker();
  await worker.evaluate((mark) => void ((globalThis as Record<string, unknown>)[mark] = 'an earlier life'), MARK);
}

async function workerMark(): Promise<unknown> {
  const worker = await browser.worker();
  return worker.evaluate((mark) => (globalThis as Record<string, unknown>)[mark], MARK);
}

async function highlighted(page: Page): Promise<string[]> {
  return (await allHighlighted(page)).map(squash);
}

async function scannedAt(tabId: number): Promise<number> {
  const worker = await browser.worker();
  return worker.evaluate(async (id) => {
    const key = `tab:${id}`;
    const state = (await chrome.storage.session.get(key))[key] as { scan?: { scannedAt: number } } | undefined;
    return state?.scan?.scannedAt ?? Number.NaN;
  }, tabId);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('after Chromium stops the idle service worker', () => {
  it('the panel opened afterwards still shows the result of a page scanned before', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/world/rubio-paris.html'));
    const tabId = await scannedTab(browser, page);
    await expect.poll(() => highlighted(page)).toContain(VOICE_LEAD);
    const count = (await highlighted(page)).length;
    await markWorker();

    const since = await watch.stop();
    const panel = await openPanel(browser, tabId);
    await watch.restarted(since);
    expect(await workerMark(), 'the panel was answered by the old worker instance').toBeUndefined();
    await panel.getByText('127.0.0.1').first().waitFor({ timeout: 15_000 });
    await openAllPoints(panel);
    const text = await panel.locator('body').innerText();
    expect(text).toContain('The United States may withdraw from mediating the Russia-Ukraine conflict');
    expect(text).toContain(PAK_OUTLET);
    // The page and its badge are as they were.
    expect((await highlighted(page)).length).toBe(count);
    expect(await badgeText(browser, tabId)).toBe(String(count));
    await panel.close();
    await page.close();
  });

  it('the next page is scanned, highlighted and counted, with the index rebuilt from IndexedDB', async () => {
    // Rename an outlet in the database only: the bundled corpus still has the old name, so a new
    // worker shows the new one only if it built its index from IndexedDB.
    const renamed = `${PAK_OUTLET} (read from IndexedDB)`;
    const worker = await browser.worker();
    await worker.evaluate(
      async ({ name, id, outlet }) => {
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => done(request.result);
          request.onerror = () => fail(request.error);
        });
        await new Promise<void>((done, fail) => {
          const tx = db.transaction('articles', 'readwrite');
          const articles = tx.objectStore('articles');
          const get = articles.get(id);
          get.onsuccess = () => {
            if (get.result === undefined) {
              fail(new Error(`no article ${id} in ${name}`));
              tx.abort();
              return;
            }
            articles.put({ ...get.result, outlet });
          };
          tx.oncomplete = () => done();
          tx.onerror = () => fail(tx.error);
        });
        db.close();
      },
      { name: DB_NAME, id: PAK_ID, outlet: renamed },
    );

    const loads: { cold: number; warm: number }[] = [];
    for (let i = 0; i < PAGE_COLD_STARTS; i++) {
      await markWorker();
      const since = await watch.stop();
      const page = await browser.newPage();
      let loading = Date.now();
      await page.goto(server.url(`/world/rubio-paris-${i}.html`));
      await watch.restarted(since);
      const tabId = await scannedTab(browser, page);
      expect(await workerMark(), 'the page was scanned by the old worker instance').toBeUndefined();
      const cold = (await scannedAt(tabId)) - loading;

      await expect.poll(() => highlighted(page)).toContain(VOICE_LEAD);
      const count = (await highlighted(page)).length;
      expect(count).toBeGreaterThanOrEqual(5);
      expect(await badgeText(browser, tabId)).toBe(String(count));
      if (i === 0) {
        // The panel's outlet filter lists the outlets of the page's matches, as this worker made them.
        const panel = await openPanel(browser, tabId);
        await expect.poll(() => panel.locator('option').allTextContents(), { timeout: 15_000 }).toContain(renamed);
        expect(await panel.locator('option').allTextContents()).not.toContain(PAK_OUTLET);
        await panel.close();
      }
      // The same page again, scanned by the worker now running (corpus and index in memory).
      loading = Date.now();
      await page.goto(server.url(`/world/rubio-paris-${i}.html?again`));
      const warm = (await scannedAt(await scannedTab(browser, page))) - loading;
      loads.push({ cold, warm });
      await page.close();
    }
    console.log(
      `Page load → scan stored, after the worker stopped / with it running: ${loads.map((l) => `${l.cold} / ${l.warm} ms`).join(', ')}`,
    );
  });

  it('answers its first lookup after a cold start in a time that is printed as a figure', async () => {
    // Timed from an extension page, with nothing else waking the worker: the message starts it,
    // and the answer needs the corpus read from IndexedDB and the matcher built (corpus.ts).
    // The panel of a scanned tab: it asks nothing more once it shows the tab's result.
    const story = await browser.newPage();
    await story.goto(server.url('/world/rubio-paris.html?lookups'));
    const extensionPage = await openPanel(browser, await scannedTab(browser, story));
    await extensionPage.getByText('127.0.0.1').first().waitFor({ timeout: 15_000 });
    const lookup = () =>
      extensionPage.evaluate(async (text) => {
        const started = performance.now();
        const reply = (await chrome.runtime.sendMessage({ id: 1, type: 'lookupText', data: { text }, timestamp: Date.now() })) as {
          res?: { matches: unknown[] }[];
          err?: unknown;
        };
        return { ms: performance.now() - started, matched: reply.res?.[0]?.matches.length ?? 0, err: reply.err };
      }, VOICE_LEAD);

    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      await markWorker();
      const since = await watch.stop();
      const first = await lookup();
      await watch.restarted(since);
      expect(await workerMark(), 'the lookup was answered by the old worker instance').toBeUndefined();
      expect(first.err).toBeUndefined();
      expect(first.matched).toBeGreaterThan(0);
      const again = await lookup();
      expect(again.matched).toBe(first.matched);
      cold.push(first.ms);
      warm.push(again.ms);
    }
    const fmt = (xs: number[]) => `${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
    console.log(
      `Service worker cold start, median of ${COLD_STARTS}: stopped worker → first lookup answered ${fmt(cold)}; ` +
        `the same lookup, warm: ${fmt(warm)}`,
    );
    expect(median(cold)).toBeGreaterThan(median(warm));
    await extensionPage.close();
    await story.close();
  });

  it('a dynamic page scanned before goes on being scanned: what it adds afterwards is highlighted', async () => {
    const page = await browser.newPage();
    await page.goto(server.url(`/world/rubio-paris-${PAGE_COLD_STARTS}.html`));
    const tabId = await scannedTab(browser, page);
    await expect.poll(() => highlighted(page)).toContain(VOICE_LEAD);
    const before = await highlighted(page);
    expect(before).not.toContain(PESKOV);
    await markWorker();

    const since = await watch.stop();
    await page.evaluate((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      document.querySelector('article')!.append(p);
    }, PESKOV);
    await watch.restarted(since);
    expect(await workerMark()).toBeUndefined();
    await expect.poll(() => highlighted(page), { timeout: 10_000 }).toContain(PESKOV);
    const after = await highlighted(page);
    expect(after).toEqual(expect.arrayContaining(before));
    await expect.poll(() => badgeText(browser, tabId)).toBe(String(after.length));
    await page.close();
  });
});

describe('a page shown again from the back-forward cache', () => {
  // A browser of its own, with the cache Playwright turns off by default.
  let cached: Browser;

  beforeAll(async () => {
    cached = await launchBrowser({ backForwardCache: true });
  });

  afterAll(async () => {
    await cached?.close();
  });

  it('gets its badge and its panel back: its content script does not start again, so it is asked to send its scan', async () => {
    const browser = cached;
    const page = await browser.newPage();
    await page.goto(server.url('/world/rubio-paris-cached.html'));
    const tabId = await scannedTab(browser, page);
    await expect.poll(() => highlighted(page)).toContain(VOICE_LEAD);
    const count = (await highlighted(page)).length;
    await expect.poll(() => badgeText(browser, tabId)).toBe(String(count));
    // A mark in the page's own world: it is still there only if the page came back from the cache.
    await page.evaluate(() => void ((window as unknown as Record<string, unknown>).parallaxCachedMark = true));

    await page.goto(server.url('/world/rubio-paris-next.html'));
    await expect.poll(() => badgeText(browser, tabId)).not.toBe(String(count));
    // A page restored from the cache fires no load event: wait for the navigation to commit.
    await page.goBack({ waitUntil: 'commit' });
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).parallaxCachedMark), 'the page was loaded again, not restored').toBe(true);

    await expect.poll(() => badgeText(browser, tabId), { timeout: 10_000 }).toBe(String(count));
    const panel = await openPanel(browser, tabId);
    await panel.getByText(`${count} matched sentences`).waitFor({ timeout: 15_000 });
    await panel.close();
    await page.close();
  });
});
