import { describe, expect, it } from 'vitest';
import {
  groupQuoteVariants,
  isNotableQuoteGroup,
  PAGE_SOURCE_ID,
  quoteGroupsForSentence,
  quotedSpeakers,
  speakerKey,
  unquotedText,
} from '../../../lib/compare/quotes';
import {
  corpus,
  outletOf,
  pakReceptionQuotes,
  pakReceptionResult,
  vt,
  vtPageQuotes,
  vtResults,
  voicePeskovResult,
  pak,
  partially,
  quoteIn,
  seedSentence,
  PAK,
  PARTIALLY,
  BREITBART,
  VOICE,
  VT_URL,
  urlOf,
  matchOf,
} from '../../fixtures/panel';
import type { SentenceResult } from '../../../lib/types';

const vtPage = { site: 'valuetainment.com', url: VT_URL };
const resultFor = (index: number) => vtResults.find((r) => r.index === index)!;
const outlets = (sources: { outlet: string }[]) => sources.map((s) => s.outlet);

describe('quote variants on the seeds', () => {
  it('sets Rubio’s two wordings of "weeks and months" side by side, the unattributed one included', () => {
    const groups = quoteGroupsForSentence(resultFor(vt.endeavor.index), vtPage, vtPageQuotes[vt.endeavor.index], corpus);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group!.speaker).toBe('Rubio');
    // "endeavor" and "endeavour" are one wording in two spellings: one variant, two outlets.
    expect(group!.variants.map((v) => [v.text, outlets(v.quotedBy)])).toEqual([
      ['But we’re not going to continue with this endeavor for weeks and months on end.', ['valuetainment.com', outletOf(BREITBART)]],
      ['We’re not going to drag this out for weeks or months.', [outletOf(PAK)]],
    ]);
    // Three outlets quote Rubio here: no one is alone in quoting him.
    expect(group!.variants.every((v) => !v.onlyQuotedHere)).toBe(true);
    expect(isNotableQuoteGroup(group!)).toBe(true);
  });

  it('lists an outlet once per variant, and merges variants that differ only in case and punctuation', () => {
    const groups = quoteGroupsForSentence(resultFor(vt.notOurWar.index), vtPage, vtPageQuotes[vt.notOurWar.index], corpus);
    const [rubio] = groups;
    expect(rubio!.speaker).toBe('Rubio');
    const notOurWar = rubio!.variants.find((v) => v.text === 'It’s not our war.')!;
    // "It’s not our war." and “it’s not our war” (Quick Takes) are one variant, used by one outlet.
    expect(outlets(notOurWar.quotedBy)).toEqual([outletOf(PARTIALLY)]);
    expect(rubio!.variants.map((v) => v.text)).toEqual([
      'I think it’s important to remind everybody that the Ukraine war is a terrible thing, but it’s not our war.',
      'It’s not our war.',
      'other priorities to focus on',
    ]);
  });

  it('flags Partially Politics as the only outlet quoting Peskov on his reply, on a page that quotes him', () => {
    const groups = quoteGroupsForSentence(
      voicePeskovResult,
      { site: 'thevoice.news', url: urlOf(VOICE)! },
      [],
      corpus,
      // Another sentence of the page quotes Peskov.
      quotedSpeakers([[quoteIn('“We are open,” Peskov said.', 'We are open,', 'Dmitry Peskov')]]),
    );
    expect(groups).toHaveLength(1);
    const [peskov] = groups;
    expect(peskov!.speaker).toBe('Dmitry Peskov');
    expect(peskov!.variants).toHaveLength(1);
    const [variant] = peskov!.variants;
    expect(outlets(variant!.quotedBy)).toEqual([outletOf(PARTIALLY)]);
    // The Voice News and Pak Correspondent paraphrase him in other words: no unquoted copy of his words.
    expect(variant!.unquotedIn).toEqual([]);
    expect(variant!.onlyQuotedHere).toBe(true);
  });

  it('shows no quote of a speaker the page does not quote', () => {
    const voicePage = { site: 'thevoice.news', url: urlOf(VOICE)! };
    // The Voice News paraphrases Peskov and quotes no one in the sentence: no "Quote of Dmitry Peskov".
    expect(quoteGroupsForSentence(voicePeskovResult, voicePage, [], corpus)).toEqual([]);
    // Nor when the page quotes only Rubio elsewhere.
    const rubioOnly = quotedSpeakers([[quoteIn('“It is not our war,” Rubio said.', 'It is not our war,', 'Marco Rubio')]]);
    expect(quoteGroupsForSentence(voicePeskovResult, voicePage, [], corpus, rubioOnly)).toEqual([]);
  });

  it('shows no "Quote of Donald Trump" on a page that never quotes Trump', () => {
    // A page that reports Trump's word without quotation marks, matched to the outlet that quotes it.
    const sumy = seedSentence(PAK, 'The conflict continues, with a recent Russian missile strike on Sumy');
    const withTrump: typeof corpus = {
      ...corpus,
      sentences: [...corpus.sentences, { id: sumy.id, articleId: PAK, text: sumy.text, quotes: [quoteIn(sumy.text, 'mistake.', 'Donald Trump')] }],
    };
    const page: SentenceResult = {
      index: 7,
      text: 'A Russian missile strike on Sumy killed 35 civilians, an attack Trump called a mistake.',
      pointId: null,
      matches: [matchOf(sumy, 'reworded', 0.7, 'p-sumy')],
    };
    const site = { site: 'example.news', url: 'https://example.news/story' };
    expect(quoteGroupsForSentence(page, site, [], withTrump)).toEqual([]);
    expect(quoteGroupsForSentence(page, site, [], withTrump, quotedSpeakers([vtPageQuotes[vt.endeavor.index]!]))).toEqual([]);
    // The page quoting Trump elsewhere brings the comparison back.
    const trump = quotedSpeakers([[quoteIn('“A mistake,” Trump said.', 'A mistake,', 'Trump')]]);
    const groups = quoteGroupsForSentence(page, site, [], withTrump, trump);
    expect(groups.map((g) => g.speaker)).toEqual(['Donald Trump']);
    expect(groups.filter(isNotableQuoteGroup)).toHaveLength(1);
  });

  it('finds "constructive and positive" in The Voice News without quotation marks', () => {
    const groups = quoteGroupsForSentence(
      pakReceptionResult,
      { site: 'pakcorrespondent.com', url: urlOf(PAK)! },
      pakReceptionQuotes,
      corpus,
    );
    const bySpeaker = new Map(groups.map((g) => [g.speaker, g]));
    const office = bySpeaker.get('Zelensky’s office')!.variants[0]!;
    expect(office.quotedBy.map((s) => s.sourceId)).toEqual([PAGE_SOURCE_ID]);
    expect(outlets(office.unquotedIn)).toEqual([outletOf(VOICE)]);
    expect(office.onlyQuotedHere).toBe(true);

    // Rubio's "encouraging" is not in The Voice News' sentence, but no one else quotes him on it.
    const rubio = bySpeaker.get('Rubio')!.variants[0]!;
    expect(rubio.unquotedIn).toEqual([]);
    expect(rubio.onlyQuotedHere).toBe(true);
  });

  it('takes no evidence from a sentence inside a quotation its quotes do not show', () => {
    // Valuetainment's sentence closes a quotation opened two sentences earlier; a quote finder
    // that sees it alone finds no quote in it. It must not count as "the words, unquoted".
    const onlyBreitbart = { ...resultFor(vt.endeavor.index), matches: resultFor(vt.endeavor.index).matches.filter((m) => m.articleId === BREITBART) };
    const [group] = quoteGroupsForSentence(onlyBreitbart, vtPage, [], corpus, quotedSpeakers(Object.values(vtPageQuotes)));
    const [variant] = group!.variants;
    expect(outlets(variant!.quotedBy)).toEqual([outletOf(BREITBART)]);
    expect(variant!.unquotedIn).toEqual([]);
    expect(variant!.onlyQuotedHere).toBe(false);
  });

  it('leaves the page out when its quotes are unknown', () => {
    const groups = quoteGroupsForSentence(resultFor(vt.endeavor.index), vtPage, undefined, corpus);
    const sources = groups.flatMap((g) => g.variants.flatMap((v) => [...v.quotedBy, ...v.unquotedIn]));
    expect(sources.some((s) => s.sourceId === PAGE_SOURCE_ID)).toBe(false);
    expect(groups[0]!.variants).toHaveLength(2);
  });

  it('has nothing to show for a sentence without quotes on any side', () => {
    expect(quoteGroupsForSentence(resultFor(vt.minerals.index), vtPage, [], corpus)).toEqual([]);
  });
});

