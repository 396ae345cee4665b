/**
 * `npx tsx tests/eval/realset-run.ts [--realset PATH] [--params '{…}']`: the real set's sentence
 * figures (gate set aside) and the points grouping against its seed labels, in a few seconds:
 * what a sweep of one parameter runs. `npm run eval` prints the same section among the rest.
 */
import { loadSeedCorpus } from './evaluate';
import { groupPoints } from '../../lib/corpus/points';
import { loadRealset, realsetPathArg } from './realset-labels';
import { evaluateRealset, printRealset } from './realset-sentences';

const argv = process.argv.slice(2);
const i = argv.indexOf('--params');
const params = i < 0 ? {} : (JSON.parse(argv[i + 1] ?? '{}') as Record<string, number>);
const path = realsetPathArg(argv);
const realset = loadRealset(path);
if (realset === null) {
  console.log(`Real set: not found at ${path} (pass --realset PATH); nothing to report.`);
} else {
  const seeds = loadSeedCorpus();
  // Points are grouped again with the parameters under test (the bundled corpus uses the defaults).
  const corpus = { ...seeds, points: groupPoints(seeds, params) };
  printRealset(evaluateRealset(corpus, realset, params));
}
