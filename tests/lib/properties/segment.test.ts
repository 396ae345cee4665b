/**
 * splitSentences (lib/text/segment.ts) on hostile text: any code point, right-to-left scripts,
 * emoji, invisible and control characters, very long lines. The invariants on ordinary text
 * (spans equal their slice, nothing but whitespace and bullets lost) are in tests/lib/text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../lib/text/segment';
import { describeGrowth, growth, LINEAR_LIMIT, textOf } from './growth';
import { ARABIC_WORDS, EMOJI, HEBREW_WORDS, hostileLine, hostileText, INVISIBLES, respace, squash, widenings } from './hostile-text';

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe('splitSentences on hostile text', () => {
  it('never throws, and its spans are ordered, non-empty slices of the input', () => {
    fc.assert(
      fc.property(hostileText(120), (input) => {
        let last = 0;
        for (const s of splitSentences(input)) {
          expect(s.text).toBe(input.slice(s.start, s.end));
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          last = s.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('splits the same sentences, whatever the spacing between words', () => {
    fc.assert(
      fc.property(hostileLine(80), widenings, (line, spacing) => {
        expect(texts(respace(line, spacing)).map(squash)).toEqual(texts(line).map(squash));
      }),
      { numRuns: 400 },
    );
  });

  it('splits Arabic and Hebrew at their own question marks and at periods, bidi marks or not', () => {
    const arabic = `${ARABIC_WORDS.slice(0, 4).join(' ')}؟ ${ARABIC_WORDS.slice(4, 8).join(' ')}.`;
    expect(texts(arabic)).toEqual([`${ARABIC_WORDS.slice(0, 4).join(' ')}؟`, `${ARABIC_WORDS.slice(4, 8).join(' ')}.`]);
    const hebrew = `\u202B${HEBREW_WORDS.slice(0, 3).join(' ')}. ${HEBREW_WORDS.slice(3, 6).join(' ')}?\u202C`;
    expect(texts(hebrew)).toHaveLength(2);
  });

  it('keeps an emoji sequence, flag or keycap whole, and off a sentence of its own', () => {
    for (const emoji of EMOJI) {
      const input = `Rubio spoke in Paris ${emoji}. The talks went on ${emoji}`;
      const sentences = texts(input);
      expect(sentences).toHaveLength(2);
      expect(sentences.join(' ')).toBe(input);
    }
  });
});

describe('splitSentences time', () => {
  // Base sizes are chosen so the base input takes a few milliseconds: large enough to time, small
  // enough that the large input's garbage does not outgrow the young generation (which shows as
  // 16× for 8× the short lines, GC work rather than the splitting's).
  const cases: [string, (chars: number) => string, number][] = [
    ['many sentences on one line', (n) => textOf(n, (i) => `Rubio said the talks ${i} went on for days in Paris.`), 40_000],
    ['one sentence with no end', (n) => textOf(n, (i) => ['the', 'talks', 'went', 'on', String(i)][i % 5]!), 40_000],
    ['many short lines', (n) => textOf(n, (i) => `Line ${i} ends here.`, '\n'), 10_000],
    ['emoji and ZWJ sequences', (n) => textOf(n, (i) => `${EMOJI[i % EMOJI.length]} ${EMOJI[(i * 7) % EMOJI.length]}!`), 20_000],
    ['Arabic and Hebrew', (n) => textOf(n, (i) => `${ARABIC_WORDS[i % ARABIC_WORDS.length]} ${HEBREW_WORDS[i % HEBREW_WORDS.length]}${i % 6 === 0 ? '؟' : ''}`), 40_000],
    ['zero-width characters between every letter', (n) => textOf(n, (i) => [...'Rubio.'].join(INVISIBLES[i % INVISIBLES.length]), ''), 40_000],
    ['abbreviations at every word', (n) => textOf(n, (i) => (i % 2 === 0 ? 'U.S.' : 'Mr.')), 40_000],
    ['ellipses and quotes', (n) => textOf(n, () => '“Why?” he asked... “We’re done.”'), 40_000],
  ];
  for (const [name, make, n] of cases) {
    it(`grows linearly: ${name}`, () => {
      const measured = growth(make, splitSentences, n);
      expect(measured.ratio, describeGrowth('input', measured)).toBeLessThan(LINEAR_LIMIT);
    });
  }
});
