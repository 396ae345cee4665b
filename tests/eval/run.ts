/**
 * `npm run eval`: precision, recall and F1 of sentence → point matching, and the share of
 * sentences flagged on off-story pages, for Parallax and two baselines, on the dev and the
 * held-out test split of tests/devset/, plus leave-one-outlet-out, the unseen held-out set
 * (tests/devset/unseen/: aggregate figures only, so that nobody diagnoses misses on it), the
 * diagnostic rewrites and the points grouping; and, when ../shared/realset/realset.json is there
 * (`--realset PATH` for another place), the real set's sentences and its seed labels (realset-sentences.ts).
 * `npm run eval -- --params '{"matchThreshold":0.4}'` evaluates other parameters (dev split only
 * is for tuning; never tune on test). `npm run eval -- --tuning` leaves the unseen set out: use it
 * while changing the matcher.
 * The real coverage set (tests/eval/realset.ts) is reported first, read from ../shared/realset/
 * when it is there (`--realset PATH` reads another copy; a one-line note when there is none);
 * `--realset-only` prints it alone, `--no-per-page` leaves out its per-page tables.
 */
import { scores, type Counts, type LabeledPagesResult } from './metrics';
import { loadSeedCorpus, runEval, type SystemRun } from './evaluate';
import type { Split } from '../devset/devset';
import { loadRealset, realsetPathArg } from './realset-labels';
import { evaluateRealset, printRealset } from './realset-sentences';
import { DEFAULT_REALSET_PATH, formatRealset, runRealset } from './realset';

const SPLITS: Split[] = ['dev', 'test'];

function parseParams(argv: readonly string[]): Record<string, number> {
  const i = argv.indexOf('--params');
  if (i < 0) return {};
  const raw = argv[i + 1];
  try {
    return JSON.parse(raw ?? '') as Record<string, number>;
  } catch {
    throw new Error(`--params expects a JSON object of MatchParams, e.g. '{"matchThreshold":0.4}'; got ${raw ?? 'nothing'}`);
  }
}

