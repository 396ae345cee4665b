/**
 * The quotes of a page's sentences, found with the corpus's own quote finder (lib/text/quotes.ts).
 *
 * News style lets a quotation run over several sentences and paragraphs, attributes it once, and
 * names the speaker by pronoun in a later paragraph; the quote finder follows those conventions
 * only when it sees the page's paragraphs. Extraction knows them (PageText.blocks: the block of
 * each sentence), so the sentences are put back into their paragraphs before the finder reads
 * them. Run it where the whole page is at hand (the background, on scanPage): a sentence read
 * alone loses both the quotation that began before it and the speaker named before it.
 *
 * Cost: linear in the page's text (the finder is one pass per paragraph).
 */
import type { PageText, PageVerdict, Quote } from '../types';
import { extractArticleQuotes } from '../text/quotes';
import type { SentenceSpan } from '../text/segment';

const SENTENCE_END = /[.!?…:][”’"')\]]*$/u;

/**
 * `result[i]` holds the quotes of `sentences[i]`, offsets relative to that sentence.
 *
 * `blocks[i]` is the paragraph (extraction block) of `sentences[i]`; sentences of one block are
 * read as one paragraph, and each new block starts a new one. Without blocks, paragraphs are
 * guessed: a sentence without a closing stop (a heading, a caption) stands alone, everything else
 * runs together, which finds quotations over several sentences but can carry a speaker across a
 * paragraph break the page had. Throws a RangeError naming the mismatch when `blocks` is not one
 * index per sentence.
 */
export function findPageQuotes(sentences: readonly string[], blocks?: readonly number[]): Quote[][] {
  if (blocks !== undefined && blocks.length !== sentences.length) {
    throw new RangeError(
      `findPageQuotes: blocks has ${blocks.length} entries for ${sentences.length} sentences; give one block index per sentence`,
    );
  }
  const spans: SentenceSpan[] = [];
  let text = '';
  sentences.forEach((sentence, i) => {
    if (i > 0) {
      const newParagraph = blocks === undefined ? !SENTENCE_END.test(text) : blocks[i] !== blocks[i - 1];
      text += newParagraph ? '\n' : ' ';
    }
    // A line break inside a sentence would split the finder's paragraph; extraction never gives
    // one, pasted text might.
    const flat = sentence.replace(/[\r\n\u2028\u2029]/gu, ' ');
    spans.push({ text: flat, start: text.length, end: text.length + flat.length });
    text += flat;
  });
  return extractArticleQuotes(text, spans);
}

/**
 * The quotes of the sentences a scan matched, by page sentence index: what the panel compares
 * with other outlets' quotes. The whole page is read (a matched sentence's quotation may open, and
 * its speaker be named, in a sentence that did not match), only the matched sentences are kept.
 */
export function matchedSentenceQuotes(
  page: Pick<PageText, 'sentences' | 'blocks'>,
  verdict: Pick<PageVerdict, 'sentences'>,
): Record<number, Quote[]> {
  const out: Record<number, Quote[]> = {};
  if (verdict.sentences.length === 0) return out;
  const quotes = findPageQuotes(page.sentences, page.blocks);
  for (const { index } of verdict.sentences) out[index] = quotes[index] ?? [];
  return out;
}
