/**
 * The reader's own articles, the scanning settings and the database's repair, in real Chromium,
 * driven through the settings page as a reader drives it: an article pasted in joins the matching
 * (a page quoting it shows its outlet in the panel), is exported, removed and imported back; a bad
 * file is refused by name and loses nothing; automatic scanning is turned off for a site and for
 * everything while selection lookups keep working; and a database damaged on disk is reported in
 * the panel, which rebuilds it, with the reader's article still there.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser as ChromeApi } from '@wxt-dev/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../lib/db/database';
import type { TabState } from '../../lib/protocol';
import { seriousViolations } from './harness/axe';
import { allHighlighted, launchBrowser, openPanel, scannedTab, type Browser } from './harness/extension';
import { ledgerQuotingPage, LEDGER } from './harness/news-pages';
import { selectText } from './harness/page-ui';
import { servePages, type PageServer } from './harness/server';

/** The extension API as seen inside `worker.evaluate` callbacks, which run in the service worker. */
declare const chrome: typeof ChromeApi;

const OUTLET = LEDGER.outlet;
const HEADLINE = LEDGER.headline;
const OWN_SENTENCE = LEDGER.ownSentence;
const ARTICLE_TEXT = LEDGER.text;
const ARTICLE_URL = LEDGER.url;

let browser: Browser;
let server: PageServer;
let settings: Page;
let downloads: string;
let visits = 0;

/** The quoting page at a fresh address (a new page each time, never a reload of a scanned one). */
function pageUrl(host = '127.0.0.1'): string {
  return server.url(`/digest/rubio.html?visit=${++visits}`).replace('127.0.0.1', host);
}

