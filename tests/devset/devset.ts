/**
 * The labeled development set (schema: tests/devset/README.md): gold points over the seed
 * corpus, labeled sentences, and labeled pages. Labels name corpus sentences by seed file and an
 * exact piece of their text, so they survive changes to sentence splitting; `resolveGold` turns
 * them into sentence ids of a built corpus and reports every reference that no longer resolves.
 */
import type { Corpus } from '../../lib/types';
import pointsJson from './points.json';
import sentencesJson from './sentences.json';
import pagesJson from './pages.json';

export type Split = 'dev' | 'test';

/** A corpus sentence named by its seed file and a piece of its text (exact, unique in the file). */
export interface SentenceRef {
  file: string;
  text: string;
}

export interface GoldPoint {
  id: string;
  summary: string;
  /** Corpus sentences that state the point. */
  states: SentenceRef[];
  /** Corpus sentences that touch on it: an acceptable match, never a required one. */
  touches: SentenceRef[];
}

export interface LabeledSentence {
  id: string;
  split: Split;
  kind: 'paraphrase' | 'negative';
  /** How it was written: light, heavy, wire, translated, quote-cut, spelling, typo (paraphrases);
   * other-rubio, other-ukraine, other-paris, other-peskov, other-lavrov, other-vance, reversed,
   * names-only (negatives). */
  style: string;
  /** Gold point ids it states; empty for negatives. */
  points: string[];
  text: string;
}

export interface LabeledPage {
  id: string;
  split: Split;
  onStory: boolean;
  title: string;
  sentences: { text: string; points: string[] }[];
}

export interface Devset {
  points: GoldPoint[];
  sentences: LabeledSentence[];
  pages: LabeledPage[];
}

/** Gold points as sentence ids of one corpus. */
export interface ResolvedGold {
  states: Map<string, Set<string>>;
  touches: Map<string, Set<string>>;
  /** Gold point ids each corpus sentence states. */
  pointsOf: Map<string, Set<string>>;
  /** References that did not resolve to exactly one article sentence, as readable messages. */
  errors: string[];
}

export function loadDevset(): Devset {
  const devset: Devset = {
    points: pointsJson.points as GoldPoint[],
    sentences: sentencesJson.sentences as LabeledSentence[],
    pages: pagesJson.pages as LabeledPage[],
  };
  const known = new Set(devset.points.map((p) => p.id));
  const unknown = [
    ...devset.sentences.flatMap((s) => s.points.map((p) => `${s.id}: ${p}`)),
    ...devset.pages.flatMap((pg) => pg.sentences.flatMap((s) => s.points.map((p) => `${pg.id}: ${p}`))),
  ].filter((label) => !known.has(label.slice(label.indexOf(': ') + 2)));
  if (unknown.length > 0) throw new Error(`devset labels name unknown points: ${unknown.join('; ')}`);
  return devset;
}

/** Resolve every gold reference against `corpus` (article sentences only: furniture is no target). */
export function resolveGold(devset: Devset, corpus: Pick<Corpus, 'articles' | 'sentences'>): ResolvedGold {
  const errors: string[] = [];
  const articleOfFile = new Map(corpus.articles.map((a) => [a.file, a.id]));
  const resolve = (ref: SentenceRef, pointId: string): string | null => {
    const articleId = articleOfFile.get(ref.file);
    if (articleId === undefined) {
      errors.push(`${pointId}: no article for file ${ref.file}`);
      return null;
    }
    const hits = corpus.sentences.filter((s) => s.articleId === articleId && s.text.includes(ref.text));
    if (hits.length !== 1) {
      errors.push(`${pointId}: "${ref.text}" is in ${hits.length} sentences of ${ref.file}, not 1`);
      return null;
    }
    const hit = hits[0];
    if (hit === undefined) return null;
    if (hit.role === 'furniture') {
      errors.push(`${pointId}: "${ref.text}" (${ref.file}) is in a furniture sentence`);
      return null;
    }
    return hit.id;
  };
  const states = new Map<string, Set<string>>();
  const touches = new Map<string, Set<string>>();
  const pointsOf = new Map<string, Set<string>>();
  for (const point of devset.points) {
    const s = new Set<string>();
    for (const ref of point.states) {
      const id = resolve(ref, point.id);
      if (id === null) continue;
      s.add(id);
      let set = pointsOf.get(id);
      if (set === undefined) pointsOf.set(id, (set = new Set()));
      set.add(point.id);
    }
    const t = new Set<string>();
    for (const ref of point.touches) {
      const id = resolve(ref, point.id);
      if (id !== null) t.add(id);
    }
    states.set(point.id, s);
    touches.set(point.id, t);
  }
  return { states, touches, pointsOf, errors };
}

/** The split of an item by a hash of its id (FNV-1a): 35 % test, the rest dev. */
export function splitOf(id: string): Split {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 100 < 35 ? 'test' : 'dev';
}
