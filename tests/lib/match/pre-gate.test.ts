import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolve } from 'node:path';
import { buildCorpus } from '../../../lib/corpus/build';
import { DEFAULT_PARAMS } from '../../../lib/match/params';
import { mightBeOnStory as mightBeOnStoryWith, StoryKeywordScan } from '../../../lib/match/pre-gate';
import { storyKeywords } from '../../../lib/match/story-keywords';
import { readSeeds } from '../../../lib/node/seeds';
import { loadDevset } from '../../devset/devset';

/** The keywords as the build derives them from the bundled corpus (seeds/). */
const STORY_KEYWORDS = storyKeywords(buildCorpus(readSeeds(resolve(import.meta.dirname, '../../../seeds'))), DEFAULT_PARAMS);
const mightBeOnStory = (text: string) => mightBeOnStoryWith(text, STORY_KEYWORDS);

const devset = loadDevset();
const pageText = (p: { title: string; sentences: { text: string }[] }) => [p.title, ...p.sentences.map((s) => s.text)].join('\n');

describe('mightBeOnStory', () => {
  it('lets every on-story page of the dev set through', () => {
    for (const page of devset.pages.filter((p) => p.onStory)) expect(mightBeOnStory(pageText(page)), page.id).toBe(true);
  });

  it('stops pages that do not name the story at all', () => {
    expect(mightBeOnStory(pageText(devset.pages.find((p) => p.id === 'page-off-football')!))).toBe(false);
    expect(mightBeOnStory(pageText(devset.pages.find((p) => p.id === 'page-off-markets')!))).toBe(false);
    expect(mightBeOnStory('Rubio visits Panama to talk about the canal.')).toBe(false);
  });

  it('matches whole words, in any case', () => {
    expect(mightBeOnStory('RUBIO: Ukraine, Russia peace talks in Paris')).toBe(true);
    expect(mightBeOnStory('Rubiolo wrote about Ukraine, Russia, peace talks in Paris')).toBe(false);
  });

  it('stays tiny: it ships in the content script', () => {
    expect(STORY_KEYWORDS.anchors.length + STORY_KEYWORDS.context.length).toBeLessThanOrEqual(30);
  });
});

describe('StoryKeywordScan', () => {
  const WORDS = ['Secretary', 'of', 'State', 'Rubio', 'rubio', 'Ukraine', 'Russia', 'peace', 'talks', 'Paris', 'days', 'the', 'harbour', 'secretary-of-state', '—', ' ', '\n'];
  it('answers as mightBeOnStory does on the pieces joined, however the text is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' ')), { maxLength: 12 }), (pieces) => {
        const scan = new StoryKeywordScan(STORY_KEYWORDS);
        let open = false;
        for (const piece of pieces) open = scan.add(piece);
        expect(open).toBe(mightBeOnStory(pieces.join(' ')));
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds an anchor split over three text nodes, and opens as soon as it can', () => {
    const scan = new StoryKeywordScan(STORY_KEYWORDS);
    for (const piece of ['Talks on Ukraine:', 'the Secretary', 'of', 'State']) expect(scan.add(piece)).toBe(false);
    expect(scan.add('says peace is days away')).toBe(true);
    expect(scan.open).toBe(true);
  });
});
