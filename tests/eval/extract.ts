/**
 * `npm run eval:extract -- [DIR] [--worst N] [--page NAME]`: how well Parallax reads the article
 * on real pages, next to Mozilla's Readability on the same documents.
 *
 * DIR holds one folder per page, as Readability's test suite lays them out: `source.html` (the
 * page as served), `expected.html` (the article Readability extracts: the reference text) and
 * `expected-metadata.json` (its `readerable` says whether Readability judges the page
 * article-like). The default is ../shared/readability-pages beside the repository; those pages
 * are other people's text and are only read from there, never copied into the project.
 *
 * Per page: whether an article was found; word recall (the share of the expected text's words the
 * extracted text holds) and precision (the share of the extracted words the expected text or the
 * title holds), comparing lowercased letter-and-digit tokens with each CJK character a token; whether
 * the expected article's first paragraph is kept; the time to extract from the parsed document.
 * Parallax reads each page exactly as `parallax extract` does (lib/cli/extract.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { extractFromDocument } from '../../lib/cli/extract';
import { parseHtml } from '../../lib/node/html';
import { walk } from '../../lib/extract/walk';
import { runToEnd } from '../../lib/extract/slices';

const DEFAULT_DIR = resolve(import.meta.dirname, '../../../shared/readability-pages');
/**
 * A page's first paragraph: its first block of prose (not a heading or caption, not mostly links,
 * with a sentence's end) with at least this many tokens. Breadcrumbs and labels are not it.
 */
const FIRST_PARAGRAPH_MIN_TOKENS = 8;
/** The first paragraph counts as kept when this share of its tokens is in the extracted text. */
const FIRST_PARAGRAPH_KEPT_RECALL = 0.8;
/** Each page is extracted this many times and the median time kept: one run is noise at 1 ms. */
const TIMING_RUNS = 5;

const SENTENCE_END = /[.!?\u2026\u3002\uff01\uff1f]["'\u201D\u2019)\]\u300d\u300f\uff09]*(?:\s|$)/u;

/** Scripts written without spaces between words: each character is a token. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (!CJK.test(word)) {
      out.push(word);
      continue;
    }
    let run = '';
    for (const ch of word) {
      if (CJK.test(ch)) {
        if (run !== '') out.push(run);
        run = '';
        out.push(ch);
      } else {
        run += ch;
      }
    }
    if (run !== '') out.push(run);
  }
  return out;
}

function bag(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** The share of `part`'s tokens (with multiplicity) that `whole` holds. */
function covered(part: readonly string[], whole: Map<string, number>): number {
  if (part.length === 0) return 1;
  const left = new Map(whole);
  let hit = 0;
  for (const w of part) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      hit++;
      left.set(w, n - 1);
    }
  }
  return hit / part.length;
}

interface Expected {
  text: string;
  firstParagraph: string | null;
  readerable: boolean;
  title: string;
}

function readExpected(dir: string): Expected {
  const doc = parseHtml(readFileSync(join(dir, 'expected.html'), 'utf8'));
  const meta = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as { readerable?: boolean; title?: string };
  // The reference's own blocks, read by the same walk, so "paragraph" means the same on both sides.
  const blocks = runToEnd(walk(doc.body ?? doc.documentElement)).blocks;
  const first = blocks.find((b) => b.headingLevel === 0 && b.element.closest('figure') === null &&
    b.linkChars <= b.text.length / 2 && SENTENCE_END.test(b.text) && tokens(b.text).length >= FIRST_PARAGRAPH_MIN_TOKENS);
  return {
    text: blocks.map((b) => b.text).join('\n'),
    firstParagraph: first?.text ?? null,
    readerable: meta.readerable !== false,
    title: meta.title ?? '',
  };
}

interface Graded {
  found: boolean;
  recall: number;
  precision: number;
  firstKept: boolean | null;
  ms: number;
}

function grade(extracted: string | null, title: string, expected: Expected, ms: number): Graded {
  if (extracted === null) return { found: false, recall: 0, precision: 0, firstKept: null, ms };
  const got = tokens(extracted);
  const want = tokens(expected.text);
  const gotBag = bag(got);
  const allowed = bag([...want, ...tokens(title), ...tokens(expected.title)]);
  return {
    found: true,
    recall: covered(want, gotBag),
    precision: covered(got, allowed),
    firstKept: expected.firstParagraph === null ? null
      : covered(tokens(expected.firstParagraph), gotBag) >= FIRST_PARAGRAPH_KEPT_RECALL,
    ms,
  };
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo]! + (s[hi]! - s[lo]!) * (at - lo);
}

interface PageResult {
  name: string;
  expected: Expected;
  parallax: Graded;
  readability: Graded;
  reason: string | null;
  firstParagraph: string | null;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < TIMING_RUNS; i++) {
    const started = performance.now();
    value = run();
    times.push(performance.now() - started);
  }
  return { value, ms: median(times) };
}

