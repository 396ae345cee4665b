import { describe, expect, it } from 'vitest';
import { findPageQuotes, matchedSentenceQuotes } from '../../../lib/compare/page-quotes';
import { speakerKey } from '../../../lib/compare/quotes';
import { seedSentenceBlocks, seedSentences, vt, PAK, VT, VOICE } from '../../fixtures/panel';

const texts = (quotes: ReturnType<typeof findPageQuotes>) => quotes.map((list) => list.map((q) => [q.text, q.speaker]));

describe('findPageQuotes', () => {
  // Each seed file is read both ways: with its paragraphs, as extraction sends them, and without.
  for (const withBlocks of [true, false]) {
    const read = (id: string) => findPageQuotes(seedSentences(id), withBlocks ? seedSentenceBlocks(id) : undefined);
    const how = withBlocks ? 'with the page’s paragraphs' : 'without paragraphs';

    it(`finds a quotation that runs over several of the page’s sentences in each of them (${how})`, () => {
      const quotes = read(VT);
      // Valuetainment's "…,” he continued. “We’ll do what we can… But we’re not going to continue…”
      expect(quotes[vt.endeavor.index]!.map((q) => q.text)).toEqual([
        'But we’re not going to continue with this endeavor for weeks and months on end.',
      ]);
      const [notOurWar] = quotes[vt.notOurWar.index]!;
      expect(notOurWar!.text).toBe(
        'I think it’s important to remind everybody that the Ukraine war is a terrible thing, but it’s not our war.',
      );
      expect(speakerKey(notOurWar!.speaker!)).toBe('rubio');
    });

    it(`gives offsets into each sentence and one list per sentence (${how})`, () => {
      const sentences = seedSentences(PAK);
      const quotes = read(PAK);
      expect(quotes).toHaveLength(sentences.length);
      quotes.forEach((list, i) => {
        for (const q of list) expect(sentences[i]!.slice(q.start, q.end)).toBe(q.text);
      });
      const reception = sentences.findIndex((s) => s.startsWith('Rubio described the reception'));
      expect(quotes[reception]!.map((q) => q.text)).toEqual(['encouraging', 'constructive and positive.']);
    });

    it(`does not read a heading into a speaker’s name (${how})`, () => {
      const sentences = seedSentences(PAK);
      const quotes = read(PAK);
      const walkAway = sentences.findIndex((s) => s.startsWith('“If both sides remain too far apart'));
      expect(speakerKey(quotes[walkAway]![0]!.speaker!)).toBe('rubio');
    });
  }

  it('knows who "he continued" is only with the page’s paragraphs', () => {
    // “…,” he continued. “… But we’re not going to continue with this endeavor…” follows a
    // paragraph of Rubio's quotes; run together with the whole article, "he" has too many people.
    const speakerOf = (quotes: ReturnType<typeof findPageQuotes>) => quotes[vt.endeavor.index]![0]!.speaker;
    expect(speakerKey(speakerOf(findPageQuotes(seedSentences(VT), seedSentenceBlocks(VT)))!)).toBe('rubio');
    expect(speakerOf(findPageQuotes(seedSentences(VT)))).toBeNull();
  });

  it('finds nothing on a page without quotation marks', () => {
    const sentences = seedSentences(VOICE).filter((s) => !/[“”"]/u.test(s));
    expect(findPageQuotes(sentences).flat()).toEqual([]);
    expect(findPageQuotes([])).toEqual([]);
    expect(findPageQuotes([], [])).toEqual([]);
  });

  it('does not carry a speaker over the page’s paragraph break to another speaker’s quote', () => {
    const sentences = [
      '“It is not our war,” Rubio said.',
      'Peskov replied on Friday.',
      '“Russia is open to dialogue.',
      'We will keep talking.”',
    ];
    // Read as one paragraph, Rubio's attribution runs on into Peskov's words.
    expect(texts(findPageQuotes(sentences)).slice(2)).toEqual([
      [['Russia is open to dialogue.', 'Rubio']],
      [['We will keep talking.', 'Rubio']],
    ]);
    // With the paragraphs, the new paragraph's quote is nobody's the text names: left unattributed.
    expect(texts(findPageQuotes(sentences, [0, 1, 2, 2]))).toEqual([
      [['It is not our war', 'Rubio']],
      [],
      [['Russia is open to dialogue.', null]],
      [['We will keep talking.', null]],
    ]);
  });

  it('resolves "he" to the person of the paragraph before when the paragraphs are known', () => {
    const sentences = [
      'Rubio spoke in Paris.',
      'He said the talks could not go on forever.',
      'Kremlin spokesman Dmitry Peskov said Moscow remained open to talks.',
      '“We are ready to keep talking,” he said.',
    ];
    // One paragraph holds both men: "he" is left open.
    expect(texts(findPageQuotes(sentences))[3]).toEqual([['We are ready to keep talking', null]]);
    expect(texts(findPageQuotes(sentences, [0, 0, 1, 1]))[3]).toEqual([['We are ready to keep talking', 'Dmitry Peskov']]);
  });

  it('continues a quotation that a paragraph leaves open into the next paragraph, with its speaker', () => {
    const sentences = [
      'Rubio said on Friday: “We are not going to drag this out.',
      'It is not our war.',
      '“We will decide within days.”',
    ];
    expect(texts(findPageQuotes(sentences, [0, 0, 1]))).toEqual([
      [['We are not going to drag this out.', 'Rubio']],
      [['It is not our war.', 'Rubio']],
      [['We will decide within days.', 'Rubio']],
    ]);
  });

  it('names the mismatch when blocks are not one per sentence', () => {
    expect(() => findPageQuotes(['One.', 'Two.'], [0])).toThrow(
      'findPageQuotes: blocks has 1 entries for 2 sentences; give one block index per sentence',
    );
  });
});

describe('matchedSentenceQuotes', () => {
  it('reads the whole page and keeps the quotes of the matched sentences, by index', () => {
    const page = { sentences: seedSentences(VT), blocks: seedSentenceBlocks(VT) };
    const verdict = { sentences: [{ index: vt.withdraw.index }, { index: vt.endeavor.index }] };
    const quotes = matchedSentenceQuotes(page, verdict as Parameters<typeof matchedSentenceQuotes>[1]);
    expect(Object.keys(quotes).map(Number)).toEqual([vt.withdraw.index, vt.endeavor.index]);
    expect(quotes[vt.withdraw.index]).toEqual([]);
    // The quotation opened two sentences earlier, in a sentence that did not match.
    expect(quotes[vt.endeavor.index]!.map((q) => [q.text, speakerKey(q.speaker!)])).toEqual([
      ['But we’re not going to continue with this endeavor for weeks and months on end.', 'rubio'],
    ]);
  });

  it('reads nothing when nothing matched', () => {
    // A page the content script's pre-gate turned away arrives without sentences but with blocks.
    expect(matchedSentenceQuotes({ sentences: [], blocks: [0, 1] }, { sentences: [] })).toEqual({});
  });
});
