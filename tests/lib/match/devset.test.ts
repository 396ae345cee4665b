import { describe, expect, it } from 'vitest';
import { loadDevset, resolveGold } from '../../devset/devset';
import { loadSeedCorpus } from '../../eval/evaluate';

const devset = loadDevset();
const corpus = loadSeedCorpus();

describe('the labeled development set', () => {
  it('resolves every gold reference to exactly one article sentence of the built corpus', () => {
    expect(resolveGold(devset, corpus).errors).toEqual([]);
  });

  it('has at least 300 labeled sentences, both splits, and positives and negatives in each', () => {
    const pageSentences = devset.pages.flatMap((p) => p.sentences);
    expect(devset.sentences.length + pageSentences.length).toBeGreaterThanOrEqual(300);
    for (const split of ['dev', 'test'] as const) {
      const items = devset.sentences.filter((s) => s.split === split);
      expect(items.some((s) => s.kind === 'paraphrase')).toBe(true);
      expect(items.some((s) => s.kind === 'negative')).toBe(true);
      expect(devset.pages.some((p) => p.split === split && !p.onStory)).toBe(true);
    }
  });

  it('labels negatives with no point and paraphrases with at least one', () => {
    for (const s of devset.sentences) expect(s.points.length > 0, s.id).toBe(s.kind === 'paraphrase');
  });

  it('has unique ids', () => {
    const ids = [...devset.sentences.map((s) => s.id), ...devset.pages.map((p) => p.id), ...devset.points.map((p) => p.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
