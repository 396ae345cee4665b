import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSeeds } from '../../../lib/node/seeds';
import { CorpusInputError } from '../../../lib/corpus/validate';

const realSeeds = join(__dirname, '..', '..', '..', 'seeds');
const FIRST = '000_d92422b15f672f7c.txt';
const SECOND = '001_ba9eee08ec8f519a.txt';

/** The error readSeeds throws for `dir`, as its message lines. */
function problemsOf(dir: string): string[] {
  try {
    readSeeds(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusInputError);
    return (error as CorpusInputError).problems.map((p) => `${p.input}: ${p.problem}`);
  }
  throw new Error('readSeeds accepted the folder');
}

describe('readSeeds', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'parallax-seeds-')), 'seeds');
    cpSync(realSeeds, dir, { recursive: true });
  });
  afterEach(() => {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('reads the real seeds: five articles with their sources.json entries, in file order', () => {
    const seeds = readSeeds(realSeeds);
    expect(seeds.map((s) => [s.file, s.meta.outlet])).toEqual([
      ['000_d92422b15f672f7c.txt', 'Valuetainment (VT News)'],
      ['001_ba9eee08ec8f519a.txt', 'Pak Correspondent'],
      ['002_264115c7bb73e8f9.txt', 'Partially Politics'],
      ['003_667c5379cb0513e8.txt', 'Breitbart News'],
      ['004_1d32572d87f94e9b.txt', 'The Voice News'],
    ]);
    expect(seeds[3]!.meta.url).toBeNull();
    expect(seeds[0]!.meta.date).toBe('2025-04-18');
    expect(seeds[0]!.text).toBe(readFileSync(join(realSeeds, FIRST), 'utf8'));
  });

  it('refuses an empty file, naming it', () => {
    writeFileSync(join(dir, FIRST), '');
    expect(problemsOf(dir)).toEqual([`seeds/${FIRST}: is empty`]);
  });

  it('refuses a file of blank lines, naming it', () => {
    writeFileSync(join(dir, FIRST), '\n  \n\t\n');
    expect(problemsOf(dir)).toEqual([`seeds/${FIRST}: is empty`]);
  });

  it('refuses binary content', () => {
    writeFileSync(join(dir, FIRST), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(problemsOf(dir)).toEqual([`seeds/${FIRST}: contains NUL bytes (first at byte 8): it is a binary file, not article text`]);
  });

  it('refuses text that is not UTF-8 (a Latin-1 file)', () => {
    writeFileSync(join(dir, FIRST), Buffer.from('Zelensky met Macron at the Caf\xe9 de Flore.', 'latin1'));
    expect(problemsOf(dir)).toEqual([`seeds/${FIRST}: is not valid UTF-8 (first bad byte at offset 30); re-save it as UTF-8`]);
  });

  it('refuses text holding replacement characters from an earlier bad decode', () => {
    writeFileSync(join(dir, FIRST), 'Rubio said\nthe talks were \uFFFDuseful\uFFFD.');
    expect(problemsOf(dir)).toEqual([
      `seeds/${FIRST}: is not valid UTF-8: it holds a replacement character (U+FFFD) at line 2, column 16; re-save it as UTF-8`,
    ]);
  });

  it('refuses a 10 MB file, naming the limit', () => {
    truncateSync(join(dir, FIRST), 10 * 1024 * 1024);
    expect(problemsOf(dir)).toEqual([`seeds/${FIRST}: is 10 MB; an article may be at most 2 MB`]);
  });

  it('refuses a .txt without a sources.json entry', () => {
    writeFileSync(join(dir, '005_new.txt'), 'A sixth article about the talks.');
    expect(problemsOf(dir)).toEqual(['seeds/005_new.txt: has no entry in seeds/sources.json (add its outlet, url and date there)']);
  });

  it('refuses a sources.json entry without its .txt', () => {
    unlinkSync(join(dir, SECOND));
    expect(problemsOf(dir)).toEqual([`seeds/sources.json: lists ${SECOND}, but seeds/${SECOND} does not exist`]);
  });

  it('refuses a missing sources.json', () => {
    unlinkSync(join(dir, 'sources.json'));
    expect(problemsOf(dir)).toEqual(['seeds/sources.json: is missing: it lists each seed file with its outlet, url and date']);
  });

  it('refuses a sources.json that is not JSON', () => {
    writeFileSync(join(dir, 'sources.json'), '{ "articles": [ { "file": "000.txt", } ] }');
    const [problem] = problemsOf(dir);
    expect(problem).toMatch(/^seeds\/sources\.json: is not valid JSON \(.+\)$/u);
  });

  it('refuses a sources.json without an articles list', () => {
    writeFileSync(join(dir, 'sources.json'), JSON.stringify([{ file: FIRST, outlet: 'X' }]));
    expect(problemsOf(dir)).toEqual([
      'seeds/sources.json: has no "articles" list: expected { "articles": [ { "file": …, "outlet": … }, … ] }',
    ]);
  });

  it('reports every malformed entry at once, each by its index and file', () => {
    const sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as { articles: Record<string, unknown>[] };
    sources.articles[0]!.outlet = '';
    sources.articles[1]!.date = '18/04/2025';
    sources.articles[2]!.url = 'partiallypolitics.com/story';
    sources.articles[3]!.author = 42;
    sources.articles.push({ ...sources.articles[4]! });
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources));
    expect(problemsOf(dir)).toEqual([
      `seeds/sources.json articles[0] (${FIRST}): "outlet" must be a non-empty string`,
      `seeds/sources.json articles[1] (${SECOND}): "date" must be an ISO day like "2025-04-18", not "18/04/2025"`,
      'seeds/sources.json articles[2] (002_264115c7bb73e8f9.txt): "url" must be an http(s) URL, not "partiallypolitics.com/story"',
      'seeds/sources.json articles[3] (003_667c5379cb0513e8.txt): "author" must be a string or null, not 42',
      'seeds/sources.json articles[5] (004_1d32572d87f94e9b.txt): lists 004_1d32572d87f94e9b.txt a second time',
    ]);
  });

  it('reports problems of several files together', () => {
    writeFileSync(join(dir, FIRST), '');
    writeFileSync(join(dir, SECOND), Buffer.from([0x00, 0x01]));
    writeFileSync(join(dir, 'extra.txt'), 'Extra.');
    const message = (() => {
      try {
        readSeeds(dir);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toBe(
      [
        '3 problems with the corpus inputs:',
        'seeds/extra.txt: has no entry in seeds/sources.json (add its outlet, url and date there)',
        `seeds/${FIRST}: is empty`,
        `seeds/${SECOND}: contains NUL bytes (first at byte 0): it is a binary file, not article text`,
      ].join('\n'),
    );
  });

  it('refuses a folder that does not exist', () => {
    const missing = join(dir, 'nope');
    expect(problemsOf(missing)).toEqual([`${missing}: cannot be read as a folder (ENOENT)`]);
  });
});
