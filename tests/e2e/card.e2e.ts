/**
 * What a reader does with the highlights, in real Chromium: hovers a sentence and reads the card,
 * opens the panel at that sentence from it, steps through the highlights and hides them with the
 * keyboard shortcuts, and cross-references a selection on a page that is not about the story.
 *
 * Headless Chromium cannot press an extension's keyboard shortcut or click its context-menu item
 * (both belong to the browser's own UI), so those tests dispatch the browser event the shortcut or
 * the click fires — chrome.commands.onCommand, chrome.contextMenus.onClicked — in the service
 * worker, to the same listener the real key press or click reaches. Everything after that (the
 * relay to the tab, the card, the highlights) is the real path.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { squash } from '../fixtures/pages/fixtures';
import { allHighlighted, launchBrowser, openPanel, scannedTab, storedSentences as storedIn, type Browser } from './harness/extension';
import { newsPage, VOICE, VOICE_LEAD, VOICE_TITLE } from './harness/news-pages';
import { card, highlightRects, hoverHighlight, selectText, UI_HOST } from './harness/page-ui';
import { seriousViolations } from './harness/axe';
import { saveScreenshot } from './harness/screenshots';
import { servePages, type PageServer } from './harness/server';

const LEAD = VOICE_LEAD;
/** A Reuters sentence quoted in a column about something else. */
const QUOTED = 'Kremlin spokesperson Dmitry Peskov acknowledged that some progress had been made but described communication with the U.S. as challenging.';

