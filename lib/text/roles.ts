/**
 * What each sentence of an article is: body text, a heading, or page furniture (photo credits,
 * captions, bylines, author bios, subscribe and comment prompts) that came along when the text was
 * copied from a page.
 *
 * Every rule is a general pattern of news pages, not a list of strings seen in the seeds: the
 * classifier also runs on articles nobody here has read. Headings and captions are told apart from
 * body text by form (a line with no final punctuation, in Title Case or not), furniture by the
 * wording those page parts always use ("Photo by … via Getty Images", "(AP Photo/…)", "Subscribe",
 * "X is a reporter for Y"). When in doubt a sentence is body: hiding a real sentence from matching
 * costs more than matching a stray one.
 */
import type { SentenceRole } from '../types';
import { normalizedTokens } from './normalize';
import { splitLines, type SentenceSpan } from './segment';

/** What the classifier knows about where a sentence sits. */
export interface RoleContext {
  /** The whole line (paragraph) the text sits on; the text itself when classifying a one-sentence line. */
  line: string;
  /** Index of the line among the article's non-blank lines, from 0: the first line is the title's place. */
  lineIndex: number;
  /** Whether the line began with a list bullet: list items are body even without a final period. */
  bulleted: boolean;
  /** Whether any later line of the article is body text: a heading introduces something, so a
   *  Title Case line with only furniture after it ("Breitbart News" at the end) is not a heading. */
  bodyFollows: boolean;
  /** The article's outlet, when known: a line naming only the outlet is a source line. */
  outlet?: string | null;
}

// A heading or caption is short; an unpunctuated line longer than this is text missing its period.
const MAX_HEADING_WORDS = 20;
// Share of a line's significant words that must be capitalized for it to read as Title Case
// ("Vice President Vance ‘Optimistic’ About Ending the War" is 1.0; a sentence-case caption is ~0.5).
const TITLE_CASE_MIN_SHARE = 0.8;
// A line entirely in parentheses longer than this is an aside in the text, not a credit.
const MAX_PARENTHESIZED_CREDIT_WORDS = 25;
// Bylines and bios are short; a longer sentence that happens to match is body text.
const MAX_BYLINE_WORDS = 12;
const MAX_FURNITURE_SENTENCE_WORDS = 40;

const TERMINAL_PUNCTUATION = /[.!?…]["'”’)\]]*$/u;
/** Words that stay lowercase in Title Case. */
const MINOR_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'on', 'in', 'to', 'for', 'with', 'at', 'by', 'from', 'as',
  'vs', 'via', 'per', 'into', 'amid', 'over', 'off', 'up', 'so', 'yet', 'than',
]);

// --- Furniture patterns --------------------------------------------------------------------------

/** Photo and video credits: "Photo by … via Getty Images", "(AP Photo/Evan Vucci)", "REUTERS/Name", "Image: …". */
const CREDIT = new RegExp(
  [
    // Only where a credit starts (line, sentence or parenthesis start): "a photo by the AP showed…" is body.
    String.raw`(?:^|[.!?)]\s+|[([]\s*)(?:photo(?:graph)?|image|picture|illustration|video|footage)s?\s*(?:by\b|:|credit\b|courtesy\b)`,
    String.raw`\bvia\s+getty(?:\s+images)?\b`,
    String.raw`\bgetty\s+images\b`,
    String.raw`\b(?:AP|AFP|EPA|Reuters|Bloomberg|Xinhua|Anadolu|Sputnik|TASS|Pool|File|Handout)\s+(?:photo|image|video)s?\b`,
    String.raw`\b(?:AP|AFP|EPA|REUTERS|POOL|Getty|Pool|Shutterstock|Alamy)\s*/\s*\p{Lu}`,
    String.raw`\p{L}\s*/\s*(?:AP|AFP|EPA|REUTERS|Reuters|POOL|Pool|Getty)\b`,
    String.raw`\b(?:photo|image)\s+credit\b`,
    String.raw`\bimage\s+source\b`,
    String.raw`\b(?:shutterstock|alamy|istock(?:photo)?|dreamstime)\b`,
  ].join('|'),
  'iu',
);
/** A caption's position marker: "Rubio (C) arrives", "(L-R) Macron, Rubio and Witkoff". */
const CAPTION_POSITION = /\((?:C|L|R|L-R|R-L|L to R|left|right|center|centre|front|back|top|bottom|2nd [LR])\)/u;
const PARENTHESIZED = /^[([][^()[\]]+[)\]]$/u;

