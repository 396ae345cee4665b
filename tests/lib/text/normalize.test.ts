import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText, normalizedTokens, tokenize } from '../../../lib/text/normalize';
import { compareGrowth, describeGrowth, GROWTH, LINEAR_LIMIT } from '../properties/growth';

describe('normalizedTokens', () => {
  it.each([
    ['U.S. / US / U.S', ['us', 'us', 'us']],
    ['J.D. Vance and JD Vance', ['jd', 'vance', 'and', 'jd', 'vance']],
    ['Russia’s demands', ['russia', 'demands']],
    ["Russia's demands", ['russia', 'demands']],
    ['the Americans’ help', ['the', 'americans', 'help']],
    ['Russia-Ukraine peace', ['russia', 'ukraine', 'peace']],
    ['U.S.-Ukraine relations', ['us', 'ukraine', 'relations']],
    ['87 days, 2022 invasion, 12 hours', ['87', 'days', '2022', 'invasion', '12', 'hours']],
    ['3.5 percent of $1,000.50', ['3.5', 'percent', 'of', '1000.50']],
    ['killing 35 civilians—an incident', ['killing', '35', 'civilians', 'an', 'incident']],
    ['Zelenskyy, Zelensky, Zelenskiy', ['zelenskyy', 'zelensky', 'zelenskiy']],
    ['café Straße İstanbul', ['cafe', 'strasse', 'istanbul']],
    ['ＵＳ fullwidth', ['us', 'fullwidth']],
    ['Ru\u00ADbio and Ru\u200Bbio', ['rubio', 'and', 'rubio']],
    ['Quai d’Orsay, O’Brien', ['quai', 'dorsay', 'obrien']],
    ['“Hello,” she said. ‘Fine.’', ['hello', 'she', 'said', 'fine']],
    ['end...Then Valuetainment.com', ['end', 'then', 'valuetainment', 'com']],
  ])('%s', (text, expected) => {
    expect(normalizedTokens(text)).toEqual(expected);
  });

  it.each([
    ['We’re not going', ['we', 'are', 'not', 'going']],
    ['We are not going', ['we', 'are', 'not', 'going']],
    ["it's not our war", ['it', 'is', 'not', 'our', 'war']],
    ['this isn’t going', ['this', 'is', 'not', 'going']],
    ['didn’t, doesn’t, wouldn’t', ['did', 'not', 'does', 'not', 'would', 'not']],
    ['can’t, won’t, shan’t', ['can', 'not', 'will', 'not', 'shall', 'not']],
    ['I’m, I’d, they’ve, we’ll', ['i', 'am', 'i', 'would', 'they', 'have', 'we', 'will']],
    ["let's go, there's hope", ['let', 'us', 'go', 'there', 'is', 'hope']],
    ['the president’s probably', ['the', 'president', 'probably']],
  ])('expands contractions the same way everywhere: %s', (text, expected) => {
    expect(normalizedTokens(text)).toEqual(expected);
  });

  it('treats curly and straight spellings of one sentence as the same words', () => {
    const curly = '“If it’s not possible – if we’re so far apart,” he said of the U.S. role.';
    const straight = '"If it\'s not possible - if we\'re so far apart," he said of the US role.';
    expect(normalizedTokens(curly)).toEqual(normalizedTokens(straight));
  });

  it('leaves scripts whose marks are vowels intact and still splits on spaces', () => {
    expect(normalizedTokens('हिन्दी समाचार')).toEqual(['हिन्दी', 'समाचार']);
    expect(normalizedTokens('Москва́ заявила')).toEqual(['москва', 'заявила']);
  });

  it('has no tokens for punctuation, symbols or emoji alone', () => {
    expect(normalizedTokens('— … “” ‘’ () [] !? 🇺🇦 ★ %')).toEqual([]);
  });
});

describe('tokenize offsets', () => {
  it('point into the input as given', () => {
    const text = 'The U.S. says Russia’s “we’re done” isn’t final.';
    const spans = tokenize(text).map((t) => [t.norm, text.slice(t.start, t.end)]);
    expect(spans).toEqual([
      ['the', 'The'],
      ['us', 'U.S.'],
      ['says', 'says'],
      ['russia', 'Russia’s'],
      ['we', 'we'],
      ['are', '’re'],
      ['done', 'done'],
      ['is', 'is'],
      ['not', 'n’t'],
      ['final', 'final'],
    ]);
  });

  it('are ordered, non-overlapping and within the text for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        let last = 0;
        for (const t of tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(t.norm.length).toBeGreaterThan(0);
          expect(t.norm).toBe(t.norm.toLowerCase());
          last = t.end;
        }
      }),
    );
  });

  it('is the same for text and its normalizeText form', () => {
    const words = fc.constantFrom(
      'Rubio', 'U.S.', 'we’re', '“done,”', 'Russia-Ukraine', '87', 'isn’t', '—', '…', 'Zelenskyy’s', '\u00A0',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        expect(normalizedTokens(normalizeText(text))).toEqual(normalizedTokens(text));
      }),
    );
  });

  it('runs in linear time on adversarial input', () => {
    // Long runs of joiners between letters are where a backtracking regex would go quadratic.
    const inputs = (size: number) => ["a'".repeat(size / 2), 'a.'.repeat(size / 2), 'a' + '.'.repeat(size) + ' b', '1,'.repeat(size / 2)];
    const small = inputs(25_000);
    const large = inputs(25_000 * GROWTH);
    for (const [i, text] of large.entries()) {
      const measured = compareGrowth(() => tokenize(small[i]!), () => tokenize(text), GROWTH, LINEAR_LIMIT);
      expect(measured.ratio, `input ${i}: ${describeGrowth('input', measured)}`).toBeLessThan(LINEAR_LIMIT);
    }
    // Batches of tens of ms on four inputs: past the default 5 s on a busy machine.
  }, 60_000);
});

describe('normalizeText', () => {
  it('removes typographic variation and collapses whitespace', () => {
    expect(normalizeText('  “It’s not our war.”\u00A0 We didn’t\u200B start it…\n\n– Rubio  ')).toBe(
      '"It\'s not our war." We didn\'t start it... - Rubio',
    );
  });

  it('turns every dash variant into a hyphen', () => {
    expect(normalizeText('a‐b‑c‒d–e—f―g−h')).toBe('a-b-c-d-e-f-g-h');
  });

  it('turns control characters into spaces and drops zero-width ones', () => {
    expect(normalizeText('one\u0000two\tthree\u200Dfour\uFEFF')).toBe('one two threefour');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });
});
