/**
 * Nothing the reader reads leaves the browser. Every request in the browser is recorded
 * (harness/requests.ts: Playwright's record of pages, frames and the service worker; Chromium's own
 * network log; what the content security policy refused) while a reader goes through each flow:
 * a scan with the hover card, a panel session (filters, search, reveal, the highlights switch), a
 * selection lookup (context menu and panel), and an article taken from a page, pasted, exported,
 * removed and imported. The test fails on any request the extension makes: anything its pages or
 * worker initiate, and any request but the test's own page loads. First, the recorders show that
 * they see what they must: a page's fetch, and a service-worker fetch, on a copy of the extension
 * whose policy would let it through.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser as ChromeApi } from '@wxt-dev/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allHighlighted, EXTENSION_DIR, highlightedText, launchBrowser, openAllPoints, openPanel, scannedTab, type Browser } from './harness/extension';
import { card, hoverHighlight, selectText } from './harness/page-ui';
import { netLogArgs, recordRequests, type LoggedRequest, type RequestRecord, type SeenRequest } from './harness/requests';
import { BRIEFING, newsPage, VOICE, VOICE_LEAD, VOICE_TITLE } from './harness/news-pages';
import { servePages, type PageServer } from './harness/server';

/** The extension API as seen inside `worker.evaluate` callbacks, which run in the service worker. */
declare const chrome: typeof ChromeApi;

const READER_OUTLET = 'Daily Wire Service';
/** Requests the test makes on purpose, to show the recorders see them. */
const CANARY = '/canary/';

let server: PageServer;
beforeAll(async () => {
  server = await servePages([]);
  server.route('/world/rubio-paris.html', { body: newsPage(VOICE_TITLE, VOICE) });
  server.route('/briefing.html', { body: newsPage('Your weekend briefing', BRIEFING) });
  server.route(`${CANARY}page`, { body: 'canary', type: 'text/plain' });
  server.route(`${CANARY}worker`, { body: 'canary', type: 'text/plain' });
});
afterAll(async () => {
  await server?.close();
});