/** Waits until the background holds `status` for the tab showing `page`, and returns the tab's id and state. */
async function tabIn(page: Page, status: TabState['status'], timeout = 15_000): Promise<{ tabId: number; state: TabState }> {
  const deadline = Date.now() + timeout;
  const url = page.url();
  while (Date.now() < deadline) {
    const worker = await browser.worker();
    const found = await worker.evaluate(
      async ({ pageUrl, wanted }) => {
        const states = await chrome.storage.session.get(null);
        for (const [key, value] of Object.entries(states)) {
          const state = value as { status?: string; url?: string; scan?: { url?: string } };
          if (!key.startsWith('tab:') || state.status !== wanted) continue;
          if (wanted === 'error' || (state.url ?? state.scan?.url) === pageUrl) return { tabId: Number(key.slice(4)), state };
        }
        return null;
      },
      { pageUrl: url, wanted: status },
    );
    if (found !== null) return found as { tabId: number; state: TabState };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not reach the state "${status}" within ${timeout} ms`);
}

/** Opens the quoting page, waits for its scan, and returns what is highlighted and what the panel says. */
async function visitScanned(): Promise<{ highlighted: string[]; panelText: string }> {
  const page = await browser.newPage();
  await page.goto(pageUrl());
  const tabId = await scannedTab(browser, page);
  // The page always matches some seed sentences: once those are drawn, all of the scan is.
  await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThan(0);
  const highlighted = await allHighlighted(page);
  const panel = await openPanel(browser, tabId);
  await panel.getByText('On the story').waitFor();
  const panelText = await panel.locator('body').innerText();
  await panel.close();
  await page.close();
  return { highlighted, panelText };
}

/** The scanning settings as stored, once the settings page has saved them. */
async function storedSettings(): Promise<unknown> {
  const worker = await browser.worker();
  return worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
}

function status(page: Page, text: string | RegExp) {
  return page.getByRole('status').filter({ hasText: text });
}

beforeAll(async () => {
  server = await servePages([]);
  server.route('/digest/rubio.html', { body: ledgerQuotingPage() });
  browser = await launchBrowser();
  downloads = mkdtempSync(join(tmpdir(), 'parallax-downloads-'));
  settings = await browser.newPage();
  await settings.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await settings.getByRole('heading', { name: 'Parallax settings' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

describe('the settings page', () => {
  it('has no serious or critical accessibility violation (axe-core)', async () => {
    expect(await seriousViolations(settings)).toEqual([]);
  });

  it('is reached by keyboard: Tab visits its main controls, each with a name', async () => {
    await settings.bringToFront();
    await settings.getByRole('heading', { name: 'Parallax settings' }).click();
    const names: string[] = [];
    for (let i = 0; i < 40; i++) {
      await settings.keyboard.press('Tab');
      names.push(
        await settings.evaluate(() => {
          const e = document.activeElement as HTMLElement | null;
          if (e === null || e === document.body) return '';
          const label = (e as HTMLInputElement).labels?.[0]?.textContent;
          return (e.getAttribute('aria-label') ?? label ?? e.innerText ?? '').replace(/\s+/g, ' ').trim();
        }),
      );
    }
    const visited = names.filter((n) => n !== '');
    // Every stop has a name a screen reader can say.
    expect(visited.length).toBeGreaterThan(5);
    for (const control of ['Add article', 'Don’t scan this site', 'Rebuild database']) {
      expect(visited.some((n) => n.includes(control)), `${control} in ${JSON.stringify(visited)}`).toBe(true);
    }
  });
});

describe('the reader’s own article', () => {
  let exported = '';

  it('is not known before it is added: the page matches the seeds only', async () => {
    const { highlighted, panelText } = await visitScanned();
    expect(highlighted.length).toBeGreaterThan(0);
    expect(highlighted).not.toContain(OWN_SENTENCE);
    expect(panelText).not.toContain(OUTLET);
  });

  it('refuses an empty paste, naming it, and adds nothing', async () => {
    await settings.getByLabel('Outlet', { exact: true }).fill(OUTLET);
    await settings.getByRole('button', { name: 'Add article' }).click();
    await expect.poll(() => settings.getByRole('alert').innerText()).toBe('The pasted article: is empty.');
    expect(await settings.getByText('You have not added any articles').count()).toBe(1);
  });

  it('is added by paste, and a page quoting it then shows its outlet in the panel', async () => {
    await settings.getByLabel('Outlet', { exact: true }).fill(OUTLET);
    await settings.getByLabel(/^Address/).fill(ARTICLE_URL);
    await settings.getByLabel(/^Article text/).fill(ARTICLE_TEXT);
    await settings.getByRole('button', { name: 'Add article' }).click();
    await status(settings, `Added ${OUTLET}’s “${HEADLINE}”`).waitFor();
    const list = settings.getByRole('list', { name: 'Your articles' });
    expect(await list.innerText()).toContain(OUTLET);

    const { highlighted, panelText } = await visitScanned();
    expect(highlighted).toContain(OWN_SENTENCE);
    expect(panelText).toContain(OUTLET);
    expect(panelText).toContain('forty-one Ukrainian households');
  });

  it('is exported to a JSON file', async () => {
    const [download] = await Promise.all([
      settings.waitForEvent('download'),
      settings.getByRole('button', { name: 'Export to a file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^parallax-articles-\d{4}-\d{2}-\d{2}\.json$/);
    exported = join(downloads, download.suggestedFilename());
    await download.saveAs(exported);
    const doc = JSON.parse(readFileSync(exported, 'utf8'));
    expect(doc).toMatchObject({ format: 'parallax-articles', version: 1 });
    expect(doc.articles).toEqual([expect.objectContaining({ outlet: OUTLET, url: ARTICLE_URL, text: ARTICLE_TEXT })]);
    await status(settings, /^Exported 1 article to parallax-articles-/).waitFor();
  });

  it('is removed, and pages no longer match it', async () => {
    await settings.getByRole('button', { name: new RegExp(`^Remove ${OUTLET}`) }).click();
    await status(settings, `Removed ${OUTLET}’s “${HEADLINE}”.`).waitFor();
    await settings.getByText('You have not added any articles').waitFor();

    const { highlighted, panelText } = await visitScanned();
    expect(highlighted).not.toContain(OWN_SENTENCE);
    expect(panelText).not.toContain(OUTLET);
  });

  it('comes back from the exported file, and matches again', async () => {
    await settings.getByLabel('Import from a file').setInputFiles(exported);
    await status(settings, /^Imported 1 article from parallax-articles-.*\.json\.$/).waitFor();
    expect(await settings.getByRole('list', { name: 'Your articles' }).innerText()).toContain(OUTLET);

    const { highlighted, panelText } = await visitScanned();
    expect(highlighted).toContain(OWN_SENTENCE);
    expect(panelText).toContain(OUTLET);
  });

  it('can be taken from the page the panel is open for, and is then known as already stored', async () => {
    const page = await browser.newPage();
    await page.goto(pageUrl());
    const tabId = await scannedTab(browser, page);
    const panel = await openPanel(browser, tabId);
    const [fromPanel] = await Promise.all([
      browser.context.waitForEvent('page'),
      panel.getByRole('button', { name: 'Your articles and settings' }).click(),
    ]);
    await fromPanel.waitForLoadState();
    expect(fromPanel.url()).toBe(`chrome-extension://${browser.extensionId}/options.html?tab=${tabId}`);
    await fromPanel.getByRole('button', { name: 'Use this page’s article' }).click();
    await status(fromPanel, `Took the article from ${page.url()}`).waitFor();
    // The extraction's text: the headline and each paragraph, as the reader pasted them earlier.
    expect(await fromPanel.getByLabel(/^Article text/).inputValue()).toBe(ARTICLE_TEXT);
    expect(await fromPanel.getByLabel('Outlet', { exact: true }).inputValue()).toBe('127.0.0.1');
    expect(await fromPanel.getByLabel(/^Address/).inputValue()).toBe(page.url());
    await fromPanel.getByRole('button', { name: 'Add article' }).click();
    await expect
      .poll(() => fromPanel.getByRole('alert').innerText())
      .toBe(`the article from ${page.url()}: is not added: its text is already stored, as ${OUTLET}’s “${HEADLINE}”`);
    await fromPanel.close();
    await panel.close();
    await page.close();
  });

  it('is skipped when the same file is imported again', async () => {
    await settings.getByLabel('Import from a file').setInputFiles(exported);
    await status(settings, /^Imported 0 articles from .* Skipped 1 article already stored/).waitFor();
    expect(await settings.getByRole('list', { name: 'Your articles' }).getByRole('listitem').count()).toBe(1);
  });

  it('survives a bad import: a binary file and a malformed one are refused by name', async () => {
    await settings.getByLabel('Import from a file').setInputFiles({
      name: 'holiday.zip.json',
      mimeType: 'application/json',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]),
    });
    await expect
      .poll(() => settings.getByRole('alert').innerText())
      .toBe('holiday.zip.json: is a binary file (it contains NUL bytes), not a Parallax export. Nothing was imported.');
    const doc = JSON.parse(readFileSync(exported, 'utf8'));
    doc.articles.push({ ...doc.articles[0], id: 'user-other', text: '' });
    await settings.getByLabel('Import from a file').setInputFiles({
      name: 'edited.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(doc)),
    });
    await expect
      .poll(() => settings.getByRole('alert').innerText())
      .toBe(`edited.json articles[1] (“${HEADLINE}”) "text": is empty. Nothing was imported.`);
    expect(await settings.getByRole('list', { name: 'Your articles' }).getByRole('listitem').count()).toBe(1);
  });
});

