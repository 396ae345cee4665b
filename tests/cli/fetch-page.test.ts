// Fetching pages over http, in-process against a local server: limits on time and size, content
// types, redirects and character sets. (tests/cli/scan.test.ts runs the same through the CLI.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage } from '../../lib/cli/fetch-page';
import { InputError } from '../../lib/cli/input-error';

const PAGE = '<!doctype html><html><head><title>T</title></head><body><p>Café crème</p></body></html>';
/** "Café" in windows-1252: é is the single byte 0xE9, invalid on its own in UTF-8. */
const LATIN1_PAGE = Buffer.concat([Buffer.from('<html><body><p>Caf'), Buffer.from([0xe9]), Buffer.from('</p></body></html>')]);

let server: Server;
let base: string;
const hanging = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  server = createServer((request, response) => {
    switch (request.url) {
      case '/page':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
        break;
      case '/hop1':
        response.writeHead(301, { location: '/hop2' }).end();
        break;
      case '/hop2':
        response.writeHead(307, { location: '/page' }).end();
        break;
      case '/loop':
        response.writeHead(302, { location: '/loop' }).end();
        break;
      case '/latin1-header':
        response.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' }).end(LATIN1_PAGE);
        break;
      case '/latin1-meta':
        response.writeHead(200, { 'content-type': 'text/html' }).end(
          Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head>'), LATIN1_PAGE]),
        );
        break;
      case '/untyped-html':
        // No Content-Type header at all (Node adds none unless told).
        response.writeHead(200).end(PAGE);
        break;
      case '/untyped-text':
        response.writeHead(200).end('Just some words, no markup.');
        break;
      case '/pdf':
        response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
        break;
      case '/declared-huge':
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(64 * 1024 * 1024) });
        response.write('<html>');
        hanging.add(response);
        break;
      case '/endless':
        // Chunked, without end: only the size cap stops the reader.
        response.writeHead(200, { 'content-type': 'text/html' });
        hanging.add(response);
        for (let i = 0; i < 64; i++) response.write(`<p>${'x'.repeat(1000)}</p>`);
        break;
      case '/silent':
        hanging.add(response);
        break;
      case '/server-error':
        response.writeHead(503, { 'content-type': 'text/html' }).end('busy');
        break;
      default:
        response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(path: string, limits = { timeoutMs: 5000, maxBytes: 1024 * 1024 }): Promise<string> {
  const url = new URL(path, base);
  const error = await fetchPage(url, url.href, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message;
}

describe('fetchPage', () => {
  it('returns the HTML and the final address after redirects', async () => {
    const fetched = await fetchPage(new URL('/hop1', base));
    expect(fetched).toEqual({ url: `${base}/page`, html: PAGE });
  });

  it('decodes a page in the charset its server or its <meta> declares', async () => {
    expect((await fetchPage(new URL('/latin1-header', base))).html).toContain('<p>Café</p>');
    expect((await fetchPage(new URL('/latin1-meta', base))).html).toContain('<p>Café</p>');
  });

  it('reads a page sent without a content type when its bytes are HTML, and refuses other bytes', async () => {
    expect((await fetchPage(new URL('/untyped-html', base))).html).toBe(PAGE);
    expect(await failure('/untyped-text')).toBe(`${base}/untyped-text: has no content type and looks like plain text, not an HTML page`);
  });

  it('names the status of an HTTP error, the type of a non-HTML response, and a redirect loop', async () => {
    expect(await failure('/server-error')).toBe(`${base}/server-error: the server answered HTTP 503 Service Unavailable`);
    expect(await failure('/pdf')).toBe(`${base}/pdf: is application/pdf, not an HTML page`);
    expect(await failure('/loop')).toMatch(new RegExp(`^${base}/loop: could not be fetched: .*redirect`, 'u'));
  });

  it('refuses a body over the size cap, whether declared up front or sent without end', async () => {
    expect(await failure('/declared-huge')).toBe(`${base}/declared-huge: is 64 MB; a page may be at most 1 MB`);
    expect(await failure('/endless', { timeoutMs: 5000, maxBytes: 16 * 1024 })).toBe(
      `${base}/endless: sent more than 16 KB; a page may be at most that`,
    );
  });

  it('gives up on a server that does not answer in time', async () => {
    const started = performance.now();
    expect(await failure('/silent', { timeoutMs: 300, maxBytes: 1024 })).toBe(`${base}/silent: did not answer in full within 0.3 s`);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('fetches only http and https', async () => {
    const error = await fetchPage(new URL('ftp://127.0.0.1/page.html')).catch((e: unknown) => e);
    expect((error as Error).message).toBe('ftp://127.0.0.1/page.html: is an address of scheme ftp:; only http:// and https:// pages can be fetched');
  });
});
