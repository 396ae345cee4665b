/**
 * The story as a handful of keywords, for the content script's cheap gate (pre-gate.ts), derived
 * from the corpus so that another story's corpus gets its own: nothing here names a story.
 *
 * - Anchors: the story's principal, the person its core point's wordings name most (a surname the
 *   articles name explicitly, as lib/text/people.ts finds them), and the title the articles put
 *   before that name ("Secretary of State"), when most of them use the same one. A page must name
 *   one of them.
 * - Context: the words the articles share, `preGateContextShare` of them or more, that are either
 *   names (written capitalized mid-sentence) or words of the core point's wordings, without
 *   function words, negations, verbs of saying, titles, the principal's own names and dates (every
 *   story of the week shares those); the most
 *   widely shared first, at most `preGateMaxContext`. A page must name `preGateMinContext` of them.
 *
 * Cost: one pass over the articles' words; the build runs it once (lib/node/corpus-plugin.ts
 * emits the result for the content script) and the Matcher once per corpus (the CLI's gate).
 */
import type { Corpus } from '../types';
import { CIRCUMSTANCE, MONTHS, NEGATIONS, TITLES } from './lexicon';
import type { MatchParams } from './params';
import { storyProfile } from './story-gate';
import { isFunctionWord } from './terms';
import { PeopleIndex, SPEECH_VERBS } from '../text/people';

export interface StoryKeywords {
  /** Lower-case words or phrases; a page names at least one. */
  anchors: string[];
  /** Lower-case single words; a page names at least `minContext` distinct ones. */
  context: string[];
  minContext: number;
}

export type KeywordParams = Pick<MatchParams, 'storyCoreShare' | 'storyDaysAfter' | 'preGateContextShare' | 'preGateMaxContext' | 'preGateMinContext'>;

