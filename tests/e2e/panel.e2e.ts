/**
 * The panel in real Chromium, driven as a reader drives it: the toolbar popup and the full-tab
 * view (`popup.html?tab=<id>`) over pages served on 127.0.0.1, every state of the panel, the page
 * scrolled and flashed from the panel, filters, search, the highlights switch, the keyboard, the
 * 400×600 popup size and dark mode. Each state's view is saved as a PNG in assets/screenshots/
 * (the README shows them), at 400×600 as the popup draws it, light, and the matches view also dark.
 *
 * The toolbar popup cannot be clicked open from a test; `openPopup` loads the same page the way
 * the popup loads it, without `?tab`, in a background tab, so that the page the reader is on is
 * the active tab it finds. The extension has no "tabs" permission (it sees no tab's address), so
 * tests find a page's tab as the active tab after bringing the page to the front.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Browser as ChromeApi } from '@wxt-dev/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../lib/db/database';
import { seriousViolations } from './harness/axe';
import { allHighlighted, highlightedText, launchBrowser, openAllPoints, openPanel, scannedTab, type Browser } from './harness/extension';
import { saveScreenshot } from './harness/screenshots';
import { servePages, type PageServer } from './harness/server';

/** The extension API as seen inside `worker.evaluate` callbacks, which run in the service worker. */
declare const chrome: typeof ChromeApi;

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = resolve(ROOT, 'tests/fixtures/pages');
/** The popup's size: Chromium draws extension popups at most 800×600, and the panel is 400 wide. */
const POPUP = { width: 400, height: 600 } as const;

/** Outlet → article URL, as the seeds record them (null when unknown). */
const OUTLET_URLS = new Map(
  (JSON.parse(readFileSync(resolve(ROOT, 'seeds/sources.json'), 'utf8')) as { articles: { outlet: string; url: string | null }[] }).articles.map(
    (a) => [a.outlet, a.url],
  ),
);
const KINDS = ['Verbatim', 'Reworded', 'Quote variant'];

