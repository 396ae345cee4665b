/**
 * The thin path through every part, in Firefox, as tests/e2e/scan.e2e.ts walks it in Chromium: a
 * page carrying a seed article's text is scanned, its sentences highlighted, the badge counts
 * them, and the panel lists them with their outlets; a page about something else gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allHighlighted, badgeText, bodyText, clickButton, launchBrowser, openPanel, scannedTab, waitForText, type Browser } from '../harness/firefox';
import { CUP_FINAL, CUP_FINAL_TITLE, newsPage, VOICE, VOICE_LEAD, VOICE_TITLE } from '../harness/news-pages';
import { servePages, type PageServer } from '../harness/server';

let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages([]);
  server.route('/world/rubio-paris.html', { body: newsPage(VOICE_TITLE, VOICE) });
  server.route('/sport/cup-final.html', { body: newsPage(CUP_FINAL_TITLE, CUP_FINAL) });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a page carrying a seed article', () => {
  it('highlights its sentences, counts them on the badge and lists them with outlets in the panel', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/world/rubio-paris.html'));
    const tabId = await scannedTab(browser, page);

    await expect.poll(() => allHighlighted(page)).toContain(VOICE_LEAD);
    const highlighted = await allHighlighted(page);
    expect(highlighted.length).toBeGreaterThanOrEqual(5);
    expect(await badgeText(browser, tabId)).toBe(String(highlighted.length));

    const panel = await openPanel(browser, tabId);
    await waitForText(panel, '127.0.0.1');
    // The story's summary comes with the corpus overview, later than the scan on a busy background,
    // and moves 'Open all' down: a click aimed before it came lands beside the button.
    await waitForText(panel, 'outlets report it');
    // The points start closed, and Firefox leaves a closed <details>' text out of innerText: open them as a reader would.
    await clickButton(panel, 'Open all');
    // The points open on the panel's next render, not within the click.
    await waitForText(panel, 'The United States may withdraw from mediating the Russia-Ukraine conflict');
    const text = await bodyText(panel);
    expect(text).toContain('The United States may withdraw from mediating the Russia-Ukraine conflict');
    // The same point, as the other outlets worded it.
    expect(text).toContain('Pak Correspondent');
    expect(text).toContain('Valuetainment (VT News)');
    await panel.close();
    await page.close();
  });
});

describe('a page about something else', () => {
  it('gets no highlight and no badge, and the panel says it is not about the story', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/sport/cup-final.html'));
    const tabId = await scannedTab(browser, page);

    expect(await allHighlighted(page)).toEqual([]);
    expect(await badgeText(browser, tabId)).toBe('');
    const panel = await openPanel(browser, tabId);
    await waitForText(panel, /isn’t about the story/i);
    await panel.close();
    await page.close();
  });
});
