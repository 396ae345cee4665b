/**
 * One matched sentence of a page set against every other outlet's wording of it, as the panel
 * shows it when a point is opened: the lines across the outlets (which say "may", which "will";
 * lib/compare/outlet-lines.ts) and each wording aligned by meaning with its changes of claim
 * (lib/compare/claims.ts). For the places that show it without the panel: the CLI's scan report
 * and its --json document.
 *
 * Cost: one alignment per wording (claims.ts), and one read of each wording for the lines.
 */
import type { Match, Quote, SentenceResult } from '../types';
import { compareWordings, type ComparedWording } from './claims';
import { outletLines, type AspectLine } from './outlet-lines';
import { THIS_PAGE } from './point-rows';
import { PAGE_SOURCE_ID } from './quotes';

export interface ComparedMatch {
  match: Match;
  compared: ComparedWording;
}

export interface SentenceComparison {
  /** How the outlets' wordings differ, loudest first (quiet lines last); empty when all claim the same. */
  lines: AspectLine[];
  /** Each match, in the order given, aligned against the page's sentence. */
  wordings: ComparedMatch[];
}

/**
 * `pageQuotes` are the sentence's quotes with their speakers (lib/compare/page-quotes.ts), null
 * when unknown; `corpusQuotes` the quotes of corpus sentences by id (a sentence missing there has
 * none).
 */
export function compareSentence(
  sentence: Pick<SentenceResult, 'text' | 'matches'>,
  pageQuotes: readonly Quote[] | null,
  corpusQuotes: ReadonlyMap<string, readonly Quote[]>,
): SentenceComparison {
  const quotesOf = (m: Match) => corpusQuotes.get(m.sentenceId) ?? [];
  return {
    lines: outletLines(
      { sourceId: PAGE_SOURCE_ID, outlet: THIS_PAGE, text: sentence.text, quotes: pageQuotes },
      sentence.matches.map((m) => ({ sourceId: m.articleId, outlet: m.outlet, text: m.text, quotes: quotesOf(m) })),
    ),
    wordings: sentence.matches.map((match) => ({ match, compared: compareWordings(sentence.text, match.text, pageQuotes, quotesOf(match)) })),
  };
}