/** Valuetainment's article in a blog layout (tests/fixtures/pages/blog-sidebar.json). */
const STORY = '/blog-sidebar.html';
/** Its sentence with Rubio's "endeavor", a quotation that opened two sentences before. */
const ENDEAVOR = 'But we’re not going to continue with this endeavor for weeks and months on end.”';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A plain news page: a site header, an article with paragraphs, a footer. */
function newsPage(title: string, headline: string | null, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article>${headline === null ? '' : `<h1>${escape(headline)}</h1>`}
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article></main>
<footer><p>© 2025 The Morning Ledger. All rights reserved.</p></footer></body></html>`;
}

/**
 * A weekend briefing about other news, with one item on Rubio's warning in other words: the page
 * is not about the story, but the reader can select that item and scan it.
 */
const BRIEFING_ITEM =
  'Secretary of State Marco Rubio said on Friday that Washington could walk away from its mediation efforts within days if no progress is made.';
const BRIEFING = newsPage('Your weekend briefing | The Morning Ledger', 'Your weekend briefing', [
  'Heavy rain is expected across the north of the country on Saturday, with flood warnings in place for several river valleys and advice to avoid travel where possible.',
  'City won the cup final after a late winner from their captain settled a tense match, and the team will parade the trophy through the centre on Monday afternoon.',
  BRIEFING_ITEM,
  'The central bank held interest rates steady for a third month, saying it wanted to see more evidence that price rises were slowing before it acted.',
  'A new exhibition of early photography opens at the city museum next week, with prints that have not been shown in public for more than a century.',
]);

/**
 * An aggregator's page on the story: its document title is the wire story's opening sentence, its
 * article an explainer of its own about how mediators' deadlines have worked out in the past. On
 * the story by its title; none of its sentences states a point of the story.
 */
const EXPLAINER_PARAGRAPHS = [
  'How do long negotiations usually end, and what can history tell us about deadlines set by the mediators who run them?',
  'The Dayton Accords ended the fighting in Bosnia in 1995 after three weeks of talks at an air base in Ohio, where the delegations were kept apart from the press and from each other for much of the time.',
  'Scholars of mediation note that deadlines work best when the mediator can credibly leave, and when both parties would lose something they value if it did, such as aid, recognition or trade.',
  'Others point to the Camp David talks of 1978, which nearly collapsed several times before the two leaders signed a framework on the thirteenth day, after their hosts had drafted more than twenty versions of it.',
  'A deadline that passes without consequence, the same scholars warn, teaches both sides that the next one can be ignored as well, and it weakens every later attempt at a settlement.',
  'Historians also caution against reading too much into public statements, which are often aimed at audiences at home as much as at the people sitting across the table.',
  'Whatever happens next, they expect the coming weeks to be studied for a long time by the people who teach the craft of negotiation to diplomats and students.',
];
const EXPLAINER = newsPage(
  'The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within the next few days, warned U.S. Secretary of State Marco Rubio.',
  null,
  EXPLAINER_PARAGRAPHS,
);

/**
 * A wire story of eight sentences, written for this test: the story's points in other words, as
 * an agency would file them. The panel for it must fit 1,800 px at 400 px wide before anything is
 * opened, and name the story in its first lines.
 */
const WIRE_PARAGRAPHS = [
  'WASHINGTON (Newswire) - The United States could pull out of its effort to broker a peace deal between Russia and Ukraine within days unless there are clear signs of progress, Secretary of State Marco Rubio said on Friday after a round of talks with European and Ukrainian officials in Paris.',
  '“We are not going to keep this going for weeks and months,” Rubio told reporters before leaving Paris, adding that President Donald Trump had invested a great deal of time and energy in the effort.',
  'He said Washington needed to decide very quickly, within a matter of days, whether an agreement was doable in the near term, and that the administration had other priorities it also had to attend to.',
  'If the two sides stay too far apart, President Donald Trump will probably decide to walk away from the process, Rubio said, while stressing that the United States still wanted the war to end.',
  'Kremlin spokesman Dmitry Peskov said on Friday that some progress had been made in the talks with Washington, but that contacts with the U.S. side were difficult and that Moscow would keep talking.',
  'Rubio said the reaction from European allies and from Kyiv to the U.S. framework presented in Paris had been encouraging, though he declined to give any details of what the framework contains.',
  'During his election campaign, Trump had promised to end the war within 24 hours of taking office, a pledge he has since described as having been made partly in jest, officials said.',
  'Russia has meanwhile kept up its attacks on Ukrainian cities, including a missile strike on the city of Sumy that killed 35 people, and Kyiv has accused Moscow of dragging out the negotiations.',
];
const WIRE = newsPage('US could quit Ukraine peace push within days, Rubio says | Newswire', null, WIRE_PARAGRAPHS);
/** The panel's height budget for that story, at 400 px wide, before any point is opened. */
const WIRE_PANEL_MAX_HEIGHT = 1_800;

let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages([PAGES]);
  server.route('/briefing.html', { body: BRIEFING });
  server.route('/world/explainer.html', { body: EXPLAINER });
  server.route('/wire/rubio-days.html', { body: WIRE });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// ── A page object for the panel ─────────────────────────────────────────────────────────────────

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The id of the tab showing `page`: the active tab once the page is brought to the front. */
async function tabIdOf(b: Browser, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = await b.worker();
  const ids = await worker.evaluate(async () => (await chrome.tabs.query({ active: true })).map((t) => t.id ?? -1));
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

/** The panel as the toolbar popup shows it for `page`: popup.html without `?tab`, `page` the active tab. */
async function openPopup(b: Browser, page: Page): Promise<Page> {
  await page.bringToFront();
  const worker = await b.worker();
  const opened = b.context.waitForEvent('page');
  await worker.evaluate((url) => chrome.tabs.create({ url, active: false }), `chrome-extension://${b.extensionId}/popup.html`);
  const popup = await opened;
  await popup.setViewportSize(POPUP);
  await popup.locator('.px-panel').waitFor();
  return popup;
}

/** The full-tab view for `tabId`, at the popup's size. */
async function openFullTab(b: Browser, tabId: number): Promise<Page> {
  const panel = await openPanel(b, tabId);
  await panel.setViewportSize(POPUP);
  await panel.locator('.px-panel').waitFor();
  return panel;
}

const cards = (panel: Page) => panel.locator('article.px-card');
/** The page's points, one row each: the panel opens on these, each closed. */
const rows = (panel: Page) => panel.locator('li.px-row');
const openAll = openAllPoints;
const cardFor = (panel: Page, sentence: string) => cards(panel).filter({ has: panel.getByRole('button', { name: `Show on the page: ${sentence}` }) });
const mainText = (panel: Page) => panel.locator('main').innerText();

/** Save the panel as it looks now, for the README: from its top, or from `from` scrolled to the top. */
async function screenshot(panel: Page, name: string, from?: Locator): Promise<void> {
  if (from === undefined) await panel.evaluate(() => window.scrollTo(0, 0));
  else await from.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await saveScreenshot(panel, name);
}

/** Whether the panel fits its window's width: nothing to scroll sideways. */
async function horizontalOverflow(panel: Page): Promise<number> {
  return panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The accessible name of the focused control, as a screen reader would announce it. */
function focusedName(panel: Page): Promise<string> {
  return panel.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (e === null || e === document.body) return '';
    const label = (e as HTMLInputElement).labels?.[0]?.textContent;
    return (e.getAttribute('aria-label') ?? label ?? e.innerText).replace(/\s+/g, ' ').trim();
  });
}

