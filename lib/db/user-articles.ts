/**
 * The reader's own articles: pasted, or taken from a page, built exactly as the seeds are
 * (buildArticle: the same sentence splitting, roles, tokens and quotes) and stored with origin
 * "user", where matching and the points pick them up as one more outlet's wording. Seeding never
 * touches them (seed.ts); the background keeps a copy outside IndexedDB (backup.ts).
 *
 * Every change is one transaction: an article is stored whole or not at all.
 */
import { buildArticle } from '../corpus/build';
import { CorpusInputError, formatBytes, throwIfProblems, utf8ByteLength, type InputProblem } from '../corpus/validate';
import type { Article, Sentence } from '../types';
import { asDatabaseProblem, type ParallaxDB } from './database';
import { describeArticle, MAX_LIBRARY_BYTES, newArticleProblems, type NewArticle } from './new-article';

export { describeArticle, MAX_LIBRARY_BYTES, MAX_OUTLET_CHARS, newArticleProblems, USER_ID, type NewArticle } from './new-article';


/** One of the reader's articles as the options page lists it. */
export interface UserArticleSummary {
  id: string;
  outlet: string;
  title: string;
  url: string | null;
  date: string | null;
  /** ms since epoch */
  addedAt: number;
  /** Sentences matching can find (furniture left out). */
  sentenceCount: number;
  /** Size of its text in UTF-8. */
  bytes: number;
}

/** An article ready to store: built, with its library record. */
export interface BuiltUserArticle {
  article: Article;
  sentences: Sentence[];
  addedAt: number;
}