let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages([]);
  server.route('/world/rubio-paris.html', { body: newsPage(VOICE_TITLE, VOICE) });
  // The Voice News article with Peskov's name as a link, the way sites link names to topic pages.
  server.route('/world/linked.html', {
    body: newsPage(VOICE_TITLE, VOICE).replace(
      'Kremlin spokesman Dmitry Peskov',
      'Kremlin spokesman <a id="peskov" href="/topic/dmitry-peskov">Dmitry Peskov</a>',
    ),
  });
  server.route('/sport/column.html', {
    body: newsPage('A long season ends at the national stadium', [
      'City won the cup final on Saturday after a late winner from their captain settled a tense match at the national stadium in front of a crowd of sixty thousand.',
      'The manager praised his players for their patience after a first half in which they created few chances against a well-organised and stubborn defence.',
      `Elsewhere in the paper this week, a line from the diplomatic pages caught our columnist’s eye: ${QUOTED}`,
      'Supporters celebrated in the streets of the city centre until late in the evening, and the team will parade the trophy through the town on Monday afternoon.',
      'The defeated side said they were proud of their run to the final and would be back stronger next season, when their young squad will have another year of experience.',
    ]),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The tab's matched sentences as the background stored them (what the panel shows). */
const storedSentences = (tabId: number) => storedIn(browser, tabId);

/** Fires a manifest command in the service worker, as pressing its shortcut in the tab does. */
async function pressShortcut(command: string, tabId: number): Promise<void> {
  const worker = await browser.worker();
  await worker.evaluate(([name, id]) => chrome.commands.onCommand.dispatch(name, { id }), [command, tabId] as const);
}

async function articlePage(): Promise<{ page: Page; tabId: number }> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(server.url('/world/rubio-paris.html'));
  const tabId = await scannedTab(browser, page);
  await expect.poll(async () => (await allHighlighted(page)).map(squash)).toContain(LEAD);
  return { page, tabId };
}

const cardOutlets = (page: Page) => card(page).locator('.outlet').allTextContents();

/** The card covers no line of the sentence `text` and lies wholly inside the viewport. */
async function expectBesideNotOver(page: Page, text: string): Promise<void> {
  const box = (await card(page).boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  const lines = await highlightRects(page, text);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const overlaps = box.x < line.right && line.left < box.x + box.width && box.y < line.bottom && line.top < box.y + box.height;
    expect(overlaps, `card ${JSON.stringify(box)} over line ${JSON.stringify(line)}`).toBe(false);
  }
}

describe('the hover card', () => {
  it('shows the other outlets’ wordings of the sentence under the pointer, and goes when the pointer leaves', async () => {
    const { page, tabId } = await articlePage();
    const stored = (await storedSentences(tabId)).find((s) => squash(s.text) === LEAD)!;

    await hoverHighlight(page, LEAD);
    await card(page).waitFor({ state: 'visible' });
    expect(await cardOutlets(page)).toEqual(stored.matches.slice(0, 4).map((m) => m.outlet));
    // Each wording as the outlet wrote it (long ones cut with an ellipsis).
    const wordings = await card(page).locator('.wording').allTextContents();
    wordings.forEach((wording, i) => expect(stored.matches[i]!.text.startsWith(wording.replace(/…$/, ''))).toBe(true));
    expect(await card(page).textContent()).toContain('Compare in panel');
    // The wordings that change the lead's claim (The Voice News hedges, "may"; outlets that say
    // "is prepared to" do not) name their loudest changes, compactly, above the wording.
    const claims = await card(page).locator('.claims').allTextContents();
    expect(claims.length).toBeGreaterThan(0);
    for (const line of claims) expect(line).toMatch(/^(Certainty|Time frame|Who acts|Negation|Numbers|Attribution|Names): .+?( · (Certainty|Time frame|Who acts|Negation|Numbers|Attribution|Names): .+)?$/u);
    await expectBesideNotOver(page, LEAD);
    // The card inside its shadow root: no serious or critical accessibility violation.
    expect(await seriousViolations(page, [[UI_HOST, '.card']])).toEqual([]);
    // What a reader sees on the page, for the README: the highlights and the card.
    await saveScreenshot(page, 'page-card');

    await page.mouse.move(5, 5);
    await card(page).waitFor({ state: 'detached' });
    await page.close();
  });

  it('on a small screen, sits beside the sentence and scrolls inside itself rather than cover it or be cut off', async () => {
    const { page } = await articlePage();
    await page.setViewportSize({ width: 420, height: 480 });
    await hoverHighlight(page, LEAD);
    await card(page).waitFor({ state: 'visible' });
    await expectBesideNotOver(page, LEAD);
    // Its foot is reachable: the card scrolls when it is taller than the room it was given.
    const { scrollHeight, clientHeight } = await card(page).evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
    if (scrollHeight > clientHeight) {
      await card(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: 'instant' }));
      expect(await card(page).getByRole('button', { name: /Compare in panel/u }).isVisible()).toBe(true);
    }
    await page.close();
  });

  it('opens the panel in a tab at that sentence from its Compare button', async () => {
    const { page, tabId } = await articlePage();
    const stored = (await storedSentences(tabId)).find((s) => squash(s.text) === LEAD)!;
    await hoverHighlight(page, LEAD);
    await card(page).waitFor({ state: 'visible' });

    const opened = browser.context.waitForEvent('page');
    await card(page).locator('.compare').click();
    const panel = await opened;
    await panel.waitForLoadState();
    const url = new URL(panel.url());
    expect(url.pathname).toBe('/popup.html');
    expect(url.searchParams.get('tab')).toBe(String(tabId));
    expect(url.searchParams.get('sentence')).toBe(String(stored.index));
    await panel.getByText('127.0.0.1').first().waitFor();
    await expect(card(page).count()).resolves.toBe(0);
    await panel.close();
    await page.close();
  });
});

describe('keyboard focus', () => {
  it('shows the card when Tab lands on a link inside a highlighted sentence', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/world/linked.html'));
    const tabId = await scannedTab(browser, page);
    const sentence = (await storedSentences(tabId)).find((s) => s.text.startsWith('Kremlin spokesman'))!;
    expect(sentence).toBeDefined();
    // Tab through the page until the link inside that sentence has focus, as a keyboard reader does.
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'peskov'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('peskov');
    await card(page).waitFor({ state: 'visible' });
    expect(await cardOutlets(page)).toEqual(sentence.matches.slice(0, 4).map((m) => m.outlet));
    await page.close();
  });
});

