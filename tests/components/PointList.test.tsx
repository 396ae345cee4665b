// The panel's summary first: the story named from the corpus, then one row per point of the page
// with the outlets that state it and its loudest difference; a row opens to the wordings. The
// wordings here are written for the test, with known choices of certainty.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { Panel } from '../../components/Panel';
import { corpusOverview, type PanelData } from '../../lib/compare/panel-data';
import type { Article, Match, Point, Sentence, SentenceResult } from '../../lib/types';

const OUTLETS = { a: 'Harbour Gazette', b: 'Valley Courier', c: 'Metro Wire' } as const;
type OutletId = keyof typeof OUTLETS;

/** The same point as each outlet words it: who hedges ("could") and who does not ("will", "is prepared to"). */
const STRIKE: Record<OutletId, string> = {
  a: 'The dockworkers’ union could call off the strike within days, its leader Mara Quinn said on Monday.',
  b: 'The dockworkers’ union will call off the strike within days, its leader Mara Quinn said on Monday.',
  c: 'The dockworkers’ union is prepared to call off the strike within days, its leader Mara Quinn said on Monday.',
};
const SHIPS: Record<OutletId, string> = {
  a: 'Forty ships are waiting outside the port.',
  b: 'Forty ships are waiting outside the port.',
  c: 'Forty ships were waiting outside the port on Monday.',
};
const PAGE_STRIKE = 'The dockworkers’ union may call off the strike within days, its leader Mara Quinn said on Monday.';
const PAGE_SHIPS = 'Forty ships are waiting outside the port.';

const ids = Object.keys(OUTLETS) as OutletId[];
const articles: Article[] = ids.map((id, i) => ({
  id,
  origin: 'seed',
  outlet: OUTLETS[id],
  title: `Port strike, ${OUTLETS[id]}`,
  url: `https://${id}.example/port-strike`,
  date: `2024-06-0${2 + Math.min(i, 1)}`,
  file: null,
  text: `${STRIKE[id]}\n\n${SHIPS[id]}`,
}));
const sentences: Sentence[] = ids.flatMap((id) =>
  [STRIKE[id], SHIPS[id]].map((text, index) => ({ id: `${id}:${index}`, articleId: id, index, text, start: 0, end: text.length, role: 'body' as const, tokens: [], quotes: [] })),
);
const points: Point[] = [
  { id: 'strike', label: STRIKE.a, sentenceIds: ids.map((id) => `${id}:0`), articleIds: [...ids], missingArticleIds: [] },
  { id: 'ships', label: SHIPS.a, sentenceIds: ids.map((id) => `${id}:1`), articleIds: [...ids], missingArticleIds: [] },
];

function matches(pointId: string, index: number, texts: Record<OutletId, string>): Match[] {
  return ids.map((id) => ({
    sentenceId: `${id}:${index}`,
    articleId: id,
    outlet: OUTLETS[id],
    file: null,
    url: `https://${id}.example/port-strike`,
    text: texts[id],
    score: 0.8,
    kind: 'reworded',
    pointId,
  }));
}

const results: SentenceResult[] = [
  { index: 0, text: PAGE_STRIKE, pointId: 'strike', matches: matches('strike', 0, STRIKE), contrast: 'mixed' },
  { index: 3, text: PAGE_SHIPS, pointId: 'ships', matches: matches('ships', 1, SHIPS), contrast: 'alike' },
];

const data: PanelData = {
  tab: {
    status: 'scanned',
    scan: {
      onStory: true,
      storyScore: 0.9,
      sentences: results,
      url: 'https://port-news.example/strike',
      title: 'Strike may end',
      site: 'port-news.example',
      sentenceCount: 8,
      scannedAt: 0,
      pageQuotes: {},
    },
  },
  corpus: corpusOverview({ articles, points, sentences }),
};

function renderPanel() {
  return render(
    <Panel data={data} highlightsOn onToggleHighlights={vi.fn()} onRevealSentence={vi.fn()} onRetry={vi.fn()} onScanSelection={vi.fn()} />,
  );
}

describe('Panel, summary first', () => {
  it('names the story in its first lines: who, what and when, from the corpus', () => {
    renderPanel();
    const story = screen.getByRole('region', { name: /^The story/u });
    expect(within(story).getByRole('heading', { level: 2 }).textContent).toBe('The story: Mara Quinn, 2–3 June 2024');
    expect(story.textContent).toContain(STRIKE.a);
    expect(story.textContent).toContain('3 of 3 outlets report it');
    // It comes before the points.
    const main = screen.getByRole('main');
    expect(main.firstElementChild).toBe(story);
  });

  it('shows on the core point’s line which outlets hedge ("may", "could") and which do not ("will", "is prepared to")', () => {
    renderPanel();
    const rows = screen.getAllByRole('button', { expanded: false }).filter((b) => b.classList.contains('px-row-toggle'));
    expect(rows).toHaveLength(2);
    const core = rows[0]!;
    expect(core.querySelector('.px-row-sentence')!.textContent).toBe(PAGE_STRIKE);
    expect(core.querySelector('.px-row-outlets')!.textContent).toBe('3 other outlets: Harbour Gazette, Valley Courier, Metro Wire');
    expect(core.querySelector('.px-row-loud')!.textContent).toBe(
      'Certainty: hedged (may, could): this page, Harbour Gazette · firm (will, is prepared to): Valley Courier, Metro Wire',
    );
    // Every outlet makes the same claim about the ships ("were waiting … on Monday" changes no aspect).
    expect(rows[1]!.querySelector('.px-row-sentence')!.textContent).toBe(PAGE_SHIPS);
    expect(rows[1]!.querySelector('.px-row-same')!.textContent).toBe('Same claim in every outlet');
    expect(rows[1]!.closest('li')!.getAttribute('data-contrast')).toBe('alike');
  });

  it('opens a point to its lines across the outlets and its aligned wordings, and closes it again', () => {
    renderPanel();
    const core = screen.getAllByRole('button', { expanded: false }).find((b) => b.classList.contains('px-row-toggle'))!;
    expect(core.tagName).toBe('BUTTON');
    const body = document.getElementById(core.getAttribute('aria-controls')!)!;
    expect(body.hidden).toBe(true);
    expect(screen.queryAllByRole('article')).toHaveLength(0);

    fireEvent.click(core);
    expect(core.getAttribute('aria-expanded')).toBe('true');
    expect(body.hidden).toBe(false);
    const lines = within(body).getByRole('region', { name: 'How the outlets differ' });
    expect(lines.textContent).toContain('Certainty: hedged (may, could)');
    const card = within(body).getByRole('article');
    const wordings = card.querySelectorAll('li.px-wording');
    expect(wordings).toHaveLength(3);
    // Valley Courier's "will" against the page's "may": a change of certainty, marked loudly.
    const courier = [...wordings].find((w) => w.textContent!.includes('Valley Courier'))!;
    expect(courier.querySelector('ins.px-loud')!.textContent).toBe('inserted instead: will');

    fireEvent.click(core);
    expect(core.getAttribute('aria-expanded')).toBe('false');
    expect(body.hidden).toBe(true);
  });
});
