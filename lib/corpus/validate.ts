/**
 * Checking corpus inputs before anything is built from them. Every problem names the input
 * (the seed file, `sources.json`, the pasted article) and says what is wrong, and all problems are
 * reported together, so that one run tells the person fixing the seeds everything at once.
 */

/** Most an article's text may weigh, in UTF-8 bytes. The longest news features run to ~200 KB;
 *  anything past this is not an article (a log, a dump, a book) and would stall the matcher. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** One thing wrong with one input. */
export interface InputProblem {
  /** The input, as a person would look for it: "seeds/003_667c5379cb0513e8.txt", "seeds/sources.json". */
  input: string;
  problem: string;
}

/** Corpus inputs that cannot be built, with everything that is wrong with them. */
export class CorpusInputError extends Error {
  override name = 'CorpusInputError';
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[]) {
    const lines = problems.map((p) => `${p.input}: ${p.problem}`);
    super(problems.length === 1 ? lines[0]! : `${problems.length} problems with the corpus inputs:\n${lines.join('\n')}`);
    this.problems = problems;
  }
}

/** Throw a CorpusInputError when there are problems. */
export function throwIfProblems(problems: readonly InputProblem[]): void {
  if (problems.length > 0) throw new CorpusInputError(problems);
}

/** Size of `text` in UTF-8, counted without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

/** "line 3, column 14" for an offset of `text`. */
function position(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** What is wrong with an article's text, if anything: empty, binary, not UTF-8, too large. */
export function articleTextProblems(input: string, text: string): InputProblem[] {
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_ARTICLE_BYTES) {
    return [{ input, problem: `is ${formatBytes(bytes)}; an article may be at most ${formatBytes(MAX_ARTICLE_BYTES)}` }];
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return [{ input, problem: `contains NUL bytes (first at ${position(text, nul)}): it is a binary file, not article text` }];
  }
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0) {
    return [{
      input,
      problem: `is not valid UTF-8: it holds a replacement character (U+FFFD) at ${position(text, replacement)}; re-save it as UTF-8`,
    }];
  }
  if (text.trim() === '') return [{ input, problem: 'is empty' }];
  if (!/[\p{L}\p{N}]/u.test(text)) return [{ input, problem: 'has no words: nothing but punctuation and spaces' }];
  return [];
}

/** Where a seed came from: one entry of seeds/sources.json. */
export interface SeedMeta {
  /** The seed file's name ("000_d92422b15f672f7c.txt"). */
  file: string;
  outlet: string;
  author: string | null;
  url: string | null;
  /** ISO day ("2025-04-18"), when known. */
  date: string | null;
  /** How the outlet was identified (for the record; not shown to readers). */
  identifiedBy: string | null;
}

const SEED_FILE_NAME = /^[^/\\]+\.txt$/u;
/** An ISO day, "2025-04-18". */
export const ISO_DAY = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/u;

/** Whether `value` is an absolute http(s) address. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The entries of a sources.json text, checked: valid JSON, an "articles" list, each entry with a
 * `.txt` file name, an outlet, and well-formed optional author, URL, date and identifiedBy.
 * Throws a CorpusInputError naming `input` and every bad entry.
 */
export function parseSources(input: string, json: string): SeedMeta[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new CorpusInputError([{ input, problem: `is not valid JSON (${(error as Error).message})` }]);
  }
  const articles = (data as { articles?: unknown } | null)?.articles;
  if (typeof data !== 'object' || data === null || !Array.isArray(articles)) {
    throw new CorpusInputError([{ input, problem: 'has no "articles" list: expected { "articles": [ { "file": …, "outlet": … }, … ] }' }]);
  }
  const problems: InputProblem[] = [];
  const metas: SeedMeta[] = [];
  const seen = new Set<string>();
  articles.forEach((entry: unknown, i) => {
    const where = `${input} articles[${i}]`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push({ input: where, problem: 'is not an object' });
      return;
    }
    const e = entry as Record<string, unknown>;
    const bad = (problem: string): void => {
      problems.push({ input: typeof e.file === 'string' ? `${where} (${e.file})` : where, problem });
    };
    const optionalString = (key: string): string | null => {
      const value = e[key];
      if (value === undefined || value === null) return null;
      if (typeof value !== 'string') {
        bad(`"${key}" must be a string or null, not ${JSON.stringify(value)}`);
        return null;
      }
      return value;
    };
    const before = problems.length;
    if (typeof e.file !== 'string' || !SEED_FILE_NAME.test(e.file)) bad(`"file" must be a .txt file name, not ${JSON.stringify(e.file)}`);
    else if (seen.has(e.file)) bad(`lists ${e.file} a second time`);
    if (typeof e.outlet !== 'string' || e.outlet.trim() === '') bad('"outlet" must be a non-empty string');
    const author = optionalString('author');
    const url = optionalString('url');
    if (url !== null && !isHttpUrl(url)) bad(`"url" must be an http(s) URL, not ${JSON.stringify(url)}`);
    const date = optionalString('date');
    if (date !== null && !ISO_DAY.test(date)) bad(`"date" must be an ISO day like "2025-04-18", not ${JSON.stringify(date)}`);
    const identifiedBy = optionalString('identifiedBy');
    if (problems.length > before) return;
    const file = e.file as string;
    seen.add(file);
    metas.push({ file, outlet: (e.outlet as string).trim(), author, url, date, identifiedBy });
  });
  if (metas.length === 0 && problems.length === 0) problems.push({ input, problem: 'lists no articles' });
  throwIfProblems(problems);
  return metas;
}

/**
 * Problems between the seed files present and the entries of sources.json: a `.txt` without an
 * entry, or an entry without its `.txt`. `dir` names the folder in messages ("seeds").
 */
export function seedListProblems(dir: string, metas: readonly SeedMeta[], txtFiles: readonly string[]): InputProblem[] {
  const problems: InputProblem[] = [];
  const listed = new Set(metas.map((m) => m.file));
  const present = new Set(txtFiles);
  for (const file of txtFiles) {
    if (!listed.has(file)) problems.push({ input: `${dir}/${file}`, problem: `has no entry in ${dir}/sources.json (add its outlet, url and date there)` });
  }
  for (const meta of metas) {
    if (!present.has(meta.file)) problems.push({ input: `${dir}/sources.json`, problem: `lists ${meta.file}, but ${dir}/${meta.file} does not exist` });
  }
  return problems;
}
