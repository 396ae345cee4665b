import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../lib/cli/read-page';
import { Matcher } from '../../lib/match/matcher';
import { FIXTURE_CORPUS } from '../lib/match/fixture';
import {
  alignSentences,
  coreRecall,
  corpusPoints,
  figuresOf,
  gradePage,
  loadRealset,
  paragraphsOf,
  pointReach,
  precision,
  realSplitOf,
  recall,
  renderPage,
  REACH_FLOORS,
  runRealset,
  sentenceFigures,
  type RealPage,
  type Realset,
} from './realset';

// A tiny set written for this test (never the real set's text), labeled against the fixture
// corpus of the matcher's unit tests (tests/lib/match/fixture.ts).
const wire = FIXTURE_CORPUS.sentences.filter((s) => s.articleId === 'wire');
const TINY: Realset = {
  points: [
    { id: 'p01', summary: 'the US may walk away within days' },
    { id: 'p33', summary: 'the call with the Russian foreign minister' },
    { id: 'p31', summary: 'the Kremlin sees limited progress' },
  ],
  seeds: [
    { file: 'times.txt', sentences: [{ text: FIXTURE_CORPUS.sentences.find((s) => s.id === 'times:0')!.text, points: ['p31'] }] },
    {
      file: 'wire.txt',
      sentences: [
        { text: wire[0]!.text, points: ['p01'] },
        { text: wire[1]!.text, points: ['p33'] },
      ],
    },
  ],
  pages: [
    {
      id: 'T1',
      url: 'https://tiny.example/world/talks',
      outlet: 'Tiny Wire',
      title: 'Washington could quit peace push within days, Rubio says',
      date: '2025-04-18',
      kind: 'on-story',
      sentences: [
        { text: 'The United States may withdraw from its efforts to broker peace between Russia and Ukraine within days if no progress is made, Secretary of State Marco Rubio warned on Friday.', tag: 'on', gold: ['p01'] },
        { text: 'Rubio said he spoke with Russian Foreign Minister Sergei Lavrov after the Paris talks, briefing him on parts of the U.S. proposal.', tag: 'on', gold: ['p33'] },
        { text: 'Kremlin spokesman Dmitry Peskov acknowledged limited progress but noted difficulties in communicating with Washington.', tag: 'on', gold: ['p31'] },
        { text: 'The weather in the capital was mild for the season, and cafés along the river were full.', tag: 'off', gold: [] },
      ],
    },
    {
      id: 'T2',
      url: 'https://tiny.example/business/harvest',
      outlet: 'Tiny Wire',
      title: 'Farmers expect an early harvest',
      date: '2025-05-02',
      kind: 'hard-negative',
      sentences: [{ text: 'Farmers in the south expect an early harvest after a warm spring and steady rain.', tag: 'hard', gold: [] }],
    },
  ],
};

describe('aligning what the scan read with the labeled sentences', () => {
  it('lays a part of a split sentence onto the sentence it lies in, and a merged one onto the larger part', () => {
    const labeled = ['He said: “We will wait. Then we decide.”', 'U.S.', 'Officials in the capital agreed on a plan for the talks.'];
    const read = ['Headline of the page', 'He said: “We will wait.', 'Then we decide.”', 'U.S. Officials in the capital agreed on a plan for the talks.'];
    expect(alignSentences(labeled, read)).toEqual([null, 0, 0, 2]);
  });

  it('ignores differences of whitespace and invisible characters', () => {
    expect(alignSentences(['A  sentence\u00A0with a soft\u00ADhyphen.'], ['A sentence with a softhyphen.'])).toEqual([0]);
  });
});

describe('grading a page', () => {
  const pointsOf = new Map([
    ['c:0', new Set(['p01'])],
    ['c:1', new Set(['p02'])],
    ['c:2', new Set<string>()],
  ]);
  const labeled = [
    { text: 'First claim stated here.', gold: ['p01'], tag: 'on' as const },
    { text: 'Second claim, in two parts. Its second part.', gold: ['p02'], tag: 'on' as const },
    { text: 'A setting without a claim.', gold: [], tag: 'on' as const },
    { text: 'Another claim nobody matched.', gold: ['p01'], tag: 'on' as const },
  ];

  it('counts found and correct per labeled sentence, its parts taking their best match', () => {
    const grade = gradePage(
      labeled,
      [
        { text: 'Headline', best: { sentenceId: 'c:0', score: 0.9 } },
        { text: 'First claim stated here.', best: { sentenceId: 'c:1', score: 0.4 } },
        { text: 'Second claim, in two parts.', best: { sentenceId: 'c:0', score: 0.4 } },
        { text: 'Its second part.', best: { sentenceId: 'c:1', score: 0.6 } },
        { text: 'A setting without a claim.', best: { sentenceId: 'c:2', score: 0.5 } },
        { text: 'Another claim nobody matched.', best: null },
      ],
      pointsOf,
    );
    expect(grade.unlabeledMatched).toEqual(['Headline']);
    expect(grade.sentences.map((s) => s.correct)).toEqual([false, true, false, false]);
    const f = sentenceFigures(grade.sentences);
    expect(f).toMatchObject({ sentences: 4, positives: 3, matched: 3, correct: 1, found: 1, corePositives: 2, coreFound: 0 });
    expect(precision(f)).toBeCloseTo(1 / 3);
    expect(recall(f)).toBeCloseTo(1 / 3);
    expect(coreRecall(f)).toBe(0);
  });
});

