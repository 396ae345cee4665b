// `parallax scan`, run for real as a child process: saved pages, .txt articles, URLs served by a
// local server, bad inputs of every kind, and the --json contract. No exact scores are asserted
// (the matcher is tuned elsewhere): structure, verdicts, and which outlets known sentences reach.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePageNames, readFixturePage } from '../fixtures/pages/fixtures';
import { CLI_FIXTURES, CLI_TIMEOUT_MS, FIXTURE_PAGES, REPO_ROOT, outletsFor, runParallax } from './run-cli';

const SEED_FILES = (JSON.parse(readFileSync(join(REPO_ROOT, 'seeds', 'sources.json'), 'utf8')) as { articles: { file: string; outlet: string }[] }).articles;
const OUTLET_OF_FILE = new Map(SEED_FILES.map((a) => [a.file, a.outlet]));
const KINDS = ['verbatim', 'reworded', 'quote'];

interface JsonMatch {
  outlet: string;
  file: string | null;
  text: string;
  score: number;
  kind: string;
  differences: { aspect: string; page: string | null; other: string | null; changesClaim: boolean; quiet: boolean }[];
  diff: { op: string; page: string; other: string; pageBefore: string; otherBefore: string; sameMeaning: string | null; loud: string | null; quiet: boolean }[];
}
interface JsonLine { aspect: string; quiet: boolean; text: string; groups: { label: string; wordings: string[]; outlets: string[] }[] }
interface JsonPage { input: string; title?: string; onStory?: boolean; sentences?: { text: string; lines: JsonLine[]; matches: JsonMatch[] }[]; error?: string }

/** Parses stdout as exactly one JSON document and checks it against the documented schema. */
function parseScan(stdout: string): JsonPage[] {
  const doc = JSON.parse(stdout) as { pages: JsonPage[] };
  expect(Object.keys(doc)).toEqual(['pages']);
  expect(Array.isArray(doc.pages)).toBe(true);
  for (const page of doc.pages) {
    if ('error' in page) {
      expect(Object.keys(page)).toEqual(['input', 'error']);
      expect(page.error).toEqual(expect.any(String));
      // The message names the input it is about.
      expect(page.error).toContain(page.input);
      continue;
    }
    expect(Object.keys(page)).toEqual(['input', 'title', 'onStory', 'sentences']);
    expect(page.title).toEqual(expect.any(String));
    expect(page.onStory).toEqual(expect.any(Boolean));
    if (!page.onStory) expect(page.sentences).toEqual([]);
    for (const sentence of page.sentences!) {
      expect(Object.keys(sentence)).toEqual(['text', 'lines', 'matches']);
      for (const line of sentence.lines) {
        expect(Object.keys(line)).toEqual(['aspect', 'quiet', 'text', 'groups']);
        expect(line.groups.length).toBeGreaterThan(0);
      }
      // Changes of claim first, detail (quiet) last.
      const quiet = sentence.lines.map((l) => l.quiet);
      expect(quiet).toEqual([...quiet].sort((a, b) => Number(a) - Number(b)));
      expect(sentence.text.trim()).not.toBe('');
      expect(sentence.matches.length).toBeGreaterThan(0);
      const scores = sentence.matches.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const match of sentence.matches) {
        expect(Object.keys(match)).toEqual(['outlet', 'file', 'text', 'score', 'kind', 'differences', 'diff']);
        // The aligned diff carries the whole wording: its other sides, with their spaces, rebuild it.
        const rebuilt = match.diff.filter((d) => d.op !== 'deleted').map((d) => d.otherBefore + d.other).join('');
        expect(rebuilt.replace(/\s+/gu, '')).toBe(match.text.replace(/\s+/gu, ''));
        expect(OUTLET_OF_FILE.get(match.file ?? '')).toBe(match.outlet);
        expect(match.text.trim()).not.toBe('');
        expect(match.score).toBeGreaterThan(0);
        expect(match.score).toBeLessThanOrEqual(1);
        expect(KINDS).toContain(match.kind);
      }
    }
  }
  return doc.pages;
}

const page = (name: string): string => relative(REPO_ROOT, join(FIXTURE_PAGES, `${name}.html`));
const fixture = (name: string): string => relative(REPO_ROOT, join(CLI_FIXTURES, name));