/** Where sentence `text` starts in the page's visible text (whitespace collapsed), -1 if nowhere. */
async function positionOnPage(page: Page, text: string): Promise<number> {
  const body = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  return body.indexOf(text.replace(/\s+/g, ' '));
}

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

// ── The matches view ────────────────────────────────────────────────────────────────────────────

describe('the full-tab view of an article on the story', () => {
  let page: Page;
  let panel: Page;
  let tabId: number;

  beforeAll(async () => {
    page = await browser.newPage();
    await page.goto(server.url(STORY));
    tabId = await scannedTab(browser, page);
    panel = await openFullTab(browser, tabId);
    await rows(panel).first().waitFor();
    await openAll(panel);
  });

  afterAll(async () => {
    await panel?.close();
    await page?.close();
  });

  it('shows the panel for that tab: its site, on the story, and how many sentences matched', async () => {
    const header = await panel.locator('header').innerText();
    expect(header).toContain('127.0.0.1');
    expect(header).toMatch(/On the story · \d+ of \d+ sentences matched/);
    // The full-tab view is already a tab: it offers no "Open in a tab".
    expect(await panel.getByRole('button', { name: 'Open in a tab' }).count()).toBe(0);
  });

  it('lists the matched sentences in page order, each with other outlets’ wordings, diffs, kinds, scores and links', async () => {
    const sentences = (await panel.locator('button.px-page-sentence').allInnerTexts()).map((t) =>
      t.replace(/^Show on the page:\s*/u, '').trim(),
    );
    expect(sentences.length).toBeGreaterThanOrEqual(5);
    const positions = await Promise.all(sentences.map((s) => positionOnPage(page, s)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    // The points come in page order, each row at its first sentence on the page (a point the page
    // states twice is one row, its later sentence listed inside it).
    const firsts = await rows(panel).locator('.px-row-sentence').allInnerTexts();
    const rowPositions = await Promise.all(firsts.map((s) => positionOnPage(page, s.trim())));
    expect(rowPositions.every((p) => p >= 0)).toBe(true);
    expect([...rowPositions].sort((a, b) => a - b)).toEqual(rowPositions);

    const wordings = panel.locator('li.px-wording');
    const count = await wordings.count();
    expect(count).toBeGreaterThanOrEqual(sentences.length);
    for (let i = 0; i < count; i++) {
      const wording = wordings.nth(i);
      const outlet = (await wording.locator('.px-outlet').innerText()).replace(/\s*\((opens in a new tab|no link to this article)\)\s*$/u, '');
      expect(OUTLET_URLS.has(outlet)).toBe(true);
      const url = OUTLET_URLS.get(outlet) ?? null;
      const link = wording.locator('a.px-outlet');
      if (url === null) expect(await link.count()).toBe(0);
      else {
        expect(await link.getAttribute('href')).toBe(url);
        expect(await link.getAttribute('target')).toBe('_blank');
      }
      expect(KINDS).toContain(await wording.locator('.px-kind').innerText());
      expect(await wording.locator('.px-score').innerText()).toMatch(/^\d{1,3}% match$/u);
      expect((await wording.locator('.px-diff').innerText()).trim()).not.toBe('');
      expect(await wording.locator('.px-diff-summary').innerText()).toMatch(
        /^(Same words.*|Same claim in other words|(Negation|Certainty|Time frame|Who acts|Numbers|Attribution|Names|Only one outlet): .+)$/u,
      );
    }
    // Words changed between outlets are marked, as inserted and deleted; changes of claim loudly;
    // the same thing in other words quietly.
    expect(await panel.locator('li.px-wording ins.px-ins').count()).toBeGreaterThan(0);
    expect(await panel.locator('li.px-wording del.px-del').count()).toBeGreaterThan(0);
    expect(await panel.locator('li.px-wording .px-loud').count()).toBeGreaterThan(0);
    expect(await panel.locator('li.px-wording .px-same').count()).toBeGreaterThan(0);
  });

  it('draws Breitbart’s British "endeavour" quietly, and groups its quote with the page’s as one wording', async () => {
    const card = cardFor(panel, ENDEAVOR);
    await expect.poll(() => card.count()).toBe(1);
    const breitbart = card.locator('li.px-wording').filter({ hasText: 'Breitbart News' });
    const spelling = breitbart.locator('.px-quiet', { hasText: 'endeavour' });
    expect(await spelling.getAttribute('title')).toBe('This page: endeavor');
    expect(await breitbart.locator('ins, del').count()).toBe(0);
    expect(await breitbart.locator('.px-diff-summary').innerText()).toBe('Same words; only punctuation, case or spelling differs');
    // The page's quote was found over the whole page with its paragraphs ("…,” he continued.
    // “… But we’re not going to continue…”), so it is Rubio's, and Breitbart's is the same words.
    const quotes = card.getByRole('region', { name: /^Quotes of (Marco )?Rubio$/u });
    const byPage = quotes.locator('.px-variant-by', { hasText: 'this page (127.0.0.1)' });
    expect(await byPage.innerText()).toContain('Breitbart News');
  });

  it('narrows the list by outlet, by kind and by search, and clears', async () => {
    const total = await rows(panel).count();
    await panel.getByLabel('Outlet', { exact: true }).selectOption({ label: 'The Voice News' });
    await expect.poll(() => panel.locator('.px-count').innerText()).toMatch(/^Showing \d+ of \d+ sentences$/u);
    const outlets = await panel.locator('li.px-wording .px-outlet').allInnerTexts();
    expect(outlets.length).toBeGreaterThan(0);
    expect(outlets.every((o) => o.startsWith('The Voice News'))).toBe(true);
    expect(await rows(panel).count()).toBeLessThan(total);

    await panel.getByLabel('Outlet', { exact: true }).selectOption({ label: 'All outlets' });
    await panel.getByLabel('Kind', { exact: true }).selectOption({ label: 'Verbatim' });
    const kinds = await panel.locator('li.px-wording .px-kind').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['Verbatim']));

    await panel.getByLabel('Kind', { exact: true }).selectOption({ label: 'All kinds' });
    await panel.getByLabel('Search', { exact: true }).fill('minerals');
    await expect.poll(() => rows(panel).count()).toBeLessThan(total);
    const found = await rows(panel).allInnerTexts();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => /mineral/iu.test(c))).toBe(true);
    // The search knows spelling variants: the British spelling finds the page's "endeavor".
    await panel.getByLabel('Search', { exact: true }).fill('endeavour');
    await expect.poll(() => cardFor(panel, ENDEAVOR).count()).toBe(1);

    await panel.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => rows(panel).count()).toBe(total);
    await openAll(panel);
    expect(await panel.getByLabel('Search', { exact: true }).inputValue()).toBe('');
  });

  it('hides and shows the page’s highlights', async () => {
    const shown = await allHighlighted(page);
    expect(shown.length).toBeGreaterThan(0);
    const toggle = panel.getByRole('button', { name: 'Highlights' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await expect.poll(() => allHighlighted(page)).toEqual([]);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(async () => (await allHighlighted(page)).length).toBe(shown.length);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  });

  it('is driven by keyboard: Tab reaches the controls in reading order, Enter opens a point and activates', async () => {
    await panel.bringToFront();
    // Start where a reader starts reading: at the panel's title (a click there moves the point
    // Tab continues from, as in any page).
    await panel.getByRole('heading', { level: 1 }).click();
    const names: string[] = [];
    for (let i = 0; i < 7; i++) {
      await panel.keyboard.press('Tab');
      names.push(await focusedName(panel));
    }
    expect(names.slice(0, 5)).toEqual(['Highlights', 'Scan my selection', 'Search', 'Outlet', 'Kind']);
    expect(names[5]).toMatch(/^(Open|Close) all$/u);
    // Then the first point's row: a disclosure button named by the page's sentence.
    const toggle = rows(panel).first().locator('button.px-row-toggle');
    const rowSentence = (await toggle.locator('.px-row-sentence').innerText()).trim();
    expect(names[6]!.startsWith(rowSentence.slice(0, 40))).toBe(true);
    if ((await toggle.getAttribute('aria-expanded')) === 'true') await panel.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await panel.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    // Tab goes on into the opened point: its sentence, and Enter shows it on the page.
    await panel.keyboard.press('Tab');
    const first = (await rows(panel).first().locator('button.px-page-sentence').first().innerText()).replace(/\s+/g, ' ').trim();
    expect(await focusedName(panel)).toBe(first);
    await panel.keyboard.press('Enter');
    const sentence = first.replace(/^Show on the page:\s*/u, '');
    await expect.poll(async () => (await highlightedText(page))['parallax-flash'] ?? []).toContain(sentence);

    // Back to the switch, and Enter turns the highlights off, then on.
    for (let i = 0; i < 7; i++) await panel.keyboard.press('Shift+Tab');
    expect(await focusedName(panel)).toBe('Highlights');
    await panel.keyboard.press('Enter');
    await expect.poll(() => allHighlighted(page)).toEqual([]);
    await panel.keyboard.press('Enter');
    await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThan(0);
  });

  it('fits 400×600 without scrolling sideways', async () => {
    expect(await horizontalOverflow(panel)).toBe(0);
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    expect(await seriousViolations(panel)).toEqual([]);
  });

  it('Scan my selection is reached by keyboard and looks up the page’s selection', async () => {
    await page.bringToFront();
    await page.locator('p').first().selectText();
    await panel.bringToFront();
    await panel.getByRole('heading', { level: 1 }).click();
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('Tab');
    expect(await focusedName(panel)).toBe('Scan my selection');
    await panel.keyboard.press('Enter');
    await panel.getByRole('heading', { name: 'Your selection' }).waitFor();
  });

  it('opens at a sentence, or on the reader’s selection, when the page’s card asks (&sentence=<n>, &selection=1)', async () => {
    const index = Number((await cardFor(panel, ENDEAVOR).getAttribute('aria-labelledby'))!.replace('px-sentence-', ''));
    const atSentence = await browser.newPage();
    await atSentence.setViewportSize(POPUP);
    await atSentence.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}&sentence=${index}`);
    await expect.poll(() => focusedName(atSentence)).toBe(`Show on the page: ${ENDEAVOR}`);
    const box = (await cardFor(atSentence, ENDEAVOR).boundingBox())!;
    // Scrolled to the top of the view (to within a pixel of rounding).
    expect(Math.abs(box.y)).toBeLessThan(1);
    await atSentence.close();

    await page.getByText(ENDEAVOR.slice(0, 60)).selectText();
    const atSelection = await browser.newPage();
    await atSelection.setViewportSize(POPUP);
    await atSelection.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}&selection=1`);
    const selection = atSelection.getByRole('region', { name: 'Your selection' });
    await selection.getByRole('status').filter({ hasText: /of your selection match/u }).waitFor();
    expect(await selection.locator('li.px-wording .px-outlet').allInnerTexts()).toContainEqual(expect.stringMatching(/^Breitbart News/u));
    await atSelection.close();
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
  });
});

