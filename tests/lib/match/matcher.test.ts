import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../lib/corpus/build';
import { CorpusIndex } from '../../../lib/match/corpus-index';
import { Matcher } from '../../../lib/match/matcher';
import { DEFAULT_PARAMS } from '../../../lib/match/params';
import { similarity } from '../../../lib/match/similarity';
import { readSeeds } from '../../../lib/node/seeds';
import { article, FIXTURE_CORPUS } from './fixture';

const matcher = Matcher.fromCorpus(FIXTURE_CORPUS);
const best = (text: string) => matcher.matchSentence(text)[0];

describe('Matcher.matchSentence', () => {
  it('matches a reworded statement of a point to every outlet that states it, best first, scores in [0, 1]', () => {
    const matches = matcher.matchSentence(
      'Secretary of State Marco Rubio said Friday that Washington could walk away from efforts to broker a Russia-Ukraine peace deal within days unless there is progress.',
    );
    expect(matches.map((m) => m.sentenceId).sort()).toEqual(['daily:0', 'wire:0']);
    for (const m of matches) {
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(m.kind).toBe('reworded');
    }
    expect(matches[0]!.score).toBeGreaterThanOrEqual(matches[1]!.score);
  });

  it('calls the same words verbatim, up to quotes, case and spelling variants', () => {
    const m = best('"But we are not going to continue with this endeavour for weeks and months on end," Rubio said.');
    expect(m?.sentenceId).toBe('wire:3');
    expect(m?.kind).toBe('verbatim');
  });

  it('does not match a sentence that shares only names with the corpus', () => {
    expect(matcher.matchSentence('Rubio flew to Paris on Friday to meet Ukrainian and European officials.')).toEqual([]);
    expect(matcher.matchSentence('Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing.')).toEqual([]);
    expect(matcher.matchSentence('Kremlin spokesman Dmitry Peskov said Putin had no plans to travel to South Africa.')).toEqual([]);
  });

  it('scores reversed roles far below the same roles', () => {
    const same = best('The US rejected the Russian plan for a ceasefire in the Black Sea.');
    expect(same?.sentenceId).toBe('daily:2');
    const reversed = matcher
      .matchSentence('Russia rejected the US plan for a ceasefire in the Black Sea.')
      .find((m) => m.sentenceId === 'daily:2');
    expect(reversed === undefined || reversed.score < same!.score * 0.6).toBe(true);
  });

  it('does not take another actor doing the same thing for the point', () => {
    const ids = matcher
      .matchSentence('The Kremlin said Russia could walk away from the negotiations within days if there is no progress.')
      .map((m) => m.sentenceId);
    expect(ids).not.toContain('wire:0');
  });

  it('matches across spelling variants and typos of names and words', () => {
    expect(best('Zelenskiy’s office described the talks as constructive and positive.')?.sentenceId).toBe('wire:2');
    expect(best('Rubio said he had spoken to Russian Foreign Minister Sergey Lavrov after the talks in Paris.')?.sentenceId).toBe('wire:1');
    expect(best('Rubio said he had spoken with Russian foreign minister Sergei Lavorv following the Paris talks.')?.sentenceId).toBe('wire:1');
    expect(best('Kremlin spokesman Dmitri Peskov acknowledged some progress but said communication with Washington was difficult.')?.sentenceId).toBe('times:0');
  });

  it('matches news paraphrase: attribution verbs, difficult / challenging, contacts / communication', () => {
    // Kremlin instead of Peskov, "said" instead of "acknowledged", "contacts … difficult" instead of
    // "difficulties in communicating".
    expect(
      best('The Kremlin said Friday that some progress had been made toward a settlement, but that contacts with Washington were difficult.')
        ?.sentenceId,
    ).toBe('times:0');
  });

  it('reads an inflection of a corpus word as that word, not as a spelling variant of another', () => {
    const corpus = {
      ...FIXTURE_CORPUS,
      sentences: FIXTURE_CORPUS.sentences.map((s) => (s.id === 'times:1' ? { ...s, text: 'Russia remains open to talks and will remind Kyiv of its demands.' } : s)),
    };
    const index = new CorpusIndex(corpus, DEFAULT_PARAMS);
    // "remained" has the stem of the corpus's "remains"; it is not "remind" (same consonants).
    const terms = [...index.query('Russia remained open to talks.').positions.keys()];
    expect(terms).toContain('remain');
    expect(terms).not.toContain('remind');
  });

  it('never returns furniture', () => {
    expect(matcher.matchSentence('Subscribe today for the full story!')).toEqual([]);
  });

  it('carries outlet, file and point of the corpus sentence', () => {
    const m = best('Trump said a full deal on minerals with Ukraine could be signed next week.');
    expect(m).toMatchObject({ sentenceId: 'times:1', articleId: 'times', outlet: 'Times', file: 'times.txt', pointId: null });
  });
});

