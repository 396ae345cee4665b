// From block offsets to DOM text nodes.
import { describe, expect, it } from 'vitest';
import { blockSentences, blockSentencesSteps, SENTENCE_WINDOW_CHARS, spanSegments } from '../../../lib/extract/sentences';
import { splitSentences } from '../../../lib/text/segment';
import { extractBlocks } from '../../../lib/extract';
import type { Block } from '../../../lib/extract/types';
import { parseHtml } from '../../../lib/node/html';

function blockOf(paragraphHtml: string): Block {
  const doc = parseHtml(`<!doctype html><html><body>${paragraphHtml}</body></html>`);
  return extractBlocks(doc.body.firstElementChild!).blocks[0]!;
}

const sliceOf = (segments: ReturnType<typeof spanSegments>) => segments.map((s) => s.node.data.slice(s.start, s.end));

describe('spanSegments', () => {
  it('cuts a span into one segment per text node, across elements', () => {
    const block = blockOf('<p>“We’re not going to <a href="/x">drag this <em>out</em></a> for weeks,” he said. Next one.</p>');
    const start = block.text.indexOf('going');
    const end = block.text.indexOf(',”');
    expect(sliceOf(spanSegments(block, start, end))).toEqual(['going to ', 'drag this ', 'out', ' for weeks']);
  });

  it('leaves out collapsed whitespace between the span’s words', () => {
    const block = blockOf('<p>within\n\n      days   if no progress is made, he said, and then he left for the airport.</p>');
    const segments = spanSegments(block, 0, block.text.indexOf(' if'));
    expect(sliceOf(segments)).toEqual(['within\n', 'days']);
    expect(block.text.slice(0, block.text.indexOf(' if'))).toBe('within days');
  });

  it('is empty for an empty span', () => {
    const block = blockOf('<p>Some paragraph text long enough to be kept as a block of the article, with a few words more.</p>');
    expect(spanSegments(block, 5, 5)).toEqual([]);
  });
});

describe('blockSentences', () => {
  it('splits a block with lib/text/segment and numbers the sentences from the given index', () => {
    const block = blockOf('<p>Rubio spoke in <b>Paris</b>. He said the U.S. would decide <em>within days</em>. Then he left.</p>');
    const sentences = blockSentences(block, 7);
    expect(sentences.map((s) => [s.index, s.text])).toEqual([
      [7, 'Rubio spoke in Paris.'],
      [8, 'He said the U.S. would decide within days.'],
      [9, 'Then he left.'],
    ]);
    expect(sliceOf(sentences[1]!.segments)).toEqual([' He said the U.S. would decide ', 'within days', '.'].map((s, i) => (i === 0 ? s.trimStart() : s)));
  });
});

describe('blockSentencesSteps', () => {
  function steps<T>(generator: Generator<void, T>): { value: T; yields: number } {
    let yields = 0;
    for (;;) {
      const step = generator.next();
      if (step.done) return { value: step.value, yields };
      yields++;
    }
  }

  /** A block as the walk makes one: one text node, no line breaks. */
  function longBlock(text: string): Block {
    const doc = parseHtml('<!doctype html><html><body><p></p></body></html>');
    const node = doc.createTextNode(text);
    doc.body.firstElementChild!.appendChild(node);
    return { index: 3, text, role: 'body', element: doc.body.firstElementChild!, runs: [{ node, nodeStart: 0, textStart: 0, length: text.length }] };
  }

  // Sentences whose breaks need the repairs (titles, initials, "U.S." before a name or a new
  // sentence, quotes), so a window's edge falling anywhere would show.
  const SENTENCES = [
    '• Mr. Rubio met Gen. Kellogg in Paris on Jan. 18, the U.S. official said.',
    '“Why?” he asked.',
    'U.S. President Donald Trump wants a deal within days.',
    'The talks were in the U.S. The next round is in London.',
    'George W. Bush was not there.',
    'Kremlin spokesman Dmitry Peskov said some progress had been made, but contacts remained difficult.',
  ];

  it('splits a long block window by window into exactly the sentences of the whole block', () => {
    const parts: string[] = [];
    for (let i = 0; parts.join(' ').length < SENTENCE_WINDOW_CHARS * 5; i++) parts.push(SENTENCES[i % SENTENCES.length]!);
    const block = longBlock(parts.join(' '));
    const { value, yields } = steps(blockSentencesSteps(block, 10));
    const whole = splitSentences(block.text);
    expect(value.map((s) => [s.start, s.end, s.text])).toEqual(whole.map((s) => [s.start, s.end, s.text]));
    expect(value[0]!.index).toBe(10);
    expect(value.every((s) => s.block === 3 && s.segments[0]!.node.data.slice(s.segments[0]!.start, s.segments[0]!.end) === s.text)).toBe(true);
    expect(yields).toBeGreaterThanOrEqual(4);
  });

  it('is blockSentences itself on a block of ordinary length, with no yield', () => {
    const block = longBlock(SENTENCES.join(' '));
    const { value, yields } = steps(blockSentencesSteps(block, 0));
    expect(value).toEqual(blockSentences(block, 0));
    expect(yields).toBe(0);
  });

  it('cuts a stretch without a sentence end at a space, keeping every word', () => {
    const words = Array.from({ length: SENTENCE_WINDOW_CHARS }, (_, i) => `w${i}`);
    const block = longBlock(words.join(' '));
    const { value } = steps(blockSentencesSteps(block, 0));
    expect(value.length).toBeGreaterThan(1);
    expect(value.every((s) => s.text.length <= SENTENCE_WINDOW_CHARS && !s.text.startsWith(' ') && !s.text.endsWith(' '))).toBe(true);
    expect(value.map((s) => s.text).join(' ')).toBe(block.text);
  });
});
