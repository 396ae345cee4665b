/**
 * The publication date a page writes only as text, in its byline or dateline ("By Jane Doe |
 * April 27, 2025", "Published 27 April 2025, 10:14 BST", "Sun 27 Apr 2025 09.00 EDT"): the least
 * trusted source of findPublishedDate (published.ts), read only when the page's markup says nothing.
 * Many small news sites and rewriters print the date for readers and never mark it up.
 *
 * Read only where a byline is: the article's head, from the article's start (or its headline) to
 * BYLINE_AREA.chars of text further, in document order. There, three kinds of place:
 *  - an element whose class, id or itemprop names a date or a byline (`byline`, `dateline`, `date`,
 *    `time`, `published`, `posted`, `meta`, `timestamp`…), or a <time> without a machine date;
 *  - the short lines right under the headline (its next siblings), unmarked, when the date stands
 *    where a byline puts it: first, after a label or weekday, after a separator ("By Jane Doe |
 *    April 27, 2025"), or anywhere in a line that starts with "By";
 *  - a paragraph that opens with a dateline ("Feb. 23, 2015 -- The study…", "KYIV, 18 April 2025 —").
 * Never the masthead (the walk starts at the article, and skips page furniture: navigation,
 * sidebars, related links, comments, footers), never a caption, a teaser card or a second article,
 * and the walk stops at a heading that links elsewhere (a list of other articles).
 *
 * Published, not updated: a date labeled "Updated", "Modified", "Edited" or "Revised" (in the text
 * or by the element's class) is never read. When a page shows only an update date, it is undated:
 * an article updated a week later is still its first day's news, and the story gate would
 * otherwise file an on-story page as later news; undated, the gate asks more of it instead. A date
 * labeled "Published" or "Posted" comes before an unlabeled one.
 *
 * Dates: English month names and their abbreviations, day-month or month-day ("27 April 2025",
 * "April 27th, 2025", "Apr. 27 2025"); numeric forms only where they cannot be misread: year first
 * (2025-04-27, 2025/04/27), the European day.month.year (27.04.2025), and day/month or month/day
 * only when just one reading is a real day (2/26/2015; never 04/05/2025). A four-digit year in
 * 1990–2100 and a real calendar day, or nothing; relative times ("2 hours ago") are not dates.
 * The day is returned (YYYY-MM-DD): the time a byline writes is in a zone it names loosely (ET,
 * BST), and the gate compares days.
 *
 * Cost: linear in the elements walked (at most BYLINE_AREA.elements) and the text read (each
 * place at most BYLINE_AREA.lineChars); never throws (the caller catches a hostile DOM).
 */
import { rememberedBits } from './attribute-bits';
import { isRealDay } from './calendar';
import { cleanTitle, declaredTitle, titleConfirms } from './title';
import { isFurniture, isHiddenByAttributes, isPhotoCaption, readAttributes, SKIPPED_TAGS } from './furniture';

/** Bounds of the byline area and of what is read in it. */
export const BYLINE_AREA = {
  /**
   * Characters of text, from the article's start, within which its byline sits: the headline, a
   * kicker, a standfirst and the byline fit; the body's first paragraphs (and whatever follows the
   * article) mostly do not. On the 67 readability pages (byline text read alone, markup dates
   * as the check): 300 loses one byline under a long headline block; 600 to 20,000 all read the
   * same 12 bylines, none wrong (the other guards hold); 1,200 leaves room for a long standfirst.
   */
  chars: 1_200,
  /** Elements walked at most: a page of empty wrappers ends the walk as surely as text does. */
  elements: 400,
  /** A place longer than this is a paragraph or a container, not a byline: its parts are read instead. */
  lineChars: 200,
  /** Lines under the headline read without a marking. */
  lines: 3,
  /** A paragraph's opening examined for a dateline. */
  datelineChars: 120,
  /** A linked heading this long is another article's title, not a kicker ("World"). */
  teaserTitleChars: 20,
  /** Headlines (and articles) considered: a page with hundreds of them is no article page. */
  headlines: 20,
} as const;

const MONTH_NAMES = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH = `(${MONTH_NAMES})\\.?(?!\\p{L})`;
const DAY = '(\\d{1,2})(?:\\s?(?:st|nd|rd|th)(?!\\p{L}))?';
const YEAR = '(\\d{4})(?!\\d)';