describe('the toolbar popup on an article on the story', () => {
  let page: Page;
  let popup: Page;
  let tabId: number;

  beforeAll(async () => {
    page = await browser.newPage();
    await page.goto(server.url(STORY));
    tabId = await scannedTab(browser, page);
    popup = await openPopup(browser, page);
    await rows(popup).first().waitFor();
  });

  afterAll(async () => {
    if (!popup.isClosed()) await popup.close();
    await page?.close();
  });

  it('shows the matches, fits 400×600, and is saved as the first screenshot', async () => {
    expect(await popup.locator('header').innerText()).toContain('127.0.0.1');
    expect(await horizontalOverflow(popup)).toBe(0);
    // The story named first, then the page's points, each closed.
    expect(await popup.locator('main > section').first().getAttribute('class')).toBe('px-story');
    expect(await popup.locator('button.px-row-toggle[aria-expanded="true"]').count()).toBe(0);
    await screenshot(popup, 'matches');
    // Opened: Rubio's "weeks and months", spelled two ways and quoted two ways.
    await openAll(popup);
    await screenshot(popup, 'quote-variants', cardFor(popup, ENDEAVOR));
    await popup.getByRole('button', { name: 'Close all' }).click();
  });

  it('scrolls the page to a sentence clicked in the panel and flashes its highlight', async () => {
    // The last matched sentence: far down the page.
    await openAll(popup);
    const buttons = popup.locator('button.px-page-sentence');
    const last = buttons.last();
    const sentence = (await last.innerText()).replace(/^Show on the page:\s*/u, '').trim();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await last.click();
    await expect.poll(async () => (await highlightedText(page))['parallax-flash'] ?? []).toEqual([sentence]);
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5_000 }).toBeGreaterThan(200);
    // Once the smooth scroll settles, the flashed sentence is on screen.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const [range] = CSS.highlights.get('parallax-flash') ?? [];
            if (!(range instanceof Range)) return false;
            const box = range.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          }),
        { timeout: 5_000 },
      )
      .toBe(true);
  });

  it('follows dark mode, and is saved in dark too', async () => {
    await popup.emulateMedia({ colorScheme: 'dark' });
    const colors = await popup.evaluate(() => {
      const panel = document.querySelector('.px-panel')!;
      return {
        panel: getComputedStyle(panel).backgroundColor,
        text: getComputedStyle(panel).color,
        page: getComputedStyle(document.documentElement).backgroundColor,
      };
    });
    expect(luminance(colors.panel)).toBeLessThan(0.05);
    expect(luminance(colors.page)).toBeLessThan(0.05);
    expect(luminance(colors.text)).toBeGreaterThan(0.6);
    expect(await horizontalOverflow(popup)).toBe(0);
    const closeAll = popup.getByRole('button', { name: 'Close all' });
    if ((await closeAll.count()) > 0) await closeAll.click();
    await screenshot(popup, 'matches-dark');
    await popup.emulateMedia({ colorScheme: 'light' });
    expect(luminance(await popup.evaluate(() => getComputedStyle(document.querySelector('.px-panel')!).backgroundColor))).toBeGreaterThan(0.9);
  });

  it('opens the same panel in a tab of its own: popup.html?tab=<id>', async () => {
    const listed = await rows(popup).count();
    const opened = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Open in a tab' }).click();
    const full = await opened;
    await full.waitForURL(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await rows(full).first().waitFor();
    expect(await rows(full).count()).toBe(listed);
    // The popup closes itself, as a popup does once it has opened its tab.
    await expect.poll(() => popup.isClosed()).toBe(true);
    await full.close();
  });
});

