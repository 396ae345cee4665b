import { describe, expect, it } from 'vitest';
import { pointPairCounts } from './realset-points';

// Labels of six sentences of three outlets (a, b, c), written for this test: x and y are points.
const labels = new Map<string, Set<string>>([
  ['a:0', new Set(['x'])],
  ['b:0', new Set(['x'])],
  ['c:0', new Set(['x', 'y'])],
  ['a:1', new Set(['y'])],
  ['b:1', new Set()],
  ['a:2', new Set(['x'])],
]);

describe('pointPairCounts', () => {
  it('counts pairs sharing a computed point against pairs sharing a labeled point', () => {
    const points = [{ sentenceIds: ['a:0', 'b:0', 'c:0'] }, { sentenceIds: ['a:1', 'b:1'] }, { sentenceIds: ['a:2'] }];
    // Cross-outlet gold pairs: a0-b0, a0-c0, b0-c0, c0-a1, b0-a2, c0-a2; predicted: the first three and a1-b1.
    expect(pointPairCounts(points, labels, true)).toEqual({ predicted: 4, correct: 3, gold: 6, found: 3 });
    // All pairs add a0-a2 (gold, apart) and a0-a1 / a1-a2 (neither).
    expect(pointPairCounts(points, labels, false)).toEqual({ predicted: 4, correct: 3, gold: 7, found: 3 });
  });

  it('lets a sentence stating two points belong to both', () => {
    const points = [{ sentenceIds: ['a:0', 'b:0', 'c:0', 'a:2'] }, { sentenceIds: ['c:0', 'a:1'] }];
    expect(pointPairCounts(points, labels, true)).toEqual({ predicted: 6, correct: 6, gold: 6, found: 6 });
  });

  it('counts a pair with an unlabeled sentence as wrong, and leaves out sentences no point holds', () => {
    const points = [{ sentenceIds: ['a:1', 'b:1'] }];
    expect(pointPairCounts(points, labels, true)).toEqual({ predicted: 1, correct: 0, gold: 0, found: 0 });
  });
});
