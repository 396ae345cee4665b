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

/** Whether `text` (a page's title and text) might be about the story. Linear in its length. */
export function mightBeOnStory(text: string): boolean {
  if (!ANCHOR_PATTERNS.some((p) => p.test(text))) return false;
  const found = new Set<string>();
  for (const word of text.toLowerCase().split(WORD_SEPARATOR)) {
    if (CONTEXT_WORDS.has(word)) {
      found.add(word);
      if (found.size >= STORY_KEYWORDS.minContext) return true;
    }
  }
  return false;
}