/** Whitespace-insensitive form of a text, for telling the same article pasted twice. */
export function sameTextKey(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Builds a new article, or throws a CorpusInputError naming `label` and everything wrong. */
export function buildUserArticle(label: string, input: NewArticle, options: { id?: string; addedAt?: number } = {}): BuiltUserArticle {
  throwIfProblems(newArticleProblems(label, input));
  const { article, sentences } = buildArticle({
    id: options.id,
    outlet: input.outlet.trim(),
    text: input.text,
    title: input.title?.trim() || null,
    url: input.url?.trim() || null,
    date: input.date?.trim() || null,
  });
  return { article, sentences, addedAt: options.addedAt ?? Date.now() };
}

/** What stops `built` from joining the stored articles: a duplicate, or a library grown too large. */
interface Stored {
  ids: Set<string>;
  /** sameTextKey of every stored article's text → how the reader knows that article. */
  texts: Map<string, string>;
  userBytes: number;
}

async function readStored(db: ParallaxDB): Promise<Stored> {
  const articles = await db.articles.toArray();
  const stored: Stored = { ids: new Set(), texts: new Map(), userBytes: 0 };
  for (const a of articles) {
    stored.ids.add(a.id);
    stored.texts.set(sameTextKey(a.text), describeArticle(a));
    if (a.origin === 'user') stored.userBytes += utf8ByteLength(a.text);
  }
  return stored;
}

/** Why `built` is a duplicate of a stored article, or null. */
function duplicateOf(stored: Stored, built: BuiltUserArticle): string | null {
  if (stored.ids.has(built.article.id)) return `an article with its id (${built.article.id}) is already stored`;
  const same = stored.texts.get(sameTextKey(built.article.text));
  return same === undefined ? null : `its text is already stored, as ${same}`;
}

function libraryTooLarge(label: string, bytes: number): InputProblem {
  return {
    input: label,
    problem:
      `would bring your own articles to ${formatBytes(bytes)}; Parallax keeps at most ${formatBytes(MAX_LIBRARY_BYTES)} ` +
      'of them, so that their backup copy fits the browser’s extension storage. Remove some first',
  };
}

/**
 * Writes built articles; the caller's transaction makes it all-or-nothing. Articles are added
 * (an id taken is an error); their sentences and records are put, since rows left under a free id
 * can only be leftovers of an article that is gone.
 */
async function store(db: ParallaxDB, built: readonly BuiltUserArticle[]): Promise<void> {
  await db.articles.bulkAdd(built.map((b) => b.article));
  await db.sentences.bulkPut(built.flatMap((b) => b.sentences));
  await db.userArticles.bulkPut(built.map((b) => ({ articleId: b.article.id, addedAt: b.addedAt })));
}

function summary(article: Article, sentences: readonly Pick<Sentence, 'role'>[], addedAt: number): UserArticleSummary {
  return {
    id: article.id,
    outlet: article.outlet,
    title: article.title,
    url: article.url,
    date: article.date,
    addedAt,
    sentenceCount: sentences.filter((s) => s.role !== 'furniture').length,
    bytes: utf8ByteLength(article.text),
  };
}

/**
 * Adds an article of the reader's. Throws a CorpusInputError naming `label` when the input is bad,
 * a duplicate (same text as a stored article, seed or not), or would outgrow the library; nothing
 * is stored then.
 */
export async function addUserArticle(
  db: ParallaxDB,
  label: string,
  input: NewArticle,
  options: { now?: number } = {},
): Promise<UserArticleSummary> {
  const built = buildUserArticle(label, input, { addedAt: options.now });
  await writeAll(db, async () => {
    const stored = await readStored(db);
    const duplicate = duplicateOf(stored, built);
    if (duplicate !== null) throw new CorpusInputError([{ input: label, problem: `is not added: ${duplicate}` }]);
    const bytes = stored.userBytes + utf8ByteLength(built.article.text);
    if (bytes > MAX_LIBRARY_BYTES) throw new CorpusInputError([libraryTooLarge(label, bytes)]);
    await store(db, [built]);
  });
  return summary(built.article, built.sentences, built.addedAt);
}

/** What storing a batch did: articles added, and the ones left out as duplicates, with why. */
export interface AddManyReport {
  added: UserArticleSummary[];
  skipped: { id: string; outlet: string; title: string; reason: string }[];
}

/**
 * Adds several built articles in one transaction (an import, a restore): duplicates of stored
 * articles or of each other are skipped and reported; if what remains would outgrow the library,
 * or any write fails, nothing is stored. `label` names the batch in errors.
 */
export async function addUserArticles(db: ParallaxDB, label: string, built: readonly BuiltUserArticle[]): Promise<AddManyReport> {
  return writeAll(db, async () => {
    const stored = await readStored(db);
    const report: AddManyReport = { added: [], skipped: [] };
    const accepted: BuiltUserArticle[] = [];
    let bytes = stored.userBytes;
    for (const b of built) {
      const duplicate = duplicateOf(stored, b);
      if (duplicate !== null) {
        report.skipped.push({ id: b.article.id, outlet: b.article.outlet, title: b.article.title, reason: duplicate });
        continue;
      }
      stored.ids.add(b.article.id);
      stored.texts.set(sameTextKey(b.article.text), describeArticle(b.article));
      bytes += utf8ByteLength(b.article.text);
      accepted.push(b);
      report.added.push(summary(b.article, b.sentences, b.addedAt));
    }
    if (bytes > MAX_LIBRARY_BYTES) throw new CorpusInputError([libraryTooLarge(label, bytes)]);
    await store(db, accepted);
    return report;
  });
}

/** Removes one of the reader's articles with its sentences; false when there is none by that id. */
export async function removeUserArticle(db: ParallaxDB, id: string): Promise<boolean> {
  return writeAll(db, async () => {
    const article = await db.articles.get(id);
    if (article === undefined || article.origin !== 'user') return false;
    await db.sentences.where('articleId').equals(id).delete();
    await db.articles.delete(id);
    await db.userArticles.delete(id);
    return true;
  });
}

/** The reader's articles, newest first. */
export async function listUserArticles(db: ParallaxDB): Promise<UserArticleSummary[]> {
  return readAll(db, async () => {
    const [articles, records] = await Promise.all([
      db.articles.where('origin').equals('user').toArray(),
      db.userArticles.toArray(),
    ]);
    const addedAt = new Map(records.map((r) => [r.articleId, r.addedAt]));
    const summaries = await Promise.all(
      articles.map(async (a) => summary(a, await db.sentences.where('articleId').equals(a.id).toArray(), addedAt.get(a.id) ?? 0)),
    );
    return summaries.sort((x, y) => y.addedAt - x.addedAt || x.outlet.localeCompare(y.outlet));
  });
}

/** The reader's articles in full with when each was added, for export and backup; oldest first. */
export async function userArticlesInFull(db: ParallaxDB): Promise<{ article: Article; addedAt: number }[]> {
  return readAll(db, async () => {
    const [articles, records] = await Promise.all([
      db.articles.where('origin').equals('user').toArray(),
      db.userArticles.toArray(),
    ]);
    const addedAt = new Map(records.map((r) => [r.articleId, r.addedAt]));
    return articles
      .map((article) => ({ article, addedAt: addedAt.get(article.id) ?? 0 }))
      .sort((x, y) => x.addedAt - y.addedAt || (x.article.id < y.article.id ? -1 : 1));
  });
}

/**
 * One read-write transaction over the tables the library touches. Input errors pass through as
 * they are; anything IndexedDB throws becomes a DatabaseProblem the reader can act on.
 */
async function writeAll<T>(db: ParallaxDB, work: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', [db.articles, db.sentences, db.userArticles], work);
  } catch (error) {
    throw error instanceof CorpusInputError ? error : asDatabaseProblem(error);
  }
}

async function readAll<T>(db: ParallaxDB, work: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('r', [db.articles, db.sentences, db.userArticles], work);
  } catch (error) {
    throw asDatabaseProblem(error);
  }
}
