import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { Panel, type PanelProps } from '../../components/Panel';
import type { PanelData } from '../../lib/compare/panel-data';
import {
  corpus,
  errorTab,
  offStoryScan,
  outletOf,
  pendingTab,
  unsupportedTab,
  urlOf,
  vt,
  vtPanel,
  vtResults,
  vtScan,
  BREITBART,
  PAK,
  PARTIALLY,
  VOICE,
  VT,
} from '../fixtures/panel';

function renderPanel(data: PanelData, overrides: Partial<PanelProps> = {}) {
  const props: PanelProps = {
    data,
    highlightsOn: true,
    onToggleHighlights: vi.fn(),
    onRevealSentence: vi.fn(),
    onRetry: vi.fn(),
    onScanSelection: vi.fn(),
    onOpenInTab: vi.fn(),
    ...overrides,
  };
  return { props, ...render(<Panel {...props} />) };
}

/** aria-label, else the text of the element's <label>, else its text. */
function accessibleName(container: Element, e: Element): string {
  const label = e.id === '' ? null : container.querySelector(`label[for="${e.id}"]`);
  return e.getAttribute('aria-label') ?? label?.textContent ?? e.textContent ?? '';
}

/** Open every point's row: the panel opens on its summary, one line per point. */
const openAll = () => fireEvent.click(screen.getByRole('button', { name: 'Open all' }));
const cards = () => screen.getAllByRole('article');
const cardFor = (index: number) => cards().find((c) => c.getAttribute('aria-labelledby') === `px-sentence-${index}`)!;

/** Focusable elements in tab order (the panel uses no positive tabindex, so DOM order). */
function tabOrder(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
    (e) => !e.hasAttribute('disabled') && e.getAttribute('tabindex') !== '-1',
  );
}

describe('Panel with matches (Valuetainment’s article)', () => {
  it('says which page this is and that it is on the story', () => {
    renderPanel(vtPanel);
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('heading', { level: 1 }).textContent).toBe('Parallax');
    expect(banner.textContent).toContain('valuetainment.com');
    expect(banner.textContent).toContain(`On the story · 6 of ${vtScan.sentenceCount} sentences matched`);
  });

  it('lists the matched sentences in page order, each with its point', () => {
    renderPanel(vtPanel);
    openAll();
    const headings = cards().map((c) => within(c).getByRole('heading', { level: 3 }).textContent);
    expect(headings).toEqual(vtResults.map((r) => `Sentence ${r.index + 1} · ${r.matches.length === 1 ? '1 other wording' : `${r.matches.length} other wordings`}`));
    const peskovFree = cardFor(vt.indefinitely.index);
    expect(peskovFree.textContent).toContain(`Point ${corpus.points.find((p) => p.id === vtResults[1]!.pointId)!.label}`);
  });

  it('shows every other outlet’s wording with kind, score and a link that opens a new tab', () => {
    renderPanel(vtPanel);
    openAll();
    const card = cardFor(vt.withdraw.index);
    const wordings = within(card).getAllByRole('listitem').filter((li) => li.classList.contains('px-wording'));
    expect(wordings.map((w) => w.querySelector('.px-wording-head')!.textContent)).toEqual([
      `${outletOf(VOICE)} (opens in a new tab)Reworded86% match`,
      `${outletOf(PAK)} (opens in a new tab)Reworded78% match`,
      `${outletOf(BREITBART)} (no link to this article)Reworded61% match`,
      `${outletOf(PARTIALLY)} (opens in a new tab)Reworded55% match`,
    ]);
    const link = within(card).getByRole('link', { name: `${outletOf(PAK)} (opens in a new tab)` });
    expect(link.getAttribute('href')).toBe(urlOf(PAK));
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    // Breitbart's URL is unknown: its name is not a link.
    expect(within(card).queryByRole('link', { name: new RegExp(outletOf(BREITBART)) })).toBeNull();
    // Each wording is aligned with the page sentence by meaning: "abandon" says what "withdraw
    // from" says, quietly; who acts and how sure it is changed, loudly.
    expect(wordings[1]!.querySelector('ins')!.textContent).toBe('inserted instead: President Donald Trump is prepared to');
    expect(wordings[1]!.querySelector('ins')!.classList.contains('px-loud')).toBe(true);
    const same = [...wordings[1]!.querySelectorAll('.px-same')].map((e) => [e.textContent, e.getAttribute('title')]);
    expect(same).toContainEqual(['abandon', 'This page: withdraw']);
    expect(wordings[1]!.querySelector('.px-diff-summary')!.textContent).toContain('Certainty: may → is prepared to');
  });

  it('shows a sentence on the page when it is clicked', () => {
    const { props } = renderPanel(vtPanel);
    openAll();
    fireEvent.click(screen.getByRole('button', { name: `Show on the page: ${vt.minerals.text}` }));
    expect(props.onRevealSentence).toHaveBeenCalledWith(vt.minerals.index);
  });

  it('sets Rubio’s quote variants side by side under the "weeks and months" sentence', () => {
    renderPanel(vtPanel);
    openAll();
    const card = cardFor(vt.endeavor.index);
    const group = within(card).getByRole('region', { name: 'Quotes of Rubio' });
    expect(within(group).getByRole('heading', { level: 4 }).textContent).toBe('2 ways to quote Rubio');
    const variants = group.querySelectorAll('.px-variant');
    // Breitbart's "endeavour" is the page's wording in British spelling: the same variant.
    expect([...variants].map((v) => v.querySelector('.px-variant-by')!.textContent)).toEqual([
      `Quoted by this page (valuetainment.com) and ${outletOf(BREITBART)}`,
      `Quoted by ${outletOf(PAK)}`,
    ]);
    // Pak Correspondent's wording is aligned with the page's: "drag this out" says what "continue with" says.
    expect(variants[1]!.querySelector('.px-same')!.textContent).toBe('drag');
    expect(variants[1]!.querySelector('.px-same')!.getAttribute('title')).toBe('This page: continue');
  });

  it('draws the coverage grid with the page as a column', () => {
    renderPanel(vtPanel);
    const table = screen.getByRole('table', { name: 'Points of the story by outlet' });
    const heads = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(heads).toEqual([
      'Point',
      'PageThis page (valuetainment.com)',
      `Val${outletOf(VT)}`,
      `PC${outletOf(PAK)}`,
      `PP${outletOf(PARTIALLY)}`,
      `BN${outletOf(BREITBART)}`,
      `TVN${outletOf(VOICE)}`,
    ]);
  });
});

