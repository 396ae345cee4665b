/**
 * HTML to a DOM Document in Node, so the CLI and tests run the very extraction code the content
 * script runs (lib/extract/). linkedom is fast and small, and has no layout and runs no scripts:
 * extraction reads only the DOM and attributes, so neither is needed.
 */
import { parseHTML } from 'linkedom';

/**
 * Parses a whole HTML page. `url` becomes `document.URL` (linkedom leaves it undefined), which
 * extraction reports as the page's URL.
 */
export function parseHtml(html: string, url?: string): Document {
  const { document } = parseHTML(html);
  if (url !== undefined) {
    Object.defineProperty(document, 'URL', { value: url, configurable: true });
    Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  }
  return document as unknown as Document;
}
