import { describe, expect, it } from 'vitest';
import { Matcher } from '../../../lib/match/matcher';
import { DEFAULT_PARAMS } from '../../../lib/match/params';
import { dayNumber, judgeStory, storyProfile, type GateInput } from '../../../lib/match/story-gate';
import type { Article, Match, Point } from '../../../lib/types';
import { loadSeedCorpus } from '../../eval/evaluate';

const article = (id: string, date: string | null): Article => ({
  id, origin: 'seed', outlet: id, title: id, url: null, date, file: null, text: '',
});
const point = (id: string, articleIds: string[]): Point => ({ id, label: id, sentenceIds: [], articleIds, missingArticleIds: [] });
const match = (pointId: string | null, score: number): Match => ({
  sentenceId: `s-${pointId}`, articleId: 'a', outlet: 'a', file: null, url: null, text: '', score, kind: 'reworded', pointId,
});

// Five outlets on one day, and a reader's article a month later that must not stretch the story.
const corpus = {
  articles: [...['a', 'b', 'c', 'd', 'e'].map((id) => article(id, '2025-04-18')), article('late', '2025-05-20')],
  points: [point('core', ['a', 'b', 'c', 'd', 'e']), point('two', ['a', 'b']), point('own', ['c']), point('own2', ['d']), point('own3', ['e'])],
};
const profile = storyProfile(corpus, DEFAULT_PARAMS);
const judge = (input: GateInput) => judgeStory(input, profile, DEFAULT_PARAMS);

describe('storyProfile', () => {
  it('derives centrality, the core and the story’s days from the corpus', () => {
    expect(profile.centrality.get('core')).toBeCloseTo(5 / 6);
    expect(profile.centrality.get('own')).toBeCloseTo(1 / 6);
    expect([...profile.core]).toEqual(['core']);
    expect(profile.days).toEqual({ first: dayNumber('2025-04-18'), last: dayNumber('2025-04-18') });
  });

  it('knows no days for an undated corpus, and no core without points', () => {
    const bare = storyProfile({ articles: [article('a', null)] }, DEFAULT_PARAMS);
    expect(bare.days).toBeNull();
    expect(bare.core.size).toBe(0);
  });
});

describe('judgeStory', () => {
  it('puts a page on the story when its headline states the core point confidently, alone', () => {
    const verdict = judge({ title: [match('core', 0.5)], sentences: [[], []] });
    expect(verdict).toMatchObject({ onStory: true, reason: 'core-statement' });
  });

  it('counts a core statement in the lede, not further down', () => {
    const onStoryHeadline = [match('two', 0.4)];
    expect(judge({ title: onStoryHeadline, sentences: [[], [], [match('core', 0.5)]] }).onStory).toBe(true);
    expect(judge({ title: onStoryHeadline, sentences: [[], [], [], [], [match('core', 0.5)]] }).onStory).toBe(false);
    // The headline's repeat as the first sentence is not part of the lede's count.
    const repeated = { title: onStoryHeadline, sentences: [[], [], [], [match('core', 0.5)]], headlineRepeats: new Set([0]) };
    expect(judge(repeated).onStory).toBe(true);
  });

  it('takes only the opening sentence for the lede under a headline about something else', () => {
    // A page whose headline matches nothing, opening on the core point: a brief headlined in other words.
    expect(judge({ title: [], sentences: [[match('core', 0.5)], [], []] })).toMatchObject({ onStory: true, reason: 'core-statement' });
    // A digest of other news whose third item states the core point: one item, not the page's subject.
    expect(judge({ title: [], sentences: [[], [], [match('core', 0.5)], [], []] }).onStory).toBe(false);
  });

  it('reads three sentences of lede under a headline that names the story’s actors without stating a point', () => {
    // An opinion piece headlined "The war in Ukraine: America's inconsistency", stating the core point third.
    const third: GateInput = { title: [], sentences: [[], [], [match('core', 0.5)], [], []] };
    expect(judge({ ...third, headlineNamesActors: () => true })).toMatchObject({ onStory: true, reason: 'core-statement' });
    expect(judge({ ...third, headlineNamesActors: () => false }).onStory).toBe(false);
    // A headline that states a point is not asked.
    let asked = false;
    judge({ title: [match('two', 0.4)], sentences: [[], [], [match('core', 0.5)]], headlineNamesActors: () => (asked = true) });
    expect(asked).toBe(false);
  });

  it('asks more of a statement of a point few outlets state than of the core', () => {
    expect(judge({ title: [match('own', 0.9)], sentences: [] }).onStory).toBe(false);
    expect(judge({ title: [], sentences: [[match('own', 0.9)], [match('own2', 0.9)], [match('own3', 0.9)]] }).onStory).toBe(false);
    expect(judge({ title: [match('core', 0.39)], sentences: [] }).onStory).toBe(false);
  });

  it('takes a later-dated restatement of the core point for other news', () => {
    const restated: GateInput = { title: [match('core', 0.9)], sentences: [[match('core', 0.95)], [match('two', 0.9)]] };
    expect(judge({ ...restated, published: '2025-04-27T08:00:00Z' })).toMatchObject({ onStory: false, reason: 'other-date' });
    expect(judge({ ...restated, published: '2025-03-12' }).onStory).toBe(false);
    expect(judge({ ...restated, published: '2025-04-17T22:00:00-04:00' }).onStory).toBe(true);
    expect(judge({ ...restated, published: '2025-04-25' }).onStory).toBe(true);
  });

  it('judges an undated page by what it says, and a page dated in the story’s days with less evidence', () => {
    const some: GateInput = { title: [], sentences: [[match('two', 0.6)], [match('own', 0.8)], [match('own2', 0.8)]] };
    const undated = judge(some);
    expect(undated.onStory).toBe(false);
    expect(undated.evidence).toBeGreaterThanOrEqual(DEFAULT_PARAMS.storyDatedThreshold);
    expect(judge({ ...some, published: '2025-04-18' })).toMatchObject({ onStory: true, reason: 'evidence' });
    expect(judge({ ...some, published: 'garbage' }).onStory).toBe(false);
  });
});

