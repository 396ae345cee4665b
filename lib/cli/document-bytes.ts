/**
 * What a document's bytes are (an HTML page, plain text, or something the CLI cannot read such as
 * an image or JSON) and their text. Files carry no content type and servers sometimes send none,
 * so the bytes are looked at, the way browsers sniff (WHATWG MIME Sniffing, much simplified).
 */

export type SniffedFormat =
  | { format: 'html' }
  | { format: 'text' }
  /** A format the CLI recognizes but cannot read as an article; `name` is for the error message. */
  | { format: 'foreign'; name: string };

/** How much of the start of a document sniffing looks at (the WHATWG algorithm's 1,445 bytes, rounded). */
const SNIFF_BYTES = 1500;

/** Magic numbers of the binary formats people most often pass by mistake. */
const SIGNATURES: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or an Office document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/**
 * Markup that only HTML starts with, after an optional BOM, whitespace and comments: the tags of
 * the WHATWG "HTML" sniffing pattern that real pages begin with.
 */
const HTML_START = /^(?:\uFEFF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|script|style|link|div|p|h1|article|main|iframe|table|font|br|b|a)(?=[\s>/])/iu;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

/** What `bytes` hold, judged from their first bytes (and, for JSON, the whole text). */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  for (const { name, bytes: signature } of SIGNATURES) if (startsWith(bytes, signature)) return { format: 'foreign', name };
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return { format: 'foreign', name: 'a WebP image' };
  const head = bytes.subarray(0, SNIFF_BYTES);
  const bom = bomCharset(bytes);
  // UTF-16 text is full of NUL bytes; only its BOM tells it from binary data.
  if (head.includes(0) && bom?.startsWith('utf-16') !== true) return { format: 'foreign', name: 'a binary file' };
  const start = new TextDecoder(bom ?? 'utf-8').decode(head);
  if (HTML_START.test(start)) return { format: 'html' };
  if (/^\uFEFF?\s*<\?xml/u.test(start)) {
    // XHTML served or saved as XML still says so in its root element.
    return /<html[\s>]/iu.test(start) ? { format: 'html' } : { format: 'foreign', name: 'an XML document' };
  }
  if (/^\uFEFF?\s*[[{]/u.test(start) && isJson(bytes, bom ?? 'utf-8')) return { format: 'foreign', name: 'JSON data' };
  return { format: 'text' };
}

function isJson(bytes: Uint8Array, charset: string): boolean {
  try {
    JSON.parse(new TextDecoder(charset).decode(bytes));
    return true;
  } catch {
    return false;
  }
}

/** The charset a page's own <meta> declares in its first bytes, as the HTML prescan finds it. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head);
  return match?.[1] ?? null;
}

/** A TextDecoder for `label`, or null when the label names no encoding the runtime knows. */
function decoderFor(label: string | null): TextDecoder | null {
  if (label === null) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * An HTML page's text. The encoding is the BOM's, else the one the server declared, else the one
 * the page's <meta> declares, else UTF-8 (what nearly every page is written in today).
 */
export function decodeHtml(bytes: Uint8Array, declaredCharset: string | null = null): string {
  const decoder =
    decoderFor(bomCharset(bytes)) ?? decoderFor(declaredCharset) ?? decoderFor(metaCharset(bytes)) ?? new TextDecoder('utf-8');
  // The decoder drops a BOM of its own encoding.
  return decoder.decode(bytes);
}

/** The encoding a byte-order mark announces: it overrides any declaration (HTML's decode step). */
function bomCharset(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  return null;
}

/**
 * Plain text that must be UTF-8 (the encoding of the seed files and of anything saved today): the
 * text, or a description of the first bad byte.
 */
export function decodeUtf8Text(bytes: Uint8Array): { text: string } | { problem: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: 'is not valid UTF-8 text; re-save it as UTF-8' };
  }
}

/** The charset parameter of a Content-Type header value, if any. */
export function charsetOf(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/iu.exec(contentType);
  return match?.[1] ?? null;
}

/** The MIME type of a Content-Type header value, lower case, without parameters. */
export function mimeTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}