const WORD = /[\p{L}][\p{L}\p{N}'’-]*/gu;
/** Context words shorter than this are abbreviations and particles ("us", "un"), not the story's. */
const MIN_CONTEXT_LENGTH = 3;
/** Title words at most before the principal's name ("US Secretary of State Marco Rubio"). */
const MAX_TITLE_WORDS = 4;

const lower = (w: string) => w.toLowerCase().replace(/['’]s$/u, '');
const isCapitalized = (w: string) => /^\p{Lu}/u.test(w);

type KeywordCorpus = Pick<Corpus, 'articles' | 'sentences'> & Partial<Pick<Corpus, 'points'>>;

/**
 * The core point stated by the most articles (ties: its id). When no point reaches the core's share
 * (a small corpus whose grouping split one outlet's wording of the lead off), the point stated by
 * the most articles, if more than one states it: the story's most reported point names its principal
 * all the same. Empty when the corpus has no such point.
 */
function corePointSentences(corpus: KeywordCorpus, params: KeywordParams): string[] {
  const profile = storyProfile(corpus, params);
  const all = corpus.points ?? [];
  const points = profile.core.size > 0 ? all.filter((p) => profile.core.has(p.id)) : all.filter((p) => p.articleIds.length > 1);
  const core = points.sort((a, b) => b.articleIds.length - a.articleIds.length || a.id.localeCompare(b.id))[0];
  if (core === undefined) return [];
  const text = new Map(corpus.sentences.map((s) => [s.id, s.text]));
  return core.sentenceIds.map((id) => text.get(id) ?? '').filter((t) => t !== '');
}

/** The surname of the person the core wordings name most, among the people the articles name. */
function principal(corpus: KeywordCorpus, coreWordings: readonly string[]): { surname: string; names: Set<string> } | null {
  const names = new Map<string, Set<string>>();
  for (const article of corpus.articles) {
    const people = PeopleIndex.fromText(article.text);
    for (const name of people.names()) {
      const surname = lower(name.split(' ').at(-1)!);
      (names.get(surname) ?? names.set(surname, new Set()).get(surname)!).add(name);
    }
  }
  let best: { surname: string; count: number } | null = null;
  for (const surname of names.keys()) {
    const count = coreWordings.filter((w) => (w.match(WORD) ?? []).some((x) => lower(x) === surname)).length;
    if (count > 0 && (best === null || count > best.count || (count === best.count && surname < best.surname))) best = { surname, count };
  }
  return best === null ? null : { surname: best.surname, names: names.get(best.surname)! };
}

/**
 * The title most articles put right before the principal's name: the capitalized run (with "of",
 * "the") before the name, the longest ending of it that at least `share` of the articles use.
 */
function principalTitle(corpus: KeywordCorpus, names: ReadonlySet<string>, share: number): string | null {
  const firstWords = new Set([...names].map((n) => n.split(' ')[0]!));
  const used = new Map<string, Set<string>>();
  for (const article of corpus.articles) {
    const words = article.text.match(WORD) ?? [];
    words.forEach((word, i) => {
      if (!firstWords.has(word)) return;
      const before: string[] = [];
      for (let j = i - 1; j >= 0 && before.length < MAX_TITLE_WORDS; j--) {
        const w = words[j]!;
        if (!isCapitalized(w) && w !== 'of' && w !== 'the') break;
        before.unshift(w);
      }
      for (let k = 0; k < before.length - 1; k++) {
        if (!isCapitalized(before[k]!)) continue;
        const title = before.slice(k).map(lower).join(' ');
        (used.get(title) ?? used.set(title, new Set()).get(title)!).add(article.id);
      }
    });
  }
  const common = [...used].filter(([, ids]) => ids.size >= share * corpus.articles.length).map(([title]) => title);
  return common.sort((a, b) => b.split(' ').length - a.split(' ').length || a.localeCompare(b))[0] ?? null;
}

export function storyKeywords(corpus: KeywordCorpus, params: KeywordParams): StoryKeywords {
  const coreWordings = corePointSentences(corpus, params);
  const who = principal(corpus, coreWordings);
  const title = who === null ? null : principalTitle(corpus, who.names, params.storyCoreShare);
  const anchors = who === null ? [] : [who.surname, ...(title === null ? [] : [title])];
  // The principal's own names and titles say who, not what: they are anchors or nothing.
  const anchorWords = new Set([...anchors.flatMap((a) => a.split(' ')), ...[...(who?.names ?? [])].flatMap((n) => n.split(' ').map(lower))]);

  const coreWords = new Set(coreWordings.flatMap((w) => (w.match(WORD) ?? []).map(lower)));
  const articlesWith = new Map<string, Set<string>>();
  const occurrences = new Map<string, { total: number; capitalized: number }>();
  for (const article of corpus.articles) {
    for (const sentence of article.text.split(/(?<=[.!?…"”])\s+|\n+/u)) {
      const words = sentence.match(WORD) ?? [];
      words.forEach((word, i) => {
        const w = lower(word);
        (articlesWith.get(w) ?? articlesWith.set(w, new Set()).get(w)!).add(article.id);
        if (i === 0) return; // a sentence's first word is capitalized whatever it is
        const seen = occurrences.get(w) ?? { total: 0, capitalized: 0 };
        seen.total++;
        if (isCapitalized(word)) seen.capitalized++;
        occurrences.set(w, seen);
      });
    }
  }
  const minArticles = params.preGateContextShare * corpus.articles.length;
  const isName = (w: string) => {
    const seen = occurrences.get(w);
    return seen !== undefined && seen.capitalized > seen.total / 2;
  };
  const context = [...articlesWith]
    .filter(([w, ids]) => ids.size >= minArticles && w.length >= MIN_CONTEXT_LENGTH && /^\p{L}+$/u.test(w))
    .filter(([w]) => !anchorWords.has(w) && !isFunctionWord(w) && !SPEECH_VERBS.has(w) && !NEGATIONS.has(w) && !TITLES.has(w) && !CIRCUMSTANCE.has(w) && !MONTHS.has(w))
    .filter(([w]) => isName(w) || coreWords.has(w))
    .sort(([a, x], [b, y]) => y.size - x.size || (occurrences.get(b)?.total ?? 0) - (occurrences.get(a)?.total ?? 0) || a.localeCompare(b))
    .slice(0, params.preGateMaxContext)
    .map(([w]) => w);
  return { anchors, context, minContext: params.preGateMinContext };
}
