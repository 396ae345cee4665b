import { describe, expect, it } from 'vitest';
import { rememberedBits } from '../../../lib/extract/attribute-bits';

describe('rememberedBits', () => {
  it('reads each value once, answers 0 for none, and forgets everything once full', () => {
    const reads: string[] = [];
    const bitsOf = rememberedBits((value) => {
      reads.push(value);
      return value.length;
    }, 2);
    expect([bitsOf('nav'), bitsOf('nav'), bitsOf(null), bitsOf('')]).toEqual([3, 3, 0, 0]);
    expect(bitsOf('footer')).toBe(6);
    expect(reads).toEqual(['nav', 'footer']);
    // A third value clears the two kept: 'nav' is read again.
    bitsOf('byline');
    bitsOf('nav');
    expect(reads).toEqual(['nav', 'footer', 'byline', 'nav']);
  });
});
