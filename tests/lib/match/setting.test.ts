import { describe, expect, it } from 'vitest';
import { Matcher } from '../../../lib/match/matcher';
import { analyze, settingEnd } from '../../../lib/match/terms';
import { tokenize } from '../../../lib/text/normalize';
import type { Corpus } from '../../../lib/types';
import { article } from './fixture';

const end = (text: string): number => settingEnd(text, tokenize(text));

describe('settingEnd: the opening clause that says where and when, not what', () => {
  it('ends an opening occasion at its comma', () => {
    expect(end('Speaking to reporters in Geneva on Monday, the envoy said the sanctions would stay.')).toBe(7);
    expect(end('After talks with both delegations, the mediator announced a second round.')).toBe(5);
    expect(end('Earlier in the day, the port reopened to cargo ships.')).toBe(4);
  });

  it('leaves clauses that can state a claim, and sentences without an opening clause', () => {
    expect(end('While the plan drew praise in Geneva, the envoy warned it could still fail.')).toBe(0);
    expect(end('Despite the warning, the talks went on.')).toBe(0);
    expect(end('The envoy said, after talks in Geneva, that the sanctions would stay.')).toBe(0);
    // Nothing said after the comma: the clause is the sentence.
    expect(end('After the talks in Geneva, he left.')).toBe(0);
    // A quotation inside: not a setting.
    expect(end('In his words: "we are close", the envoy added.')).toBe(0);
  });

  it('takes a long opening clause for background when a report of speech follows it', () => {
    // 30 words before the comma: longer than an occasion, but the main clause is who said what.
    const long =
      'After three rounds of talks between the two delegations in Muscat and Doha failed to produce any agreement on inspections or on frozen assets or on a timetable for relief, ';
    expect(end(`${long}the envoy said a decision on the next round would come within a week.`)).toBe(30);
    expect(end(`${long}Ministers told reporters the deadline had not moved.`)).toBe(30);
    // The same clause before a statement of its own: not background, nothing is set apart.
    expect(end(`${long}the sanctions on oil exports will stay in place until the autumn.`)).toBe(0);
    // A speech verb further on belongs to another clause.
    expect(end(`${long}the exporters of grain and of fuel said nothing.`)).toBe(0);
  });

  it('marks the terms of the setting, and only those', () => {
    const terms = analyze('Speaking in Geneva on Monday, the envoy warned the talks could collapse.').terms;
    expect(terms.filter((t) => t.setting === true).map((t) => t.term)).toEqual(['speak', 'geneva', 'mondai']);
    expect(terms.some((t) => t.term === 'collaps' && t.setting === true)).toBe(false);
  });
});

// Two sentences an outlet wrote about one day of talks: both open with the same occasion, each
// states its own point.
const parts = [
  article('west', 'West Wire', [
    'Speaking to reporters in Geneva after meeting Iranian and Omani negotiators, the envoy said sanctions would stay in place for now.',
  ]),
  article('east', 'East Daily', ['The envoy warned that the talks would collapse within a week unless inspectors were allowed back in.']),
];
const corpus: Corpus = { version: 'setting', articles: parts.map((p) => p.article), sentences: parts.flatMap((p) => p.sentences), points: [] };
// Another outlet, the same occasion, the other point.
const PAGE = 'Speaking in Geneva after meeting Omani and Iranian negotiators, the envoy warned the talks could collapse in a week without inspectors.';

describe('the setting weighs little in matching', () => {
  it('a sentence sharing only the occasion is no match; the one stating the point is', () => {
    const ids = (m: Matcher): string[] => m.matchSentence(PAGE).map((x) => x.sentenceId);
    // Weighed in full, the shared occasion alone makes the other point a match.
    expect(ids(Matcher.fromCorpus(corpus, { settingWeight: 1 }))).toEqual(['east:0', 'west:0']);
    expect(ids(Matcher.fromCorpus(corpus))).toEqual(['east:0']);
  });
});
