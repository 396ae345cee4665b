/**
 * The cheap first look the content script takes before sending anything to the background:
 * could this page be about the story at all? It must never miss a page on the story (the full
 * gate in the matcher decides), and it ships in the content script bundle, so it is a handful of
 * keywords and a regular-expression pass over the text, nothing else. The keywords come from the
 * corpus (story-keywords.ts): the build emits them for the content script
 * (virtual:parallax-story-keywords), and the Matcher derives them for the CLI.
 */

import type { StoryKeywords } from './story-keywords';

const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

function keywordPattern(keyword: string): RegExp {
  const words = keyword.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

/** The keywords made ready for scanning: once per keyword list, however many pages. */
interface CompiledKeywords {
  anchors: RegExp[];
  context: Set<string>;
  minContext: number;
  /** Words of the longest anchor: the words of earlier pieces an anchor can still span. */
  anchorSpanWords: number;
}

const compiled = new WeakMap<StoryKeywords, CompiledKeywords>();

function compile(keywords: StoryKeywords): CompiledKeywords {
  let ready = compiled.get(keywords);
  if (ready === undefined) {
    ready = {
      anchors: keywords.anchors.map(keywordPattern),
      context: new Set(keywords.context),
      minContext: keywords.minContext,
      anchorSpanWords: Math.max(1, ...keywords.anchors.map((a) => a.split(' ').length)),
    };
    compiled.set(keywords, ready);
  }
  return ready;
}

/**
 * `mightBeOnStory` fed a piece at a time, for a caller that reads the page in slices: the answer
 * on the pieces joined with separators, known as soon as it is yes, so the reading can stop there
 * (on a page about the story, usually in its first paragraphs). Cost: linear in the text added.
 */
export class StoryKeywordScan {
  private readonly keywords: CompiledKeywords;
  private anchored = false;
  private readonly found = new Set<string>();
  /** The last words read, for an anchor that spans pieces ("Secretary of <b>State</b>"). */
  private tail = '';

  constructor(keywords: StoryKeywords) {
    this.keywords = compile(keywords);
    // A corpus with no principal to name (story-keywords.ts found none) gates on context alone.
    this.anchored = this.keywords.anchors.length === 0;
  }

  get open(): boolean {
    return this.anchored && this.found.size >= this.keywords.minContext;
  }

  /** Reads `piece` (a boundary between words comes before it); returns whether the gate is open. */
  add(piece: string): boolean {
    if (this.open) return true;
    if (!this.anchored) {
      // Any run of separators matches the patterns' separators, so the tail's single spaces do too.
      const text = this.tail === '' ? piece : `${this.tail} ${piece}`;
      this.anchored = this.keywords.anchors.some((p) => p.test(text));
    }
    const words = piece.toLowerCase().split(WORD_SEPARATOR);
    for (const word of words) {
      if (this.found.size >= this.keywords.minContext) break;
      if (this.keywords.context.has(word)) this.found.add(word);
    }
    if (!this.anchored) {
      const last = [this.tail, ...words].join(' ').split(' ').filter((w) => w !== '');
      this.tail = this.keywords.anchorSpanWords <= 1 ? '' : last.slice(-(this.keywords.anchorSpanWords - 1)).join(' ');
    }
    return this.open;
  }
}

/** Whether `text` (a page's title and text) might be about the story. Linear in its length. */
export function mightBeOnStory(text: string, keywords: StoryKeywords): boolean {
  return new StoryKeywordScan(keywords).add(text);
}
