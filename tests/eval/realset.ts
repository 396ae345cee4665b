/**
 * The real coverage set (../shared/realset/, its README says how to grade): real pages about the
 * story by outlets outside the corpus, and real pages about other Ukraine or Rubio news of the same
 * weeks (hard negatives), labeled sentence by sentence with the story's points.
 *
 * The file's text is other people's: it is read from where it lies (a path option), never copied
 * into the project. Each page is rendered as the extension would meet it (a news page: headline,
 * byline with the page's date, the article's paragraphs, site furniture written here) and run
 * through the CLI's own reading and scan (lib/cli/read-page.ts, lib/cli/scan.ts: extraction, the
 * pre-gate, the matcher's page scan), in three modes:
 *  - `excerpt`: the page as labeled;
 *  - `full`: the excerpt followed by background paragraphs written here that state no point of the
 *    story (a full article goes on below its opening; those sentences must match nothing);
 *  - `undated`: the excerpts with no date anywhere on the page: how far the gate holds on what the
 *    page says alone (many real pages show no machine-readable date);
 *  - `ungated`: every labeled sentence read and judged on the story (no extraction, no gate), each
 *    matched at the on-story threshold: what the sentence matcher alone would find.
 *
 * Grading (pure, unit-tested in tests/eval/realset.test.ts): each sentence the scan reads is laid
 * onto the labeled sentence it lies in (a part of a split sentence counts as that sentence; a
 * sentence spanning two labeled ones counts as the one it overlaps most). A labeled sentence is
 * matched when one of its parts matched; its best match is its parts' highest-scoring one; it is
 * correct when that corpus sentence carries one of its gold points (the realset labels every seed
 * sentence too). P = correct / matched, R = found / sentences with gold. An on-story page is found
 * when one of its labeled sentences matched; a hard-negative page is flagged when anything on it
 * matched (headline and written sentences included: the badge would show).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readHtml } from '../../lib/cli/read-page';
import { scanRead } from '../../lib/cli/scan';
import { Matcher } from '../../lib/match/matcher';
import { pageMatchThreshold, type MatchParams } from '../../lib/match/params';
import type { Corpus, Match } from '../../lib/types';

// --- The file -------------------------------------------------------------------------------------

export type RealPageKind = 'on-story' | 'transcript' | 'hard-negative';
export type RealTag = 'on' | 'background' | 'off' | 'hard';

export interface RealSentence {
  text: string;
  tag: RealTag;
  /** The points the sentence states; [] = matching it to anything is wrong. */
  gold: string[];
}

