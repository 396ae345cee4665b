import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../../lib/corpus/build';
import { Matcher } from '../../../lib/match/matcher';
import { DEFAULT_PARAMS, pageMatchThreshold } from '../../../lib/match/params';

// A corpus sentence quotes a speaker's short phrase inside words of its own (who was warned, where,
// what else was asked); a page sentence repeats the phrase word for word inside its own quotation,
// wrapped in another context. Built as the corpus is (buildArticle), so the corpus quotes carry the
// speakers the text layer finds for them.
const gazette = buildArticle({
  id: 'gazette',
  outlet: 'Gazette',
  text: [
    'Storms closed the northern harbour for a third day on Tuesday.',
    'Harbour master Ines Okafor warned the crews that there was “no safe anchorage” near the reef and that pilots were needed.',
    'The coast guard said two trawlers had already run aground near the lighthouse.',
    'Okafor said the closure was “not our choice” and apologised to the crews.',
    'Okafor expected “rough weather” to last until the weekend, when engineers could start repairing the damaged breakwater and the fish market roof.',
    'Okafor said pilots would guide “either crew or both” past the breakwater once the wind dropped below gale force.',
  ].join('\n\n'),
});
const post = buildArticle({
  id: 'post',
  outlet: 'Post',
  text: ['Fishing fleets stayed in port as the storm went on.', 'Ferry services to the islands were cancelled until Thursday.'].join('\n\n'),
});
const corpus = { articles: [gazette.article, post.article], sentences: [...gazette.sentences, ...post.sentences] };
const matcher = Matcher.fromCorpus(corpus);
// The threshold of a page the gate found on the story.
const onStory = pageMatchThreshold(DEFAULT_PARAMS);
const ANCHORAGE = 'gazette:1';
const CHOICE = 'gazette:3';
const WEATHER = 'gazette:4';
const EITHER = 'gazette:5';
const matched = (m: Matcher, text: string): string[] => m.matchSentence(text, onStory).map((x) => x.sentenceId);

describe('a corpus quotation repeated word for word inside a page quotation', () => {
  const repeated = 'With the storm now in its third day, “there is no safe anchorage for them,” Okafor said.';

  it('stands for the page sentence against the corpus sentence quoting it', () => {
    expect(matched(matcher, repeated)[0]).toBe(ANCHORAGE);
    // Without the rule, the quoting sentence's other words dilute it below the storm sentence and the threshold.
    expect(matched(Matcher.fromCorpus(corpus, { quoteRepeatMinWords: 0 }), repeated)).not.toContain(ANCHORAGE);
  });

  it('in single quotation marks too, as British outlets quote', () => {
    expect(matched(matcher, 'With the storm now in its third day, ‘there is no safe anchorage for them,’ Okafor said.')[0]).toBe(ANCHORAGE);
  });

  it('counts a speaker the sentence does not name ("she said")', () => {
    expect(matched(matcher, 'With the storm now in its third day, “there is no safe anchorage for them,” she said.')[0]).toBe(ANCHORAGE);
  });

  it('needs the page’s quotation marks: the same words unquoted are the page’s own', () => {
    expect(matched(matcher, 'With the storm now in its third day, there is no safe anchorage for them, Okafor said.')).not.toContain(ANCHORAGE);
  });

  it('not when the page gives the words to someone else', () => {
    expect(matched(matcher, 'With the storm now in its third day, “there is no safe anchorage for them,” said Tom Reyes, the mayor.')).not.toContain(
      ANCHORAGE,
    );
  });

  it('not for a quotation with one content word: “not our choice” says little alone', () => {
    const text = 'Asked on Monday about the cancelled ferries, the stranded tourists and the price of fuel, she said it was “not our choice at all.”';
    expect(matched(matcher, text)).not.toContain(CHOICE);
    // The content floor is what keeps it out.
    expect(matched(Matcher.fromCorpus(corpus, { quoteRepeatMinContent: 1 }), text)).toContain(CHOICE);
  });

  it('not for a quotation of function words and one content word: “either crew or both”', () => {
    const text = 'Asked on Wednesday about the ferries and the stranded tourists, she said the town would help “either crew or both of them.”';
    expect(matched(matcher, text)).not.toContain(EITHER);
  });

  it('not for a two-word quotation: a phrase many would use', () => {
    const text = 'The forecast for the port: “rough weather, then calm by the weekend.”';
    expect(matched(matcher, text)).not.toContain(WEATHER);
    expect(matched(Matcher.fromCorpus(corpus, { quoteRepeatMinWords: 2 }), text)).toContain(WEATHER);
  });
});

describe('similarTo with quotations', () => {
  const repeated = 'With the storm now in its third day, “there is no safe anchorage for them,” Okafor said.';
  const score = (options?: { quotations?: boolean }) => matcher.similarTo(repeated, 0.01, options).find((m) => m.sentenceId === ANCHORAGE)?.score ?? 0;

  it('scores whole statements by default (the points grouping), and the quotation alone when asked', () => {
    expect(score({ quotations: true })).toBeGreaterThanOrEqual(onStory);
    expect(score()).toBeLessThan(score({ quotations: true }));
  });
});