describe('an eight-sentence wire story', () => {
  it('fits 1,800 px at 400 px wide before anything is opened, and names the story in its first lines', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/wire/rubio-days.html'));
    await scannedTab(browser, page);
    const popup = await openPopup(browser, page);
    await rows(popup).first().waitFor();
    expect(await horizontalOverflow(popup)).toBe(0);
    const height = await popup.evaluate(() => document.documentElement.scrollHeight);
    // Where the height goes, for whoever next needs margin: each part of the panel in turn.
    const parts = await popup.evaluate(() =>
      [...document.querySelectorAll('header, .px-story, .px-section-title, .px-filters, .px-count, .px-legend-inline, .px-rows-bar, .px-row, .px-section + .px-section')]
        .map((el) => `${el.className || el.tagName.toLowerCase()} ${Math.round(el.getBoundingClientRect().height)}`)
        .join(', '),
    );
    console.log(`Panel for the ${WIRE_PARAGRAPHS.length}-sentence wire story at 400 px wide, nothing opened: ${height} px (${await rows(popup).count()} points): ${parts}`);
    expect(height).toBeLessThanOrEqual(WIRE_PANEL_MAX_HEIGHT);
    // The story is named in the panel's first lines: under the header, first in the main part.
    const story = popup.getByRole('region', { name: /^The story/u });
    const box = (await story.boundingBox())!;
    expect(box.y).toBeLessThan(200);
    expect(await story.innerText()).toMatch(/^The story: Marco Rubio, \d+/u);
    // The core point's row says how the outlets differ on it.
    const loud = await rows(popup).first().locator('.px-row-loud, .px-row-same').innerText();
    expect(loud).not.toBe('');
    await popup.close();
    await page.close();
  });
});

