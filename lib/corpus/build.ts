/**
 * Building the corpus: from article texts to the articles, sentences, quotes and roles that
 * matching works on. Pure: the same inputs give the same corpus, byte for byte, in the build (the
 * bundled seeds), in the browser (an article the reader adds) and in tests.
 */
import type { Article, Corpus, Point, Sentence } from '../types';
import { normalizedTokens } from '../text/normalize';
import { extractArticleQuotes } from '../text/quotes';
import { classifyArticleRoles } from '../text/roles';
import { splitSentences } from '../text/segment';
import { articleTextProblems, CorpusInputError, throwIfProblems, type InputProblem, type SeedMeta } from './validate';
import { groupPoints } from './points';

export { CorpusInputError, MAX_ARTICLE_BYTES, type SeedMeta } from './validate';

/**
 * Changes when the builder's output format changes. The corpus version also hashes the built
 * sentences, so a change to splitting, tokens, roles or quotes re-seeds without a bump.
 */
export const BUILDER_VERSION = '1';

// An article title longer than this is cut at a word boundary: it must fit one line of the panel.
const MAX_TITLE_CHARS = 120;

/** A bundled seed article: its file name, its text, and its sources.json entry. */
export interface SeedInput {
  file: string;
  text: string;
  meta: SeedMeta;
}

/** An article the reader adds (pasted, or extracted from a page). */
export interface UserArticleInput {
  /** "user-<uuid>"; a fresh one when left out. */
  id?: string;
  outlet: string;
  text: string;
  /** The title when known (a page's headline); else the article's heading or first sentence. */
  title?: string | null;
  url?: string | null;
  date?: string | null;
}

function isSeed(input: SeedInput | UserArticleInput): input is SeedInput {
  return 'meta' in input && 'file' in input;
}

/** How an input is named in error messages. */
function inputLabel(input: SeedInput | UserArticleInput): string {
  if (isSeed(input)) return `seeds/${input.file}`;
  return input.url ? `the article from ${input.url}` : `the article from ${input.outlet || 'an unnamed outlet'}`;
}

function inputProblems(input: SeedInput | UserArticleInput): InputProblem[] {
  const label = inputLabel(input);
  const problems = articleTextProblems(label, input.text);
  if (isSeed(input)) {
    if (input.meta.file !== input.file) {
      problems.push({ input: label, problem: `its sources.json entry is for ${input.meta.file}` });
    }
  } else if (input.outlet.trim() === '') {
    problems.push({ input: label, problem: 'has no outlet name' });
  }
  return problems;
}

/** The seed's id: its file name without the extension. */
function seedId(file: string): string {
  return file.replace(/\.txt$/u, '');
}

/** A title from the article's first heading, else its first body sentence, cut to fit. */
function titleOf(sentences: readonly Sentence[]): string {
  const first = sentences.find((s) => s.role !== 'furniture');
  return first ? cutTitle(first.text) : '';
}

function cutTitle(text: string): string {
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  if (oneLine.length <= MAX_TITLE_CHARS) return oneLine;
  const cut = oneLine.slice(0, MAX_TITLE_CHARS + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = lastSpace > MAX_TITLE_CHARS / 2 ? cut.slice(0, lastSpace) : cut.slice(0, MAX_TITLE_CHARS);
  return `${head.replace(/[\s,;:–—-]+$/u, '')}…`;
}

/**
 * One article and its sentences: split, each with its role (body, heading, furniture), its
 * normalized tokens and its quotations. Throws a CorpusInputError for empty, binary or oversized text.
 */
export function buildArticle(input: SeedInput | UserArticleInput): { article: Article; sentences: Sentence[] } {
  throwIfProblems(inputProblems(input));
  const seed = isSeed(input);
  const id = seed ? seedId(input.file) : (input.id ?? `user-${globalThis.crypto.randomUUID()}`);
  const outlet = seed ? input.meta.outlet : input.outlet.trim();
  const text = input.text;

  const spans = splitSentences(text);
  const roles = classifyArticleRoles(text, spans, outlet);
  const quotes = extractArticleQuotes(text, spans);
  const sentences: Sentence[] = spans.map((span, index) => ({
    id: `${id}:${index}`,
    articleId: id,
    index,
    text: span.text,
    start: span.start,
    end: span.end,
    role: roles[index] ?? 'body',
    tokens: normalizedTokens(span.text),
    quotes: quotes[index] ?? [],
  }));

  const givenTitle = seed ? null : input.title?.trim();
  const article: Article = {
    id,
    origin: seed ? 'seed' : 'user',
    outlet,
    title: givenTitle ? cutTitle(givenTitle) : titleOf(sentences),
    url: seed ? input.meta.url : (input.url ?? null),
    date: seed ? input.meta.date : (input.date ?? null),
    file: seed ? input.file : null,
    text,
  };
  return { article, sentences };
}

/**
 * The corpus of the seed articles, in file-name order. Every bad input is reported at once in one
 * CorpusInputError. Sentences are grouped into points by the matcher's similarity
 * (lib/corpus/points.ts).
 */
export function buildCorpus(inputs: readonly SeedInput[]): Corpus {
  const problems: InputProblem[] = [];
  if (inputs.length === 0) problems.push({ input: 'seeds', problem: 'there are no seed articles to build a corpus from' });
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.file)) problems.push({ input: `seeds/${input.file}`, problem: 'is given twice' });
    seen.add(input.file);
    problems.push(...inputProblems(input));
  }
  throwIfProblems(problems);

  const ordered = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const articles: Article[] = [];
  const sentences: Sentence[] = [];
  for (const input of ordered) {
    const built = buildArticle(input);
    articles.push(built.article);
    sentences.push(...built.sentences);
  }
  const points: Point[] = groupPoints({ articles, sentences });
  return { version: corpusVersion(ordered, { sentences, points }), articles, sentences, points };
}

/**
 * A stable content hash of the inputs (file names, texts, sources.json entries), the builder
 * version, and, when given, what was built from them: equal inputs give equal versions on every
 * machine, and any change to them or to the output gives a new one.
 */
export function corpusVersion(inputs: readonly SeedInput[], built?: unknown): string {
  const ordered = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // NUL separates the parts: validated texts never contain it, so no two inputs hash alike by
  // shifting text from one part to the next.
  const parts = [`parallax-corpus/${BUILDER_VERSION}`];
  for (const input of ordered) parts.push(stableJson({ file: input.file, meta: input.meta }), input.text);
  if (built !== undefined) parts.push(stableJson(built));
  return `${BUILDER_VERSION}-${cyrb53(parts.join('\u0000')).toString(36)}`;
}

/** JSON with object keys sorted, so that key order never changes a hash. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * cyrb53 (public domain, bryc): a fast 53-bit string hash with good dispersion. Not cryptographic,
 * which a version tag does not need.
 */
function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
