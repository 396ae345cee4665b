import { describe, expect, it } from 'vitest';
import { compareWordings, matters, readClaim, withContrast, wordingContrast } from '../../../lib/compare/claims';
import { describeLine, loudestLine, outletLines, type WordingSource } from '../../../lib/compare/outlet-lines';
import { describeDays, storySummary } from '../../../lib/compare/story';

const aspects = (page: string, other: string) => compareWordings(page, other).differences.map((d) => [d.aspect, d.page, d.other]);

describe('readClaim', () => {
  it('reads certainty, time frame, actor and attribution from a lead', () => {
    const claim = readClaim('The city council may scrap the stadium plan within weeks unless funding is found, Mayor Ana Ortiz said on Tuesday.');
    expect(claim.certainty).toMatchObject({ text: 'may', level: 'hedged' });
    expect(claim.time.map((t) => [t.text, t.horizon])).toEqual([['within weeks', 'weeks']]);
    expect(claim.actor?.text).toBe('The city council');
    expect(claim.attribution).toMatchObject({ mode: 'paraphrase', speaker: 'Ana Ortiz' });
    expect(claim.negations.map((n) => n.text)).toEqual(['unless']);
  });

  it('names no actor for a passive: its subject is acted on ("progress must be made")', () => {
    expect(readClaim('The mayor said progress must be made within weeks.').actor).toBeNull();
    expect(readClaim('A settlement could soon be reached, officials said.').actor).toBeNull();
    expect(readClaim('Tariffs would likely have to be lifted under any deal.').actor).toBeNull();
    expect(readClaim('The deal could be signed next week.').actor).toBeNull();
    // The control: an active verb after the modal keeps its subject.
    expect(readClaim('The union could strike within weeks.').actor?.text).toBe('The union');
    expect(readClaim('The board will be meeting on Monday.').actor?.text).toBe('The board');
  });

  it('reads the actor before a modal without a contracted "is" or a dashed aside', () => {
    expect(readClaim("I think the governor's probably at a point where she will veto it.").actor?.text).toBe('the governor');
    expect(readClaim('Fees on imports—beyond the council’s control—would have to rise.').actor).toBeNull();
  });

  it('tells hedges, firm intent and threats apart, and "May" the month from "may"', () => {
    expect(readClaim('The union is prepared to strike next month.').certainty).toMatchObject({ text: 'is prepared to', level: 'firm' });
    expect(readClaim('The union threatened to strike.').certainty).toMatchObject({ level: 'threat' });
    expect(readClaim('The union could strike soon.').certainty).toMatchObject({ text: 'could', level: 'hedged' });
    expect(readClaim('The union is likely to strike.').certainty).toMatchObject({ text: 'is likely to', level: 'hedged' });
    expect(readClaim('Talks resume in May after the holiday.').certainty).toBeNull();
  });

  it('reads time frames by horizon: "within days" and "in the coming days" are one, "soon" and "next week" others', () => {
    const horizon = (s: string) => readClaim(s).time.map((t) => t.horizon);
    expect(horizon('A decision is due within days.')).toEqual(['days']);
    expect(horizon('A decision is due in the coming days.')).toEqual(['days']);
    expect(horizon('A decision is due in the next 48 hours.')).toEqual(['hours']);
    expect(horizon('A decision is due soon.')).toEqual(['soon']);
    expect(horizon('A decision is due next week.')).toEqual(['weeks']);
    expect(horizon('A decision is due by Friday.')).toEqual(['by friday']);
  });

  it('reads numbers with what they count, not years or days of the month', () => {
    const claim = readClaim('The flood on 12 March 2024 forced 3,400 residents from their homes and closed two bridges.');
    expect(claim.numbers.map((n) => [n.text, n.value])).toEqual([
      ['3,400 residents', 3400],
      ['two bridges', 2],
    ]);
  });

  it('tells a quote from a paraphrase, and names anonymous sources', () => {
    expect(readClaim('“We will not sign this deal,” the minister said.').attribution.mode).toBe('quote');
    expect(readClaim('The minister called the offer “insulting.”').attribution.mode).toBe('partial');
    expect(readClaim('A senior official said the offer would be withdrawn.').attribution).toMatchObject({ mode: 'paraphrase', speaker: 'A senior official' });
    expect(readClaim('The offer would be withdrawn, according to diplomatic sources.').attribution).toMatchObject({ speaker: 'diplomatic sources' });
    expect(readClaim('The offer would be withdrawn.').attribution.mode).toBe('none');
  });
});

