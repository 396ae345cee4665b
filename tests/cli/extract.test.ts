// `parallax extract`, run for real as a child process: what it reads on the fixture pages, the
// --json contract, and an input that cannot be read.
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractJsonPage } from '../../lib/cli/extract';
import { readFixturePage } from '../fixtures/pages/fixtures';
import { CLI_TIMEOUT_MS, FIXTURE_PAGES, REPO_ROOT, runParallax } from './run-cli';

type JsonPage = ExtractJsonPage;

const page = (name: string): string => relative(REPO_ROOT, join(FIXTURE_PAGES, `${name}.html`));
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('parallax extract --json', () => {
  it('gives each page its title, stated date and paragraphs, or why there is none', { timeout: CLI_TIMEOUT_MS }, async () => {
    const names = ['split-body', 'short-item', 'cjk-article', 'index-page', 'div-before-head'];
    const run = await runParallax(['extract', ...names.map(page), 'no-such-page.html', '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { pages: JsonPage[] };
    expect(Object.keys(doc)).toEqual(['pages']);
    expect(doc.pages.map((p) => p.input)).toEqual([...names.map(page), 'no-such-page.html']);
    for (const [i, name] of names.entries()) {
      const expected = readFixturePage(name).expect;
      const got = doc.pages[i]!;
      expect(Object.keys(got).slice(0, 5)).toEqual(['input', 'title', 'published', 'article', 'reason']);
      expect(got.title).toBe(expected.title);
      if (!expected.article) {
        expect(got.article).toBeNull();
        expect(got.reason).toBe(expected.reason);
        expect(got.detail).toEqual(expect.any(String));
        continue;
      }
      expect(got.reason).toBeNull();
      const text = squash(got.article!.paragraphs.join(' '));
      // Every sentence it must read is there, in page order; no furniture is.
      const at = expected.mustExtract.map((s) => text.indexOf(squash(s)));
      expect(expected.mustExtract.filter((_, k) => at[k] === -1)).toEqual([]);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(expected.mustNotExtract.filter((f) => text.includes(f))).toEqual([]);
    }
    // Dates as the pages state them: JSON-LD, Open Graph; none stated gives null.
    expect(doc.pages[0]!.published).toMatch(/^2023-10-12/);
    expect(doc.pages[1]!.published).toMatch(/^2024-11-08/);
    expect(doc.pages[4]!.published).toBeNull();
    const missing = doc.pages[5]!;
    expect(missing).toMatchObject({ article: null, reason: 'unreadable', published: null });
    expect(missing.detail).toContain('no-such-page.html');
  });

  it('says in words what it read, and fails only when nothing could be read', { timeout: CLI_TIMEOUT_MS }, async () => {
    const read = await runParallax(['extract', page('short-item')]);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('title:     Stolen cello returned to city orchestra hours before concert');
    expect(read.stdout).toContain('The instrument was found undamaged in a pawn shop near the station.');
    expect(read.stdout).not.toContain('Related Articles');
    const none = await runParallax(['extract', 'no-such-page.html']);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('no such file');
  });
});
