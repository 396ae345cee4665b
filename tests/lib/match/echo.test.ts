import { describe, expect, it } from 'vitest';
import { Matcher } from '../../../lib/match/matcher';
import type { Corpus } from '../../../lib/types';
import { article } from './fixture';

// Three outlets state one point (a grain export halt) each in its own words, and one of them
// states another point (a fertilizer subsidy) that shares a few of those words.
const parts = [
  article('north', 'North Wire', [
    'The ministry will suspend grain exports until the harvest has been assessed, the agriculture minister said on Monday.',
    'Farmers will receive a fertilizer subsidy until the harvest ends, the ministry said.',
  ]),
  article('south', 'South Daily', [
    'Officials plan to halt wheat shipments abroad while crop damage from the drought is counted.',
  ]),
  article('east', 'East Times', [
    'Outbound cereal cargoes are to be frozen pending a review of drought-hit yields, according to the government.',
  ]),
];
const sentences = parts.flatMap((p) => p.sentences);
const GRAIN_POINT = { id: 'point:grain', label: '', sentenceIds: ['north:0', 'south:0', 'east:0'], articleIds: ['north', 'south', 'east'], missingArticleIds: [] };
const SUBSIDY_POINT = { id: 'point:subsidy', label: '', sentenceIds: ['north:1'], articleIds: ['north'], missingArticleIds: ['south', 'east'] };
const corpus: Corpus = { version: 'echo', articles: parts.map((p) => p.article), sentences, points: [GRAIN_POINT, SUBSIDY_POINT] };

// A fourth outlet words the point its own way, sharing a little with each of the three: "suspended",
// "until … assessed" with the first, "abroad", "drought damage", "crop" with the second, "cereal
// cargoes" with the third. Alone, each of the first and third shares too little to be a match.
const FOURTH = 'Cereal cargoes abroad will be suspended until drought damage to the crop is assessed.';

const ids = (m: Matcher, text: string): string[] => m.matchSentence(text).map((x) => x.sentenceId).sort();

describe('point echoes: other outlets’ wordings of a point count toward each of its sentences', () => {
  it('a fourth wording finds every outlet’s sentence of the point with the echo, one without it', () => {
    expect(ids(Matcher.fromCorpus(corpus, { pointEchoWeight: 0 }), FOURTH)).toEqual(['south:0']);
    expect(ids(Matcher.fromCorpus(corpus), FOURTH)).toEqual(['east:0', 'north:0', 'south:0']);
  });

  it('does not lend the point’s words to a sentence of another point', () => {
    const text = 'Farmers hit by the drought will receive a fertilizer subsidy until the crop is assessed.';
    expect(ids(Matcher.fromCorpus(corpus), text)).toEqual(['north:1']);
  });

  it('lends nothing when the point has one outlet', () => {
    const alone = Matcher.fromCorpus({ ...corpus, points: [] }).matchSentence(FOURTH);
    const off = Matcher.fromCorpus(corpus, { pointEchoWeight: 0 }).matchSentence(FOURTH);
    expect(alone.map((m) => [m.sentenceId, m.score])).toEqual(off.map((m) => [m.sentenceId, m.score]));
  });

  it('never turns shared names into a match', () => {
    // The point's other sentences name the ministry and the government; a page sentence about
    // them and nothing else stays unmatched.
    expect(ids(Matcher.fromCorpus(corpus), 'The agriculture minister met the government on Monday.')).toEqual([]);
  });
});