// ── When the corpus overview answers late ───────────────────────────────────────────────────────

/** How long the overview's answer is held back: longer than a background rebuilding its index takes here. */
const OVERVIEW_DELAY_MS = 2_500;

/** Where 'Open all' and the story summary were, frame by frame, from the panel's first paint. */
interface Frame {
  at: number;
  openAllY: number | null;
  story: boolean;
  /** Whether the panel has drawn anything yet (it starts once it knows its tab). */
  panel: boolean;
  busy: boolean;
}

/**
 * The panel for `tabId` with the corpus overview's answer held back `delayMs`, or turned into the
 * error `fail`, as a busy background answers it. The panel's messages go through
 * chrome.runtime.sendMessage with a callback (@webext-core/messaging): the callback is delayed.
 * Every frame records where 'Open all' is (window.__frames), from before the panel first paints.
 */
async function panelWithLateOverview(b: Browser, tabId: number, delayMs: number, fail?: string): Promise<Page> {
  const panel = await b.newPage();
  await panel.setViewportSize(POPUP);
  await panel.addInitScript(
    ({ delayMs, fail }) => {
      type Send = (message: unknown, callback?: (response: unknown) => void) => unknown;
      const runtime = chrome.runtime as unknown as { sendMessage: Send };
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (message, callback) => {
        if ((message as { type?: string } | null)?.type !== 'getCorpusOverview' || callback === undefined) return send(message, callback);
        return send(message, (response) =>
          // An error as the background's messaging sends one back (serialized: name, message, stack).
          setTimeout(() => callback(fail === undefined ? response : { err: { name: 'Error', message: fail, stack: '' } }), delayMs),
        );
      };
      const frames: Frame[] = [];
      (window as unknown as { __frames: Frame[] }).__frames = frames;
      const start = performance.now();
      const record = () => {
        const button = [...document.querySelectorAll('button')].find((e) => /^(Open|Close) all$/u.test(e.textContent ?? ''));
        frames.push({
          at: performance.now() - start,
          openAllY: button === undefined ? null : button.getBoundingClientRect().y + window.scrollY,
          story: document.querySelector('section.px-story') !== null,
          panel: document.querySelector('.px-panel') !== null,
          busy: document.querySelector('main[aria-busy="true"]') !== null,
        });
        if (performance.now() - start < delayMs + 5_000) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    },
    { delayMs, fail },
  );
  await panel.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  return panel;
}

const framesOf = (panel: Page) => panel.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames);

