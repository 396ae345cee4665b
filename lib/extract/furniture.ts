/**
 * Page furniture: the parts of a news page that are not the article (navigation, share bars,
 * cookie banners, ads, comment threads, teasers, bylines, captions) and the parts a reader
 * never sees. Decided from the element alone (tag, role, attributes, class and id), never from
 * layout, so the same answer comes out of a browser and of linkedom in Node.
 */

import { rememberedBits } from './attribute-bits';

/** Elements whose content is never article text (code, media, form controls, embedded documents). */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe',
  'svg', 'math', 'canvas', 'video', 'audio', 'picture', 'img', 'map',
  'select', 'option', 'optgroup', 'datalist', 'textarea', 'input', 'button', 'output',
]);

/**
 * Elements that start and end a block of text, as the default stylesheet lays them out.
 * linkedom has no layout, so display is read from the tag, not computed.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figure', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th',
  'caption', 'ul', 'br',
]);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Tags that are furniture wherever they appear. */
const FURNITURE_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'dialog', 'footer', 'menu']);

/** Landmark and widget roles that never hold the article. */
const FURNITURE_ROLES: ReadonlySet<string> = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog',
  'menu', 'menubar', 'toolbar', 'tablist', 'tooltip', 'form',
]);

/**
 * Class and id words of furniture, matched as whole words ("ad-slot" and "adSlot" hold "ad",
 * "header" and "shadow" do not). Plurals are matched through their singular.
 */
const FURNITURE_WORDS: ReadonlySet<string> = new Set([
  // navigation and site chrome
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'masthead', 'footer',
  'colophon', 'skip', 'pagination', 'pager', 'toolbar', 'ticker', 'login', 'signin',
  // sharing and social
  'share', 'sharing', 'sharebar', 'sharedaddy', 'social', 'follow', 'tweet',
  // comments
  'comment', 'disqus', 'respond', 'discussion',
  // recirculation
  'related', 'recommended', 'recirc', 'recirculation', 'teaser', 'trending', 'popular',
  'outbrain', 'taboola',
  // commerce and ads
  'promo', 'promoted', 'sponsor', 'sponsored', 'newsletter', 'subscribe', 'subscription',
  'signup', 'paywall', 'ad', 'advert', 'advertisement', 'adslot', 'dfp',
  // consent
  'cookie', 'consent', 'gdpr',
  // page layout
  'sidebar', 'widget', 'popup', 'modal', 'overlay', 'rail',
  // article metadata and photo furniture (a picture's caption is not furniture: see isPhotoCaption)
  'byline', 'author', 'dateline', 'timestamp', 'credit', 'tags', 'pullquote',
]);

/** Furniture named in two words ("sign-off", "read_next", "mostRead"), matched in the raw value. */
const FURNITURE_PHRASES = /(?<![a-z])(?:sign[-_]?off|read[-_]?(?:more|next|also)|also[-_]?read|see[-_]?also|more[-_]?(?:stories|from)|most[-_]?(?:read|popular|viewed)|up[-_]?next|related[-_]?(?:posts|stories|articles|links|content|news|items))/i;

/** Words of the site's masthead; inside an article the same words mark the headline's header. */
const MASTHEAD_WORDS: ReadonlySet<string> = new Set(['header', 'topbar']);

/** Whole class names that hide an element visually (screen-reader text, toggled panels). */
const HIDDEN_CLASSES = /(?:^|\s)(?:hidden|is-hidden|u-hidden|sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader-only|a11y-hidden)(?:\s|$)/i;

const INLINE_HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

