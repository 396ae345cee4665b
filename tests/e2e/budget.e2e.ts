/**
 * The content script's budget, measured in real Chromium and printed (a measurement: the figures
 * depend on the machine, and on a machine shared with other work they stretch; read them beside
 * the baseline measured in the same run). One timing is asserted, against that baseline: on the
 * long page, in at least one pair of visits Parallax adds no task over 50 ms to the no-op
 * extension's (see the test):
 *   - the content script bundle, raw and gzipped;
 *   - on a ~20,000-word page about the story (100+ matched sentences spread down the page), per
 *     visit: time from the page's load to its first highlight and to the background's last answer
 *     (the badge), and every task over 50 ms on the page's main thread, from a heartbeat in the page
 *     and from the 'longtask' PerformanceObserver (see PAGE_PROBE), each visit paired with a visit
 *     of a no-op extension's Chromium (harness/noop-extension.ts) to the same page;
 *   - the page-side work of the scan itself (the cheap gate, extraction, Ranges for every
 *     sentence) run in the page in slices: total, slices, longest slice;
 *   - hovering across the highlighted text of that page (hit tests) and the long tasks it causes;
 *   - the same for a ~20,000-word page that is not about the story, where only the cheap gate runs;
 *   - a typical article (one seed article, ~900 words): load to first highlight and to the badge on
 *     the first page after the browser starts, after the service worker was stopped, and warm;
 *   - a page of 100,000 elements around an article about the story.
 * Run: npx wxt build && npx vitest run --config vitest.e2e.config.ts tests/e2e/budget.e2e.ts
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../lib/corpus/build';
import { DEFAULT_PARAMS } from '../../lib/match/params';
import { storyKeywords } from '../../lib/match/story-keywords';
import { readSeeds } from '../../lib/node/seeds';
import { EXTENSION_DIR, launchBrowser, scannedTab, settledScan, type Browser } from './harness/extension';
import { longPage, longPageOffStory, longPageOnStory, seedParagraphs } from './harness/long-page';
import { writeNoopExtension, type NoopExtension } from './harness/noop-extension';
import { servePages, type PageServer } from './harness/server';

const ROOT = resolve(import.meta.dirname, '../..');
/** The long-task bound: the main thread held longer than this is a task the reader can feel. */
const LONG_TASK_MS = 50;
/** Load average per core above which the long-task assertion is reported but not made (see its test). */
const BUSY_LOAD_PER_CORE = 1.5;
/** The heartbeat's period. */
const HEARTBEAT_MS = 10;
/** Elements of the huge page (issue 7's hostile pages go to 100,000 too). */
const HUGE_PAGE_ELEMENTS = 100_000;

