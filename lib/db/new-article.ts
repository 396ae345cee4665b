/**
 * An article as the reader gives it, and what can be wrong with it: checked the same way on the
 * settings page (before anything is sent) and in the background (before anything is stored).
 * Pure and free of Dexie, so the settings page bundles no database code.
 */
import { articleTextProblems, isHttpUrl, ISO_DAY, type InputProblem } from '../corpus/validate';
import type { Article } from '../types';

/**
 * Most the reader's articles may weigh together, in UTF-8 bytes. Their backup copy lives in the
 * extension's storage.local, which Chromium caps at 10 MB; this leaves room for the JSON around the
 * texts and for the settings.
 */
export const MAX_LIBRARY_BYTES = 8 * 1024 * 1024;

/**
 * Largest export file an import reads: a full library's texts, JSON-escaped (newlines and quotes
 * double), with room to spare. Anything larger is refused before it is parsed.
 */
export const MAX_IMPORT_BYTES = 2 * MAX_LIBRARY_BYTES;

/** An outlet name longer than this is not a name (a pasted paragraph in the wrong field). */
export const MAX_OUTLET_CHARS = 120;

/** User article ids: "user-" and a UUID, or any id of that shape from an import. */
export const USER_ID = /^user-[A-Za-z0-9-]{1,64}$/u;

/** An article as the reader gives it. */
export interface NewArticle {
  outlet: string;
  text: string;
  title?: string | null;
  url?: string | null;
  /** ISO day ("2025-04-18"), when known. */
  date?: string | null;
}

/**
 * Everything wrong with an article the reader gives, each problem naming `label` ("the pasted
 * article"): its text (empty, binary, not UTF-8, too large), a missing or overlong outlet, a URL
 * that is not http(s), a date that is not an ISO day. Pure: the options page checks before sending.
 * `textLabel` names the text's problems when the text is a part of the input (an import's entry).
 */
export function newArticleProblems(label: string, input: NewArticle, textLabel: string = label): InputProblem[] {
  const problems = articleTextProblems(textLabel, input.text);
  const outlet = input.outlet.trim();
  if (outlet === '') problems.push({ input: label, problem: 'has no outlet name: say which outlet published it' });
  else if (outlet.length > MAX_OUTLET_CHARS) {
    problems.push({ input: label, problem: `has an outlet name of ${outlet.length} characters; a name has at most ${MAX_OUTLET_CHARS}` });
  }
  const url = input.url?.trim();
  if (url && !isHttpUrl(url)) problems.push({ input: label, problem: `has the address ${JSON.stringify(url)}, which is not an http(s) URL` });
  const date = input.date?.trim();
  if (date && !ISO_DAY.test(date)) problems.push({ input: label, problem: `has the date ${JSON.stringify(date)}; write it as 2025-04-18` });
  return problems;
}


/** "Reuters’ “US may walk away…”" */
export function describeArticle(article: Pick<Article, 'outlet' | 'title'>): string {
  return article.title ? `${article.outlet}’s “${article.title}”` : `an article of ${article.outlet}`;
}
