/**
 * Nothing the reader reads leaves the browser, in Firefox either (tests/e2e/privacy.e2e.ts is the
 * Chromium side). Every request is recorded (harness/firefox-requests.ts: BiDi's record of every
 * tab, the extension's pages included, and Firefox's own HTTP log, which has the background page's
 * requests too) while a reader goes through each flow: a scan with the hover card, a panel session
 * (search, reveal, the highlights switch), a selection lookup, and an article taken from a page,
 * removed and imported from a file. The test fails on any request but the test's own page loads.
 * First, the recorders show that they see what they must: a page's fetch, and the extension's
 * fetches, on a copy of the extension whose policy would let them through.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, EXPORT_VERSION, type ArticleExport } from '../../../lib/db/export';
import {
  allHighlighted,
  clickButton,
  fill,
  FIREFOX_EXTENSION_DIR,
  highlightedText,
  launchBrowser,
  openPanel,
  scannedTab,
  waitForText,
  waitInPage,
  type Browser,
} from '../harness/firefox';
import { httpLogEnv, recordRequests, type RequestRecord, type SeenRequest } from '../harness/firefox-requests';
import { BRIEFING, LEDGER, newsPage, VOICE, VOICE_LEAD, VOICE_TITLE } from '../harness/news-pages';
import { CARD_PIERCING, hoverHighlight, selectText } from '../harness/page-ui';
import { servePages, type PageServer } from '../harness/server';

/** Requests the test makes on purpose, to show the recorders see them. */
const CANARY = '/canary/';

let server: PageServer;
beforeAll(async () => {
  server = await servePages([]);
  server.route('/world/rubio-paris.html', { body: newsPage(VOICE_TITLE, VOICE) });
  server.route('/briefing.html', { body: newsPage('Your weekend briefing', BRIEFING) });
  for (const name of ['page', 'extension-page', 'background']) server.route(`${CANARY}${name}`, { body: 'canary', type: 'text/plain' });
});
afterAll(async () => {
  await server?.close();
});

const isCanary = (url: string) => url.startsWith(server.url(CANARY));

/** A Firefox that writes its HTTP log, with every request recorded. */
async function recordedBrowser(extensionDir: string): Promise<{ browser: Browser; record: RequestRecord; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-httplog-'));
  const browser = await launchBrowser({ extensionDir, env: httpLogEnv(join(dir, 'http')) });
  const record = await recordRequests(browser, join(dir, 'http'));
  return { browser, record, dir };
}

/** Fetches `url` from the extension's background page (reached from an extension page), answering the body or the error. */
function fetchFromBackground(page: Page, url: string): Promise<string> {
  return page.evaluate(async (u: string) => {
    const background = (await browser.runtime.getBackgroundPage()) as (Window & typeof globalThis) | null;
    if (background === null) return 'no background page';
    return background.fetch(u).then((r) => r.text(), (e: unknown) => String(e));
  }, url);
}

/** Fetches `url` from `page`, answering the body or the error. */
function fetchFrom(page: Page, url: string): Promise<string> {
  return page.evaluate((u: string) => fetch(u).then((r) => r.text(), (e: unknown) => String(e)), url);
}

declare const browser: { runtime: { getBackgroundPage(): Promise<Window | null> } };

