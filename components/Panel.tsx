/**
 * The panel for one tab, as the popup and the full-tab view show it. It takes everything through
 * props (PanelData from lib/compare/panel-data.ts) and reports what the reader does through
 * callbacks; it never talks to the browser or the background itself.
 */
import '../assets/panel.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { coverageGrid } from '../lib/compare/coverage';
import { filterSentences, hasFilters, NO_FILTERS, outletOptions, WordingSearch, type PanelFilters } from '../lib/compare/filter';
import { panelView, type CorpusOverview, type PanelData, type SelectionLookup } from '../lib/compare/panel-data';
import { isNotableQuoteGroup, quoteGroupsForSentence, quotedSpeakers, type QuoteGroup } from '../lib/compare/quotes';
import type { TabScan } from '../lib/protocol';
import type { Quote, SentenceResult } from '../lib/types';
import { CoverageGrid } from './CoverageGrid';
import { Filters } from './Filters';
import { ErrorState, LoadingState, NoAccessState, NoMatchesState, OffStoryState, ScanSelectionButton, SelectionLookupView, UnsupportedState, unreadExplanation } from './PanelStates';
import { ScanOffState } from './ScanOffState';
import { PointList } from './PointList';
import { SentenceCard } from './SentenceCard';
import { SettingsButton } from './SettingsButton';
import { StorySummary } from './StorySummary';

export interface PanelProps {
  data: PanelData;
  /** Whether the page's matched sentences are highlighted. */
  highlightsOn: boolean;
  onToggleHighlights: (on: boolean) => void;
  /** Scroll the page to its sentence `index` and flash the highlight. */
  onRevealSentence: (index: number) => void;
  /** Ask the background for the tab's state again (after an error). */
  onRetry: () => void;
  /** Look up the page's current selection (off-story pages). */
  onScanSelection: () => void;
  /** Open this panel in a tab of its own; leave out where the panel already is one. */
  onOpenInTab?: () => void;
  /** Open Parallax's settings page (the reader's own articles, scanning, the database). */
  onOpenSettings?: () => void;
  /** Delete and rebuild Parallax's database; offered in the error view when the error is a database problem. */
  onRebuildDatabase?: () => void;
  /** Ask the browser to give back Parallax's access to web pages; offered when the reader took it away. */
  onGrantAccess?: () => void;
  /** 'popup' fixes the width at 400 px; 'tab' lets the panel grow to a reading width. */
  layout?: 'popup' | 'tab';
  /**
   * Open at this page sentence: its card scrolled to the top and its button focused (the page's
   * card opens the panel this way, at the sentence the reader was looking at).
   */
  focusSentence?: number;
}

interface Page {
  site: string;
  url: string;
}

/**
 * The notable quote groups of each sentence, by index. They depend on the sentence and all its
 * matches, not on the filters: computed once a scan.
 */
function notableQuoteGroups(
  sentences: readonly SentenceResult[],
  corpus: CorpusOverview | null,
  page: Page,
  pageQuotes: Readonly<Record<number, readonly Quote[]>> | undefined,
): Map<number, QuoteGroup[]> {
  const byIndex = new Map<number, QuoteGroup[]>();
  if (corpus === null) return byIndex;
  // Variants are shown only for speakers the page itself quotes (in any of its matched sentences).
  const speakers = pageQuotes === undefined ? undefined : quotedSpeakers(Object.values(pageQuotes));
  for (const sentence of sentences) {
    const quotes: readonly Quote[] | undefined = pageQuotes?.[sentence.index];
    byIndex.set(sentence.index, quoteGroupsForSentence(sentence, page, quotes, corpus, speakers).filter(isNotableQuoteGroup));
  }
  return byIndex;
}

function SentenceList({
  sentences,
  allSentences,
  corpus,
  page,
  pageQuotes,
  onReveal,
}: {
  /** The sentences to list, with the matches that pass the filters. */
  sentences: readonly { sentence: SentenceResult; matches: SentenceResult['matches'] }[];
  /** Every matched sentence, unfiltered: quote variants compare all of a sentence's matches. */
  allSentences: readonly SentenceResult[];
  corpus: CorpusOverview | null;
  page: Page;
  /**
   * The page's quotes by sentence index (TabScan.pageQuotes). Absent for a selection: the page
   * then takes no part in quote comparison, since the panel cannot tell its quoted words from its own.
   */
  pageQuotes: Readonly<Record<number, readonly Quote[]>> | undefined;
  onReveal?: (index: number) => void;
}) {
  const labels = useMemo(() => new Map((corpus?.points ?? []).map((p) => [p.id, p.label])), [corpus]);
  const groupsByIndex = useMemo(() => notableQuoteGroups(allSentences, corpus, page, pageQuotes), [allSentences, corpus, page, pageQuotes]);
  return (
    <ol class="px-cards">
      {sentences.map(({ sentence, matches }) => {
        const groups = groupsByIndex.get(sentence.index) ?? [];
        return (
          <li key={sentence.index}>
            <SentenceCard
              sentence={sentence}
              matches={matches}
              pointLabel={sentence.pointId === null ? null : (labels.get(sentence.pointId) ?? null)}
              quoteGroups={groups}
              onReveal={onReveal}
            />
          </li>
        );
      })}
    </ol>
  );
}

