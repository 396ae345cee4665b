/**
 * HTML to a DOM Document in Node, so the CLI and tests run the very extraction code the content
 * script runs (lib/extract/). linkedom is fast and small, and has no layout and runs no scripts:
 * extraction reads only the DOM and attributes, so neither is needed.
 *
 * linkedom's parser (htmlparser2) does not implement the HTML standard's tree construction: it
 * keeps a page's elements where the page wrote them. A browser repairs the page: it implies
 * <html>, <head> and <body>, and moves what stands outside them inside <body>. A page with a
 * <div> before its <head> got an empty <body> from linkedom, where the tab shows its article.
 * Such pages, and fragments without <html> or <body>, are parsed by parse5 (the standard's
 * parsing algorithm, the tree a browser builds), whose well-formed serialization linkedom then
 * reads. Well-formed pages skip that: parse5 and the second parse cost 3-5x linkedom's own.
 */
import { parseHTML } from 'linkedom';
import { parse, serialize } from 'parse5';

/**
 * Parses a whole HTML page, or a fragment of one, into the tree a browser would build.
 * `url` becomes `document.URL` (linkedom leaves it undefined), which extraction reports as the
 * page's URL.
 */
export function parseHtml(html: string, url?: string): Document {
  let doc = /<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)
    ? (parseHTML(html).document as unknown as Document)
    : null;
  if (doc === null || !hasBrowserShape(doc)) {
    // parse5 serializes the repaired tree with its doctype, so linkedom reads an HTML document.
    doc = parseHTML(serialize(parse(html))).document as unknown as Document;
  }
  if (url !== undefined) {
    Object.defineProperty(doc, 'URL', { value: url, configurable: true });
    Object.defineProperty(doc, 'documentURI', { value: url, configurable: true });
  }
  return doc;
}

/** Whether the root is <html> holding <head> then <body> and no other element, as in a browser. */
function hasBrowserShape(doc: Document): boolean {
  const root = doc.documentElement;
  if (root === null || root.localName !== 'html') return false;
  const children = root.children;
  return children.length === 2 && children[0]!.localName === 'head' && children[1]!.localName === 'body';
}
