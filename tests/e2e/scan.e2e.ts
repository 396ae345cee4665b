/**
 * The thin path through every part: a page carrying a seed article's text is scanned, its
 * sentences highlighted, the badge counts them, and the panel lists them with their outlets.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allHighlighted, badgeText, launchBrowser, openPanel, scannedTab, type Browser } from './harness/extension';
import { servePages, type PageServer } from './harness/server';

const ROOT = resolve(import.meta.dirname, '../..');
const seed = (file: string) => readFileSync(resolve(ROOT, 'seeds', file), 'utf8');

/** A plain news page around an article's paragraphs, as a small outlet's site would serve it. */
function newsPage(title: string, paragraphs: string[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} | Daily Wire Service</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<main><article><h1>${escape(title)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article></main>
<footer><p>© 2025 Daily Wire Service. All rights reserved.</p></footer></body></html>`;
}

let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages([]);
  // 004 is The Voice News: a reworded Reuters story.
  const voice = seed('004_1d32572d87f94e9b.txt').split('\n').filter((l) => l.trim() !== '');
  server.route('/world/rubio-paris.html', { body: newsPage('US may walk away from Ukraine peace efforts, Rubio says', voice) });
  server.route('/sport/cup-final.html', {
    body: newsPage('City win the cup after late winner', [
      'City won the cup final on Saturday after a late winner from their captain settled a tense match at the national stadium.',
      'The manager praised his players for their patience after a first half in which they created few chances against a well-organised defence.',
      'Supporters celebrated in the streets of the city centre until late in the evening, and the team will parade the trophy on Monday.',
      'The defeated side said they were proud of their run to the final and would be back stronger next season.',
    ]),
  });
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

    const highlighted = await allHighlighted(page);
    expect(highlighted).toContain(
      'The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within the next few days, warned U.S. Secretary of State Marco Rubio.',
    );
    expect(highlighted.length).toBeGreaterThanOrEqual(5);
    expect(await badgeText(browser, tabId)).toBe(String(highlighted.length));

    const panel = await openPanel(browser, tabId);
    await panel.getByText('127.0.0.1').first().waitFor();
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
    const tabId = await scannedTab(browser, page);

    expect(await allHighlighted(page)).toEqual([]);
    expect(await badgeText(browser, tabId)).toBe('');
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
    const tabId = await scannedTab(browser, page);
    expect(await badgeText(browser, tabId)).not.toBe('');

    await page.goto('chrome://version');
    await expect.poll(() => badgeText(browser, tabId)).toBe('');
    const panel = await openPanel(browser, tabId);
    await panel.getByRole('heading', { name: 'Parallax can’t read this page' }).waitFor();
    expect(await panel.locator('body').innerText()).not.toContain('The United States may withdraw');
    await panel.close();
    await page.close();
  });
});