describe('Matcher.matchText', () => {
  it('splits a selection into sentences and reports only those that match, with their index', () => {
    const results = matcher.matchText(
      'It rained in Paris. Kremlin spokesman Dmitry Peskov acknowledged limited progress but noted difficulties in communicating with Washington.',
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ index: 1 });
    expect(results[0]!.matches[0]!.sentenceId).toBe('times:0');
  });
});

describe('Matcher.scanPage', () => {
  it('finds a page on the story and lists its matching sentences in page order', () => {
    const verdict = matcher.scanPage({
      title: 'US may walk away from Ukraine peace push within days, Rubio says',
      sentences: [
        'The United States could abandon its efforts to broker peace between Russia and Ukraine within days if there is no progress, Rubio warned.',
        'The weather in Paris was mild.',
        'Rubio said he spoke by phone with Russian Foreign Minister Sergei Lavrov after the talks in Paris.',
        'Russia has demanded that Ukraine give up its NATO ambitions and reduce the size of its military.',
      ],
    });
    expect(verdict.onStory).toBe(true);
    expect(verdict.storyScore).toBeGreaterThan(0);
    expect(verdict.sentences.map((s) => s.index)).toEqual([0, 2, 3]);
  });

  it('flags nothing on a page about something else, even when it names the same people', () => {
    const verdict = matcher.scanPage({
      title: 'Rubio presses Panama on canal',
      sentences: [
        'Secretary of State Marco Rubio told Panama that the United States would act if Chinese influence over the canal was not reduced.',
        'Rubio met President Jose Raul Mulino in Panama City on his first foreign trip.',
        'Panama agreed to leave China’s Belt and Road Initiative.',
      ],
    });
    expect(verdict.onStory).toBe(false);
    expect(verdict.sentences).toEqual([]);
  });
});

describe('match kinds', () => {
  it("calls the same speaker's quote in other words a 'quote'", () => {
    const corpus = {
      ...FIXTURE_CORPUS,
      sentences: FIXTURE_CORPUS.sentences.map((s) =>
        s.id === 'wire:3'
          ? { ...s, quotes: [{ text: 'But we’re not going to continue with this endeavor for weeks and months on end', start: 1, end: 79, speaker: 'Rubio' }] }
          : s,
      ),
    };
    const m = Matcher.fromCorpus(corpus).matchSentence('“We’re not going to drag this out for weeks and months on end,” Rubio said.')[0];
    expect(m?.sentenceId).toBe('wire:3');
    expect(m?.kind).toBe('quote');
  });
});

