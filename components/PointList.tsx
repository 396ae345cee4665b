/**
 * Summary first: the page's points in page order, one row each, saying which outlets state the
 * point and its loudest difference ("Certainty: hedged (may, could): this page, … · firm (will):
 * …"). Each row is a disclosure button (aria-expanded) that opens the point's lines across the
 * outlets and each page sentence's card with every wording aligned and marked.
 */
import { useMemo, useState } from 'preact/hooks';
import { CLAIM_ASPECT_LABELS } from '../lib/compare/claims';
import type { ListedSentence } from '../lib/compare/filter';
import { describeLine, loudestLine, shortOutletName, type AspectLine } from '../lib/compare/outlet-lines';
import { pointRows, type PointRow } from '../lib/compare/point-rows';
import type { QuoteGroup } from '../lib/compare/quotes';
import type { Quote } from '../lib/types';
import { SentenceCard } from './SentenceCard';

export interface PointListProps {
  /** The listed sentences (after filters), in page order. */
  listed: readonly ListedSentence[];
  /** The page's quotes by sentence index (TabScan.pageQuotes). */
  pageQuotes: Readonly<Record<number, readonly Quote[]>> | undefined;
  /** Quotes of corpus sentences by id. */
  corpusQuotes: ReadonlyMap<string, readonly Quote[]>;
  /** Point labels by id. */
  labels: ReadonlyMap<string, string>;
  /** Notable quote groups by page sentence index. */
  quoteGroups: ReadonlyMap<number, readonly QuoteGroup[]>;
  onReveal: (index: number) => void;
  /** A page sentence whose row opens at first (the page's card opened the panel at it). */
  focusSentence?: number;
}

function Line({ line }: { line: AspectLine }) {
  return (
    <p class={line.quiet ? 'px-line px-line-quiet' : 'px-line'} data-aspect={line.aspect}>
      <span class="px-line-aspect">{CLAIM_ASPECT_LABELS[line.aspect]}:</span> {describeLine(line)}
    </p>
  );
}

function Row({ row, open, onToggle, props }: { row: PointRow; open: boolean; onToggle: () => void; props: PointListProps }) {
  const [first] = row.sentences;
  const id = `px-row-${row.key.replace(/[^\w-]/gu, '-')}`;
  const loudest = loudestLine(row.lines);
  const stated = row.outlets.length === 1 ? '1 other outlet' : `${row.outlets.length} other outlets`;
  return (
    <li class="px-row" data-contrast={row.contrast ?? 'mixed'}>
      <h3 class="px-row-heading">
        <button type="button" class="px-row-toggle" aria-expanded={open} aria-controls={id} onClick={onToggle}>
          <span class="px-row-sentence">{first!.sentence.text}</span>
          <span class="px-row-outlets">
            {stated}: {row.outlets.map(shortOutletName).join(', ')}
          </span>
          {loudest === undefined ? (
            <span class="px-row-same">Same claim in every outlet</span>
          ) : (
            <span class="px-row-loud" data-aspect={loudest.aspect}>
              <span class="px-line-aspect">{CLAIM_ASPECT_LABELS[loudest.aspect]}:</span> {describeLine(loudest)}
            </span>
          )}
        </button>
      </h3>
      <div id={id} class="px-row-body" hidden={!open}>
        {open && (
          <>
            {row.lines.length > 0 && (
              <section class="px-lines" aria-label="How the outlets differ">
                {row.lines.map((line) => (
                  <Line key={line.aspect} line={line} />
                ))}
              </section>
            )}
            <ol class="px-cards">
              {row.sentences.map(({ sentence, matches }) => (
                <li key={sentence.index}>
                  <SentenceCard
                    sentence={sentence}
                    matches={matches}
                    pointLabel={sentence.pointId === null ? null : (props.labels.get(sentence.pointId) ?? null)}
                    quoteGroups={props.quoteGroups.get(sentence.index) ?? []}
                    onReveal={props.onReveal}
                    pageQuotes={props.pageQuotes?.[sentence.index] ?? null}
                    matchQuotes={props.corpusQuotes}
                  />
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </li>
  );
}

export function PointList(props: PointListProps) {
  const { listed, pageQuotes, corpusQuotes, focusSentence } = props;
  const rows = useMemo(() => pointRows(listed, pageQuotes, corpusQuotes), [listed, pageQuotes, corpusQuotes]);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => {
    const at = rows.find((r) => r.sentences.some((s) => s.sentence.index === focusSentence));
    return new Set(at === undefined ? [] : [at.key]);
  });
  const allOpen = rows.length > 0 && rows.every((r) => open.has(r.key));
  const toggle = (key: string) =>
    setOpen((before) => {
      const next = new Set(before);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <>
      <div class="px-rows-bar">
        <p class="px-rows-count">{rows.length === 1 ? '1 point' : `${rows.length} points`}, in page order</p>
        <button type="button" class="px-link-button" onClick={() => setOpen(allOpen ? new Set() : new Set(rows.map((r) => r.key)))}>
          {allOpen ? 'Close all' : 'Open all'}
        </button>
      </div>
      <ol class="px-rows">
        {rows.map((row) => (
          <Row key={row.key} row={row} open={open.has(row.key)} onToggle={() => toggle(row.key)} props={props} />
        ))}
      </ol>
    </>
  );
}
