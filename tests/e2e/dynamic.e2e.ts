/**
 * Pages whose content changes after load, in real Chromium: an infinite scroll that appends the
 * next story (and moves the address to it), and a single-page app that navigates with
 * history.pushState and the back button. Highlights and the badge follow; the tab's state
 * describes the page the reader is on.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { squash } from '../fixtures/pages/fixtures';
import { allHighlighted, badgeText, launchBrowser, scannedTab, type Browser } from './harness/extension';
import { servePages, type PageServer } from './harness/server';

const ROOT = resolve(import.meta.dirname, '../..');
const seedParagraphs = (file: string) =>
  readFileSync(resolve(ROOT, 'seeds', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const articleHtml = (title: string, paragraphs: readonly string[]) =>
  `<article><h1>${escape(title)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</article>`;

const SPORT = [
  'City won the cup final on Saturday after a late winner from their captain settled a tense match at the national stadium in front of a crowd of sixty thousand.',
  'The manager praised his players for their patience after a first half in which they created few chances against a well-organised and stubborn defence.',
  'Supporters celebrated in the streets of the city centre until late in the evening, and the team will parade the trophy through the town on Monday afternoon.',
  'The defeated side said they were proud of their run to the final and would be back stronger next season, when their young squad will have another year of experience.',
  'Tickets for the parade are not needed, the council said, but roads in the centre will be closed from noon and supporters are asked to use public transport.',
];

/** 004: The Voice News (a reworded Reuters story); 001: the Reuters story itself. */
const VOICE = seedParagraphs('004_1d32572d87f94e9b.txt');
const REUTERS = seedParagraphs('001_ba9eee08ec8f519a.txt');
const VOICE_LEAD = 'The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within the next few days, warned U.S. Secretary of State Marco Rubio.';
const REUTERS_LEAD = 'Kremlin spokesperson Dmitry Peskov acknowledged that some progress had been made but described communication with the U.S. as challenging.';

