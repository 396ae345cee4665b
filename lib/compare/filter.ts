/**
 * What the panel lists once the reader filters: by outlet, by match kind, and by a Fuse.js search
 * over the listed points and wordings (the page sentences, their points' labels, and every other
 * outlet's sentence).
 */
import Fuse from 'fuse.js';
import type { Match, MatchKind, SentenceResult } from '../types';
import { wordKeys } from '../diff/words';

export interface PanelFilters {
  /** Show only this corpus article's wordings; null for all. */
  articleId: string | null;
  /** Show only matches of this kind; null for all. */
  kind: MatchKind | null;
  /** Search text; blank for none. */
  query: string;
}

export const NO_FILTERS: PanelFilters = { articleId: null, kind: null, query: '' };

export function hasFilters(filters: PanelFilters): boolean {
  return filters.articleId !== null || filters.kind !== null || filters.query.trim() !== '';
}

/** A page sentence as listed: the matches that pass the filters, best first. */
export interface ListedSentence {
  sentence: SentenceResult;
  matches: Match[];
}

/** The kinds in the order the panel offers them. */
export const MATCH_KINDS: readonly MatchKind[] = ['verbatim', 'reworded', 'quote'];

export interface OutletOption {
  articleId: string;
  outlet: string;
}

/** The outlets that appear among the matches, in order of first appearance. */
export function outletOptions(sentences: readonly SentenceResult[]): OutletOption[] {
  const seen = new Map<string, OutletOption>();
  for (const s of sentences) {
    for (const m of s.matches) {
      if (!seen.has(m.articleId)) seen.set(m.articleId, { articleId: m.articleId, outlet: m.outlet });
    }
  }
  return [...seen.values()];
}

/**
 * Fuse.js threshold for one query word against one word of the listed text: 0.2 lets one edit
 * through in a word of five letters or more ("endeavour" finds "endeavor", "Sergey" finds "Sergei")
 * but not in a four-letter one, where 0.3 let "Sumy" find "summit" on the seeds.
 */
export const SEARCH_THRESHOLD = 0.2;

/**
 * How far into a word a query word may start, in Fuse's `distance` units: with location 0 and this
 * distance, a word found two letters in costs 0.02 more, so "added" does not find "boarded" while
 * "miner" still finds "minerals" as the reader types.
 */
export const SEARCH_WORD_START_DISTANCE = 100;

interface SearchEntry {
  /** Position of the page sentence in the list searched. */
  sentence: number;
  /** The matched corpus sentence's id, or null for the page sentence and its point. */
  sentenceId: string | null;
  words: Set<string>;
}

/** What a search hit: page sentences as a whole, or single wordings of other outlets. */
export interface SearchHits {
  /** Positions of page sentences whose own text or point label matched. */
  sentences: Set<number>;
  /** `${position}:${sentenceId}` of matched corpus wordings. */
  wordings: Set<string>;
}

/**
 * Search over the listed sentences, word by word: Fuse.js maps each query word onto the words of
 * the listed texts (spelling variants, typos, a word still being typed), and a text is hit when it
 * holds a match for every query word, so adding a word narrows the list.
 */
export class WordingSearch {
  private readonly entries: SearchEntry[] = [];
  private readonly vocabulary: Fuse<string>;

  constructor(sentences: readonly SentenceResult[], pointLabels: ReadonlyMap<string, string>) {
    const words = new Set<string>();
    const add = (sentence: number, sentenceId: string | null, text: string): void => {
      const entry = { sentence, sentenceId, words: new Set(wordKeys(text)) };
      for (const w of entry.words) words.add(w);
      this.entries.push(entry);
    };
    sentences.forEach((s, position) => {
      const label = s.pointId === null ? undefined : pointLabels.get(s.pointId);
      add(position, null, label === undefined ? s.text : `${s.text}\n${label}`);
      for (const m of s.matches) add(position, m.sentenceId, m.text);
    });
    this.vocabulary = new Fuse([...words], {
      threshold: SEARCH_THRESHOLD,
      location: 0,
      distance: SEARCH_WORD_START_DISTANCE,
      ignoreDiacritics: true,
    });
  }

  search(query: string): SearchHits {
    const hits: SearchHits = { sentences: new Set(), wordings: new Set() };
    const terms = [...new Set(wordKeys(query))];
    if (terms.length === 0) return hits;
    const variants = terms.map((term) => new Set([term, ...this.vocabulary.search(term).map((r) => r.item)]));
    for (const entry of this.entries) {
      if (!variants.every((v) => [...v].some((w) => entry.words.has(w)))) continue;
      if (entry.sentenceId === null) hits.sentences.add(entry.sentence);
      else hits.wordings.add(`${entry.sentence}:${entry.sentenceId}`);
    }
    return hits;
  }
}

/**
 * Apply the filters. A page sentence is listed with its matches that pass the outlet and kind
 * filters; with a search, all of them if the page sentence or its point matched the query, else
 * only the wordings that did. Sentences left with no match are not listed. Page order is kept.
 */
export function filterSentences(
  sentences: readonly SentenceResult[],
  filters: PanelFilters,
  search: WordingSearch | null,
): ListedSentence[] {
  const hits = search === null || filters.query.trim() === '' ? null : search.search(filters.query);
  const listed: ListedSentence[] = [];
  sentences.forEach((sentence, position) => {
    let matches = sentence.matches.filter(
      (m) => (filters.articleId === null || m.articleId === filters.articleId) && (filters.kind === null || m.kind === filters.kind),
    );
    if (hits !== null && !hits.sentences.has(position)) {
      matches = matches.filter((m) => hits.wordings.has(`${position}:${m.sentenceId}`));
    }
    if (matches.length > 0) listed.push({ sentence, matches });
  });
  return listed;
}
