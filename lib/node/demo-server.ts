/**
 * The demo page `npm start` opens: a news page on the story written for Parallax
 * (assets/demo/story.html), served from this computer so that a newcomer sees highlights, the
 * hover card and the panel at once, with nothing fetched from the network. Node only; started by
 * wxt.config.ts when the dev runner's server is created.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';

export const DEMO_DIR = resolve(import.meta.dirname, '../../assets/demo');
/** A fixed port: the browser's start URL is written into the runner config before anything listens. */
export const DEMO_PORT = 5199;
export const DEMO_HOST = '127.0.0.1';
export const DEMO_PAGE = 'story.html';
export const DEMO_URL = `http://${DEMO_HOST}:${DEMO_PORT}/${DEMO_PAGE}`;

/** The demo folder's pages by URL path; anything else is a 404. */
const PAGES: Readonly<Record<string, string>> = { '/': DEMO_PAGE, [`/${DEMO_PAGE}`]: DEMO_PAGE };

/**
 * Serves the demo page on `port` (DEMO_PORT by default; 0 picks a free one). Resolves to the
 * listening server, or to null with a message on stderr when the port is taken (a demo server of
 * an earlier `npm start` still running serves the same page).
 */
export function serveDemo(port = DEMO_PORT, log: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<Server | null> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', `http://${DEMO_HOST}`).pathname;
    const file = PAGES[path];
    if (file === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: the demo has one page, /story.html\n');
      return;
    }
    readFile(resolve(DEMO_DIR, file)).then(
      (body) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body),
      (error: Error) => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`${error.message}\n`),
    );
  });
  return new Promise((done) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      log(`Parallax demo page: port ${port} is in use (${error.code ?? error.message}); ${DEMO_URL} is served by whatever holds it.`);
      done(null);
    });
    server.listen(port, DEMO_HOST, () => done(server));
  });
}