function pct(x: number): string {
  return x.toFixed(3);
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function countRow(label: string, split: Split, c: Counts): string[] {
  const s = scores(c);
  return [label, split, pct(s.precision), pct(s.recall), pct(s.f1), pct(s.matchPrecision), `${c.items} (${c.positives})`];
}

const argv = process.argv.slice(2);
const params = parseParams(argv);
// --tuning: while changing the matcher, leave the unseen held-out set out of the run entirely.
const tuning = argv.includes('--tuning');
const started = performance.now();

const realsetAt = argv.indexOf('--realset');
const realsetPath = realsetAt < 0 ? DEFAULT_REALSET_PATH : argv[realsetAt + 1];
if (realsetPath === undefined || realsetPath.startsWith('--')) throw new Error('--realset expects the path of a realset.json');
const realset = runRealset({ corpus: loadSeedCorpus(), params, path: realsetPath });
if (realset === null) console.log(`Real coverage set: none at ${realsetPath} (--realset PATH reads it from elsewhere); the other sets follow.`);
else console.log(formatRealset(realset, { perPage: !argv.includes('--no-per-page') }));
console.log('');
if (argv.includes('--realset-only')) process.exit(0);

const run = runEval({ params, unseen: !tuning });
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const sentences = run.devset.sentences;
const pageSentences = run.devset.pages.reduce((n, p) => n + p.sentences.length, 0);
console.log(`Parallax evaluation  (${seconds} s)`);
console.log(
  `corpus: ${run.corpus.articles.length} articles, ${run.corpus.sentences.filter((s) => s.role !== 'furniture').length} article sentences, ` +
    `${run.corpus.points.length} points (${run.points.shared} stated by several outlets)`,
);
console.log(
  `dev set: ${run.devset.points.length} gold points, ${sentences.length} labeled sentences ` +
    `(${sentences.filter((s) => s.kind === 'paraphrase').length} paraphrases, ${sentences.filter((s) => s.kind === 'negative').length} negatives), ` +
    `${run.devset.pages.length} pages with ${pageSentences} sentences, plus every seed sentence in leave-one-outlet-out`,
);
if (Object.keys(params).length > 0) console.log(`params: ${JSON.stringify(params)}`);
console.log('');

const HEAD = ['system', 'split', 'P', 'R', 'F1', 'match P', 'items (pos)'];
const section = (title: string, pick: (s: SystemRun, split: Split) => Counts): void => {
  console.log(title);
  console.log(table(HEAD, run.systems.flatMap((s) => SPLITS.map((split) => countRow(s.name, split, pick(s, split))))));
  console.log('');
};
section('All sentence → point matching (labeled sentences + on-story page sentences + leave-one-outlet-out)', (s, sp) => s.all[sp]);
section('Labeled sentences (paraphrases and hard negatives, no page gate)', (s, sp) => s.sentences[sp]);
section('On-story pages (page scan, with the page gate)', (s, sp) => s.pages.onStoryPages[sp].counts);
section('Leave one outlet out (each seed article against the other four)', (s, sp) => s.leaveOneOut[sp]);

console.log('Pages (page scan)');
console.log(
  table(
    ['system', 'split', 'off-story pages judged on story', 'off-story sentences flagged', 'on-story pages found'],
    run.systems.flatMap((s) =>
      SPLITS.map((split) => {
        const off = s.pages.offStoryPages[split];
        const on = s.pages.onStoryPages[split];
        return [
          s.name,
          split,
          `${off.pagesOnStory} / ${off.pages}`,
          `${off.flagged} / ${off.sentences} (${pct(off.sentences === 0 ? 0 : off.flagged / off.sentences)})`,
          `${on.pagesOnStory} / ${on.pages}`,
        ];
      }),
    ),
  ),
);
console.log('');

const parallax = run.systems[0];
if (parallax !== undefined) {
  console.log('Leave one outlet out, Parallax, per outlet (dev + test)');
  console.log(
    table(
      ['outlet', 'P', 'R', 'F1', 'items (pos)', 'gate: on story'],
      parallax.looPerOutlet.map((l) => {
        const c: Counts = {
          tp: l.bySplit.dev.tp + l.bySplit.test.tp,
          fp: l.bySplit.dev.fp + l.bySplit.test.fp,
          fn: l.bySplit.dev.fn + l.bySplit.test.fn,
          items: l.bySplit.dev.items + l.bySplit.test.items,
          positives: l.bySplit.dev.positives + l.bySplit.test.positives,
          matches: l.bySplit.dev.matches + l.bySplit.test.matches,
          correctMatches: l.bySplit.dev.correctMatches + l.bySplit.test.correctMatches,
        };
        const s = scores(c);
        return [l.outlet, pct(s.precision), pct(s.recall), pct(s.f1), `${c.items} (${c.positives})`, l.onStory ? 'yes' : 'NO'];
      }),
    ),
  );
  console.log('');
}

/** The figures of a labeled-pages set, one row per system. */
const labeledPagesTable = (pick: (s: SystemRun) => LabeledPagesResult): string =>
  table(
    ['system', 'scan P', 'scan R', 'scan F1', 'alone P', 'alone R', 'items (pos)', 'on-story pages found', 'off-story: judged on / flagged', 'off-story alone flagged'],
    run.systems.map((sys) => {
      const d = pick(sys);
      const a = scores(d.scanned);
      const b = scores(d.ungated);
      return [
        sys.name,
        pct(a.precision),
        pct(a.recall),
        pct(a.f1),
        pct(b.precision),
        pct(b.recall),
        `${d.scanned.items} (${d.scanned.positives})`,
        `${d.onStoryFound} / ${d.onStoryPages}`,
        `${d.offStoryJudgedOn} / ${d.offStoryPages}, ${d.offStoryFlagged} / ${d.offStorySentences}`,
        `${d.offStoryUngatedFlagged} / ${d.offStorySentences}`,
      ];
    }),
  );

const unseenPages = run.unseen;
if (tuning) console.log('Unseen held-out set: left out (--tuning)');
else console.log(
  `Unseen held-out set (tests/devset/unseen/: ${unseenPages.filter((u) => u.onStory).length} pages of coverage by outlets outside the corpus, ` +
    `${unseenPages.filter((u) => !u.onStory).length} off-story pages; labeled blind to the matcher and never tuned on: the generalization figure)`,
);
if (!tuning) console.log(labeledPagesTable((s) => s.unseen));
console.log('');

const diagnosticPages = run.diagnostic;
console.log(
  `Diagnostic rewrites (tests/devset/diagnostic/: ${diagnosticPages.filter((d) => d.onStory).length} rewrites as other outlets, ` +
    `${diagnosticPages.filter((d) => !d.onStory).length} off-story pages; in neither split; looked at while changing the matcher, so optimistic)`,
);
console.log(labeledPagesTable((s) => s.diagnostic));
if (parallax !== undefined) {
  console.log('');
  console.log('Diagnostic rewrites, Parallax, per page ("alone": each sentence matched without the page gate)');
  console.log(
    table(
      ['page', 'on story', 'judged', 'scan P', 'scan R', 'alone P', 'alone R', 'flagged', 'alone flagged', 'items (pos)'],
      parallax.diagnostic.perPage.map((pg) => {
        const a = scores(pg.scanned);
        const b = scores(pg.ungated);
        return [
          pg.id,
          pg.onStory ? 'yes' : 'no',
          pg.judgedOnStory ? 'on' : 'off',
          pct(a.precision),
          pct(a.recall),
          pct(b.precision),
          pct(b.recall),
          `${pg.flagged}`,
          `${pg.ungatedFlagged}`,
          `${pg.scanned.items} (${pg.scanned.positives})`,
        ];
      }),
    ),
  );
}
console.log('');

const p = run.points;
console.log('Points grouping (cross-outlet sentence pairs sharing a computed point, against the gold points)');
console.log(
  `pair precision ${pct(p.predictedPairs === 0 ? 1 : p.correctPairs / p.predictedPairs)} (${p.correctPairs}/${p.predictedPairs}), ` +
    `pair recall ${pct(p.goldPairs === 0 ? 1 : p.foundPairs / p.goldPairs)} (${p.foundPairs}/${p.goldPairs})`,
);
console.log('');
// The real set (other people's text, read from ../shared when present, never copied here).
const labelsPath = realsetPathArg(argv);
const labels = loadRealset(labelsPath);
if (labels === null) console.log(`Real set: not found at ${labelsPath} (--realset PATH); its figures are left out.`);
else printRealset(evaluateRealset(run.corpus, labels, params));
console.log('');
console.log(
  'P: flagged sentences whose best match states one of their gold points; R: sentences stating a point the corpus holds ' +
    'that got such a best match; match P: all listed matches. TF-IDF threshold chosen by dev F1.',
);
