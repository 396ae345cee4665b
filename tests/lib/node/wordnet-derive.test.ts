import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveFamilies, familiesModule } from '../../../lib/node/wordnet-derive';
import { WORDNET_FAMILIES } from '../../../lib/text/wordnet-families';
import { SEEDS_DIR } from '../../eval/evaluate';

describe('WordNet paraphrase families of the seed corpus', () => {
  const families = deriveFamilies(SEEDS_DIR);

  it('is what `npm run derive:wordnet` writes: the table is derived, never edited', () => {
    const committed = readFileSync(new URL('../../../lib/text/wordnet-families.ts', import.meta.url), 'utf8');
    expect(familiesModule(families)).toBe(committed);
  });

  it('folds derivations and synonyms in a frequent sense, onto a word the lexicon already folds when there is one', () => {
    expect(WORDNET_FAMILIES['warned']).toBe('warning');
    expect(WORDNET_FAMILIES['negotiations']).toBe('talks');
    expect(WORDNET_FAMILIES['key']).toBe('central');
  });

  it('leaves out a word with two meanings that each have a family, and words met only capitalized (names)', () => {
    // "close": the end of something (a noun, with "last") and near (an adjective, with "approach").
    expect(families.has('close')).toBe(false);
    expect(WORDNET_FAMILIES['approaches']).toBe('approach');
    expect([...families.keys()].every((w) => w === w.toLowerCase())).toBe(true);
    expect(families.has('rubio')).toBe(false);
  });
});
