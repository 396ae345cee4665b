/**
 * The page's publication date, as the page states it: `article:published_time` (Open Graph),
 * JSON-LD `datePublished`, then the first `<time datetime>`. Read from the DOM only, so the
 * content script and the CLI answer alike.
 */

/** Meta elements that carry the publication date, most specific first. */
const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
];

/** JSON-LD blocks read at most: a page with hundreds is not worth reading them all. */
const MAX_JSON_LD_BLOCKS = 20;
/** Characters of one JSON-LD block parsed at most. */
const MAX_JSON_LD_CHARS = 200_000;

/** A date, optionally with a time and a zone: what ISO 8601 dates on pages look like. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The date as ISO 8601: a date-only value stays a date ("2025-04-18"); a date with a time
 * becomes UTC ("2025-04-18T10:47:12.000Z"). Null for anything that is not a valid date.
 */
export function normalizeDate(raw: string): string | null {
  const value = raw.trim();
  const match = ISO_DATE.exec(value);
  if (match !== null) {
    const [, y, m, d, hh] = match;
    const month = Number(m);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    if (hh === undefined) return `${y}-${m}-${d}`;
  } else if (!/^\d{4}-\d{2}-\d{2}/.test(value)) {
    return null;
  }
  const zone = match?.[7];
  const time = Date.parse(match !== null && zone !== undefined && /^[+-]\d{4}$/.test(zone)
    ? `${value.slice(0, -5)}${zone.slice(0, 3)}:${zone.slice(3)}`
    : value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** The page's publication date (ISO 8601), or null when it states none. */
export function findPublishedDate(doc: Document): string | null {
  for (const selector of META_SELECTORS) {
    const content = doc.querySelector(selector)?.getAttribute('content');
    const date = content == null ? null : normalizeDate(content);
    if (date !== null) return date;
  }
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD_BLOCKS; i++) {
    const text = scripts[i]!.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const date = datePublishedIn(data, 0);
    if (date !== null) return date;
  }
  for (const time of Array.from(doc.querySelectorAll('time[datetime]')).slice(0, 10)) {
    const date = normalizeDate(time.getAttribute('datetime') ?? '');
    if (date !== null) return date;
  }
  return null;
}

/** JSON-LD nests (@graph, arrays, mainEntity): the first datePublished found, depth-bounded. */
function datePublishedIn(data: unknown, depth: number): string | null {
  if (depth > 6 || data === null || typeof data !== 'object') return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const date = datePublishedIn(item, depth + 1);
      if (date !== null) return date;
    }
    return null;
  }
  const record = data as Record<string, unknown>;
  const own = record.datePublished;
  if (typeof own === 'string') {
    const date = normalizeDate(own);
    if (date !== null) return date;
  }
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const date = datePublishedIn(record[key], depth + 1);
    if (date !== null) return date;
  }
  return null;
}
