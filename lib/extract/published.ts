/**
 * When the page says its article was published, as an ISO date-time or day ("2025-04-18T10:00:00Z",
 * "2025-04-18"); null when it says nothing readable. The page gate uses it: a page dated well
 * away from the story's own dates is about something else, however alike its sentences look.
 *
 * Where news sites put the date, most trusted first: the Open Graph article metadata
 * (`article:published_time`), JSON-LD `datePublished` (schema.org NewsArticle, also inside
 * `@graph` and arrays), the common meta names (`date`, `pubdate`, `publishdate`, Dublin Core,
 * `parsely-pub-date`, `sailthru.date`, `og:published_time`…), an element marked
 * `itemprop="datePublished"`, then a `<time datetime>` inside the article or its header. Not a
 * bare `<time>` elsewhere on the page: a masthead shows today's date, a sidebar its links' dates.
 * Last and least trusted, the date the byline or dateline writes as text (byline-date.ts), for
 * the many small sites that print it for readers only.
 * Modified dates are never read (an article updated a month later is still that day's news).
 *
 * Robust to garbage: every value is checked to be a real calendar date between 1990 and 2100
 * (any other is skipped, and the next source is tried); a JSON-LD block that does not parse, or is
 * huge, is skipped. Cost: a few selector queries and at most MAX_JSON_LD_CHARS parsed.
 */

import { findBylineDate } from './byline-date';
import { isRealDay } from './calendar';

/** Meta names (or properties) that carry the publication date, most trusted first. */
const META_KEYS: readonly string[] = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'published-date',
  'dc.date.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.issued',
  'parsely-pub-date',
  'sailthru.date',
  'citation_publication_date',
];

/** JSON-LD larger than this is not parsed (some pages inline whole product catalogues). */
export const MAX_JSON_LD_CHARS = 200_000;

/** `YYYY-MM-DD`, optionally followed by a time (with T or a space) and a zone. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/u;
/** Compact forms some sites use: `20250418`, `20250418T1000Z`. */
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(?:T\d{4,6}Z?)?$/u;

/**
 * `raw` as a normalized ISO value when it is a real date: a day (`2025-04-18`) or a date-time as
 * written (the publisher's own day is kept: no conversion to UTC moves it across midnight).
 * Also reads RFC 2822 and similar forms through Date.parse. null for anything else.
 */
export function normalizePublished(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '' || text.length > 64) return null;
  const iso = ISO_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (iso !== null) {
    const [, y, m, d] = iso;
    if (!isRealDay(Number(y), Number(m), Number(d))) return null;
    const day = `${y}-${m}-${d}`;
    if (iso[4] === undefined) return day;
    const hours = Number(iso[4]);
    const minutes = Number(iso[5]);
    if (hours > 23 || minutes > 59) return day;
    return `${day}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${formatZone(iso[7])}`;
  }
  // "Fri, 18 Apr 2025 10:00:00 GMT", "April 18, 2025": only with a four-digit year and a letter,
  // so that bare numbers ("1713434400", "18/04/25") are never guessed at.
  if (!/\b\d{4}\b/u.test(text) || !/\p{L}/u.test(text)) return null;
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return null;
  const date = new Date(parsed);
  if (!isRealDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())) return null;
  return date.toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

function formatZone(zone: string | undefined): string {
  if (zone === undefined || zone === 'Z') return zone ?? '';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/** The page's publication date (see the module comment), or null. Never throws. */
export function findPublishedDate(doc: Document): string | null {
  try {
    const places = datePlaces(doc);
    return fromMeta(places.metas) ?? fromJsonLd(places.scripts) ?? fromMarkup(places) ?? findBylineDate(doc);
  } catch {
    // A page that broke its own DOM APIs: no date is better than no scan.
    return null;
  }
}

/** The elements a date is read from, in document order. */
interface DatePlaces {
  metas: Element[];
  scripts: Element[];
  marked: Element | null;
  times: Element[];
}

/**
 * Every place a date may be, gathered by one query: a query per kind walked a large page's whole
 * document six times, and in Node's DOM (linkedom) that was an eighth of an article's extraction.
 */
function datePlaces(doc: Document): DatePlaces {
  const places: DatePlaces = { metas: [], scripts: [], marked: null, times: [] };
  for (const element of Array.from(doc.querySelectorAll('meta[content], script[type="application/ld+json"], [itemprop="datePublished"], time[datetime]'))) {
    if (places.marked === null && element.getAttribute('itemprop') === 'datePublished') places.marked = element;
    const tag = element.localName;
    if (tag === 'meta') {
      if (element.hasAttribute('content')) places.metas.push(element);
    } else if (tag === 'script') {
      if (element.getAttribute('type') === 'application/ld+json') places.scripts.push(element);
    } else if (tag === 'time' && element.hasAttribute('datetime')) {
      places.times.push(element);
    }
  }
  return places;
}

function fromMeta(metas: readonly Element[]): string | null {
  const found = new Map<string, string>();
  for (const meta of metas) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').trim().toLowerCase();
    if (key === '' || found.has(key)) continue;
    const value = normalizePublished(meta.getAttribute('content'));
    if (value !== null) found.set(key, value);
  }
  for (const key of META_KEYS) {
    const value = found.get(key);
    if (value !== undefined) return value;
  }
  return null;
}

function fromJsonLd(scripts: readonly Element[]): string | null {
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const value = datePublishedIn(data, 0);
    if (value !== null) return value;
  }
  return null;
}

/** The first valid `datePublished` in a JSON-LD value: the object itself, its `@graph`, arrays; a few levels deep. */
function datePublishedIn(data: unknown, depth: number): string | null {
  if (depth > 4 || data === null || typeof data !== 'object') return null;
  if (Array.isArray(data)) {
    for (const item of data.slice(0, 50)) {
      const value = datePublishedIn(item, depth + 1);
      if (value !== null) return value;
    }
    return null;
  }
  const record = data as Record<string, unknown>;
  const own = record['datePublished'];
  const value = normalizePublished(typeof own === 'string' ? own : Array.isArray(own) && typeof own[0] === 'string' ? own[0] : null);
  if (value !== null) return value;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const nested = datePublishedIn(record[key], depth + 1);
    if (nested !== null) return nested;
  }
  return null;
}

function fromMarkup({ marked, times }: DatePlaces): string | null {
  if (marked !== null) {
    const value = normalizePublished(marked.getAttribute('datetime') ?? marked.getAttribute('content') ?? marked.textContent);
    if (value !== null) return value;
  }
  // The article's own first, then the main content's: a ticker or a related link in <main> may come first.
  for (const container of ['article', '[role="article"]', 'main']) {
    for (const time of times) {
      if (time.parentElement?.closest(container) == null) continue;
      const value = normalizePublished(time.getAttribute('datetime'));
      if (value !== null) return value;
    }
  }
  return null;
}