describe('parallax scan on saved pages', () => {
  it('finds the wire story on the story, with its sentences matched to the outlets that state them', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['scan', page('wire-story'), '--json']);
    expect(run.code).toBe(0);
    const [wire] = parseScan(run.stdout);
    expect(wire!.input).toBe(page('wire-story'));
    expect(wire!.title).toBe(readFixturePage('wire-story').expect.title);
    expect(wire!.onStory).toBe(true);
    expect(wire!.sentences!.length).toBeGreaterThan(10);
    // The page retells Pak Correspondent's article (seed 001); Peskov's reply is also The Voice News'.
    expect(outletsFor(wire!, 'Kremlin spokesperson Dmitry Peskov acknowledged')).toEqual(
      expect.arrayContaining(['Pak Correspondent', 'The Voice News']),
    );
    // "drag this out for weeks or months" is the quote other outlets give as "this endeavor/endeavour".
    expect(outletsFor(wire!, 'drag this out for weeks or months')).toEqual(
      expect.arrayContaining(['Pak Correspondent', 'Valuetainment (VT News)', 'Breitbart News']),
    );
    expect(run.stderr).toBe('');
  });

  it('gives every fixture page its verdict, and matches no furniture, in one call', { timeout: CLI_TIMEOUT_MS }, async () => {
    // Pages whose article only their own scripts build cannot be read by a CLI that runs none.
    const names = fixturePageNames().filter((name) => !readFixturePage(name).expect.needsScripts);
    expect(names).toEqual(expect.arrayContaining(['wire-story', 'index-page', 'amp-article', 'comment-thread']));
    const run = await runParallax(['scan', ...names.map(page), '--json']);
    expect(run.code).toBe(0);
    const pages = parseScan(run.stdout);
    expect(pages.map((p) => p.input)).toEqual(names.map(page));
    for (const [i, name] of names.entries()) {
      const expected = readFixturePage(name).expect;
      const scanned = pages[i]!;
      expect({ name, onStory: scanned.onStory }).toEqual({ name, onStory: expected.onStory });
      if (expected.onStory) expect(scanned.sentences!.length).toBeGreaterThan(5);
      const matched = scanned.sentences!.map((s) => s.text);
      expect(expected.mustNotExtract.filter((furniture) => matched.some((t) => t.includes(furniture)))).toEqual([]);
    }
  });

  it('finds the index page off the story', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['scan', page('index-page'), '--json']);
    expect(run.code).toBe(0);
    expect(parseScan(run.stdout)).toEqual([
      { input: page('index-page'), title: readFixturePage('index-page').expect.title, onStory: false, sentences: [] },
    ]);
  });

  it('prints a readable report with the other outlets’ wording and the differences marked', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['scan', page('wire-story')]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain(page('wire-story'));
    expect(out).toContain(readFixturePage('wire-story').expect.title);
    expect(out).toMatch(/On the story \(score \d\.\d\d\)/u);
    expect(out).toMatch(/Breitbart News · (reworded|quote|verbatim) · \d\.\d\d/u);
    // "drag this out" against "continue with this endeavour": "drag" and "continue" mean the same
    // here (drawn as the wording, unmarked, as the panel draws them quietly); other words replaced
    // are marked both ways.
    expect(out).toMatch(/going to continue \{\+with\+\} this \[-out-\]\{\+endeavou?r\+\}/u);
    expect(out).toMatch(/Same claim in other words|Same claim in every outlet/u);
    // Piped output carries no colour codes.
    expect(out).not.toContain('\u001b[');
  });
});

