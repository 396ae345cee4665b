/**
 * `npx tsx tests/eval/diagnose.ts [--set diagnostic|dev|loo] [--params '{…}']`: why the matcher misses
 * what it misses. For each sentence whose best match is wrong or absent, it prints the failure type
 * and the evidence:
 *  - retrieval: no corpus sentence stating a gold point is among the candidates;
 *  - names-only: a gold sentence is scored 0 because the shared terms are (nearly) all names;
 *  - roles: a gold sentence's score is cut by the role-reversal check;
 *  - low score: a gold sentence is scored, but below the threshold (coverage too small);
 *  - outranked: a gold sentence matches, but another sentence ranks first;
 *  - false positive: a match where none is labeled.
 * and, for the best gold sentence, the terms of both sides with their weights (shared ones marked).
 * It reads the diagnostic rewrites by default; the dev split of the labeled sentences, or the dev
 * split of leave-one-outlet-out (each seed article's sentences against the other four, with the
 * page's threshold when the gate finds the article on the story), on request.
 * Never the held-out test split or the unseen set: looking at their misses one by one is tuning on them.
 */
import { CorpusIndex } from '../../lib/match/corpus-index';
import { Matcher } from '../../lib/match/matcher';
import { DEFAULT_PARAMS, pageMatchThreshold, type MatchParams } from '../../lib/match/params';
import { similarity } from '../../lib/match/similarity';
import { loadDevset, resolveGold } from '../devset/devset';
import { loadDiagnostic } from '../devset/diagnostic/diagnostic';
import { loadSeedCorpus } from './evaluate';
import { articleItems, withoutArticle } from './metrics';
import type { Corpus } from '../../lib/types';

interface Item {
  id: string;
  text: string;
  points: string[];
  touches: string[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

const params: MatchParams = { ...DEFAULT_PARAMS, ...(JSON.parse(arg('--params') ?? '{}') as Partial<MatchParams>) };
const set = arg('--set') ?? 'diagnostic';
if (set !== 'diagnostic' && set !== 'dev' && set !== 'loo') {
  throw new Error(`--set must be "diagnostic", "dev" or "loo" (got "${set}"): the held-out split is reported by npm run eval, not diagnosed`);
}
const fullCorpus = loadSeedCorpus();
const devset = loadDevset();
const gold = resolveGold(devset, fullCorpus);
const textOf = new Map(fullCorpus.sentences.map((s) => [s.id, s.text]));
const counts = new Map<string, number>();
let total = 0;

if (set === 'loo') {
  // Dev split only: the test split's sentences are reported by npm run eval, never diagnosed.
  for (const article of fullCorpus.articles) {
    const rest = withoutArticle(fullCorpus, article.id);
    const items = articleItems(fullCorpus, article.id, gold);
    const matcher = Matcher.fromCorpus(rest, params);
    const verdict = matcher.scanPage({ title: article.title, sentences: items.map((i) => i.text) });
    const threshold = verdict.onStory ? pageMatchThreshold(params) : params.matchThreshold;
    diagnose(
      rest,
      items.filter((i) => i.split === 'dev').map((i) => ({ id: i.id, text: i.text, points: i.points, touches: i.touchPoints })),
      threshold,
      matcher,
    );
  }
} else {
  const items: Item[] =
    set === 'diagnostic'
      ? loadDiagnostic(new Set(devset.points.map((p) => p.id))).flatMap((page) =>
          page.sentences.map((s, i) => ({ id: `${page.id}:${i}`, text: s.text, points: s.points, touches: s.touches })),
        )
      : devset.sentences
          .filter((s) => s.split === set)
          .map((s) => ({ id: s.id, text: s.text, points: s.points, touches: [] }));
  diagnose(fullCorpus, items, params.matchThreshold);
}
console.log(`\n${total} items; failures by type: ${[...counts].map(([t, n]) => `${t} ${n}`).join(', ')}`);

function diagnose(
  corpus: Pick<Corpus, 'articles' | 'sentences' | 'points'>,
  items: readonly Item[],
  threshold: number,
  matcher = Matcher.fromCorpus(corpus, params),
): void {
  const index = new CorpusIndex(corpus, params);
  const active = new Set(index.targets.map((t) => t.sentence.id));
  total += items.length;
  for (const item of items) {
    const stating = new Set(item.points.flatMap((p) => [...(gold.states.get(p) ?? [])].filter((id) => active.has(id))));
    const acceptable = new Set([
      ...stating,
      ...[...item.points, ...item.touches].flatMap((p) => [...(gold.states.get(p) ?? []), ...(gold.touches.get(p) ?? [])]),
    ]);
    const matches = matcher.matchSentence(item.text, threshold);
    const best = matches[0];
    const correct = best !== undefined && acceptable.has(best.sentenceId);
    if (correct || (best === undefined && stating.size === 0)) continue;

    const query = index.query(item.text);
    const candidates = new Set(index.candidates(query));
    const goldScores = [...stating].map((id) => {
      const i = index.targets.findIndex((t) => t.sentence.id === id);
      const target = index.targets[i]!;
      return { id, candidate: candidates.has(i), sim: similarity(query, target, params), target };
    });
    goldScores.sort((a, b) => b.sim.score - a.sim.score);
    const top = goldScores[0];
    let type: string;
    if (stating.size === 0) type = 'false positive';
    else if (best !== undefined && top !== undefined && top.sim.score >= threshold) type = 'outranked';
    else if (!goldScores.some((g) => g.candidate)) type = 'retrieval';
    else if (top?.sim.namesOnly) type = 'names-only';
    else if (top?.sim.rolesReversed) type = 'roles';
    else type = 'low score';
    counts.set(type, (counts.get(type) ?? 0) + 1);

    console.log(`\n[${type}] ${item.id}  gold: ${item.points.join(', ') || '(none)'}`);
    console.log(`  page:  ${item.text}`);
    if (best !== undefined) console.log(`  best:  ${best.score.toFixed(3)} ${best.sentenceId}  ${best.text.slice(0, 140)}`);
    if (top !== undefined) {
      const s = top.sim;
      console.log(
        `  gold:  ${s.score.toFixed(3)} ${top.id}${top.candidate ? '' : ' (not a candidate)'} page cov ${s.pageCoverage.toFixed(2)} corpus cov ${s.corpusCoverage.toFixed(2)}` +
          `${s.namesOnly ? ' NAMES-ONLY' : ''}${s.rolesReversed ? ' ROLES' : ''} order ${s.orderAgreement.toFixed(2)}`,
      );
      console.log(`         ${(textOf.get(top.id) ?? '').slice(0, 160)}`);
      const shared = (t: string): string => (top.target.positions.has(t) ? '*' : '');
      console.log(
        `  page terms:   ${[...query.weights].map(([t, w]) => `${shared(t)}${t}${query.names.has(t) ? '(n)' : ''}:${w.toFixed(1)}`).join(' ')}`,
      );
      console.log(
        `  corpus terms: ${[...top.target.positions.keys()]
          .map((t) => `${query.positions.has(t) ? '*' : ''}${t}:${index.weightOf(t, index.nameTerms.has(t)).toFixed(1)}`)
          .join(' ')}`,
      );
    }
  }
}