function shell(title: string, main: string, script: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:720px;margin:0 auto;padding:0 16px} article{min-height:100vh}</style></head>
<body><header><nav><a id="to-world" href="/spa/world">World</a> <a id="to-sport" href="/spa/sport">Sport</a> <a id="to-world-2" href="/spa/world-2">Analysis</a></nav></header>
<main id="main">${main}</main><footer><p>© 2025 Daily Wire Service.</p></footer>
<script>${script}</script></body></html>`;
}

/** The next story is appended when the reader nears the end, and the address moves to it. */
const INFINITE_SCRIPT = `
  var next = ${JSON.stringify(articleHtml('US may withdraw from Ukraine peace efforts if no progress seen in days, Rubio says', REUTERS))};
  var done = false;
  window.addEventListener('scroll', function () {
    if (done || window.scrollY + window.innerHeight < document.body.scrollHeight - 200) return;
    done = true;
    setTimeout(function () {
      document.getElementById('main').insertAdjacentHTML('beforeend', next);
      history.replaceState(null, '', '/scroll/next-story.html');
    }, 150);
  });`;

/** A single-page app: links render their page client-side; the back button too. */
const SPA_SCRIPT = `
  var pages = {
    '/spa/world': { title: 'US may walk away from Ukraine peace efforts, Rubio says', html: ${JSON.stringify(articleHtml('US may walk away from Ukraine peace efforts, Rubio says', VOICE))} },
    '/spa/sport': { title: 'City win the cup after late winner', html: ${JSON.stringify(articleHtml('City win the cup after late winner', SPORT))} },
    '/spa/world-2': { title: 'US may withdraw from Ukraine peace efforts if no progress seen in days, Rubio says', html: ${JSON.stringify(articleHtml('US may withdraw from Ukraine peace efforts if no progress seen in days, Rubio says', REUTERS))} },
  };
  function render(path) {
    var page = pages[path];
    document.title = page.title;
    // Fetching the page takes a moment, as it would.
    setTimeout(function () { document.getElementById('main').innerHTML = page.html; }, 120);
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a');
    if (!link || !pages[link.getAttribute('href')]) return;
    event.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    render(link.getAttribute('href'));
  });
  window.addEventListener('popstate', function () { render(location.pathname); });`;

let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages([]);
  server.route('/scroll/first-story.html', {
    body: shell('US may walk away from Ukraine peace efforts, Rubio says', articleHtml('US may walk away from Ukraine peace efforts, Rubio says', VOICE), INFINITE_SCRIPT),
  });
  const spa = (path: string, title: string, paragraphs: readonly string[]) =>
    server.route(path, { body: shell(title, articleHtml(title, paragraphs), SPA_SCRIPT) });
  spa('/spa/world', 'US may walk away from Ukraine peace efforts, Rubio says', VOICE);
  spa('/spa/sport', 'City win the cup after late winner', SPORT);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function highlighted(page: Page): Promise<string[]> {
  return (await allHighlighted(page)).map(squash);
}

/** The tab's state as the panel reads it. */
async function tabScan(tabId: number): Promise<{ url?: string; onStory?: boolean; sentences?: unknown[] } | undefined> {
  const worker = await browser.worker();
  return worker.evaluate(async (id) => {
    const key = `tab:${id}`;
    const state = (await chrome.storage.session.get(key))[key] as { scan?: { url: string; onStory: boolean; sentences: unknown[] } } | undefined;
    return state?.scan;
  }, tabId);
}
declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };

describe('an infinite scroll', () => {
  it('highlights the story appended below, keeps the first story’s highlights, and the badge counts both', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/scroll/first-story.html'));
    const tabId = await scannedTab(browser, page);
    await expect.poll(() => highlighted(page)).toContain(VOICE_LEAD);
    const before = (await highlighted(page)).length;
    expect(await highlighted(page)).not.toContain(REUTERS_LEAD);

    await page.mouse.wheel(0, 100_000);
    await expect.poll(() => highlighted(page), { timeout: 8_000 }).toContain(REUTERS_LEAD);
    const after = await highlighted(page);
    expect(after).toContain(VOICE_LEAD);
    expect(after.length).toBeGreaterThan(before);
    await expect.poll(() => badgeText(browser, tabId)).toBe(String(after.length));
    // The page moved its address to the story now in view: the panel names that one.
    await expect.poll(async () => (await tabScan(tabId))?.url).toBe(server.url('/scroll/next-story.html'));
    await page.close();
  });
});

describe('a single-page app', () => {
  it('scans each page it navigates to with pushState, and again on the back button', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/spa/world'));
    const tabId = await scannedTab(browser, page);
    await expect.poll(() => highlighted(page)).toContain(VOICE_LEAD);

    await page.click('#to-sport');
    await expect.poll(() => highlighted(page), { timeout: 8_000 }).toEqual([]);
    await expect.poll(async () => (await tabScan(tabId))?.url).toBe(server.url('/spa/sport'));
    expect((await tabScan(tabId))?.onStory).toBe(false);
    // The badge is set after the scan is stored: until then it still counts the page before.
    await expect.poll(() => badgeText(browser, tabId)).toBe('');

    await page.click('#to-world-2');
    await expect.poll(() => highlighted(page), { timeout: 8_000 }).toContain(REUTERS_LEAD);
    expect(await highlighted(page)).not.toContain(VOICE_LEAD);
    await expect.poll(async () => (await tabScan(tabId))?.url).toBe(server.url('/spa/world-2'));
    await expect.poll(() => badgeText(browser, tabId)).toBe(String((await highlighted(page)).length));

    await page.goBack();
    await expect.poll(() => highlighted(page), { timeout: 8_000 }).toEqual([]);
    await expect.poll(async () => (await tabScan(tabId))?.url).toBe(server.url('/spa/sport'));
    await page.close();
  });
});
