/**
 * Quotations in news text, and who said them.
 *
 * Outlets quote the same remark in different words, so quotations are worth comparing on their
 * own, and a quote is only comparable with another when both have the same speaker. News style
 * attributes a quote once ("…,” Rubio said. “…”), lets a quotation run over several sentences and
 * paragraphs (a paragraph that ends inside a quote leaves the mark open; the next paragraph reopens
 * it), and names the speaker by pronoun ("he said") when the reader knows who it is. This module
 * follows those conventions and leaves the speaker null whenever the text does not make it clear.
 */
import type { Quote } from '../types';
import type { SentenceSpan } from './segment';
import { splitLines } from './segment';
import {
  adjacent,
  isSpeechVerb,
  isTitle,
  nameFromRun,
  PeopleIndex,
  runEndingAt,
  subjectEndBefore,
  words,
  type Mention,
  type Word,
} from './people';

// --- Finding quotation marks -------------------------------------------------------------------

/** A quotation in a paragraph: content offsets (marks excluded) and whether it reaches the end open. */
interface Quotation {
  /** Offset of the opening mark, or of the paragraph start for a continued quotation. */
  open: number;
  start: number;
  end: number;
  /** Offset just past the closing mark; the paragraph's end when the quotation is left open. */
  close: number;
  closed: boolean;
}

