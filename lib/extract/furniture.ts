/**
 * Page furniture: the parts of a news page that are not the article (navigation, share bars,
 * cookie banners, ads, comment threads, teasers, bylines, captions) and the parts a reader
 * never sees. Decided from the element alone (tag, role, attributes, class and id), never from
 * layout, so the same answer comes out of a browser and of linkedom in Node.
 */

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

/** Whether the element is not rendered, as far as its own attributes tell. */
export function isHiddenByAttributes(element: Element, className = element.getAttribute('class')): boolean {
  // Most elements carry no attributes at all: one cheap check spares them seven lookups.
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden')) return true;
  // AMP's layout="nodisplay": sidebars and consent dialogs the AMP runtime keeps hidden until opened.
  if (element.getAttribute('layout') === 'nodisplay') return true;
  const style = element.getAttribute('style');
  if (style !== null && INLINE_HIDDEN_STYLE.test(style)) return true;
  return className !== null && HIDDEN_CLASSES.test(className);
}

/** Elements that announce themselves as the article: furniture words never apply to them. */
export function isArticleLandmark(element: Element, tag: string): boolean {
  if (tag === 'article' || tag === 'main' || tag === 'body' || tag === 'html') return true;
  if (!element.hasAttributes()) return false;
  const role = element.getAttribute('role');
  if (role === 'main' || role === 'article') return true;
  return element.getAttribute('itemprop') === 'articleBody';
}

/**
 * Whether the element is page furniture. `insideArticle` says an article landmark encloses it:
 * there a <header> holds the headline and byline rather than the site's masthead.
 */
export function isFurniture(
  element: Element,
  tag: string,
  insideArticle: boolean,
  className = element.getAttribute('class'),
  id = element.getAttribute('id'),
): boolean {
  if (FURNITURE_TAGS.has(tag)) return true;
  if (tag === 'header') return !insideArticle;
  if (tag === 'article' || tag === 'main' || tag === 'body' || tag === 'html') return false;
  // Custom elements name their job: <amp-ad>, <amp-social-share>, <cookie-consent-banner>.
  if (tag.includes('-') && hasFurnitureWord(tag, insideArticle)) return true;
  if (!element.hasAttributes() || isArticleLandmark(element, tag)) return false;
  // aria-hidden is furniture rather than hidden: sites set it on the whole page wrapper while a
  // consent dialog is open, and furniture above the article's root does not count against it.
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const role = element.getAttribute('role');
  if (role !== null && FURNITURE_ROLES.has(role)) return true;
  return (
    hasFurnitureWord(className, insideArticle) ||
    (id !== null && !isHeadingSlug(id) && hasFurnitureWord(id, insideArticle))
  );
}

/**
 * An id made from a section's title ("sharing-with-a-single-developer", "how-the-ad-ban-works"),
 * as documentation tools and tables of contents write them: five or more words, one of them a
 * function word. Its words are the title's, not the name of a page part.
 */
const HEADING_SLUG = /^(?=(?:[a-z0-9]+[-_]){4,}[a-z0-9]+$)(?:.*[-_])?(?:a|an|the|of|with|to|in|on|for|and|or|how|what|why|is|are)(?:[-_]|$)/i;

/** Whether an id is a section title's slug (HEADING_SLUG) that names no page part in two words ("most-read-…"). */
function isHeadingSlug(id: string): boolean {
  return HEADING_SLUG.test(id) && !FURNITURE_PHRASES.test(id);
}

/**
 * Class and id values repeat across a page (every comment, every card): their verdicts are
 * remembered, up to a bound that keeps memory flat on pages with generated class names.
 */
const wordVerdicts = new Map<string, boolean>();
const WORD_VERDICTS_MAX = 4096;

function hasFurnitureWord(value: string | null, insideArticle: boolean): boolean {
  if (value === null || value === '') return false;
  const key = insideArticle ? `a${value}` : `p${value}`;
  let verdict = wordVerdicts.get(key);
  if (verdict === undefined) {
    verdict = readFurnitureWords(value, insideArticle);
    if (wordVerdicts.size >= WORD_VERDICTS_MAX) wordVerdicts.clear();
    wordVerdicts.set(key, verdict);
  }
  return verdict;
}