/** Word boundaries in class and id values: separators, and camelCase humps ("shareBar"). */
const WORD_BOUNDARY = /[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/;

/**
 * The attributes the furniture checks read, read once per element (see readAttributes): the walk
 * asks about each element's class, id, role, itemprop, hidden, aria-* and style up to a dozen
 * times, and in linkedom each getAttribute walks the element's attributes (and a class read
 * rebuilds its value from the class list), which was a fifth of an article's extraction.
 */
export interface ElementAttributes {
  className: string | null;
  id: string | null;
  role: string | null;
  itemprop: string | null;
  /** Whether the hidden attribute is present, whatever its value. */
  hidden: boolean;
  ariaHidden: string | null;
  ariaLevel: string | null;
  layout: string | null;
  style: string | null;
}

/** The record of an element without attributes: most elements of a page. */
export const NO_ATTRIBUTES: Readonly<ElementAttributes> = Object.freeze({
  className: null, id: null, role: null, itemprop: null, hidden: false,
  ariaHidden: null, ariaLevel: null, layout: null, style: null,
});

/**
 * Reads the element's attributes that the checks use: one call lists its attribute names, and
 * only those the checks read are fetched (usually one or two), where asking for each by name cost
 * a DOM call per name whether the element had it or not.
 */
export function readAttributes(element: Element): Readonly<ElementAttributes> {
  if (!element.hasAttributes()) return NO_ATTRIBUTES;
  const attributes: ElementAttributes = {
    className: null, id: null, role: null, itemprop: null, hidden: false,
    ariaHidden: null, ariaLevel: null, layout: null, style: null,
  };
  const names = element.getAttributeNames();
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    switch (name) {
      case 'class': attributes.className = element.getAttribute(name); break;
      case 'id': attributes.id = element.getAttribute(name); break;
      case 'role': attributes.role = element.getAttribute(name); break;
      case 'itemprop': attributes.itemprop = element.getAttribute(name); break;
      case 'hidden': attributes.hidden = true; break;
      case 'aria-hidden': attributes.ariaHidden = element.getAttribute(name); break;
      case 'aria-level': attributes.ariaLevel = element.getAttribute(name); break;
      case 'layout': attributes.layout = element.getAttribute(name); break;
      case 'style': attributes.style = element.getAttribute(name); break;
    }
  }
  return attributes;
}

/** Whether the element is not rendered, as far as its own attributes tell. */
export function isHiddenByAttributes(element: Element, attributes = readAttributes(element)): boolean {
  if (attributes === NO_ATTRIBUTES) return false;
  if (attributes.hidden) return true;
  // AMP's layout="nodisplay": sidebars and consent dialogs the AMP runtime keeps hidden until opened.
  if (attributes.layout === 'nodisplay') return true;
  const style = attributes.style;
  if (style !== null && INLINE_HIDDEN_STYLE.test(style)) return true;
  return (wordsOf(attributes.className) & HIDDEN_CLASS) !== 0;
}

/** Elements that announce themselves as the article: furniture words never apply to them. */
export function isArticleLandmark(element: Element, tag: string, attributes = readAttributes(element)): boolean {
  if (tag === 'article' || tag === 'main' || tag === 'body' || tag === 'html') return true;
  const role = attributes.role;
  if (role === 'main' || role === 'article') return true;
  return attributes.itemprop === 'articleBody';
}

/**
 * Whether the element is page furniture. `insideArticle` says an article landmark encloses it:
 * there a <header> holds the headline and byline rather than the site's masthead.
 */
export function isFurniture(
  element: Element,
  tag: string,
  insideArticle: boolean,
  attributes = readAttributes(element),
): boolean {
  if (FURNITURE_TAGS.has(tag)) return true;
  if (tag === 'header') return !insideArticle;
  if (tag === 'article' || tag === 'main' || tag === 'body' || tag === 'html') return false;
  const furnitureWord = insideArticle ? FURNITURE_WORD : FURNITURE_OR_MASTHEAD_WORD;
  // Custom elements name their job: <amp-ad>, <amp-social-share>, <cookie-consent-banner>.
  if (tag.includes('-') && (wordsOf(tag) & furnitureWord) !== 0) return true;
  if (attributes === NO_ATTRIBUTES || isArticleLandmark(element, tag, attributes)) return false;
  // aria-hidden is furniture rather than hidden: sites set it on the whole page wrapper while a
  // consent dialog is open, and furniture above the article's root does not count against it.
  if (attributes.ariaHidden === 'true') return true;
  const role = attributes.role;
  if (role !== null && FURNITURE_ROLES.has(role)) return true;
  if ((wordsOf(attributes.className) & furnitureWord) !== 0) return true;
  const idWords = wordsOf(attributes.id);
  return (idWords & HEADING_SLUG_WORDS) === 0 && (idWords & furnitureWord) !== 0;
}