describe('parallax scan shows how the claims differ, as the panel does', () => {
  // A wire page written for this test: the story's lead made firm ("will") where most outlets hedge.
  const input = fixture('firm-wire.html');

  it('prints, per matched sentence, the lines of claim differences and each wording aligned, its changes of claim marked loudly', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['scan', input]);
    expect(run.code).toBe(0);
    const block = run.stdout.split('\n\n').find((b) => b.includes('The United States will abandon its effort'))!;
    expect(block).toBeDefined();
    const lines = block.split('\n');
    // The lines across the outlets come first, under the sentence, the loudest first.
    expect(lines[1]).toMatch(/^ {6}Certainty: firm \(will[^)]*\): this page.* · hedged \(may[^)]*\): /u);
    // Each outlet's wording is headed by its changes of claim, and the words carrying one are marked loudly.
    expect(block).toMatch(/ · reworded · \d\.\d\d · Certainty: will → may/u);
    expect(block).toContain('**[-will-] {+may+}**');
  });

  it('carries the lines, each wording’s differences and its aligned diff in --json', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['scan', input, '--json']);
    expect(run.code).toBe(0);
    const [story] = parseScan(run.stdout);
    expect(story!.onStory).toBe(true);
    const lead = story!.sentences!.find((s) => s.text.includes('The United States will abandon its effort'))!;
    const certainty = lead.lines.find((l) => l.aspect === 'certainty')!;
    expect(certainty.quiet).toBe(false);
    expect(certainty.groups.find((g) => g.outlets.includes('this page'))!.label).toBe('firm');
    expect(certainty.groups.some((g) => g.label === 'hedged' && g.wordings.includes('may'))).toBe(true);
    const hedging = lead.matches.filter((m) => m.differences.some((d) => d.aspect === 'certainty' && d.page === 'will' && d.other === 'may'));
    expect(hedging.length).toBeGreaterThan(0);
    for (const m of hedging) {
      expect(m.differences.find((d) => d.aspect === 'certainty')!.changesClaim).toBe(true);
      expect(m.diff.some((d) => d.loud === 'certainty' && d.page === 'will' && d.other === 'may')).toBe(true);
    }
  });
});

describe('parallax scan on .txt articles', () => {
  it('reads a rewritten article as text, title from its first line, and matches each point to the outlets that state it', { timeout: CLI_TIMEOUT_MS }, async () => {
    const input = fixture('rewritten-story.txt');
    const run = await runParallax(['scan', input, '--json']);
    expect(run.code).toBe(0);
    const [story] = parseScan(run.stdout);
    expect(story!.title).toBe('Rubio says US could quit Ukraine peace push within days');
    expect(story!.onStory).toBe(true);
    // Known counterparts in the seeds (the same point in each outlet's words).
    expect(outletsFor(story!, 'may walk away from its efforts to broker peace')[0]).toBe('Valuetainment (VT News)');
    expect(outletsFor(story!, 'this endeavour for weeks and months')).toEqual(
      expect.arrayContaining(['Valuetainment (VT News)', 'Breitbart News']),
    );
    expect(outletsFor(story!, 'Peskov acknowledged limited progress')).toEqual(
      expect.arrayContaining(['The Voice News', 'Pak Correspondent']),
    );
    expect(outletsFor(story!, 'Sergey Lavrov')).toContain('Pak Correspondent');
    expect(outletsFor(story!, 'minerals agreement')).toContain('Partially Politics');
  });

  it('finds a seed article matching its own outlet first, verbatim', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['scan', 'seeds/003_667c5379cb0513e8.txt', '--json']);
    expect(run.code).toBe(0);
    const [seed] = parseScan(run.stdout);
    expect(seed!.onStory).toBe(true);
    const first = seed!.sentences!.find((s) => s.text.startsWith('The United States is not willing to attend endless'));
    expect(first?.matches[0]).toMatchObject({ outlet: 'Breitbart News', file: '003_667c5379cb0513e8.txt', kind: 'verbatim' });
  });

  it('finds a page about something else off the story', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['scan', fixture('city-budget.txt'), '--json']);
    expect(run.code).toBe(0);
    expect(parseScan(run.stdout)).toEqual([
      { input: fixture('city-budget.txt'), title: 'Riverside council passes budget with new money for libraries', onStory: false, sentences: [] },
    ]);
  });
});

