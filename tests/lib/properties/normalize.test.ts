/**
 * tokenize / normalizedTokens / normalizeText (lib/text/normalize.ts) on hostile text: any code
 * point, right-to-left scripts, emoji, invisible and control characters, very long words. The
 * offset invariants and idempotence on ordinary text are in tests/lib/text/normalize.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizedTokens, normalizeText, tokenize } from '../../../lib/text/normalize';
import { describeGrowth, growth, LINEAR_LIMIT, textOf } from './growth';
import { ARABIC_WORDS, EMOJI, HEBREW_WORDS, hostileText, INVISIBLES, NEWS_WORDS, respace, widenings } from './hostile-text';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

describe('tokenize on hostile text', () => {
  it('never throws; tokens are ordered slices of the input with non-empty, space-free, visible forms', () => {
    fc.assert(
      fc.property(hostileText(120), (text) => {
        let last = 0;
        for (const t of tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(WORD_CHAR.test(text.slice(t.start, t.end))).toBe(true);
          expect(t.norm).not.toBe('');
          expect(t.norm).not.toMatch(/[\s\u00AD\u200B-\u200D\u2060\uFEFF]/u);
          last = t.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same words whatever the spacing between them', () => {
    fc.assert(
      fc.property(hostileText(80), widenings, (text, spacing) => {
        expect(normalizedTokens(respace(text, spacing))).toEqual(normalizedTokens(text));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same words when invisible characters sit inside them', () => {
    const words = fc.array(fc.constantFrom(...NEWS_WORDS, ...ARABIC_WORDS, ...HEBREW_WORDS), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(words, fc.array(fc.constantFrom(...INVISIBLES), { minLength: 1 }), fc.nat(), (ws, invisibles, seed) => {
        const text = ws.join(' ');
        // One invisible character after every word character that another word character follows.
        let k = seed;
        const hidden = [...text]
          .map((c, i, cs) => (WORD_CHAR.test(c) && WORD_CHAR.test(cs[i + 1] ?? '') ? c + invisibles[k++ % invisibles.length] : c))
          .join('');
        expect(normalizedTokens(hidden)).toEqual(normalizedTokens(text));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps Arabic and Hebrew words, vowel marks and all, and drops emoji and bidi marks', () => {
    expect(normalizedTokens('\u202Bقال روبيو: مُحادثات السلام\u202C 🇺🇦')).toEqual(['قال', 'روبيو', 'مُحادثات', 'السلام']);
    expect(normalizedTokens('\u2067אמר רוביו — שָׁלוֹם\u2069 👨‍👩‍👧‍👦')).toEqual(['אמר', 'רוביו', 'שָׁלוֹם']);
  });
});

describe('tokenize: cases the properties found', () => {
  it('reads a number with an invisible character inside as one number', () => {
    expect(normalizedTokens('1,0\u00AD00 troops')).toEqual(['1000', 'troops']);
    expect(normalizedTokens('1\u200B,000 and 3\u2060.5')).toEqual(['1000', 'and', '3.5']);
  });
});

describe('normalizeText on hostile text', () => {
  it('never throws, and leaves no control, invisible or doubled whitespace', () => {
    fc.assert(
      fc.property(hostileText(120), (text) => {
        const out = normalizeText(text);
        expect(out).not.toMatch(/[\p{Cc}\p{Cf}]|\s\s|^\s|\s$/u);
      }),
      { numRuns: 400 },
    );
  });

  it('is the same whatever the spacing between words', () => {
    fc.assert(
      fc.property(hostileText(80), widenings, (text, spacing) => {
        expect(normalizeText(respace(text, spacing))).toBe(normalizeText(text));
      }),
      { numRuns: 400 },
    );
  });
});

describe('tokenize and normalizeText time', () => {
  const cases: [string, (chars: number) => string, number][] = [
    ['news sentences', (n) => textOf(n, (i) => NEWS_WORDS[i % NEWS_WORDS.length]!), 100_000],
    ['one word of letters and periods', (n) => textOf(n, () => 'ab.', ''), 100_000],
    ['one number of digits and periods', (n) => textOf(n, (i) => `${i % 10}.`, '') + '5', 100_000],
    ['one number of digit groups', (n) => '1' + textOf(n, () => ',000', ''), 100_000],
    ['one word of apostrophes', (n) => textOf(n, () => "we're'", ''), 100_000],
    ['a letter under a long run of combining marks', (n) => 'e' + '\u0301'.repeat(n) + ' x', 100_000],
    ['zero-width characters inside one word', (n) => textOf(n, (i) => `a${INVISIBLES[i % INVISIBLES.length]}`, ''), 100_000],
    ['Arabic and Hebrew', (n) => textOf(n, (i) => `${ARABIC_WORDS[i % ARABIC_WORDS.length]} ${HEBREW_WORDS[i % HEBREW_WORDS.length]}`), 100_000],
    ['emoji', (n) => textOf(n, (i) => EMOJI[i % EMOJI.length]!), 100_000],
  ];
  for (const [name, make, n] of cases) {
    it(`grows linearly: ${name}`, () => {
      for (const [fn, run] of [
        ['tokenize', tokenize],
        ['normalizeText', normalizeText],
      ] as const) {
        const measured = growth(make, run, n);
        expect(measured.ratio, `${fn}: ${describeGrowth('input', measured)}`).toBeLessThan(LINEAR_LIMIT);
      }
    });
  }
});