/**
 * An id made from a section's title ("sharing-with-a-single-developer", "how-the-ad-ban-works"),
 * as documentation tools and tables of contents write them: five or more words, one of them a
 * function word. Its words are the title's, not the name of a page part.
 */
const HEADING_SLUG = /^(?=(?:[a-z0-9]+[-_]){4,}[a-z0-9]+$)(?:.*[-_])?(?:a|an|the|of|with|to|in|on|for|and|or|how|what|why|is|are)(?:[-_]|$)/i;

/**
 * What a class value, id or tag name says, as bits: each distinct value is read once and its
 * verdicts remembered together (one lookup answers every check of an element), up to a bound that
 * keeps memory flat on pages with generated class names.
 */
const FURNITURE_WORD = 1;
/** A furniture word or a masthead word: furniture outside an article. */
const FURNITURE_OR_MASTHEAD_WORD = 2;
const GALLERY_WORD = 4;
const CAPTION_WORD = 8;
const ARTICLE_BODY_WORDS = 16;
const HIDDEN_CLASS = 32;
/** A section title's slug (HEADING_SLUG) that names no page part in two words ("most-read-…"). */
const HEADING_SLUG_WORDS = 64;

const wordsOf = rememberedBits(readWords, 4096);

function readWords(value: string): number {
  let words = 0;
  const phrase = FURNITURE_PHRASES.test(value);
  if (phrase) words |= FURNITURE_WORD | FURNITURE_OR_MASTHEAD_WORD;
  else if (HEADING_SLUG.test(value)) words |= HEADING_SLUG_WORDS;
  if (ARTICLE_BODY_HINT.test(value)) words |= ARTICLE_BODY_WORDS;
  if (HIDDEN_CLASSES.test(value)) words |= HIDDEN_CLASS;
  for (const word of value.split(WORD_BOUNDARY)) {
    if (word === '') continue;
    const lower = word.toLowerCase();
    // Plurals are matched through their singular (not a caption's: a plural names captions' container).
    const singular = lower.length >= 3 && lower.endsWith('s') ? lower.slice(0, -1) : null;
    if (FURNITURE_WORDS.has(lower) || (singular !== null && FURNITURE_WORDS.has(singular))) {
      words |= FURNITURE_WORD | FURNITURE_OR_MASTHEAD_WORD;
    } else if (MASTHEAD_WORDS.has(lower)) {
      words |= FURNITURE_OR_MASTHEAD_WORD;
    }
    if (GALLERY_WORDS.has(lower) || (singular !== null && GALLERY_WORDS.has(singular))) words |= GALLERY_WORD;
    if (CAPTION_WORDS.has(lower)) words |= CAPTION_WORD;
  }
  return words;
}

/** Class and id words of the element that holds an article's body ("article-body", "entry-content"). */
const ARTICLE_BODY_HINT = /(?:^|[^a-z])(?:article|story|entry|post)[-_]?(?:body|content|text)(?:[^a-z]|$)|articlebody|storytext/i;

/** Whether the element names itself as the article's body. */
export function hasArticleBodyHint(element: Element, attributes = readAttributes(element)): boolean {
  if (attributes.itemprop === 'articleBody') return true;
  return ((wordsOf(attributes.className) | wordsOf(attributes.id)) & ARTICLE_BODY_WORDS) !== 0;
}

/**
 * Class and id words of a photo gallery, slideshow or carousel: its captions (often a sentence or
 * three each, fifty of them) are text about pictures, not the story's prose.
 */
const GALLERY_WORDS: ReadonlySet<string> = new Set([
  'gallery', 'slideshow', 'carousel', 'slider', 'lightbox', 'legend', 'photostory', 'filmstrip',
]);

/** Whether the element names itself a gallery of pictures (see GALLERY_WORDS). */
export function isGallery(element: Element, attributes = readAttributes(element)): boolean {
  return ((wordsOf(attributes.className) | wordsOf(attributes.id)) & GALLERY_WORD) !== 0;
}

