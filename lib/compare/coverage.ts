/**
 * The coverage grid: the story's points × outlets, who states what and who leaves what out, with
 * the page the reader is on as one more column.
 */
import type { SentenceResult } from '../types';
import type { CorpusOverview } from './panel-data';
import { PAGE_SOURCE_ID } from './quotes';

export type CoverageMark =
  /** The outlet states the point. */
  | 'states'
  /** The outlet's article leaves the point out. */
  | 'omits'
  /** Not known: the article joined the corpus after the point was computed. */
  | 'unknown';

export interface CoverageColumn {
  /** A corpus article id, or PAGE_SOURCE_ID for the page. */
  id: string;
  outlet: string;
  /** A short code for the column head; unique within the grid. */
  code: string;
  url: string | null;
  /** The column of the page the reader is on. */
  isPage: boolean;
  /** A corpus article published at the page's own address. */
  isPageArticle: boolean;
}

export interface CoverageRow {
  pointId: string;
  label: string;
  /** One mark per column, in column order. */
  marks: CoverageMark[];
  /** How many columns state the point. */
  statedBy: number;
}

export interface CoverageGrid {
  columns: CoverageColumn[];
  rows: CoverageRow[];
}

/** The page as the grid sees it. */
export interface CoveragePage {
  url: string;
  site: string;
  sentences: readonly SentenceResult[];
}

/**
 * Short, unique codes for outlet names: initials of the capitalized words outside parentheses
 * ("Pak Correspondent" → "PC", "The Voice News" → "TVN"), the first three letters of a one-word
 * name ("Valuetainment (VT News)" → "Val"), a number appended on a clash.
 */
export function outletCodes(names: readonly string[]): string[] {
  const used = new Map<string, number>();
  return names.map((name) => {
    const bare = name.replace(/\([^)]*\)/gu, ' ').trim() || name.trim();
    const words = bare.split(/[\s./-]+/u).filter((w) => /^[\p{L}\p{N}]/u.test(w));
    const capitalized = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w));
    let code: string;
    if (capitalized.length >= 2) code = capitalized.map((w) => [...w][0]).join('');
    else code = [...(capitalized[0] ?? words[0] ?? '?')].slice(0, 3).join('');
    const count = (used.get(code) ?? 0) + 1;
    used.set(code, count);
    return count === 1 ? code : `${code}${count}`;
  });
}

/** URLs compared without scheme, "www.", trailing slash, or fragment. */
function sameAddress(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const canonical = (u: string): string =>
    u.trim().replace(/#.*$/u, '').replace(/^https?:\/\/(www\.)?/iu, '').replace(/\/+$/u, '').toLowerCase();
  return canonical(a) === canonical(b);
}

/**
 * Build the grid. Rows: every point of the corpus, the most widely stated first (ties keep corpus
 * order). Columns: the page first (when given), then the corpus articles in corpus order.
 */
export function coverageGrid(corpus: CorpusOverview, page: CoveragePage | null): CoverageGrid {
  const codes = outletCodes(corpus.articles.map((a) => a.outlet));
  const columns: CoverageColumn[] = corpus.articles.map((a, i) => ({
    id: a.id,
    outlet: a.outlet,
    code: codes[i]!,
    url: a.url,
    isPage: false,
    isPageArticle: page !== null && sameAddress(a.url, page.url),
  }));
  if (page !== null) {
    // Outlet codes are capital initials or at most three letters, so none spells "Page".
    columns.unshift({ id: PAGE_SOURCE_ID, outlet: page.site, code: 'Page', url: page.url, isPage: true, isPageArticle: false });
  }

  const pagePoints = new Set<string>();
  for (const s of page?.sentences ?? []) {
    if (s.pointId !== null) pagePoints.add(s.pointId);
    for (const m of s.matches) if (m.pointId !== null) pagePoints.add(m.pointId);
  }

  const rows = corpus.points.map((point, order) => {
    const stating = new Set(point.articleIds);
    const missing = new Set(point.missingArticleIds);
    const marks: CoverageMark[] = columns.map((c) => {
      if (c.isPage) return pagePoints.has(point.id) ? 'states' : 'omits';
      if (stating.has(c.id)) return 'states';
      if (missing.has(c.id)) return 'omits';
      return 'unknown';
    });
    return { order, row: { pointId: point.id, label: point.label, marks, statedBy: marks.filter((m) => m === 'states').length } };
  });
  rows.sort((x, y) => y.row.statedBy - x.row.statedBy || x.order - y.order);
  return { columns, rows: rows.map((r) => r.row) };
}
