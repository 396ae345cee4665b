/**
 * A static file server on 127.0.0.1 for the pages the end-to-end tests visit. Extra routes let a
 * test serve a generated page (a hostile one, say) without writing it to disk.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export interface Route {
  body: string | Buffer;
  type?: string;
  headers?: Record<string, string>;
}

export interface PageServer {
  origin: string;
  url(path: string): string;
  /** Serve `route` at `path` (e.g. "/hostile/big.html") from now on. */
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

export async function servePages(roots: string[]): Promise<PageServer> {
  const routes = new Map<string, Route>();
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const routed = routes.get(path);
    if (routed) {
      response.writeHead(200, { 'content-type': routed.type ?? TYPES['.html']!, ...routed.headers });
      response.end(routed.body);
      return;
    }
    const relative = normalize(path).replace(/^(\.\.[/\\])+/, '');
    for (const root of roots) {
      try {
        const body = await readFile(join(root, relative));
        response.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream' });
        response.end(body);
        return;
      } catch {
        // Not under this root; try the next.
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : `/${path}`),
    route: (path, route) => void routes.set(path, route),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
