/**
 * Launches the Firefox build (.output/firefox-mv3) in a real headless Firefox and answers the
 * questions a test asks, by the same names as harness/extension.ts does for Chromium: which
 * sentences are highlighted, what the badge says, what the panel shows.
 *
 * Puppeteer drives the system's Firefox over WebDriver BiDi, with no browser of its own to download.
 * Firefox differs from Chromium where a test reaches into the extension:
 *  - the background is an event page, not a service worker, and the driver cannot run code in it;
 *    the extension's API is reached from an extension page instead (`extension`), which has the
 *    same API and reads the same storage;
 *  - extension pages live at moz-extension://UUID/, a UUID Firefox draws at install; the
 *    `extensions.webextensions.uuids` preference fixes it for the add-on's id;
 *  - the driver may open moz-extension:// pages only when the browser is started with
 *    --remote-allow-system-access (a right of the test's driver, not of the extension).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser as Puppeteer, type Page } from 'puppeteer-core';
import { FIREFOX_MISSING, findFirefox } from '../../../lib/node/browser';
import type { Evaluates, WithExtension } from './evaluate';

// What a test reads from a page and from the background, the same in both browsers' harnesses.
export { allHighlighted, highlightedText } from './page-ui';
export { badgeText, scannedTab, storedSentences } from './tab-states';

/** The Firefox build under test (npm run test:e2e builds it), or $PARALLAX_FIREFOX_EXTENSION_DIR. */
export const FIREFOX_EXTENSION_DIR = process.env.PARALLAX_FIREFOX_EXTENSION_DIR || resolve(import.meta.dirname, '../../../.output/firefox-mv3');

/** The internal UUID the tests give the add-on, so that its pages have a known address. */
const EXTENSION_UUID = '7a3c1e52-9d4b-4f0e-8a61-2b5d9c7e4f10';

/** The add-on id a build declares (wxt.config.ts: browser_specific_settings.gecko.id). */
export function addonId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (id === undefined) throw new Error(`${extensionDir}/manifest.json declares no Firefox add-on id`);
  return id;
}

