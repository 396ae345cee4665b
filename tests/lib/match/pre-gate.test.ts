import { describe, expect, it } from 'vitest';
import { mightBeOnStory, STORY_KEYWORDS } from '../../../lib/match/pre-gate';
import { loadDevset } from '../../devset/devset';

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