describe('groupQuoteVariants', () => {
  const source = (articleId: string) => ({ sourceId: articleId, outlet: outletOf(articleId), url: urlOf(articleId) });
  const quoted = (s: { id: string; articleId: string; text: string }) => ({
    source: source(s.articleId),
    text: s.text,
    quotes: corpus.sentences.find((c) => c.id === s.id)!.quotes,
  });
  const walkAway = seedSentence(PAK, '“If both sides remain too far apart');
  const walkAwayQuoted = {
    source: source(PAK),
    text: walkAway.text,
    quotes: [quoteIn(walkAway.text, 'If both sides remain too far apart, the president is likely to decide it’s time to walk away,', 'Rubio')],
  };

  it('keeps unattributed quotes apart when the sentences quote several speakers', () => {
    const groups = groupQuoteVariants([quoted(partially.peskov), quoted(pak.dragOut), walkAwayQuoted]);
    expect(groups.map((g) => g.speaker)).toEqual(['Dmitry Peskov', null, 'Rubio']);
  });

  it('passes over a lone quote when no other outlet states the point', () => {
    const groups = groupQuoteVariants([walkAwayQuoted]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.variants[0]!.onlyQuotedHere).toBe(false);
    expect(isNotableQuoteGroup(groups[0]!)).toBe(false);
  });

  it('ignores sentences whose quotes are unknown', () => {
    expect(groupQuoteVariants([{ ...quoted(pak.dragOut), quotes: null }])).toEqual([]);
  });
});