describe('compareWordings', () => {
  it('finds a hedge turned firm and another actor, and nothing in words that mean the same', () => {
    const page = 'The government may withdraw from the talks within days, the minister said.';
    expect(aspects(page, 'The government may walk away from the negotiations in the coming days, the minister said.')).toEqual([]);
    expect(aspects(page, 'Prime Minister Lena Berg is prepared to abandon the talks within days, the minister said.')).toEqual([
      ['certainty', 'may', 'is prepared to'],
      ['actor', 'The government', 'Prime Minister Lena Berg'],
    ]);
  });

  it('finds a changed time frame, a dropped negation, another number and another speaker', () => {
    const page = 'Rescuers have not reached the 12 miners trapped since Monday, fire chief Tom Hale said.';
    expect(aspects(page, 'Rescuers have reached the 12 miners trapped since Monday, fire chief Tom Hale said.')).toEqual([['negation', 'not reached', null]]);
    expect(aspects(page, 'Rescuers have not reached the 14 miners trapped since Monday, fire chief Tom Hale said.')).toEqual([['number', '12 miners', '14 miners']]);
    expect(aspects(page, 'Rescuers have not reached the 12 miners trapped since Monday, a union official said.')).toEqual([
      ['attribution', 'paraphrases Tom Hale', 'paraphrases a union official'],
    ]);
    expect(aspects('The bridge will reopen within weeks.', 'The bridge will reopen soon.')).toEqual([['time', 'within weeks', 'soon']]);
  });

  it('marks loudly the words that carry a change of claim, and not the words that mean the same', () => {
    const { segments, loud } = compareWordings('The company may cut 200 jobs.', 'The company will cut 200 jobs.');
    const marked = segments.map((s, i) => [s.page, s.other, loud[i]]).filter(([, , l]) => l !== null);
    expect(marked).toEqual([['may', 'will', 'certainty']]);
  });
});

describe('wordingContrast', () => {
  const page = { text: 'The company may cut 200 jobs by March, its chief executive said.', quotes: null };
  it('is distinct when every other outlet changes the claim, alike when none changes a word that matters', () => {
    expect(wordingContrast(page, [{ text: 'The company will cut 200 jobs by March, its chief executive said.', quotes: null }, { text: 'The company may cut 300 jobs by March, its chief executive said.', quotes: null }])).toBe('distinct');
    expect(wordingContrast(page, [{ text: 'The company may cut 200 jobs by March, its chief executive said.', quotes: null }])).toBe('alike');
    expect(wordingContrast(page, [{ text: 'The company will cut 200 jobs by March, its chief executive said.', quotes: null }, { text: page.text, quotes: null }])).toBe('mixed');
  });
});

describe('outletLines', () => {
  const source = (outlet: string, text: string): WordingSource => ({ sourceId: outlet, outlet, text, quotes: null });
  it('says in one line which outlets hedge and which do not, and who quotes the speaker', () => {
    const lines = outletLines(source('this page', 'The league may ban the club within days, commissioner Ray Cole said.'), [
      source('Daily A', 'The league could ban the club within days, commissioner Ray Cole said.'),
      source('Daily B', 'The league will ban the club within days, commissioner Ray Cole said.'),
      source('Daily C', '“We are prepared to ban the club within days,” commissioner Ray Cole said.'),
    ]);
    const certainty = lines.find((l) => l.aspect === 'certainty')!;
    expect(certainty.groups).toEqual([
      { label: 'hedged', wordings: ['may', 'could'], outlets: ['this page', 'Daily A'] },
      { label: 'firm', wordings: ['will', 'are prepared to'], outlets: ['Daily B', 'Daily C'] },
    ]);
    expect(describeLine(lines.find((l) => l.aspect === 'attribution')!)).toBe('paraphrases Ray Cole: this page, Daily A, Daily B · quotes Ray Cole: Daily C');
    expect(lines[0]!.aspect).toBe('certainty');
  });
});

describe('storySummary', () => {
  it('names the story by the point most outlets state, its speaker and its days', () => {
    const story = storySummary({
      articles: [
        { id: 'a', date: '2024-06-02' },
        { id: 'b', date: '2024-06-03' },
        { id: 'c', date: null },
      ],
      points: [
        { id: 'p2', label: 'Fans rallied outside the stadium.', sentenceIds: ['a:4', 'c:6'], articleIds: ['a', 'c'] },
        { id: 'p1', label: 'The league may ban the club, commissioner Ray Cole said.', sentenceIds: ['a:0', 'b:0', 'c:1'], articleIds: ['a', 'b', 'c'] },
      ],
      sentences: [
        { id: 'a:0', text: 'The league may ban the club, commissioner Ray Cole said.', quotes: [] },
        { id: 'b:0', text: 'Cole said the league could ban the club.', quotes: [] },
        { id: 'c:1', text: 'A ban is possible, the league said.', quotes: [] },
      ],
    });
    expect(story).toMatchObject({ pointId: 'p1', who: 'Ray Cole', firstDay: '2024-06-02', lastDay: '2024-06-03', outlets: 3 });
    expect(describeDays('2024-06-02', '2024-06-03')).toBe('2–3 June 2024');
    expect(describeDays('2024-06-02', '2024-06-02')).toBe('2 June 2024');
  });
});

describe('wordingContrast and names', () => {
  it('counts a name named in place of another as a change of claim, and a name one outlet adds as detail', () => {
    const page = { text: 'Strikes hit Kharkiv overnight, officials said.', quotes: null };
    expect(wordingContrast(page, [{ text: 'Strikes hit Odesa overnight, officials said.', quotes: null }])).toBe('distinct');
    expect(wordingContrast(page, [{ text: 'Strikes hit Kharkiv overnight, officials in Kyiv said.', quotes: null }])).toBe('mixed');
  });
});

