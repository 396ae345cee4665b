/**
 * Quote variants: the same speaker quoted on the same point in different words by different
 * outlets, and quotation marks that only one outlet puts around words.
 *
 * Input is one page sentence and the corpus sentences it matched (all on the page sentence's point,
 * so the group of sentences *is* the point). Quotes are grouped by speaker; within a speaker, quotes
 * with the same words (lib/diff/words.ts `sameWords`: case, punctuation and quote style aside) are
 * one variant listing every outlet that used it.
 */
import type { Quote, SentenceResult } from '../types';
import { sameWords, wordKeys } from '../diff/words';
import type { CorpusOverview } from './panel-data';

/** The source id of the page the reader is on, beside corpus article ids. */
export const PAGE_SOURCE_ID = 'page';

/** An outlet's sentence, as a source of quotes. */
export interface QuoteSource {
  /** A corpus article id, or PAGE_SOURCE_ID. */
  sourceId: string;
  outlet: string;
  url: string | null;
}

export interface QuoteSentence {
  source: QuoteSource;
  text: string;
  /** The sentence's quotes; null when unknown, which keeps the sentence out of the comparison. */
  quotes: readonly Quote[] | null;
}

export interface QuoteVariant {
  /** The words as the first outlet to use them wrote them. */
  text: string;
  /** Every outlet that put these words in quotation marks, first user first. */
  quotedBy: QuoteSource[];
  /** Outlets whose sentence has (most of) these words without quotation marks. */
  unquotedIn: QuoteSource[];
  /**
   * Only one outlet puts these words in quotation marks: another outlet has the words unquoted,
   * or no other outlet quotes the speaker on this point although others state it.
   */
  onlyQuotedHere: boolean;
}

export interface QuoteGroup {
  /** The speaker as the fullest attribution names them ("Marco Rubio" over "Rubio"); null if unattributed. */
  speaker: string | null;
  /** Most-used first, then in order of appearance (the page's first). */
  variants: QuoteVariant[];
}

/**
 * Share of a quote's content words that another sentence must contain, outside its quotation marks,
 * for the quote's words to count as "also there, unquoted". Three in four lets the other outlet
 * change a word ("the talks" / "the discussions") and still catches the seeds' case of Pak
 * Correspondent quoting "constructive and positive" where The Voice News writes both words plainly.
 */
export const UNQUOTED_WORD_SHARE = 0.75;

/**
 * Function words that say nothing about whether two texts share wording; without them "we're not
 * going to" alone would tie unrelated quotes to a sentence.
 */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from',
  'as', 'that', 'this', 'these', 'those', 'it', "it's", 'its', 'is', 'are', 'was', 'were', 'be', 'been',
  'we', "we're", "we'll", 'our', 'us', 'i', "i'm", 'you', 'he', 'she', 'they', 'them', 'his', 'her',
  'their', 'not', 'no', 'so', 'do', 'have', 'has', 'had', 'will', 'would', 'can', 'could', 'there',
  'what', 'which', 'who', 'whether', 'about',
]);

function contentWords(text: string): string[] {
  const words = wordKeys(text);
  const content = words.filter((w) => !FUNCTION_WORDS.has(w));
  return content.length > 0 ? content : words;
}

/**
 * A key under which attributions of one speaker meet: the surname for a short capitalized name
 * ("Marco Rubio", "Rubio" → "rubio"), the whole attribution otherwise ("Zelensky’s office").
 */