/** A browser that writes its network log, with every request recorded. */
async function recordedBrowser(extensionDir: string): Promise<{ browser: Browser; record: RequestRecord; cleanUp: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-netlog-'));
  const browser = await launchBrowser({ extensionDir, args: netLogArgs(join(dir, 'netlog.json')) });
  const record = await recordRequests(browser, join(dir, 'netlog.json'));
  return { browser, record, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

const isCanary = (url: string) => url.startsWith(server.url(CANARY));

describe('the recorders', () => {
  it('see a service worker’s fetch, in Playwright’s record and in Chromium’s network log', async () => {
    // A copy of the extension without its content security policy, which refuses any fetch.
    const copy = mkdtempSync(join(tmpdir(), 'parallax-no-csp-'));
    cpSync(EXTENSION_DIR, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    delete manifest.content_security_policy;
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    const { browser, record, cleanUp } = await recordedBrowser(copy);
    try {
      const worker = await browser.worker();
      const canary = server.url(`${CANARY}worker`);
      expect(await worker.evaluate((url) => fetch(url).then((r) => r.text()), canary)).toBe('canary');
      expect(record.seen.filter((r) => r.url === canary)).toEqual([
        expect.objectContaining({ fromServiceWorker: true, by: `chrome-extension://${browser.extensionId}/background.js` }),
      ]);
      await browser.close();
      expect(record.logged().filter((r) => r.url === canary)).toEqual([
        expect.objectContaining({ initiator: `chrome-extension://${browser.extensionId}` }),
      ]);
    } finally {
      await browser.close().catch(() => {});
      rmSync(copy, { recursive: true, force: true });
      cleanUp();
    }
  });
});

describe('every flow, with the extension as built', () => {
  let browser: Browser;
  let record: RequestRecord;
  let cleanUp: () => void;
  let closed = false;
  /** The pages the test itself loads: the only requests allowed. */
  const visited = new Set<string>();

  const visit = async (page: Page, path: string) => {
    visited.add(server.url(path));
    await page.goto(server.url(path));
  };

  beforeAll(async () => {
    ({ browser, record, cleanUp } = await recordedBrowser(EXTENSION_DIR));
  });

  afterAll(async () => {
    if (!closed) await browser?.close();
    cleanUp?.();
  });

  it('records a page’s fetch, and what the extension’s policy refuses in its worker', async () => {
    const page = await browser.newPage();
    await visit(page, '/briefing.html');
    await page.evaluate((url) => fetch(url).then((r) => r.text()), server.url(`${CANARY}page`));
    expect(record.seen.some((r) => r.url === server.url(`${CANARY}page`) && r.by === page.url())).toBe(true);

    // The worker cannot fetch at all: its policy refuses, and the refusal is recorded.
    const worker = await browser.worker();
    const outcome = await worker.evaluate((url) => fetch(url).then(() => 'fetched', (e: unknown) => String(e)), server.url(`${CANARY}worker`));
    expect(outcome).toMatch(/Failed to fetch/u);
    await expect
      .poll(() => record.refused.filter((r) => isCanary(r.url)))
      .toEqual([{ by: `chrome-extension://${browser.extensionId}/background.js`, url: server.url(`${CANARY}worker`), directive: 'connect-src' }]);
    await page.close();
  });

  it('scan: a page on the story is highlighted and its hover card shown; a page off it is scanned', async () => {
    const page = await browser.newPage();
    await visit(page, '/world/rubio-paris.html');
    await scannedTab(browser, page);
    await expect.poll(() => allHighlighted(page)).toContain(VOICE_LEAD);
    await hoverHighlight(page, VOICE_LEAD);
    await card(page).waitFor({ state: 'visible' });
    await page.close();

    const other = await browser.newPage();
    await visit(other, '/briefing.html');
    await scannedTab(browser, other);
    expect(await allHighlighted(other)).toEqual([]);
    await other.close();
  });

  it('panel: filters, search, reveal on the page, and the highlights switch', async () => {
    const page = await browser.newPage();
    await visit(page, '/world/rubio-paris.html');
    const tabId = await scannedTab(browser, page);
    const panel = await openPanel(browser, tabId);
    await openAllPoints(panel);
    await panel.getByLabel('Outlet', { exact: true }).selectOption({ index: 1 });
    await panel.getByLabel('Kind', { exact: true }).selectOption({ label: 'Reworded' });
    await panel.getByLabel('Search', { exact: true }).fill('minerals');
    await panel.getByRole('button', { name: 'Clear filters' }).first().click();
    await openAllPoints(panel);
    await panel.locator('button.px-page-sentence').last().click();
    await expect.poll(async () => ((await highlightedText(page))['parallax-flash'] ?? []).length).toBe(1);
    const toggle = panel.getByRole('button', { name: 'Highlights' });
    await toggle.click();
    await expect.poll(() => allHighlighted(page)).toEqual([]);
    await toggle.click();
    await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThan(0);
    await panel.close();
    await page.close();
  });

  it('selection lookup: from the context menu, in a card on the page, and from the panel', async () => {
    const page = await browser.newPage();
    await visit(page, '/briefing.html');
    const tabId = await scannedTab(browser, page);
    const selected = await selectText(page, '#p2');
    const worker = await browser.worker();
    // Headless Chromium cannot click the context menu: the click's event goes to the same listener.
    await worker.evaluate(
      ([id, text, url]) =>
        (chrome.contextMenus.onClicked as unknown as { dispatch(info: object, tab: object): void }).dispatch(
          { menuItemId: 'parallax-cross-reference', selectionText: text, editable: false, pageUrl: url },
          { id },
        ),
      [tabId, selected, page.url()] as const,
    );
    await card(page).waitFor({ state: 'visible' });
    const panel = await openPanel(browser, tabId);
    await panel.getByRole('button', { name: 'Scan my selection' }).click();
    await panel.getByText('1 sentence of your selection matches:').waitFor();
    await panel.close();
    await page.close();
  });

  it('article import: taken from a page, pasted, exported, removed and imported from the file', async () => {
    const page = await browser.newPage();
    await visit(page, '/world/rubio-paris.html');
    const tabId = await scannedTab(browser, page);
    const settings = await browser.newPage();
    await settings.goto(`chrome-extension://${browser.extensionId}/options.html?tab=${tabId}`);
    await settings.getByRole('heading', { name: 'Parallax settings' }).waitFor();
    const list = settings.getByRole('list', { name: 'Your articles' });

    await settings.getByRole('button', { name: 'Use this page’s article' }).click();
    await expect.poll(() => settings.getByLabel(/^Article text/u).inputValue()).toContain(VOICE_LEAD);
    await settings.getByLabel('Outlet', { exact: true }).fill(READER_OUTLET);
    await settings.getByRole('button', { name: 'Add article' }).click();
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);

    await settings.getByLabel('Outlet', { exact: true }).fill('Harbor City Ledger');
    await settings.getByLabel(/^Article text/u).fill(BRIEFING.join('\n\n'));
    await settings.getByRole('button', { name: 'Add article' }).click();
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);

    const downloads = mkdtempSync(join(tmpdir(), 'parallax-downloads-'));
    try {
      const [download] = await Promise.all([settings.waitForEvent('download'), settings.getByRole('button', { name: 'Export to a file' }).click()]);
      const file = join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      for (const outlet of [READER_OUTLET, 'Harbor City Ledger']) {
        await settings.getByRole('button', { name: new RegExp(`^Remove ${outlet}`, 'u') }).click();
      }
      await expect.poll(() => list.getByRole('listitem').count()).toBe(0);
      await settings.getByLabel('Import from a file').setInputFiles(file);
      await expect.poll(() => list.getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);
    } finally {
      rmSync(downloads, { recursive: true, force: true });
    }
    // The next scan matches against the reader's articles too.
    await page.reload();
    visited.add(page.url());
    await scannedTab(browser, page);
    await settings.close();
    await page.close();
  });

  it('made no request: none by its pages or worker, none to the pages’ server but the pages themselves', async () => {
    const extension = `chrome-extension://${browser.extensionId}`;
    // Loads from the extension's own package and local blobs and data are not network requests. The
    // page UI the content script imports when first needed (lib/page/page-ui-loader.ts) is one of
    // the package's web-accessible files, at Chromium's dynamic URL for it: another host, same file.
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { web_accessible_resources?: { resources: string[] }[] };
    const packaged = new Set((manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources.map((r) => `/${r}`)));
    const webAccessible = (url: string) => url.startsWith('chrome-extension://') && packaged.has(new URL(url).pathname);
    const local = (url: string) =>
      url.startsWith(`${extension}/`) || url.startsWith(`blob:${extension}/`) || url.startsWith('data:') || webAccessible(url);
    const allowedPage = (url: string) => visited.has(url) || isCanary(url);

    const seen = record.seen.filter((r) => !local(r.url) && !allowedPage(r.url));
    expect.soft(seen, 'requests made during the flows (Playwright)').toEqual([] as SeenRequest[]);
    expect.soft(
      record.refused.filter((r) => !isCanary(r.url)),
      'loads and connections the extension tried and its policy refused',
    ).toEqual([]);

    await browser.close();
    closed = true;
    const logged = record.logged();
    // The recorder's canary is there: the log holds what the pages asked for.
    expect(logged.some((r) => r.url === server.url(`${CANARY}page`) && r.initiator === server.origin)).toBe(true);
    const fromExtension = logged.filter((r) => r.initiator === extension);
    const toServer = logged.filter((r) => r.url.startsWith(server.origin) && !allowedPage(r.url) && r.url !== server.url('/favicon.ico'));
    const navigations = logged.filter((r) => r.type === 'main frame' && !allowedPage(r.url));
    expect.soft(fromExtension, 'requests the extension initiated (network log)').toEqual([] as LoggedRequest[]);
    expect.soft(toServer, 'requests to the pages’ server besides the pages (network log)').toEqual([] as LoggedRequest[]);
    expect.soft(navigations, 'pages opened besides the test’s own (network log)').toEqual([] as LoggedRequest[]);
    // What remains is Chromium's own traffic (account and update checks, initiated by no origin).
    const browserOwn = logged.filter((r) => r.initiator === null && r.type !== 'main frame');
    console.log(`Requests recorded: ${record.seen.length} by Playwright, ${logged.length} in the network log; Chromium's own: ${[...new Set(browserOwn.map((r) => new URL(r.url).host))].join(', ') || 'none'}`);
  });
});
