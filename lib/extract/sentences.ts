/**
 * From blocks to sentences, keeping each sentence's way back to the DOM text nodes it was read
 * from. The splitting itself is lib/text/segment.ts; this module only maps offsets.
 */
import { splitSentences } from '../text/segment';
import type { Block, PageSentence, TextSegment } from './types';

/**
 * The DOM text under block.text[start, end): one segment per text node touched, in document
 * order. Collapsed whitespace between runs is left out. Cost: O(log runs + segments).
 */
export function spanSegments(block: Block, start: number, end: number): TextSegment[] {
  const { runs } = block;
  // First run that ends after `start`.
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const run = runs[mid]!;
    if (run.textStart + run.length <= start) lo = mid + 1;
    else hi = mid;
  }
  const segments: TextSegment[] = [];
  for (let i = lo; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.textStart >= end) break;
    const from = Math.max(start, run.textStart) - run.textStart + run.nodeStart;
    const to = Math.min(end, run.textStart + run.length) - run.textStart + run.nodeStart;
    if (from >= to) continue;
    const last = segments[segments.length - 1];
    if (last !== undefined && last.node === run.node && last.end === from) last.end = to;
    else segments.push({ node: run.node, start: from, end: to });
  }
  return segments;
}

/** The sentences of `block`, numbered from `firstIndex`. */
export function blockSentences(block: Block, firstIndex: number): PageSentence[] {
  return splitSentences(block.text).map((span, i) => ({
    index: firstIndex + i,
    text: span.text,
    block: block.index,
    start: span.start,
    end: span.end,
    role: block.role,
    segments: spanSegments(block, span.start, span.end),
  }));
}
