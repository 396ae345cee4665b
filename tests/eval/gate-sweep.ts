/**
 * `npx tsx tests/eval/gate-sweep.ts '[{"storyCoreScore":0.4}, {…}]'`: the page gate's figures for
 * each parameter set, one row each, in seconds rather than the full evaluation's minutes. What the
 * gate's values in lib/match/params.ts were chosen with:
 *  - the real set (tests/eval/realset.ts), its tune half apart: pages found and hard negatives
 *    flagged as excerpts, full pages and excerpts without dates, and sentence P / R of the excerpts;
 *  - what must stay at zero: off-story pages judged on the story in the dev set (both splits), the
 *    diagnostic rewrites and the unseen set (page verdicts only, no per-sentence figure of it);
 *  - on-story pages found in the sets written for the project, and each seed article left out.
 * Unseen is included only as a count of off-story pages judged on: it guards, it is not tuned on.
 */
import { DEFAULT_PARAMS, type MatchParams } from '../../lib/match/params';
import { loadDevset, resolveGold } from '../devset/devset';
import { loadDiagnostic } from '../devset/diagnostic/diagnostic';
import { loadUnseen } from '../devset/unseen/unseen';
import { loadSeedCorpus } from './evaluate';
import { evaluateLabeledPages, evaluateLeaveOneOut, evaluatePages, parallaxSystem } from './metrics';
import { DEFAULT_REALSET_PATH, figuresOf, precision, recall, coreRecall, runRealset, type RealsetMode } from './realset';

const sets = JSON.parse(process.argv[2] ?? '[{}]') as Partial<MatchParams>[];
const corpus = loadSeedCorpus();
const devset = loadDevset();
const gold = resolveGold(devset, corpus);
const known = new Set(devset.points.map((p) => p.id));
const diagnostic = loadDiagnostic(known);
const unseen = loadUnseen(known);
const active = new Set(corpus.sentences.map((s) => s.id));

const rows: string[][] = [];
for (const params of sets) {
  const system = parallaxSystem(corpus, params);
  const dev = evaluatePages(system, devset, gold, active);
  const diag = evaluateLabeledPages(system, diagnostic, gold, active);
  const uns = evaluateLabeledPages(system, unseen, gold, active);
  const loo = evaluateLeaveOneOut(corpus, gold, (c) => parallaxSystem(c, params));
  const modes: RealsetMode[] = ['excerpt', 'full', 'undated'];
  const real = runRealset({ corpus, params, path: DEFAULT_REALSET_PATH, modes });
  const cells: string[] = [JSON.stringify(params)];
  if (real !== null) {
    for (const m of real.modes) {
      const all = figuresOf(m);
      const tune = figuresOf(m, 'tune');
      cells.push(`${m.mode} ${all.onStoryFound}/${all.onStoryPages} (tune ${tune.onStoryFound}/${tune.onStoryPages}) hard ${all.hardFlagged}/${all.hardPages} (tune ${tune.hardFlagged})`);
      if (m.mode === 'excerpt') {
        const s = all.sentences;
        cells.push(`P ${precision(s).toFixed(3)} R ${recall(s).toFixed(3)} p01 ${coreRecall(s).toFixed(3)}`);
      }
    }
  }
  // Every off-story page again, dated on the story's own day: the worst case for the dated threshold
  // (other news of the same days), which no set written for the project holds.
  const storyDay = corpus.articles[0]?.date ?? null;
  const offPages = [
    ...devset.pages.filter((p) => !p.onStory),
    ...diagnostic.filter((p) => !p.onStory),
    ...unseen.filter((p) => !p.onStory),
  ];
  const dated = offPages.map((p) => ({
    id: p.id,
    verdict: system.matcher.scanPage({ title: p.title, sentences: p.sentences.map((s) => s.text), published: storyDay }),
  }));
  const datedOn = dated.filter((d) => d.verdict.onStory);
  const highest = Math.max(0, ...dated.map((d) => d.verdict.storyScore));
  cells.push(
    `off-story pages dated on the story's day judged on: ${datedOn.length}/${offPages.length} ${datedOn.map((p) => p.id).join(' ')} (highest evidence ${highest.toFixed(3)})`,
  );
  const offOn = dev.offStoryPages.dev.pagesOnStory + dev.offStoryPages.test.pagesOnStory;
  const onFound = dev.onStoryPages.dev.pagesOnStory + dev.onStoryPages.test.pagesOnStory;
  const onPages = dev.onStoryPages.dev.pages + dev.onStoryPages.test.pages;
  cells.push(
    `off-story judged on: dev ${offOn}, diag ${diag.offStoryJudgedOn}/${diag.offStoryPages}, unseen ${uns.offStoryJudgedOn}/${uns.offStoryPages}`,
    `on found: dev ${onFound}/${onPages}, diag ${diag.onStoryFound}/${diag.onStoryPages}, unseen ${uns.onStoryFound}/${uns.onStoryPages}, loo ${loo.filter((l) => l.onStory).length}/${loo.length}`,
  );
  rows.push(cells);
}
console.log(`defaults: ${JSON.stringify(Object.fromEntries(Object.entries(DEFAULT_PARAMS).filter(([k]) => k.startsWith('story'))))}`);
for (const r of rows) console.log(r.join('\n   '));
