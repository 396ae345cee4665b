import { describe, expect, it } from 'vitest';
import { Matcher } from '../../../lib/match/matcher';
import { analyze } from '../../../lib/match/terms';
import type { Corpus } from '../../../lib/types';
import { article } from './fixture';

const parts = [
  article('west', 'West Wire', [
    'The port authority will close the northern terminal to tankers until the dredging is finished.',
    'Fishermen protested outside the harbour office on Tuesday over new quotas.',
  ]),
  article('east', 'East Daily', ['Shipping insurers raised their premiums for the whole coast after the storm.']),
  article('north', 'North Times', [
    'Oil prices rose sharply on Monday as traders weighed the risk of supply disruptions.',
    'The central bank kept interest rates unchanged for a third month.',
  ]),
];
// The lever is measured and off by default (lib/match/params.ts, clauseFactor): these tests turn it on.
const ON = { clauseFactor: 0.9 };
const corpus: Corpus = { version: 'clause', articles: parts.map((p) => p.article), sentences: parts.flatMap((p) => p.sentences), points: [] };

// One clause states the point (the terminal's closing); the rest is attribution and thanks that
// dilute it below the threshold when the sentence is scored whole.
const LONG =
  'In a statement issued late in the evening by its press office, which also thanked residents, volunteers, sailors, ' +
  'teachers and local shopkeepers for their patience during a long, difficult, stormy and unusually cold winter of ' +
  'power cuts and flooded roads, the port authority said it would close the northern terminal until dredging ends.';

describe('clauses of a long sentence', () => {
  it('breaks a sentence at commas, dashes, brackets and quotation marks', () => {
    const { words, breaks } = analyze('The envoy, who arrived late, said “we are close” – and left.');
    expect(breaks.map((i) => words[i])).toEqual(['who', 'said', 'we', 'and']);
  });

  it('a long sentence whose one clause states a point matches it', () => {
    const ids = (m: Matcher): string[] => m.matchSentence(LONG).map((x) => x.sentenceId);
    expect(ids(Matcher.fromCorpus(corpus, { clauseFactor: 0 }))).toEqual([]);
    expect(ids(Matcher.fromCorpus(corpus, ON))).toEqual(['west:0']);
  });

  it('a short sentence is scored whole only', () => {
    const short = 'The harbour office thanked sailors for their patience, and the port authority said nothing.';
    expect(Matcher.fromCorpus(corpus, ON).matchSentence(short)).toEqual(Matcher.fromCorpus(corpus, { clauseFactor: 0 }).matchSentence(short));
  });

  it('a clause lifts only the candidate the whole sentence leans to, not another point', () => {
    // The first clause alone would be the insurers' sentence; the whole sentence leans to the terminal.
    const mixed =
      'Insurers raised premiums for the coast, the port authority said in a statement on Tuesday evening, as it ' +
      'announced that it would close the northern terminal to tankers until the dredging is finished.';
    // Clauses scored against every candidate would list the insurers' sentence as a match.
    expect(Matcher.fromCorpus(corpus, { ...ON, clauseTopCandidates: 24 }).matchSentence(mixed).some((m) => m.sentenceId === 'east:0')).toBe(true);
    const matches = Matcher.fromCorpus(corpus, ON).matchSentence(mixed);
    expect(matches[0]?.sentenceId).toBe('west:0');
    expect(matches.some((m) => m.sentenceId === 'east:0')).toBe(false);
  });
});