describe('speakerKey', () => {
  it('meets full name and surname, and keeps other attributions whole', () => {
    expect(speakerKey('Marco Rubio')).toBe(speakerKey('Rubio'));
    expect(speakerKey('Dmitry Peskov')).toBe('peskov');
    expect(speakerKey('Zelensky’s office')).toBe("zelensky's office");
    expect(speakerKey('one French official')).toBe('one french official');
  });
});


describe('unquotedText', () => {
  const source = { sourceId: PAK, outlet: outletOf(PAK), url: urlOf(PAK) };
  const text = pakReceptionResult.text;

  it('blanks quotes with their marks, also after a comma the quote leaves out', () => {
    // lib/text/quotes.ts gives “encouraging,” as the quote "encouraging", without the comma.
    const quotes = [quoteIn(text, 'encouraging', 'Marco Rubio'), quoteIn(text, 'constructive and positive', null)];
    const plain = unquotedText({ source, text, quotes })!;
    expect(plain).not.toBeNull();
    expect(plain.replace(/\s+/gu, ' ').trim()).toBe(
      'Rubio described the reception to the U.S. peace framework as while Zelensky’s office called the talks',
    );
  });

  it('is unknown for a sentence inside a quotation its quotes do not show', () => {
    expect(unquotedText({ source, text: vt.endeavor.text, quotes: [] })).toBeNull();
    expect(unquotedText({ source, text, quotes: null })).toBeNull();
  });
});