describe('the recorders', () => {
  it('see the extension’s fetches, from its pages and its background page, in Firefox’s HTTP log', async () => {
    // A copy of the extension without its content security policy, which refuses any fetch.
    const copy = mkdtempSync(join(tmpdir(), 'parallax-no-csp-'));
    cpSync(FIREFOX_EXTENSION_DIR, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    delete manifest.content_security_policy;
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    const { browser: firefox, record, dir } = await recordedBrowser(copy);
    try {
      const page = await firefox.openExtensionPage('icon/32.png');
      expect(await fetchFrom(page, server.url(`${CANARY}extension-page`))).toBe('canary');
      expect(await fetchFromBackground(page, server.url(`${CANARY}background`))).toBe('canary');
      await firefox.close();
      expect(record.logged().filter(isCanary)).toEqual([server.url(`${CANARY}extension-page`), server.url(`${CANARY}background`)]);
    } finally {
      await firefox.close().catch(() => {});
      rmSync(copy, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('every flow, with the extension as built', () => {
  let firefox: Browser;
  let record: RequestRecord;
  let dir: string;
  let closed = false;
  /** The pages the test itself loads: the only requests allowed. */
  const visited = new Set<string>();

  const visit = async (page: Page, path: string) => {
    visited.add(server.url(path));
    await page.goto(server.url(path));
  };

  beforeAll(async () => {
    ({ browser: firefox, record, dir } = await recordedBrowser(FIREFOX_EXTENSION_DIR));
  });

  afterAll(async () => {
    if (!closed) await firefox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records a page’s fetch; the extension’s policy refuses its pages’ and its background page’s', async () => {
    const page = await firefox.newPage();
    await visit(page, '/briefing.html');
    expect(await fetchFrom(page, server.url(`${CANARY}page`))).toBe('canary');
    expect(record.seen.some((r) => r.url === server.url(`${CANARY}page`))).toBe(true);

    const extensionPage = await firefox.openExtensionPage('icon/32.png');
    expect(await fetchFrom(extensionPage, server.url(`${CANARY}extension-page`))).toMatch(/NetworkError/u);
    expect(await fetchFromBackground(extensionPage, server.url(`${CANARY}background`))).toMatch(/NetworkError/u);
    await extensionPage.close();
    await page.close();
  });

  it('scan: a page on the story is highlighted and its hover card shown; a page off it is scanned', async () => {
    const page = await firefox.newPage();
    await visit(page, '/world/rubio-paris.html');
    await scannedTab(firefox, page);
    await expect.poll(() => allHighlighted(page)).toContain(VOICE_LEAD);
    await hoverHighlight(page, VOICE_LEAD);
    await page.waitForSelector(CARD_PIERCING, { visible: true });
    await page.close();

    const other = await firefox.newPage();
    await visit(other, '/briefing.html');
    await scannedTab(firefox, other);
    expect(await allHighlighted(other)).toEqual([]);
    await other.close();
  });

  it('panel: search, reveal on the page, and the highlights switch', async () => {
    const page = await firefox.newPage();
    await visit(page, '/world/rubio-paris.html');
    const tabId = await scannedTab(firefox, page);
    const panel = await openPanel(firefox, tabId);
    await waitForText(panel, 'matched sentence');
    await fill(panel, 'Search', 'minerals');
    await clickButton(panel, 'Clear filters');
    // The story's summary comes with the corpus overview, later than the scan on a busy background,
    // and moves 'Open all' down: a click aimed before it came lands beside the button.
    await waitForText(panel, 'outlets report it');
    // The points start closed: open them, as a reader would, to reach a sentence's button.
    await clickButton(panel, 'Open all');
    await clickButton(panel, 'Show on the page:');
    await expect.poll(async () => ((await highlightedText(page))['parallax-flash'] ?? []).length).toBe(1);
    await clickButton(panel, 'Highlights');
    await expect.poll(() => allHighlighted(page)).toEqual([]);
    await clickButton(panel, 'Highlights');
    await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThan(0);
    await panel.close();
    await page.close();
  });

  it('selection lookup: from the panel', async () => {
    const page = await firefox.newPage();
    await visit(page, '/briefing.html');
    const tabId = await scannedTab(firefox, page);
    await selectText(page, '#p2');
    const panel = await openPanel(firefox, tabId);
    await clickButton(panel, 'Scan my selection');
    await waitForText(panel, '1 sentence of your selection matches:');
    await panel.close();
    await page.close();
  });

  it('article: taken from a page, removed, and imported from a file', async () => {
    const page = await firefox.newPage();
    await visit(page, '/world/rubio-paris.html');
    const tabId = await scannedTab(firefox, page);
    const settings = await firefox.openExtensionPage(`options.html?tab=${tabId}`);
    await waitForText(settings, 'Parallax settings');
    const listed = () => settings.$$eval('ul[aria-label="Your articles"] > li', (items) => items.length).catch(() => 0);

    await clickButton(settings, 'Use this page’s article');
    await expect.poll(() => settings.$$eval('textarea', (areas) => areas.map((a) => a.value).join('\n'))).toContain(VOICE_LEAD);
    await fill(settings, 'Outlet', 'Daily Wire Service');
    await clickButton(settings, 'Add article');
    await expect.poll(listed, { timeout: 15_000 }).toBe(1);
    await clickButton(settings, 'Remove Daily Wire Service');
    await expect.poll(listed).toBe(0);

    const file = join(dir, 'articles.json');
    const doc: ArticleExport = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      articles: [{ id: 'user-ledger', outlet: LEDGER.outlet, title: LEDGER.headline, url: LEDGER.url, date: null, addedAt: new Date().toISOString(), text: LEDGER.text }],
    };
    writeFileSync(file, JSON.stringify(doc));
    const input = (await settings.$('input[type="file"]')) as ElementHandle<HTMLInputElement> | null;
    await input!.uploadFile(file);
    await expect.poll(listed, { timeout: 15_000 }).toBe(1);
    // The next scan matches against the reader's article too.
    await page.reload();
    await scannedTab(firefox, page);
    await settings.close();
    await page.close();
  });

  it('made no request: none but the test’s own pages, in BiDi’s record and in Firefox’s HTTP log', async () => {
    const origin = firefox.extensionOrigin;
    // Loads from the extension's own package and local blobs and data are not network requests.
    const local = (url: string) => url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`) || url.startsWith('data:') || url === 'about:blank';
    const allowed = (url: string) => visited.has(url) || isCanary(url) || url === server.url('/favicon.ico');

    const seen = record.seen.filter((r) => !local(r.url) && !allowed(r.url));
    expect.soft(seen, 'requests made during the flows (BiDi)').toEqual([] as SeenRequest[]);

    await firefox.close();
    closed = true;
    const logged = record.logged();
    // The recorder's canary is there: the log holds what the pages asked for.
    expect(logged).toContain(server.url(`${CANARY}page`));
    expect.soft(logged.filter((url) => !allowed(url)), 'HTTP requests besides the test’s pages (Firefox’s log)').toEqual([]);
    // The extension's policy refused its fetches before they became requests.
    expect.soft(logged.filter((url) => url.startsWith(server.url(`${CANARY}extension-page`)) || url.startsWith(server.url(`${CANARY}background`)))).toEqual([]);
    console.log(`Requests recorded in Firefox: ${record.seen.length} by BiDi, ${logged.length} in the HTTP log`);
  });
});
