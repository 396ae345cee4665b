/**
 * `parallax extract`: what Parallax reads on a page, for a user debugging a page and for
 * measurement (tests/eval/extract.ts grades the same function). The article comes from the
 * extension's own extraction (lib/extract/), on the DOM the CLI parses; `scan` reads pages
 * through this same function.
 */
import { extractArticle, type ExtractedArticle } from '../extract/index';
import { findPublishedDate } from '../extract/published';
import type { NoArticleReason } from '../extract/types';
import { InputError } from './input-error';
import { readPage } from './read-page';
import { CONCURRENT_READS } from './scan';
import type { Style } from './terminal';

/** What was read on one page. */
export interface PageReading {
  title: string;
  /** The publication date the page states (ISO 8601), or null. */
  published: string | null;
  /** The article's blocks (headline, paragraphs, list items, subheadings) in page order; null when there is none. */
  paragraphs: string[] | null;
  /** Why there is no article; null when there is one. */
  reason: NoArticleReason | null;
  /** What was measured, in words, when there is no article. */
  detail: string | null;
  /** The extraction itself, for the callers that go on to match its sentences. */
  article: ExtractedArticle;
}

/** The article of a parsed page, exactly as the content script reads the live page. */
export function extractFromDocument(doc: Document, url: string): PageReading {
  const article = extractArticle(doc, { url });
  const found = article.reason === undefined;
  return {
    title: article.title,
    published: findPublishedDate(doc),
    paragraphs: found ? article.blocks.map((b) => b.text) : null,
    reason: article.reason ?? null,
    detail: article.detail ?? null,
    article,
  };
}

/** The `--json` document of `parallax extract`: the shape other programs may rely on. */
export interface ExtractJson {
  pages: ExtractJsonPage[];
}

export interface ExtractJsonPage {
  input: string;
  title: string;
  published: string | null;
  article: { paragraphs: string[] } | null;
  /** Why there is no article (a NoArticleReason, or "unreadable" for an input that could not be read); null with an article. */
  reason: string | null;
  /** What was measured, or what went wrong reading the input; absent with an article. */
  detail?: string;
}

/** One input, extracted or not. */
export type ExtractedInput =
  | { input: string; reading: Omit<PageReading, 'article'> }
  | { input: string; error: string };

/** Reads every input, in input order; an input that cannot be read becomes an error entry. */
export async function extractInputs(inputs: readonly string[]): Promise<ExtractedInput[]> {
  const results = new Array<ExtractedInput>(inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const i = next++;
      const input = inputs[i]!;
      try {
        results[i] = { input, reading: (await readPage(input)).reading };
      } catch (error) {
        const message = error instanceof InputError ? error.message
          : `${input}: could not be read: ${(error as Error).message ?? String(error)}`;
        results[i] = { input, error: message };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, inputs.length) }, worker));
  return results;
}

export function extractJson(results: readonly ExtractedInput[]): ExtractJson {
  return {
    pages: results.map((result): ExtractJsonPage => {
      if ('error' in result) {
        return { input: result.input, title: '', published: null, article: null, reason: 'unreadable', detail: result.error };
      }
      const { reading } = result;
      const page: ExtractJsonPage = {
        input: result.input,
        title: reading.title,
        published: reading.published,
        article: reading.paragraphs === null ? null : { paragraphs: reading.paragraphs },
        reason: reading.reason,
      };
      if (reading.detail !== null) page.detail = reading.detail;
      return page;
    }),
  };
}

/** The readable report: per input its title, date and paragraphs, or why there is none. */
export function formatExtractReport(results: readonly ExtractedInput[], style: Style): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(style.bold(result.input));
    if ('error' in result) {
      lines.push(`  ${style.red(result.error)}`, '');
      continue;
    }
    const { reading } = result;
    lines.push(`  title:     ${reading.title === '' ? style.dim('(none)') : reading.title}`);
    lines.push(`  published: ${reading.published ?? style.dim('(not stated)')}`);
    if (reading.paragraphs === null) {
      lines.push(`  ${style.yellow('No article found')} (${reading.reason}: ${reading.detail})`, '');
      continue;
    }
    const words = reading.paragraphs.reduce((n, p) => n + p.split(/\s+/u).length, 0);
    lines.push(`  article:   ${reading.paragraphs.length} paragraphs, about ${words} words`, '');
    for (const paragraph of reading.paragraphs) lines.push(`  ${paragraph}`, '');
  }
  return `${lines.join('\n')}\n`;
}
