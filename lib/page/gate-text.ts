/**
 * The text the cheap gate (lib/match/pre-gate.ts) reads before anything costly happens on a page:
 * the declared titles and descriptions, then the page's text in document order up to a cap. It
 * never reads a node's text whole (a 5 MB text node gives only what the cap leaves room for), and
 * it yields every few hundred nodes so the walk can run in slices.
 *
 * Why a cap and not the extracted article: extraction walks and scores the whole DOM, which is the
 * costly step the gate exists to avoid on the many pages that are not about the story. The gate is
 * a bag of keywords, so any prefix of the page that holds the headline and the first paragraphs is
 * enough; a story mentioned only past the cap is left to content that arrives later or to a
 * selection lookup.
 */
import { SKIPPED_TAGS } from '../extract/furniture';
import { StoryKeywordScan } from '../match/pre-gate';
import type { StoryKeywords } from '../match/story-keywords';

/**
 * Characters read at most: ~30,000 words, so a very long article (a 20,000-word page) and the
 * navigation before it fit, while a 5 MB page costs a fixed few milliseconds.
 */
export const GATE_MAX_CHARS = 200_000;

/** Nodes visited between yields: well under a millisecond of work in Chromium. */
export const GATE_NODES_PER_STEP = 1_000;

/** Head elements that state what the page is about, read before the body. */
const DECLARED_SELECTORS = [
  'meta[name="description"]',
  'meta[property="og:title"]',
  'meta[property="og:description"]',
  'meta[name="twitter:title"]',
  'meta[name="keywords"]',
  'meta[name="news_keywords"]',
];

/** The document's title and description metadata, joined. */
export function declaredText(doc: Document): string {
  const parts = [doc.title];
  for (const selector of DECLARED_SELECTORS) {
    const content = doc.head?.querySelector(selector)?.getAttribute('content');
    if (content) parts.push(content.slice(0, 2_000));
  }
  return parts.join('\n');
}

/**
 * The text under `roots` in document order (open shadow trees included, scripts and other
 * never-rendered elements left out), at most `maxChars` characters in all.
 * Cost: O(nodes visited + maxChars).
 */
export function* gateTextSteps(
  roots: readonly Node[],
  maxChars: number = GATE_MAX_CHARS,
): Generator<void, string> {
  const parts: string[] = [];
  yield* gatePieces(roots, maxChars, (piece) => {
    parts.push(piece);
    return false;
  });
  return parts.join(' ');
}

/**
 * The cheap gate's answer on `declared` (declaredText) and the text under `roots`: what
 * mightBeOnStory says of `declared` and gateTextSteps' text, read a text node at a time and
 * stopping as soon as the answer is yes, so a page about the story is not read to the cap first
 * (on the 20,000-word page of the budget test, its first paragraphs instead of 130 kB).
 */
export function* storyGateSteps(
  roots: readonly Node[],
  declared: string,
  keywords: StoryKeywords,
  maxChars: number = GATE_MAX_CHARS,
): Generator<void, boolean> {
  const scan = new StoryKeywordScan(keywords);
  if (scan.add(declared)) return true;
  return yield* gatePieces(roots, maxChars, (piece) => scan.add(piece));
}

/**
 * Hands `take` the text under `roots` a text node at a time, in document order, at most
 * `maxChars` characters in all; stops early when `take` returns true, and returns whether it did.
 */
function* gatePieces(roots: readonly Node[], maxChars: number, take: (piece: string) => boolean): Generator<void, boolean> {
  let remaining = maxChars;
  let visited = 0;
  for (const root of roots) {
    const stack: Node[] = [root];
    while (stack.length > 0 && remaining > 0) {
      const node = stack.pop()!;
      if (++visited % GATE_NODES_PER_STEP === 0) yield;
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        const piece = data.length > remaining ? data.slice(0, remaining) : data;
        remaining -= piece.length;
        if (take(piece)) return true;
        continue;
      }
      if (node.nodeType === 1 && SKIPPED_TAGS.has((node as Element).localName)) continue;
      // Children in reverse so that they pop in document order; a shadow tree is read before the
      // light children it renders (slotted or not, they are words of the page all the same).
      for (let child = node.lastChild; child !== null; child = child.previousSibling) stack.push(child);
      const shadow = node.nodeType === 1 ? (node as Element).shadowRoot : null;
      if (shadow) for (let child = shadow.lastChild; child !== null; child = child.previousSibling) stack.push(child);
    }
    if (remaining <= 0) break;
  }
  return false;
}
