import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/match/terms';

const terms = (text: string): string[] => analyze(text).terms.map((t) => t.term);

describe('analyze: the lexicon, matched by form and inflection', () => {
  it('folds a family onto its concept in any inflection', () => {
    expect(terms('Contacts with Washington were difficult.')).toEqual(['@talks', '@us', '@difficult']);
    expect(terms('He described communication with the U.S. as challenging.')).toEqual(['@talks', '@us', '@difficult']);
    expect(terms('He noted difficulties in communicating with Moscow.')).toEqual(['@difficult', '@talks', '@russia']);
    expect(terms('The dialogue is not easy.')).toEqual(['@talks', '@difficult']);
    expect(terms('The truce broke down.')).toEqual(['@ceasefire', '@collapse']);
    expect(terms('Trump is losing patience.')).toEqual(['trump', '@frustration']);
  });

  it('keeps false friends that share a Porter stem out of a concept', () => {
    // "position" / "positive", "criticism" / "critical", "decision" / "decisive", "community" / "communication".
    expect(terms('The positions of both sides')).not.toContain('@positive');
    expect(terms('in barely-veiled criticism of both sides')).not.toContain('@important');
    expect(terms('a decision on imports')).not.toContain('@important');
    expect(terms('the international community')).not.toContain('@talks');
    expect(terms('the weapons they used')).not.toContain('@positive');
    expect(terms('a progressive party')).not.toContain('@progress');
  });

  it('drops attribution and light verbs: who said it, and verbs whose object carries the meaning', () => {
    expect(terms('Peskov acknowledged that progress had been made.')).toEqual(['peskov', '@progress']);
    expect(terms('Peskov claimed progress was achieved.')).toEqual(['peskov', '@progress', 'achiev']);
    expect(terms('Rubio reiterated the offer.')).toEqual(['rubio', 'offer']);
  });

  it('keeps phrases built on light verbs', () => {
    expect(terms('Washington may give up on the talks.')).toEqual(['@us', '@withdraw', '@talks']);
  });
});
