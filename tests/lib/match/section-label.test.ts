import { describe, expect, it } from 'vitest';
import { Matcher } from '../../../lib/match/matcher';
import { similarity } from '../../../lib/match/similarity';
import type { Corpus } from '../../../lib/types';
import { article } from './fixture';

// An outlet's article with a headline, a section label (a topic, no verb) and body sentences.
const parts = [
  article('coast', 'Coast Herald', [
    ['Dock Strike Halts Fuel Shipments to the Islands', 'heading'],
    'Dockworkers walked off the job on Monday, leaving tankers anchored outside the harbour.',
    ['Fuel Rationing and Ferry Cancellations', 'heading'],
    'The island council said petrol stations would limit each driver to twenty litres a day.',
  ]),
  article('bay', 'Bay Courier', ['Ferry operators cancelled the evening crossings after the strike began.']),
];
const corpus: Corpus = { version: 'label', articles: parts.map((p) => p.article), sentences: parts.flatMap((p) => p.sentences), points: [] };

// A page sentence that mentions the label's topic words in passing while saying something else.
const PASSING =
  'Shopkeepers on the main island, who had already faced fuel rationing once last winter, said tourists were still arriving on the ferry cancellations list and asking for refunds.';

describe('section labels are never a match', () => {
  const matcher = Matcher.fromCorpus(corpus);

  it('a long sentence that covers a label’s few words does not match the label', () => {
    // Scored as a statement, the label is fully covered and the pair reaches the threshold.
    const label = matcher['index'].targets.find((t) => t.sentence.id === 'coast:2')!;
    const query = matcher['index'].query(PASSING);
    expect(similarity(query, label, matcher.params).score).toBeGreaterThanOrEqual(matcher.params.matchThreshold);
    expect(matcher.matchSentence(PASSING).map((m) => m.sentenceId)).not.toContain('coast:2');
  });

  it('the label repeated word for word matches nothing either', () => {
    expect(matcher.matchSentence('Fuel rationing and ferry cancellations')).toEqual([]);
  });

  it('nor a quotation of the label inside a longer sentence, which is scored on its own', () => {
    const quoting = 'The island council posted a notice headed “fuel rationing and ferry cancellations” on the harbour gate before dawn.';
    expect(matcher.matchSentence(quoting).map((m) => m.sentenceId)).not.toContain('coast:2');
  });

  it('a headline that states something stays a target, and the body sentences too', () => {
    expect(matcher.matchSentence('A dock strike has halted fuel shipments to the islands.').map((m) => m.sentenceId)).toContain('coast:0');
    expect(matcher.matchSentence('Petrol stations on the island will limit drivers to twenty litres a day, the council said.')[0]?.sentenceId).toBe('coast:3');
  });
});