describe('keyboard shortcuts (dispatched to the background’s command listener)', () => {
  it('next/previous-highlight step through the highlights in reading order, each with its card, focus on Compare', async () => {
    const { page, tabId } = await articlePage();
    const order = await page.evaluate(() => {
      const ranges: Range[] = [];
      for (const [name, h] of CSS.highlights) if (name.startsWith('parallax') && name !== 'parallax-flash') ranges.push(...(h as unknown as Iterable<Range>));
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return ranges.map((r) => r.toString().replace(/\s+/g, ' ').trim());
    });
    const flashed = () => page.evaluate(() => [...(CSS.highlights.get('parallax-flash') ?? [])].map((r) => (r as Range).toString().replace(/\s+/g, ' ').trim()));

    await pressShortcut('next-highlight', tabId);
    await card(page).waitFor({ state: 'visible' });
    expect(await flashed()).toEqual([order[0]]);
    await pressShortcut('next-highlight', tabId);
    await expect.poll(flashed).toEqual([order[1]]);
    await pressShortcut('previous-highlight', tabId);
    await expect.poll(flashed).toEqual([order[0]]);
    // Focus is on the card's Compare button (inside Parallax's element), so Enter would open the panel.
    expect(await page.evaluate((host) => document.activeElement?.localName === host && document.activeElement.shadowRoot?.activeElement?.className, UI_HOST)).toBe('compare');

    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'detached' });
    await page.close();
  });

  it('toggle-highlights hides every highlight, and shows them again', async () => {
    const { page, tabId } = await articlePage();
    const count = (await allHighlighted(page)).length;
    await pressShortcut('toggle-highlights', tabId);
    await expect.poll(() => allHighlighted(page)).toEqual([]);
    await pressShortcut('toggle-highlights', tabId);
    await expect.poll(async () => (await allHighlighted(page)).length).toBe(count);
    await page.close();
  });
});

describe('the popup’s Highlights toggle', () => {
  it('hides every highlight on the page', async () => {
    const { page, tabId } = await articlePage();
    const panel = await openPanel(browser, tabId);
    const toggle = panel.getByRole('button', { name: 'Highlights' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await expect.poll(() => allHighlighted(page)).toEqual([]);
    await toggle.click();
    await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThan(0);
    await panel.close();
    await page.close();
  });
});

describe('cross-referencing a selection (menu click dispatched to the background’s context-menu listener)', () => {
  it('shows the selection’s matches in a card beside it on a page the scan judged off-story, as the panel’s selection view does', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(server.url('/sport/column.html'));
    const tabId = await scannedTab(browser, page);
    expect(await allHighlighted(page)).toEqual([]);

    const selected = await selectText(page, '#p2');
    const worker = await browser.worker();
    await worker.evaluate(
      ([id, text, url]) =>
        chrome.contextMenus.onClicked.dispatch(
          { menuItemId: 'parallax-cross-reference', selectionText: text, editable: false, pageUrl: url },
          { id },
        ),
      [tabId, selected, page.url()] as const,
    );
    await card(page).waitFor({ state: 'visible' });
    const outlets = await cardOutlets(page);
    expect(outlets.length).toBeGreaterThan(0);
    expect(await card(page).textContent()).toContain('selection');
    // Beside the selection: the card's top is within a few lines of the selected paragraph.
    const [cardBox, selectionBox] = [await card(page).boundingBox(), await page.locator('#p2').boundingBox()];
    expect(Math.abs(cardBox!.y - (selectionBox!.y + selectionBox!.height))).toBeLessThan(200);

    const panel = await openPanel(browser, tabId);
    await panel.getByRole('button', { name: 'Scan my selection' }).click();
    await expect.poll(() => panel.locator('body').innerText()).toContain(outlets[0]!);
    const panelText = await panel.locator('body').innerText();
    for (const outlet of outlets) expect(panelText).toContain(outlet);
    // The same number of other wordings (the card lists them all when there are few).
    expect(await card(page).locator('.more').count()).toBe(0);
    expect(panelText).toContain(`${outlets.length} other wording`);
    await panel.close();
    await page.close();
  });

  it('asks for a selection when there is none', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/sport/column.html'));
    const tabId = await scannedTab(browser, page);
    await pressShortcut('cross-reference-selection', tabId);
    await card(page).waitFor({ state: 'visible' });
    expect(await card(page).textContent()).toMatch(/select some text/i);
    await page.close();
  });
});

declare const chrome: {
  commands: { onCommand: { dispatch(command: string, tab: { id: number }): void } };
  contextMenus: { onClicked: { dispatch(info: Record<string, unknown>, tab: { id: number }): void } };
};
