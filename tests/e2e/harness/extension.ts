/**
 * Launches the built extension in a real headless Chromium and answers the questions a test asks
 * as a user would see them: which sentences are highlighted, what the badge says, what the panel
 * shows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Browser as ChromeApi } from '@wxt-dev/browser';
import { CHROMIUM_MISSING, findChromium } from '../../../lib/node/browser';

/** The extension API as seen inside `worker.evaluate` callbacks, which run in the service worker. */
declare const chrome: typeof ChromeApi;

/**
 * The built extension under test: .output/chrome-mv3 (npm run test:e2e builds it), or
 * $PARALLAX_EXTENSION_DIR, a build of one's own when several people build in one working tree.
 */
export const EXTENSION_DIR = process.env.PARALLAX_EXTENSION_DIR || resolve(import.meta.dirname, '../../../.output/chrome-mv3');

export interface Browser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (it may be restarted; see `worker()`). */
  worker(): Promise<Worker>;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Flags that keep Chromium quiet on a closed network and usable as root in CI containers. */
const CHROMIUM_ARGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** `args`: more Chromium flags, e.g. `--log-net-log=<file>` to record the browser's every request. */
export async function launchBrowser(options: { extensionDir?: string; args?: readonly string[] } = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = mkdtempSync(join(tmpdir(), 'parallax-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    // Chromium refuses its sandbox when run as root (CI containers).
    chromiumSandbox: process.getuid?.() !== 0,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...(options.args ?? [])],
  });
  const worker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return running ?? (await context.waitForEvent('serviceworker'));
  };
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function badgeText(browser: Browser, tabId: number): Promise<string> {
  const worker = await browser.worker();
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** The text under each of Parallax's highlights on the page, by highlight name. */
export async function highlightedText(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('parallax')) continue;
      out[name] = [...highlight].map((range) => range.toString().replace(/\s+/g, ' ').trim());
    }
    return out;
  });
}

/** Every highlighted sentence, whatever its kind. */
export async function allHighlighted(page: Page): Promise<string[]> {
  const byName = await highlightedText(page);
  return Object.entries(byName)
    .filter(([name]) => name !== 'parallax-flash')
    .flatMap(([, texts]) => texts);
}

/** Open the panel for `tabId` in a tab of its own, as the "open in a tab" button does. */
export async function openPanel(browser: Browser, tabId: number): Promise<Page> {
  const panel = await browser.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return panel;
}

/**
 * Wait until the background has scanned the page `page` shows, and return its tab's id. Reads the
 * per-tab states the background keeps in storage.session (entrypoints/background/tab-states.ts),
 * the same the panel reads; the extension has no "tabs" permission, so tab URLs are not visible.
 */
export async function scannedTab(browser: Browser, page: Page, timeout = 15_000): Promise<number> {
  const deadline = Date.now() + timeout;
  const url = page.url();
  while (Date.now() < deadline) {
    const worker = await browser.worker();
    const tabId = await worker.evaluate(async (pageUrl) => {
      const states = await chrome.storage.session.get(null);
      for (const [key, state] of Object.entries(states)) {
        const scanned = state as { status?: string; scan?: { url?: string } };
        if (key.startsWith('tab:') && scanned.status === 'scanned' && scanned.scan?.url === pageUrl) {
          // An earlier test's tab at the same address may be closing: only a live tab counts.
          const id = Number(key.slice(4));
          if (await chrome.tabs.get(id).then(() => true, () => false)) return id;
        }
      }
      return null;
    }, url);
    if (tabId !== null) return tabId;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} was not scanned within ${timeout} ms`);
}