export function speakerKey(speaker: string): string {
  const words = speaker.trim().split(/\s+/u).filter((w) => w !== '');
  const isName = words.length > 0 && words.length <= 3 && words.every((w) => /^\p{Lu}[\p{L}\p{M}.'’-]*$/u.test(w));
  const key = isName ? words[words.length - 1]! : words.join(' ');
  return key.normalize('NFKC').toLowerCase().replace(/[’ʼ]/gu, "'");
}

/** Double quotation marks of any style; apostrophes and single quotes are too often not quotes. */
const DOUBLE_QUOTATION_MARKS = /["“”„‟«»]/u;
const QUOTE_EDGE = /["“”„‟«»‘’']/u;

/**
 * The sentence's words outside quotation marks: its text with its quoted spans blanked out. Null
 * when a double quotation mark is left over, i.e. the sentence is (partly) inside a quotation its
 * quotes do not show (a quotation that opened in an earlier sentence, or a quote finder that saw
 * the sentence alone): such a sentence is no evidence of words written without quotation marks.
 */
export function unquotedText(sentence: QuoteSentence): string | null {
  if (sentence.quotes === null) return null;
  let out = sentence.text;
  for (const q of sentence.quotes) {
    if (q.start < 0 || q.end > out.length || q.start >= q.end) continue;
    // The marks around a quote sit just outside its span, the closing one maybe after a comma or
    // stop the span leaves out (“encouraging,”): blank them with it.
    let from = q.start;
    while (from > 0 && QUOTE_EDGE.test(out[from - 1]!)) from--;
    let to = q.end;
    while (to < out.length && (QUOTE_EDGE.test(out[to]!) || /[,.;:!?…]/u.test(out[to]!)) && to - q.end < 3) to++;
    out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to);
  }
  return DOUBLE_QUOTATION_MARKS.test(out) ? null : out;
}

function hasWordsUnquoted(quoteText: string, plain: string): boolean {
  const wanted = contentWords(quoteText);
  if (wanted.length === 0) return false;
  const present = new Set(wordKeys(plain));
  const found = wanted.filter((w) => present.has(w)).length;
  return found / wanted.length >= UNQUOTED_WORD_SHARE;
}

interface QuoteUse {
  source: QuoteSource;
  quote: Quote;
  key: string | null;
}

/** Group the quotes of a page sentence and its matched sentences into variants per speaker. */
export function groupQuoteVariants(sentences: readonly QuoteSentence[]): QuoteGroup[] {
  const known = sentences.filter((s) => s.quotes !== null);
  // The sentences whose words outside quotation marks are known for sure.
  const plainTexts = known.flatMap((sentence) => {
    const plain = unquotedText(sentence);
    return plain === null ? [] : [{ sentence, plain }];
  });
  const uses: QuoteUse[] = [];
  for (const s of known) {
    for (const quote of s.quotes!) {
      if (wordKeys(quote.text).length === 0) continue;
      uses.push({ source: s.source, quote, key: quote.speaker === null ? null : speakerKey(quote.speaker) });
    }
  }

  // An unattributed quote ("…,” he said.) belongs to the speaker when the point has only one.
  const speakerKeys = [...new Set(uses.flatMap((u) => (u.key === null ? [] : [u.key])))];
  const soleSpeaker = speakerKeys.length === 1 ? speakerKeys[0]! : null;

  const bySpeaker = new Map<string, QuoteUse[]>();
  for (const use of uses) {
    const key = use.key ?? soleSpeaker ?? '';
    const list = bySpeaker.get(key);
    if (list) list.push(use);
    else bySpeaker.set(key, [use]);
  }

  const groups: QuoteGroup[] = [];
  for (const [key, groupUses] of bySpeaker) {
    const variants: (QuoteVariant & { order: number })[] = [];
    for (const use of groupUses) {
      const existing = variants.find((v) => sameWords(v.text, use.quote.text));
      if (existing === undefined) {
        variants.push({ text: use.quote.text, quotedBy: [use.source], unquotedIn: [], onlyQuotedHere: false, order: variants.length });
      } else if (!existing.quotedBy.some((s) => s.sourceId === use.source.sourceId)) {
        existing.quotedBy.push(use.source);
      }
    }

    const quoters = new Set(variants.flatMap((v) => v.quotedBy.map((s) => s.sourceId)));
    const othersStatingPoint = plainTexts.some(({ sentence }) => !quoters.has(sentence.source.sourceId));
    for (const variant of variants) {
      const users = new Set(variant.quotedBy.map((s) => s.sourceId));
      const seen = new Set<string>();
      for (const { sentence, plain } of plainTexts) {
        const id = sentence.source.sourceId;
        if (users.has(id) || seen.has(id)) continue;
        if (hasWordsUnquoted(variant.text, plain)) {
          variant.unquotedIn.push(sentence.source);
          seen.add(id);
        }
      }
      variant.onlyQuotedHere =
        variant.quotedBy.length === 1 && (variant.unquotedIn.length > 0 || (quoters.size === 1 && othersStatingPoint));
    }

    variants.sort((x, y) => y.quotedBy.length - x.quotedBy.length || x.order - y.order);
    const speakers = groupUses.flatMap((u) => (u.quote.speaker === null ? [] : [u.quote.speaker.trim()]));
    const speaker = key === '' ? null : speakers.reduce((best, s) => (s.length > best.length ? s : best), speakers[0] ?? '');
    groups.push({
      speaker: speaker === '' ? null : speaker,
      variants: variants.map(({ order: _order, ...v }) => v),
    });
  }
  return groups;
}

/** Whether a group is worth the reader's attention: wordings differ, or quotation marks do. */
export function isNotableQuoteGroup(group: QuoteGroup): boolean {
  return group.variants.length > 1 || group.variants.some((v) => v.onlyQuotedHere);
}

/** The speakers (by `speakerKey`) a page's quotes name: whom the page itself quotes. */
export function quotedSpeakers(pageQuotes: Iterable<readonly Quote[]>): Set<string> {
  const keys = new Set<string>();
  for (const quotes of pageQuotes) for (const q of quotes) if (q.speaker !== null) keys.add(speakerKey(q.speaker));
  return keys;
}

/**
 * The quote groups of one page sentence: its own quotes (when known) beside the quotes of the
 * corpus sentences it matched. A matched sentence missing from `corpus.sentences` has no quotes.
 *
 * Only speakers the page quotes get a group (`pageSpeakers`, by `speakerKey`; by default those of
 * this sentence's own quotes): a reader on a page that never quotes Trump has no use for how two
 * outlets quoted him, and a block "Quote of Donald Trump" there reads as if the page did. A group
 * the page's own quote is in always stays. When the page's quotes are unknown (a selection), every
 * group stays: nothing says whom the page quotes.
 */
export function quoteGroupsForSentence(
  sentence: SentenceResult,
  page: { site: string; url: string },
  pageQuotes: readonly Quote[] | undefined,
  corpus: CorpusOverview,
  pageSpeakers: ReadonlySet<string> | undefined = pageQuotes === undefined ? undefined : quotedSpeakers([pageQuotes]),
): QuoteGroup[] {
  const corpusQuotes = new Map(corpus.sentences.map((s) => [s.id, s.quotes]));
  const sentences: QuoteSentence[] = [
    {
      source: { sourceId: PAGE_SOURCE_ID, outlet: page.site, url: page.url },
      text: sentence.text,
      quotes: pageQuotes ?? null,
    },
    ...sentence.matches.map((m) => ({
      source: { sourceId: m.articleId, outlet: m.outlet, url: m.url },
      text: m.text,
      quotes: corpusQuotes.get(m.sentenceId) ?? [],
    })),
  ];
  const groups = groupQuoteVariants(sentences);
  if (pageQuotes === undefined || pageSpeakers === undefined) return groups;
  return groups.filter(
    (group) =>
      group.variants.some((v) => v.quotedBy.some((s) => s.sourceId === PAGE_SOURCE_ID)) ||
      (group.speaker !== null && pageSpeakers.has(speakerKey(group.speaker))),
  );
}
