/**
 * `parallax corpus`: what the corpus holds, outlet by outlet: the sentences kept (body and
 * headings), the furniture dropped (photo credits, subscribe lines, bylines…), the points the
 * outlet states, and the points other outlets state that it leaves out. Printed as one screen of
 * summary (a table of outlets and the most widely stated points); `--verbose` lists everything.
 */
import type { Corpus, Point } from '../types';
import type { Style } from './terminal';

/** A point as the report names it. */
export interface ReportedPoint {
  id: string;
  label: string;
  /** The outlets stating it, in corpus order. */
  outlets: string[];
}

export interface OutletReport {
  outlet: string;
  articleId: string;
  file: string | null;
  title: string;
  url: string | null;
  date: string | null;
  kept: { body: number; heading: number };
  /** The furniture sentences dropped, as written. */
  furniture: string[];
  pointsStated: ReportedPoint[];
  /** Points other outlets state and this one does not, the most widely stated first. */
  pointsLeftOut: ReportedPoint[];
}

export interface CorpusReport {
  version: string;
  articles: number;
  sentences: number;
  points: number;
  /** Points stated by more than one outlet. */
  sharedPoints: number;
  outlets: OutletReport[];
}

export function corpusReport(corpus: Corpus): CorpusReport {
  const outletOf = new Map(corpus.articles.map((a) => [a.id, a.outlet]));
  const reported = (point: Point): ReportedPoint => ({
    id: point.id,
    label: point.label,
    outlets: point.articleIds.map((id) => outletOf.get(id) ?? id),
  });
  // Widest first; among equals, the corpus's order (the order the points' sentences appear in).
  const byReach = (points: readonly Point[]): ReportedPoint[] =>
    points
      .map((point, order) => ({ point, order }))
      .sort((a, b) => b.point.articleIds.length - a.point.articleIds.length || a.order - b.order)
      .map(({ point }) => reported(point));

  const outlets = corpus.articles.map((article): OutletReport => {
    const own = corpus.sentences.filter((s) => s.articleId === article.id);
    return {
      outlet: article.outlet,
      articleId: article.id,
      file: article.file,
      title: article.title,
      url: article.url,
      date: article.date,
      kept: {
        body: own.filter((s) => s.role === 'body').length,
        heading: own.filter((s) => s.role === 'heading').length,
      },
      furniture: own.filter((s) => s.role === 'furniture').map((s) => s.text),
      pointsStated: byReach(corpus.points.filter((p) => p.articleIds.includes(article.id))),
      pointsLeftOut: byReach(corpus.points.filter((p) => p.missingArticleIds.includes(article.id))),
    };
  });
  return {
    version: corpus.version,
    articles: corpus.articles.length,
    sentences: corpus.sentences.length,
    points: corpus.points.length,
    sharedPoints: corpus.points.filter((p) => p.articleIds.length > 1).length,
    outlets,
  };
}

/** Furniture and point labels are cut to this many characters: one terminal line with its indent. */
const MAX_LINE_TEXT = 96;

function cut(text: string): string {
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  return oneLine.length <= MAX_LINE_TEXT ? oneLine : `${oneLine.slice(0, MAX_LINE_TEXT - 1).trimEnd()}…`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The widest points the summary names: enough to see what the story is, within one screen. */
export const SUMMARY_TOP_POINTS = 5;

export interface ReportFormat {
  /** Every outlet's furniture and left-out points, instead of the one-screen summary. */
  verbose?: boolean;
}

export function formatCorpusReport(report: CorpusReport, style: Style, format: ReportFormat = {}): string {
  return format.verbose === true ? formatDetails(report, style) : formatSummary(report, style);
}

function formatSummary(report: CorpusReport, style: Style): string {
  const header = ['Outlet', 'Kept', 'Furniture', 'Points', 'Shared', 'Left out'];
  const rows = report.outlets.map((o) => [
    o.outlet,
    String(o.kept.body + o.kept.heading),
    String(o.furniture.length),
    String(o.pointsStated.length),
    String(o.pointsStated.filter((p) => p.outlets.length > 1).length),
    String(o.pointsLeftOut.length),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const row = (cells: readonly string[]): string =>
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`.trimEnd();
  const widest = report.outlets
    .flatMap((o) => o.pointsStated)
    .filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i && p.outlets.length > 1)
    .sort((a, b) => b.outlets.length - a.outlets.length)
    .slice(0, SUMMARY_TOP_POINTS);
  return `${[
    style.bold(`Corpus ${report.version}`),
    `${plural(report.articles, 'article')}, ${plural(report.sentences, 'sentence')}, ` +
      `${plural(report.points, 'point')} (${report.sharedPoints} stated by more than one outlet)`,
    '',
    style.bold(row(header)),
    ...rows.map(row),
    '',
    widest.length === 0 ? 'No point is stated by more than one outlet.' : 'Most widely stated points:',
    ...widest.map((p) => `  ${style.dim(`${p.outlets.length} outlets`)}  ${cut(p.label)}`),
    '',
    style.dim('Kept: body and heading sentences; Shared: points other outlets state too; Left out: points others state and this outlet does not.'),
    style.dim('Each outlet\'s furniture and the points it leaves out: parallax corpus --verbose (npm run corpus -- --verbose).'),
  ].join('\n')}\n`;
}

function formatDetails(report: CorpusReport, style: Style): string {
  const lines = [
    style.bold(`Corpus ${report.version}`),
    `${plural(report.articles, 'article')}, ${plural(report.sentences, 'sentence')}, ` +
      `${plural(report.points, 'point')} (${report.sharedPoints} stated by more than one outlet)`,
  ];
  for (const o of report.outlets) {
    const shared = o.pointsStated.filter((p) => p.outlets.length > 1).length;
    lines.push(
      '',
      `${style.bold(style.cyan(o.outlet))}  ${style.dim(o.file ?? o.articleId)}`,
      `  ${o.title}`,
      `  Sentences kept: ${o.kept.body + o.kept.heading} (${o.kept.body} body, ${o.kept.heading} heading${o.kept.heading === 1 ? '' : 's'})`,
      `  Furniture dropped: ${o.furniture.length}`,
      ...o.furniture.map((f) => `    - ${style.dim(cut(f))}`),
      `  Points stated: ${o.pointsStated.length} (${shared} shared with other outlets, ${o.pointsStated.length - shared} its own)`,
      `  Points left out: ${o.pointsLeftOut.length}`,
      ...o.pointsLeftOut.map((p) => `    - ${cut(p.label)} ${style.dim(`(${stated(p)})`)}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

function stated(point: ReportedPoint): string {
  return point.outlets.length === 1 ? `only ${point.outlets[0]}` : `${point.outlets.length} outlets`;
}
