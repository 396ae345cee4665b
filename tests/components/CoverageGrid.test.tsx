import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { COVERAGE_ROWS_COLLAPSED, CoverageGrid } from '../../components/CoverageGrid';
import { coverageGrid } from '../../lib/compare/coverage';
import { corpus, outletOf, POINT, vtScan, BREITBART, PARTIALLY } from '../fixtures/panel';

describe('CoverageGrid', () => {
  const grid = coverageGrid(corpus, vtScan);

  it('shows the main points first and the rest on demand', () => {
    render(<CoverageGrid grid={grid} />);
    const rowCount = () => screen.getAllByRole('rowheader').length;
    expect(rowCount()).toBe(COVERAGE_ROWS_COLLAPSED);
    const more = screen.getByRole('button', { name: `Show all ${corpus.points.length} points` });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(rowCount()).toBe(corpus.points.length);
    expect(screen.getByRole('button', { name: 'Show fewer points' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('announces each cell in words: who states the point, who leaves it out', () => {
    render(<CoverageGrid grid={grid} />);
    fireEvent.click(screen.getByRole('button', { name: /Show all/ }));
    const peskovLabel = corpus.points.find((p) => p.id === POINT.peskov)!.label;
    const row = screen.getByRole('rowheader', { name: peskovLabel }).closest('tr')!;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    // Page, Valuetainment, Pak Correspondent, Partially Politics, Breitbart, The Voice News.
    expect(cells).toEqual([
      '–leaves it out',
      '–leaves it out',
      '●states it',
      '●states it',
      '–leaves it out',
      '●states it',
    ]);
  });

  it('spells out every column code in a legend', () => {
    render(<CoverageGrid grid={grid} />);
    const legend = screen.getByRole('table').parentElement!.querySelector('dl')!;
    expect(legend.textContent).toContain(`PP${outletOf(PARTIALLY)}`);
    expect(legend.textContent).toContain(`BN${outletOf(BREITBART)}`);
    expect(legend.textContent).toContain('Pagethis page (valuetainment.com)');
    expect(legend.textContent).toContain('Valuetainment (VT News) — the article on this page');
  });
});