describe('automatic scanning', () => {
  it('can be turned off for a site: its pages get no highlights, other sites still do, and a selection can still be looked up', async () => {
    await settings.getByLabel('Site', { exact: true }).fill(server.url('/any/page.html'));
    await settings.getByRole('button', { name: 'Don’t scan this site' }).click();
    await settings.getByRole('list', { name: 'Sites Parallax does not scan' }).getByText('127.0.0.1').waitFor();

    const page = await browser.newPage();
    await page.goto(pageUrl('127.0.0.1'));
    const { tabId, state } = await tabIn(page, 'off');
    expect(state).toMatchObject({ reason: 'Automatic scanning is off for 127.0.0.1 in Parallax’s settings.', site: '127.0.0.1' });
    expect(await allHighlighted(page)).toEqual([]);
    expect(await page.locator('parallax-ui').count()).toBe(0);

    const panel = await openPanel(browser, tabId);
    await panel.getByRole('heading', { name: 'Automatic scanning is off here' }).waitFor();
    await selectText(page, '#p3');
    await panel.getByRole('button', { name: 'Scan my selection' }).click();
    await panel.getByText('1 sentence of your selection matches').waitFor();
    expect(await panel.locator('body').innerText()).toContain(OUTLET);
    await panel.close();
    await page.close();

    // The same page from another site (localhost is the same server) is scanned.
    const elsewhere = await browser.newPage();
    await elsewhere.goto(pageUrl('localhost'));
    await scannedTab(browser, elsewhere);
    await expect.poll(() => allHighlighted(elsewhere)).toContain(OWN_SENTENCE);
    await elsewhere.close();

    await settings.getByRole('button', { name: 'Scan 127.0.0.1 again' }).click();
    await expect.poll(() => settings.getByRole('list', { name: 'Sites Parallax does not scan' }).count()).toBe(0);
    expect((await visitScanned()).highlighted).toContain(OWN_SENTENCE);
  });

  it('can be turned off entirely, and back on', async () => {
    const box = settings.getByRole('checkbox', { name: 'Scan news pages automatically' });
    await box.uncheck();
    await expect.poll(() => storedSettings()).toMatchObject({ autoScan: false });
    const page = await browser.newPage();
    await page.goto(pageUrl('localhost'));
    const { state } = await tabIn(page, 'off');
    expect(state).toMatchObject({ reason: 'Automatic scanning is off in Parallax’s settings.' });
    expect(await allHighlighted(page)).toEqual([]);
    await page.close();

    await box.check();
    await expect.poll(() => storedSettings()).toMatchObject({ autoScan: true });
    expect((await visitScanned()).highlighted).toContain(OWN_SENTENCE);
  });
});

