// `npm start` opens the browser on the demo page: the page is served from this computer, the dev
// runner's config points at it, and it is a page on the story that Parallax highlights.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../lib/corpus/build';
import { extractArticle, toPageText } from '../../../lib/extract';
import { Matcher } from '../../../lib/match/matcher';
import { DEMO_DIR, DEMO_PAGE, DEMO_URL, serveDemo } from '../../../lib/node/demo-server';
import { parseHtml } from '../../../lib/node/html';
import { readSeeds } from '../../../lib/node/seeds';
import config from '../../../wxt.config';

describe('the demo server', () => {
  let server: Awaited<ReturnType<typeof serveDemo>>;
  let base = '';

  beforeAll(async () => {
    server = await serveDemo(0);
    base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it('serves the demo page as HTML, at / too, and nothing else', async () => {
    const page = await fetch(`${base}/${DEMO_PAGE}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/u);
    expect(await page.text()).toBe(readFileSync(resolve(DEMO_DIR, DEMO_PAGE), 'utf8'));
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect((await fetch(`${base}/../package.json`)).status).toBe(404);
    expect((await fetch(`${base}/seeds/sources.json`)).status).toBe(404);
  });

  it('says so, and resolves to null, when its port is taken', async () => {
    const port = (server!.address() as AddressInfo).port;
    const messages: string[] = [];
    expect(await serveDemo(port, (m) => messages.push(m))).toBeNull();
    expect(messages[0]).toMatch(/in use/u);
  });
});

describe('npm start', () => {
  it('opens the dev browser on the demo page', () => {
    expect(config.webExt?.startUrls).toEqual([DEMO_URL]);
    expect(DEMO_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/story\.html$/u);
    expect(typeof (config.hooks as Record<string, unknown> | undefined)?.['server:created']).toBe('function');
  });

  it('lands on a page on the story, most of whose sentences Parallax highlights', () => {
    const html = readFileSync(resolve(DEMO_DIR, DEMO_PAGE), 'utf8');
    expect(html).not.toMatch(/\b(?:src|href)="https?:/u);
    const page = toPageText(extractArticle(parseHtml(html, DEMO_URL)));
    const verdict = Matcher.fromCorpus(buildCorpus(readSeeds(resolve(import.meta.dirname, '../../../seeds')))).scanPage(page);
    expect(verdict.onStory).toBe(true);
    expect(verdict.sentences.length).toBeGreaterThanOrEqual(Math.ceil(page.sentences.length * 0.6));
    // Several kinds of match and several outlets, so the card and the panel have something to show.
    expect(new Set(verdict.sentences.flatMap((s) => s.matches.map((m) => m.outlet))).size).toBeGreaterThanOrEqual(3);
  });
});