describe('Panel filters', () => {
  it('keeps one outlet’s wordings', () => {
    renderPanel(vtPanel);
    openAll();
    fireEvent.change(screen.getByRole('combobox', { name: 'Outlet' }), { target: { value: VOICE } });
    expect(cards()).toHaveLength(3);
    expect(screen.getByText('Showing 3 of 6 sentences')).toBeTruthy();
    for (const card of cards()) {
      expect(within(card).getAllByRole('link').every((a) => a.textContent!.startsWith(outletOf(VOICE)))).toBe(true);
    }
  });

  it('keeps one kind of match', () => {
    renderPanel(vtPanel);
    openAll();
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'verbatim' } });
    expect(cards()).toHaveLength(1);
    expect(cards()[0]!.textContent).toContain(outletOf(BREITBART));
  });

  it('searches points and wordings, and clears', () => {
    renderPanel(vtPanel);
    openAll();
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.input(search, { target: { value: 'Lavrov' } });
    expect(cards().map((c) => c.getAttribute('aria-labelledby'))).toEqual([`px-sentence-${vt.russiaTalks.index}`]);
    fireEvent.input(search, { target: { value: 'Sumy' } });
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    expect(screen.getByText('No sentence matches these filters.')).toBeTruthy();
    const clears = screen.getAllByRole('button', { name: 'Clear filters' });
    fireEvent.click(clears[clears.length - 1]!);
    openAll();
    expect(cards()).toHaveLength(6);
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('');
  });

  it('sits in a search landmark', () => {
    renderPanel(vtPanel);
    const form = screen.getByRole('search', { name: 'Filter wordings' });
    expect(within(form).getByRole('searchbox')).toBeTruthy();
  });
});

