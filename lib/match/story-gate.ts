/**
 * The page gate: is this page about the story? Everything it knows of the story comes from the
 * corpus (`storyProfile`): how central each point is (the share of the corpus's outlets stating
 * it), which points are the story's core (stated by nearly every outlet), and when the story
 * happened (its articles' dates). Nothing here names this story; a second story's corpus works
 * the same way.
 *
 * A page is on the story when
 *  1. its publication date, if it has one, lies within the story's days (a page dated well after
 *     them restating the same threat is other news, one dated before them cannot report it); and
 *  2. either its headline or lede (its opening sentence, or its first three when the headline is on
 *     the story too, stating a point or naming the story's actors) states a core point confidently
 *     (one such statement is how a news page announces its subject: briefs and short wire copy say
 *     nothing else), or the
 *     evidence adds up: a noisy-or over the best statements of distinct points, each weighed by
 *     how central its point is (an outlet's own background detail says less about the page's
 *     subject than a point every outlet reports), the headline counting as a statement of its own.
 * An undated page is judged by 2 alone. A page about other Ukraine or Rubio news can have one
 * sentence that resembles a corpus sentence; it rarely states the core point in its headline or
 * lede, and several of the story's points together even more rarely.
 */
import type { Corpus, Match } from '../types';
import type { MatchParams } from './params';

/** What the gate knows of the story, derived from the corpus once per matcher. */
export interface StoryProfile {
  /** Share of the corpus's articles that state each point, by point id. */
  centrality: ReadonlyMap<string, number>;
  /** Points stated by at least `coreShare` of the articles (and by two or more of them). */
  core: ReadonlySet<string>;
  /** The story's first and last day (days since 1970-01-01), from its articles' dates; null: undated corpus. */
  days: { first: number; last: number } | null;
}

export type GateParams = Pick<
  MatchParams,
  | 'storyThreshold'
  | 'storyDatedThreshold'
  | 'storyEvidencePoints'
  | 'storyCentralityExponent'
  | 'storyCoreShare'
  | 'storyCoreScore'
  | 'storyLedeSentences'
  | 'storyDaysBefore'
  | 'storyDaysAfter'
>;

/** Why the gate decided as it did: shown by the CLI and the evaluation. */
export type GateReason =
  /** The headline or lede states a core point confidently. */
  | 'core-statement'
  /** The weighted evidence reaches the threshold. */
  | 'evidence'
  /** Too little evidence. */
  | 'too-little'
  /** The page is dated outside the story's days. */
  | 'other-date';

export interface GateVerdict {
  onStory: boolean;
  /** Evidence in [0, 1]: the weighted noisy-or, or 1 for a confident core statement. */
  evidence: number;
  reason: GateReason;
}

/** The page as the gate sees it: each sentence's confident matches, best first. */
export interface GateInput {
  /** The headline's matches ([] when it has none or the page has no headline). */
  title: readonly Match[];
  /** Each page sentence's matches at the confident threshold, in page order. */
  sentences: readonly (readonly Match[])[];
  /**
   * Indexes of `sentences` that repeat the headline (extraction reads the headline as the page's
   * first sentence): not counted again, and not part of the lede.
   */
  headlineRepeats?: ReadonlySet<number>;
  /** The page's publication date (ISO), when it shows one. */
  published?: string | null;
  /**
   * Whether the headline names the story's actors (`storyHeadlineNames` of them; asked only when
   * it states no point): an opinion or analysis headline ("The war in Ukraine: America's
   * inconsistency") announces the story without stating any of it.
   */
  headlineNamesActors?: () => boolean;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date's own day (the publisher's, whatever its zone); null if unreadable. */
