/**
 * Fetching a page over http(s) for `parallax scan URL`, with Node's fetch: redirects are followed
 * (fetch's limit of 20), and the whole exchange, body included, must finish within a time limit
 * and a size cap, so one slow or endless server cannot hang or exhaust a scan of many inputs.
 * Every failure is an InputError that names the address and says what went wrong.
 */
import { formatBytes } from '../corpus/validate';
import { charsetOf, decodeHtml, mimeTypeOf, sniffFormat } from './document-bytes';
import { InputError } from './input-error';

/** A news page from a slow server arrives in a few seconds; past 20 s the reader is better told. */
export const FETCH_TIMEOUT_MS = 20_000;
/**
 * News pages with their inline scripts and styles weigh a few megabytes; past 16 MiB a response is
 * not a page meant for reading, and holding it would only cost memory.
 */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/** The content types that are HTML pages. */
export const HTML_CONTENT_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml'];

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: FETCH_TIMEOUT_MS, maxBytes: MAX_PAGE_BYTES };

export interface FetchedPage {
  /** The address the page came from, after redirects: what its relative links resolve against. */
  url: string;
  html: string;
}

/**
 * The HTML page at `url` (http or https). `input` is how the user wrote it, for error messages.
 * Throws an InputError for an unreachable host, an HTTP error status, a non-HTML content type, a
 * body over the size cap, or a server slower than the time limit.
 */
export async function fetchPage(url: URL, input: string = url.href, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<FetchedPage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(input, `is an address of scheme ${url.protocol.replace(/:$/u, '')}:; only http:// and https:// pages can be fetched`);
  }
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const response = await fetch(url, {
      redirect: 'follow',
      signal,
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
    });
    const where = response.redirected ? ` (redirected to ${response.url})` : '';
    if (!response.ok) {
      await response.body?.cancel();
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new InputError(input, `the server answered HTTP ${status}${where}`);
    }
    const contentType = response.headers.get('content-type');
    const mime = contentType === null ? null : mimeTypeOf(contentType);
    if (mime !== null && mime !== '' && !HTML_CONTENT_TYPES.includes(mime)) {
      await response.body?.cancel();
      throw new InputError(input, `is ${mime}${where}, not an HTML page`);
    }
    const declaredLength = Number(response.headers.get('content-length'));
    if (declaredLength > limits.maxBytes) {
      await response.body?.cancel();
      throw new InputError(input, `is ${formatBytes(declaredLength)}${where}; a page may be at most ${formatBytes(limits.maxBytes)}`);
    }
    const bytes = await readBody(response, input, limits.maxBytes);
    if (mime === null || mime === '') {
      // No content type: judge by the bytes, as a browser would.
      const sniffed = sniffFormat(bytes);
      if (sniffed.format !== 'html') {
        const what = sniffed.format === 'text' ? 'plain text' : sniffed.name;
        throw new InputError(input, `has no content type and looks like ${what}${where}, not an HTML page`);
      }
    }
    return { url: response.url || url.href, html: decodeHtml(bytes, contentType === null ? null : charsetOf(contentType)) };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(input, describeFetchFailure(error, url, limits));
  }
}

/** The body, read chunk by chunk so that an oversized one is cut off rather than held whole. */
async function readBody(response: Response, input: string, maxBytes: number): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new InputError(input, `sent more than ${formatBytes(maxBytes)}; a page may be at most that`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Node's fetch reports network failures as "fetch failed" with the reason in `cause`. */
function describeFetchFailure(error: unknown, url: URL, limits: FetchLimits): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return `did not answer in full within ${limits.timeoutMs / 1000} s`;
  }
  const code = err.cause?.code;
  const host = url.host;
  switch (code) {
    case 'ECONNREFUSED':
      return `could not be fetched: ${host} refused the connection (nothing is listening there)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `could not be fetched: the host ${url.hostname} was not found (${code})`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `could not be fetched: ${host} closed the connection`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `could not be fetched: connecting to ${host} timed out`;
    default:
      break;
  }
  if (code !== undefined && /CERT|SSL|TLS/u.test(code)) {
    return `could not be fetched: the TLS certificate of ${url.hostname} was refused (${code})`;
  }
  const reason = err.cause?.message ?? err.message ?? String(error);
  return `could not be fetched: ${reason}${code !== undefined ? ` (${code})` : ''}`;
}