function Matches({
  scan,
  data,
  onRevealSentence,
  onRetry,
  focusSentence,
}: {
  scan: TabScan;
  data: PanelData;
  onRevealSentence: (index: number) => void;
  onRetry: () => void;
  focusSentence: number | undefined;
}) {
  const [filters, setFilters] = useState<PanelFilters>(NO_FILTERS);
  const list = useRef<HTMLElement>(null);
  // Once, when the list first shows: the sentence the panel was opened at.
  useEffect(() => {
    if (focusSentence === undefined) return;
    const heading = list.current?.querySelector(`#px-sentence-${focusSentence}`);
    const card = heading?.closest('article');
    card?.scrollIntoView({ block: 'start' });
    card?.querySelector<HTMLElement>('.px-page-sentence')?.focus({ preventScroll: true });
  }, []);
  const { corpus } = data;
  const search = useMemo(
    () => new WordingSearch(scan.sentences, new Map((corpus?.points ?? []).map((p) => [p.id, p.label]))),
    [scan.sentences, corpus],
  );
  const outlets = useMemo(() => outletOptions(scan.sentences), [scan.sentences]);
  const listed = useMemo(() => filterSentences(scan.sentences, filters, search), [scan.sentences, filters, search]);
  const grid = useMemo(() => (corpus === null ? null : coverageGrid(corpus, scan)), [corpus, scan]);
  const labels = useMemo(() => new Map((corpus?.points ?? []).map((p) => [p.id, p.label])), [corpus]);
  const corpusQuotes = useMemo(() => new Map((corpus?.sentences ?? []).map((s) => [s.id, s.quotes])), [corpus]);
  const quoteGroups = useMemo(() => notableQuoteGroups(scan.sentences, corpus, scan, scan.pageQuotes), [scan, corpus]);
  const total = scan.sentences.length;

  return (
    <>
      {corpus?.story != null && <StorySummary story={corpus.story} />}
      {data.corpusError !== undefined && <CorpusErrorNotice message={data.corpusError} onRetry={onRetry} />}
      <section class="px-section" aria-labelledby="px-matches-title" ref={list}>
        <h2 id="px-matches-title" class="px-section-title">
          How other outlets worded it
        </h2>
        <Filters outlets={outlets} value={filters} onChange={setFilters} />
        <p class="px-count" role="status">
          {hasFilters(filters) ? `Showing ${listed.length} of ${total} sentences` : `${total} matched sentences`}
        </p>
        <p class="px-legend-inline" aria-hidden="true">
          <ins class="px-ins px-loud">claim changed</ins> <ins class="px-ins">other outlet only</ins>{' '}
          <del class="px-del">this page only</del> <span class="px-same">same meaning</span>
        </p>
        {listed.length === 0 ? (
          <div class="px-empty">
            <p>No sentence matches these filters.</p>
            <button type="button" class="px-button" onClick={() => setFilters(NO_FILTERS)}>
              Clear filters
            </button>
          </div>
        ) : (
          <PointList
            listed={listed}
            pageQuotes={scan.pageQuotes}
            corpusQuotes={corpusQuotes}
            labels={labels}
            quoteGroups={quoteGroups}
            onReveal={onRevealSentence}
            focusSentence={focusSentence}
          />
        )}
      </section>
      {grid !== null && (
        <section class="px-section" aria-labelledby="px-coverage-title">
          <h2 id="px-coverage-title" class="px-section-title">
            Who covers what
          </h2>
          <CoverageGrid grid={grid} />
        </section>
      )}
    </>
  );
}

/**
 * In the story summary's place when the corpus overview failed: the page's rows still show, and
 * the reader is told what is missing from them and why.
 */
function CorpusErrorNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <section class="px-story" data-tone="error" aria-labelledby="px-corpus-error-title">
      <h2 id="px-corpus-error-title" class="px-story-title px-error-text">
        Parallax could not load its corpus overview
      </h2>
      <p class="px-error-text">{message}</p>
      <p class="px-story-meta">The story summary, point names, quote differences and who covers what are missing below.</p>
      <button type="button" class="px-button px-button-quiet" onClick={onRetry}>
        Retry
      </button>
    </section>
  );
}

/** An arrow leaving a box; drawn, not a font glyph, so it shows whatever fonts the system has. */
function OpenInTabIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">
      <path d="M9 2.5h4.5V7" />
      <path d="M13.5 2.5 7.5 8.5" />
      <path d="M12 9.5v3a1 1 0 0 1-1 1H3.5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3" />
    </svg>
  );
}

