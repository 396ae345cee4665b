/**
 * diffWording (lib/diff/words.ts) on hostile text: any code point, right-to-left scripts, emoji,
 * invisible and control characters, very long sentences. That both sides come back whole on
 * ordinary text is in tests/lib/diff/words.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWording, type WordDiffSegment } from '../../../lib/diff/words';
import { splitSentences } from '../../../lib/text/segment';
import { describeGrowth, growth, LINEAR_LIMIT } from './growth';
import { ARABIC_WORDS, EMOJI, HEBREW_WORDS, hostileText, INVISIBLES, respace, squash, widenings } from './hostile-text';

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

const SEEDS = join(import.meta.dirname, '..', '..', '..', 'seeds');
/** Every sentence of two seed articles that tell the story in different words. */
const [VT, PAK] = ['000_d92422b15f672f7c.txt', '001_ba9eee08ec8f519a.txt'].map((f) =>
  splitSentences(readFileSync(join(SEEDS, f), 'utf8')).map((s) => s.text),
) as [string[], string[]];
const seedSentence = fc.constantFrom(...VT, ...PAK);

/** What a reader sees of a diff: which stretches change and how, spacing aside. */
const substance = (segments: readonly WordDiffSegment[]) =>
  segments.map((s) => ({ op: s.op, quiet: s.quiet, page: squash(s.page), other: squash(s.other) }));
const pageSide = (segments: readonly WordDiffSegment[]) => segments.map((s) => s.pageBefore + s.page).join('');
const otherSide = (segments: readonly WordDiffSegment[]) => segments.map((s) => s.otherBefore + s.other).join('');

describe('diffWording on hostile text', () => {
  it('never throws and gives back both sides', () => {
    fc.assert(
      fc.property(hostileText(80), hostileText(80), (a, b) => {
        const segments = diffWording(a, b);
        expect(pageSide(segments)).toBe(a.trim());
        expect(otherSide(segments)).toBe(b.trim());
      }),
      { numRuns: 400 },
    );
  });

  it('finds no difference between a sentence and itself with other spacing', () => {
    fc.assert(
      fc.property(fc.oneof(seedSentence, hostileText(60)), widenings, (a, spacing) => {
        const segments = diffWording(a, respace(a, spacing));
        expect(segments.filter((s) => s.op !== 'equal')).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('reports the same changes whatever the spacing of either side', () => {
    const side = fc.oneof({ weight: 3, arbitrary: seedSentence }, { weight: 1, arbitrary: hostileText(60) });
    fc.assert(
      fc.property(side, side, widenings, widenings, (a, b, spaceA, spaceB) => {
        expect(substance(diffWording(respace(a, spaceA), respace(b, spaceB)))).toEqual(substance(diffWording(a, b)));
      }),
      { numRuns: 400 },
    );
  });

  it('finds no difference between a sentence and itself with invisible characters inside its words', () => {
    fc.assert(
      fc.property(seedSentence, fc.array(fc.constantFrom(...INVISIBLES), { minLength: 1 }), (a, invisibles) => {
        let k = 0;
        const hidden = [...a].map((c, i, cs) => (WORD_CHAR.test(c) && WORD_CHAR.test(cs[i + 1] ?? '') ? c + invisibles[k++ % invisibles.length] : c)).join('');
        const segments = diffWording(hidden, a);
        expect(segments.filter((s) => s.op !== 'equal')).toEqual([]);
        expect(pageSide(segments)).toBe(hidden.trim());
      }),
      { numRuns: 200 },
    );
  });

  it('diffs Arabic, Hebrew and emoji word by word', () => {
    const a = `${ARABIC_WORDS.slice(0, 4).join(' ')} ${EMOJI[2]} ${HEBREW_WORDS[0]}`;
    const b = `${ARABIC_WORDS.slice(0, 3).join(' ')} ${ARABIC_WORDS[8]} ${EMOJI[2]} ${HEBREW_WORDS[0]}`;
    expect(substance(diffWording(a, b))).toEqual([
      { op: 'equal', quiet: false, page: ARABIC_WORDS.slice(0, 3).join(' '), other: ARABIC_WORDS.slice(0, 3).join(' ') },
      { op: 'replaced', quiet: false, page: ARABIC_WORDS[3], other: ARABIC_WORDS[8] },
      { op: 'equal', quiet: false, page: `${EMOJI[2]} ${HEBREW_WORDS[0]}`, other: `${EMOJI[2]} ${HEBREW_WORDS[0]}` },
    ]);
  });
});

describe('diffWording: cases the properties found', () => {
  it('sees a word with a soft hyphen or zero-width space inside as the same word', () => {
    expect(substance(diffWording('Marco Rub\u00ADio warned on Fri\u200Bday.', 'Marco Rubio warned on Friday.'))).toEqual([
      { op: 'equal', quiet: false, page: 'Marco Rub\u00ADio warned on Fri\u200Bday.', other: 'Marco Rubio warned on Friday.' },
    ]);
  });
});

describe('diffWording time', () => {
  /** Words changed between a sentence and its close wording, whatever its length: edits stay few. */
  const CHANGED_WORDS = 20;
  /** A long sentence of `words` words from the seeds, and the same with CHANGED_WORDS words changed. */
  const close = (words: number) => {
    const source = [...VT, ...PAK].join(' ').split(' ');
    const page = Array.from({ length: words }, (_, i) => source[i % source.length]).join(' ');
    const every = Math.floor(words / CHANGED_WORDS);
    const other = page
      .split(' ')
      .map((w, i) => (i % every === every - 1 ? `${w}s` : w))
      .join(' ');
    return [page, other] as const;
  };
  /** Two long sentences with no word in common. */
  const unrelated = (words: number) => {
    const page = Array.from({ length: words }, (_, i) => `alpha${i % 97}`).join(' ');
    const other = Array.from({ length: words }, (_, i) => `beta${i % 89}`).join(' ');
    return [page, other] as const;
  };
  const cases: [string, (words: number) => readonly [string, string], number][] = [
    ['a long sentence against a close wording of it', close, 2_000],
    ['long unrelated sentences (the edit bound applies)', unrelated, 2_000],
    ['a long sentence against itself with every space doubled', (n) => [close(n)[0], close(n)[0].replace(/ /g, '  ')] as const, 4_000],
  ];
  for (const [name, make, words] of cases) {
    it(`grows linearly: ${name}`, () => {
      const measured = growth(make, ([a, b]) => diffWording(a, b), words);
      expect(measured.ratio, describeGrowth('input', measured)).toBeLessThan(LINEAR_LIMIT);
    });
  }
});