/** The page-side steps of a scan, bundled for the page: gate, extraction, Ranges, in 30 ms slices. */
async function scanProbe(): Promise<string> {
  // The keywords the build gives the content script (lib/node/corpus-plugin.ts), from the same seeds.
  const keywords = storyKeywords(buildCorpus(readSeeds(resolve(ROOT, 'seeds'))), DEFAULT_PARAMS);
  const result = await build({
    stdin: {
      contents: `
        import { extractArticleSteps, sentenceRanges } from './lib/extract';
        import { SLICE_MS } from './lib/extract/slices';
        import { declaredText, storyGateSteps } from './lib/page/gate-text';
        import { isHiddenByStyle } from './lib/page/hidden-by-style';
        async function sliced(steps, stats) {
          let start = performance.now();
          for (;;) {
            const step = steps.next();
            const spent = performance.now() - start;
            if (step.done || spent >= SLICE_MS) {
              stats.slices++; stats.busyMs += spent; stats.longestSliceMs = Math.max(stats.longestSliceMs, spent);
              if (step.done) return step.value;
              await new Promise((r) => setTimeout(r, 0));
              start = performance.now();
            }
          }
        }
        function* rangeSteps(sentences) { let n = 0; for (const s of sentences) { sentenceRanges(document, s); if (++n % 100 === 0) yield; } return n; }
        window.parallaxScanProbe = async () => {
          const stats = { slices: 0, busyMs: 0, longestSliceMs: 0 };
          const t0 = performance.now();
          const open = await sliced(storyGateSteps([document.body], declaredText(document), ${JSON.stringify(keywords)}), stats);
          let sentences = 0;
          if (open) {
            const article = await sliced(extractArticleSteps(document, { isHidden: isHiddenByStyle }), stats);
            sentences = article.sentences.length;
            await sliced(rangeSteps(article.sentences), stats);
          }
          return { ...stats, gateOpen: open, sentences, wallMs: performance.now() - t0 };
        };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/**
 * Records every task over 50 ms on the page's main thread, two ways, and the moment the first
 * Parallax highlight appears, from the page's start:
 *   - a heartbeat: a 10 ms interval whose late ticks show how long the thread was held (the page's
 *     main world and the content scripts' isolated worlds share the thread). It sees every task,
 *     whoever ran it;
 *   - the 'longtask' PerformanceObserver, as a page sees long tasks. Chromium 156 attributes tasks
 *     of extension content scripts unreliably to the page (a 560 ms extraction step once went
 *     unreported), so the heartbeat is the figure to go by and this one the figure a site's own
 *     monitoring would show.
 */
const PAGE_PROBE = `
  window.__longTasks = [];
  window.__longtaskEntries = [];
  (function () {
    var last = performance.now();
    setInterval(function () {
      var now = performance.now();
      if (now - last > ${LONG_TASK_MS} + ${HEARTBEAT_MS}) window.__longTasks.push({ start: last, duration: now - last - ${HEARTBEAT_MS} });
      last = now;
    }, ${HEARTBEAT_MS});
    try {
      new PerformanceObserver(function (list) {
        list.getEntries().forEach(function (e) { window.__longtaskEntries.push({ start: e.startTime, duration: e.duration }); });
      }).observe({ type: 'longtask', buffered: true });
    } catch (e) {}
  })();
  window.__firstHighlightAt = null;
  (function watch() {
    if ([...CSS.highlights.keys()].some((k) => k.startsWith('parallax'))) window.__firstHighlightAt = performance.now();
    else requestAnimationFrame(watch);
  })();
`;

interface Task {
  start: number;
  duration: number;
}

interface PageFigures {
  words: number;
  /** The load event's end, ms from the page's start. */
  loadMs: number;
  firstHighlightMs: number | null;
  /** The background's last answer to this page (it sets the badge), ms from the page's start. */
  badgeMs: number | null;
  highlighted: number;
  /** Main thread held over 50 ms (heartbeat). */
  longTasks: Task[];
  /** Entries of the 'longtask' observer. */
  longtaskEntries: Task[];
}

let browser: Browser;
let server: PageServer;
let probe: string;
/** The no-op extension, and a Chromium with it alone: what each page costs without Parallax. */
let noop: NoopExtension;
let baselineBrowser: Browser;
/** Visits per page, fresh tab each, each paired with a no-op visit: the first visit is cold. */
const VISITS = 3;
/** The typical article of the first-answer figures: the longest seed article (~900 words). */
const TYPICAL_TITLE = 'US may walk away from Russia-Ukraine peace efforts within days, Rubio warns';

beforeAll(async () => {
  server = await servePages([]);
  server.route('/long/on-story.html', { body: longPageOnStory() });
  server.route('/long/off-story.html', { body: longPageOffStory() });
  const seeds = seedParagraphs();
  const typical = seeds.reduce((a, b) => (b.join(' ').length > a.join(' ').length ? b : a));
  for (const name of ['cold', 'stopped', 'warm']) server.route(`/typical/${name}.html`, { body: longPage(TYPICAL_TITLE, [typical]) });
  const rubio = seeds[4]!.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
  server.route('/huge/elements.html', {
    body: `<!doctype html><html><head><meta charset="utf-8"><title>US may walk away from Ukraine peace efforts, Rubio says</title></head><body>
<nav>${'<span><a href="/x">Section</a></span>'.repeat(HUGE_PAGE_ELEMENTS / 4)}</nav><main><article><h1>US may walk away from Ukraine peace efforts, Rubio says</h1>${rubio}</article></main>
<aside>${'<div><span>·</span></div>'.repeat(HUGE_PAGE_ELEMENTS / 4)}</aside></body></html>`,
  });
  probe = await scanProbe();
  noop = writeNoopExtension();
  baselineBrowser = await launchBrowser({ extensionDir: noop.dir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await baselineBrowser?.close();
  await browser?.close();
  noop?.remove();
  await server?.close();
});

/** Holds of the main thread, as "start relative to the load event: duration" (ms). */
function holds(tasks: readonly Task[], loadMs: number): string[] {
  return tasks.map((t) => `${Math.round(t.start - loadMs)}: ${Math.round(t.duration)}`);
}

/** One visit of `path` in `inBrowser`; `scanned`: wait for Parallax's answer first. */
async function visitWith(inBrowser: Browser, path: string, settleMs: number, scanned: boolean): Promise<{ page: Page; figures: PageFigures }> {
  const page = await inBrowser.newPage();
  await page.addInitScript(PAGE_PROBE);
  await page.goto(server.url(path), { waitUntil: 'load', timeout: 120_000 });
  const tabId = scanned ? await scannedTab(inBrowser, page, 30_000) : null;
  await new Promise((r) => setTimeout(r, settleMs));
  const state = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: Task[]; __longtaskEntries: Task[]; __firstHighlightAt: number | null };
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      longTasks: w.__longTasks,
      longtaskEntries: w.__longtaskEntries,
      firstHighlightAt: w.__firstHighlightAt,
      loadMs: navigation.loadEventEnd,
      timeOrigin: performance.timeOrigin,
      words: document.body.innerText.split(/\s+/).length,
    };
  });
  const scannedAt = tabId === null ? null : await answeredAt(inBrowser, tabId);
  return {
    page,
    figures: {
      words: state.words,
      loadMs: state.loadMs,
      firstHighlightMs: state.firstHighlightAt,
      badgeMs: scannedAt === null ? null : scannedAt - state.timeOrigin,
      // Counted once the page shows the stored scan (it paints after the scan is stored), not
      // after settleMs, which is the window the long tasks are watched in, not a promise.
      highlighted: scanned ? (await settledScan(inBrowser, page)).highlighted.length : 0,
      longTasks: state.longTasks,
      longtaskEntries: state.longtaskEntries,
    },
  };
}

/** When the background last answered for the tab (storage.session, where the badge's count comes from). */
async function answeredAt(inBrowser: Browser, tabId: number): Promise<number | null> {
  const worker = await inBrowser.worker();
  return worker.evaluate(async (id) => {
    const key = `tab:${id}`;
    const state = (await chrome.storage.session.get(key))[key] as { scan?: { scannedAt: number } } | undefined;
    return state?.scan?.scannedAt ?? null;
  }, tabId);
}

declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };

interface Pair {
  parallax: PageFigures;
  noop: PageFigures;
}

/** `VISITS` pairs of visits, Parallax then the no-op extension; the last Parallax page stays open. */
async function pairedVisits(path: string, settleMs: number): Promise<{ page: Page; pairs: Pair[] }> {
  const pairs: Pair[] = [];
  let last: Page | null = null;
  for (let i = 0; i < VISITS; i++) {
    await last?.close();
    const ours = await visitWith(browser, path, settleMs, true);
    last = ours.page;
    const theirs = await visitWith(baselineBrowser, path, settleMs, false);
    await theirs.page.close();
    pairs.push({ parallax: ours.figures, noop: theirs.figures });
  }
  return { page: last!, pairs };
}

const over = (tasks: readonly Task[]) => tasks.filter((t) => t.duration > LONG_TASK_MS);
const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
};

/** Per pair of visits: first highlight, badge, and tasks over 50 ms with Parallax and with the no-op extension. */
function perPair(pairs: readonly Pair[]) {
  return pairs.map(({ parallax: p, noop: n }) => ({
    'load (ms)': round(p.loadMs),
    'load → first highlight (ms)': p.firstHighlightMs === null ? null : round(p.firstHighlightMs - p.loadMs),
    'load → last answer, badge (ms)': p.badgeMs === null ? null : round(p.badgeMs - p.loadMs),
    'heartbeat > 50 ms, Parallax ("ms after load: duration")': holds(p.longTasks, p.loadMs),
    'heartbeat > 50 ms, no-op extension': holds(n.longTasks, n.loadMs),
    'longtask observer > 50 ms, Parallax': holds(over(p.longtaskEntries), p.loadMs),
    'longtask observer > 50 ms, no-op extension': holds(over(n.longtaskEntries), n.loadMs),
  }));
}

/** The pairs summed up: in how many Parallax's page had more tasks over 50 ms, and the longest. */
function pairSummary(pairs: readonly Pair[]) {
  const extra = pairs.map(({ parallax, noop }) => parallax.longTasks.length - noop.longTasks.length);
  const longestAfterLoad = (f: PageFigures) => Math.max(0, ...f.longTasks.filter((t) => t.start >= f.loadMs).map((t) => t.duration));
  return {
    'pairs where Parallax had more tasks > 50 ms than the no-op extension (heartbeat)': `${extra.filter((x) => x > 0).length} of ${pairs.length}`,
    'tasks > 50 ms, Parallax minus no-op, per pair': extra,
    'longest task after load, Parallax / no-op, per pair (ms)': pairs.map(({ parallax, noop }) => `${round(longestAfterLoad(parallax))} / ${round(longestAfterLoad(noop))}`),
    'median load → first highlight (ms)': round(median(pairs.flatMap(({ parallax: p }) => (p.firstHighlightMs === null ? [] : [p.firstHighlightMs - p.loadMs])))),
    'median load → badge (ms)': round(median(pairs.flatMap(({ parallax: p }) => (p.badgeMs === null ? [] : [p.badgeMs - p.loadMs])))),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

function report(label: string, figures: unknown): void {
  console.log(`[budget] ${label}\n${JSON.stringify(figures, null, 2)}`);
}

/**
 * Moves the pointer over the first highlighted paragraphs, a few hundred positions, as a reader's
 * hovering does, and reports the long tasks that caused and whether a card showed.
 */
async function hoverSweep(page: Page) {
  const start = await page.evaluate(() => performance.now());
  const lines = await page.evaluate(() => {
    // Every match kind at every emphasis ("parallax-verbatim", "parallax-reworded-quiet", …), the flash aside.
    const ranges = [...CSS.highlights]
      .filter(([name]) => name.startsWith('parallax-') && name !== 'parallax-flash')
      .flatMap(([, highlight]) => [...highlight] as Range[])
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: 'start', behavior: 'instant' });
    return ranges.slice(0, 8).flatMap((r) => [...r.getClientRects()].map((b) => ({ x: b.left, y: b.top + b.height / 2, w: b.width })));
  });
  let moves = 0;
  for (const line of lines) {
    for (let x = line.x; x < line.x + line.w; x += 12) {
      await page.mouse.move(x, line.y);
      moves++;
    }
  }
  await new Promise((r) => setTimeout(r, 400));
  return page.evaluate(
    ({ since, moves }) => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      const card = document.querySelector('parallax-ui')?.shadowRoot?.querySelector('.card');
      return { 'pointer moves': moves, 'card shown': card !== null && card !== undefined, 'main thread held > 50 ms (ms)': w.__longTasks.filter((t) => t.start >= since).map((t) => t.duration) };
    },
    { since: start, moves },
  );
}

async function pageSideScan(page: Page) {
  await page.addScriptTag({ content: probe });
  return page.evaluate(() => (window as unknown as { parallaxScanProbe: () => Promise<Record<string, number | boolean>> }).parallaxScanProbe());
}

/** Stops the extension's service worker as Chromium does when it is idle (DevTools protocol). */
async function stopWorker(cdp: CDPSession, extensionId: string): Promise<void> {
  const versions: { versionId: string; scriptURL: string; runningStatus: string }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: typeof versions }) => versions.push(...event.versions));
  await cdp.send('ServiceWorker.enable');
  const deadline = Date.now() + 10_000;
  const ours = () => versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
  while (ours().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const versionId = ours().at(-1)?.versionId;
  if (versionId === undefined) throw new Error('the extension has no service worker');
  await cdp.send('ServiceWorker.stopWorker', { versionId });
  while (ours().at(-1)?.runningStatus !== 'stopped' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

describe('budget (figures printed; besides that the scans did their work, one assertion: no long task Parallax adds on every visit)', () => {
  it('content script bundle size', () => {
    const js = readFileSync(resolve(EXTENSION_DIR, 'content-scripts/content.js'));
    const css = readFileSync(resolve(EXTENSION_DIR, 'content-scripts/content.css'));
    const later = readFileSync(resolve(EXTENSION_DIR, 'page-ui.js'));
    const figures = {
      'content.js raw (kB)': round(js.length / 1000),
      'content.js gzip (kB)': Math.round(gzipSync(js, { level: 9 }).length) / 1000,
      'content.css raw (bytes)': css.length,
      'page-ui.js, loaded at the first pointer move or focus on a page with highlights: raw (kB)': round(later.length / 1000),
      'page-ui.js gzip (kB)': round(gzipSync(later, { level: 9 }).length / 1000),
      'by module': 'npm run size',
    };
    report('content script bundle', figures);
    // No matcher, corpus or fuzzy search in the content script, and no card until it is needed.
    expect(js.toString()).not.toMatch(/Fuse|fuse\.js|corpus-index/);
    expect(js.toString()).not.toContain('prefers-color-scheme');
    expect(later.toString()).toContain('prefers-color-scheme');
  });

  it('a typical article: the first answer, on the first page after the browser starts, after the worker stopped, and warm', async () => {
    // A browser of its own, started now: its first page is the first after start (install included).
    const fresh = await launchBrowser();
    try {
      const cold = await visitWith(fresh, '/typical/cold.html', 300, true);
      const blank = await fresh.newPage();
      const cdp = await fresh.context.newCDPSession(blank);
      await stopWorker(cdp, fresh.extensionId);
      const stopped = await visitWith(fresh, '/typical/stopped.html', 300, true);
      const warm = await visitWith(fresh, '/typical/warm.html', 300, true);
      const row = (f: PageFigures) => ({
        'sentences highlighted': f.highlighted,
        'load → first highlight (ms)': f.firstHighlightMs === null ? null : round(f.firstHighlightMs - f.loadMs),
        'load → badge (ms)': f.badgeMs === null ? null : round(f.badgeMs - f.loadMs),
      });
      report('typical article, first answer', {
        'first page after the browser starts (fresh profile: the corpus is stored first)': row(cold.figures),
        'first page after the service worker was stopped': row(stopped.figures),
        'a later page, worker running': row(warm.figures),
      });
      for (const visit of [cold, stopped, warm]) expect(visit.figures.highlighted).toBeGreaterThan(10);
    } finally {
      await fresh.close();
    }
  });

  it('a ~20,000-word page about the story', async () => {
    const { page, pairs } = await pairedVisits('/long/on-story.html', 2_000);
    const figures = pairs[pairs.length - 1]!.parallax;
    const sweep = await hoverSweep(page);
    const scan = await pageSideScan(page);
    report('long page on the story', {
      'words on the page': figures.words,
      'sentences highlighted': figures.highlighted,
      summary: pairSummary(pairs),
      'pairs of visits (Parallax, no-op extension)': perPair(pairs),
      'hover sweep over the highlights': sweep,
      'page-side scan, measured in the page': {
        'sentences extracted': scan.sentences,
        'busy (ms)': round(scan.busyMs as number),
        'wall (ms)': round(scan.wallMs as number),
        slices: scan.slices,
        'longest slice (ms)': round(scan.longestSliceMs as number),
      },
    });
    expect(figures.highlighted).toBeGreaterThan(100);
    expect(scan.gateOpen).toBe(true);
    // The one timing this test asserts, against the baseline of the same moment: in at least one of
    // the pairs, Parallax's visit held the main thread over 50 ms no more often than the no-op
    // extension's visit of the same page. A busy machine stretches both visits of a pair alike, and
    // noise spoils a pair, not all of them; a step that holds the thread on every visit (the content
    // script's start did, 50–100 ms, before it was split) fails every pair, and the test.
    // On a machine busier than BUSY_LOAD_PER_CORE the operating system's scheduling alone stretches
    // 10 ms slices past 50 ms (seen at load 14–19 on 2 cores: the content script's 26 kB took 41 ms
    // to pre-parse), so there the figures are printed with the load and not asserted.
    const load = loadavg()[0]! / cpus().length;
    const extraInBestPair = Math.min(...pairs.map((p) => p.parallax.longTasks.length - p.noop.longTasks.length));
    report('long page on the story, the assertion', { 'load average per core': round(load), asserted: load <= BUSY_LOAD_PER_CORE, 'extra tasks > 50 ms in the best pair': extraInBestPair });
    if (load <= BUSY_LOAD_PER_CORE) expect(extraInBestPair).toBeLessThanOrEqual(0);
    await page.close();
  }, 240_000);

  it('a page of 100,000 elements', async () => {
    const { page, figures } = await visitWith(browser, '/huge/elements.html', 2_000, true);
    const scan = await pageSideScan(page);
    report('100,000-element page', {
      elements: await page.evaluate(() => document.getElementsByTagName('*').length),
      'sentences highlighted': figures.highlighted,
      'visit with Parallax': perPair([{ parallax: figures, noop: figures }]).map((r) => ({
        'load → first highlight (ms)': r['load → first highlight (ms)'],
        'heartbeat > 50 ms': r['heartbeat > 50 ms, Parallax ("ms after load: duration")'],
      })),
      'page-side scan, measured in the page': {
        'busy (ms)': round(scan.busyMs as number),
        slices: scan.slices,
        'longest slice (ms)': round(scan.longestSliceMs as number),
      },
    });
    expect(figures.highlighted).toBeGreaterThan(5);
    await page.close();
  });

  it('a ~20,000-word page not about the story', async () => {
    const { page, pairs } = await pairedVisits('/long/off-story.html', 1_500);
    const figures = pairs[pairs.length - 1]!.parallax;
    const scan = await pageSideScan(page);
    report('long page not on the story', {
      'words on the page': figures.words,
      summary: pairSummary(pairs),
      'pairs of visits (Parallax, no-op extension)': perPair(pairs),
      'page-side work (cheap gate only)': {
        'busy (ms)': round(scan.busyMs as number),
        slices: scan.slices,
        'longest slice (ms)': round(scan.longestSliceMs as number),
      },
    });
    expect(figures.highlighted).toBe(0);
    expect(scan.gateOpen).toBe(false);
    await page.close();
  }, 240_000);
});