function readFurnitureWords(value: string, insideArticle: boolean): boolean {
  if (FURNITURE_PHRASES.test(value)) return true;
  for (const word of value.split(WORD_BOUNDARY)) {
    if (word === '') continue;
    const lower = word.toLowerCase();
    if (FURNITURE_WORDS.has(lower) || (!insideArticle && MASTHEAD_WORDS.has(lower))) return true;
    if (lower.length >= 3 && lower.endsWith('s') && FURNITURE_WORDS.has(lower.slice(0, -1))) return true;
  }
  return false;
}

/** Class and id words of the element that holds an article's body ("article-body", "entry-content"). */
const ARTICLE_BODY_HINT = /(?:^|[^a-z])(?:article|story|entry|post)[-_]?(?:body|content|text)(?:[^a-z]|$)|articlebody|storytext/i;

/** Whether the element names itself as the article's body. */
export function hasArticleBodyHint(
  element: Element,
  className = element.getAttribute('class'),
  id = element.getAttribute('id'),
): boolean {
  if (element.getAttribute('itemprop') === 'articleBody') return true;
  if (className !== null && ARTICLE_BODY_HINT.test(className)) return true;
  return id !== null && ARTICLE_BODY_HINT.test(id);
}

/**
 * Class and id words of a photo gallery, slideshow or carousel: its captions (often a sentence or
 * three each, fifty of them) are text about pictures, not the story's prose.
 */
const GALLERY_WORDS: ReadonlySet<string> = new Set([
  'gallery', 'slideshow', 'carousel', 'slider', 'lightbox', 'legend', 'photostory', 'filmstrip',
]);

const galleryVerdicts = new Map<string, boolean>();

/** Whether the element names itself a gallery of pictures (see GALLERY_WORDS). */
export function isGallery(element: Element, className = element.getAttribute('class'), id = element.getAttribute('id')): boolean {
  return hasWordOf(GALLERY_WORDS, galleryVerdicts, className) || hasWordOf(GALLERY_WORDS, galleryVerdicts, id);
}

/** Class and id words of one picture's caption ("wp-caption-text", "photoCaption", "caption"). */
const CAPTION_WORDS: ReadonlySet<string> = new Set(['caption', 'figcaption']);

const captionVerdicts = new Map<string, boolean>();

/**
 * Whether the element is the caption of a picture: a <figcaption>, or an element whose class or
 * id names it a caption. Inside the article a lone picture's caption is the publisher's text about
 * the story (who, where, when: the very facts a miscaptioned photo gets wrong), and a reader reads
 * it with the story, so extraction keeps it there; it is never prose when the article is chosen
 * (a page of pictures is no article), and a gallery's captions stay out (isGallery).
 */
export function isPhotoCaption(
  element: Element,
  tag: string,
  className = element.getAttribute('class'),
  id = element.getAttribute('id'),
): boolean {
  if (tag === 'figcaption') return true;
  // A page or an article is never a caption, whatever feature flags its class lists
  // ("video_upload_captions_on" on a <body>); a plural names captions' container, not one.
  const named = hasWordOf(CAPTION_WORDS, captionVerdicts, className, false) ||
    hasWordOf(CAPTION_WORDS, captionVerdicts, id, false);
  return named && !isArticleLandmark(element, tag) && !hasArticleBodyHint(element, className, id);
}

/** Whether a class or id value holds a word of `words` (or its plural), remembered in `verdicts`. */
function hasWordOf(words: ReadonlySet<string>, verdicts: Map<string, boolean>, value: string | null, plurals = true): boolean {
  if (value === null || value === '') return false;
  let verdict = verdicts.get(value);
  if (verdict === undefined) {
    verdict = false;
    for (const word of value.split(WORD_BOUNDARY)) {
      const lower = word.toLowerCase();
      if (words.has(lower) || (plurals && lower.length >= 3 && lower.endsWith('s') && words.has(lower.slice(0, -1)))) {
        verdict = true;
        break;
      }
    }
    if (verdicts.size >= WORD_VERDICTS_MAX) verdicts.clear();
    verdicts.set(value, verdict);
  }
  return verdict;
}