export function dayNumber(iso: string | null | undefined): number | null {
  if (typeof iso !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  if (m === null) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : Math.round(t / DAY_MS);
}

/**
 * The story as the corpus tells it. The story's days are its dated articles' days, without an
 * article dated more than `storyDaysAfter` from their median (one late reader's article does not
 * stretch the story over a month).
 */
export function storyProfile(
  corpus: Pick<Corpus, 'articles'> & Partial<Pick<Corpus, 'points'>>,
  params: Pick<MatchParams, 'storyCoreShare' | 'storyDaysAfter'>,
): StoryProfile {
  const articles = corpus.articles.length;
  const centrality = new Map<string, number>();
  const core = new Set<string>();
  for (const point of corpus.points ?? []) {
    const share = articles === 0 ? 0 : point.articleIds.length / articles;
    centrality.set(point.id, share);
    if (point.articleIds.length >= 2 && share >= params.storyCoreShare) core.add(point.id);
  }
  const dated = corpus.articles.map((a) => dayNumber(a.date)).filter((d): d is number => d !== null).sort((a, b) => a - b);
  let days: StoryProfile['days'] = null;
  if (dated.length > 0) {
    const median = dated[Math.floor((dated.length - 1) / 2)]!;
    const near = dated.filter((d) => Math.abs(d - median) <= params.storyDaysAfter);
    days = { first: near[0]!, last: near[near.length - 1]! };
  }
  return { centrality, core, days };
}

/**
 * The weight of a statement of a point: its centrality to the power `storyCentralityExponent`.
 * A match with no point (a corpus without points grouped) weighs 1, as every match did before.
 */
function weightOf(match: Match, profile: StoryProfile, params: GateParams): number {
  if (match.pointId === null) return 1;
  const share = profile.centrality.get(match.pointId);
  return share === undefined ? 1 : share ** params.storyCentralityExponent;
}

/** Whether the page is on the story, and why. Linear in the page's sentences. */
export function judgeStory(input: GateInput, profile: StoryProfile, params: GateParams): GateVerdict {
  const repeats = input.headlineRepeats ?? new Set<number>();
  const body = input.sentences.filter((_, i) => !repeats.has(i));
  const evidence = storyEvidence({ ...input, sentences: body }, profile, params);
  const day = dayNumber(input.published);
  // A page dated within the story's days is likelier to be about it than an undated one: the date
  // is evidence too, so less of the rest is asked for (storyDatedThreshold).
  let threshold = params.storyThreshold;
  if (day !== null && profile.days !== null) {
    if (day < profile.days.first - params.storyDaysBefore || day > profile.days.last + params.storyDaysAfter) {
      return { onStory: false, evidence, reason: 'other-date' };
    }
    threshold = Math.min(threshold, params.storyDatedThreshold);
  }
  // The opening sentence states a page's subject. The next ones do only when the headline is on
  // the story too, stating one of its points or naming its actors: a digest of other news can
  // carry one item on the story in its first lines, and a page whose headline and opening are
  // about something else is not about that item.
  const ledeLength = input.title.length > 0 || input.headlineNamesActors?.() === true ? params.storyLedeSentences : 1;
  const lede = [input.title, ...body.slice(0, ledeLength)];
  const statesCore = lede.some((matches) => {
    const best = matches[0];
    return best !== undefined && best.pointId !== null && profile.core.has(best.pointId) && best.score >= params.storyCoreScore;
  });
  if (statesCore) return { onStory: true, evidence: Math.max(evidence, threshold), reason: 'core-statement' };
  if (evidence >= threshold) return { onStory: true, evidence, reason: 'evidence' };
  return { onStory: false, evidence, reason: 'too-little' };
}

/**
 * The weighted evidence in [0, 1]: a noisy-or over the best weighted statement of each distinct
 * point in the body, and the headline's as one more (at most `storyEvidencePoints` in all).
 */
export function storyEvidence(input: GateInput, profile: StoryProfile, params: GateParams): number {
  const bestPerPoint = new Map<string, number>();
  for (const matches of input.sentences) {
    const best = matches[0];
    if (best === undefined) continue;
    const key = best.pointId ?? best.sentenceId;
    bestPerPoint.set(key, Math.max(bestPerPoint.get(key) ?? 0, best.score * weightOf(best, profile, params)));
  }
  const items = [...bestPerPoint.values()];
  const title = input.title[0];
  if (title !== undefined) items.push(title.score * weightOf(title, profile, params));
  const top = items.sort((a, b) => b - a).slice(0, params.storyEvidencePoints);
  return 1 - top.reduce((miss, score) => miss * (1 - score), 1);
}
