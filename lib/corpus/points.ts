/**
 * Points: sentences of different outlets that state the same fact, claim or quote, grouped by the
 * matcher's own similarity (lib/match/), never typed by hand.
 *
 * Every article sentence (body or heading) is scored against the corpus with the matcher, each
 * sentence by what it states (statement.ts: without the setting and attribution around its claim,
 * which outlets word alike whatever they report, and differently when they report the same); pairs
 * from different articles that reach `pointThreshold` are merged strongest first, average-linkage
 * style: two groups join only when the average similarity over all their cross pairs (a pair never
 * scored counts 0) reaches `pointLinkage`, so one strong link cannot chain unrelated sentences.
 * A sentence no other outlet echoes is a point of its own: the one outlet that states it.
 * Cost: one matcher lookup per sentence, then O(pairs · group size) merging; corpora are small.
 */
import type { Corpus, Point } from '../types';
import { Matcher } from '../match/matcher';
import { isSectionLabel } from '../text/roles';
import { statementOf } from './statement';
import type { MatchParams } from '../match/params';

type CorpusWithoutPoints = Pick<Corpus, 'articles' | 'sentences'>;

export function groupPoints(corpus: CorpusWithoutPoints, params: Partial<MatchParams> = {}): Point[] {
  // A section label ("Quick Takes") heads what follows and states nothing: no point of its own.
  const members = corpus.sentences.filter((s) => s.role === 'body' || (s.role === 'heading' && !isSectionLabel(s.text)));
  // The sentences alone, each as what it states: points given with the corpus (a rebuilt corpus)
  // must not echo into the similarities the points are made from. Furniture stays out, as the
  // matcher leaves it out of every index.
  const statements = new Map(members.map((s) => [s.id, statementOf(s.text)]));
  const matcher = Matcher.fromCorpus(
    { articles: corpus.articles, sentences: members.map((s) => ({ ...s, text: statements.get(s.id) ?? s.text })) },
    params,
  );
  const { pointThreshold, pointLinkage } = matcher.params;
  const articleOf = new Map(members.map((s) => [s.id, s.articleId]));

  // Symmetric similarity: the stronger of the two directions (a short sentence inside a long one
  // is the same point, though it covers only part of the long one).
  const sim = new Map<string, number>();
  const key = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const s of members) {
    for (const m of matcher.similarTo(statements.get(s.id) ?? s.text, pointThreshold * pointLinkage)) {
      if (m.sentenceId === s.id || !articleOf.has(m.sentenceId)) continue;
      const k = key(s.id, m.sentenceId);
      sim.set(k, Math.max(sim.get(k) ?? 0, m.score));
    }
  }

  const groupOf = new Map<string, string[]>(members.map((s) => [s.id, [s.id]]));
  const edges = [...sim.entries()]
    .filter(([k, w]) => {
      const [a = '', b = ''] = k.split('|');
      return w >= pointThreshold && articleOf.get(a) !== articleOf.get(b);
    })
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  for (const [k] of edges) {
    const [a = '', b = ''] = k.split('|');
    const ga = groupOf.get(a);
    const gb = groupOf.get(b);
    if (ga === undefined || gb === undefined || ga === gb) continue;
    let total = 0;
    for (const x of ga) for (const y of gb) total += sim.get(key(x, y)) ?? 0;
    if (total / (ga.length * gb.length) < pointLinkage) continue;
    const merged = [...ga, ...gb];
    for (const id of merged) groupOf.set(id, merged);
  }

  const order = new Map(members.map((s, i) => [s.id, i]));
  const text = new Map(members.map((s) => [s.id, s.text]));
  const articleIds = corpus.articles.map((a) => a.id);
  const seen = new Set<string[]>();
  const points: Point[] = [];
  for (const s of members) {
    const group = groupOf.get(s.id);
    if (group === undefined || seen.has(group)) continue;
    seen.add(group);
    // The representative is the member closest to all others; ties go to the shorter wording.
    const centrality = (id: string): number => group.reduce((t, o) => t + (o === id ? 0 : (sim.get(key(id, o)) ?? 0)), 0);
    const ranked = [...group].sort(
      (x, y) =>
        centrality(y) - centrality(x) ||
        (text.get(x)?.length ?? 0) - (text.get(y)?.length ?? 0) ||
        (order.get(x) ?? 0) - (order.get(y) ?? 0),
    );
    const representative = ranked[0] ?? s.id;
    const stating = new Set(group.map((id) => articleOf.get(id) ?? ''));
    points.push({
      id: `point:${representative}`,
      label: text.get(representative) ?? '',
      sentenceIds: ranked,
      articleIds: articleIds.filter((a) => stating.has(a)),
      missingArticleIds: articleIds.filter((a) => !stating.has(a)),
    });
  }
  return points;
}
