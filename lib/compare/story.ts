/**
 * The story the corpus follows, named for the reader in the panel's first lines: who, what and
 * when. Nothing here is written for one story: the core point is the point the most articles
 * state (ties to the one stated earliest in the articles, where news puts its lead), "who" is
 * the speaker its wordings attribute it to most often, and "when" the span of the articles' dates.
 */
import type { Article, Point, Sentence } from '../types';
import { readClaim } from './claims';
import { speakerKey } from './quotes';

export interface StorySummary {
  /** The core point. */
  pointId: string;
  /** What happened: the core point's representative wording. */
  what: string;
  /** Who: the person its wordings most often attribute it to, by the fullest name used; null when none is. */
  who: string | null;
  /** When: the first and last publication days (ISO) of the articles stating it; null when no article is dated. */
  firstDay: string | null;
  lastDay: string | null;
  /** How many outlets state the core point, and how many the corpus has. */
  outlets: number;
  corpusOutlets: number;
}

/** Where a sentence sits in its article (ids are `${articleId}:${index}`). */
function indexOf(sentenceId: string): number {
  const index = Number(sentenceId.slice(sentenceId.lastIndexOf(':') + 1));
  return Number.isFinite(index) ? index : Number.MAX_SAFE_INTEGER;
}

function meanIndex(point: Pick<Point, 'sentenceIds'>): number {
  if (point.sentenceIds.length === 0) return Number.MAX_SAFE_INTEGER;
  return point.sentenceIds.reduce((sum, id) => sum + indexOf(id), 0) / point.sentenceIds.length;
}

/** The story of a corpus, or null when it has no point. */
export function storySummary(corpus: {
  articles: readonly Pick<Article, 'id' | 'date'>[];
  points: readonly Pick<Point, 'id' | 'label' | 'sentenceIds' | 'articleIds'>[];
  sentences: readonly Pick<Sentence, 'id' | 'text' | 'quotes'>[];
}): StorySummary | null {
  const core = [...corpus.points].sort(
    (a, b) => b.articleIds.length - a.articleIds.length || meanIndex(a) - meanIndex(b) || a.id.localeCompare(b.id),
  )[0];
  if (core === undefined) return null;

  const sentences = new Map(corpus.sentences.map((s) => [s.id, s]));
  const speakers = new Map<string, { name: string; count: number }>();
  for (const id of core.sentenceIds) {
    const sentence = sentences.get(id);
    if (sentence === undefined) continue;
    const speaker = readClaim(sentence.text, sentence.quotes).attribution.speaker;
    if (speaker === null) continue;
    const key = speakerKey(speaker);
    const known = speakers.get(key);
    if (known === undefined) speakers.set(key, { name: speaker, count: 1 });
    else {
      known.count++;
      if (speaker.length > known.name.length) known.name = speaker;
    }
  }
  const who = [...speakers.values()].sort((a, b) => b.count - a.count)[0]?.name ?? null;

  const stating = new Set(core.articleIds);
  const days = corpus.articles
    .filter((a) => stating.has(a.id) && a.date !== null)
    .map((a) => a.date!)
    .sort();
  return {
    pointId: core.id,
    what: core.label,
    who,
    firstDay: days[0] ?? null,
    lastDay: days[days.length - 1] ?? null,
    outlets: stating.size,
    corpusOutlets: corpus.articles.length,
  };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "18 April 2025", "18–19 April 2025", "30 April – 2 May 2025"; the days as given when not ISO. */
export function describeDays(first: string, last: string): string {
  const parse = (day: string) => /^(\d{4})-(\d{2})-(\d{2})$/u.exec(day);
  const a = parse(first);
  const b = parse(last);
  if (a === null || b === null) return first === last ? first : `${first} – ${last}`;
  const [, y1, m1, d1] = a;
  const [, y2, m2, d2] = b;
  const month = (m: string) => MONTH_NAMES[Number(m) - 1] ?? m;
  const day = (d: string) => String(Number(d));
  if (first === last) return `${day(d1!)} ${month(m1!)} ${y1}`;
  if (y1 === y2 && m1 === m2) return `${day(d1!)}–${day(d2!)} ${month(m1!)} ${y1}`;
  if (y1 === y2) return `${day(d1!)} ${month(m1!)} – ${day(d2!)} ${month(m2!)} ${y1}`;
  return `${day(d1!)} ${month(m1!)} ${y1} – ${day(d2!)} ${month(m2!)} ${y2}`;
}