const DOUBLE_CLOSERS: Readonly<Record<string, string>> = {
  '\u201C': '\u201D', // “ ”
  '\u201E': '\u201C\u201D', // „ closes with “ (German) or ” (Polish, Romanian)
  '\u00AB': '\u00BB', // « »
  '"': '"',
};
const SINGLE_CLOSERS: Readonly<Record<string, string>> = { '\u2018': '\u2019', "'": "'" };
const DOUBLE_CLOSE_MARKS = new Set(['\u201D', '\u00BB']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const OPENS_AFTER = /[\s([{\u2014\u2013\-\/\u201C\u201E"]/u;
// A single-quoted span longer than this is more likely an apostrophe paired with a stray mark
// than a quotation: single marks in English news quote words and short phrases.
const MAX_SINGLE_QUOTE_CHARS = 200;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && LETTER_OR_DIGIT.test(c);
}

/**
 * The top-level quotations of a paragraph, left to right. Marks nested inside a quotation
 * (“…say ‘well, we’re done’.”) belong to it. `continuesQuotation` says that the previous paragraph
 * ended inside a quotation, so a closing mark met before any opening one closes a quotation that
 * began with the paragraph.
 */
function findQuotations(p: string, continuesQuotation: boolean): Quotation[] {
  const out: Quotation[] = [];
  let i = 0;
  let firstOpener = true;
  while (i < p.length) {
    const c = p[i]!;
    const prev = p[i - 1];
    const next = p[i + 1];
    const closers = DOUBLE_CLOSERS[c];
    const opensHere = closers !== undefined && (c !== '"' || ((prev === undefined || OPENS_AFTER.test(prev)) && next !== undefined && !/\s/u.test(next)));
    if (opensHere) {
      firstOpener = false;
      const found = findClose(p, i + 1, closers);
      out.push(found);
      i = found.close;
      continue;
    }
    if (DOUBLE_CLOSE_MARKS.has(c) && firstOpener && continuesQuotation) {
      firstOpener = false;
      out.push({ open: 0, start: 0, end: i, close: i + 1, closed: true });
      i++;
      continue;
    }
    const singleCloser = SINGLE_CLOSERS[c];
    if (singleCloser !== undefined && (prev === undefined || OPENS_AFTER.test(prev)) && isWordChar(next)) {
      const close = findSingleClose(p, i + 1, singleCloser);
      if (close !== null) {
        firstOpener = false;
        out.push({ open: i, start: i + 1, end: close, close: close + 1, closed: true });
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** Scan for the closing mark of a double quotation opened before `from`. */
function findClose(p: string, from: number, closers: string): Quotation {
  for (let j = from; j < p.length; j++) {
    const c = p[j]!;
    if (closers.includes(c)) return { open: from - 1, start: from, end: j, close: j + 1, closed: true };
    // A new opening curly mark before any closing one: the writer left the first quotation open.
    if (c === '\u201C' && !closers.includes('\u201C') && j > from) {
      return { open: from - 1, start: from, end: j, close: j, closed: false };
    }
  }
  return { open: from - 1, start: from, end: p.length, close: p.length, closed: false };
}

/** The closing single mark: not between two letters (that is an apostrophe, "we’re"). */
function findSingleClose(p: string, from: number, closer: string): number | null {
  const limit = Math.min(p.length, from + MAX_SINGLE_QUOTE_CHARS);
  for (let j = from; j < limit; j++) {
    const c = p[j]!;
    if (c === '\u201C' || c === '\u201D' || c === '"') return null;
    if (c === closer && !isWordChar(p[j + 1]) && !/\s/u.test(p[j - 1] ?? ' ')) return j;
  }
  return null;
}

// --- Attribution ---------------------------------------------------------------------------------

// A verb of saying this many words or fewer before the opening mark attributes the quotation
// ("Rubio described the reception to the U.S. peace framework as “encouraging,”" is 9 words).
const MAX_WORDS_VERB_TO_QUOTE = 25;
// After a closing mark the attribution comes at once: "…,” Rubio said", "…,” said Kremlin spokesman Dmitry Peskov".
const MAX_WORDS_AFTER_QUOTE = 6;
const MAX_CHARS_AFTER_QUOTE = 200;
// How many earlier paragraphs a "he" or "she" may reach back to for its person.
const PRONOUN_LOOKBACK_PARAGRAPHS = 3;

const PRONOUNS = new Set(['he', 'she']);
const UNRESOLVABLE_SUBJECTS = new Set(['i', 'we', 'they', 'it', 'you', 'who', 'which']);
const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'his', 'her', 'their', 'its', 'another']);
/** Lowercase words inside a title ("Secretary of State Marco Rubio", "Minister for Foreign Affairs"). */
const TITLE_JOINERS = new Set(['of', 'for']);

/** Whether a word can be part of a subject phrase after a quotation ("Kremlin spokesman Dmitry Peskov", "he"). */
function inSubjectPhrase(t: string): boolean {
  const lower = t.toLowerCase();
  return /^\p{Lu}/u.test(t) || isTitle(t) || DETERMINERS.has(lower) || PRONOUNS.has(lower) || TITLE_JOINERS.has(lower);
}
/** Nouns that, after a possessive name, make a speaker: "Zelensky’s office called the talks “…”". */
const SPEAKING_BODIES = new Set([
  'office', 'spokesman', 'spokesperson', 'spokeswoman', 'team', 'campaign', 'aide', 'aides', 'lawyer', 'lawyers',
  'attorney', 'representative', 'press',
]);

/** Who a subject phrase names: a person, a pronoun to resolve, or nobody the text names. */
type Subject = { kind: 'name'; name: string } | { kind: 'pronoun'; at: number } | { kind: 'unnamed' };

interface Paragraph {
  text: string;
  /** Offset of the paragraph in the article. */
  offset: number;
  /** Sentence spans relative to the paragraph. */
  sentences: { start: number; end: number; index: number }[];
  quotations: Quotation[];
  /** People named outside quotation marks. */
  mentions: Mention[];
}

/** The subject that ends at word `last` (a name run, a pronoun, or a possessive body). */
function subjectEndingAt(text: string, ws: readonly Word[], last: number, people: PeopleIndex): Subject | null {
  const w = ws[last];
  if (w === undefined) return null;
  const lower = w.text.toLowerCase();
  if (PRONOUNS.has(lower)) return { kind: 'pronoun', at: w.start };
  if (UNRESOLVABLE_SUBJECTS.has(lower)) return { kind: 'unnamed' };
  if (/^\p{Lu}/u.test(w.text)) {
    const { run } = runEndingAt(text, ws, last);
    const found = nameFromRun(run);
    if (found === null) return { kind: 'unnamed' };
    return { kind: 'name', name: people.resolve(found.name) ?? found.name };
  }
  // "Zelensky’s office", "Putin’s spokesman"
  const owner = ws[last - 1];
  if (SPEAKING_BODIES.has(lower) && owner && adjacent(text, owner, w) && /[’']s$/u.test(owner.text)) {
    const ownerName = owner.text.replace(/[’']s$/u, '');
    const full = people.resolve(ownerName) ?? ownerName;
    return { kind: 'name', name: `${full}'s ${w.text}` };
  }
  // A lowercase noun ("one French official", "diplomatic sources"): a speaker the text does not name.
  return /^\p{Ll}/u.test(w.text) ? { kind: 'unnamed' } : null;
}

/** "…,” Rubio said" / "…,” he continued" / "…,” said Kremlin spokesman Dmitry Peskov". */
function attributionAfter(p: string, q: Quotation, sentenceEnd: number, nextOpen: number, people: PeopleIndex): Subject | null {
  if (!q.closed) return null;
  // The attribution follows at once; looking further only costs time on long sentences.
  const end = Math.min(sentenceEnd, nextOpen, q.close + MAX_CHARS_AFTER_QUOTE);
  const gap = p.slice(q.close, end);
  // Only a comma and spaces may stand between the closing mark and the attribution.
  if (!/^[\s,]*[\p{L}]/u.test(gap)) return null;
  const ws = words(p, q.close, end).slice(0, MAX_WORDS_AFTER_QUOTE + 1);
  const first = ws[0];
  if (first === undefined) return null;
  if (isSpeechVerb(first.text)) {
    // "said Rubio", "said Kremlin spokesman Dmitry Peskov", "said the official"
    let last = 0;
    for (let i = 1; i < ws.length && adjacent(p, ws[i - 1]!, ws[i]!); i++) {
      if (inSubjectPhrase(ws[i]!.text)) last = i;
      else break;
    }
    return last === 0 ? null : subjectEndingAt(p, ws, last, people);
  }
  if (first.text.toLowerCase() === 'according' && ws[1]?.text === 'to') {
    let last = 1;
    while (last + 1 < ws.length && /^\p{Lu}/u.test(ws[last + 1]!.text) && adjacent(p, ws[last]!, ws[last + 1]!)) last++;
    return last === 1 ? null : subjectEndingAt(p, ws, last, people);
  }
  // "Rubio said", "Vance told reporters", "Kremlin spokesman Dmitry Peskov said", "he continued".
  const verb = ws.findIndex((w) => isSpeechVerb(w.text));
  if (verb <= 0) return null;
  for (let i = 1; i <= verb; i++) if (!adjacent(p, ws[i - 1]!, ws[i]!)) return null;
  const subjectEnd = subjectEndBefore(p, ws, verb);
  if (subjectEnd < 0) return null;
  // Everything before the verb must be the subject phrase: names, titles, determiners, a pronoun.
  for (let i = 0; i <= subjectEnd; i++) if (!inSubjectPhrase(ws[i]!.text)) return null;
  return subjectEndingAt(p, ws, subjectEnd, people);
}

/**
 * "Rubio said: “…", "Peskov has maintained that “…", "Rubio described … as “…", "with Zelensky
 * saying on Thursday “…". `null` when no verb of saying leads up to the quotation; `{ verbAt }`
 * when one does but has no subject of its own (", stating “…").
 */
function attributionBefore(p: string, from: number, q: Quotation, people: PeopleIndex): Subject | { verbAt: number } | null {
  const ws = words(p, from, q.open);
  const lowest = Math.max(0, ws.length - MAX_WORDS_VERB_TO_QUOTE);
  for (let v = ws.length - 1; v >= lowest; v--) {
    const w = ws[v]!;
    if (w.text.toLowerCase() === 'to' && ws[v - 1]?.text.toLowerCase() === 'according') {
      let last = v;
      while (last + 1 < ws.length && /^\p{Lu}/u.test(ws[last + 1]!.text)) last++;
      if (last > v) return subjectEndingAt(p, ws, last, people);
    }
    if (!isSpeechVerb(w.text)) continue;
    const subjectEnd = subjectEndBefore(p, ws, v);
    if (subjectEnd < 0) return { verbAt: w.start };
    return subjectEndingAt(p, ws, subjectEnd, people) ?? { verbAt: w.start };
  }
  return null;
}

// A pronoun refers to someone named recently: only this many of the nearest names are weighed.
// It also keeps the work per quotation bounded on pathological text (one paragraph naming thousands).
const MAX_CANDIDATE_MENTIONS = 24;

/** The mentions (sorted by start) that lie in [from, to), at most the last MAX_CANDIDATE_MENTIONS. */
function mentionsBetween(ms: readonly Mention[], from: number, to: number): readonly Mention[] {
  let low = 0;
  let high = ms.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ms[mid]!.start < from) low = mid + 1;
    else high = mid;
  }
  const first = low;
  high = ms.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ms[mid]!.end <= to) low = mid + 1;
    else high = mid;
  }
  return ms.slice(Math.max(first, low - MAX_CANDIDATE_MENTIONS), low);
}

/** The sentence of `para` holding offset `at`, by binary search. */
function sentenceAt(para: Paragraph, at: number): { start: number; end: number } | undefined {
  let low = 0;
  let high = para.sentences.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (para.sentences[mid]!.end <= at) low = mid + 1;
    else high = mid;
  }
  const s = para.sentences[low];
  return s !== undefined && s.start <= at ? s : undefined;
}

/** The one name among `ms`; the last speaker when several are named and it is one of them; else null. */
function soleName(ms: readonly Mention[], lastSpeaker: string | null): string | null | undefined {
  const names = new Set(ms.map((m) => m.name));
  if (names.size === 0) return undefined;
  if (names.size === 1) return [...names][0]!;
  return lastSpeaker !== null && names.has(lastSpeaker) ? lastSpeaker : null;
}

/**
 * The person "he"/"she" at paragraph `pi`, offset `at`, refers to: the one person named before it in
 * its sentence, else in the earlier sentences of its paragraph, else in the nearest earlier paragraph
 * that names anyone. When several are named, the speaker of the last quotation wins if among them;
 * otherwise it is not clear, and the answer is null.
 */
function resolvePronoun(paragraphs: readonly Paragraph[], pi: number, at: number, lastSpeaker: string | null): string | null {
  const para = paragraphs[pi]!;
  const sentenceStart = sentenceAt(para, at)?.start ?? 0;
  const inSentence = soleName(mentionsBetween(para.mentions, sentenceStart, at), lastSpeaker);
  if (inSentence !== undefined) return inSentence;
  const earlier = soleName(mentionsBetween(para.mentions, 0, sentenceStart), lastSpeaker);
  if (earlier !== undefined) return earlier;
  for (let back = 1; back <= PRONOUN_LOOKBACK_PARAGRAPHS && pi - back >= 0; back++) {
    const found = soleName(mentionsBetween(paragraphs[pi - back]!.mentions, 0, Infinity), lastSpeaker);
    if (found !== undefined) return found;
  }
  return null;
}

// --- Public API ----------------------------------------------------------------------------------

/**
 * The closed top-level quotations of one sentence or paragraph, marks excluded: double marks in
 * their national forms (“…”, „…“, «…», "…") and single ones (‘…’, '…': British style quotes with
 * them), never an apostrophe ("we’re", "the mayor’s"). Nested marks belong to the quotation around
 * them. A quotation left open (it goes on in the next sentence) is not one of them.
 */
export function closedQuotations(text: string): { text: string; start: number }[] {
  return findQuotations(text, false)
    .filter((q) => q.closed)
    .map((q) => ({ text: text.slice(q.start, q.end), start: q.start }));
}

/**
 * The quotations of one paragraph, per sentence: `result[i]` holds the quotes of `sentences[i]`,
 * offsets relative to that sentence's text, quotation marks excluded. A quotation that spans
 * several sentences yields one Quote per sentence, all with the same speaker. `sentences` are spans
 * of `paragraph` (as `splitSentences(paragraph)` returns them). Speakers resolve against the
 * paragraph alone; `extractArticleQuotes` also uses the article's earlier paragraphs.
 */
export function extractQuotes(paragraph: string, sentences: readonly SentenceSpan[]): Quote[][] {
  return extractArticleQuotes(paragraph, sentences);
}

/**
 * The quotations of a whole article, per sentence (`sentences` are spans of `text`, e.g.
 * `splitSentences(text)`; a span that crosses a line break gets no quotes). Paragraphs are the
 * text's lines; a quotation left open at the end of one continues, with its speaker, in a paragraph
 * that opens with a quotation mark. Linear in the length of the text.
 */
export function extractArticleQuotes(text: string, sentences: readonly SentenceSpan[]): Quote[][] {
  const people = PeopleIndex.fromText(text);
  const result: Quote[][] = sentences.map(() => []);
  const byStart = sentences.map((s, index) => ({ start: s.start, end: s.end, index })).sort((a, b) => a.start - b.start);
  const paragraphs: Paragraph[] = [];
  let lastSpeaker: string | null = null;
  let openSpeaker: string | null | undefined; // defined when the previous paragraph ended inside a quotation
  let next = 0; // first sentence (in byStart) not yet assigned to a line

  for (const line of splitLines(text)) {
    const p = line.text;
    const lineEnd = line.start + p.length;
    while (next < byStart.length && byStart[next]!.start < line.start) next++;
    const inLine: Paragraph['sentences'] = [];
    for (; next < byStart.length && byStart[next]!.end <= lineEnd; next++) {
      const s = byStart[next]!;
      inLine.push({ start: s.start - line.start, end: s.end - line.start, index: s.index });
    }
    const quotations = findQuotations(p, openSpeaker !== undefined);
    const para: Paragraph = {
      text: p,
      offset: line.start,
      sentences: inLine,
      quotations,
      mentions: outsideQuotations(people.mentions(p), quotations),
    };
    paragraphs.push(para);
    const pi = paragraphs.length - 1;

    const speakers: (string | null)[] = [];
    let first = 0; // first sentence of the line that may hold the current quotation
    quotations.forEach((q, qi) => {
      while (first < inLine.length && inLine[first]!.end <= q.open) first++;
      const sentence = inLine[first];
      // The sentences the quotation touches, and the one its closing mark ends in.
      let last = first;
      while (last + 1 < inLine.length && inLine[last + 1]!.start < q.close) last++;
      const closeSentence = inLine[last] ?? sentence;
      const previous = qi > 0 ? quotations[qi - 1] : undefined;
      const nextOpen = quotations[qi + 1]?.open ?? p.length;
      const resolve = (subject: Subject): string | null => {
        if (subject.kind === 'name') return subject.name;
        if (subject.kind === 'pronoun') return resolvePronoun(paragraphs, pi, subject.at, lastSpeaker);
        return null;
      };

      let speaker: string | null = null;
      const sentenceStart = sentence?.start ?? 0;
      const previousInSentence = previous !== undefined && previous.close > sentenceStart;
      const after = attributionAfter(p, q, closeSentence?.end ?? p.length, nextOpen, people);
      const before =
        after === null
          ? attributionBefore(p, previousInSentence ? previous.close : sentenceStart, q, people)
          : null;
      if (after !== null) {
        speaker = resolve(after);
      } else if (before !== null && !('verbAt' in before)) {
        speaker = resolve(before);
      } else if (previousInSentence) {
        // “it’s not our war” and that America has “other priorities” — same sentence, same speaker.
        speaker = speakers[qi - 1] ?? null;
      } else if (before !== null) {
        // "…, saying in his remarks that “…”": a participle shares its sentence's subject, when the
        // sentence names exactly one person before it.
        speaker = soleName(mentionsBetween(para.mentions, sentenceStart, before.verbAt), null) ?? null;
      } else if (qi === 0 && q.open === 0 && openSpeaker !== undefined) {
        // The previous paragraph ended inside a quotation; this one reopens it.
        speaker = openSpeaker;
      } else if (sentence !== undefined && q.open <= sentence.start && previous !== undefined) {
        // “…,” Rubio said. “The United States has been helping…” — a quotation that follows an
        // attributed one in its paragraph continues it.
        speaker = speakers[qi - 1] ?? null;
      }
      speakers.push(speaker);
      if (speaker !== null) lastSpeaker = speaker;
      for (let k = first; k <= last && k < inLine.length; k++) {
        const s = inLine[k]!;
        addQuotePart(p, s, q, speaker, result[s.index]!);
      }
    });
    const lastQuotation = quotations[quotations.length - 1];
    openSpeaker = lastQuotation !== undefined && !lastQuotation.closed ? speakers[speakers.length - 1] ?? null : undefined;
  }
  return result;
}

/** The mentions that are not inside a quotation (both lists sorted by offset): who the writer names. */
function outsideQuotations(mentions: readonly Mention[], quotations: readonly Quotation[]): Mention[] {
  const out: Mention[] = [];
  let qi = 0;
  for (const m of mentions) {
    while (qi < quotations.length && quotations[qi]!.end <= m.start) qi++;
    const q = quotations[qi];
    if (q === undefined || !(m.start >= q.start && m.end <= q.end)) out.push(m);
  }
  return out;
}

// Punctuation that belongs to the sentence around a quotation, not to the words quoted ("…days,” or").
const TRAILING_SENTENCE_PUNCTUATION = /[\s,;:]+$/u;
const LEADING_SPACE = /^\s+/u;

/** The part of quotation `q` inside sentence `s`, as a Quote relative to the sentence. */
function addQuotePart(p: string, s: { start: number; end: number }, q: Quotation, speaker: string | null, out: Quote[]): void {
  let start = Math.max(q.start, s.start);
  let end = Math.min(q.end, s.end);
  if (start >= end) return;
  const raw = p.slice(start, end);
  start += raw.match(LEADING_SPACE)?.[0].length ?? 0;
  end -= raw.match(TRAILING_SENTENCE_PUNCTUATION)?.[0].length ?? 0;
  // A sentence that starts with the quotation's opening mark has no words of it before the mark.
  if (start >= end || !LETTER_OR_DIGIT.test(p.slice(start, end))) return;
  out.push({ text: p.slice(start, end), start: start - s.start, end: end - s.start, speaker });
}
