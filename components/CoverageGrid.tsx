/**
 * Points × outlets: who states what, who leaves what out, with the page as the first column.
 * A table with row and column headers, so a screen reader names the point and the outlet of
 * every cell; column heads are short codes, spelled out in the legend below.
 */
import { useState } from 'preact/hooks';
import type { CoverageGrid as Grid, CoverageMark } from '../lib/compare/coverage';

export interface CoverageGridProps {
  grid: Grid;
}

/**
 * Rows shown before "Show all": the story's main points. Four, not six, since the panel opens on
 * the page's points above the grid: with six, the panel of an eight-sentence wire story was
 * 1,860 px tall at 400 px wide (tests/e2e/panel.e2e.ts), past its 1,800 px budget.
 */
export const COVERAGE_ROWS_COLLAPSED = 4;

const MARK_GLYPHS: Record<CoverageMark, string> = { states: '●', omits: '–', unknown: '?' };
const MARK_WORDS: Record<CoverageMark, string> = { states: 'states it', omits: 'leaves it out', unknown: 'not known' };

export function CoverageGrid({ grid }: CoverageGridProps) {
  const [expanded, setExpanded] = useState(false);
  if (grid.rows.length === 0) return <p class="px-hint">The corpus has no points yet.</p>;
  const rows = expanded ? grid.rows : grid.rows.slice(0, COVERAGE_ROWS_COLLAPSED);
  const hidden = grid.rows.length - rows.length;
  return (
    <div class="px-coverage">
      <table class="px-grid">
        <caption class="px-vh">Points of the story by outlet</caption>
        <thead>
          <tr>
            <th scope="col" class="px-grid-point">
              Point
            </th>
            {grid.columns.map((c) => (
              <th key={c.id} scope="col" class={c.isPage ? 'px-grid-col px-grid-page' : 'px-grid-col'}>
                <span aria-hidden="true">{c.code}</span>
                <span class="px-vh">{c.isPage ? `This page (${c.outlet})` : c.outlet}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.pointId}>
              <th scope="row" class="px-grid-point">
                <span class="px-grid-label">{row.label}</span>
              </th>
              {row.marks.map((mark, i) => (
                <td key={grid.columns[i]!.id} class={grid.columns[i]!.isPage ? 'px-grid-page' : undefined} data-mark={mark}>
                  <span aria-hidden="true">{MARK_GLYPHS[mark]}</span>
                  <span class="px-vh">{MARK_WORDS[mark]}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {(hidden > 0 || expanded) && (
        <button type="button" class="px-button px-button-quiet" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer points' : `Show all ${grid.rows.length} points`}
        </button>
      )}
      <dl class="px-legend">
        <div>
          <dt aria-hidden="true">●</dt>
          <dd>states the point</dd>
        </div>
        <div>
          <dt aria-hidden="true">–</dt>
          <dd>leaves it out</dd>
        </div>
        {grid.columns.map((c) => (
          <div key={c.id}>
            <dt>{c.code}</dt>
            <dd>
              {c.isPage ? `this page (${c.outlet})` : c.outlet}
              {c.isPageArticle ? ' — the article on this page' : ''}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