describe('the page gate on the seed corpus, with pages written for this test', () => {
  const corpus = loadSeedCorpus();
  const matcher = Matcher.fromCorpus(corpus);
  const brief = {
    title: 'US may abandon Ukraine peace efforts within days if there is no progress, Rubio says',
    sentences: [
      'US may abandon Ukraine peace efforts within days if there is no progress, Rubio says',
      'Secretary of State Marco Rubio said on Friday that Washington could soon step away from its push to end the war between Russia and Ukraine unless the two sides move closer.',
    ],
  };

  it('finds a two-sentence brief whose headline states the core point, dated or not', () => {
    expect(matcher.scanPage(brief).onStory).toBe(true);
    expect(matcher.scanPage({ ...brief, published: '2025-04-18T14:00:00Z' }).onStory).toBe(true);
  });

  // An opinion piece whose headline states nothing the corpus states, and whose third sentence states the core.
  const opinion = [
    'Few of the diplomats who left the French capital on Friday looked pleased with the day.',
    'Officials in several capitals spent the weekend comparing notes on what had been agreed.',
    'The United States now says it could quit the peace process within days.',
    'Whether that is a negotiating tactic or a real threat is hard to say.',
  ];

  it('finds an opinion piece whose headline names the story’s actors, built or loaded from its stored index', () => {
    const title = 'Ukraine, Russia and the wavering of Washington';
    const loaded = Matcher.fromStoredIndex(corpus, matcher.storedIndex());
    for (const m of [matcher, loaded]) {
      const verdict = m.scanPage({ title, sentences: [title, ...opinion] });
      expect(verdict.onStory).toBe(true);
      expect(verdict.sentences.map((s) => s.index)).toContain(3);
    }
  });

  it('leaves the same opening under a headline about other news (a digest’s third item)', () => {
    const title = 'Markets close higher as oil prices slip';
    expect(matcher.scanPage({ title, sentences: [title, ...opinion] }).onStory).toBe(false);
  });

  it('takes the same words dated ten days later for other news', () => {
    const verdict = matcher.scanPage({ ...brief, published: '2025-04-28' });
    expect(verdict.onStory).toBe(false);
    expect(verdict.sentences).toEqual([]);
  });
});
