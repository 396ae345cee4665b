/**
 * The reader's own article, in Firefox, through the settings page as tests/e2e/articles.e2e.ts
 * drives it in Chromium: pasted in, it joins the matching (a page quoting it is highlighted where
 * only it matches, and the panel names its outlet); removed, pages no longer match it.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allHighlighted, bodyText, clickButton, fill, launchBrowser, openPanel, scannedTab, waitForText, type Browser } from '../harness/firefox';
import { LEDGER, ledgerQuotingPage } from '../harness/news-pages';
import { servePages, type PageServer } from '../harness/server';

let browser: Browser;
let server: PageServer;
let settings: Page;
let visits = 0;

beforeAll(async () => {
  server = await servePages([]);
  server.route('/digest/rubio.html', { body: ledgerQuotingPage() });
  browser = await launchBrowser();
  settings = await browser.openExtensionPage('options.html');
  await waitForText(settings, 'Parallax settings');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the quoting page at a fresh address, waits for its scan, and returns what is highlighted and what the panel says. */
async function visitScanned(): Promise<{ highlighted: string[]; panelText: string }> {
  const page = await browser.newPage();
  await page.goto(server.url(`/digest/rubio.html?visit=${++visits}`));
  const tabId = await scannedTab(browser, page);
  // The page always matches some seed sentences: once those are drawn, all of the scan is.
  await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThan(0);
  const highlighted = await allHighlighted(page);
  const panel = await openPanel(browser, tabId);
  await waitForText(panel, 'On the story');
  const panelText = await bodyText(panel);
  await panel.close();
  await page.close();
  return { highlighted, panelText };
}

const articleList = (page: Page) => page.$eval('ul[aria-label="Your articles"]', (list) => (list as HTMLElement).innerText).catch(() => '');

describe('the reader’s own article', () => {
  it('is not known before it is added: the page matches the seeds only', async () => {
    const { highlighted, panelText } = await visitScanned();
    expect(highlighted.length).toBeGreaterThan(0);
    expect(highlighted).not.toContain(LEDGER.ownSentence);
    expect(panelText).not.toContain(LEDGER.outlet);
  });

  it('is added by paste on the settings page, and a page quoting it then shows its outlet in the panel', async () => {
    await fill(settings, 'Outlet', LEDGER.outlet);
    await fill(settings, 'Address', LEDGER.url);
    await fill(settings, 'Article text', LEDGER.text);
    await clickButton(settings, 'Add article');
    await waitForText(settings, `Added ${LEDGER.outlet}’s “${LEDGER.headline}”`);
    expect(await articleList(settings)).toContain(LEDGER.outlet);

    const { highlighted, panelText } = await visitScanned();
    expect(highlighted).toContain(LEDGER.ownSentence);
    expect(panelText).toContain(LEDGER.outlet);
    expect(panelText).toContain('forty-one Ukrainian households');
  });

  it('is removed, and pages no longer match it', async () => {
    await clickButton(settings, `Remove ${LEDGER.outlet}`);
    await waitForText(settings, `Removed ${LEDGER.outlet}’s “${LEDGER.headline}”.`);
    await waitForText(settings, 'You have not added any articles');

    const { highlighted, panelText } = await visitScanned();
    expect(highlighted).not.toContain(LEDGER.ownSentence);
    expect(panelText).not.toContain(LEDGER.outlet);
  });
});
