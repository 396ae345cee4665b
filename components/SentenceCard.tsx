/**
 * One matched sentence of the page: the sentence (a button that shows it on the page), its point,
 * and every other outlet's wording of it aligned with the page's by meaning, its changes of claim
 * marked (WordingDiff), the match kind and score, and a link to that outlet's article.
 */
import type { QuoteGroup } from '../lib/compare/quotes';
import type { Match, MatchKind, Quote, SentenceResult } from '../lib/types';
import { QuoteVariants } from './QuoteVariants';
import { WordingDiff } from './WordingDiff';

export const MATCH_KIND_LABELS: Record<MatchKind, string> = {
  verbatim: 'Verbatim',
  reworded: 'Reworded',
  quote: 'Quote variant',
};

export interface SentenceCardProps {
  sentence: SentenceResult;
  /** The matches to list (after filters), best first. */
  matches: readonly Match[];
  /** The label of the sentence's point, when known. */
  pointLabel: string | null;
  /** Notable quote groups of this sentence. */
  quoteGroups: readonly QuoteGroup[];
  /** Scroll the page to this sentence; absent when the sentence is not on the page (a selection). */
  onReveal?: (index: number) => void;
  /** The page sentence's quotes with speakers, when known (they tell a quote from a paraphrase). */
  pageQuotes?: readonly Quote[] | null;
  /** Quotes of corpus sentences by id; a sentence missing here has none. */
  matchQuotes?: ReadonlyMap<string, readonly Quote[]>;
}

function OutletName({ match }: { match: Match }) {
  if (match.url === null) {
    return (
      <span class="px-outlet">
        {match.outlet}
        <span class="px-vh"> (no link to this article)</span>
      </span>
    );
  }
  return (
    <a class="px-outlet" href={match.url} target="_blank" rel="noopener noreferrer">
      {match.outlet}
      <span class="px-vh"> (opens in a new tab)</span>
    </a>
  );
}

function Wording({ match, page, pageQuotes, quotes }: { match: Match; page: string; pageQuotes: readonly Quote[] | null; quotes: readonly Quote[] | null }) {
  const percent = Math.round(match.score * 100);
  return (
    <li class="px-wording">
      <div class="px-wording-head">
        <OutletName match={match} />
        <span class="px-kind" data-kind={match.kind}>
          {MATCH_KIND_LABELS[match.kind]}
        </span>
        <span class="px-score" title="How sure Parallax is that this states the same point">
          {percent}% match
        </span>
      </div>
      <WordingDiff base={page} other={match.text} baseQuotes={pageQuotes} otherQuotes={quotes} summary />
    </li>
  );
}

export function SentenceCard({ sentence, matches, pointLabel, quoteGroups, onReveal, pageQuotes = null, matchQuotes }: SentenceCardProps) {
  const headingId = `px-sentence-${sentence.index}`;
  const others = matches.length === 1 ? '1 other wording' : `${matches.length} other wordings`;
  return (
    <article class="px-card" aria-labelledby={headingId}>
      <h3 id={headingId} class="px-card-heading">
        Sentence {sentence.index + 1} <span class="px-card-count">· {others}</span>
      </h3>
      {onReveal === undefined ? (
        <blockquote class="px-page-sentence">{sentence.text}</blockquote>
      ) : (
        <button type="button" class="px-page-sentence" onClick={() => onReveal(sentence.index)}>
          <span class="px-vh">Show on the page: </span>
          {sentence.text}
        </button>
      )}
      {pointLabel !== null && pointLabel !== sentence.text && (
        <p class="px-point">
          <span class="px-point-tag">Point</span> {pointLabel}
        </p>
      )}
      <ul class="px-wordings" aria-label={`How other outlets worded sentence ${sentence.index + 1}`}>
        {matches.map((m) => (
          <Wording key={m.sentenceId} match={m} page={sentence.text} pageQuotes={pageQuotes} quotes={matchQuotes?.get(m.sentenceId) ?? (matchQuotes === undefined ? null : [])} />
        ))}
      </ul>
      <QuoteVariants groups={quoteGroups} />
    </article>
  );
}
