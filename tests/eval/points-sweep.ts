/**
 * `npx tsx tests/eval/points-sweep.ts [--params JSON]...`: the points grouping alone, against both
 * sets of labels of the seed sentences: the dev set's gold points (tests/devset/, another reader's)
 * and the real set's labels (../shared/realset/ when present; `--realset PATH` reads another copy).
 * Each `--params` is one row of a sweep. The figures the eval prints for the grouping (`npm run
 * eval`), in a second instead of minutes: what lib/match/params.ts's points entries were swept with.
 */
import { groupPoints } from '../../lib/corpus/points';
import type { Corpus } from '../../lib/types';
import { loadSeedCorpus } from './evaluate';
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

function devPairs(corpus: Corpus): string {
  const article = (id: string): string => id.slice(0, id.lastIndexOf(':'));
  const goldPairs = new Set<string>();
  const acceptable = new Set<string>();
  for (const [p, ids] of gold.states) {
    const stated = [...ids];
    const ok = [...stated, ...(gold.touches.get(p) ?? [])];
    for (const a of stated) for (const b of stated) if (a < b && article(a) !== article(b)) goldPairs.add(`${a}|${b}`);
    for (const a of ok) for (const b of ok) if (a < b) acceptable.add(`${a}|${b}`);
  }
  const pairs = new Set<string>();
  for (const point of corpus.points)
    for (const a of point.sentenceIds) for (const b of point.sentenceIds) if (a < b && article(a) !== article(b)) pairs.add(`${a}|${b}`);
  let correct = 0;
  let found = 0;
  for (const k of pairs) {
    if (acceptable.has(k)) correct++;
    if (goldPairs.has(k)) found++;
  }
  return `P ${(pairs.size === 0 ? 1 : correct / pairs.size).toFixed(3)} (${correct}/${pairs.size}) R ${(found / goldPairs.size).toFixed(3)} (${found}/${goldPairs.size})`;
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