describe('withContrast', () => {
  it('sets each matched sentence’s contrast, the same on a second scan of the same page', () => {
    const match = (id: string, text: string) => ({ sentenceId: id, articleId: id, outlet: id, file: null, url: null, text, score: 0.9, kind: 'reworded' as const, pointId: 'p' });
    const sentences = [
      { index: 0, text: 'The company may cut 200 jobs.', pointId: 'p', matches: [match('a:0', 'The company will cut 200 jobs.')] },
      { index: 1, text: 'The plant opened in 1990.', pointId: 'q', matches: [match('a:1', 'The plant opened in 1990.')] },
    ];
    const first = withContrast(sentences, {}, new Map());
    expect(first.map((s) => s.contrast)).toEqual(['distinct', 'alike']);
    expect(withContrast(sentences, {}, new Map()).map((s) => s.contrast)).toEqual(['distinct', 'alike']);
    expect(first[0]!.matches).toBe(sentences[0]!.matches);
  });
});

describe('negation, clause by clause', () => {
  const page = 'The mayor said the library would not close, and the governor said the museum will stay open.';

  it('finds a negation moved from one clause to another, though both sentences negate something', () => {
    expect(aspects(page, 'The mayor said the library would close, and the governor said the museum will not stay open.')).toEqual([
      ['negation', 'not close', 'not stay'],
    ]);
  });

  it('does not count a negation in a clause the other wording leaves out', () => {
    expect(aspects(page, 'The governor said the museum will stay open.').filter(([aspect]) => aspect === 'negation')).toEqual([]);
    // …and finds it in the clause the other wording keeps.
    expect(aspects(page, 'The governor said the museum will not stay open.').filter(([aspect]) => aspect === 'negation')).toEqual([
      ['negation', null, 'not stay'],
    ]);
  });

  it('still finds a negation dropped from a sentence of one clause', () => {
    expect(aspects('The library will not close next month.', 'The library will close next month.')).toEqual([['negation', 'not close', null]]);
  });

  it('tells apart, in the outlets’ line, the outlet that negates the clause the page affirms', () => {
    const source = (outlet: string, text: string): WordingSource => ({ sourceId: outlet, outlet, text, quotes: null });
    const lines = outletLines(source('this page', page), [
      source('Daily A', 'The governor said the museum will stay open, while the mayor said the library would not close.'),
      source('Daily B', 'The governor said the museum will not stay open.'),
    ]);
    expect(describeLine(lines.find((l) => l.aspect === 'negation')!)).toBe('not negated: this page, Daily A · negated (not stay): Daily B');
  });
});

describe('names ranked below changes of claim', () => {
  const source = (outlet: string, text: string): WordingSource => ({ sourceId: outlet, outlet, text, quotes: null });

  it('tells a name only one wording adds last, as detail, after every change of claim', () => {
    const page = 'The council may close the library next month, the mayor said.';
    const compared = compareWordings(page, 'The council will close the library in Riverton next week, the mayor said.');
    expect(compared.differences.map((d) => [d.aspect, d.quiet])).toEqual([
      ['certainty', false],
      ['time', false],
      ['name', true],
    ]);
    expect(compared.differences.filter(matters).map((d) => d.aspect)).toEqual(['certainty', 'time']);
    // The added name is not outlined as a change of claim.
    expect(compared.segments.filter((s, i) => compared.loud[i] !== null && /Riverton/u.test(s.other))).toEqual([]);
    expect(wordingContrast({ text: page, quotes: null }, [{ text: 'The council may close the library in Riverton next month, the mayor said.', quotes: null }])).toBe('mixed');
  });

  it('counts a name one wording adds as a change of claim when that name is who acts', () => {
    const { differences } = compareWordings('The library closes next month, officials said.', 'Mayor Ada Quinn will close the library next month, officials said.');
    const name = differences.find((d) => d.aspect === 'name')!;
    expect(name).toMatchObject({ other: 'Ada Quinn', quiet: false });
    expect(matters(name)).toBe(true);
  });

  it('never makes a name some outlets add the point’s loudest line', () => {
    const page = source('this page', 'The council will close the library next month, the mayor said.');
    const onlyNames = outletLines(page, [source('Daily A', 'The council will close the library in Riverton next month, the mayor said.')]);
    expect(onlyNames.map((l) => [l.aspect, l.quiet])).toEqual([['name', true]]);
    expect(loudestLine(onlyNames)).toBeUndefined();
    const both = outletLines(page, [
      source('Daily A', 'The council will close the library in Riverton next month, the mayor said.'),
      source('Daily B', 'The council could close the library next month, the mayor said.'),
    ]);
    expect(both.map((l) => l.aspect)).toEqual(['certainty', 'name']);
    expect(loudestLine(both)!.aspect).toBe('certainty');
  });
});