describe('the corpus overview answered late', () => {
  it('moves nothing under the pointer: “Open all” first shows where it stays, with the story summary above it', async () => {
    const page = await browser.newPage();
    await page.goto(server.url(STORY));
    const tabId = await scannedTab(browser, page);
    const panel = await panelWithLateOverview(browser, tabId, OVERVIEW_DELAY_MS);
    const button = panel.getByRole('button', { name: 'Open all' });
    await button.waitFor({ timeout: 20_000 });
    const settled = (await button.boundingBox())!;
    await panel.locator('section.px-story').waitFor();
    await sleep(500);
    expect(await button.boundingBox()).toEqual(settled);
    const frames = await framesOf(panel);
    const shown = frames.filter((f) => f.openAllY !== null);
    const first = shown[0]!;
    console.log(
      `'Open all' first painted ${Math.round(first.at)} ms after the panel started (overview held back ${OVERVIEW_DELAY_MS} ms), at y ${first.openAllY}, then at ${[...new Set(shown.map((f) => f.openAllY))].join(', ')} in ${shown.length} frames`,
    );
    // Where it first painted is where it stays, and the summary was already above it.
    expect(new Set(shown.map((f) => f.openAllY))).toEqual(new Set([settled.y]));
    expect(first.story).toBe(true);
    // Every frame the panel drew before it said the panel was busy.
    const before = frames.slice(0, frames.indexOf(first)).filter((f) => f.panel);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((f) => f.busy)).toBe(true);
    // A click aimed at it the moment it shows lands on it.
    await panel.mouse.click(settled.x + settled.width / 2, settled.y + settled.height / 2);
    await panel.getByRole('button', { name: 'Close all' }).waitFor();
    await panel.close();
    await page.close();
  });

  it('says it is busy while the overview is held back, offers no point to aim at yet, and is axe-clean', async () => {
    const page = await browser.newPage();
    await page.goto(server.url(STORY));
    const tabId = await scannedTab(browser, page);
    const panel = await panelWithLateOverview(browser, tabId, 60_000);
    await panel.locator('main[aria-busy="true"]').waitFor({ timeout: 20_000 });
    expect(await panel.getByRole('status').innerText()).toMatch(/Gathering how other outlets worded it/u);
    expect(await panel.locator('header').innerText()).toMatch(/On the story/u);
    expect(await panel.getByRole('button', { name: 'Open all' }).count()).toBe(0);
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('shows the page’s rows when the overview fails, and says what failed', async () => {
    const page = await browser.newPage();
    await page.goto(server.url(STORY));
    const tabId = await scannedTab(browser, page);
    const panel = await panelWithLateOverview(browser, tabId, 0, 'The corpus is being rebuilt.');
    const notice = panel.getByRole('region', { name: 'Parallax could not load its corpus overview' });
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.innerText()).toContain('The corpus is being rebuilt.');
    expect(await rows(panel).count()).toBeGreaterThan(0);
    expect(await panel.locator('header').innerText()).toMatch(/On the story/u);
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.close();
    await page.close();
  });
});

// ── The other states ────────────────────────────────────────────────────────────────────────────

