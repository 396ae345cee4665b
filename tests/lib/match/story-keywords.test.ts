// The cheap gate's keywords come from the corpus: the seed corpus gives this story's principal and
// words, and a corpus of another story (written here) gives its own, with nothing changed in code.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus, type SeedInput } from '../../../lib/corpus/build';
import { DEFAULT_PARAMS } from '../../../lib/match/params';
import { mightBeOnStory } from '../../../lib/match/pre-gate';
import { storyKeywords } from '../../../lib/match/story-keywords';
import { readSeeds } from '../../../lib/node/seeds';

const seedKeywords = storyKeywords(buildCorpus(readSeeds(resolve(import.meta.dirname, '../../../seeds'))), DEFAULT_PARAMS);

/** Four outlets' short reports of one invented story: a port strike in Rotterdam. */
const PORT_STORY: readonly [string, string][] = [
  ['Harbour Daily', `Dock workers in Rotterdam will strike for 48 hours from Monday unless the port authority raises wages, union leader Mieke Jansen warned on Thursday.
Union leader Mieke Jansen said the strike would halt container traffic at Europe's largest port.
The port authority said talks with the union would continue on Friday in Rotterdam.
Shipping companies have begun diverting vessels to Antwerp and Hamburg.`],
  ['Continental Wire', `Rotterdam dock workers may walk out for two days from Monday if wages are not raised, union leader Mieke Jansen said on Thursday.
Jansen told reporters that container traffic at the port would stop during the strike.
Some shipping lines are already sending cargo to Antwerp instead.
The port authority called the union's demands unaffordable.`],
  ['Freight Today', `A 48-hour strike at the port of Rotterdam looms after union leader Mieke Jansen warned that dock workers would stop work on Monday without a wage rise.
The strike would be the first at the Dutch port in a decade.
Container lines said they were preparing to divert ships to Hamburg.`],
  ['Lowlands Post', `Union leader Mieke Jansen warned on Thursday that Rotterdam dock workers will strike from Monday unless the port authority improves its wage offer.
The port authority said it remained open to talks with the union.
Analysts said a long strike would push container freight rates higher across Europe.`],
];

function portCorpus() {
  const inputs: SeedInput[] = PORT_STORY.map(([outlet, text], i) => ({
    file: `port-${i}.txt`,
    text,
    meta: { file: `port-${i}.txt`, outlet, author: null, url: null, date: '2026-03-12', identifiedBy: null },
  }));
  return buildCorpus(inputs);
}

describe('storyKeywords', () => {
  it("derives the seed story's principal and title as anchors, and its shared names and words as context", () => {
    expect(seedKeywords.anchors).toEqual(['rubio', 'secretary of state']);
    for (const word of ['ukraine', 'russia', 'peace', 'kyiv', 'moscow', 'paris', 'talks']) expect(seedKeywords.context).toContain(word);
    // Titles, dates, verbs of saying and the principal's own first name say nothing of what happened.
    for (const word of ['president', 'friday', 'said', 'warned', 'marco', 'not']) expect(seedKeywords.context).not.toContain(word);
    expect(seedKeywords.context.length).toBeLessThanOrEqual(DEFAULT_PARAMS.preGateMaxContext);
  });

  it("gives another story's corpus its own keywords, and the gate follows them", () => {
    const keywords = storyKeywords(portCorpus(), DEFAULT_PARAMS);
    expect(keywords.anchors[0]).toBe('jansen');
    expect(keywords.context).toEqual(expect.arrayContaining(['rotterdam', 'strike', 'port', 'union']));
    expect(keywords.context).not.toContain('ukraine');
    const onPort = 'Rotterdam braces for a port strike as Jansen rejects the latest offer from the union’s employers.';
    expect(mightBeOnStory(onPort, keywords)).toBe(true);
    expect(mightBeOnStory(onPort, seedKeywords)).toBe(false);
    expect(mightBeOnStory('Rubio says Ukraine and Russia peace talks in Paris made progress.', keywords)).toBe(false);
  });

  it('gates on context alone for a corpus that names no principal', () => {
    const keywords = { anchors: [], context: ['harbour', 'strike', 'wages'], minContext: 2 };
    expect(mightBeOnStory('The harbour strike over wages goes on.', keywords)).toBe(true);
    expect(mightBeOnStory('The harbour is quiet.', keywords)).toBe(false);
  });
});
