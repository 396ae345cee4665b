/**
 * The labeled real set (../shared/realset/realset.json, see its README): other people's text, read
 * from outside the repository when present and never copied into it. This module reads what the
 * points grouping and the sentence-level eval need: the seed sentences' point labels, aligned onto
 * the corpus's own sentences, and the labeled page sentences.
 *
 * The real set split the seeds with Intl.Segmenter; the corpus splits them its own way. A corpus
 * sentence takes the labels of every real-set seed sentence of its file that it overlaps (by
 * character span in the seed text), so a different split loses no label.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Corpus, Point } from '../../lib/types';

/** Where the real set lives when the repository sits beside ../shared (as in CI and the worktrees). */
export const DEFAULT_REALSET_PATH = fileURLToPath(new URL('../../../shared/realset/realset.json', import.meta.url));

export type RealPageKind = 'on-story' | 'transcript' | 'hard-negative';
export type RealSentenceTag = 'on' | 'background' | 'off' | 'hard';

export interface RealPageSentence {
  text: string;
  tag: RealSentenceTag;
  /** The points the sentence itself states ([]: none; a match is then wrong). */
  gold: string[];
}

export interface RealPage {
  id: string;
  outlet: string;
  title: string;
  date: string | null;
  kind: RealPageKind;
  sentences: RealPageSentence[];
}

export interface RealSeed {
  file: string;
  sentences: { text: string; points: string[] }[];
}

export interface Realset {
  points: { id: string; summary: string }[];
  seeds: RealSeed[];
  pages: RealPage[];
}

/** The real set at `path`, or null when it is not there (the caller prints a one-line note). */
export function loadRealset(path: string = DEFAULT_REALSET_PATH): Realset | null {
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`);
  }
  const problem = (what: string): Error => new Error(`${path}: ${what} (see ../shared/realset/README.md for its fields)`);
  if (typeof raw !== 'object' || raw === null) throw problem('not an object');
  const r = raw as Partial<Record<keyof Realset, unknown>>;
  if (!Array.isArray(r.points) || !Array.isArray(r.seeds) || !Array.isArray(r.pages)) throw problem('needs arrays "points", "seeds" and "pages"');
  for (const s of r.seeds as RealSeed[]) {
    if (typeof s.file !== 'string' || !Array.isArray(s.sentences)) throw problem('a seed needs "file" and "sentences"');
  }
  for (const p of r.pages as RealPage[]) {
    if (typeof p.id !== 'string' || !Array.isArray(p.sentences)) throw problem('a page needs "id" and "sentences"');
  }
  return { points: r.points as Realset['points'], seeds: r.seeds as RealSeed[], pages: r.pages as RealPage[] };
}

/** `--realset PATH` from argv, else the default path. */
export function realsetPathArg(argv: readonly string[]): string {
  const i = argv.indexOf('--realset');
  const path = i < 0 ? undefined : argv[i + 1];
  return path ?? DEFAULT_REALSET_PATH;
}

/**
 * Corpus sentence id → the real-set points it states, for the seed articles (furniture left out).
 * Labels come from every real-set seed sentence the corpus sentence overlaps in the seed text.
 */
export function seedLabels(corpus: Pick<Corpus, 'articles' | 'sentences'>, realset: Realset): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const seed of realset.seeds) {
    const article = corpus.articles.find((a) => a.file === seed.file);
    if (article === undefined) continue;
    // Spans of the real-set sentences in the article text, found in order.
    const spans: { start: number; end: number; points: string[] }[] = [];
    let from = 0;
    for (const s of seed.sentences) {
      const at = article.text.indexOf(s.text, from);
      const start = at >= 0 ? at : article.text.indexOf(s.text);
      if (start < 0) continue;
      spans.push({ start, end: start + s.text.length, points: s.points });
      if (at >= 0) from = at + s.text.length;
    }
    for (const sentence of corpus.sentences) {
      if (sentence.articleId !== article.id || sentence.role === 'furniture') continue;
      const points = new Set<string>();
      for (const sp of spans) if (sp.start < sentence.end && sentence.start < sp.end) for (const p of sp.points) points.add(p);
      labels.set(sentence.id, [...points].sort());
    }
  }
  return labels;
}

export interface PairCounts {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
}

/**
 * Pairs of labeled seed sentences: predicted when one computed point holds both, gold when they
 * share a labeled point. `crossOutlet`: only pairs from different articles (what the coverage grid
 * shows); otherwise every pair. A predicted pair with an unlabeled ([] points) member is wrong.
 */
export function pointPairCounts(points: readonly Point[], labels: ReadonlyMap<string, readonly string[]>, crossOutlet: boolean): PairCounts {
  const article = (id: string): string => id.slice(0, id.lastIndexOf(':'));
  const groupOf = new Map<string, number>();
  points.forEach((p, i) => {
    for (const id of p.sentenceIds) groupOf.set(id, i);
  });
  const ids = [...labels.keys()].filter((id) => groupOf.has(id));
  const counts: PairCounts = { predicted: 0, correct: 0, gold: 0, found: 0 };
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] ?? '';
      const b = ids[j] ?? '';
      if (crossOutlet && article(a) === article(b)) continue;
      const la = labels.get(a) ?? [];
      const lb = labels.get(b) ?? [];
      const shared = la.some((p) => lb.includes(p));
      const together = groupOf.get(a) === groupOf.get(b);
      if (shared) counts.gold++;
      if (together) counts.predicted++;
      if (together && shared) {
        counts.correct++;
        counts.found++;
      }
    }
  }
  return counts;
}

/** Half of the real set to tune on, the other to check on, by an FNV-1a hash of the page id. */
export type RealHalf = 'tune' | 'check';

export function realHalf(pageId: string): RealHalf {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(pageId)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'tune' : 'check';
}
