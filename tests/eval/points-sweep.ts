/**
 * `npx tsx tests/eval/points-sweep.ts [--params JSON]...`: the points grouping alone, against both
 * sets of labels of the seed sentences: the dev set's gold points (tests/devset/, another reader's)
 * and the real set's labels (../shared/realset/ when present; `--realset PATH` reads another copy).
 * Each `--params` is one row of a sweep. The figures the eval prints for the grouping (`npm run
 * eval`), in a second instead of minutes: what lib/match/params.ts's points entries were swept with.
 */
import { groupPoints } from '../../lib/corpus/points';
import type { Corpus } from '../../lib/types';
import { loadSeedCorpus, pointPairs } from './evaluate';
import { loadDevset, resolveGold } from './metrics';
import { DEFAULT_REALSET_PATH, loadRealset } from './realset';
import { realPointPairs } from './realset-points';
import type { MatchParams } from '../../lib/match/params';

const base = loadSeedCorpus();
const gold = resolveGold(loadDevset(), base);
const realsetAt = process.argv.indexOf('--realset');
const realsetPath = realsetAt < 0 ? DEFAULT_REALSET_PATH : (process.argv[realsetAt + 1] ?? '');
const realset = loadRealset(realsetPath);
if (realset === null) console.log(`Real coverage set: none at ${realsetPath} (--realset PATH reads it from elsewhere); dev gold points only.`);

/** The eval's own pair counts (evaluate.ts), as one line. */
function devPairs(corpus: Corpus): string {
  const { predictedPairs, correctPairs, goldPairs, foundPairs } = pointPairs(corpus, gold);
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  return `P ${precision.toFixed(3)} (${correctPairs}/${predictedPairs}) R ${(foundPairs / goldPairs).toFixed(3)} (${foundPairs}/${goldPairs})`;
}

const rows: Partial<MatchParams>[] = [];
process.argv.forEach((a, i) => {
  if (a !== '--params') return;
  try {
    rows.push(JSON.parse(process.argv[i + 1] ?? '') as Partial<MatchParams>);
  } catch {
    throw new Error(`--params expects a JSON object of MatchParams, e.g. '{"pointThreshold":0.3}'; got ${process.argv[i + 1] ?? 'nothing'}`);
  }
});
if (rows.length === 0) rows.push({});
for (const params of rows) {
  const t = performance.now();
  const points = groupPoints(base, params);
  const corpus = { ...base, points };
  const ms = (performance.now() - t).toFixed(0);
  const single = points.filter((p) => p.articleIds.length === 1).length;
  console.log(`${JSON.stringify(params)}  ${points.length} points (${single} single-outlet), ${ms} ms`);
  console.log(`  dev gold points: cross-article pairs ${devPairs(corpus)}`);
  if (realset !== null) console.log(`  ${realPointPairs(corpus, realset).line}`);
}