export interface RealPage {
  id: string;
  url: string;
  outlet: string;
  title: string;
  /** ISO day the page shows; null: it shows none. */
  date: string | null;
  kind: RealPageKind;
  sentences: RealSentence[];
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

/** Where `npm run eval` looks by default: ../shared/realset/ beside the repository. */
export const DEFAULT_REALSET_PATH = fileURLToPath(new URL('../../../shared/realset/realset.json', import.meta.url));

/**
 * The story's core point, as the set's README defines it ("p01 is the story's core"). Reported
 * on its own because a reader on any page about the story must see it.
 */
export const CORE_POINT = 'p01';

/** The set at `path`; null when there is no file there. Throws, naming the problem, on a malformed file. */
export function loadRealset(path: string): Realset | null {
  if (!existsSync(path)) return null;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not JSON (${(error as Error).message})`);
  }
  const set = data as Partial<Realset>;
  if (!Array.isArray(set.pages) || !Array.isArray(set.seeds) || !Array.isArray(set.points)) {
    throw new Error(`${path}: expected an object with "points", "seeds" and "pages" arrays`);
  }
  for (const page of set.pages) {
    if (typeof page.id !== 'string' || !Array.isArray(page.sentences) || typeof page.title !== 'string') {
      throw new Error(`${path}: page ${JSON.stringify(page.id)} lacks an id, a title or sentences`);
    }
    if (!['on-story', 'transcript', 'hard-negative'].includes(page.kind)) {
      throw new Error(`${path}: page ${page.id} has kind ${JSON.stringify(page.kind)}`);
    }
  }
  return set as Realset;
}

// --- Tuning split ---------------------------------------------------------------------------------

export type RealSplit = 'tune' | 'check';

/** Half the pages to tune on, half to check on, by a hash of the page id (FNV-1a), stable across runs. */
export function realSplitOf(pageId: string): RealSplit {
  let h = 0x811c9dc5;
  for (let i = 0; i < pageId.length; i++) {
    h ^= pageId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'tune' : 'check';
}

// --- Seed labels onto corpus sentences ------------------------------------------------------------

/**
 * The gold points of each corpus sentence, from the set's labels of the seed sentences (split by
 * another splitter, so they are located in the article's text and a corpus sentence carries the
 * points of every labeled seed sentence it overlaps).
 */
export function corpusPoints(corpus: Pick<Corpus, 'articles' | 'sentences'>, seeds: readonly RealSeed[]): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const seed of seeds) {
    const article = corpus.articles.find((a) => a.file === seed.file);
    if (article === undefined) continue;
    const spans: { start: number; end: number; points: string[] }[] = [];
    let cursor = 0;
    for (const s of seed.sentences) {
      const at = article.text.indexOf(s.text, cursor);
      if (at < 0) continue;
      spans.push({ start: at, end: at + s.text.length, points: s.points });
      cursor = at + s.text.length;
    }
    for (const sentence of corpus.sentences) {
      if (sentence.articleId !== article.id) continue;
      const points = new Set<string>();
      for (const span of spans) {
        if (span.start < sentence.end && sentence.start < span.end) for (const p of span.points) points.add(p);
      }
      result.set(sentence.id, points);
    }
  }
  return result;
}

// --- Grading (pure) -------------------------------------------------------------------------------

/** A sentence the scan read, with its best match (null: unmatched). */
export interface ReadSentence {
  text: string;
  best: Pick<Match, 'sentenceId' | 'score'> | null;
}

/** One labeled sentence of a page, as graded. */
export interface GradedSentence {
  text: string;
  gold: readonly string[];
  tag: RealTag | 'written';
  best: Pick<Match, 'sentenceId' | 'score'> | null;
  correct: boolean;
}

export interface PageGrade {
  sentences: GradedSentence[];
  /** Read sentences that lie in no labeled sentence (the headline, furniture) and matched. */
  unlabeledMatched: string[];
  /** Read sentences that lie in no labeled sentence. */
  unlabeled: number;
}

function normalizeForAlignment(text: string): string {
  return text.normalize('NFC').replace(/[\u00AD\u200B-\u200D\uFEFF]/gu, '').replace(/\s+/gu, ' ').trim();
}

/**
 * For each read sentence, the index of the labeled sentence it lies in (by character overlap, in
 * reading order), or null when it lies in none. Linear in the text's length per sentence found.
 */
export function alignSentences(labeled: readonly string[], read: readonly string[]): (number | null)[] {
  const spans: { start: number; end: number }[] = [];
  let stream = '';
  for (const text of labeled) {
    if (stream !== '') stream += ' ';
    const t = normalizeForAlignment(text);
    spans.push({ start: stream.length, end: stream.length + t.length });
    stream += t;
  }
  let cursor = 0;
  return read.map((text) => {
    const t = normalizeForAlignment(text);
    if (t === '') return null;
    const at = stream.indexOf(t, cursor);
    if (at < 0) return null;
    cursor = at + t.length;
    let bestIndex: number | null = null;
    let bestOverlap = 0;
    spans.forEach((span, i) => {
      const overlap = Math.min(span.end, at + t.length) - Math.max(span.start, at);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        bestIndex = i;
      }
    });
    return bestIndex;
  });
}

/** Grade one page: its labeled sentences against what the scan read and matched. */
export function gradePage(
  labeled: readonly { text: string; gold: readonly string[]; tag: RealTag | 'written' }[],
  read: readonly ReadSentence[],
  pointsOf: ReadonlyMap<string, ReadonlySet<string>>,
): PageGrade {
  const alignment = alignSentences(labeled.map((l) => l.text), read.map((r) => r.text));
  const best: (ReadSentence['best'])[] = labeled.map(() => null);
  const unlabeledMatched: string[] = [];
  let unlabeled = 0;
  read.forEach((r, i) => {
    const at = alignment[i];
    if (at === null || at === undefined) {
      unlabeled++;
      if (r.best !== null) unlabeledMatched.push(r.text);
      return;
    }
    const current = best[at];
    if (r.best !== null && (current === null || current === undefined || r.best.score > current.score)) best[at] = r.best;
  });
  return {
    sentences: labeled.map((l, i) => {
      const b = best[i] ?? null;
      const carried = b === null ? undefined : pointsOf.get(b.sentenceId);
      return { text: l.text, gold: l.gold, tag: l.tag, best: b, correct: b !== null && l.gold.some((p) => carried?.has(p) === true) };
    }),
    unlabeledMatched,
    unlabeled,
  };
}

/** Sentence figures over graded sentences. */
export interface SentenceFigures {
  /** Labeled sentences (written background included). */
  sentences: number;
  /** Sentences with gold points. */
  positives: number;
  matched: number;
  correct: number;
  /** Sentences with gold whose best match carries one of their points. */
  found: number;
  /** Sentences stating the core point, and those of them found. */
  corePositives: number;
  coreFound: number;
}

export function sentenceFigures(graded: readonly GradedSentence[]): SentenceFigures {
  const f: SentenceFigures = { sentences: 0, positives: 0, matched: 0, correct: 0, found: 0, corePositives: 0, coreFound: 0 };
  for (const s of graded) {
    f.sentences++;
    if (s.gold.length > 0) f.positives++;
    if (s.best !== null) f.matched++;
    if (s.correct) f.correct++;
    if (s.gold.length > 0 && s.correct) f.found++;
    if (s.gold.includes(CORE_POINT)) {
      f.corePositives++;
      if (s.correct) f.coreFound++;
    }
  }
  return f;
}

export function precision(f: SentenceFigures): number {
  return f.matched === 0 ? 1 : f.correct / f.matched;
}
export function recall(f: SentenceFigures): number {
  return f.positives === 0 ? 1 : f.found / f.positives;
}
export function coreRecall(f: SentenceFigures): number {
  return f.corePositives === 0 ? 1 : f.coreFound / f.corePositives;
}

// --- Rendering ------------------------------------------------------------------------------------

export type RealsetMode = 'excerpt' | 'full' | 'undated' | 'ungated';
export const REALSET_MODES: readonly RealsetMode[] = ['excerpt', 'full', 'undated', 'ungated'];

/**
 * Background paragraphs written for this project: generic diplomacy and war background that states
 * no point of any one story (no dates, no deadlines, no named meeting). A full page gets three or
 * four of them, chosen by its id, below its excerpt.
 */
export const WRITTEN_BACKGROUND: readonly string[] = [
  'Mediators in long wars rarely work from a single plan. Drafts pass between capitals for months, and each side tests which of its demands the other will treat as negotiable before anything is signed.',
  'Historians of armistice talks point out that a front line frozen by a truce often becomes a border in practice. That is why negotiators spend so much time on maps, buffer zones and who patrols them.',
  'Diplomats describe the work between summits as slow and technical. Teams of lawyers and military officers trade language on prisoner exchanges, humanitarian corridors and the inspection of ports long before leaders meet.',
  'Public opinion shapes what governments can offer. Leaders who promised voters a quick result face pressure at home when the fighting drags on, and opposition parties are quick to call any concession a surrender.',
  'Economists note that wartime budgets strain allies as well as the countries at war. Aid packages compete with domestic spending, and parliaments ask for clearer accounts of where the money and equipment go.',
  'Energy has been a lever throughout the conflict. Pipelines, grain shipments and power plants near the front are bargaining chips as much as economic assets, and insurers watch every shipping lane closely.',
  'Security guarantees are among the hardest questions in any settlement of this kind. A smaller state wants assurances that will hold for decades, while larger powers are wary of commitments that could draw them into a future war.',
  'Analysts caution that statements made to reporters between meetings are often aimed at several audiences at once: voters at home, the other side of the table, and allies who want to be consulted.',
];

function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The written background paragraphs of a page's full version: three or four, by its id. */
export function backgroundFor(pageId: string): string[] {
  const h = hashOf(pageId);
  const count = 3 + (h % 2);
  const first = (h >>> 1) % WRITTEN_BACKGROUND.length;
  return Array.from({ length: count }, (_, i) => WRITTEN_BACKGROUND[(first + i * 3) % WRITTEN_BACKGROUND.length]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => ESCAPES[c] ?? c);
}

/** A quotation left open by the text so far (curly quotes, or an odd number of straight ones). */
function quoteOpen(text: string): boolean {
  const opens = (text.match(/[“«]/gu) ?? []).length;
  const closes = (text.match(/[”»]/gu) ?? []).length;
  return opens > closes || (text.match(/"/gu) ?? []).length % 2 === 1;
}

/** A line that reads as a subheading: short, no closing punctuation. */
function isSubheading(text: string): boolean {
  return text.length <= 80 && !/[.!?:;”"’)]$/u.test(text.trim()) && text.split(/\s+/u).length >= 2;
}

/** Sentences into paragraphs as news pages set them: one to three sentences, a quotation kept whole. */
export function paragraphsOf(sentences: readonly string[]): { text: string; heading: boolean }[] {
  const paragraphs: { text: string; heading: boolean }[] = [];
  let current: string[] = [];
  const close = (): void => {
    if (current.length > 0) paragraphs.push({ text: current.join(' '), heading: false });
    current = [];
  };
  for (const sentence of sentences) {
    if (isSubheading(sentence) && !quoteOpen(current.join(' '))) {
      close();
      paragraphs.push({ text: sentence, heading: true });
      continue;
    }
    current.push(sentence);
    const text = current.join(' ');
    if (!quoteOpen(text) && (text.length >= 220 || current.length >= 3)) close();
  }
  close();
  return paragraphs;
}

function displayDate(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** The labeled sentences of a page in a mode: its own, and in `full` the written background after them. */
export function labeledSentencesOf(page: RealPage, mode: RealsetMode): { text: string; gold: readonly string[]; tag: RealTag | 'written' }[] {
  const own = page.sentences.map((s) => ({ text: s.text, gold: s.gold, tag: s.tag as RealTag | 'written' }));
  if (mode !== 'full') return own;
  return [...own, ...backgroundFor(page.id).map((text) => ({ text, gold: [] as string[], tag: 'written' as const }))];
}

/**
 * The page as a news site would serve it: site header and navigation, the article, related links,
 * footer. `undated` renders the excerpt without its date.
 */
export function renderPage(page: RealPage, mode: RealsetMode): string {
  let site = 'news.example';
  try {
    site = new URL(page.url).hostname.replace(/^www\./u, '');
  } catch {
    // A page without a usable address keeps the neutral name.
  }
  const paragraphs = paragraphsOf(page.sentences.map((s) => s.text));
  const body = paragraphs.map((p) => (p.heading ? `<h2>${escapeHtml(p.text)}</h2>` : `<p>${escapeHtml(p.text)}</p>`));
  if (mode === 'full') for (const p of backgroundFor(page.id)) body.push(`<p>${escapeHtml(p)}</p>`);
  const date = mode === 'undated' ? null : page.date;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(page.title)} | ${escapeHtml(site)}</title>
${date === null ? '' : `<meta property="article:published_time" content="${escapeHtml(date)}T10:00:00Z">`}
<meta name="viewport" content="width=device-width, initial-scale=1">
</head><body>
<header class="site-header"><a class="logo" href="/">${escapeHtml(site)}</a>
<nav aria-label="Sections"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/video">Video</a></li></ul></nav>
<form role="search"><input type="search" placeholder="Search"></form></header>
<main><article>
<header><p class="kicker"><a href="/world">World</a></p><h1>${escapeHtml(page.title)}</h1>
<p class="byline">By Staff reporters${date === null ? '' : ` · <time datetime="${escapeHtml(date)}">${escapeHtml(displayDate(date))}</time>`}</p>
<div class="share"><a href="#share">Share</a> <a href="#comments">Comments</a></div></header>
<div class="article-body">
${body.join('\n')}
</div>
<div class="tags">Topics: <a href="/tag/world">World</a>, <a href="/tag/diplomacy">Diplomacy</a></div>
</article>
<aside class="related"><h2>More from World</h2><ul>
<li><a href="/world/1">Flooding closes roads across three provinces</a></li>
<li><a href="/world/2">Explainer: how sanctions packages are agreed</a></li>
<li><a href="/world/3">Photos: a spring market reopens after repairs</a></li>
</ul></aside></main>
<footer><p>© ${escapeHtml(site)}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/newsletter">Sign up for our newsletter</a></footer>
</body></html>`;
}

// --- Running --------------------------------------------------------------------------------------

export interface PageRun {
  page: RealPage;
  split: RealSplit;
  /** Extraction's reason for finding no article, or null. */
  noArticle: string | null;
  judgedOnStory: boolean;
  storyScore: number;
  grade: PageGrade;
  figures: SentenceFigures;
  /** On-story/transcript: found; hard negative: flagged. */
  verdict: 'found' | 'missed' | 'flagged' | 'clean';
}

export interface ModeRun {
  mode: RealsetMode;
  pages: PageRun[];
}

export interface RealsetRun {
  path: string;
  modes: ModeRun[];
  reach: PointReach;
}

/** Figures of a mode, over the whole set or one split. */
export interface RealsetFigures {
  onStoryPages: number;
  onStoryFound: number;
  hardPages: number;
  hardFlagged: number;
  sentences: SentenceFigures;
}

export function figuresOf(run: ModeRun, split?: RealSplit): RealsetFigures {
  const pages = run.pages.filter((p) => split === undefined || p.split === split);
  const all: GradedSentence[] = pages.flatMap((p) => p.grade.sentences);
  const onStory = pages.filter((p) => p.page.kind !== 'hard-negative');
  const hard = pages.filter((p) => p.page.kind === 'hard-negative');
  return {
    onStoryPages: onStory.length,
    onStoryFound: onStory.filter((p) => p.verdict === 'found').length,
    hardPages: hard.length,
    hardFlagged: hard.filter((p) => p.verdict === 'flagged').length,
    sentences: sentenceFigures(all),
  };
}

function verdictOf(page: RealPage, grade: PageGrade): PageRun['verdict'] {
  if (page.kind === 'hard-negative') {
    return grade.sentences.some((s) => s.best !== null) || grade.unlabeledMatched.length > 0 ? 'flagged' : 'clean';
  }
  return grade.sentences.some((s) => s.best !== null) ? 'found' : 'missed';
}

function runPage(page: RealPage, mode: RealsetMode, matcher: Matcher, pointsOf: ReadonlyMap<string, ReadonlySet<string>>): PageRun {
  const labeled = labeledSentencesOf(page, mode);
  let read: ReadSentence[];
  let noArticle: string | null = null;
  let judgedOnStory = true;
  let storyScore = 1;
  if (mode === 'ungated') {
    const threshold = pageMatchThreshold(matcher.params);
    read = labeled.map((l) => {
      const best = matcher.matchSentence(l.text, threshold)[0];
      return { text: l.text, best: best === undefined ? null : { sentenceId: best.sentenceId, score: best.score } };
    });
  } else {
    const html = renderPage(page, mode);
    const pageRead = readHtml(`realset:${page.id}`, html, page.url);
    const scanned = scanRead(pageRead, matcher);
    noArticle = scanned.noArticle;
    judgedOnStory = scanned.verdict.onStory;
    storyScore = scanned.verdict.storyScore;
    const matched = new Map(scanned.verdict.sentences.map((s) => [s.index, s.matches[0]]));
    read = pageRead.page.sentences.map((text, i) => {
      const best = matched.get(i);
      return { text, best: best === undefined ? null : { sentenceId: best.sentenceId, score: best.score } };
    });
  }
  const grade = gradePage(labeled, read, pointsOf);
  return {
    page,
    split: realSplitOf(page.id),
    noArticle,
    judgedOnStory,
    storyScore,
    grade,
    figures: sentenceFigures(grade.sentences),
    verdict: verdictOf(page, grade),
  };
}

/**
 * The real set, every mode, against `corpus` with `params`. null when the file is absent (the
 * caller prints a one-line note). This is the function other tools call for the figures.
 */
export function runRealset(options: {
  corpus: Pick<Corpus, 'articles' | 'sentences' | 'points'>;
  params?: Partial<MatchParams>;
  path?: string;
  modes?: readonly RealsetMode[];
}): RealsetRun | null {
  const path = options.path ?? DEFAULT_REALSET_PATH;
  const set = loadRealset(path);
  if (set === null) return null;
  const matcher = Matcher.fromCorpus(options.corpus, options.params ?? {});
  const pointsOf = corpusPoints(options.corpus, set.seeds);
  return {
    path,
    modes: (options.modes ?? REALSET_MODES).map((mode) => ({ mode, pages: set.pages.map((p) => runPage(p, mode, matcher, pointsOf)) })),
    reach: pointReach(set.pages, matcher, pointsOf),
  };
}

// --- Reach ----------------------------------------------------------------------------------------

/**
 * Scores from which a labeled sentence counts as within reach: the on-story threshold, the lede's,
 * a floor far below any threshold that keeps precision, and any scored word in common at all.
 */
export const REACH_FLOORS: readonly number[] = [0.34, 0.3, 0.2, Number.MIN_VALUE];

/**
 * How far matching by shared words can go on the set, whatever the gate, the threshold or the
 * choice between points: for each labeled sentence stating a point, its best score (quotations
 * scored alone included, as in matching) against the corpus sentences that carry one of its points. A sentence under every usable threshold needs
 * a reading of meaning that word overlap cannot give (no shared scored word at all, or a few shared
 * names), so recall above the share reached at a floor is out of any threshold's reach.
 */
export interface PointReach {
  /** Labeled sentences with gold points (excerpts). */
  positives: number;
  /** Of those, how many score at least each of REACH_FLOORS against a corpus sentence of their point. */
  reached: { floor: number; count: number }[];
  /** Sentences with gold points on hard-negative pages: finding one flags its page. */
  onHardPages: number;
}

export function pointReach(pages: readonly RealPage[], matcher: Matcher, pointsOf: ReadonlyMap<string, ReadonlySet<string>>): PointReach {
  const best: number[] = [];
  let onHardPages = 0;
  for (const page of pages) {
    for (const s of page.sentences) {
      if (s.gold.length === 0) continue;
      if (page.kind === 'hard-negative') onHardPages++;
      const ofPoint = matcher.similarTo(s.text, Number.MIN_VALUE, { quotations: true }).filter((m) => s.gold.some((g) => pointsOf.get(m.sentenceId)?.has(g) === true));
      best.push(ofPoint[0]?.score ?? 0);
    }
  }
  return {
    positives: best.length,
    reached: REACH_FLOORS.map((floor) => ({ floor, count: best.filter((b) => b >= floor).length })),
    onHardPages,
  };
}

// --- Report ---------------------------------------------------------------------------------------

function fmt(x: number): string {
  return x.toFixed(3);
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const MODE_NAMES: Record<RealsetMode, string> = {
  excerpt: 'excerpts (page scan)',
  full: 'full pages (excerpt + written background)',
  undated: 'excerpts without their dates',
  ungated: 'every page read and judged on the story (no extraction, no gate)',
};

/** The reach of word overlap, in one line under the summary table. */
export function formatReach(reach: PointReach): string {
  const at = reach.reached.map(({ floor, count }) => `${floor === Number.MIN_VALUE ? 'any word in common' : `>= ${floor}`} ${count} (${fmt(count / Math.max(1, reach.positives))})`);
  return (
    `Within reach of word overlap (each labeled sentence's best score against the seed sentences of its own points, gate and choice aside), of ${reach.positives}: ${at.join(', ')}; ` +
    `${reach.onHardPages} on hard-negative pages (finding one flags its page)`
  );
}

/** One-line figures of a mode, as the summary table shows them. */
export function figuresRow(label: string, f: RealsetFigures): string[] {
  const s = f.sentences;
  return [
    label,
    `${f.onStoryFound} / ${f.onStoryPages}`,
    `${f.hardFlagged} / ${f.hardPages}`,
    fmt(precision(s)),
    fmt(recall(s)),
    `${fmt(coreRecall(s))} (${s.coreFound}/${s.corePositives})`,
    `${s.correct}/${s.matched}, ${s.found}/${s.positives}`,
  ];
}

/** The real-set section of `npm run eval`: a summary table, then per-page verdicts for each mode. */
export function formatRealset(run: RealsetRun, options: { perPage?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`Real coverage set (${run.path}; graded as its README says; ${CORE_POINT} = the core point)`);
  const rows: string[][] = [];
  for (const m of run.modes) {
    rows.push(figuresRow(`${m.mode}, all`, figuresOf(m)));
    rows.push(figuresRow(`${m.mode}, tune half`, figuresOf(m, 'tune')));
    rows.push(figuresRow(`${m.mode}, check half`, figuresOf(m, 'check')));
  }
  out.push(table(['set', 'on-story pages found', 'hard negatives flagged', 'sentence P', 'sentence R', `${CORE_POINT} recall`, 'correct/matched, found/gold'], rows));
  out.push(formatReach(run.reach));
  if (options.perPage === false) return out.join('\n');
  for (const m of run.modes) {
    out.push('');
    out.push(`Real set per page, ${MODE_NAMES[m.mode]}`);
    out.push(
      table(
        ['page', 'half', 'kind', 'date', 'verdict', 'story score', 'matched', 'correct', 'found/gold', 'extraction'],
        m.pages.map((p) => [
          p.page.id,
          p.split,
          p.page.kind,
          p.page.date ?? 'none',
          p.verdict === 'missed' || p.verdict === 'flagged' ? p.verdict.toUpperCase() : p.verdict,
          m.mode === 'ungated' ? '-' : fmt(p.storyScore),
          `${p.figures.matched}`,
          `${p.figures.correct}`,
          `${p.figures.found}/${p.figures.positives}`,
          p.noArticle ?? (m.mode === 'ungated' ? '-' : 'ok'),
        ]),
      ),
    );
  }
  return out.join('\n');
}
