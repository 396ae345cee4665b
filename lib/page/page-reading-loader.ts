/**
 * What the content script may know of the page reading code (page-reading.ts) before the page first
 * needs it: its types only. It is needed once the cheap gate (gate-text.ts) lets a page through, so
 * a page that is not about the story (most pages) never loads, parses or compiles it. How it is
 * loaded: lazy-script.ts (entrypoints/page-reading.ts builds it as a script of its own).
 */
import type { extractArticleSteps, extractBlocksSteps } from '../extract';
import type { findPublishedDate } from '../extract/published';
import { provideScript, scriptLoader } from './lazy-script';

/** Reading the article off the page: extraction, its sentences, its publication date. */
export interface PageReadingModule {
  extractArticleSteps: typeof extractArticleSteps;
  extractBlocksSteps: typeof extractBlocksSteps;
  findPublishedDate: typeof findPublishedDate;
}

/** Where the loaded script leaves its module: a key no page script can reach (isolated world). */
export const PAGE_READING_KEY = Symbol.for('parallax.page-reading');

/** The built script's path inside the extension. */
export const PAGE_READING_PATH = '/page-reading.js';

/** Called by the loaded script: hands its module to the content script. */
export function providePageReading(module: PageReadingModule): void {
  provideScript(PAGE_READING_KEY, module);
}

/** Imports the page reading code once, on the first call; a failed load is tried again. */
export function pageReadingLoader(importScript: () => Promise<unknown>): () => Promise<PageReadingModule> {
  return scriptLoader<PageReadingModule>(PAGE_READING_KEY, 'page reading', importScript);
}
