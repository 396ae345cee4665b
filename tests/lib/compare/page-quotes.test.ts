import { describe, expect, it } from 'vitest';
import { findPageQuotes } from '../../../lib/compare/page-quotes';
import { speakerKey } from '../../../lib/compare/quotes';
import { seedSentences, vt, PAK, VT, VOICE } from '../../fixtures/panel';

describe('findPageQuotes', () => {
  it('finds a quotation that runs over several of the page’s sentences in each of them', () => {
    const quotes = findPageQuotes(seedSentences(VT));
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

  it('gives offsets into each sentence and one list per sentence', () => {
    const sentences = seedSentences(PAK);
    const quotes = findPageQuotes(sentences);
    expect(quotes).toHaveLength(sentences.length);
    quotes.forEach((list, i) => {
      for (const q of list) expect(sentences[i]!.slice(q.start, q.end)).toBe(q.text);
    });
    const reception = sentences.findIndex((s) => s.startsWith('Rubio described the reception'));
    expect(quotes[reception]!.map((q) => q.text)).toEqual(['encouraging', 'constructive and positive.']);
  });

  it('does not read a heading into a speaker’s name', () => {
    const sentences = seedSentences(PAK);
    const quotes = findPageQuotes(sentences);
    const walkAway = sentences.findIndex((s) => s.startsWith('“If both sides remain too far apart'));
    expect(speakerKey(quotes[walkAway]![0]!.speaker!)).toBe('rubio');
  });

  it('finds nothing on a page without quotation marks', () => {
    const sentences = seedSentences(VOICE).filter((s) => !/[“”"]/u.test(s));
    expect(findPageQuotes(sentences).flat()).toEqual([]);
    expect(findPageQuotes([])).toEqual([]);
  });
});