/**
 * A written date. Groups: month-day-year 1–3; day-month-year 4–6; year-month-day 7, 9, 10 (8 the
 * separator); day.month.year 11–13; d/m/y or m/d/y 14, 16, 17 (15 the separator).
 */
const WRITTEN_DATE = new RegExp(
  '(?<![\\p{L}\\p{N}.\\/-])(?:' +
    `${MONTH}\\s*${DAY},?\\s+${YEAR}` +
    `|${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}` +
    '|(\\d{4})([-/])(\\d{1,2})\\8(\\d{1,2})(?![\\d/-])' +
    '|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d.])' +
    '|(\\d{1,2})([-/])(\\d{1,2})\\15(\\d{4})(?![\\d/-])' +
    ')',
  'giu',
);

/** Words that label the date after them, the last one before a date deciding. */
const LABEL = /(?<!\p{L})(?:(published|posted|publication|released|created|dated|issued)|(updated?|modified|edited|revised|amended|changed))(?!\p{L})/giu;

/** Week days, which may stand before a date in a byline ("Tuesday 15 October 2019"). */
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\.?';

/** What may stand before the date in an unmarked line: labels, week days, "on", punctuation. */
const LINE_PREFIX = new RegExp(
  `^(?:(?:(?:first|last|originally)\\s+)?(?:published|posted|updated|modified|dated|date|on|at)|${WEEKDAY}|[:,|·•\\-–—])*$`,
  'iu',
);
/** A line that is a byline ("By Jane Doe | April 27, 2025"). */
const BYLINE_START = /^by\s+\p{Lu}/iu;
/** A separator between a byline's name and its date. */
const SEPARATOR_END = /[|·•/]$/u;

/** Before a dateline's date: nothing, a week day, or a place ("KYIV,", "NEW YORK -"). */
const DATELINE_PREFIX = new RegExp(`^(?:\\p{Lu}[\\p{L}.'’]*(?:\\s+\\p{Lu}[\\p{L}.'’]*){0,3}\\s*[,/]?|${WEEKDAY},?)?$`, 'u');
/** After a dateline's date: an optional time or agency, then the dash or colon that opens the story. */
const DATELINE_SUFFIX = /^\s*(?:\([^()]{1,40}\)\s*)?(?:--|[—–-]|:)\s/u;

export type DateLabel = 'published' | 'updated' | null;

/** A date written in a text: the day, how the text labels it, and where it stands. */
export interface WrittenDate {
  day: string;
  label: DateLabel;
  index: number;
  end: number;
}

/**
 * Every date written in `text` (see the module comment for the forms), with the label standing
 * before it since the previous date ("Published …, updated …"). `fallback` labels a date that has
 * none of its own (the element's class said "updated", or the text just before it did).
 */
export function writtenDates(text: string, fallback: DateLabel = null): WrittenDate[] {
  const found: WrittenDate[] = [];
  let last = 0;
  WRITTEN_DATE.lastIndex = 0;
  for (let match = WRITTEN_DATE.exec(text); match !== null; match = WRITTEN_DATE.exec(text)) {
    const end = match.index + match[0].length;
    const day = dayOf(match);
    if (day !== null) {
      const label = labelIn(text.slice(last, match.index)) ?? fallback;
      found.push({ day, label, index: match.index, end });
    }
    last = end;
  }
  return found;
}

/** The last label in a stretch of text, or null. */
export function labelIn(text: string): DateLabel {
  let label: DateLabel = null;
  LABEL.lastIndex = 0;
  for (let match = LABEL.exec(text); match !== null; match = LABEL.exec(text)) {
    label = match[1] !== undefined ? 'published' : 'updated';
  }
  return label;
}

