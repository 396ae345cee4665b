/**
 * Reading the seed articles from disk (Node only: the build plugin, the CLI, tests). Everything
 * wrong with the folder is reported at once, in one CorpusInputError that names each file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SeedInput } from '../corpus/build';
import {
  articleTextProblems,
  CorpusInputError,
  formatBytes,
  MAX_ARTICLE_BYTES,
  parseSources,
  seedListProblems,
  throwIfProblems,
  type InputProblem,
} from '../corpus/validate';

const SOURCES_FILE = 'sources.json';

/**
 * The seed articles of `dir`: every `.txt` file with its entry in `dir/sources.json`, in file-name
 * order. Throws a CorpusInputError for a missing or malformed sources.json, a `.txt` without an
 * entry or an entry without its `.txt`, and a file that is empty, binary, not UTF-8 or too large.
 */
export function readSeeds(dir: string): SeedInput[] {
  const label = basename(dir) || dir;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new CorpusInputError([{ input: dir, problem: `cannot be read as a folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }]);
  }
  if (!names.includes(SOURCES_FILE)) {
    throw new CorpusInputError([{ input: `${label}/${SOURCES_FILE}`, problem: 'is missing: it lists each seed file with its outlet, url and date' }]);
  }
  const metas = parseSources(`${label}/${SOURCES_FILE}`, readFileSync(join(dir, SOURCES_FILE), 'utf8'));
  const txtFiles = names.filter((n) => n.endsWith('.txt')).sort();
  const problems: InputProblem[] = seedListProblems(label, metas, txtFiles);

  const seeds: SeedInput[] = [];
  for (const meta of [...metas].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    if (!txtFiles.includes(meta.file)) continue;
    const input = `${label}/${meta.file}`;
    const path = join(dir, meta.file);
    // Refuse an oversized file before reading it: a stray 10 GB file must not exhaust memory.
    const size = statSync(path).size;
    if (size > MAX_ARTICLE_BYTES) {
      problems.push({ input, problem: `is ${formatBytes(size)}; an article may be at most ${formatBytes(MAX_ARTICLE_BYTES)}` });
      continue;
    }
    const text = decodeUtf8(input, readFileSync(path), problems);
    if (text === null) continue;
    const textProblems = articleTextProblems(input, text);
    if (textProblems.length > 0) {
      problems.push(...textProblems);
      continue;
    }
    seeds.push({ file: meta.file, text, meta });
  }
  throwIfProblems(problems);
  return seeds;
}

/** The file's text, or null (with a problem recorded) when it is binary or not UTF-8. */
function decodeUtf8(input: string, bytes: Uint8Array, problems: InputProblem[]): string | null {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    problems.push({ input, problem: `contains NUL bytes (first at byte ${nul}): it is a binary file, not article text` });
    return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    problems.push({ input, problem: `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); re-save it as UTF-8` });
    return null;
  }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629 well-formed sequences), for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Sequence length, and the range of the second byte (which rules out overlong forms,
    // surrogates and code points past U+10FFFF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const b = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (b === undefined || b < min || b > max) return i;
    }
    i += length;
  }
  return bytes.length;
}
