/**
 * From blocks to sentences, keeping each sentence's way back to the DOM text nodes it was read
 * from. The splitting itself is lib/text/segment.ts; this module only maps offsets.
 */
import { type SentenceSpan, splitLineSentences, splitSentences } from '../text/segment';
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

/**
 * Characters of a block split into sentences at a time. Only an absurd page has a longer block
 * (the fixture pages' longest has 604 characters; walk.ts caps a block at MAX_BLOCK_CHARS): it is
 * split window by window, yielding between windows, since splitting 250,000 characters at once
 * held Chromium's main thread for tens of milliseconds.
 */
export const SENTENCE_WINDOW_CHARS = 10_000;

/** The sentences of `block`, numbered from `firstIndex`. */
export function blockSentences(block: Block, firstIndex: number): PageSentence[] {
  return toPageSentences(block, splitSentences(block.text), firstIndex);
}

/**
 * `blockSentences`, yielding between windows of SENTENCE_WINDOW_CHARS on a longer block. Each
 * window keeps all but its last two sentences (the window's end may cut the last one, and the
 * break before it was judged on a cut word) and the next window starts at the first of those two,
 * as lib/text/segment.ts once did with Intl.Segmenter's windows; so a block splits as it would whole.
 * A stretch of a window's length without any sentence end is no sentence a reader reads: it is
 * cut at the window's last space.
 */
export function* blockSentencesSteps(block: Block, firstIndex: number): Generator<void, PageSentence[]> {
  const { text } = block;
  if (text.length <= SENTENCE_WINDOW_CHARS) return blockSentences(block, firstIndex);
  const spans: SentenceSpan[] = [];
  const keep = (from: number, start: number, end: number) => {
    spans.push({ text: text.slice(from + start, from + end), start: from + start, end: from + end });
  };
  let from = 0;
  while (from < text.length) {
    const to = Math.min(text.length, from + SENTENCE_WINDOW_CHARS);
    const window = text.slice(from, to);
    // Past the first window a window starts at a sentence, whose first mark is no list bullet.
    const found = from === 0 ? splitSentences(window) : splitLineSentences(window);
    if (to === text.length) {
      for (const span of found) keep(from, span.start, span.end);
      break;
    }
    if (found.length >= 2) {
      const kept = found.length >= 3 ? found.length - 2 : 1;
      for (let i = 0; i < kept; i++) keep(from, found[i]!.start, found[i]!.end);
      from += found[kept]!.start;
    } else {
      const start = found[0]?.start ?? 0;
      const space = window.lastIndexOf(' ');
      const cut = space > start ? space : window.length;
      if (found.length === 1) keep(from, start, cut);
      from += space > start ? cut + 1 : cut;
    }
    yield;
  }
  return toPageSentences(block, spans, firstIndex);
}

function toPageSentences(block: Block, spans: readonly SentenceSpan[], firstIndex: number): PageSentence[] {
  return spans.map((span, i) => ({
    index: firstIndex + i,
    text: span.text,
    block: block.index,
    start: span.start,
    end: span.end,
    role: block.role,
    segments: spanSegments(block, span.start, span.end),
  }));
}
