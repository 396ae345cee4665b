/**
 * The two baselines `npm run eval` and `npm run bench` compare Parallax with:
 *  - plain Fuse.js over every corpus article sentence, default options (what one would try first);
 *  - TF-IDF cosine over the same sentences (lowercased words, no stemming, no lexicon).
 * Both see the same corpus sentences as the matcher: article sentences, furniture left out.
 */
import Fuse from 'fuse.js';
import type { Corpus, Sentence } from '../../lib/types';
import { normalizedTokens } from '../../lib/text/normalize';

export interface Scored {
  sentenceId: string;
  score: number;
}

/** Anything that can match one sentence against the corpus, best first. */
export interface SentenceMatcher {
  name: string;
  match(text: string): Scored[];
}

function targets(corpus: Pick<Corpus, 'sentences'>): Sentence[] {
  return corpus.sentences.filter((s) => s.role !== 'furniture');
}

/** Fuse.js with its default options; its own threshold (0.6) decides what is a match. */
export class FuseBaseline implements SentenceMatcher {
  readonly name = 'Fuse.js (defaults)';
  private readonly fuse: Fuse<Sentence>;

  constructor(corpus: Pick<Corpus, 'sentences'>) {
    this.fuse = new Fuse(targets(corpus), { keys: ['text'], includeScore: true });
  }

  match(text: string): Scored[] {
    return this.fuse.search(text).map((r) => ({ sentenceId: r.item.id, score: 1 - (r.score ?? 1) }));
  }
}

/** TF-IDF cosine over lowercased words; scores above `threshold` are matches. */
export class TfidfBaseline implements SentenceMatcher {
  readonly name: string;
  private readonly docs: { id: string; vector: Map<string, number>; norm: number }[] = [];
  private readonly idf = new Map<string, number>();
  private readonly unseenWeight: number;

  constructor(
    corpus: Pick<Corpus, 'sentences'>,
    private readonly threshold: number,
  ) {
    this.name = `TF-IDF cosine (≥ ${threshold.toFixed(2)})`;
    const sentences = targets(corpus);
    const df = new Map<string, number>();
    const tokenized = sentences.map((s) => normalizedTokens(s.text));
    for (const tokens of tokenized) for (const t of new Set(tokens)) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, n] of df) this.idf.set(t, Math.log((1 + sentences.length) / (1 + n)) + 1);
    // Words the corpus never saw get the rarest weight: they count against the match.
    this.unseenWeight = Math.log(1 + sentences.length) + 1;
    sentences.forEach((s, i) => {
      const vector = this.vectorize(tokenized[i] ?? []);
      this.docs.push({ id: s.id, vector, norm: norm(vector) });
    });
  }

  match(text: string): Scored[] {
    const q = this.vectorize(normalizedTokens(text));
    const qn = norm(q);
    if (qn === 0) return [];
    const out: Scored[] = [];
    for (const d of this.docs) {
      let dot = 0;
      for (const [t, w] of q) dot += w * (d.vector.get(t) ?? 0);
      const score = d.norm === 0 ? 0 : dot / (qn * d.norm);
      if (score >= this.threshold) out.push({ sentenceId: d.id, score });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  private vectorize(tokens: readonly string[]): Map<string, number> {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    for (const [t, n] of tf) v.set(t, n * (this.idf.get(t) ?? this.unseenWeight));
    return v;
  }
}

function norm(v: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}
