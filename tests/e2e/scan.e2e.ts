/**
 * The thin path through every part: a page carrying a seed article's text is scanned, its
 * sentences highlighted, the badge counts them, and the panel lists them with their outlets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, launchBrowser, openAllPoints, openPanel, settledScan, type Browser } from './harness/extension';
import { CUP_FINAL, CUP_FINAL_TITLE, newsPage, VOICE, VOICE_LEAD, VOICE_TITLE } from './harness/news-pages';
import { servePages, type PageServer } from './harness/server';

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
    // The badge and the highlights follow the stored scan: read them once they show it.
    const { tabId, highlighted, badge } = await settledScan(browser, page);
    expect(highlighted).toContain(VOICE_LEAD);
    expect(highlighted.length).toBeGreaterThanOrEqual(5);
    expect(badge).toBe(String(highlighted.length));

    const panel = await openPanel(browser, tabId);
    await panel.getByText('127.0.0.1').first().waitFor();
    await openAllPoints(panel);
    const text = await panel.locator('body').innerText();
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
    const { tabId, highlighted, badge } = await settledScan(browser, page);

    expect(highlighted).toEqual([]);
    expect(badge).toBe('');
    const panel = await openPanel(browser, tabId);
    await expect.poll(() => panel.locator('body').innerText()).toMatch(/not about/i);
    await panel.close();
    await page.close();
  });
});

describe('a tab that moves on to another page', () => {
  it('drops the old scan: a browser page afterwards shows no badge and no stale result', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/world/rubio-paris.html'));
    const { tabId, badge } = await settledScan(browser, page);
    expect(badge).not.toBe('');

    await page.goto('chrome://version');
    await expect.poll(() => badgeText(browser, tabId)).toBe('');
    const panel = await openPanel(browser, tabId);
    await panel.getByRole('heading', { name: 'Parallax can’t read this page' }).waitFor();
    expect(await panel.locator('body').innerText()).not.toContain('The United States may withdraw');
    await panel.close();
    await page.close();
  });
});
