import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffWording, sameWords, summarizeWordDiff, wordKeys, type WordDiffSegment } from '../../../lib/diff/words';
import { breitbart, pak, seedSentences, voice, vt, VT, PAK, PARTIALLY, BREITBART, VOICE } from '../../fixtures/panel';

const marked = (segments: WordDiffSegment[]) =>
  segments.filter((s) => s.op !== 'equal').map((s) => ({ op: s.op, quiet: s.quiet, page: s.page, other: s.other }));

/** Each sentence read back from the segments. */
const pageSide = (segments: WordDiffSegment[]) => segments.map((s) => s.pageBefore + s.page).join('');
const otherSide = (segments: WordDiffSegment[]) => segments.map((s) => s.otherBefore + s.other).join('');
const noSpace = (s: string) => s.replace(/\s+/gu, '');

describe('diffWording on seed sentence pairs', () => {
  it('marks what Pak Correspondent changed in Valuetainment’s opening sentence', () => {
    const segments = diffWording(vt.withdraw.text, pak.withdraw.text);
    expect(marked(segments)).toEqual([
      {
        op: 'replaced',
        quiet: false,
        page: 'The United States may withdraw from its',
        other: 'U.S. President Donald Trump is prepared to abandon',
      },
      { op: 'replaced', quiet: false, page: 'within days if no tangible', other: 'unless meaningful' },
      { op: 'inserted', quiet: false, page: '', other: 'within days' },
      { op: 'deleted', quiet: false, page: 'US', other: '' },
      { op: 'replaced', quiet: false, page: 'warned on', other: 'said' },
    ]);
    // The shared stretch comes through untouched.
    expect(segments.some((s) => s.op === 'equal' && s.other === 'efforts to broker peace between Russia and Ukraine')).toBe(true);
    expect(pageSide(segments)).toBe(vt.withdraw.text);
    expect(otherSide(segments)).toBe(pak.withdraw.text);
  });

  it('finds Breitbart’s quote word for word, its British spelling and the quote marks quiet', () => {
    const segments = diffWording(vt.endeavor.text, breitbart.endeavour.text);
    expect(marked(segments)).toEqual([
      { op: 'replaced', quiet: true, page: 'endeavor', other: 'endeavour' },
      // Valuetainment's sentence closes the quotation; Breitbart's quotation runs on.
      { op: 'deleted', quiet: true, page: '”', other: '' },
    ]);
    expect(summarizeWordDiff(segments)).toEqual({ changes: 0, quietChanges: 2, sharedWordShare: 1 });
  });

  it('keeps transliterated names quiet: Sergei and Sergey, Zelensky’s and Zelenskyy’s, Kiev and Kyiv', () => {
    const lavrov = diffWording(
      'Rubio also briefed Russian Foreign Minister Sergei Lavrov about the peace framework.',
      'Rubio also briefed Russian Foreign Minister Sergey Lavrov about the peace framework.',
    );
    expect(marked(lavrov)).toEqual([{ op: 'replaced', quiet: true, page: 'Sergei', other: 'Sergey' }]);
    const office = diffWording('while Zelensky’s office called the talks', 'while Zelenskyy’s office called the talks');
    expect(marked(office)).toEqual([{ op: 'replaced', quiet: true, page: 'Zelensky’s', other: 'Zelenskyy’s' }]);
    const capital = diffWording('conditions Kiev considers unacceptable', 'conditions Kyiv considers unacceptable');
    expect(marked(capital)).toEqual([{ op: 'replaced', quiet: true, page: 'Kiev', other: 'Kyiv' }]);
  });

  it('still marks a changed word that looks like a spelling: Russia and Russian, a possessive, for and four', () => {
    expect(marked(diffWording('Russia officials said', 'Russian officials said'))).toEqual([
      { op: 'replaced', quiet: false, page: 'Russia', other: 'Russian' },
    ]);
    expect(marked(diffWording('pressure on Ukraine and Moscow', 'pressure on Ukraine’s Moscow'))[0]).toEqual({
      op: 'replaced',
      quiet: false,
      page: 'Ukraine and',
      other: 'Ukraine’s',
    });
    expect(marked(diffWording('talks for days', 'talks four days'))).toEqual([
      { op: 'replaced', quiet: false, page: 'for', other: 'four' },
    ]);
  });

  it('calls "U.S." and "US" the same word, quietly', () => {
    const segments = diffWording(
      'The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within the next few days, warned US Secretary of State Marco Rubio.',
      voice.withdraw.text,
    );
    expect(marked(segments)).toEqual([{ op: 'replaced', quiet: true, page: 'US', other: 'U.S.' }]);
  });

  it('keeps dash variants and curly against straight quotes quiet', () => {
    const page = seedSentences(PAK).find((s) => s.startsWith('We need to determine—within days—'))!;
    const other = page.replaceAll('—', ' – ').replaceAll('’', "'").replaceAll('”', '"');
    const segments = diffWording(page, other);
    expect(segments.filter((s) => s.op !== 'equal').every((s) => s.quiet)).toBe(true);
    expect(marked(segments).map((s) => [s.page, s.other])).toEqual([
      ['—', '–'],
      ['—', '–'],
      ['”', '"'],
    ]);
  });

  it('keeps case-only differences quiet, word changes not', () => {
    const [segment] = marked(diffWording('“We’re not going to drag this out', '“we’re not going to drag this out'));
    expect(segment).toEqual({ op: 'replaced', quiet: true, page: 'We’re', other: 'we’re' });
    const wording = marked(diffWording('We’re not going to drag this out for weeks or months.', 'We’re not going to drag this out for weeks and months.'));
    expect(wording).toEqual([{ op: 'replaced', quiet: false, page: 'or', other: 'and' }]);
  });

  it('marks an added or dropped comma as quiet', () => {
    const page = 'We’ll do what we can on the margins.';
    const other = 'We’ll do what we can, on the margins.';
    expect(marked(diffWording(page, other))).toEqual([{ op: 'inserted', quiet: true, page: '', other: ',' }]);
    expect(marked(diffWording(other, page))).toEqual([{ op: 'deleted', quiet: true, page: ',', other: '' }]);
  });

  it('gives identical sentences one equal segment', () => {
    expect(diffWording(vt.minerals.text, vt.minerals.text)).toEqual([
      { op: 'equal', quiet: false, page: vt.minerals.text, other: vt.minerals.text, pageBefore: '', otherBefore: '' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffWording('', '')).toEqual([]);
    expect(diffWording('', 'Rubio said.')).toEqual([
      { op: 'inserted', quiet: false, page: '', other: 'Rubio said.', pageBefore: '', otherBefore: '' },
    ]);
    expect(diffWording('Rubio said.', '')).toEqual([
      { op: 'deleted', quiet: false, page: 'Rubio said.', other: '', pageBefore: '', otherBefore: '' },
    ]);
  });
});

describe('diffWording properties', () => {
  const all = [VT, PAK, PARTIALLY, BREITBART, VOICE].flatMap((id) => seedSentences(id));

  it('gives back both sentences exactly for every pair of Valuetainment and Pak Correspondent sentences', () => {
    const vtSentences = seedSentences(VT);
    const pakSentences = seedSentences(PAK);
    for (const a of vtSentences) {
      for (const b of pakSentences) {
        const segments = diffWording(a, b);
        expect(pageSide(segments)).toBe(a);
        expect(otherSide(segments)).toBe(b);
      }
    }
  });

  it('gives back both sides and is deterministic for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        const segments = diffWording(a, b);
        expect(pageSide(segments)).toBe(a.trim());
        expect(otherSide(segments)).toBe(b.trim());
        expect(diffWording(a, b)).toEqual(segments);
        // An equal segment is the same text on both sides, up to whitespace.
        for (const s of segments) if (s.op === 'equal') expect(noSpace(s.page)).toBe(noSpace(s.other));
      }),
    );
  });

  it('diffs long unrelated texts whole', () => {
    const long = [VT, PAK].map((id) => seedSentences(id).join(' ')).join(' ');
    const other = [PARTIALLY, BREITBART].map((id) => seedSentences(id).join(' ')).join(' ');
    const segments: WordDiffSegment[] = diffWording(long, other);
    expect(noSpace(segments.map((s) => s.page).join(''))).toBe(noSpace(long));
    expect(noSpace(segments.map((s) => s.other).join(''))).toBe(noSpace(other));
    // That MAX_EDIT_LENGTH keeps the cost linear is timed in batches of tens of ms by
    // tests/lib/properties/diff.test.ts ('long unrelated sentences (the edit bound applies)').
  });
});

describe('sameWords and wordKeys', () => {
  it('treats quotes that differ only in case, punctuation and quote style as the same words', () => {
    expect(sameWords('It’s not our war.', 'it’s not our war')).toBe(true);
    expect(sameWords("it's not our war", 'It’s not our war.')).toBe(true);
    expect(wordKeys('U.S. officials said “we’re done”.')).toEqual(['us', 'officials', 'said', "we're", 'done']);
  });

  it('treats quotes that differ only in spelling as the same words, and other words not', () => {
    expect(sameWords('But we’re not going to continue with this endeavor', 'but we’re not going to continue with this endeavour')).toBe(true);
    expect(sameWords('Zelensky’s office', 'Zelenskyy’s office')).toBe(true);
    expect(sameWords('weeks or months', 'weeks and months')).toBe(false);
    expect(sameWords('It’s not our war.', 'It’s not our war yet.')).toBe(false);
    expect(wordKeys('The organisation’s centre')).toEqual(['the', "organization's", 'center']);
  });
});