/** Imperatives addressed to the reader at the start of a sentence. */
const CALL_TO_ACTION = new RegExp(
  '^(?:please\\s+)?(?:' +
    [
      'subscribe', 'sign (?:up|in)', 'log in', 'register (?:now|today|here|for free)', 'click', 'tap', 'learn more',
      'read (?:more|the full|the rest|the original|our|also|next)', 'check out', 'follow (?:us|me|him|her|them|@|\\p{L}+ on)',
      'like us', 'share (?:this|on|the)', 'download', 'get (?:the|our) (?:app|newsletter|latest)', 'support (?:us|our|independent)',
      'donate', 'join (?:us|our|the conversation|the discussion)', 'connect with', 'contact us', 'email us', 'send us',
      'watch(?: now|:| the video| live)', 'listen(?: now|:| to (?:the|our) (?:podcast|episode))', 'visit (?:our|us)',
      'don[’\']t miss', 'see also', 'also read', 'story continues', 'continue reading',
      '(?:add|leave|post|view|show|load|hide) (?:a |your |all )?comments?',
    ].join('|') +
    ')(?![\\p{L}-])',
  'iu',
);
/** Page section labels alone on a line ("Advertisement", "12 Comments") or leading a link ("Related: …"). */
const PAGE_LABEL =
  /^(?:\d+\s+)?(?:comments?|advertisement|sponsored(?: content)?|recommended(?: for you)?|trending|most read|popular|more (?:stories|news))\s*$|^(?:related|read more|more|see also|also read|watch|listen)(?: (?:coverage|stories|articles|content|reading))?\s*:/iu;
