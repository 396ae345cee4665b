/**
 * Draws another outlet's sentence with the words that differ from the page's sentence marked:
 * inserted words (only the other outlet has them) in <ins>, deleted words (only the page has them)
 * in <del>, replacements as both. Differences of punctuation, case, quote style or spelling
 * ("endeavour", "Zelenskyy") are drawn quietly and not announced; hovering one shows the page's form. Screen readers hear the marks as words ("inserted:", "deleted:"), since most
 * of them say nothing for <ins> and <del>.
 */
import { useMemo } from 'preact/hooks';
import { diffWording, summarizeWordDiff, type WordDiffSegment } from '../lib/diff/words';

export interface WordingDiffProps {
  /** The sentence compared against: the page's sentence, or the first variant of a quote. */
  base: string;
  /** The wording drawn. */
  other: string;
  /** Show a one-line summary ("2 changes") under the wording. */
  summary?: boolean;
}

function Segment({ segment, afterDeletion }: { segment: WordDiffSegment; afterDeletion: boolean }) {
  const { op, quiet, page, other, pageBefore } = segment;
  // Words that follow deleted ones take the page's space when the other sentence has none there
  // ("But we’re" → "We’re" reads "~~But~~ We’re", not "~~But~~We’re").
  const otherBefore = segment.otherBefore || (afterDeletion ? pageBefore : '');
  if (op === 'equal') return <>{otherBefore + other}</>;
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
  const del = (
    <del class="px-del">
      <span class="px-vh">deleted: </span>
      {page}
    </del>
  );
  const ins = (
    <ins class="px-ins">
      <span class="px-vh">{op === 'replaced' ? 'inserted instead: ' : 'inserted: '}</span>
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

export function describeDiff(segments: readonly WordDiffSegment[]): string {
  const { changes, quietChanges } = summarizeWordDiff(segments);
  if (changes === 0 && quietChanges === 0) return 'Same words';
  if (changes === 0) return 'Same words; only punctuation, case or spelling differs';
  return changes === 1 ? '1 change' : `${changes} changes`;
}

export function WordingDiff({ base, other, summary = false }: WordingDiffProps) {
  const segments = useMemo(() => diffWording(base, other), [base, other]);
  return (
    <>
      <p class="px-diff">
        {segments.map((segment, i) => (
          <Segment key={i} segment={segment} afterDeletion={segments[i - 1]?.op === 'deleted'} />
        ))}
      </p>
      {summary && <p class="px-diff-summary">{describeDiff(segments)}</p>}
    </>
  );
}
