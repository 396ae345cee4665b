/**
 * The long pages of the budget test (tests/e2e/budget.e2e.ts) and the benchmark: about 20,000
 * words of a long read, made in the test from our own text only. The page on the story spreads the
 * seed articles' paragraphs (seeds/, ours) one by one through filler prose on unrelated subjects,
 * so its 100+ matched sentences are scattered down the page, as in a long read that returns to the
 * story between other sections; the page off the story is filler alone.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEEDS = ['000_d92422b15f672f7c', '001_ba9eee08ec8f519a', '002_264115c7bb73e8f9', '003_667c5379cb0513e8', '004_1d32572d87f94e9b'];
export const LONG_PAGE_WORDS = 20_000;

export const wordCount = (paragraphs: readonly string[]) => paragraphs.reduce((n, p) => n + p.split(/\s+/).length, 0);

/** The seed articles' paragraphs, one list per article. */
export function seedParagraphs(): string[][] {
  return SEEDS.map((id) => readFileSync(resolve(ROOT, 'seeds', `${id}.txt`), 'utf8').split('\n').filter((l) => l.trim() !== ''));
}

/** Deterministic filler prose on unrelated subjects (a long read's other sections). */
export function fillerParagraphs(words: number, seed = 7): string[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const subjects = ['The harbour authority', 'A team of geologists', 'The regional orchestra', 'Local bakers', 'The county library', 'Cycling clubs', 'The ferry operator', 'Several vineyards'];
  const verbs = ['reported', 'described', 'measured', 'celebrated', 'questioned', 'planned', 'documented', 'reviewed'];
  const objects = ['a record harvest of late apples', 'the slow erosion of the northern cliffs', 'an unusually warm autumn', 'new timetables for the winter season', 'the restoration of an old stone bridge', 'rising demand for evening classes', 'a quiet year for migrating birds', 'plans for a covered market'];
  const tails = ['after months of careful preparation', 'despite a wet start to the season', 'according to figures published on Tuesday', 'while volunteers counted visitors at the gates', 'as the town prepared for its annual fair', 'with support from the district council'];
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let i = 0; i < 5; i++) sentences.push(`${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)}.`);
    const paragraph = sentences.join(' ');
    count += paragraph.split(/\s+/).length;
    paragraphs.push(paragraph);
  }
  return paragraphs;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function longPage(title: string, sections: readonly string[][]): string {
  const body = sections.map((paragraphs, i) => `<section><h2>Part ${i + 1}</h2>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</section>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header><main><article><h1>${escape(title)}</h1>${body}</article></main>
<footer><p>© 2025 Daily Wire Service.</p></footer></body></html>`;
}

/** Sections of the long read: every story paragraph followed by an even share of the filler. */
export function onStorySections(words = LONG_PAGE_WORDS): string[][] {
  const story = seedParagraphs().flat();
  const filler = fillerParagraphs(words - wordCount(story));
  const sections: string[][] = [];
  const perStory = filler.length / story.length;
  for (const [i, paragraph] of story.entries()) {
    sections.push([paragraph, ...filler.slice(Math.round(i * perStory), Math.round((i + 1) * perStory))]);
  }
  return sections;
}

export const ON_STORY_TITLE = 'Rubio says US may walk away from Ukraine peace efforts within days: the long read';

/** ~20,000 words about the story, its sentences spread over the page. */
export function longPageOnStory(): string {
  return longPage(ON_STORY_TITLE, onStorySections());
}

/** ~20,000 words of other news. */
export function longPageOffStory(): string {
  return longPage('A year in the harbour town: the long read', [fillerParagraphs(LONG_PAGE_WORDS, 11)]);
}