describe('a damaged database', () => {
  it('is reported in the panel, which rebuilds it from the bundled corpus, the reader’s article kept', async () => {
    // Damage the database as a disk fault might: its sentences are lost (here: the store is
    // dropped by a version change from the settings page, which shares the extension's storage).
    // The background's connection is told of the change, closes, and reads the database again
    // at the next scan.
    await settings.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const probe = indexedDB.open(name);
          probe.onerror = () => reject(probe.error);
          probe.onsuccess = () => {
            const version = probe.result.version;
            probe.result.close();
            const request = indexedDB.open(name, version + 1);
            request.onupgradeneeded = () => request.result.deleteObjectStore('sentences');
            request.onsuccess = () => {
              request.result.close();
              resolve();
            };
            request.onerror = () => reject(request.error);
          };
        }),
      DB_NAME,
    );

    const page = await browser.newPage();
    await page.goto(pageUrl());
    const { tabId } = await tabIn(page, 'error');
    expect(await allHighlighted(page)).toEqual([]);

    const panel = await openPanel(browser, tabId);
    await panel.getByRole('heading', { name: 'Something went wrong' }).waitFor();
    const message = await panel.locator('.px-error-text').innerText();
    expect(message).toMatch(/Parallax's database is damaged: \d+ of its \d+ articles have no sentences/);
    expect(message).toContain('Rebuild the database');

    await panel.getByRole('button', { name: 'Rebuild database' }).click();
    await panel.getByText('On the story').waitFor({ timeout: 30_000 });
    expect(await panel.locator('body').innerText()).toContain(OUTLET);
    await expect.poll(() => allHighlighted(page)).toContain(OWN_SENTENCE);
    await panel.close();
    await page.close();

    await settings.reload();
    await settings.getByRole('list', { name: 'Your articles' }).getByText(OUTLET).waitFor();
  });

  it('can also be rebuilt from the settings page', async () => {
    await settings.getByRole('button', { name: 'Rebuild database' }).click();
    await status(settings, 'Rebuilt the database: the bundled articles are stored again, and 1 article of yours came back.').waitFor({
      timeout: 30_000,
    });
    expect((await visitScanned()).highlighted).toContain(OWN_SENTENCE);
  });
});