describe('Panel controls', () => {
  it('toggles highlights and reports the new state', () => {
    const { props, rerender } = renderPanel(vtPanel, { highlightsOn: true });
    const toggle = screen.getByRole('button', { name: 'Highlights' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    expect(props.onToggleHighlights).toHaveBeenCalledWith(false);
    rerender(<Panel {...props} highlightsOn={false} />);
    expect(screen.getByRole('button', { name: 'Highlights' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('opens in a tab through a labelled icon button, hidden when already in a tab', () => {
    const { props, unmount } = renderPanel(vtPanel);
    fireEvent.click(screen.getByRole('button', { name: 'Open in a tab' }));
    expect(props.onOpenInTab).toHaveBeenCalledOnce();
    unmount();
    renderPanel(vtPanel, { onOpenInTab: undefined, layout: 'tab' });
    expect(screen.queryByRole('button', { name: 'Open in a tab' })).toBeNull();
  });

  it('is reached by keyboard in reading order: toolbar, filters, then each sentence and its links', () => {
    const { container } = renderPanel(vtPanel);
    const order = tabOrder(container);
    expect(order.slice(0, 7).map((e) => accessibleName(container, e))).toEqual([
      'Highlights',
      'Scan my selection',
      'Open in a tab',
      'Search',
      'Outlet',
      'Kind',
      'Open all',
    ]);
    // Then each point's row, a disclosure button named by the page's sentence.
    const rows = order.slice(7);
    expect(rows.every((e) => e.getAttribute('aria-expanded') === 'false')).toBe(true);
    expect(accessibleName(container, rows[0]!).startsWith(vt.withdraw.text)).toBe(true);
    // Opened, a row leads to its sentence and the other outlets' links.
    fireEvent.click(rows[0]!);
    const opened = tabOrder(container);
    const at = opened.indexOf(rows[0]!);
    expect(opened[at]!.getAttribute('aria-expanded')).toBe('true');
    expect(opened.slice(at + 1, at + 4).map((e) => accessibleName(container, e))).toEqual([
      `Show on the page: ${vt.withdraw.text}`,
      `${outletOf(VOICE)} (opens in a new tab)`,
      `${outletOf(PAK)} (opens in a new tab)`,
    ]);
    // Every control is a real button, link or form field, and each has a name.
    for (const e of order) {
      expect(['A', 'BUTTON', 'INPUT', 'SELECT']).toContain(e.tagName);
      expect(accessibleName(container, e).trim()).not.toBe('');
    }
    rows[0]!.focus();
    expect(document.activeElement).toBe(rows[0]);
  });

  it('has the landmarks and headings a screen reader navigates by', () => {
    renderPanel(vtPanel);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'How other outlets worded it',
      'Who covers what',
    ]);
  });

  it('renders page and corpus text as text, whatever it holds', () => {
    const hostile = 'Rubio said <img src=x onerror="alert(1)"> we’re done.';
    const data: PanelData = {
      ...vtPanel,
      tab: {
        status: 'scanned',
        scan: { ...vtScan, site: '<b>site</b>', sentences: [{ ...vtResults[0]!, text: hostile }] },
      },
    };
    const { container } = renderPanel(data);
    openAll();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>site</b>');
    expect(screen.getByRole('button', { name: `Show on the page: ${hostile}` })).toBeTruthy();
  });

  it('still lists sentences when the corpus overview failed, without quotes or grid, and says what failed', () => {
    const { props } = renderPanel({ ...vtPanel, corpus: null, corpusError: 'The database is locked.' });
    const notice = screen.getByRole('region', { name: 'Parallax could not load its corpus overview' });
    expect(notice.textContent).toContain('The database is locked.');
    expect(notice.textContent).toContain('story summary, point names, quote differences and who covers what are missing');
    fireEvent.click(within(notice).getByRole('button', { name: 'Retry' }));
    expect(props.onRetry).toHaveBeenCalledOnce();
    openAll();
    expect(cards()).toHaveLength(6);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('region', { name: /Quotes of/ })).toBeNull();
  });
});

/** Every element under `root`, in document order. */
const elementsOf = (root: Element) => [...root.querySelectorAll('*')];

/** The fixture corpus with a story summary named from its first point, as the background sends it. */
const [firstPoint] = corpus.points;
const withStory: PanelData = {
  ...vtPanel,
  corpus: {
    ...corpus,
    story: {
      pointId: firstPoint!.id,
      what: firstPoint!.label,
      who: null,
      firstDay: null,
      lastDay: null,
      outlets: firstPoint!.articleIds.length,
      corpusOutlets: corpus.articles.length,
    },
  },
};

describe('Panel when the corpus overview comes after the scan', () => {
  it('waits for it to show the matches, saying so, with the header and its controls already there', () => {
    renderPanel({ ...vtPanel, corpus: null });
    const main = screen.getByRole('main');
    expect(main.getAttribute('aria-busy')).toBe('true');
    expect(within(main).getByRole('status').textContent).toBe('Gathering how other outlets worded it…');
    expect(screen.queryByRole('button', { name: 'Open all' })).toBeNull();
    expect(screen.getByRole('banner').textContent).toContain(`On the story · 6 of ${vtScan.sentenceCount} sentences matched`);
    expect(screen.getByRole('button', { name: 'Highlights' })).toBeTruthy();
  });

  it('moves nothing it already shows when the overview arrives: nothing is inserted before what stays', () => {
    const { container, props, rerender } = renderPanel({ ...vtPanel, corpus: null });
    const before = elementsOf(container);
    const controls = screen.getAllByRole('button');
    rerender(<Panel {...props} data={withStory} />);
    const after = elementsOf(container);
    const stayed = before.filter((e) => e.isConnected);
    const inserted = after.filter((e) => !before.includes(e));
    // An element inserted before one that stays would push it down (happy-dom has no layout: the
    // document order is what decides it).
    const pushing = inserted.filter((n) => stayed.some((s) => (s.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_PRECEDING) !== 0));
    expect(pushing.map((n) => n.outerHTML.slice(0, 60))).toEqual([]);
    // Every control the reader could already aim at is the same element, still there.
    expect(controls.every((c) => c.isConnected && after.includes(c))).toBe(true);
    // The summary and the points came together, and the panel is no longer busy.
    expect(screen.getByRole('region', { name: /^The story/ })).toBeTruthy();
    expect(inserted).toContain(screen.getByRole('button', { name: 'Open all' }));
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false');
  });
});

describe('Panel opened from the page', () => {
  it('opens at the sentence the reader was looking at, its button focused', () => {
    renderPanel(vtPanel, { focusSentence: vt.minerals.index, layout: 'tab', onOpenInTab: undefined });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Show on the page: ${vt.minerals.text}` }));
  });

  it('ignores a sentence that is not listed', () => {
    renderPanel(vtPanel, { focusSentence: 999 });
    expect(document.activeElement).toBe(document.body);
  });

  it('shows a selection lookup above the matches of a page on the story', () => {
    renderPanel({ ...vtPanel, selection: { status: 'done', sentences: [vtResults[3]!] } });
    const section = screen.getByRole('region', { name: 'Your selection' });
    expect(within(section).getByRole('status').textContent).toBe('1 sentence of your selection matches:');
    expect(within(section).getAllByRole('article')).toHaveLength(1);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Your selection',
      'How other outlets worded it',
      'Who covers what',
    ]);
  });
});

describe('Panel states', () => {
  it('shows loading while the page is being read', () => {
    renderPanel({ tab: pendingTab, corpus });
    expect(screen.getByRole('status').textContent).toBe('Reading this page…');
    expect(screen.queryByRole('button', { name: 'Highlights' })).toBeNull();
  });

  it('says why a page cannot be read', () => {
    renderPanel({ tab: unsupportedTab, corpus });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Parallax can’t read this page');
    const main = screen.getByRole('main');
    expect(main.textContent).toContain('chrome://extensions');
    expect(main.textContent).toContain('the built-in PDF viewer');
    expect(main.textContent).toContain('extension store');
    expect(main.textContent).toContain('already open when Parallax was installed or updated is read once you reload it');
  });

  it('says when the reader withdrew its access to pages, without blaming the page, and offers to ask for it again', () => {
    const onGrantAccess = vi.fn();
    renderPanel({ tab: { status: 'no-access' }, corpus }, { onGrantAccess });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Parallax may not read web pages');
    expect(screen.getByRole('main').textContent).not.toContain('can’t read this page');
    fireEvent.click(screen.getByRole('button', { name: 'Allow Parallax to read pages' }));
    expect(onGrantAccess).toHaveBeenCalledOnce();
  });

  it('offers to scan the selection on an off-story page', () => {
    const { props } = renderPanel({ tab: { status: 'scanned', scan: offStoryScan }, corpus });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('This page isn’t about the story');
    expect(screen.getByRole('banner').textContent).toContain('Not about the story');
    fireEvent.click(screen.getByRole('button', { name: 'Scan my selection' }));
    expect(props.onScanSelection).toHaveBeenCalledOnce();
  });

  it('shows the selection lookup under way, failed, empty, and found', () => {
    const tab = { status: 'scanned' as const, scan: offStoryScan };
    const { props, rerender } = renderPanel({ tab, corpus, selection: { status: 'pending' } });
    expect(screen.getByRole('status').textContent).toBe('Looking up your selection…');
    expect(screen.getByRole('button', { name: 'Scan my selection' }).hasAttribute('disabled')).toBe(true);

    rerender(<Panel {...props} data={{ tab, corpus, selection: { status: 'error', message: 'Select some text on the page first.' } }} />);
    expect(screen.getByRole('alert').textContent).toBe('Select some text on the page first.');

    rerender(<Panel {...props} data={{ tab, corpus, selection: { status: 'done', sentences: [] } }} />);
    expect(screen.getByRole('status').textContent).toBe('Nothing in your selection matches another outlet’s wording.');

    rerender(<Panel {...props} data={{ tab, corpus, selection: { status: 'done', sentences: [vtResults[3]!] } }} />);
    expect(screen.getByRole('status').textContent).toBe('1 sentence of your selection matches:');
    expect(cards()).toHaveLength(1);
    // A selection is not a sentence of the page's list: nothing to scroll to.
    expect(screen.queryByRole('button', { name: /^Show on the page/ })).toBeNull();
    expect(cards()[0]!.textContent).toContain(outletOf(BREITBART));
  });

  it('says so when an on-story page has no matching sentence', () => {
    const { rerender, props } = renderPanel({ tab: { status: 'scanned', scan: { ...vtScan, sentences: [] } }, corpus });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('No matching sentences');
    expect(screen.getByRole('main').textContent).toContain(`none of its ${vtScan.sentenceCount} sentences`);
    // On the story by its title alone, with no article text read.
    rerender(<Panel {...props} data={{ tab: { status: 'scanned', scan: { ...vtScan, sentences: [], sentenceCount: 0 } }, corpus }} />);
    expect(screen.getByRole('main').textContent).toContain('Parallax found no article text on it to compare.');
  });

  it('does not count sentences on an off-story page it sent none of', () => {
    renderPanel({ tab: { status: 'scanned', scan: { ...offStoryScan, sentenceCount: 0 } }, corpus });
    expect(screen.getByRole('main').textContent).toContain(
      'Nothing Parallax read on example.org looks like coverage of the story it follows.',
    );
  });

  it('gives the true reason when no article was read, not "isn’t about the story"', () => {
    const unread = { why: 'no-article' as const, reason: 'index-page' as const, detail: '24 of 26 blocks are links' };
    renderPanel({ tab: { status: 'scanned', scan: { ...offStoryScan, sentenceCount: 0, unread } }, corpus });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Parallax found no article on this page');
    expect(screen.getByRole('banner').textContent).toContain('No article found');
    expect(screen.getByRole('main').textContent).toContain('a list of links to other stories');
    expect(document.body.textContent).not.toMatch(/about the story/u);
    // Selecting a passage still works there.
    expect(screen.getByRole('button', { name: 'Scan my selection' })).toBeTruthy();
  });

  it('says the page names nothing of the story when the gate read nothing', () => {
    renderPanel({ tab: { status: 'scanned', scan: { ...offStoryScan, sentenceCount: 0, unread: { why: 'no-story-words' } } }, corpus });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('This page isn’t about the story');
    expect(screen.getByRole('main').textContent).toContain('Nothing on example.org names the story’s people, places or events');
  });

  it('after a selection matched, speaks of the selection only', () => {
    const tab = { status: 'scanned' as const, scan: offStoryScan };
    renderPanel({ tab, corpus, selection: { status: 'done', sentences: [vtResults[3]!, vtResults[1]!] } });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Your selection');
    expect(screen.getByRole('main').textContent).toContain('2 sentences of your selection match');
    expect(screen.getByRole('main').textContent).not.toMatch(/isn’t about the story/u);
  });

  it('keeps "Scan my selection" at hand on a page with matches and on one without', () => {
    const { props, rerender } = renderPanel({ tab: { status: 'scanned', scan: vtScan }, corpus });
    fireEvent.click(screen.getByRole('button', { name: 'Scan my selection' }));
    expect(props.onScanSelection).toHaveBeenCalledOnce();
    rerender(<Panel {...props} data={{ tab: { status: 'scanned', scan: { ...vtScan, sentences: [] } }, corpus }} />);
    expect(screen.getByRole('button', { name: 'Scan my selection' })).toBeTruthy();
    // Its result shows under "Your selection".
    rerender(<Panel {...props} data={{ tab: { status: 'scanned', scan: vtScan }, corpus, selection: { status: 'done', sentences: [vtResults[3]!] } }} />);
    expect(screen.getByRole('heading', { name: 'Your selection' })).toBeTruthy();
  });

  it('shows an error with a retry', () => {
    const { props } = renderPanel({ tab: errorTab, corpus });
    expect(screen.getByRole('main').textContent).toContain('IndexedDB is unavailable');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(props.onRetry).toHaveBeenCalledOnce();
  });
});
