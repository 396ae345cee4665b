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

  it('folds general news families: casualties, refusals, deadlock, breaches, leverage', () => {
    expect(terms('Strikes injured dozens.')).toEqual(['@attack', '@wound', 'dozen']);
    expect(terms('The attacks caused casualties.')).toEqual(['@attack', 'caus', '@wound']);
    expect(terms('Kyiv rebuffed the offer and talks are deadlocked.')).toEqual(['@ukraine', '@reject', 'offer', '@talks', '@stall']);
    expect(terms('Russia breached the moratorium.')).toEqual(['@russia', '@violate', '@halt']);
    expect(terms('No one has comparable influence.')).toEqual(['@not', 'compar', '@leverage']);
  });

  it('reads a threat to act as a warning of it, but not the noun "threat"', () => {
    // "threatened to quit the talks" states what "warned it may quit the talks" states.
    expect(terms('The union threatened to quit the talks.')).toEqual(['union', '@warn', '@withdraw', '@talks']);
    expect(terms('The union is threatening a walkout.')).toEqual(['union', '@warn', '@withdraw']);
    expect(terms('The union warned it may quit the talks.')).toEqual(['union', '@warn', '@withdraw', '@talks']);
    expect(terms('A strike is the threat.')).toEqual(['@attack', 'threat']);
  });

  it('reads a process, as news copy names a diplomatic effort, as the effort', () => {
    // "pulled out of the peace process" states what "abandoned the peace effort" states.
    expect(terms('Norway pulled out of the peace process.')).toEqual(['norwai', '@withdraw', 'peac', '@effort']);
    expect(terms('Norway abandoned the peace effort.')).toEqual(['norwai', '@withdraw', 'peac', '@effort']);
  });

  it('folds news wordings of deaths and injuries', () => {
    expect(terms('Two people died and dozens were hurt.')).toEqual(['two', 'peopl', '@kill', 'dozen', '@wound']);
    expect(terms('The strike was fatal.')).toEqual(['@attack', '@kill']);
    expect(terms('A lethal drone attack')).toEqual(['@kill', 'drone', '@attack']);
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

describe('analyze: who and when are not what', () => {
  const names = (text: string): string[] => analyze(text).terms.filter((t) => t.name).map((t) => t.term);

  it('reads a day beside a month as a date, like the month, and other numbers as content', () => {
    expect(names('Talks were held on April 17 in Paris.')).toEqual(expect.arrayContaining(['april', '17']));
    expect(names('They met on 28 Feb. in Washington.')).toEqual(expect.arrayContaining(['28', 'feb']));
    expect(names('A strike killed 35 civilians.')).not.toContain('35');
  });

  it('reads titles in the plural too', () => {
    expect(names('Foreign ministers met in Paris.')).toContain('minist');
  });
});
