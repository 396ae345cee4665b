// From block offsets to DOM text nodes.
import { describe, expect, it } from 'vitest';
import { blockSentences, spanSegments } from '../../../lib/extract/sentences';
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