describe('the seed labels on corpus sentences', () => {
  it('gives a corpus sentence the points of every labeled seed sentence it overlaps', () => {
    const points = corpusPoints(FIXTURE_CORPUS, TINY.seeds);
    expect([...(points.get('wire:0') ?? [])]).toEqual(['p01']);
    expect([...(points.get('wire:1') ?? [])]).toEqual(['p33']);
    expect([...(points.get('wire:2') ?? [])]).toEqual([]);
    expect(points.has('daily:0')).toBe(false);
  });
});

describe('rendering a page', () => {
  it('keeps a quotation over two sentences in one paragraph and sets a short unpunctuated line as a subheading', () => {
    const paragraphs = paragraphsOf(['“We will wait.', 'Then we decide,” she said.', 'What Comes Next', 'A last line.']);
    expect(paragraphs).toEqual([
      { text: '“We will wait. Then we decide,” she said.', heading: false },
      { text: 'What Comes Next', heading: true },
      { text: 'A last line.', heading: false },
    ]);
  });

  it('is a news page the extraction reads: headline, then every sentence, with the date in its metadata and byline', () => {
    const page = TINY.pages[0]!;
    const html = renderPage(page, 'full');
    expect(html).toContain('<meta property="article:published_time" content="2025-04-18T10:00:00Z">');
    expect(html).toContain('<time datetime="2025-04-18">April 18, 2025</time>');
    const read = readHtml('t', html, page.url);
    expect(read.page.title).toBe(page.title);
    expect(read.page.sentences.slice(1, 5)).toEqual(page.sentences.map((s) => s.text));
    expect(read.page.sentences.join(' ')).not.toContain('More from World');
  });

  it('leaves the date out of a page that shows none', () => {
    const undated: RealPage = { ...TINY.pages[0]!, date: null };
    expect(renderPage(undated, 'excerpt')).not.toMatch(/published_time|<time/u);
  });
});

describe('running the set', () => {
  it('says there is no set when the file is absent, and names the problem of a malformed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realset-'));
    expect(loadRealset(join(dir, 'absent.json'))).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '{"pages": 3}');
    expect(() => loadRealset(join(dir, 'bad.json'))).toThrow(/"points", "seeds" and "pages"/u);
  });

  // Full pages: an excerpt this short is the short-page failure class the set measures.
  it('grades full pages through the CLI reading and page scan, and every page judged on the story', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realset-'));
    const path = join(dir, 'tiny.json');
    writeFileSync(path, JSON.stringify(TINY));
    const run = runRealset({ corpus: FIXTURE_CORPUS, path, modes: ['full', 'ungated'] })!;
    const [full, ungated] = run.modes;
    for (const mode of [full!, ungated!]) {
      const f = figuresOf(mode);
      expect(f).toMatchObject({ onStoryPages: 1, onStoryFound: 1, hardPages: 1, hardFlagged: 0 });
      expect(f.sentences).toMatchObject({ positives: 3, found: 3, matched: 3, corePositives: 1, coreFound: 1 });
    }
    expect(full!.pages.map((p) => p.verdict)).toEqual(['found', 'clean']);
    // The written background of a full page is graded too: matching it would be wrong.
    expect(full!.pages[0]!.grade.sentences.filter((s) => s.tag === 'written').length).toBeGreaterThanOrEqual(3);
  });

  it('splits pages into two halves by a stable hash of their ids', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `page-${i}`);
    const tune = ids.filter((id) => realSplitOf(id) === 'tune').length;
    expect(tune).toBeGreaterThan(10);
    expect(tune).toBeLessThan(30);
    expect(ids.map(realSplitOf)).toEqual(ids.map(realSplitOf));
  });
});

describe('the reach of word overlap', () => {
  it('counts, per floor, the labeled sentences a corpus sentence of their own point scores that much against', () => {
    const matcher = Matcher.fromCorpus(FIXTURE_CORPUS);
    const pointsOf = corpusPoints(FIXTURE_CORPUS, TINY.seeds);
    const reworded: RealPage = {
      ...TINY.pages[0]!,
      id: 'T3',
      sentences: [
        // The core point in words no corpus sentence uses: out of reach at every floor.
        { text: 'Patience in the Oval Office is wearing thin, aides hinted.', tag: 'on', gold: ['p01'] },
        // A point stated by a corpus sentence of another point only: scored, but not against its own.
        { text: 'Rubio said he spoke with Russian Foreign Minister Sergei Lavrov after the Paris talks.', tag: 'on', gold: ['p31'] },
      ],
    };
    const hard: RealPage = { ...TINY.pages[1]!, sentences: [{ text: TINY.pages[0]!.sentences[0]!.text, tag: 'hard', gold: ['p01'] }] };
    const reach = pointReach([TINY.pages[0]!, reworded, hard], matcher, pointsOf);
    expect(reach.positives).toBe(6);
    expect(reach.onHardPages).toBe(1);
    // The three copies of seed sentences and the hard page's copy reach every floor; the two others none.
    expect(reach.reached).toEqual(REACH_FLOORS.map((floor) => ({ floor, count: 4 })));
  });
});
