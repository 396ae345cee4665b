/**
 * What a reader does with the highlights and a selection, in Firefox, as tests/e2e/card.e2e.ts
 * does in Chromium: hovers a sentence and reads the card, opens the panel at that sentence from
 * it, and looks a selection up from the panel on a page that is not about the story.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { squash } from '../../fixtures/pages/fixtures';
import { allHighlighted, clickButton, launchBrowser, openPanel, scannedTab, storedSentences, waitForText, waitInPage, type Browser } from '../harness/firefox';
import { BRIEFING, newsPage, VOICE, VOICE_LEAD, VOICE_TITLE } from '../harness/news-pages';
import { CARD_PIERCING, hoverHighlight, selectText } from '../harness/page-ui';
import { servePages, type PageServer } from '../harness/server';

let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages([]);
  server.route('/world/rubio-paris.html', { body: newsPage(VOICE_TITLE, VOICE) });
  server.route('/briefing.html', { body: newsPage('Your weekend briefing', BRIEFING) });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function articlePage(): Promise<{ page: Page; tabId: number }> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 700 });
  await page.goto(server.url('/world/rubio-paris.html'));
  const tabId = await scannedTab(browser, page);
  await expect.poll(async () => (await allHighlighted(page)).map(squash)).toContain(VOICE_LEAD);
  return { page, tabId };
}

const cardOutlets = (page: Page) => page.$$eval(`${CARD_PIERCING} .outlet`, (outlets) => outlets.map((o) => o.textContent ?? ''));

describe('the hover card', () => {
  it('shows the other outlets’ wordings of the sentence under the pointer, and goes when the pointer leaves', async () => {
    const { page, tabId } = await articlePage();
    const stored = (await storedSentences(browser, tabId)).find((s) => squash(s.text) === VOICE_LEAD)!;

    await hoverHighlight(page, VOICE_LEAD);
    await page.waitForSelector(CARD_PIERCING, { visible: true });
    expect(await cardOutlets(page)).toEqual(stored.matches.slice(0, 4).map((m) => m.outlet));
    const wordings = await page.$$eval(`${CARD_PIERCING} .wording`, (ws) => ws.map((w) => w.textContent ?? ''));
    wordings.forEach((wording, i) => expect(stored.matches[i]!.text.startsWith(wording.replace(/…$/, ''))).toBe(true));

    await page.mouse.move(5, 5);
    await page.waitForSelector(CARD_PIERCING, { hidden: true });
    await page.close();
  });

  it('opens the panel in a tab at that sentence from its Compare button', async () => {
    const { page, tabId } = await articlePage();
    const stored = (await storedSentences(browser, tabId)).find((s) => squash(s.text) === VOICE_LEAD)!;
    await hoverHighlight(page, VOICE_LEAD);
    await page.waitForSelector(CARD_PIERCING, { visible: true });

    const opened = new Promise<Page | null>((resolve) => browser.puppeteer.once('targetcreated', (target) => resolve(target.page())));
    await (await page.waitForSelector(`${CARD_PIERCING} .compare`))!.click();
    const panel = (await opened)!;
    // Firefox's BiDi does not tell Puppeteer a moz-extension page's address: read it in the page.
    const search = await waitInPage(panel, () => location.pathname === '/popup.html' && document.readyState === 'complete' && location.search, '');
    const params = new URLSearchParams(search);
    expect(params.get('tab')).toBe(String(tabId));
    expect(params.get('sentence')).toBe(String(stored.index));
    await waitForText(panel, '127.0.0.1');
    expect(await page.$(CARD_PIERCING)).toBeNull();
    await panel.close();
    await page.close();
  });
});

describe('a selection looked up from the panel', () => {
  it('on a page about other news, finds the one item on the story and the outlets that reported it', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/briefing.html'));
    const tabId = await scannedTab(browser, page);
    expect(await allHighlighted(page)).toEqual([]);

    expect(await selectText(page, '#p2')).toContain('Rubio');
    const panel = await openPanel(browser, tabId);
    await clickButton(panel, 'Scan my selection');
    await waitForText(panel, '1 sentence of your selection matches:');
    expect(await panel.evaluate(() => document.body.innerText)).toMatch(/\d+ other wordings?/u);
    await panel.close();
    await page.close();
  });
});
