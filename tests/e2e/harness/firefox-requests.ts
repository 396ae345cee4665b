/**
 * Every request in Firefox, recorded two ways, so that a test can say the extension made none (as
 * harness/requests.ts does in Chromium):
 *
 *  - WebDriver BiDi's record (Puppeteer's `request` event) of each tab's requests, the extension's
 *    pages in tabs included;
 *  - Firefox's own HTTP log (MOZ_LOG=nsHttp): each HTTP channel the browser opened, whoever asked
 *    for it (a page, the extension's background page or pages, the browser itself), read once the
 *    browser has closed. Every HTTP request goes through a channel in the parent process, so the
 *    log misses none; it does not say who asked, so the test quiets the browser's own traffic
 *    (harness/firefox.ts) and allows nothing but its own pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Browser } from './firefox';

/** A request as BiDi saw it. */
export interface SeenRequest {
  url: string;
  method: string;
  navigation: boolean;
}

export interface RequestRecord {
  /** Requests BiDi saw, so far. */
  readonly seen: SeenRequest[];
  /** The address of each HTTP request in Firefox's log: complete once the browser has closed. */
  logged(): string[];
}

/** Environment that makes Firefox log its HTTP channels to `path` (Firefox adds `.moz_log` and a file per child process). */
export const httpLogEnv = (path: string): Record<string, string> => ({ MOZ_LOG: 'nsHttp:3', MOZ_LOG_FILE: path });

export async function recordRequests(browser: Browser, httpLog: string): Promise<RequestRecord> {
  const seen: SeenRequest[] = [];
  const watch = (page: Page) =>
    page.on('request', (request) => {
      seen.push({ url: request.url(), method: request.method(), navigation: request.isNavigationRequest() });
    });
  for (const page of await browser.puppeteer.pages()) watch(page);
  browser.puppeteer.on('targetcreated', (target) => {
    void target.page().then((page) => page && watch(page));
  });
  return { seen, logged: () => readHttpLog(httpLog) };
}

/** The HTTP channels' addresses in every file of Firefox's log at `path`, in order. */
export function readHttpLog(path: string): string[] {
  const dir = dirname(path);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(basename(path))) : [];
  if (files.length === 0) throw new Error(`Firefox wrote no HTTP log at ${path}`);
  const urls: string[] = [];
  for (const file of files) {
    // "[Parent 123: Main Thread]: D/nsHttp uri=http://…", written as each channel is set up.
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/\/nsHttp uri=(\S+)/gu)) urls.push(match[1]!);
  }
  return urls;
}