function StoryStatus({ scan }: { scan: TabScan }) {
  if (!scan.onStory) return <p class="px-status" data-on-story="false">{unreadExplanation(scan)?.status ?? 'Not about the story'}</p>;
  const matched = scan.sentences.length;
  return (
    <p class="px-status" data-on-story="true">
      On the story · {matched} of {scan.sentenceCount} sentences matched
    </p>
  );
}

export function Panel({
  data,
  highlightsOn,
  onToggleHighlights,
  onRevealSentence,
  onRetry,
  onScanSelection,
  onOpenInTab,
  onOpenSettings,
  onRebuildDatabase,
  onGrantAccess,
  layout = 'popup',
  focusSentence,
}: PanelProps) {
  // The header's controls follow what the page is; the main view waits for the corpus overview
  // when the page has matches (panelView), so that it renders whole, once.
  const pageView = panelView(data.tab);
  const view = panelView(data.tab, data.corpus !== null || data.corpusError !== undefined);
  const scan = 'scan' in pageView ? (pageView.scan ?? null) : null;
  const renderSelection = (lookup: Extract<SelectionLookup, { status: 'done' }>, page: Page) => (
    <SentenceList
      sentences={lookup.sentences.map((sentence) => ({ sentence, matches: sentence.matches }))}
      allSentences={lookup.sentences}
      corpus={data.corpus}
      page={page}
      pageQuotes={undefined}
    />
  );

  return (
    <div class="px-panel" data-layout={layout}>
      <header class="px-header">
        <div class="px-header-main">
          <h1 class="px-title">Parallax</h1>
          {scan !== null && (
            <p class="px-site">
              <span class="px-vh">Page: </span>
              {scan.site}
            </p>
          )}
        </div>
        <div class="px-toolbar">
          {pageView.kind === 'matches' && (
            <button
              type="button"
              class="px-toggle"
              aria-pressed={highlightsOn}
              onClick={() => onToggleHighlights(!highlightsOn)}
            >
              <span class="px-toggle-track" aria-hidden="true" />
              Highlights
            </button>
          )}
          {/* Always at hand where the page was read; the off-story view has its own, larger one. */}
          {(pageView.kind === 'matches' || pageView.kind === 'no-matches') && (
            <ScanSelectionButton selection={data.selection} onScanSelection={onScanSelection} quiet />
          )}
          {onOpenInTab !== undefined && (
            <button type="button" class="px-icon-button" aria-label="Open in a tab" title="Open in a tab" onClick={onOpenInTab}>
              <OpenInTabIcon />
            </button>
          )}
        </div>
        {scan !== null && <StoryStatus scan={scan} />}
      </header>
      <main class="px-main" aria-busy={view.kind === 'loading'}>
        {view.kind === 'loading' && <LoadingState what={view.scan === undefined ? 'page' : 'matches'} />}
        {view.kind === 'unsupported' && <UnsupportedState reason={view.reason} />}
        {view.kind === 'no-access' && <NoAccessState onGrantAccess={onGrantAccess} />}
        {view.kind === 'error' && <ErrorState message={view.message} onRetry={onRetry} onRebuildDatabase={onRebuildDatabase} />}
        {view.kind === 'scan-off' && (
          <ScanOffState
            reason={view.reason}
            selection={data.selection}
            onScanSelection={onScanSelection}
            onOpenSettings={onOpenSettings}
            renderSelection={(lookup) => renderSelection(lookup, view.page)}
          />
        )}
        {view.kind === 'off-story' && (
          <OffStoryState
            scan={view.scan}
            selection={data.selection}
            onScanSelection={onScanSelection}
            renderSelection={(lookup) => renderSelection(lookup, view.scan)}
          />
        )}
        {/* A selection looked up on a page on the story (the page's card opened the panel on it). */}
        {scan !== null && view.kind !== 'off-story' && data.selection !== undefined && (
          <section class="px-section" aria-labelledby="px-selection-title">
            <h2 id="px-selection-title" class="px-section-title">
              Your selection
            </h2>
            <SelectionLookupView selection={data.selection} renderSelection={(lookup) => renderSelection(lookup, scan)} />
          </section>
        )}
        {view.kind === 'no-matches' && <NoMatchesState scan={view.scan} />}
        {view.kind === 'matches' && (
          <Matches scan={view.scan} data={data} onRevealSentence={onRevealSentence} onRetry={onRetry} focusSentence={focusSentence} />
        )}
      </main>
      {/* Last in reading order: the panel is about the page; the settings are an aside. */}
      {onOpenSettings !== undefined && (
        <footer class="px-footer">
          <SettingsButton onOpen={onOpenSettings} />
        </footer>
      )}
    </div>
  );
}
