/**
 * Launches the built extension in a real headless Chromium and answers the questions a test asks
 * as a user would see them: which sentences are highlighted, what the badge says, what the panel
 * shows. harness/firefox.ts answers the same questions, by the same names, in Firefox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_MISSING, findChromium } from '../../../lib/node/browser';
import type { Evaluates, WithExtension } from './evaluate';

// What a test reads from a page and from the background, the same in both browsers' harnesses.
export { allHighlighted, highlightedText } from './page-ui';
export { badgeText, scannedTab, storedSentences } from './tab-states';
export { SETTLE_TIMEOUT_MS, settledScan, type SettledScan } from './settled';

/**
 * The built extension under test: .output/chrome-mv3 (npm run test:e2e builds it), or
 * $PARALLAX_EXTENSION_DIR, a build of one's own when several people build in one working tree.
 */
export const EXTENSION_DIR = process.env.PARALLAX_EXTENSION_DIR || resolve(import.meta.dirname, '../../../.output/chrome-mv3');

export interface Browser extends WithExtension {
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

/**
 * `args`: more Chromium flags, e.g. `--log-net-log=<file>` to record the browser's every request.
 * `backForwardCache`: keep Chromium's back-forward cache, which Playwright turns off by default.
 */
export async function launchBrowser(options: { extensionDir?: string; args?: readonly string[]; backForwardCache?: boolean } = {}): Promise<Browser> {
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
    ...(options.backForwardCache === true && { ignoreDefaultArgs: ['--disable-back-forward-cache'] }),
  });
  const worker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return running ?? (await context.waitForEvent('serviceworker'));
  };
  const extensionId = new URL((await worker()).url()).host;
  // The worker may be stopped and started again between calls: each call runs in the one running now.
  const extension: Evaluates = { evaluate: async (fn, arg) => (await worker()).evaluate(fn, arg) };
  return {
    context,
    extensionId,
    worker,
    extension,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Open the panel for `tabId` in a tab of its own, as the "open in a tab" button does. */
export async function openPanel(browser: Browser, tabId: number): Promise<Page> {
  const panel = await browser.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return panel;
}

/**
 * Open every point's row of the panel (it opens on the points, each closed), so every wording shows.
 * The panel shows the points only with the corpus overview (story summary, point names), which a
 * busy background answers late: 'Open all' first shows where it stays (panel.e2e.ts checks so).
 */
export async function openAllPoints(panel: Page): Promise<void> {
  const button = panel.getByRole('button', { name: /^(Open|Close) all$/u });
  await button.waitFor({ timeout: 45_000 });
  if ((await button.innerText()) === 'Open all') await button.click();
  await button.filter({ hasText: 'Close all' }).waitFor();
  await panel.locator('article.px-card').first().waitFor();
}
