/**
 * The unseen set (schema: tests/devset/unseen/README.md): the story as outlets outside the corpus
 * covered it, and off-story pages of the same weeks, labeled sentence by sentence with the gold
 * points of tests/devset/points.json. It was written and labeled without running the matcher, and
 * it is held out: a figure on it means something only while nobody tunes on it.
 */
import pagesJson from './pages.json';

export interface UnseenSentence {
  /** Index of the paragraph the sentence is in, from 0, in page order. */
  paragraph: number;
  text: string;
  /** Gold points the sentence states: a match is required. Always empty on an off-story page. */
  points: string[];
  /** Gold points it touches on: a match there is fine, no match is fine too. */
  touches: string[];
  /** Why a borderline label is what it is. */
  notes?: string;
}

export interface UnseenPage {
  id: string;
  /** The kind of outlet the page is written as ("Reuters-style wire"). */
  outlet: string;
  onStory: boolean;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  title: string;
  /** What the page is meant to test. */
  note: string;
  sentences: UnseenSentence[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every way `pages` breaks the schema, as messages naming the page and sentence; empty when sound. */
export function unseenProblems(pages: readonly UnseenPage[], known: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const page of pages) {
    if (ids.has(page.id)) problems.push(`${page.id}: duplicate page id`);
    ids.add(page.id);
    if (!ISO_DATE.test(page.date)) problems.push(`${page.id}: date "${page.date}" is not YYYY-MM-DD`);
    if (page.title.trim() === '') problems.push(`${page.id}: empty title`);
    if (page.sentences.length === 0) problems.push(`${page.id}: no sentences`);
    let previousParagraph = -1;
    page.sentences.forEach((s, i) => {
      const where = `${page.id} sentence ${i}`;
      if (s.text.trim() === '') problems.push(`${where}: empty text`);
      // Paragraphs are numbered from 0 without gaps, so a page can be rebuilt block by block.
      if (s.paragraph !== previousParagraph && s.paragraph !== previousParagraph + 1) {
        problems.push(`${where}: paragraph ${s.paragraph} follows paragraph ${previousParagraph}`);
      }
      previousParagraph = s.paragraph;
      for (const p of [...s.points, ...s.touches]) {
        if (!known.has(p)) problems.push(`${where}: unknown point "${p}"`);
      }
      for (const p of s.points) {
        if (s.touches.includes(p)) problems.push(`${where}: "${p}" is both stated and touched`);
      }
      if (!page.onStory && s.points.length > 0) problems.push(`${where}: an off-story page states a point`);
    });
  }
  return problems;
}

/** Load the pages, and fail on any schema problem (`known`: the gold point ids). */
export function loadUnseen(known: ReadonlySet<string>): UnseenPage[] {
  const pages = (pagesJson as { pages: UnseenPage[] }).pages;
  const problems = unseenProblems(pages, known);
  if (problems.length > 0) throw new Error(`tests/devset/unseen/pages.json: ${problems.join('; ')}`);
  return pages;
}

/** The page as a reader's text: a paragraph's sentences joined by spaces, paragraphs by a blank line. */
export function unseenPageText(page: UnseenPage): string {
  const paragraphs: string[][] = [];
  for (const s of page.sentences) (paragraphs[s.paragraph] ??= []).push(s.text);
  return paragraphs.map((sentences) => sentences.join(' ')).join('\n\n');
}
