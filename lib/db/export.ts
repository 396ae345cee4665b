/**
 * The reader's articles as a file: export to JSON, import from it. The file holds what the reader
 * gave (outlet, title, address, date, text) and when each article was added; sentences, tokens and
 * quotes are built again on import, so a file written by an older Parallax imports into a newer one.
 *
 * An import is all-or-nothing: a file with anything wrong is refused whole, with every problem named
 * (the file, the entry, what is wrong), and nothing stored changes. Articles already stored (same
 * id, or the same text) are skipped and reported, so importing a file twice adds nothing.
 */
import { formatBytes, utf8ByteLength, type InputProblem } from '../corpus/validate';
import type { ParallaxDB } from './database';
import { MAX_IMPORT_BYTES } from './new-article';
import {
  addUserArticles,
  buildUserArticle,
  newArticleProblems,
  userArticlesInFull,
  USER_ID,
  type AddManyReport,
  type BuiltUserArticle,
} from './user-articles';

export const EXPORT_FORMAT = 'parallax-articles';
/** Bump when the file's shape changes; older versions must stay readable. */
export const EXPORT_VERSION = 1;

export { MAX_IMPORT_BYTES } from './new-article';

export interface ExportedArticle {
  id: string;
  outlet: string;
  title: string;
  url: string | null;
  date: string | null;
  /** ISO timestamp. */
  addedAt: string;
  text: string;
}

export interface ArticleExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** ISO timestamp. */
  exportedAt: string;
  articles: ExportedArticle[];
}

/** A file that cannot be imported, with everything wrong with it. Nothing was stored. */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly problems: readonly InputProblem[];

  constructor(label: string, problems: readonly InputProblem[]) {
    const lines = problems.map((p) => `${p.input}: ${p.problem}`);
    super(
      problems.length === 1
        ? `${lines[0]}. Nothing was imported.`
        : `${label} cannot be imported (${problems.length} problems); nothing was imported:\n${lines.join('\n')}`,
    );
    this.problems = problems;
  }
}

/** The export of every article the reader added, oldest first. */
export async function exportUserArticles(db: ParallaxDB, now: number = Date.now()): Promise<ArticleExport> {
  const rows = await userArticlesInFull(db);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    articles: rows.map(({ article, addedAt }) => ({
      id: article.id,
      outlet: article.outlet,
      title: article.title,
      url: article.url,
      date: article.date,
      addedAt: new Date(addedAt).toISOString(),
      text: article.text,
    })),
  };
}

