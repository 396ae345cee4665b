// `parallax corpus` and `npm run corpus`: the per-outlet report, checked against the corpus the
// library builds from the same seeds.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusReport } from '../../lib/cli/corpus-report';
import { corpusReport, formatCorpusReport } from '../../lib/cli/corpus-report';
import { terminalStyle } from '../../lib/cli/terminal';
import { buildCorpus } from '../../lib/corpus/build';
import { readSeeds } from '../../lib/node/seeds';
import type { Corpus } from '../../lib/types';
import { CLI_TIMEOUT_MS, REPO_ROOT, runParallax } from './run-cli';

const corpus = buildCorpus(readSeeds(join(REPO_ROOT, 'seeds')));

/** A small corpus written out by hand, so the report's arithmetic is checked on known numbers. */
const tiny: Corpus = {
  version: 'v-test',
  articles: [
    { id: 'a', origin: 'seed', outlet: 'Outlet A', title: 'A', url: null, date: null, file: 'a.txt', text: '' },
    { id: 'b', origin: 'seed', outlet: 'Outlet B', title: 'B', url: null, date: null, file: 'b.txt', text: '' },
    { id: 'c', origin: 'seed', outlet: 'Outlet C', title: 'C', url: null, date: null, file: 'c.txt', text: '' },
  ],
  sentences: [
    { id: 'a:0', articleId: 'a', index: 0, text: 'Rubio warns.', role: 'heading', start: 0, end: 0, tokens: [], quotes: [] },
    { id: 'a:1', articleId: 'a', index: 1, text: 'The US may walk away.', role: 'body', start: 0, end: 0, tokens: [], quotes: [] },
    { id: 'a:2', articleId: 'a', index: 2, text: 'Photo by AFP', role: 'furniture', start: 0, end: 0, tokens: [], quotes: [] },
    { id: 'b:0', articleId: 'b', index: 0, text: 'The US could withdraw.', role: 'body', start: 0, end: 0, tokens: [], quotes: [] },
    { id: 'b:1', articleId: 'b', index: 1, text: 'Peskov replied.', role: 'body', start: 0, end: 0, tokens: [], quotes: [] },
    { id: 'c:0', articleId: 'c', index: 0, text: 'Peskov answered.', role: 'body', start: 0, end: 0, tokens: [], quotes: [] },
  ],
  points: [
    { id: 'p-rubio', label: 'Rubio warns.', sentenceIds: ['a:0'], articleIds: ['a'], missingArticleIds: ['b', 'c'] },
    { id: 'p-walk', label: 'The US may walk away.', sentenceIds: ['a:1', 'b:0'], articleIds: ['a', 'b'], missingArticleIds: ['c'] },
    { id: 'p-peskov', label: 'Peskov replied.', sentenceIds: ['b:1', 'c:0'], articleIds: ['b', 'c'], missingArticleIds: ['a'] },
  ],
};

describe('corpusReport', () => {
  it('counts kept sentences and furniture, and lists points stated and left out, widest first', () => {
    const report = corpusReport(tiny);
    expect(report).toMatchObject({ version: 'v-test', articles: 3, sentences: 6, points: 3, sharedPoints: 2 });
    const [a, b, c] = report.outlets;
    expect(a).toMatchObject({ outlet: 'Outlet A', kept: { body: 1, heading: 1 }, furniture: ['Photo by AFP'] });
    expect(a!.pointsStated.map((p) => p.id)).toEqual(['p-walk', 'p-rubio']);
    expect(a!.pointsLeftOut).toEqual([{ id: 'p-peskov', label: 'Peskov replied.', outlets: ['Outlet B', 'Outlet C'] }]);
    expect(b!.pointsLeftOut.map((p) => p.id)).toEqual(['p-rubio']);
    expect(c!.pointsLeftOut.map((p) => p.id)).toEqual(['p-walk', 'p-rubio']);
  });

  it('prints one screen of summary: a table of outlets and the widest points', () => {
    const text = formatCorpusReport(corpusReport(tiny), terminalStyle(false));
    expect(text).toContain('3 articles, 6 sentences, 3 points (2 stated by more than one outlet)');
    expect(text).toContain(
      [
        '  Outlet    Kept  Furniture  Points  Shared  Left out',
        '  Outlet A     2          1       2       1         1',
        '  Outlet B     2          0       2       2         1',
        '  Outlet C     1          0       1       1         2',
      ].join('\n'),
    );
    expect(text).toContain('Most widely stated points:\n  2 outlets  The US may walk away.\n  2 outlets  Peskov replied.\n');
    expect(text).not.toContain('Photo by AFP');
    expect(text).toContain('--verbose');
  });

  it('prints the report outlet by outlet with --verbose', () => {
    const text = formatCorpusReport(corpusReport(tiny), terminalStyle(false), { verbose: true });
    expect(text).toContain(
      [
        'Outlet C  c.txt',
        '  C',
        '  Sentences kept: 1 (1 body, 0 headings)',
        '  Furniture dropped: 0',
        '  Points stated: 1 (1 shared with other outlets, 0 its own)',
        '  Points left out: 2',
        '    - The US may walk away. (2 outlets)',
        '    - Rubio warns. (only Outlet A)',
      ].join('\n'),
    );
    expect(text).toContain('  Furniture dropped: 1\n    - Photo by AFP\n');
  });
});

describe('parallax corpus', () => {
  it('--json reports the seed corpus the library builds, every point either stated or left out by each outlet', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['corpus', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CorpusReport;
    expect(report).toEqual(corpusReport(corpus));
    expect(report.outlets.map((o) => o.outlet)).toEqual([
      'Valuetainment (VT News)', 'Pak Correspondent', 'Partially Politics', 'Breitbart News', 'The Voice News',
    ]);
    const allPoints = corpus.points.map((p) => p.id).sort();
    for (const outlet of report.outlets) {
      const own = corpus.sentences.filter((s) => s.articleId === outlet.articleId);
      expect(outlet.kept.body + outlet.kept.heading + outlet.furniture.length).toBe(own.length);
      expect([...outlet.pointsStated, ...outlet.pointsLeftOut].map((p) => p.id).sort()).toEqual(allPoints);
      for (const point of outlet.pointsLeftOut) expect(point.outlets).not.toContain(outlet.outlet);
    }
  });

  it('prints one screen naming every outlet, and everything with --verbose', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['corpus']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Corpus ${corpus.version}`);
    // One terminal screen: 24 lines.
    expect(run.stdout.trimEnd().split('\n').length).toBeLessThanOrEqual(24);
    for (const article of corpus.articles) expect(run.stdout).toContain(article.outlet);

    const verbose = await runParallax(['corpus', '--verbose']);
    expect(verbose.code).toBe(0);
    for (const article of corpus.articles) expect(verbose.stdout).toContain(`${article.outlet}  ${article.file}`);
    expect(verbose.stdout.match(/^ {2}Points left out: \d+$/gmu)).toHaveLength(corpus.articles.length);
  });

  it('is what `npm run corpus` runs', { timeout: CLI_TIMEOUT_MS }, async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile('npm', ['run', '--silent', 'corpus', '--', '--json'], { cwd: REPO_ROOT, timeout: CLI_TIMEOUT_MS }, (error, out) =>
        error === null ? resolve(out) : reject(error),
      );
    });
    expect((JSON.parse(stdout) as CorpusReport).version).toBe(corpus.version);
  });

  it('rejects arguments it does not take', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['corpus', 'seeds']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^parallax: corpus takes no arguments/u);
  });
});
