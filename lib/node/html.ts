/**
 * HTML to a DOM Document in Node, so the CLI and tests run the very extraction code the content
 * script runs (lib/extract/). linkedom is fast and small, and has no layout and runs no scripts:
 * extraction reads only the DOM and attributes, so neither is needed.
 */
import { parseHTML } from 'linkedom';

/** Elements a browser's parser puts in <head> when a page leaves out <head> and <body>. */
const HEAD_TAGS: ReadonlySet<string> = new Set(['title', 'meta', 'link', 'base', 'style', 'script', 'noscript', 'template']);

/**
 * Parses a whole HTML page, or a fragment of one. `url` becomes `document.URL` (linkedom leaves
 * it undefined), which extraction reports as the page's URL.
 *
 * HTML lets a page leave out <html>, <head> and <body>; a browser implies them, linkedom does
 * not (it makes the first element the root, or leaves the body empty beside the content). Such
 * pages are put right here: leading head elements into <head>, everything else into <body>.
 */
export function parseHtml(html: string, url?: string): Document {
  const source = /<html[\s>]/i.test(html) ? html : `<!doctype html><html>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</html>`;
  const { document } = parseHTML(source);
  const doc = document as unknown as Document;
  if (!/<body[\s>]/i.test(html)) moveIntoHeadAndBody(doc);
  if (url !== undefined) {
    Object.defineProperty(doc, 'URL', { value: url, configurable: true });
    Object.defineProperty(doc, 'documentURI', { value: url, configurable: true });
  }
  return doc;
}

function moveIntoHeadAndBody(doc: Document): void {
  const root = doc.documentElement;
  let head = doc.head;
  if (head === null) {
    head = doc.createElement('head');
    root.insertBefore(head, root.firstChild);
  }
  let body = root.querySelector(':scope > body');
  if (body === null) {
    body = doc.createElement('body');
    root.appendChild(body);
  }
  let inBody = false;
  for (const node of Array.from(root.childNodes)) {
    if (node === head || node === body) continue;
    const isHeadElement = node.nodeType === 1 && HEAD_TAGS.has((node as Element).localName);
    const isBlank = node.nodeType === 3 && (node as Text).data.trim() === '';
    if (!inBody && (isHeadElement || isBlank || node.nodeType === 8)) {
      head.appendChild(node);
    } else {
      inBody = true;
      body.appendChild(node);
    }
  }
}
