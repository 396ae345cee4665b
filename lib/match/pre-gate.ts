/**
 * The cheap first look the content script takes before sending anything to the background:
 * could this page be about the story at all? It must never miss a page on the story (the full
 * gate in the matcher decides), and it ships in the content script bundle, so it is a handful of
 * keywords and a regular-expression pass over the text, nothing else.
 */

/**
 * The story as keywords. A page may be on the story when it names one of `anchors` and at least
 * `minContext` distinct `context` words. Derived from the corpus: each anchor and context word
 * occurs in every seed article (tests/lib/match/pre-gate.test.ts checks that against the corpus).
 */
export const STORY_KEYWORDS = {
  anchors: ['rubio', 'secretary of state'],
  context: [
    'ukraine', 'ukrainian', 'kyiv', 'kiev', 'russia', 'russian', 'moscow', 'kremlin',
    'peace', 'talks', 'negotiations', 'progress', 'days', 'paris', 'trump', 'war', 'conflict',
  ],
  // Three, not four: a two- or three-sentence wire brief on the story (the real set's TASS page)
  // names only three of these words, and this gate must never miss a page on the story; the
  // matcher's gate is the one that judges.
  minContext: 3,
} as const;

const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

function keywordPattern(keyword: string): RegExp {
  const words = keyword.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

const ANCHOR_PATTERNS = STORY_KEYWORDS.anchors.map(keywordPattern);
const CONTEXT_WORDS = new Set<string>(STORY_KEYWORDS.context);

/** Words of the longest anchor: the words of earlier pieces an anchor can still span. */
const ANCHOR_SPAN_WORDS = Math.max(...STORY_KEYWORDS.anchors.map((a) => a.split(' ').length));

/**
 * `mightBeOnStory` fed a piece at a time, for a caller that reads the page in slices: the answer
 * on the pieces joined with separators, known as soon as it is yes, so the reading can stop there
 * (on a page about the story, usually in its first paragraphs). Cost: linear in the text added.
 */
export class StoryKeywordScan {
  private anchored = false;
  private readonly found = new Set<string>();
  /** The last words read, for an anchor that spans pieces ("Secretary of <b>State</b>"). */
  private tail = '';

  get open(): boolean {
    return this.anchored && this.found.size >= STORY_KEYWORDS.minContext;
  }

  /** Reads `piece` (a boundary between words comes before it); returns whether the gate is open. */
  add(piece: string): boolean {
    if (this.open) return true;
    if (!this.anchored) {
      // Any run of separators matches the patterns' separators, so the tail's single spaces do too.
      const text = this.tail === '' ? piece : `${this.tail} ${piece}`;
      this.anchored = ANCHOR_PATTERNS.some((p) => p.test(text));
    }
    const words = piece.toLowerCase().split(WORD_SEPARATOR);
    for (const word of words) {
      if (this.found.size >= STORY_KEYWORDS.minContext) break;
      if (CONTEXT_WORDS.has(word)) this.found.add(word);
    }
    if (!this.anchored) {
      const last = [this.tail, ...words].join(' ').split(' ').filter((w) => w !== '');
      this.tail = last.slice(-(ANCHOR_SPAN_WORDS - 1)).join(' ');
    }
    return this.open;
  }
}

/** Whether `text` (a page's title and text) might be about the story. Linear in its length. */
export function mightBeOnStory(text: string): boolean {
  return new StoryKeywordScan().add(text);
}