describe('match kinds: the same quote under another attribution', () => {
  const quoted = {
    ...FIXTURE_CORPUS,
    sentences: FIXTURE_CORPUS.sentences.map((s) =>
      s.id === 'wire:3'
        ? { ...s, quotes: [{ text: 'But we’re not going to continue with this endeavor for weeks and months on end', start: 1, end: 79, speaker: 'Rubio' }] }
        : s,
    ),
  };
  const m = Matcher.fromCorpus(quoted);

  it("calls the same quoted words 'verbatim' whatever the sentence around them, spelling variants aside", () => {
    for (const text of [
      '“We’re not going to continue with this endeavour for weeks and months on end,” he said.',
      '"We\'re not going to continue with this endeavor for weeks and months on end," Rubio told reporters at Le Bourget airport before departing for Washington.',
    ]) {
      const best = m.matchSentence(text)[0];
      expect(best?.sentenceId, text).toBe('wire:3');
      expect(best?.kind, text).toBe('verbatim');
    }
  });

  it("keeps a quote cut short or reworded a 'quote', and never calls a quote by another speaker verbatim", () => {
    const cut = m.matchSentence('“We’re not going to continue with this endeavor,” Rubio said of talks that drag on for weeks and months on end.')[0];
    expect(cut?.sentenceId).toBe('wire:3');
    expect(cut?.kind).not.toBe('verbatim');
    const other = m.matchSentence('“We’re not going to continue with this endeavor for weeks and months on end,” Peskov said.')[0];
    expect(other?.sentenceId).toBe('wire:3');
    expect(other?.kind).not.toBe('verbatim');
  });
});

describe('a page that is a copy of a seed article', () => {
  // The reader on an outlet's own page wants the other outlets' wordings, not only the page's
  // verbatim twin in the corpus: a verbatim copy must not set the floor for the rewordings.
  const seedCorpus = buildCorpus(readSeeds(resolve(import.meta.dirname, '../../../seeds')));
  const seedMatcher = Matcher.fromCorpus(seedCorpus);
  const PAK = '001_ba9eee08ec8f519a';

  it('still lists how the other outlets worded each point', () => {
    const sentences = seedCorpus.sentences.filter((s) => s.articleId === PAK && s.role !== 'furniture').map((s) => s.text);
    const verdict = seedMatcher.scanPage({ title: '', sentences });
    const peskov = verdict.sentences.find((r) => r.text.startsWith('Kremlin spokesperson Dmitry Peskov acknowledged'));
    expect(peskov?.matches[0]).toMatchObject({ articleId: PAK, kind: 'verbatim' });
    expect(peskov?.matches.map((m) => m.outlet)).toContain('The Voice News');
    const withOthers = verdict.sentences.filter((r) => r.matches.some((m) => m.articleId !== PAK));
    expect(withOthers.length).toBeGreaterThanOrEqual(15);
  });
});

describe('names-only rule', () => {
  // Other sentences give the terms their rarity weights.
  const texts = [
    'France and Germany were viewed by Washington as helpful partners in the negotiations.',
    'Rubio warned that the United States may abandon the peace effort within days.',
    'The Kremlin said contacts with Washington were difficult.',
    'Russia demanded that Ukraine renounce its NATO ambitions.',
    'A minerals deal could be signed as early as next week.',
    'Vance said he was hopeful the war could end soon.',
  ];
  const index = new CorpusIndex({ sentences: article('a', 'A', texts).sentences }, DEFAULT_PARAMS);
  const target = index.targets[0]!;
  const sim = (page: string) => similarity(index.query(page), target, DEFAULT_PARAMS);

  it('counts content in page words: two words folded onto one concept are two things said', () => {
    // "constructive" and "helpful" are one lexicon concept; with the names, they are not names alone.
    expect(sim('Rubio said France and Germany had been constructive and helpful.').namesOnly).toBe(false);
  });

  it('still drops the names with a single word of content', () => {
    expect(sim('Rubio said France and Germany had been helpful.').namesOnly).toBe(true);
  });
});
describe('on-story page: a question about negotiations in general', () => {
  const seedMatcher = Matcher.fromCorpus(buildCorpus(readSeeds(resolve(import.meta.dirname, '../../../seeds'))));
  const question =
    'How do long negotiations usually end, and what can history tell us about deadlines set by the mediators who run them?';

  it('matches nothing, though the page is on the story (headline "… Sets Deadline for Peace Efforts" scored 0.323)', () => {
    const verdict = seedMatcher.scanPage({
      title: '',
      sentences: [
        'The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within the next few days, warned U.S. Secretary of State Marco Rubio.',
        question,
      ],
    });
    expect(verdict.onStory).toBe(true);
    expect(verdict.sentences.map((r) => r.text)).toHaveLength(1);
    expect(verdict.sentences.find((r) => r.text === question)).toBeUndefined();
  });
});
