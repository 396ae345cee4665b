/**
 * The points of the stored corpus. The bundled corpus comes with points over the seeds; once the
 * reader adds articles, their sentences join the points too, as any other outlet's wording, so the
 * points are grouped again over everything with the matcher's own similarity (groupPoints).
 *
 * Grouping costs a matcher lookup per sentence (about 90 ms for the five seeds, more with long
 * articles), so the result is stored with the corpus it was computed for and reused until the
 * bundled corpus or the reader's articles change.
 */
import { groupPoints } from '../corpus/points';
import type { Article, Point, Sentence } from '../types';
import type { ParallaxDB, PointsCache } from './database';

/** The stored rows, as one snapshot. */
export interface StoredCorpus {
  /** The bundled corpus's version, or null when the database does not say. */
  version: string | null;
  articles: Article[];
  sentences: Sentence[];
  /** The bundled points (seeds only). */
  seedPoints: Point[];
  cache: PointsCache | null;
}

/**
 * What the points were computed over: the bundled corpus and the reader's articles. An article's
 * text never changes under its id (articles are added and removed, not edited), so ids suffice.
 */
export function pointsBasis(version: string, articles: readonly Pick<Article, 'id' | 'origin'>[]): string {
  const userIds = articles.filter((a) => a.origin === 'user').map((a) => a.id).sort();
  return userIds.length === 0 ? version : `${version}|${userIds.join(',')}`;
}

/** The points of `stored`: bundled, cached, or grouped now (and cached for next time). */
export async function corpusPoints(db: ParallaxDB, stored: StoredCorpus): Promise<Point[]> {
  if (!stored.articles.some((a) => a.origin === 'user')) return stored.seedPoints;
  const basis = pointsBasis(stored.version ?? '', stored.articles);
  if (stored.cache?.basis === basis) return stored.cache.points;
  const points = groupPoints({ articles: stored.articles, sentences: stored.sentences });
  // Written only if the corpus is still the one grouped: a change meanwhile has its own basis.
  try {
    await db.transaction('rw', [db.articles, db.meta], async () => {
      const [meta, userIds] = await Promise.all([db.meta.get('corpus'), db.articles.where('origin').equals('user').primaryKeys()]);
      const now = pointsBasis(meta?.key === 'corpus' ? meta.version : '', userIds.map((id) => ({ id, origin: 'user' as const })));
      if (now === basis) await db.meta.put({ key: 'points', basis, points });
    });
  } catch (error) {
    // The cache saves time, not data: a full disk must not keep the reader from their matches.
    console.warn('Parallax could not cache the points of its corpus:', error);
  }
  return points;
}