export interface Browser extends WithExtension {
  puppeteer: Puppeteer;
  /** The add-on's id, as the manifest declares it and Firefox installed it. */
  addonId: string;
  /** Where the extension's pages are: moz-extension://UUID. */
  extensionOrigin: string;
  newPage(): Promise<Page>;
  /** One of the extension's pages (`popup.html?tab=3`) in a tab of its own, once it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Firefox's own traffic to its services, stopped, so that a test sees only what the pages and the
 * extension ask for. Remote settings (block lists, experiments) follow `services.settings.server`,
 * which Puppeteer points nowhere, only when MOZ_REMOTE_SETTINGS_DEVTOOLS is set.
 */
const QUIET_ENV = { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' };

/**
 * How often the harness's waits look again, in ms. Puppeteer's default looks once a frame, and a tab
 * that is not in front gets no frames: the settings page, say, while the test visits a news page.
 */
const POLL_MS = 100;

/**
 * `env`: more environment for Firefox, e.g. MOZ_LOG to record its every HTTP request
 * (harness/firefox-requests.ts); `prefs`: more preferences, e.g. a shorter idle time for the
 * background page.
 */
export async function launchBrowser(
  options: { extensionDir?: string; env?: Record<string, string>; prefs?: Record<string, string | number | boolean> } = {},
): Promise<Browser> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(FIREFOX_MISSING);
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const id = addonId(extensionDir);
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, ...QUIET_ENV, ...options.env },
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }), ...options.prefs },
  });
  try {
    const installed = await browser.installExtension(extensionDir);
    if (installed !== id) throw new Error(`Firefox installed ${extensionDir} as ${installed}, not ${id}`);

    const openExtensionPage = async (path: string): Promise<Page> => {
      const page = await browser.newPage();
      const url = `${extensionOrigin}/${path}`;
      // Firefox's BiDi does not report a moz-extension document's load to Puppeteer, so goto()
      // never settles for one: start the navigation, then wait for the document itself.
      page.goto(url).catch(() => {});
      await waitInPage(page, (u) => location.href === u && document.readyState === 'complete', url);
      return page;
    };
    // An extension page with no script of its own (the icon): the extension's API is there, and
    // nothing of Parallax's runs in it. It stays open for the browser's life.
    const apiPage = await openExtensionPage('icon/16.png');
    const extension: Evaluates = { evaluate: (fn, arg) => apiPage.evaluate(fn, arg) };
    return {
      puppeteer: browser,
      addonId: id,
      extensionOrigin,
      extension,
      newPage: () => browser.newPage(),
      openExtensionPage,
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Open the panel for `tabId` in a tab of its own, as the "open in a tab" button does. */
export function openPanel(browser: Browser, tabId: number): Promise<Page> {
  return browser.openExtensionPage(`popup.html?tab=${tabId}`);
}

// ── Reading and driving extension pages with Puppeteer ────────────────────────────────────────

/** The page's visible text. */
export function bodyText(page: Page): Promise<string> {
  return page.$eval('body', (body) => (body as HTMLElement).innerText);
}

/**
 * Wait until `poll(arg)`, run in the page every POLL_MS, answers something (not null or false),
 * and return that. Polled from here rather than
 * with Puppeteer's waitForFunction: an extension page's document replaces the blank one it was
 * opened with unseen by Puppeteer (see openExtensionPage), and a call that meets the old one fails
 * with a BiDi error that waitForFunction does not know to retry. Any failure is retried until
 * `timeout`; the last one is reported.
 */
export async function waitInPage<A, R>(page: Page, poll: (arg: A) => R | null | false, arg: A, timeout = 15_000): Promise<R> {
  const deadline = Date.now() + timeout;
  let last = 'it answered nothing';
  for (;;) {
    try {
      const answer = (await page.evaluate(poll as (arg: unknown) => unknown, arg)) as R | null | false;
      if (answer !== null && answer !== false) return answer;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) throw new Error(`Waited ${timeout} ms in ${page.url()} for ${poll.toString().slice(0, 160)}: ${last}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Wait until the page's visible text contains `text` (or matches it). */
export async function waitForText(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
  // As plain strings: Firefox's BiDi fails on a null inside an argument object.
  const pattern = typeof text === 'string' ? { source: text, flags: '', literal: true } : { source: text.source, flags: text.flags, literal: false };
  await waitInPage(
    page,
    (p) => {
      const body = document.body?.innerText ?? '';
      return p.literal ? body.includes(p.source) : new RegExp(p.source, p.flags).test(body);
    },
    pattern,
    timeout,
  );
}

/** Click the button whose accessible name (its aria-label, else its text) starts with `name`, with the pointer, as a reader would. */
export async function clickButton(page: Page, name: string): Promise<void> {
  const center = await waitInPage(
    page,
    (wanted) => {
      const button = [...document.querySelectorAll('button')].find(
        (b) => !b.disabled && (b.getAttribute('aria-label') ?? b.innerText.replace(/\s+/g, ' ').trim()).startsWith(wanted),
      );
      if (button === undefined) return null;
      button.scrollIntoView({ block: 'center', behavior: 'instant' });
      const box = button.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    name,
  );
  await page.mouse.click(center.x, center.y);
}

/**
 * Type `value` into the field whose label starts with `label`, as Playwright's fill() does: the
 * value set at once, then the input event the page listens to.
 */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.$$eval(
    'label',
    (labels, wanted, text) => {
      const field = labels.find((l) => (l.textContent ?? '').trim().startsWith(wanted))?.control as HTMLInputElement | HTMLTextAreaElement | null | undefined;
      if (!field) throw new Error(`no field labelled "${wanted}"`);
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    },
    label,
    value,
  );
}