/** Class and id words of one picture's caption ("wp-caption-text", "photoCaption", "caption"). */
const CAPTION_WORDS: ReadonlySet<string> = new Set(['caption', 'figcaption']);

/**
 * Whether the element is the caption of a picture: a <figcaption>, or an element whose class or
 * id names it a caption. Inside the article a lone picture's caption is the publisher's text about
 * the story (who, where, when: the very facts a miscaptioned photo gets wrong), and a reader reads
 * it with the story, so extraction keeps it there; it is never prose when the article is chosen
 * (a page of pictures is no article), and a gallery's captions stay out (isGallery).
 */
export function isPhotoCaption(element: Element, tag: string, attributes = readAttributes(element)): boolean {
  if (tag === 'figcaption') return true;
  // A page or an article is never a caption, whatever feature flags its class lists
  // ("video_upload_captions_on" on a <body>); a plural names captions' container, not one.
  const named = ((wordsOf(attributes.className) | wordsOf(attributes.id)) & CAPTION_WORD) !== 0;
  return named && !isArticleLandmark(element, tag, attributes) && !hasArticleBodyHint(element, attributes);
}

/** What the walk needs to know of an element from its tag and attributes (see readTraits). */
export interface ElementTraits {
  /** Whether the element has any attribute. */
  attributed: boolean;
  /** A tag whose content is never article text (SKIPPED_TAGS): nothing else is read. */
  skipped: boolean;
  /** isHiddenByAttributes; when true, nothing below is read. */
  hidden: boolean;
  /** isFurniture. */
  furniture: boolean;
  /** isPhotoCaption. */
  photoCaption: boolean;
  /** A block-level tag (BLOCK_TAGS). */
  block: boolean;
  /** isArticleLandmark. */
  landmark: boolean;
  /** isGallery. */
  gallery: boolean;
  /** isArticleLandmark or hasArticleBodyHint: an article, or its body, whatever its wrapper's name. */
  articleBody: boolean;
  /** 1–6 for a heading (a tag, or role="heading" with its aria-level, 2 without one), 0 otherwise. */
  headingLevel: number;
}

/** Traits with every field false: a fresh record for readTraits to fill. */
export function noTraits(): ElementTraits {
  return {
    attributed: false, skipped: false, hidden: false, furniture: false, photoCaption: false, block: false,
    landmark: false, gallery: false, articleBody: false, headingLevel: 0,
  };
}

/**
 * Fills `traits` for the element: every check of the walk in one call that reads the element's
 * attributes once, into a record the walk reuses (no object per element). One call rather than
 * one per check also matters where lib/ runs as CommonJS (tsx, for the CLI and the evals): there
 * every imported name is read through a getter, and the walk read a dozen per element.
 */
export function readTraits(element: Element, tag: string, insideArticle: boolean, traits: ElementTraits): void {
  traits.skipped = SKIPPED_TAGS.has(tag);
  if (traits.skipped) return;
  const attributes = readAttributes(element);
  traits.attributed = attributes !== NO_ATTRIBUTES;
  traits.hidden = traits.attributed && isHiddenByAttributes(element, attributes);
  if (traits.hidden) return;
  traits.furniture = isFurniture(element, tag, insideArticle, attributes);
  traits.photoCaption = tag === 'figcaption' || (traits.attributed && isPhotoCaption(element, tag, attributes));
  traits.block = BLOCK_TAGS.has(tag);
  traits.landmark = isArticleLandmark(element, tag, attributes);
  traits.gallery = traits.attributed && isGallery(element, attributes);
  traits.articleBody = traits.landmark || (traits.attributed && hasArticleBodyHint(element, attributes));
  let headingLevel = 0;
  if (HEADING_TAGS.has(tag)) {
    headingLevel = Number(tag.charAt(1));
  } else if (attributes.role === 'heading') {
    const level = Number(attributes.ariaLevel);
    headingLevel = level >= 1 && level <= 6 ? level : 2;
  }
  traits.headingLevel = headingLevel;
}
