/**
 * Points: sentences of different outlets that state the same fact, claim or quote, grouped by the
 * matcher's own similarity (lib/match/), never typed by hand.
 *
 * Every article sentence (body or heading) is scored against the corpus with the matcher, each
 * sentence by what it states (statement.ts: without the setting and attribution around its claim,
 * which outlets word alike whatever they report, and differently when they report the same); pairs
 * from different articles that reach `pointThreshold` are merged strongest first, average-linkage
 * style: two groups join only when the average similarity over all their cross pairs (a pair never
 * scored counts 0) reaches `pointLinkage`, so one strong link cannot chain unrelated sentences. Two
 * neighbouring sentences of one article are no such pair: an outlet splits one remark over two
 * sentences ("We'll do what we can on the margins. We'll be ready to help …") that another states
 * in one, and the halves, which say different parts of it, need not resemble each other.
 * Then a second round: two sentences that follow sentences of one point in their articles (the
 * outlets tell the story in the same order) have their similarity raised by `pointSequenceBonus`.
 * A sentence no other outlet echoes is a point of its own: the one outlet that states it.
 * Cost: one matcher lookup per sentence, then O(pairs · group size) merging, twice; corpora are small.
 */
import type { Corpus, Point, Sentence } from '../types';
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

  // Neighbours: consecutive members of one article (the average linkage leaves their pair out).
  const neighbours = new Set<string>();
  members.forEach((s, i) => {
    const before = members[i - 1];
    if (before !== undefined && before.articleId === s.articleId) neighbours.add(key(before.id, s.id));
  });
  const link = (similarity: ReadonlyMap<string, number>): Map<string, string[]> =>
    averageLinkage(members, articleOf, similarity, key, neighbours, pointThreshold, pointLinkage);
  let groupOf = link(sim);
  // Outlets tell one story in much the same order, quoting the same remarks in sequence: two
  // sentences that follow sentences of one point (of two outlets or more) are likelier to state one
  // point too. Their similarity, if they share anything, gains pointSequenceBonus, and the
  // grouping runs again; a second round changes nothing on the seed corpus.
  const previous = new Map<string, string>();
  members.forEach((s, i) => {
    const before = members[i - 1];
    if (before !== undefined && before.articleId === s.articleId) previous.set(s.id, before.id);
  });
  const outletsOf = (group: readonly string[]): number => new Set(group.map((id) => articleOf.get(id))).size;
  const sequenced = new Map(sim);
  for (const [k, w] of sim) {
    const [a = '', b = ''] = k.split('|');
    if (articleOf.get(a) === articleOf.get(b)) continue;
    const pa = previous.get(a);
    const pb = previous.get(b);
    if (pa === undefined || pb === undefined) continue;
    const group = groupOf.get(pa);
    if (group !== undefined && group === groupOf.get(pb) && outletsOf(group) >= 2) sequenced.set(k, w + matcher.params.pointSequenceBonus);
  }
  groupOf = link(sequenced);

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

/**
 * Average-linkage grouping: pairs from different articles at `threshold` join strongest first,
 * and two groups join only when the average similarity over all their cross pairs (a pair never
 * scored counts 0; a pair of `neighbours`, one remark split in two, is left out) reaches `linkage`,
 * so one strong link cannot chain unrelated sentences.
 * Returns each sentence's group (one array shared by its members).
 */
function averageLinkage(
  members: readonly Sentence[],
  articleOf: ReadonlyMap<string, string>,
  sim: ReadonlyMap<string, number>,
  key: (a: string, b: string) => string,
  neighbours: ReadonlySet<string>,
  threshold: number,
  linkage: number,
): Map<string, string[]> {
  const groupOf = new Map<string, string[]>(members.map((s) => [s.id, [s.id]]));
  const edges = [...sim.entries()]
    .filter(([k, w]) => {
      const [a = '', b = ''] = k.split('|');
      return w >= threshold && articleOf.get(a) !== articleOf.get(b);
    })
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  for (const [k] of edges) {
    const [a = '', b = ''] = k.split('|');
    const ga = groupOf.get(a);
    const gb = groupOf.get(b);
    if (ga === undefined || gb === undefined || ga === gb) continue;
    let total = 0;
    let pairs = 0;
    for (const x of ga) {
      for (const y of gb) {
        const k = key(x, y);
        if (neighbours.has(k)) continue;
        total += sim.get(k) ?? 0;
        pairs++;
      }
    }
    if (pairs > 0 && total / pairs < linkage) continue;
    const merged = [...ga, ...gb];
    for (const id of merged) groupOf.set(id, merged);
  }
  return groupOf;
}
