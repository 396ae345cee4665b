/**
 * `parallax scan`: each input read, then matched as the extension matches a tab's page: the same
 * cheap pre-gate the content script applies before sending anything, then `Matcher.scanPage`, the
 * call the background answers `scanPage` with.
 */
import { matters, type ClaimAspect } from '../compare/claims';
import { describeLine, type AspectGroup } from '../compare/outlet-lines';
import { matchedSentenceQuotes } from '../compare/page-quotes';
import { compareSentence, type SentenceComparison } from '../compare/sentence-comparison';
import type { SameMeaning } from '../diff/align';
import type { WordDiffOp } from '../diff/words';
import { mightBeOnStory } from '../match/pre-gate';
import type { Matcher } from '../match/matcher';
import type { MatchKind, PageVerdict, Quote } from '../types';
import type { FetchLimits } from './fetch-page';
import { InputError } from './input-error';
import { readPage, type ReadPage } from './read-page';

/** Inputs read at once: enough to overlap slow servers, few enough not to flood one site. */
export const CONCURRENT_READS = 4;

/** One input, scanned. */
export interface ScannedPage {
  input: string;
  url: string;
  title: string;
  /** Number of sentences the page's article has, matched or not. */
  sentenceCount: number;
  /** When extraction found no article on the page: why. */
  noArticle: string | null;
  verdict: PageVerdict;
  /** `comparisons[i]`: how `verdict.sentences[i]`'s wordings differ, as the panel shows them. */
  comparisons: SentenceComparison[];
}

/** One input that could not be read. */
export interface FailedPage {
  input: string;
  error: string;
}

export type PageScan = ScannedPage | FailedPage;

export function isFailed(scan: PageScan): scan is FailedPage {
  return 'error' in scan;
}

/** The `--json` document: the shape other programs may rely on. */
export interface ScanJson {
  pages: (ScanJsonPage | FailedPage)[];
}

export interface ScanJsonPage {
  input: string;
  title: string;
  onStory: boolean;
  /** Only the page sentences with at least one match, in page order. */
  sentences: ScanJsonSentence[];
}

export interface ScanJsonSentence {
  text: string;
  /** How the outlets' wordings differ, loudest first, as the panel's point lines; empty when all claim the same. */
  lines: ScanJsonLine[];
  matches: ScanJsonMatch[];
}

export interface ScanJsonLine {
  aspect: ClaimAspect;
  /** Detail, not a change of claim (a name some outlets add); listed after the rest. */
  quiet: boolean;
  /** As the panel says it: "hedged (may): this page · firm (will): Outlet". */
  text: string;
  groups: AspectGroup[];
}

export interface ScanJsonMatch {
  outlet: string;
  /** The seed file the corpus sentence comes from. */
  file: string | null;
  text: string;
  score: number;
  kind: MatchKind;
  /** How this wording changes the page sentence's claim, loudest first. */
  differences: ScanJsonDifference[];
  /** The wording aligned with the page's sentence by meaning, in order; joined, `other` gives the wording. */
  diff: ScanJsonSegment[];
}

export interface ScanJsonDifference {
  aspect: ClaimAspect;
  /** The page's side as written, null when it has none. */
  page: string | null;
  other: string | null;
  /** Whether it changes what is claimed (not only a clause or a name added as detail). */
  changesClaim: boolean;
  quiet: boolean;
}

export interface ScanJsonSegment {
  op: WordDiffOp;
  page: string;
  other: string;
  /** The white space before each side in its sentence: `otherBefore + other` over the segments rebuilds the wording. */
  pageBefore: string;
  otherBefore: string;
  /** A replacement that means the same ("form": another form of the word; "synonym": other words). */
  sameMeaning: SameMeaning | null;
  /** The change of claim this stretch carries, drawn loudly; null otherwise. */
  loud: ClaimAspect | null;
  /** Only punctuation, case, quote style or spelling. */
  quiet: boolean;
}

export interface ScanOptions {
  limits?: FetchLimits;
  /** Quotes of corpus sentences by id: they tell a quote from a paraphrase in the comparisons. */
  corpusQuotes?: ReadonlyMap<string, readonly Quote[]>;
}

/** Scans every input, in input order; an input that cannot be read becomes a FailedPage. */
export async function scanInputs(inputs: readonly string[], matcher: Matcher, options: ScanOptions = {}): Promise<PageScan[]> {
  const results: PageScan[] = new Array<PageScan>(inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const i = next++;
      const input = inputs[i]!;
      results[i] = await scanInput(input, matcher, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, inputs.length) }, worker));
  return results;
}

async function scanInput(input: string, matcher: Matcher, options: ScanOptions): Promise<PageScan> {
  let read: ReadPage;
  try {
    read = await readPage(input, options.limits);
  } catch (error) {
    if (error instanceof InputError) return { input, error: error.message };
    // A fault in our own code on this input: say so, and let the other inputs run.
    return { input, error: `${input}: could not be scanned: ${(error as Error).message ?? String(error)}` };
  }
  return scanRead(read, matcher, options.corpusQuotes);
}

/**
 * Matches a page that was read, exactly as the extension matches a tab, and compares each matched
 * sentence's wordings as the panel does (with the page's quotes found as the background finds them).
 */
export function scanRead(read: ReadPage, matcher: Matcher, corpusQuotes: ReadonlyMap<string, readonly Quote[]> = new Map()): ScannedPage {
  const { page } = read;
  // The content script sends no sentences for a page the pre-gate rules out (only the title is
  // matched then); doing the same here keeps the CLI's verdicts the extension's.
  const gated = mightBeOnStory(`${page.title}\n${page.sentences.join('\n')}`, matcher.keywords) ? page : { ...page, sentences: [] };
  const verdict = matcher.scanPage(gated);
  // Read as the background reads them (entrypoints/background), so the CLI compares as the panel does.
  const pageQuotes = matchedSentenceQuotes(page, verdict);
  return {
    input: read.input,
    url: page.url,
    title: page.title,
    sentenceCount: page.sentences.length,
    noArticle: read.noArticle,
    verdict,
    comparisons: verdict.sentences.map((s) => compareSentence(s, pageQuotes[s.index] ?? null, corpusQuotes)),
  };
}

/** The `--json` document for a scan. */
export function scanJson(scans: readonly PageScan[]): ScanJson {
  return {
    pages: scans.map((scan) => {
      if (isFailed(scan)) return { input: scan.input, error: scan.error };
      return {
        input: scan.input,
        title: scan.title,
        onStory: scan.verdict.onStory,
        sentences: scan.verdict.sentences.map((s, i) => {
          const comparison = scan.comparisons[i]!;
          return {
            text: s.text,
            lines: comparison.lines.map((line) => ({ aspect: line.aspect, quiet: line.quiet, text: describeLine(line), groups: line.groups })),
            // Best first, as the matcher gives them; sorted again because other programs rely on it.
            matches: [...comparison.wordings].sort((a, b) => b.match.score - a.match.score).map(({ match: m, compared }) => ({
              outlet: m.outlet,
              file: m.file,
              text: m.text,
              score: m.score,
              kind: m.kind,
              differences: compared.differences.map((d) => ({ aspect: d.aspect, page: d.page, other: d.other, changesClaim: matters(d), quiet: d.quiet })),
              diff: compared.segments.map((seg, k) => ({
                op: seg.op,
                page: seg.page,
                other: seg.other,
                pageBefore: seg.pageBefore,
                otherBefore: seg.otherBefore,
                sameMeaning: seg.sameMeaning,
                loud: compared.loud[k] ?? null,
                quiet: seg.quiet,
              })),
            })),
          };
        }),
      };
    }),
  };
}
