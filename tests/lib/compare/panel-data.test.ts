import { describe, expect, it } from 'vitest';
import { corpusOverview, NOT_RUNNING_REASON, panelView, tabStateForPanel } from '../../../lib/compare/panel-data';
import type { Corpus } from '../../../lib/types';
import { corpus, errorTab, offStoryScan, pendingTab, quotedSentences, unsupportedTab, vtScan } from '../../fixtures/panel';

describe('panelView', () => {
  it('picks one view per tab state', () => {
    expect(panelView(pendingTab)).toEqual({ kind: 'loading' });
    expect(panelView(unsupportedTab)).toEqual({ kind: 'unsupported', reason: (unsupportedTab as { reason: string }).reason });
    expect(panelView(errorTab)).toEqual({ kind: 'error', message: (errorTab as { message: string }).message });
    expect(panelView({ status: 'scanned', scan: offStoryScan }).kind).toBe('off-story');
    expect(panelView({ status: 'scanned', scan: vtScan }).kind).toBe('matches');
    expect(panelView({ status: 'scanned', scan: { ...vtScan, sentences: [] } }).kind).toBe('no-matches');
  });

  it('calls a page off the story even if a sentence matched', () => {
    expect(panelView({ status: 'scanned', scan: { ...vtScan, onStory: false } }).kind).toBe('off-story');
  });

  it('holds a page’s matches until the corpus overview has loaded or failed, and only them', () => {
    expect(panelView({ status: 'scanned', scan: vtScan }, false)).toEqual({ kind: 'loading', scan: vtScan });
    expect(panelView({ status: 'scanned', scan: { ...vtScan, sentences: [] } }, false).kind).toBe('no-matches');
    expect(panelView({ status: 'scanned', scan: offStoryScan }, false).kind).toBe('off-story');
    expect(panelView(errorTab, false).kind).toBe('error');
  });
});

describe('corpusOverview', () => {
  it('keeps what the panel shows and drops texts, tokens and quote-less sentences', () => {
    const full: Corpus = {
      version: 'test',
      articles: corpus.articles.map((a) => ({ ...a, origin: 'seed', date: '2025-04-18', file: `${a.id}.txt`, text: 'the whole article' })),
      points: corpus.points.map((p) => ({ ...p, sentenceIds: [] })),
      sentences: [
        ...quotedSentences.map((s, i) => ({ ...s, index: i, start: 0, end: s.text.length, role: 'body' as const, tokens: ['t'] })),
        { id: 'x:0', articleId: corpus.articles[0]!.id, index: 0, start: 0, end: 5, text: 'Plain', role: 'body', tokens: ['plain'], quotes: [] },
      ],
    };
    const overview = corpusOverview(full);
    const { story, articles, ...rest } = overview;
    expect({ ...rest, articles: articles.map(({ date: _date, ...a }) => a) }).toEqual(corpus);
    // Each article's day, and the story named from the points: what the panel's first lines say.
    expect(articles.every((a) => a.date === '2025-04-18')).toBe(true);
    expect(story).toMatchObject({ firstDay: '2025-04-18', lastDay: '2025-04-18', corpusOutlets: corpus.articles.length });
    expect(JSON.stringify(overview)).not.toContain('the whole article');
  });
});

describe('tabStateForPanel', () => {
  const scanned = { status: 'scanned' as const, scan: vtScan };
  const away = { contentScriptAnswers: false, loading: false };

  it('keeps the background’s scan and error whatever the tab answers', () => {
    expect(tabStateForPanel(scanned, away)).toBe(scanned);
    expect(tabStateForPanel(errorTab, { contentScriptAnswers: true, loading: true })).toBe(errorTab);
  });

  it('shows loading while the page loads or its content script is reading it, even if the background gave up on it', () => {
    // Without the "tabs" permission the background sees no URL and calls every unscanned tab unreadable.
    for (const state of [pendingTab, unsupportedTab]) {
      expect(tabStateForPanel(state, { contentScriptAnswers: true, loading: false })).toEqual({ status: 'pending' });
      expect(tabStateForPanel(state, { contentScriptAnswers: false, loading: true })).toEqual({ status: 'pending' });
    }
  });

  it('says access to pages was withdrawn whatever the tab answers: no page is read until it is given back', () => {
    const noAccess = { status: 'no-access' } as const;
    expect(tabStateForPanel(noAccess, away)).toBe(noAccess);
    expect(tabStateForPanel(noAccess, { contentScriptAnswers: false, loading: true })).toBe(noAccess);
    expect(panelView(noAccess)).toEqual({ kind: 'no-access' });
  });

  it('calls a loaded tab without Parallax in it unreadable, with the background’s reason when it has one', () => {
    expect(tabStateForPanel(unsupportedTab, away)).toBe(unsupportedTab);
    expect(tabStateForPanel(pendingTab, away)).toEqual({ status: 'unsupported', reason: NOT_RUNNING_REASON });
  });
});