function evaluatePage(dir: string, name: string): PageResult {
  const html = readFileSync(join(dir, 'source.html'), 'utf8');
  const url = `https://example.com/${name}/`;
  const expected = readExpected(dir);

  const doc = parseHtml(html, url);
  const ours = timed(() => extractFromDocument(doc, url));
  const page = ours.value;
  const ourText = page.paragraphs === null ? null : page.paragraphs.join('\n');

  // Readability changes the document it reads: each run gets a fresh parse, which is not timed.
  const docs = Array.from({ length: TIMING_RUNS }, () => parseHtml(html, url));
  let run = 0;
  const theirs = timed(() => new Readability(docs[run++]!).parse());
  const theirText = theirs.value?.textContent ?? null;

  return {
    name,
    expected,
    parallax: grade(ourText, page.title, expected, ours.ms),
    readability: grade(theirText, theirs.value?.title ?? '', expected, theirs.ms),
    reason: page.reason === null ? null : `${page.reason}: ${page.detail ?? ''}`,
    firstParagraph: page.paragraphs?.find((p) => tokens(p).length >= FIRST_PARAGRAPH_MIN_TOKENS) ?? null,
  };
}

function fmt(x: number): string {
  return Number.isNaN(x) ? '—' : x.toFixed(3);
}

function summary(label: string, results: readonly Graded[], readerable: readonly boolean[]): string[] {
  const found = results.filter((r) => r.found);
  const missedReaderable = results.filter((r, i) => !r.found && readerable[i]).length;
  const recalls = found.map((r) => r.recall);
  const precisions = found.map((r) => r.precision);
  const withFirst = found.filter((r) => r.firstKept !== null);
  return [
    label,
    `${found.length}/${results.length}`,
    String(missedReaderable),
    fmt(median(recalls)),
    fmt(quantile(recalls, 0.25)),
    fmt(median(precisions)),
    `${precisions.filter((p) => p >= 0.9).length}/${found.length}`,
    `${withFirst.filter((r) => !r.firstKept).length}`,
    median(results.map((r) => r.ms)).toFixed(2),
  ];
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function main(): void {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { worst: { type: 'string' }, page: { type: 'string' } },
    allowPositionals: true,
  });
  const dir = resolve(positionals[0] ?? DEFAULT_DIR);
  if (!existsSync(dir)) {
    console.log(`eval:extract: no page folder at ${dir} (give one: npm run eval:extract -- DIR); nothing graded.`);
    return;
  }
  const names = readdirSync(dir)
    .filter((n) => existsSync(join(dir, n, 'source.html')) && existsSync(join(dir, n, 'expected.html')) && statSync(join(dir, n)).isDirectory())
    .filter((n) => values.page === undefined || n === values.page)
    .sort();
  const results = names.map((name) => evaluatePage(join(dir, name), name));
  const readerable = results.map((r) => r.expected.readerable);

  console.log(`Extraction on ${results.length} pages of ${dir} (${readerable.filter(Boolean).length} that Readability judges article-like)`);
  console.log('');
  console.log(table(
    ['system', 'found', 'article-like missed', 'median R', 'R p25', 'median P', 'P >= 0.9', 'first para lost', 'median ms'],
    [
      summary('Parallax', results.map((r) => r.parallax), readerable),
      summary('Readability', results.map((r) => r.readability), readerable),
    ],
  ));
  const ratio = median(results.map((r) => r.readability.ms)) / median(results.map((r) => r.parallax.ms));
  console.log(`\nParallax's median extraction time is ${ratio.toFixed(1)}x faster than Readability's (parsing excluded, median of ${TIMING_RUNS} runs per page).`);

  const worstCount = Number(values.worst ?? 15);
  // Worst first: pages without an article that Readability judges article-like, then lost openings, then low F.
  const badness = (r: PageResult): number => {
    const g = r.parallax;
    if (!g.found) return r.expected.readerable ? 10 : 3;
    const f = g.recall + g.precision === 0 ? 0 : (2 * g.recall * g.precision) / (g.recall + g.precision);
    return (g.firstKept === false ? 2 : 0) + (1 - f);
  };
  const worst = [...results].sort((a, b) => badness(b) - badness(a)).slice(0, worstCount);
  console.log(`\nWorst ${worst.length} pages (Parallax):`);
  for (const r of worst) {
    const g = r.parallax;
    const line = g.found
      ? `R ${fmt(g.recall)}  P ${fmt(g.precision)}  first paragraph ${g.firstKept === null ? 'n/a' : g.firstKept ? 'kept' : 'LOST'}  ${g.ms.toFixed(2)} ms`
      : `no article (${r.reason})${r.expected.readerable ? '' : '  [Readability: not article-like]'}`;
    console.log(`  ${r.name.padEnd(40)} ${line}   | Readability R ${fmt(r.readability.recall)} P ${fmt(r.readability.precision)}`);
  }
}

main();
