/**
 * Draws another outlet's sentence aligned with the page's by meaning (lib/diff/align.ts) and
 * read for changes of claim (lib/compare/claims.ts):
 *
 * - what changes the claim (certainty, time frame, who acts, numbers, attribution, names,
 *   negation) loudly: <del> and <ins> with a strong outline and the aspect named for screen readers;
 * - other changed words as plain <ins> / <del>, and changes of function words only faintly;
 * - the same thing in other words ("withdraw from" / "walk away from") and other forms of a word
 *   quietly, with the page's words on hover;
 * - punctuation, case, quote style and spelling ("endeavour", "Zelenskyy") quietly, unannounced.
 *
 * Screen readers hear the marks as words ("inserted:", "deleted:"), since most say nothing for
 * <ins> and <del>. The summary line under it names the changes of claim, not a count of edits.
 */
import { useMemo } from 'preact/hooks';
import { CLAIM_ASPECT_LABELS, compareWordings, describeComparison, type ClaimAspect } from '../lib/compare/claims';
import type { AlignedSegment } from '../lib/diff/align';
import type { Quote } from '../lib/types';

export interface WordingDiffProps {
  /** The sentence compared against: the page's sentence, or the first variant of a quote. */
  base: string;
  /** The wording drawn. */
  other: string;
  /** The quotes of each, with speakers, when known: they tell a quote from a paraphrase. */
  baseQuotes?: readonly Quote[] | null;
  otherQuotes?: readonly Quote[] | null;
  /** Show a one-line summary of the changes of claim under the wording. */
  summary?: boolean;
}

function Segment({ segment, loud, afterDeletion }: { segment: AlignedSegment; loud: ClaimAspect | null; afterDeletion: boolean }) {
  const { op, quiet, page, other, pageBefore, sameMeaning, minor } = segment;
  // Words that follow deleted ones take the page's space when the other sentence has none there
  // ("But we’re" → "We’re" reads "~~But~~ We’re", not "~~But~~We’re").
  const otherBefore = segment.otherBefore || (afterDeletion ? pageBefore : '');
  if (op === 'equal') return <>{otherBefore + other}</>;
  if (sameMeaning !== null) {
    return (
      <>
        {otherBefore}
        <span class="px-same" data-same={sameMeaning} title={`This page: ${page}`}>
          {other}
        </span>
      </>
    );
  }
  if (quiet) {
    // A punctuation mark only the page has is shown faintly; it is not part of the other wording.
    if (op === 'deleted') {
      return (
        <>
          {pageBefore}
          <span class="px-quiet px-quiet-deleted" aria-hidden="true">
            {page}
          </span>
        </>
      );
    }
    return (
      <>
        {otherBefore}
        <span class="px-quiet" title={op === 'replaced' ? `This page: ${page}` : undefined}>
          {other}
        </span>
      </>
    );
  }
  const strength = loud !== null ? ' px-loud' : minor ? ' px-minor' : '';
  const aspect = loud === null ? '' : `${CLAIM_ASPECT_LABELS[loud].toLowerCase()} changed, `;
  const del = (
    <del class={`px-del${strength}`} data-aspect={loud ?? undefined}>
      <span class="px-vh">{aspect}deleted: </span>
      {page}
    </del>
  );
  const ins = (
    <ins class={`px-ins${strength}`} data-aspect={loud ?? undefined}>
      <span class="px-vh">{op === 'replaced' ? 'inserted instead: ' : `${aspect}inserted: `}</span>
      {other}
    </ins>
  );
  if (op === 'deleted') return <>{pageBefore}{del}</>;
  if (op === 'inserted') return <>{otherBefore}{ins}</>;
  // A replacement keeps a space before it if either sentence has one there ("Russia and" →
  // "Russia-"), and always one between the deleted and the inserted words.
  return (
    <>
      {pageBefore || otherBefore}
      {del} {ins}
    </>
  );
}

export function WordingDiff({ base, other, baseQuotes = null, otherQuotes = null, summary = false }: WordingDiffProps) {
  const compared = useMemo(() => compareWordings(base, other, baseQuotes, otherQuotes), [base, other, baseQuotes, otherQuotes]);
  const { segments, loud } = compared;
  return (
    <>
      <p class="px-diff">
        {segments.map((segment, i) => (
          <Segment key={i} segment={segment} loud={loud[i] ?? null} afterDeletion={segments[i - 1]?.op === 'deleted'} />
        ))}
      </p>
      {summary && (
        <p class="px-diff-summary" data-claim-changed={compared.differences.some((d) => d.aspect !== 'clause') ? 'true' : 'false'}>
          {describeComparison(compared)}
        </p>
      )}
    </>
  );
}
