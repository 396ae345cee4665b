/**
 * `parallax scan`: each input read, then matched as the extension matches a tab's page: the same
 * cheap pre-gate the content script applies before sending anything, then `Matcher.scanPage`, the
 * call the background answers `scanPage` with.
 */
import { mightBeOnStory } from '../match/pre-gate';
import type { Matcher } from '../match/matcher';
import type { MatchKind, PageVerdict } from '../types';
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
  sentences: { text: string; matches: ScanJsonMatch[] }[];
}

export interface ScanJsonMatch {
  outlet: string;
  /** The seed file the corpus sentence comes from. */
  file: string | null;
  text: string;
  score: number;
  kind: MatchKind;
}

export interface ScanOptions {
  limits?: FetchLimits;
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
  return scanRead(read, matcher);
}

/** Matches a page that was read, exactly as the extension matches a tab. */
export function scanRead(read: ReadPage, matcher: Matcher): ScannedPage {
  const { page } = read;
  // The content script sends no sentences for a page the pre-gate rules out (only the title is
  // matched then); doing the same here keeps the CLI's verdicts the extension's.
  const gated = mightBeOnStory(`${page.title}\n${page.sentences.join('\n')}`, matcher.keywords) ? page : { ...page, sentences: [] };
  return {
    input: read.input,
    url: page.url,
    title: page.title,
    sentenceCount: page.sentences.length,
    noArticle: read.noArticle,
    verdict: matcher.scanPage(gated),
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
        sentences: scan.verdict.sentences.map((s) => ({
          text: s.text,
          // Best first, as the matcher gives them; sorted again because other programs rely on it.
          matches: [...s.matches].sort((a, b) => b.score - a.score).map((m) => ({ outlet: m.outlet, file: m.file, text: m.text, score: m.score, kind: m.kind })),
        })),
      };
    }),
  };
}