function dayOf(m: RegExpExecArray): string | null {
  if (m[1] !== undefined) return isoDay(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  if (m[5] !== undefined) return isoDay(Number(m[6]), monthNumber(m[5]), Number(m[4]));
  if (m[7] !== undefined) return isoDay(Number(m[7]), Number(m[9]), Number(m[10]));
  if (m[11] !== undefined) return isoDay(Number(m[13]), Number(m[12]), Number(m[11]));
  if (m[14] !== undefined) {
    // Day and month in either order: read only when just one order is a real day.
    const a = Number(m[14]);
    const b = Number(m[16]);
    const year = Number(m[17]);
    const monthFirst = isoDay(year, a, b);
    const dayFirst = isoDay(year, b, a);
    if (monthFirst !== null && dayFirst !== null) return monthFirst === dayFirst ? monthFirst : null;
    return monthFirst ?? dayFirst;
  }
  return null;
}

function monthNumber(name: string): number {
  return 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(name.slice(0, 3).toLowerCase()) / 3 + 1;
}

function isoDay(year: number, month: number, day: number): string | null {
  if (!isRealDay(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// --- Where the byline is ---------------------------------------------------------------------------

/** What an element's class, id and itemprop say about dates, as bits. */
const MARKED = 1;
const SAYS_PUBLISHED = 2;
const SAYS_UPDATED = 4;
/** A place that shows other articles' or readers' dates: comments, related links, site chrome. */
const ELSEWHERE = 8;

const DATE_WORDS: ReadonlyMap<string, number> = new Map([
  ...['byline', 'dateline', 'date', 'dates', 'datetime', 'time', 'timestamp', 'meta', 'metadata', 'postmeta', 'entrymeta'].map((w) => [w, MARKED] as const),
  ...['published', 'publish', 'publication', 'pubdate', 'posted', 'created', 'datepublished'].map((w) => [w, MARKED | SAYS_PUBLISHED] as const),
  ...['updated', 'update', 'modified', 'lastmod', 'lastmodified', 'revised', 'edited', 'datemodified'].map((w) => [w, MARKED | SAYS_UPDATED] as const),
  ...[
    'comment', 'comments', 'reply', 'replies', 'respond', 'discussion', 'disqus', 'related', 'recommended', 'recirc',
    'teaser', 'teasers', 'trending', 'popular', 'promo', 'sidebar', 'widget', 'rail', 'newsletter', 'nav', 'navbar',
    'navigation', 'menu', 'footer', 'masthead', 'breadcrumb', 'breadcrumbs', 'ticker', 'weather', 'caption',
  ].map((w) => [w, ELSEWHERE] as const),
]);

/** Word boundaries in class and id values: separators, and camelCase humps ("pubDate"). */
const WORD_BOUNDARY = /[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/;

/** Two-word names of other articles' lists ("read-more", "mostRead", "up_next"). */
const ELSEWHERE_PHRASES = /(?<![a-z])(?:read[-_]?(?:more|next|also)|more[-_]?(?:stories|from|news)|most[-_]?(?:read|popular|viewed)|up[-_]?next|see[-_]?also)/i;

const bitsOf = rememberedBits((value) => {
  let bits = ELSEWHERE_PHRASES.test(value) ? ELSEWHERE : 0;
  for (const word of value.slice(0, 500).split(WORD_BOUNDARY)) bits |= DATE_WORDS.get(word.toLowerCase()) ?? 0;
  return bits;
}, 2048);

/** Landmarks inside which a <header> is the article's own, not the site's masthead. */
const ARTICLE_LANDMARK = 'article, main, [role="article"], [role="main"]';

/** Whether the element is page furniture (its header a masthead only outside the article). */
function furniture(element: Element, tag: string): boolean {
  const attributes = readAttributes(element);
  if (isHiddenByAttributes(element, attributes)) return true;
  if (tag === 'figure' || isPhotoCaption(element, tag, attributes)) return true;
  if (isFurniture(element, tag, true, attributes)) return true;
  return isFurniture(element, tag, false, attributes) && element.parentElement?.closest(ARTICLE_LANDMARK) == null;
}

/** Whether something around the element (up to the body) is page furniture. */
function inFurniture(element: Element): boolean {
  for (let up = element.parentElement; up !== null && up.localName !== 'body'; up = up.parentElement) {
    if (furniture(up, up.localName)) return true;
  }
  return false;
}

/**
 * The article's headline: the first <h1> inside an article (not in its furniture), else the first
 * one whose text is the page's declared title (wherever it stands: some sites' title block is named
 * a header), else the first one outside furniture.
 */
function findHeadline(doc: Document, headlines: readonly Element[]): Element | null {
  const considered = headlines.filter((h) => (h.textContent ?? '').trim() !== '');
  const usable = considered.filter((h) => !inFurniture(h));
  const inArticle = usable.find((h) => h.closest('article, [role="article"]') !== null);
  if (inArticle !== undefined) return inArticle;
  const declared = titleOf(doc);
  const confirmed = considered.find((h) => titleConfirms(declared, h.textContent ?? ''));
  return confirmed ?? usable[0] ?? null;
}

/**
 * The page's declared title: declaredTitle reads <head>; a page whose markup before <head> made the
 * parser move its <title> and metas into <body> declares it there.
 */
function titleOf(doc: Document): string {
  const declared = declaredTitle(doc);
  if (declared !== '') return declared;
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
  return cleanTitle(og ?? doc.querySelector('title')?.textContent ?? '');
}

/** The lines right under the headline: its next siblings, or its wrapper's when it is the last child. */
function linesUnder(headline: Element, scope: Element | null): Set<Element> {
  const lines = new Set<Element>();
  let anchor: Element = headline;
  for (let climb = 0; climb < 2 && anchor.nextElementSibling === null; climb++) {
    const parent = anchor.parentElement;
    if (parent === null || parent === scope || parent.localName === 'body') break;
    anchor = parent;
  }
  for (let line = anchor.nextElementSibling; line !== null && lines.size < BYLINE_AREA.lines; line = line.nextElementSibling) {
    lines.add(line);
  }
  return lines;
}

/** A dated place found in the byline area. */
interface Found {
  day: string;
  label: DateLabel;
}

/**
 * The page's publication day as its byline or dateline writes it (see the module comment), or
 * null. Headings and articles are found by tag (getElementsByTagName): an attribute selector
 * tests every element of the page, and in linkedom cost more than the whole walk.
 */
export function findBylineDate(doc: Document): string | null {
  const headline = findHeadline(doc, Array.from(doc.getElementsByTagName('h1')).slice(0, BYLINE_AREA.headlines));
  const scope = headline !== null
    ? headline.closest('article, [role="article"]')
    : Array.from(doc.getElementsByTagName('article')).slice(0, BYLINE_AREA.headlines).find((a) => !inFurniture(a)) ?? null;
  const start = scope ?? headline;
  if (start === null) return null;
  const lines = headline === null ? new Set<Element>() : linesUnder(headline, scope);
  const found: Found[] = [];
  let budget = BYLINE_AREA.chars;
  let articleSeen = scope !== null;
  let element: Element | null = start;
  for (let steps = 0; element !== null && steps < BYLINE_AREA.elements && budget > 0; steps++) {
    const tag = element.localName;
    let read = false;
    let skip = SKIPPED_TAGS.has(tag);
    if (!skip && /^h[2-6]$/u.test(tag) && isTeaserTitle(element)) break;
    if (!skip && tag === 'article' && element !== scope) {
      // A card inside the article, or after the first article the walk entered: other news.
      skip = articleSeen;
      articleSeen = true;
    }
    if (!skip) {
      const attributes = readAttributes(element);
      const bits = bitsOf(attributes.className) | bitsOf(attributes.id) | bitsOf(attributes.itemprop);
      // The article itself is read whatever its class says ("post has-comments").
      if (((bits & ELSEWHERE) !== 0 && element !== start) || isHiddenByAttributes(element, attributes)) {
        skip = true;
      } else if (tag === 'time' || (bits & MARKED) !== 0 || lines.has(element)) {
        const text = shortText(element, BYLINE_AREA.lineChars);
        if (text !== null) {
          read = true;
          skip = true;
          budget -= text.length;
          const marked = tag === 'time' || (bits & MARKED) !== 0;
          const fallback: DateLabel = (bits & SAYS_PUBLISHED) !== 0 ? 'published' : (bits & SAYS_UPDATED) !== 0 ? 'updated' : labelBefore(element);
          const dates = writtenDates(text, fallback);
          for (const date of dates) {
            if (marked || inBylinePosition(text, date) || (date === dates[0] && opensWithDateline(text, date))) found.push(date);
          }
        }
      } else if (element !== start && furniture(element, tag)) {
        skip = true;
      } else if (tag === 'p') {
        const opening = openingText(element, BYLINE_AREA.datelineChars);
        const date = writtenDates(opening)[0];
        if (date !== undefined && opensWithDateline(opening, date)) found.push(date);
      }
    }
    if (!read && !skip) budget -= ownTextLength(element);
    element = nextElement(element, skip, scope);
  }
  return (found.find((f) => f.label === 'published') ?? found.find((f) => f.label === null))?.day ?? null;
}

/**
 * Whether a heading is another article's linked title (a list of other articles begins): a link in
 * a heading longer than a section's name (a kicker, "World", links too).
 */
function isTeaserTitle(heading: Element): boolean {
  return heading.querySelector('a[href]') !== null && (heading.textContent ?? '').trim().length >= BYLINE_AREA.teaserTitleChars;
}

/** Whether the text opens with the date as a dateline: "KYIV, 18 April 2025 — …". */
function opensWithDateline(text: string, date: WrittenDate): boolean {
  return DATELINE_PREFIX.test(text.slice(0, date.index).trim()) && DATELINE_SUFFIX.test(text.slice(date.end));
}

/** Whether an unmarked line writes the date where a byline does (see the module comment). */
function inBylinePosition(text: string, date: WrittenDate): boolean {
  const before = text.slice(0, date.index).trim();
  return LINE_PREFIX.test(before.replace(/\s+/gu, '')) || SEPARATOR_END.test(before) || BYLINE_START.test(text);
}

/** The label the text just before an element gives it ("Updated: <time>…</time>"), or null. */
function labelBefore(element: Element): DateLabel {
  let previous = element.previousSibling;
  while (previous !== null && previous.nodeType === 3 && (previous.textContent ?? '').trim() === '') previous = previous.previousSibling;
  if (previous === null) return null;
  const text = previous.nodeType === 1 ? shortText(previous as Element, 40) : previous.nodeType === 3 ? (previous.textContent ?? '').slice(-40) : null;
  if (text === null) return null;
  // Only what follows the sibling's own last date labels this element ("Updated: April 29 |" does not).
  const dates = writtenDates(text);
  return labelIn(dates.length === 0 ? text : text.slice(dates[dates.length - 1]!.end));
}

/**
 * The element's text with a space between its text nodes, or null when it is longer than `max`.
 * A part whose class says what its date is ("updated", "published") is preceded by that word,
 * so that the date is labeled as the text's own words would label it.
 */
function shortText(element: Element, max: number): string | null {
  let text = '';
  let nodes = 0;
  for (let node: Node | null = element.firstChild; node !== null; ) {
    if (++nodes > max) return null;
    let skipChildren = false;
    if (node.nodeType === 3) {
      text += ` ${node.textContent ?? ''}`;
      if (text.length > max * 4) return null;
    } else if (node.nodeType === 1) {
      const child = node as Element;
      skipChildren = SKIPPED_TAGS.has(child.localName);
      if (!skipChildren && child.hasAttributes()) {
        const attributes = readAttributes(child);
        const bits = bitsOf(attributes.className) | bitsOf(attributes.id) | bitsOf(attributes.itemprop);
        if ((bits & SAYS_PUBLISHED) !== 0) text += ' published ';
        else if ((bits & SAYS_UPDATED) !== 0) text += ' updated ';
      }
    }
    node = nextNode(node, element, skipChildren);
  }
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  return collapsed.length > max ? null : collapsed;
}

/** The first `max` characters of the element's text. */
function openingText(element: Element, max: number): string {
  let text = '';
  let nodes = 0;
  for (let node: Node | null = element.firstChild; node !== null && text.length < max * 2 && ++nodes <= max; ) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    node = nextNode(node, element, node.nodeType === 1 && SKIPPED_TAGS.has((node as Element).localName));
  }
  return text.replace(/\s+/gu, ' ').trim().slice(0, max);
}

/** The length of the element's own text nodes (not its children's), for the area's budget. */
function ownTextLength(element: Element): number {
  let length = 0;
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 3) length += (node.textContent ?? '').trim().length;
  }
  return length;
}

/** The next node after `node` inside `root`, in document order; its children skipped when asked. */
function nextNode(node: Node, root: Node, skipChildren: boolean): Node | null {
  if (!skipChildren && node.firstChild !== null) return node.firstChild;
  for (let up: Node | null = node; up !== null && up !== root; up = up.parentNode) {
    if (up.nextSibling !== null) return up.nextSibling;
  }
  return null;
}

/**
 * The next element in document order, its children skipped when asked; null past the end of
 * `root` (the article), or of the document when there is none.
 */
function nextElement(element: Element, skipChildren: boolean, root: Element | null): Element | null {
  if (!skipChildren && element.firstElementChild !== null) return element.firstElementChild;
  for (let up: Element | null = element; up !== null && up !== root; up = up.parentElement) {
    if (up.nextElementSibling !== null) return up.nextElementSibling;
  }
  return null;
}
