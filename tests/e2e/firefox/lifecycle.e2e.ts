/**
 * Where Firefox runs the extension differently from Chromium: its background is an event page,
 * which Firefox unloads when idle (after 30 s; here after IDLE_MS, set by its preference) and
 * loads again, with nothing in memory, on the next event: tests/e2e/lifecycle.e2e.ts does the same
 * for Chromium's service worker. And a tab that moves on to one of Firefox's own pages.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allHighlighted, badgeText, bodyText, clickButton, launchBrowser, openPanel, scannedTab, waitForText, type Browser } from '../harness/firefox';
import { run } from '../harness/evaluate';
import { ledgerQuotingPage, newsPage, VOICE, VOICE_LEAD, VOICE_TITLE } from '../harness/news-pages';
import { servePages, type PageServer } from '../harness/server';

/** How long the background page may stay idle before Firefox unloads it, in ms (Firefox's default: 30 000). */
const IDLE_MS = 2_000;

declare const browser: { extension: { getViews(): Window[] } };

let firefox: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages([]);
  server.route('/world/rubio-paris.html', { body: newsPage(VOICE_TITLE, VOICE) });
  server.route('/digest/rubio.html', { body: ledgerQuotingPage() });
  server.route('/world/rubio-paris-next.html', { body: newsPage(VOICE_TITLE, VOICE.slice(0, 3)) });
  firefox = await launchBrowser({ prefs: { 'extensions.background.idle.timeout': IDLE_MS } });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Whether the background page is loaded now (asked without waking it, as getBackgroundPage would). */
const backgroundLoaded = () =>
  run(firefox.extension, () => browser.extension.getViews().some((view) => view.location.pathname === '/_generated_background_page.html'), null);

async function scanned(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await firefox.newPage();
  await page.goto(server.url(path));
  const tabId = await scannedTab(firefox, page);
  await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThan(0);
  return { page, tabId };
}

describe('after Firefox unloads the idle background page', () => {
  it('the badge stays, the panel still shows the result of a page scanned before, and the next page is scanned', async () => {
    const { page, tabId } = await scanned('/world/rubio-paris.html');
    const count = (await allHighlighted(page)).length;
    await expect.poll(backgroundLoaded, { timeout: IDLE_MS * 5, interval: 250 }).toBe(false);

    expect(await badgeText(firefox, tabId)).toBe(String(count));
    const panel = await openPanel(firefox, tabId);
    await waitForText(panel, 'matched sentence');
    // The story's summary comes with the corpus overview, which a background rebuilding its index
    // answers later than the tab's scan; shown above the points, it moves 'Open all' down, and a
    // click aimed before it came lands elsewhere (the points stayed closed, 1 run in 3 under load).
    await waitForText(panel, 'outlets report it');
    // The points start closed, and Firefox leaves a closed <details>' text out of innerText.
    await clickButton(panel, 'Open all');
    // The points open on the panel's next render, not within the click.
    await waitForText(panel, VOICE_LEAD.slice(0, 60));
    expect(await bodyText(panel)).toContain('Pak Correspondent');
    await panel.close();

    // The next page's scan wakes the background, which builds its index from IndexedDB again.
    await expect.poll(backgroundLoaded, { timeout: IDLE_MS * 5, interval: 250 }).toBe(false);
    const next = await scanned('/digest/rubio.html');
    expect(await badgeText(firefox, next.tabId)).toBe(String((await allHighlighted(next.page)).length));
    await next.page.close();
    await page.close();
  });
});

describe('a tab that moves on to one of Firefox’s own pages', () => {
  it('drops the old scan: no badge and no stale result, and the panel says why', async () => {
    // An address of its own: a tab the test above left open (when it failed) is not this one.
    const { page, tabId } = await scanned('/world/rubio-paris.html?to-blank');
    expect(await badgeText(firefox, tabId)).not.toBe('');

    await page.goto('about:blank');
    await expect.poll(() => badgeText(firefox, tabId)).toBe('');
    const panel = await openPanel(firefox, tabId);
    await waitForText(panel, 'Parallax can’t read this page');
    expect(await bodyText(panel)).not.toContain('The United States may withdraw');
    await panel.close();
    await page.close();
  });
});

describe('a page shown again from Firefox’s back-forward cache', () => {
  it('gets its badge back: its content script does not start again, so it is asked to send its scan', async () => {
    const { page, tabId } = await scanned('/world/rubio-paris.html?cached');
    const count = (await allHighlighted(page)).length;
    await expect.poll(() => badgeText(firefox, tabId)).toBe(String(count));
    // A mark in the page's own world: it is still there only if the page came back from the cache.
    await page.evaluate(() => void ((window as unknown as Record<string, unknown>).parallaxCachedMark = true));

    await page.goto(server.url('/world/rubio-paris-next.html'));
    await expect.poll(() => badgeText(firefox, tabId)).not.toBe(String(count));
    // A page restored from the cache fires no load event for the driver to wait for.
    await page.evaluate(() => history.back());
    await expect
      .poll(() => page.evaluate(() => (window as unknown as Record<string, unknown>).parallaxCachedMark === true).catch(() => false), { timeout: 10_000 })
      .toBe(true);
    await expect.poll(() => badgeText(firefox, tabId), { timeout: 10_000 }).toBe(String(count));
    await page.close();
  });
});
