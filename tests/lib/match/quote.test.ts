import { describe, expect, it } from 'vitest';
import { Matcher, quotations } from '../../../lib/match/matcher';
import { article } from './fixture';

// A page sentence wraps a speaker's quoted words in a long context of its own, which dilutes its
// likeness to the corpus sentence carrying the same words (itself long, with its own occasion).
const herald = article('herald', 'Herald', [
  'Months of bridge closures have angered commuters and shop owners along the river, and the council is divided.',
  'Asked at a crowded town hall about ferry fares, parking and the cost of repairs, the mayor said: “We will decide within a week whether the bridge can reopen before winter.”',
  'Engineers found cracks in two of the bridge’s supports during a routine inspection.',
]);
const courier = article('courier', 'Courier', [
  'The council approved a temporary ferry service while the bridge stays shut.',
  'A decision on reopening the crossing is expected within days, officials said.',
]);
const corpus = { articles: [herald.article, courier.article], sentences: [...herald.sentences, ...courier.sentences] };
const matcher = Matcher.fromCorpus(corpus);
const QUOTE_TARGET = 'herald:1';

describe('a quotation carried word for word by a corpus sentence', () => {
  const context =
    'After months of closures that angered commuters and shop owners along the river, and a heated evening of petitions ' +
    'from ferry operators, bakers, taxi drivers and parents of schoolchildren, the mayor told the council that the city would decide';

  it('stands for its sentence against that corpus sentence', () => {
    const best = matcher.matchSentence(`${context} “within a week whether the bridge can reopen before winter.”`)[0];
    expect(best?.sentenceId).toBe(QUOTE_TARGET);
  });

  it('needs the quotation marks: the same words unquoted are read as one sentence (0.31, no match)', () => {
    expect(matcher.matchSentence(`${context} within a week whether the bridge can reopen before winter.`)).toEqual([]);
  });

  it('needs the words themselves, not a quotation reworded', () => {
    expect(matcher.matchSentence(`${context} “in seven days or so if the crossing can open again before the cold.”`)).toEqual([]);
  });
});

describe('quotations', () => {
  it('reads curly, straight and angled quotation marks, not apostrophes', () => {
    const texts = (t: string): string[] => quotations(t).map((q) => q.text);
    expect(texts('He said “we are done” and “not yet” later.')).toEqual(['we are done', 'not yet']);
    expect(texts('She called it "a fair deal" on Monday.')).toEqual(['a fair deal']);
    expect(texts('Il a dit «pas encore» hier.')).toEqual(['pas encore']);
    expect(texts('The mayor’s office didn’t comment.')).toEqual([]);
    // British style: single marks, with apostrophes inside and after a plural.
    expect(texts('The minister said the plan was ‘not what we’re after’ and the rivals’ reply was late.')).toEqual(['not what we’re after']);
    expect(texts('He called it \'a fair deal\' on Monday.')).toEqual(['a fair deal']);
    // Marks nested in a quotation belong to it; a quotation going on in the next sentence is not closed here.
    expect(texts('She said “they told us ‘wait’ again” twice.')).toEqual(['they told us ‘wait’ again']);
    expect(texts('“We will wait for the reply.')).toEqual([]);
    const at = 'He said “we are done”.';
    expect(quotations(at).map((q) => at.slice(q.start, q.start + q.text.length))).toEqual(['we are done']);
  });
});
