/**
 * The article's headline when the page has no usable <h1>: the Open Graph or Twitter title,
 * else the document title without the site's name.
 */

/**
 * Separators between a headline and the site's or section's name in a <title>. Not the colon:
 * headlines use it themselves ("Rubio: US may walk away").
 */
const TITLE_SEPARATOR = /\s+[|\u2013\u2014\u00B7\u2022\u00BB-]{1,2}\s+/;

/**
 * The headline inside a <title> like "Rubio warns … | Reuters" or "World - Rubio warns … - AP":
 * the longest part, since the site's and section's names are shorter than any headline.
 */
export function cleanTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  let best = '';
  for (const part of title.split(TITLE_SEPARATOR)) {
    if (part.length > best.length) best = part;
  }
  return best;
}

/** The headline the page declares in its metadata or <title>; '' when it declares none. */
export function declaredTitle(doc: Document): string {
  const head = doc.head;
  if (head !== null) {
    for (const selector of ['meta[property="og:title"]', 'meta[name="twitter:title"]']) {
      const content = head.querySelector(selector)?.getAttribute('content');
      if (content) return cleanTitle(content);
    }
  }
  return cleanTitle(doc.title ?? '');
}

/** Letters and digits only, lowercased: how two wordings of a title are compared. */
export function titleKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Titles shorter than this (a site name, "Live") are too generic to confirm a heading. */
export const TITLE_KEY_MIN_CHARS = 12;

/**
 * Whether a heading's text and the page's declared title name one headline: both long enough to
 * be more than a site's or section's name, and one inside the other once case, spaces and
 * punctuation are set aside.
 */
export function titleConfirms(declared: string, heading: string): boolean {
  const a = titleKey(declared);
  const b = titleKey(heading);
  return a.length >= TITLE_KEY_MIN_CHARS && b.length >= TITLE_KEY_MIN_CHARS && (a.includes(b) || b.includes(a));
}
