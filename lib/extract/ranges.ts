/**
 * From extracted sentences back to DOM Ranges, for highlights and scrolling. A sentence's text
 * may run through links, <em>, <span> and, rarely, across a shadow boundary; a Range cannot
 * cross one, so a sentence may need one Range per tree. Nothing here modifies the page.
 *
 * The page may have changed since extraction: a segment whose node left the document or got
 * shorter is stale, and a stale sentence yields no Range rather than a wrong one.
 */
import type { PageSentence, TextSegment } from './types';

function isLive(segment: TextSegment): boolean {
  return segment.node.isConnected && segment.end <= segment.node.length;
}

/**
 * The Range covering the sentence, from its first character to its last: null when the
 * sentence is stale or spans two trees (use `sentenceRanges` there). Between its segments the
 * Range also covers what extraction skipped (collapsed whitespace, a hidden span), which a
 * highlight shows no differently.
 */
export function sentenceRange(doc: Document, sentence: PageSentence): Range | null {
  const ranges = sentenceRanges(doc, sentence);
  return ranges.length === 1 ? ranges[0]! : null;
}

/** One Range per tree the sentence runs through, in document order; empty when stale. */
export function sentenceRanges(doc: Document, sentence: PageSentence): Range[] {
  const { segments } = sentence;
  if (segments.length === 0 || !segments.every(isLive)) return [];
  const ranges: Range[] = [];
  let first = segments[0]!;
  let tree = first.node.getRootNode();
  for (let i = 1; i <= segments.length; i++) {
    const segment = segments[i];
    const segmentTree = segment?.node.getRootNode();
    if (segment !== undefined && segmentTree === tree) continue;
    const last = segments[i - 1]!;
    const range = doc.createRange();
    range.setStart(first.node, first.start);
    range.setEnd(last.node, last.end);
    ranges.push(range);
    if (segment === undefined) break;
    first = segment;
    tree = segmentTree!;
  }
  return ranges;
}

/** One Range per segment: exactly the extracted text, nothing skipped between; empty when stale. */
export function segmentRanges(doc: Document, segments: readonly TextSegment[]): Range[] {
  if (!segments.every(isLive)) return [];
  return segments.map((segment) => {
    const range = doc.createRange();
    range.setStart(segment.node, segment.start);
    range.setEnd(segment.node, segment.end);
    return range;
  });
}
