/**
 * The diagnostic rewrites (schema: tests/devset/diagnostic/README.md): the story as other outlets
 * would write it, and off-story pages that share its vocabulary. Labels name the gold points of
 * tests/devset/points.json. This set is for finding what kind of coverage the matcher misses; it
 * is reported on its own by `npm run eval`, never merged into the dev / test splits.
 */
import pagesJson from './pages.json';

export interface DiagnosticSentence {
  text: string;
  /** Gold points the sentence states: a match is required. */
  points: string[];
  /** Gold points it touches on: a match there is fine, no match is fine too. */
  touches: string[];
}

export interface DiagnosticPage {
  id: string;
  /** The kind of outlet the page is written as ("Reuters-style wire"). */
  outlet: string;
  onStory: boolean;
  /** What the page is meant to test. */
  note: string;
  title: string;
  sentences: DiagnosticSentence[];
}

/** Load the pages, and fail on a label that names no gold point (`known`: the gold point ids). */
export function loadDiagnostic(known: ReadonlySet<string>): DiagnosticPage[] {
  const pages = (pagesJson as { pages: DiagnosticPage[] }).pages;
  const problems: string[] = [];
  for (const page of pages) {
    page.sentences.forEach((s, i) => {
      for (const p of [...s.points, ...s.touches]) {
        if (!known.has(p)) problems.push(`${page.id} sentence ${i}: unknown point "${p}"`);
      }
      if (!page.onStory && s.points.length + s.touches.length > 0) {
        problems.push(`${page.id} sentence ${i}: an off-story page labels a point`);
      }
    });
  }
  if (problems.length > 0) throw new Error(`tests/devset/diagnostic/pages.json: ${problems.join('; ')}`);
  return pages;
}