describe('every other state has its view', () => {
  it('loading: while the page is still loading, the panel says it is reading it, then shows the result', async () => {
    const page = await browser.newPage();
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const body = readFileSync(resolve(PAGES, 'wire-story.html'), 'utf8');
    // The page's server answers slowly: the tab keeps loading until the test lets it finish.
    await page.route('**/slow/wire-story.html', async (route) => {
      await released;
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    });
    const navigation = page.goto(server.url('/slow/wire-story.html'));
    await sleep(200);
    const popup = await openPopup(browser, page);
    await popup.getByRole('status').filter({ hasText: 'Reading this page…' }).waitFor();
    expect(await mainText(popup)).toBe('Reading this page…');
    // Still loading a second later: the panel keeps waiting rather than giving up on the page.
    await sleep(1_000);
    expect(await mainText(popup)).toBe('Reading this page…');
    await screenshot(popup, 'loading');

    release();
    await navigation;
    await rows(popup).first().waitFor({ timeout: 15_000 });
    expect(await popup.locator('header').innerText()).toMatch(/On the story/u);
    await popup.close();
    await page.close();
  });

  it('unsupported: a browser page says why Parallax cannot read it', async () => {
    const page = await browser.newPage();
    await page.goto('chrome://version');
    const popup = await openPopup(browser, page);
    await popup.getByRole('heading', { name: 'Parallax can’t read this page' }).waitFor();
    const text = await mainText(popup);
    // Without the "tabs" permission the address is hidden; what the panel says holds for any such tab.
    expect(text).toContain('This tab has no page Parallax can read.');
    expect(text).toContain('Browsers keep extensions out of their own pages');
    expect(await horizontalOverflow(popup)).toBe(0);
    await screenshot(popup, 'unsupported');
    // The full-tab view of the same tab says the same.
    const full = await openFullTab(browser, await tabIdOf(browser, page));
    await full.getByRole('heading', { name: 'Parallax can’t read this page' }).waitFor();
    await full.close();
    await popup.close();
    await page.close();
  });

  it('off the story: the reader selects a passage, scans it, and sees its matches', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/briefing.html'));
    await scannedTab(browser, page);
    const popup = await openPopup(browser, page);
    await popup.getByRole('heading', { name: 'This page isn’t about the story' }).waitFor();
    // The header says why in the panel's own words (components/PanelStates.tsx).
    expect(await popup.locator('header').innerText()).toMatch(/Not about the story|This page isn’t about the story/u);

    // Nothing selected yet: the panel says what to do.
    await popup.getByRole('button', { name: 'Scan my selection' }).click();
    await popup.getByRole('alert').filter({ hasText: 'Select some text on the page first' }).waitFor();

    await page.getByText(BRIEFING_ITEM).selectText();
    await popup.getByRole('button', { name: 'Scan my selection' }).click();
    await popup.getByText('1 sentence of your selection matches:').waitFor();
    const card = cards(popup);
    expect(await card.count()).toBe(1);
    expect(await card.locator('blockquote.px-page-sentence').innerText()).toBe(BRIEFING_ITEM);
    expect(await card.locator('li.px-wording').count()).toBeGreaterThan(0);
    // A selection is not one of the page's listed sentences: nothing to scroll to.
    expect(await card.getByRole('button', { name: /^Show on the page/u }).count()).toBe(0);
    expect(await horizontalOverflow(popup)).toBe(0);
    // Once the selection matched, the view speaks of the selection, not of the page being off the story.
    expect(await popup.locator('main').innerText()).not.toContain('isn’t about the story');
    expect(await seriousViolations(popup)).toEqual([]);
    await screenshot(popup, 'off-story');
    await popup.close();
    await page.close();
  });

  it('no matches: a page on the story whose sentences match no outlet’s wording says so', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/world/explainer.html'));
    await scannedTab(browser, page);
    const popup = await openPopup(browser, page);
    await popup.getByRole('heading', { name: 'No matching sentences' }).waitFor();
    const count = EXPLAINER_PARAGRAPHS.length;
    expect(await popup.locator('header').innerText()).toContain(`On the story · 0 of ${count} sentences matched`);
    expect(await mainText(popup)).toContain(`none of its ${count} sentences matches another outlet’s wording`);
    expect(await allHighlighted(page)).toEqual([]);
    await screenshot(popup, 'no-matches');
    await popup.close();
    await page.close();
  });
});

describe('error with Retry', () => {
  // A browser of its own: this test breaks the extension's database.
  let broken: Browser;

  beforeAll(async () => {
    broken = await launchBrowser();
  });

  afterAll(async () => {
    await broken?.close();
  });

  it('shows what failed when the background cannot open its database, and Retry reads the page again once it can', async () => {
    const worker = await broken.worker();
    // Once the bundled corpus is stored (on install), leave the database as another build of
    // Parallax might: a later schema version whose articles table is keyed differently, with no
    // corpus recorded. Dexie adds missing tables and indexes to a newer database but cannot re-key
    // a table, so the "origin" index this build needs stays missing and the background's next
    // load of the corpus fails on it.
    await expect
      .poll(() => worker.evaluate(async (name) => (await indexedDB.databases()).some((d) => d.name === name), DB_NAME), {
        timeout: 15_000,
      })
      .toBe(true);
    await sleep(500);
    await worker.evaluate(
      (name) =>
        new Promise<void>((resolveOpen, reject) => {
          const request = indexedDB.open(name, 99_990);
          request.onupgradeneeded = () => {
            request.result.deleteObjectStore('articles');
            request.result.createObjectStore('articles', { keyPath: 'uuid' });
            request.transaction!.objectStore('meta').clear();
          };
          request.onsuccess = () => {
            request.result.close();
            resolveOpen();
          };
          request.onerror = () => reject(request.error);
          request.onblocked = () => reject(new Error(`${name} is held open`));
        }),
      DB_NAME,
    );

    const page = await broken.newPage();
    await page.goto(server.url(STORY));
    const popup = await openPopup(broken, page);
    await popup.getByRole('heading', { name: 'Something went wrong' }).waitFor({ timeout: 15_000 });
    expect(await popup.locator('.px-error-text').innerText()).toContain('origin');
    expect(await allHighlighted(page)).toEqual([]);
    expect(await horizontalOverflow(popup)).toBe(0);
    await screenshot(popup, 'error');

    // The other build's database is removed; Retry reads the page again and all is well.
    await worker.evaluate(
      (name) =>
        new Promise<void>((resolveDelete, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolveDelete();
          request.onerror = () => reject(request.error);
        }),
      DB_NAME,
    );
    await popup.getByRole('button', { name: 'Retry' }).click();
    await rows(popup).first().waitFor({ timeout: 20_000 });
    expect(await popup.locator('header').innerText()).toMatch(/On the story/u);
    expect((await allHighlighted(page)).length).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });
});
