import { describe, expect, it } from 'vitest';
import { loadDevset } from '../../devset/devset';
import { loadDiagnostic } from '../../devset/diagnostic/diagnostic';
import { loadUnseen, unseenPageText, unseenProblems, type UnseenPage } from '../../devset/unseen/unseen';
import { splitSentences } from '../../../lib/text/segment';

const devset = loadDevset();
const known = new Set(devset.points.map((p) => p.id));
const pages = loadUnseen(known);
const onStory = pages.filter((p) => p.onStory);
const offStory = pages.filter((p) => !p.onStory);

// Sentences shorter than this may coincide with another set by chance ("/TASS/.", a bare quote).
const MIN_WORDS_FOR_OVERLAP = 5;

/** A sentence compared across sets: quotes and dashes straightened, case and spacing ignored. */
function normalized(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function page(overrides: Partial<UnseenPage>): UnseenPage {
  return {
    id: 'unseen-probe',
    outlet: 'probe',
    onStory: true,
    date: '2025-04-18',
    title: 'Probe',
    note: 'probe',
    sentences: [{ paragraph: 0, text: 'Rubio spoke in Paris.', points: ['withdraw-within-days'], touches: [] }],
    ...overrides,
  };
}

describe('the unseen set', () => {
  it('labels only existing gold points and breaks no rule of its schema', () => {
    expect(unseenProblems(pages, known)).toEqual([]);
  });

  it('gives every page sentences, and every on-story page a stated point', () => {
    for (const p of pages) expect(p.sentences.length, p.id).toBeGreaterThan(0);
    for (const p of onStory) expect(p.sentences.some((s) => s.points.length > 0), p.id).toBe(true);
  });

  it('has the shape it was written to: 10–12 pages of coverage dated 18–19 April 2025, 4–5 off-story pages', () => {
    expect(onStory.length).toBeGreaterThanOrEqual(10);
    expect(onStory.length).toBeLessThanOrEqual(12);
    expect(offStory.length).toBeGreaterThanOrEqual(4);
    expect(offStory.length).toBeLessThanOrEqual(5);
    for (const p of onStory) expect(['2025-04-18', '2025-04-19'], p.id).toContain(p.date);
  });

  it('labels sentences as the product splits them: each is one sentence of the rebuilt page, in order', () => {
    for (const p of pages) {
      expect(splitSentences(unseenPageText(p)).map((s) => s.text), p.id).toEqual(p.sentences.map((s) => s.text));
    }
  });

  it('shares no page id and no sentence with the sets the matcher is tuned on', () => {
    const diagnostic = loadDiagnostic(known);
    const tunedIds = new Set([...devset.pages.map((p) => p.id), ...devset.sentences.map((s) => s.id), ...diagnostic.map((p) => p.id)]);
    for (const p of pages) expect(tunedIds.has(p.id), p.id).toBe(false);
    const tunedSentences = new Set(
      [...devset.sentences.map((s) => s.text), ...devset.pages.flatMap((p) => p.sentences.map((s) => s.text)), ...diagnostic.flatMap((p) => p.sentences.map((s) => s.text))].map(normalized),
    );
    const shared = pages
      .flatMap((p) => p.sentences.map((s) => s.text))
      .filter((text) => text.split(/\s+/).length >= MIN_WORDS_FOR_OVERLAP && tunedSentences.has(normalized(text)));
    expect(shared).toEqual([]);
  });
});

describe('unseenProblems', () => {
  it('names a label that is no gold point', () => {
    const bad = page({ sentences: [{ paragraph: 0, text: 'Rubio spoke.', points: ['rubio-spoke'], touches: ['no-such-point'] }] });
    expect(unseenProblems([bad], known)).toEqual([
      'unseen-probe sentence 0: unknown point "rubio-spoke"',
      'unseen-probe sentence 0: unknown point "no-such-point"',
    ]);
  });

  it('refuses a page without sentences, a stated point on an off-story page, and a point both stated and touched', () => {
    expect(unseenProblems([page({ sentences: [] })], known)).toEqual(['unseen-probe: no sentences']);
    expect(unseenProblems([page({ onStory: false })], known)).toEqual(['unseen-probe sentence 0: an off-story page states a point']);
    const both = page({ sentences: [{ paragraph: 0, text: 'x', points: ['move-on'], touches: ['move-on'] }] });
    expect(unseenProblems([both], known)).toEqual(['unseen-probe sentence 0: "move-on" is both stated and touched']);
  });

  it('refuses duplicate ids, a malformed date and a gap in paragraph numbers', () => {
    const gap = page({
      date: '18 April 2025',
      sentences: [
        { paragraph: 0, text: 'One.', points: [], touches: [] },
        { paragraph: 2, text: 'Two.', points: [], touches: [] },
      ],
    });
    expect(unseenProblems([gap, page({})], known)).toEqual([
      'unseen-probe: date "18 April 2025" is not YYYY-MM-DD',
      'unseen-probe sentence 1: paragraph 2 follows paragraph 0',
      'unseen-probe: duplicate page id',
    ]);
  });
});

describe('unseenPageText', () => {
  it('joins a paragraph’s sentences with spaces and paragraphs with a blank line', () => {
    const p = page({
      sentences: [
        { paragraph: 0, text: 'One.', points: [], touches: [] },
        { paragraph: 0, text: 'Two.', points: [], touches: [] },
        { paragraph: 1, text: 'Three.', points: [], touches: [] },
      ],
    });
    expect(unseenPageText(p)).toBe('One. Two.\n\nThree.');
  });
});
