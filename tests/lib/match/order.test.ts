import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../../lib/match/corpus-index';
import { DEFAULT_PARAMS } from '../../../lib/match/params';
import { similarity } from '../../../lib/match/similarity';
import { article } from './fixture';

// The order check counts the shared content words kept in one ordered run, so a clause moved as a
// block (news copy often fronts the topic: "Ending the blockade has no…") costs only the words
// that moved, and a sentence whose words are scrambled costs more.
describe('order of shared content terms', () => {
  const texts = [
    'The envoy warned that there is no diplomatic shortcut to ending the blockade.',
    'Shipping companies said insurance costs had doubled since the blockade began.',
    'The harbour authority reopened two berths for grain ships on Tuesday.',
    'Talks on a prisoner exchange resumed in a neutral capital.',
    'Diplomatic staff were withdrawn from the border town last month.',
  ];
  const index = new CorpusIndex({ sentences: article('port', 'Port Daily', texts).sentences }, DEFAULT_PARAMS);
  const target = index.targets[0]!;
  const order = (page: string): number => similarity(index.query(page), target, DEFAULT_PARAMS).orderAgreement;

  it('is whole when the shared words come in the same order', () => {
    expect(order('There is no diplomatic shortcut to ending the blockade, the envoy said.')).toBe(1);
  });

  it('charges a block moved to the front only for the words that moved', () => {
    // diplomatic shortcut | ending blockade → ending blockade | diplomatic shortcut: two of four
    // words stay in one ordered run (counting discordant pairs gave 2 of 6 pairs, 0.33).
    expect(order('Ending the blockade has no diplomatic shortcut, the envoy said.')).toBeCloseTo(0.5, 5);
  });

  it('gives nothing when no two shared words keep their order', () => {
    // Two words, reversed: a run of one is no agreement (not half of it).
    expect(order('The envoy saw no diplomatic shortcut.')).toBe(1);
    expect(order('Shortcuts through diplomatic channels, the envoy said, are none.')).toBe(0);
  });

  it('charges a scrambled sentence more than a moved block', () => {
    expect(order('The blockade sees no end by any shortcut that is diplomatic, the envoy said.')).toBeLessThan(
      order('Ending the blockade has no diplomatic shortcut, the envoy said.'),
    );
  });
});