describe('parallax scan on inputs it cannot read', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ title: 'Rubio', sentences: ['Rubio said'] }));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x52, 0x75, 0x62, 0x69, 0x6f, 0x20, 0xe9, 0x0a]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a missing file, a PNG, JSON, an empty and a non-UTF-8 .txt each in its own entry, and exits 1 when nothing was read', { timeout: CLI_TIMEOUT_MS }, async () => {
    const inputs = ['no-such-page.html', 'assets/icons/16.png', join(dir, 'data.json'), join(dir, 'empty.txt'), join(dir, 'latin1.txt'), 'seeds'];
    const run = await runParallax(['scan', ...inputs, '--json']);
    expect(run.code).toBe(1);
    const pages = parseScan(run.stdout);
    expect(pages.map((p) => p.input)).toEqual(inputs);
    expect(pages.map((p) => p.error)).toEqual([
      'no-such-page.html: no such file',
      expect.stringMatching(/^assets\/icons\/16\.png: is a PNG image, not an HTML page/u),
      expect.stringMatching(/data\.json: is JSON data, not an HTML page/u),
      expect.stringMatching(/empty\.txt: is empty$/u),
      expect.stringMatching(/latin1\.txt: is not valid UTF-8/u),
      'seeds: is a folder, not a file',
    ]);
  });

  it('still scans the good inputs among bad ones, in input order, and exits 0', { timeout: CLI_TIMEOUT_MS }, async () => {
    const inputs = ['no-such-page.html', page('wire-story'), 'assets/icons/16.png', fixture('city-budget.txt')];
    const run = await runParallax(['scan', ...inputs, '--json']);
    expect(run.code).toBe(0);
    const pages = parseScan(run.stdout);
    expect(pages.map((p) => p.input)).toEqual(inputs);
    expect(pages.map((p) => ('error' in p ? 'error' : p.onStory))).toEqual(['error', true, 'error', false]);
  });

  it('says in the readable report which inputs could not be read', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['scan', 'no-such-page.html', fixture('city-budget.txt')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Could not be read: no-such-page.html: no such file');
    expect(run.stdout).toContain('Not on the story');
    expect(run.stdout).toContain('2 inputs: 1 read (0 on the story), 1 could not be read');
  });
});

describe('parallax scan on URLs', () => {
  let server: Server;
  let base: string;
  let closedPort: number;
  const wire = readFileSync(join(FIXTURE_PAGES, 'wire-story.html'));

  beforeAll(async () => {
    server = createServer((request, response) => {
      switch (request.url) {
        case '/story':
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(wire);
          break;
        case '/moved':
          response.writeHead(302, { location: '/story' }).end();
          break;
        case '/data.json':
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"title":"Rubio"}');
          break;
        default:
          response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A port that was just free and is closed again: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('fetches pages (following redirects) and reports a 404, a non-HTML type and an unreachable port in their entries', { timeout: CLI_TIMEOUT_MS }, async () => {
    const inputs = [`${base}/story`, `${base}/missing`, `${base}/data.json`, `http://127.0.0.1:${closedPort}/story`, `${base}/moved`];
    const run = await runParallax(['scan', ...inputs, '--json']);
    expect(run.code).toBe(0);
    const pages = parseScan(run.stdout);
    expect(pages.map((p) => p.input)).toEqual(inputs);
    const [story, missing, json, unreachable, moved] = pages;
    expect(story).toMatchObject({ title: readFixturePage('wire-story').expect.title, onStory: true });
    expect(outletsFor(story!, 'Kremlin spokesperson Dmitry Peskov acknowledged')).toContain('Pak Correspondent');
    expect(missing!.error).toBe(`${base}/missing: the server answered HTTP 404 Not Found`);
    expect(json!.error).toBe(`${base}/data.json: is application/json, not an HTML page`);
    expect(unreachable!.error).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${closedPort}/story: could not be fetched: .*refused the connection`, 'u'));
    expect(moved).toEqual({ ...story, input: `${base}/moved` });
  });

  it('exits 1 when no URL could be read', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['scan', `${base}/missing`, `http://127.0.0.1:${closedPort}/`, 'ftp://127.0.0.1/story.html', '--json']);
    expect(run.code).toBe(1);
    const pages = parseScan(run.stdout);
    expect(pages.every((p) => 'error' in p)).toBe(true);
    expect(pages[2]!.error).toMatch(/only http:\/\/ and https:\/\/ pages can be fetched/u);
  });
});

describe('parallax command line', () => {
  it('prints usage on stderr and exits 2 for scan without inputs, an unknown flag, or no command', { timeout: CLI_TIMEOUT_MS }, async () => {
    for (const args of [['scan'], ['scan', page('wire-story'), '--colour'], [], ['rescan', 'x.html']]) {
      const run = await runParallax(args);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toMatch(/^parallax: .+\n\nUsage:\n {2}parallax scan FILE_OR_URL\.\.\. \[--json\]/u);
    }
  });

  it('prints usage on stdout for --help, naming the seeds the corpus is built from', { timeout: CLI_TIMEOUT_MS }, async () => {
    const run = await runParallax(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('parallax scan FILE_OR_URL... [--json]');
    expect(run.stdout).toContain('parallax corpus [--verbose] [--json]');
    expect(run.stdout).toContain(join(REPO_ROOT, 'seeds'));
    expect((await runParallax(['scan', '--help'])).stdout).toBe(run.stdout);
  });
});
