import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../lib/error-message';

describe('errorMessage', () => {
  it('reads an Error, a string, and an error sent as a plain object', () => {
    expect(errorMessage(new TypeError('the corpus is damaged'))).toBe('the corpus is damaged');
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
    expect(errorMessage({ message: 'Could not establish connection.' })).toBe('Could not establish connection.');
  });

  it('never throws, even on what String() cannot convert', () => {
    const bare = Object.create(null) as object;
    expect(() => String(bare)).toThrow();
    expect(errorMessage(bare)).toBe('an error that cannot be described');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage(42)).toBe('42');
  });
});
