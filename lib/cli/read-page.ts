/**
 * From what the user names on the command line to the text of a page, as the content script
 * would hand it to the matcher: a saved HTML page or an http(s) address goes through the
 * extension's own article extraction (lib/extract/, on a DOM parsed by linkedom); a .txt file is
 * article text, split by the same sentence splitter the corpus uses, its first line the title.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { articleTextProblems, formatBytes, MAX_ARTICLE_BYTES } from '../corpus/validate';
import { toPageText } from '../extract/index';
import { parseHtml } from '../node/html';
import { splitLines, splitSentences } from '../text/segment';
import type { PageText } from '../types';
import { extractFromDocument, type PageReading } from './extract';
import { decodeHtml, decodeUtf8Text, sniffFormat } from './document-bytes';
import { DEFAULT_FETCH_LIMITS, fetchPage, type FetchLimits, MAX_PAGE_BYTES } from './fetch-page';
import { InputError } from './input-error';

/** Extensions that say "article text" and "HTML page"; anything else is judged by its bytes. */
const TEXT_EXTENSIONS = new Set(['.txt', '.text']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);

/** An address rather than a file name: a scheme followed by "://". */
const URL_PATTERN = /^[a-z][a-z\d+.-]*:\/\//iu;

/** A page read from one input. */
export interface ReadPage {
  /** The input as the user wrote it. */
  input: string;
  page: PageText;
  /** When extraction found no article on an HTML page: why, in words. */
  noArticle: string | null;
  /** What `parallax extract` reports of the input: for a .txt file, its title and its lines as paragraphs. */
  reading: Omit<PageReading, 'article'>;
}

/** Reads `input` (a file path or an http(s) URL). Throws an InputError when it cannot be read. */
export async function readPage(input: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<ReadPage> {
  if (URL_PATTERN.test(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new InputError(input, 'is not a valid address');
    }
    if (url.protocol === 'file:') return readFilePage(input, fileURLToPath(url));
    const fetched = await fetchPage(url, input, limits);
    return readHtml(input, fetched.html, fetched.url);
  }
  return readFilePage(input, input);
}

async function readFilePage(input: string, path: string): Promise<ReadPage> {
  const absolute = resolve(path);
  let size: number;
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) throw new InputError(input, 'is a folder, not a file');
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(input, fileProblem(error));
  }
  const extension = extname(absolute).toLowerCase();
  const isText = TEXT_EXTENSIONS.has(extension);
  const cap = isText ? MAX_ARTICLE_BYTES : MAX_PAGE_BYTES;
  // Refuse before reading: a stray multi-gigabyte file must not be loaded to be told it is too big.
  if (size > cap) {
    throw new InputError(input, `is ${formatBytes(size)}; ${isText ? 'an article' : 'a page'} may be at most ${formatBytes(cap)}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    throw new InputError(input, fileProblem(error));
  }
  if (bytes.length === 0) throw new InputError(input, 'is empty');

  const sniffed = sniffFormat(bytes);
  if (sniffed.format === 'foreign') {
    throw new InputError(input, `is ${sniffed.name}, not an HTML page or a .txt file of article text`);
  }
  const url = pathToFileURL(absolute).href;
  if (isText) return fromText(input, bytes, url);
  if (HTML_EXTENSIONS.has(extension) || sniffed.format === 'html') return readHtml(input, decodeHtml(bytes), url);
  throw new InputError(
    input,
    'is neither an HTML page nor a .txt file: it has no HTML markup; to read it as article text, give it a .txt name',
  );
}

function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return `cannot be read (${code ?? (error as Error).message})`;
  }
}

/**
 * The page's article, extracted exactly as the content script extracts it from the live page, with
 * the publication date the page states. Exported for the evaluation, which renders pages as HTML
 * and reads them as `scan` does.
 */
export function readHtml(input: string, html: string, url: string): ReadPage {
  const reading = extractFromDocument(parseHtml(html, url), url);
  const { article } = reading;
  const noArticle = article.reason === undefined ? null : `${article.reason}: ${article.detail ?? ''}`.replace(/: $/u, '');
  return { input, page: { ...toPageText(article), published: reading.published }, noArticle, reading };
}

/** A .txt article: UTF-8, split into sentences line by line; the title is its first line. */
function fromText(input: string, bytes: Uint8Array, url: string): ReadPage {
  const decoded = decodeUtf8Text(bytes);
  if ('problem' in decoded) throw new InputError(input, decoded.problem);
  // A byte-order mark is not part of the first line.
  const text = decoded.text.replace(/^\uFEFF/u, '');
  const problem = articleTextProblems(input, text)[0];
  if (problem !== undefined) throw new InputError(input, problem.problem);
  const lines = splitLines(text).map((line) => line.text);
  const title = lines[0] ?? '';
  return {
    input,
    page: { url, title, sentences: splitSentences(text).map((s) => s.text) },
    noArticle: null,
    reading: { title, published: null, paragraphs: lines, reason: null, detail: null },
  };
}