/** "parallax-articles-2025-04-18.json" */
export function exportFileName(now: number = Date.now()): string {
  return `parallax-articles-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/** The export as file text: indented, so a reader can look inside it. */
export function exportJson(doc: ArticleExport): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Reads an export file's text. Throws an ImportError naming `fileName` for a file that is empty,
 * binary, too large, not JSON, not a Parallax export, from a newer Parallax, or has bad entries.
 */
export function parseArticleExport(fileName: string, json: string): ArticleExport {
  const fail = (problem: string): never => {
    throw new ImportError(fileName, [{ input: fileName, problem }]);
  };
  const bytes = utf8ByteLength(json);
  if (bytes > MAX_IMPORT_BYTES) fail(`is ${formatBytes(bytes)}; an export of Parallax articles is at most ${formatBytes(MAX_IMPORT_BYTES)}`);
  if (json.trim() === '') fail('is empty');
  if (json.includes('\u0000')) fail('is a binary file (it contains NUL bytes), not a Parallax export');
  if (json.includes('\uFFFD')) fail('is not valid UTF-8 text (it holds a replacement character, U+FFFD), so it is not a Parallax export');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    fail(`is not valid JSON (${(error as Error).message})`);
  }
  return checkArticleExport(fileName, value);
}

/** Checks a parsed export (a file's, or the backup copy's); throws an ImportError naming `label`. */
export function checkArticleExport(label: string, value: unknown): ArticleExport {
  const fail = (problem: string): never => {
    throw new ImportError(label, [{ input: label, problem }]);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('is not a Parallax export: it is not a JSON object');
  const doc = value as Record<string, unknown>;
  if (doc.format !== EXPORT_FORMAT) {
    fail(`is not a Parallax export: it lacks "format": "${EXPORT_FORMAT}"${doc.format === undefined ? '' : ` (it says ${JSON.stringify(doc.format)})`}`);
  }
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) {
    fail(`has no valid format "version" (found ${JSON.stringify(doc.version)})`);
  }
  if ((doc.version as number) > EXPORT_VERSION) {
    fail(`was written by a newer Parallax (format version ${doc.version as number}); this one reads version ${EXPORT_VERSION}. Update Parallax to import it`);
  }
  if (!Array.isArray(doc.articles)) fail('has no "articles" list');

  const problems: InputProblem[] = [];
  const articles: ExportedArticle[] = [];
  (doc.articles as unknown[]).forEach((entry, i) => {
    const checked = checkEntry(label, i, entry, problems);
    if (checked !== null) articles.push(checked);
  });
  if (problems.length > 0) throw new ImportError(label, problems);
  return { format: EXPORT_FORMAT, version: doc.version as number, exportedAt: typeof doc.exportedAt === 'string' ? doc.exportedAt : '', articles };
}

function checkEntry(label: string, i: number, entry: unknown, problems: InputProblem[]): ExportedArticle | null {
  let where = `${label} articles[${i}]`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push({ input: where, problem: 'is not an object' });
    return null;
  }
  const e = entry as Record<string, unknown>;
  if (typeof e.title === 'string' && e.title.trim() !== '') where += ` (“${e.title.trim().slice(0, 60)}”)`;
  const before = problems.length;
  const bad = (problem: string) => problems.push({ input: where, problem });
  const optionalString = (key: string): string | null => {
    const v = e[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') {
      bad(`"${key}" must be a string or null, not ${JSON.stringify(v)}`);
      return null;
    }
    return v;
  };

  if (typeof e.id !== 'string' || !USER_ID.test(e.id)) bad(`"id" must look like "user-…", not ${JSON.stringify(e.id)}`);
  if (typeof e.outlet !== 'string') bad('"outlet" must be a string');
  if (typeof e.text !== 'string') bad('"text" must be a string');
  const title = optionalString('title');
  const url = optionalString('url');
  const date = optionalString('date');
  const addedAtText = optionalString('addedAt');
  const addedAt = addedAtText === null ? null : Date.parse(addedAtText);
  if (addedAt !== null && Number.isNaN(addedAt)) bad(`"addedAt" must be an ISO timestamp, not ${JSON.stringify(addedAtText)}`);
  if (problems.length > before) return null;

  // The same checks as a pasted article (text, outlet, address, date), named after the entry.
  const entryProblems = newArticleProblems(where, { outlet: e.outlet as string, text: e.text as string, url, date }, `${where} "text"`);
  problems.push(...entryProblems);
  if (entryProblems.length > 0) return null;
  return {
    id: e.id as string,
    outlet: (e.outlet as string).trim(),
    title: title ?? '',
    url,
    date,
    addedAt: addedAtText ?? new Date(0).toISOString(),
    text: e.text as string,
  };
}

/**
 * Stores the articles of a checked export: each is built as a pasted article is; duplicates are
 * skipped and reported; anything else wrong (an article that will not build, a library grown past
 * its limit, a failed write) stores nothing.
 */
export async function importArticleExport(db: ParallaxDB, label: string, doc: ArticleExport, now: number = Date.now()): Promise<AddManyReport> {
  const problems: InputProblem[] = [];
  const built: BuiltUserArticle[] = [];
  doc.articles.forEach((entry, i) => {
    const where = `${label} articles[${i}]`;
    try {
      const addedAt = Date.parse(entry.addedAt);
      built.push(
        buildUserArticle(where, entry, { id: entry.id, addedAt: Number.isNaN(addedAt) || addedAt === 0 ? now : addedAt }),
      );
    } catch (error) {
      const inner = (error as { problems?: InputProblem[] }).problems;
      problems.push(...(inner ?? [{ input: where, problem: (error as Error).message }]));
    }
  });
  if (problems.length > 0) throw new ImportError(label, problems);
  try {
    return await addUserArticles(db, label, built);
  } catch (error) {
    const inner = (error as { problems?: InputProblem[] }).problems;
    if (inner !== undefined) throw new ImportError(label, inner);
    throw error;
  }
}

/** Reads and imports a file's text in one step; see parseArticleExport and importArticleExport. */
export async function importArticlesFile(db: ParallaxDB, fileName: string, json: string): Promise<AddManyReport> {
  return importArticleExport(db, fileName, parseArticleExport(fileName, json));
}
