/**
 * The quotes of a page's sentences, found with the corpus's own quote finder (lib/text/quotes.ts).
 * A page arrives as a list of sentences, without its paragraphs; the sentences are read as one
 * paragraph so that a quotation running over several sentences ("…,” he continued. “We’ll do what
 * we can… But we’re not going to continue…”) is found in each of them, with its speaker. Run it
 * where the whole list is at hand (the background, on scanPage): a sentence alone loses both.
 */
import type { Quote } from '../types';
import { extractArticleQuotes } from '../text/quotes';
import type { SentenceSpan } from '../text/segment';

const SENTENCE_END = /[.!?…:][”’"')\]]*$/u;

/** `result[i]` holds the quotes of `sentences[i]`, offsets relative to that sentence. */
export function findPageQuotes(sentences: readonly string[]): Quote[][] {
  const spans: SentenceSpan[] = [];
  let text = '';
  for (const sentence of sentences) {
    // A sentence without a closing stop is a heading or a caption: its own paragraph, so it is
    // not read as the subject of the next sentence's "he said".
    if (text !== '') text += SENTENCE_END.test(text) ? ' ' : '\n';
    spans.push({ text: sentence, start: text.length, end: text.length + sentence.length });
    text += sentence;
  }
  return extractArticleQuotes(text, spans);
}
