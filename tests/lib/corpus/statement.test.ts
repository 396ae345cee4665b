import { describe, expect, it } from 'vitest';
import { statementOf } from '../../../lib/corpus/statement';

// Sentences written for this test, in the shapes news copy wraps its claims in.
describe('statementOf', () => {
  it('leaves out a leading setting that ends before a speaker and a speech verb', () => {
    expect(statementOf('Speaking to reporters in Oslo after talks with Nordic and Baltic ministers, Chen said the fund would close by June.')).toBe(
      'the fund would close by June.',
    );
    expect(statementOf('Following a meeting with the mayors, Governor Ana Ruiz warned that the bridge may stay shut for weeks.')).toBe(
      'the bridge may stay shut for weeks.',
    );
  });

  it('keeps a setting that is the claim itself (no speaker follows it)', () => {
    const text = 'After three days of talks, the two unions signed a wage deal.';
    expect(statementOf(text)).toBe(text);
  });

  it('leaves out a reported-speech lead and a quoted attribution', () => {
    expect(statementOf('He said the council remains open to a vote but wants the budget first.')).toBe(
      'the council remains open to a vote but wants the budget first.',
    );
    expect(statementOf('Minister Lund stressed on Tuesday that exports must double by 2030.')).toBe('exports must double by 2030.');
    expect(statementOf('“We will not wait for months,” the minister said Friday.')).toBe('“We will not wait for months');
    expect(statementOf('She added: “The ferry stays in port.')).toBe('“The ferry stays in port.');
  });

  it('keeps a sentence whole when too little would be left, and a plain claim as it is', () => {
    expect(statementOf('He said so.')).toBe('He said so.');
    expect(statementOf('The port reopened on Monday.')).toBe('The port reopened on Monday.');
    expect(statementOf('')).toBe('');
  });
});