/** "For more details on this story, … check out the all-new X today!" */
const FOR_MORE = /^for (?:more|the latest|further|full)\b.*\b(?:check out|visit|see|read|go to|head to|head over|click|subscribe|follow|download|sign up|listen)\b/iu;
/** Subscription and newsletter pitches anywhere in a sentence. */
const PITCH = /\b(?:subscribe (?:today|now|here|for)|subscribe to (?:our|the \p{L}+ newsletter)|our (?:free )?newsletter|newsletter sign-?up|unlock (?:this|full|unlimited)|all-new .+ today|become a (?:member|subscriber|patron))\b/iu;
/** "Got a hot scoop or an idea for a story?", "Have a news tip?", "Send us your tips". */
const TIP_REQUEST = /^(?:got|have|do you have)\s+(?:a|any)\s+(?:hot\s+|news\s+)?(?:tip|scoop|story idea|story)\b|\b(?:send|email|share)\s+(?:us\s+)?(?:a|your)\s+(?:news\s+)?tips?\b/iu;
/** "By Jane Doe", "By Jane Doe and John Roe, Reuters". */
const BYLINE =
  /^(?:[Bb]y|[Ww]ords by|[Ww]ritten by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})*(?:\s*[,|–—-]\s*(?:\p{Lu}[\p{L}.'’-]*\s*){1,5})?\.?$/u;
/** Wire-service credit lines: "(Reporting by …; Editing by …)", "Additional reporting by …". */
const REPORTING_CREDIT = /^\(?(?:additional\s+)?(?:reporting|writing|editing|research|compiled|produced)\s+by\b|\bcontributed (?:to this report|reporting)\b/iu;
/** Author bios: "Jane Doe is the lead writer for Example.com", "John Roe is a senior correspondent at …". */
const AUTHOR_BIO =
  /^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}\s+(?:is|was|has been|covers)\s+(?:a|an|the|our)?\s*(?:[\p{L}-]+\s+){0,4}(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|anchor|photographer|photojournalist|blogger|author|host)\b.*\b(?:for|at|of|with)\b/u;
const COPYRIGHT = /(?:©|\bcopyright\s+(?:©\s*)?\d{4}|\ball rights reserved\b)/iu;
const SHARE_BAR =
  /^(?:(?:share|tweet|email|e-mail|print|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|threads|bluesky|copy link|save)\s*[|,•·/]?\s*)+$/iu;
const TIMESTAMP = /^(?:published|updated|posted|last updated|first published)\b.{0,60}\d/iu;

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Furniture whatever line it is on: credits, calls to action, bylines, bios, copyright. */
function isFurnitureSentence(text: string): boolean {
  const t = text.trim();
  const words = wordCount(t);
  if (words > MAX_FURNITURE_SENTENCE_WORDS) return false;
  if (CREDIT.test(t) || COPYRIGHT.test(t) || REPORTING_CREDIT.test(t)) return true;
  if (CALL_TO_ACTION.test(t) || PAGE_LABEL.test(t) || FOR_MORE.test(t) || PITCH.test(t) || TIP_REQUEST.test(t)) return true;
  if (SHARE_BAR.test(t) || TIMESTAMP.test(t)) return true;
  if (words <= MAX_BYLINE_WORDS && BYLINE.test(t)) return true;
  return AUTHOR_BIO.test(t);
}

/** Lines that are furniture as a whole: a caption with its credit, a parenthesized credit, a bio. */
function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  if (PARENTHESIZED.test(t) && wordCount(t) <= MAX_PARENTHESIZED_CREDIT_WORDS) return true;
  if (CAPTION_POSITION.test(t)) return true;
  // "Rubio arrives at the Quai d’Orsay … on April 17, 2025. Photo by … via Getty Images": a caption
  // line ends with its credit, so the credit makes the whole line furniture.
  if (CREDIT.test(t)) return true;
  // A bio goes on after its first sentence ("Follow Jane on X…").
  return AUTHOR_BIO.test(t) || REPORTING_CREDIT.test(t);
}

function isTitleCase(text: string): boolean {
  const words = text.split(/[\s\u2014\u2013]+/u).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w.length > 0);
  const significant = words.filter((w, i) => i === 0 || !MINOR_WORDS.has(w.toLowerCase()));
  if (significant.length === 0) return false;
  const capitalized = significant.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return capitalized / significant.length >= TITLE_CASE_MIN_SHARE;
}

// A section label is a few words at most ("Quick Takes", "Russian Demands and European Sanctions").
const MAX_SECTION_LABEL_WORDS = 6;
/** Finite verbs and auxiliaries that are verbs wherever they stand in a headline ("Rubio Says"). */
const HEADLINE_VERBS = new Set([
  'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had', 'will', 'would', 'may', 'might', 'can', 'could',
  'should', 'must', 'do', 'does', 'did', 'says', 'said', 'warns', 'warned', 'vows', 'urges', 'seeks', 'wants',
]);
/** What follows a plural noun rather than a verb in a headline: "Signs of…", "Demands and…". */
const AFTER_A_NOUN = new Set(['of', 'and', 'or', 'amid', 'vs']);

/**
 * Whether a heading names a section rather than stating anything: short, in Title Case, and with
 * no verb. Headlines put a present-tense verb after their subject ("Administration Sets Deadline",
 * "Deal Hangs in Balance"), so a word in -s or -ed with more words after it, not "of"/"and", reads
 * as a verb, and so does an auxiliary anywhere ("Rubio Says"); a plural noun ends the label or is
 * followed by "of"/"and" ("Quick Takes", "Signs of Movement", "Demands and Sanctions"). Unsure
 * cases read as verbs: a statement taken for a label would leave the corpus's points. Used by the
 * points grouping (lib/corpus/points.ts), which gives section labels no point.
 */
export function isSectionLabel(text: string): boolean {
  const trimmed = text.trim();
  if (TERMINAL_PUNCTUATION.test(trimmed) || !isTitleCase(trimmed)) return false;
  const words = normalizedTokens(trimmed);
  if (words.length === 0 || words.length > MAX_SECTION_LABEL_WORDS) return false;
  return !words.some((word, i) => {
    if (HEADLINE_VERBS.has(word)) return true;
    const next = words[i + 1];
    // A verb has its subject before it: a first word in -ed is an adjective ("Related Coverage").
    return i > 0 && /(?:[^s]s|ed)$/u.test(word) && word.length > 3 && next !== undefined && !AFTER_A_NOUN.has(next);
  });
}

/** "Breitbart News" alone on a line, in an article from Breitbart News. */
function namesOnlyOutlet(text: string, outlet: string | null | undefined): boolean {
  if (!outlet) return false;
  const outletWords = new Set(normalizedTokens(outlet));
  const words = normalizedTokens(text);
  return words.length > 0 && words.every((w) => outletWords.has(w));
}

/**
 * The role of `text`, a sentence (or a whole one-sentence line) of an article, on `context.line`.
 */
export function classifyRole(text: string, context: RoleContext): SentenceRole {
  return roleOf(text, context, isFurnitureLine(context.line), text.trim() === context.line.trim());
}

/** `classifyRole` with the facts about the line worked out once per line by the caller. */
function roleOf(text: string, context: RoleContext, furnitureLine: boolean, wholeLine: boolean): SentenceRole {
  if (furnitureLine || isFurnitureSentence(text)) return 'furniture';
  if (!wholeLine) return 'body';
  if (namesOnlyOutlet(text, context.outlet)) return 'furniture';
  if (TERMINAL_PUNCTUATION.test(text.trim())) {
    // A Title Case question can head a section ("What Happens Next?"); a sentence is not Title Case.
    const question = /\?["'”’]*$/u.test(text.trim());
    if (question && context.bodyFollows && !context.bulleted && wordCount(text) <= MAX_HEADING_WORDS && isTitleCase(text)) {
      return 'heading';
    }
    return 'body';
  }
  // No final punctuation: a list item, a heading, a caption, or text that lost its period.
  if (context.bulleted || wordCount(text) > MAX_HEADING_WORDS) return 'body';
  if (context.lineIndex === 0 || isTitleCase(text)) return context.bodyFollows ? 'heading' : 'furniture';
  // A short sentence-case line standing alone between paragraphs is an image caption or alt text
  // ("Toy tank on map with Ukraine and Russia flags").
  return 'furniture';
}

/**
 * The role of each sentence of an article (`sentences` are spans of `text`, in order, as
 * `splitSentences` returns them). Lines are read from the end, so that each knows whether body
 * text follows it. Linear in the length of the text.
 */
export function classifyArticleRoles(
  text: string,
  sentences: readonly SentenceSpan[],
  outlet?: string | null,
): SentenceRole[] {
  const roles: SentenceRole[] = sentences.map(() => 'body');
  const lines = splitLines(text);
  let bodyFollows = false;
  let si = sentences.length - 1;
  for (let li = lines.length - 1; li >= 0; li--) {
    const line = lines[li]!;
    const context: RoleContext = { line: line.text, lineIndex: li, bulleted: line.bulleted, bodyFollows, outlet };
    const furnitureLine = isFurnitureLine(line.text);
    let first = si;
    while (first >= 0 && sentences[first]!.start >= line.start) first--;
    const wholeLine = si - first === 1;
    let lineHasBody = false;
    for (; si > first; si--) {
      const role = roleOf(sentences[si]!.text, context, furnitureLine, wholeLine);
      roles[si] = role;
      if (role === 'body') lineHasBody = true;
    }
    if (lineHasBody) bodyFollows = true;
  }
  return roles;
}
