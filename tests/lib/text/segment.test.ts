import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitLines, splitSentences } from '../../../lib/text/segment';

const texts = (input: string): string[] => splitSentences(input).map((s) => s.text);

describe('splitSentences on news text', () => {
  it.each<[string, string, string[]]>([
    ['U.S. before a title', 'U.S. President Donald Trump is prepared to walk away. Rubio said so.', [
      'U.S. President Donald Trump is prepared to walk away.',
      'Rubio said so.',
    ]],
    ['U.S. ending a sentence', 'He flew back to the U.S. The talks resume Monday.', [
      'He flew back to the U.S.',
      'The talks resume Monday.',
    ]],
    ['honorifics and military titles', 'Mr. Smith met Mrs. Jones and Dr. Lee. Gen. Keith Kellogg and Sen. Graham spoke. Rep. Ro Khanna and Gov. Newsom agreed.', [
      'Mr. Smith met Mrs. Jones and Dr. Lee.',
      'Gen. Keith Kellogg and Sen. Graham spoke.',
      'Rep. Ro Khanna and Gov. Newsom agreed.',
    ]],
    ['a street name', 'He lives on Main St. in St. Petersburg. It is cold.', [
      'He lives on Main St. in St. Petersburg.',
      'It is cold.',
    ]],
    ['month abbreviations before a date', 'On Jan. 20, 2025, Trump took office. By Feb. 28 the deal had failed.', [
      'On Jan. 20, 2025, Trump took office.',
      'By Feb. 28 the deal had failed.',
    ]],
    ['initials', 'George W. Bush met J.D. Vance and J. D. Salinger. They talked.', [
      'George W. Bush met J.D. Vance and J. D. Salinger.',
      'They talked.',
    ]],
    ['No. and a decimal', 'Ukraine is the No. 1 recipient of aid, some 3.5 percent of the budget. Critics object.', [
      'Ukraine is the No. 1 recipient of aid, some 3.5 percent of the budget.',
      'Critics object.',
    ]],
    ['a time of day before a weekday', 'The call came at 3 p.m. Friday in Paris. At 4 p.m. The Times reported it.', [
      'The call came at 3 p.m. Friday in Paris.',
      'At 4 p.m.',
      'The Times reported it.',
    ]],
    ['ellipses mid-sentence', 'We’re going to help… if it’s just a meeting… I’m willing to come. Then... We left... Done.', [
      'We’re going to help… if it’s just a meeting… I’m willing to come.',
      'Then... We left... Done.',
    ]],
    ['a question inside quotes followed by the attribution', '“Why now?” he asked. “Because it is time!” she said. Then they left.', [
      '“Why now?” he asked.',
      '“Because it is time!” she said.',
      'Then they left.',
    ]],
    ['a quotation of several sentences', '“We came here yesterday. It’s not our war. We didn’t start it,” Rubio said. “We want it to end.”', [
      '“We came here yesterday.',
      'It’s not our war.',
      'We didn’t start it,” Rubio said.',
      '“We want it to end.”',
    ]],
    ['a sentence ending inside the closing mark keeps it', 'Zelensky’s office called the talks “constructive and positive.” Rubio agreed.', [
      'Zelensky’s office called the talks “constructive and positive.”',
      'Rubio agreed.',
    ]],
    ['straight quotes', 'He said, "We are done. It is over." Then he left.', [
      'He said, "We are done.',
      'It is over."',
      'Then he left.',
    ]],
    ['an opening mark with no space before it', 'Rubio said.“The end is near.” Then he left.', [
      'Rubio said.',
      '“The end is near.”',
      'Then he left.',
    ]],
    ['nested single quotes', 'Then “he’s going to say ‘well, we’re done’.” He boarded.', [
      'Then “he’s going to say ‘well, we’re done’.”',
      'He boarded.',
    ]],
    ['a non-breaking space between sentences', 'It’s not our war.\u00A0 We didn’t start it.', [
      'It’s not our war.',
      'We didn’t start it.',
    ]],
    ['a numbered list item', '1. Rubio warned of a pullout. 2. Vance was hopeful.', [
      '1. Rubio warned of a pullout.',
      '2. Vance was hopeful.',
    ]],
    ['a lone spaced period', 'Read the full article .', ['Read the full article .']],
    ['a French closing guillemet set off by a space', '« Nous sommes prêts. » Le sommet reprend. « Bien. »', [
      '« Nous sommes prêts. »',
      'Le sommet reprend.',
      '« Bien. »',
    ]],
    ['a closing mark touching the next word opens it, as German quotes do', 'Er sagte es. »Wir sind bereit«, sagte er.', [
      'Er sagte es.',
      '»Wir sind bereit«, sagte er.',
    ]],
    ['a Japanese corner bracket after a full stop opens the next sentence', '会談は続いた。「準備はできている」と述べた。（詳細は未定）', [
      '会談は続いた。',
      '「準備はできている」と述べた。',
      '（詳細は未定）',
    ]],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('treats every line as a boundary, so a heading without a period is its own sentence', () => {
    const input = 'Signs of Movement Amid Growing Frustration\nDespite Rubio’s warning, talks went on. Trump said so.\n\nQuick Takes';
    expect(texts(input)).toEqual([
      'Signs of Movement Amid Growing Frustration',
      'Despite Rubio’s warning, talks went on.',
      'Trump said so.',
      'Quick Takes',
    ]);
  });

  it('ends a quotation paragraph at the line break even when the mark is never closed', () => {
    const input = 'He said: “We came here yesterday to talk.\n“If it can, we’re prepared.”';
    expect(texts(input)).toEqual(['He said: “We came here yesterday to talk.', '“If it can, we’re prepared.”']);
  });

  it('leaves list bullets out of the sentences', () => {
    const input = '  • Rubio warned the U.S. may abandon peace efforts\n- Trump is pursuing a deal\n* Talks showed progress\n•No space after this bullet';
    expect(texts(input)).toEqual([
      'Rubio warned the U.S. may abandon peace efforts',
      'Trump is pursuing a deal',
      'Talks showed progress',
      'No space after this bullet',
    ]);
  });

  it('keeps a leading minus or asterisk that is not a bullet', () => {
    expect(texts('-5 degrees in Kyiv.\n*NSYNC played.')).toEqual(['-5 degrees in Kyiv.', '*NSYNC played.']);
  });

  it('handles every kind of line break', () => {
    expect(texts('One.\r\nTwo.\rThree.\u2028Four.\u2029Five.')).toEqual(['One.', 'Two.', 'Three.', 'Four.', 'Five.']);
  });

  it('reads a spaced ellipsis as a pause whatever the spaces between its dots', () => {
    // Found by the spacing property (tests/lib/properties/segment.test.ts): two spaces before the
    // last dot used to end the sentence there, one did not.
    for (const text of ['He paused ... . Then he went on', 'He paused ...  . Then he went on', 'He paused .  .  . Then he went on']) {
      expect(splitSentences(text).map((s) => s.text)).toEqual([text]);
    }
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t\n  • \n')).toEqual([]);
  });
});

describe('splitSentences on the seed articles', () => {
  // Every sentence of every seed was read by a person once and judged the way an editor would split
  // it; this file pins that reading so that a change to the splitter shows up sentence by sentence.
  const expected = JSON.parse(
    readFileSync(join(__dirname, 'fixtures', 'seed-sentences.json'), 'utf8'),
  ) as Record<string, string[]>;
  const seedDir = join(__dirname, '..', '..', '..', 'seeds');

  it.each(Object.keys(expected))('%s', (file) => {
    const text = readFileSync(join(seedDir, file), 'utf8');
    expect(texts(text)).toEqual(expected[file]);
  });

  it('covers all five seeds', () => {
    expect(Object.keys(expected)).toHaveLength(5);
  });

  it('has the counts a reader finds', () => {
    const counts = Object.fromEntries(Object.entries(expected).map(([file, s]) => [file.slice(0, 3), s.length]));
    expect(counts).toEqual({ '000': 31, '001': 35, '002': 35, '003': 31, '004': 21 });
  });
});

describe('splitSentences invariants', () => {
  const newsy = fc.array(
    fc.constantFrom(
      'Rubio', 'said', 'U.S.', 'Mr.', 'J.D.', 'Jan.', '20', 'end.', 'war.”', '“We', 'done,”', '…', '...', '?', '!',
      '—', '–', '-', '•', '*', '\n', '\n\n', ' ', '\u00A0', '(AP)', '‘well', 'No.', '1', 'St.', 'the', 'The', '"',
    ),
    { maxLength: 60 },
  );
  const arbitrary = fc.oneof(newsy.map((parts) => parts.join(' ')), fc.string({ unit: 'grapheme', maxLength: 300 }));

  it('spans are ordered, non-overlapping, trimmed and equal to their slice', () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        let last = 0;
        for (const s of splitSentences(input)) {
          expect(s.text).toBe(input.slice(s.start, s.end));
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.text).toBe(s.text.trim());
          expect(s.text).not.toMatch(/[\n\r\u2028\u2029]/);
          last = s.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('loses nothing but whitespace and line-initial bullets', () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        let uncovered = '';
        let last = 0;
        for (const s of splitSentences(input)) {
          // \u0001 keeps gaps apart: a bullet is only allowed after a line break inside one gap.
          uncovered += input.slice(last, s.start) + '\u0001';
          last = s.end;
        }
        uncovered += input.slice(last);
        // What lies between sentences is whitespace, or a bullet right after a line break.
        const rest = uncovered.replace(/(^|[\n\r\v\f\u0085\u2028\u2029])\s*(?:[\u2022\u25E6\u25AA\u25AB\u25CF\u25CB\u25A0\u25A1\u2023\u2043\u2219\u00B7\u27A2\u25BA\u25B8]|[-*+](?=\s))/gu, '$1');
        expect(rest.replace(/\u0001/g, '').trim()).toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('splits the text of a line only where a sentence ends: in-between text is whitespace', () => {
    const input = 'It’s not our war.  We didn’t start it,” Rubio said. “The United States has been helping.';
    const spans = splitSentences(input);
    expect(spans.map((s) => s.text)).toEqual([
      'It’s not our war.',
      'We didn’t start it,” Rubio said.',
      '“The United States has been helping.',
    ]);
    expect(input.slice(spans[0]!.end, spans[1]!.start)).toBe('  ');
    expect(input.slice(spans[1]!.end, spans[2]!.start)).toBe(' ');
  });
});

describe('splitSentences on long lines', () => {
  // A long line splits as its paragraphs do one by one (the splitter once cut long lines into
  // windows for V8's Intl.Segmenter, which slowed down with every sentence of one string).
  const seedDir = join(__dirname, '..', '..', '..', 'seeds');
  const paragraphs = ['000_d92422b15f672f7c.txt', '003_667c5379cb0513e8.txt']
    .flatMap((f) => readFileSync(join(seedDir, f), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter((l) => /[.!?”]$/u.test(l));

  it('splits one 60,000-character line exactly as its paragraphs one by one', () => {
    const expected: string[] = [];
    const parts: string[] = [];
    while (parts.join(' ').length < 60_000) {
      for (const p of paragraphs) {
        parts.push(p);
        expected.push(...texts(p));
      }
    }
    expect(texts(parts.join(' '))).toEqual(expected);
  });

  it('keeps a sentence longer than a window whole', () => {
    const long = `Rubio said ${'the talks, which went on, '.repeat(600)}ended.`;
    expect(texts(`First one. ${long} Last one.`)).toEqual(['First one.', long, 'Last one.']);
  });

  it('splits 2 MB of short sentences on one line', () => {
    const text = '“We came. He said, "We are done. It is over." Then he left. '.repeat(34_000);
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(34_000 * 4);
    // Quadratic splitting took minutes here. That it stays linear is timed, in batches of tens of
    // ms, by tests/lib/properties/segment.test.ts ('many sentences on one line', 'ellipses and quotes').
  }, 60_000);
});

describe('splitLines', () => {
  it('reports bullets and trims', () => {
    const lines = splitLines('Title\n\n  • item one\n  plain  \n');
    expect(lines.map((l) => [l.text, l.bulleted])).toEqual([
      ['Title', false],
      ['item one', true],
      ['plain', false],
    ]);
    expect(lines[1]!.start).toBe('Title\n\n  • '.length);
  });
});
