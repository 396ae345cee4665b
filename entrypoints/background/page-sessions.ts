/**
 * The text of each tab's page session, so that a dynamic page (an article loaded by script,
 * infinite scroll, a live blog's new entries) sends only the sentences that arrived since its
 * last request, and the background still judges and matches the page as a whole: the story gate
 * needs every sentence's evidence, and the quote finder reads across paragraphs.
 *
 * Kept in memory for speed and written through to storage.session, so a session outlives an idle
 * service worker being stopped (Chromium stops it after 30 s) and is gone when the browser closes.
 */
import { browser } from 'wxt/browser';
import type { ScanRequest } from '@/lib/protocol';
import { keyedQueue } from './in-order';

/** One page session as the background holds it: every sentence sent so far, by index. */
export interface SessionPage {
  /** The content script's id for the session; null for a request that stands alone. */
  session: string | null;
  url: string;
  title: string;
  /** Every sentence of the session, by index; a sentence that left the page is ''. */
  sentences: string[];
  /** The block of each sentence, as in PageText. */
  blocks: number[];
  /** The page's publication date, as the latest request gave it (null: none shown). */
  published: string | null;
}

/** The session with the request applied, or where the content script must resend from. */
export type Continued = { page: SessionPage } | { resendFrom: number };

/**
 * What the session becomes with `request`. A request with `from` 0 (or none) starts it afresh;
 * any other must continue the same session exactly where it stands, or nothing is applied and the
 * reply says where to resend from (the worker lost the session, or a request went missing).
 */
export function continueSession(stored: SessionPage | null, request: ScanRequest): Continued {
  const from = request.from ?? 0;
  if (from === 0) {
    return {
      page: {
        session: request.session ?? null,
        url: request.url,
        title: request.title,
        sentences: [...request.sentences],
        blocks: alignedBlocks(request, []),
        published: publishedOf(request),
      },
    };
  }
  if (stored === null || stored.session !== (request.session ?? null)) return { resendFrom: 0 };
  if (stored.sentences.length !== from) return { resendFrom: stored.sentences.length };
  const sentences = [...stored.sentences, ...request.sentences];
  for (const index of request.retired ?? []) {
    if (Number.isInteger(index) && index >= 0 && index < sentences.length) sentences[index] = '';
  }
  return {
    page: {
      session: stored.session,
      // A page that moves its address as the reader scrolls to the next story keeps its session.
      url: request.url,
      title: request.title,
      sentences,
      blocks: [...stored.blocks, ...alignedBlocks(request, stored.blocks)],
      // A date that appears late (a script fills the byline) still counts; one that was shown stays.
      published: publishedOf(request) ?? stored.published ?? null,
    },
  };
}

/** The request's date when it is a string of plausible length (the gate reads its day only). */
function publishedOf(request: ScanRequest): string | null {
  const published = request.published;
  return typeof published === 'string' && published.length <= 64 ? published : null;
}

/** Sentences of the session still on the page. */
export function liveSentenceCount(page: SessionPage): number {
  let count = 0;
  for (const sentence of page.sentences) if (sentence !== '') count++;
  return count;
}

/**
 * The request's block numbers, one per sentence. A request without them (an older content
 * script) gets a block of its own for each sentence: no paragraph is assumed to continue.
 */
function alignedBlocks(request: ScanRequest, before: readonly number[]): number[] {
  const given = request.blocks;
  if (given !== undefined && given.length === request.sentences.length) return [...given];
  let next = before.reduce((max, block) => Math.max(max, block), -1) + 1;
  return request.sentences.map(() => next++);
}

const keyOf = (tabId: number) => `page:${tabId}`;
const inMemory = new Map<number, SessionPage>();

/** Applies `request` to the tab's session and stores the result. */
export async function continuePageSession(tabId: number, request: ScanRequest): Promise<Continued> {
  const continued = continueSession(await storedPage(tabId), request);
  if ('page' in continued) {
    inMemory.set(tabId, continued.page);
    try {
      await browser.storage.session.set({ [keyOf(tabId)]: continued.page });
    } catch (error) {
      // Over the storage quota (a huge page): the session still lives in memory, and if the worker
      // is stopped the next request is told to resend the page from its start.
      console.warn(`Parallax could not keep tab ${tabId}'s page text across restarts:`, error);
      await browser.storage.session.remove(keyOf(tabId)).catch(() => undefined);
    }
  }
  return continued;
}

/** The tab left its page (or closed): its session is gone, at once for a request that comes next. */
export async function forgetPageSession(tabId: number): Promise<void> {
  inMemory.delete(tabId);
  await browser.storage.session.remove(keyOf(tabId));
}

async function storedPage(tabId: number): Promise<SessionPage | null> {
  const cached = inMemory.get(tabId);
  if (cached !== undefined) return cached;
  const key = keyOf(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as SessionPage | undefined) ?? null;
}

const requestQueue = keyedQueue<number>();

/**
 * Runs `task` after every earlier task of the same tab has finished: a page's requests are
 * applied in the order they were sent, even when matching one takes longer than the next arrives.
 */
export function inTabOrder<T>(tabId: number | undefined, task: () => Promise<T>): Promise<T> {
  return tabId === undefined ? task() : requestQueue(tabId, task);
}
