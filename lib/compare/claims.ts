/**
 * What a wording claims, read for the differences between outlets that change the claim: how
 * sure it is (may / could / will / is prepared to / threatens), by when (within days / in the
 * coming days / soon / next week), who acts (the US / Trump / "the president"), who says so and
 * how (a quote, or a paraphrase), its numbers, the people and places it names, whether it is
 * negated, and clauses only one wording has.
 *
 * Everything here is general English news usage: modal verbs and the stock phrases of intent,
 * the shapes of time expressions, attribution verbs and the nouns of anonymous sourcing. Nothing
 * names this story; the outlets, speakers and names come from the texts compared.
 *
 * Reading a claim is linear in the sentence's length; comparing two is dominated by aligning
 * them (lib/diff/align.ts).
 */
import { alignWording, isSubstantive, type AlignedSegment } from '../diff/align';
import { isSpellingVariant } from '../diff/spelling';
import { analyze, isFunctionWord, NEGATION_TERM } from '../match/terms';
import { isSpeechVerb, isTitle, nameFromRun, runEndingAt, subjectEndBefore, words as personWords } from '../text/people';
import { tokenize } from '../text/normalize';
import type { Quote, SentenceResult, Span, WordingContrast } from '../types';
import { speakerKey } from './quotes';

// ── Types ───────────────────────────────────────────────────────────────────────────────────────

/** The ways two wordings of one point can differ in what they claim, loudest first. */
export type ClaimAspect = 'certainty' | 'time' | 'actor' | 'negation' | 'number' | 'attribution' | 'name' | 'clause';

/**
 * Loudest first: the order in which differences are told, and which one a summary line shows
 * (a quiet difference comes after all of these: louderFirst). Negation comes after who acts: even
 * clause by clause it flags "if no progress" beside "if progress stalls", which say the same.
 */
export const CLAIM_ASPECTS: readonly ClaimAspect[] = ['certainty', 'time', 'actor', 'negation', 'number', 'attribution', 'name', 'clause'];

/** What the panel calls each aspect. */
export const CLAIM_ASPECT_LABELS: Record<ClaimAspect, string> = {
  negation: 'Negation',
  certainty: 'Certainty',
  time: 'Time frame',
  actor: 'Who acts',
  number: 'Numbers',
  attribution: 'Attribution',
  name: 'Names',
  clause: 'Only one outlet',
};

/**
 * How sure a wording is that the thing will happen. `hedged`: may, might, could, is likely to;
 * `firm`: will, would, is going to, is prepared to, plans to, must; `threat`: threatens to,
 * an ultimatum; `plain`: no marker at all (stated as fact), which reads as firm.
 */
export type Certainty = 'hedged' | 'firm' | 'threat' | 'plain';

/** A stretch of the wording, as written, and where it is. */
export interface Marker {
  text: string;
  span: Span;
}

export interface CertaintyMarker extends Marker {
  level: Exclude<Certainty, 'plain'>;
}

/** A time expression, keyed by its horizon: "within days" and "in the coming days" are both "days". */
export interface TimeFrame extends Marker {
  /** "hours", "days", "weeks", "months", "years", "soon", "by friday", or "for weeks" (a duration). */
  horizon: string;
}

/** Someone or something the wording names, keyed so that "the United States" meets "Washington" and "Trump" meets "Donald Trump". */
export interface Named extends Marker {
  key: string;
}

export interface NumberMention extends Marker {
  value: number;
}

/** How a wording attributes its claim. */
export type AttributionMode =
  /** In quotation marks, a whole phrase or more. */
  | 'quote'
  /** A word or two in quotation marks ("called the talks “constructive”"). */
  | 'partial'
  /** Named, without quotation marks. */
  | 'paraphrase'
  /** Nobody is said to have said it. */
  | 'none';

export interface Attribution {
  mode: AttributionMode;
  /** Who, as written ("Marco Rubio", "a senior official"); null when not said or not resolved ("he"). */
  speaker: string | null;
  span: Span | null;
}

/** What one wording claims, as far as the differences between outlets go. */
export interface Claim {
  text: string;
  /** The first marker of certainty (the main clause's, in news sentences that lead with it). */
  certainty: CertaintyMarker | null;
  time: TimeFrame[];
  /** The subject of the certainty marker ("The United States may…"), when it is a noun phrase. */
  actor: Named | null;
  attribution: Attribution;
  numbers: NumberMention[];
  names: Named[];
  negations: Marker[];
}

// ── Vocabulary ──────────────────────────────────────────────────────────────────────────────────

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'am']);

/**
 * Markers of certainty as word sequences; "BE" is any form of "to be", "?" makes a word optional.
 * Longer sequences are tried first, so "is likely to" wins over "likely".
 */
const CERTAINTY_PATTERNS: readonly { words: string[]; level: CertaintyMarker['level'] }[] = (
  [
    // Hedges: possibility, probability, deliberation.
    ['may', 'hedged'], ['might', 'hedged'], ['could', 'hedged'], ['can', 'hedged'], ['possibly', 'hedged'],
    ['perhaps', 'hedged'], ['potentially', 'hedged'], ['probably', 'hedged'], ['likely', 'hedged'],
    ['BE likely to', 'hedged'], ['BE unlikely to', 'hedged'], ['BE expected to', 'hedged'],
    ['BE considering', 'hedged'], ['BE weighing', 'hedged'], ['considering', 'hedged'], ['mulling', 'hedged'],
    ['BE open to', 'hedged'], ['may well', 'hedged'], ['could soon', 'hedged'],
    // Firm intent or prediction.
    ['will', 'firm'], ['shall', 'firm'], ['would', 'firm'], ['BE going to', 'firm'], ['BE set to', 'firm'],
    ['BE prepared to', 'firm'], ['prepared to', 'firm'], ['BE ready to', 'firm'], ['ready to', 'firm'],
    ['BE willing to', 'firm'], ['BE poised to', 'firm'], ['poised to', 'firm'], ['BE determined to', 'firm'],
    ['BE about to', 'firm'], ['plans to', 'firm'], ['plan to', 'firm'], ['planned to', 'firm'],
    ['intends to', 'firm'], ['intend to', 'firm'], ['must', 'firm'], ['has decided to', 'firm'],
    ['have decided to', 'firm'], ['decided to', 'firm'], ['stands ready to', 'firm'],
    // Threats.
    ['threatens to', 'threat'], ['threatened to', 'threat'], ['threatening to', 'threat'], ['threaten to', 'threat'],
    ['has threatened to', 'threat'], ['ultimatum', 'threat'],
  ] as const
)
  .map(([text, level]) => ({ words: text.split(' '), level }))
  .sort((x, y) => y.words.length - x.words.length);

/** Negations: "not", "no", "never"…, and "unless" (= "if not") and "without". */
const NEGATORS = new Set(['not', 'no', 'never', 'neither', 'none', 'nothing', 'nobody', 'unless', 'without', 'cannot']);

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fifteen', 15], ['twenty', 20], ['thirty', 30],
  ['forty', 40], ['fifty', 50], ['hundred', 100], ['hundreds', 100], ['thousand', 1000], ['thousands', 1000],
  ['dozen', 12], ['dozens', 12], ['million', 1e6], ['millions', 1e6], ['billion', 1e9], ['billions', 1e9], ['half', 0.5],
]);
const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['thousand', 1000], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['percent', 1], ['%', 1],
]);

const UNIT = '(hours?|days?|weeks?|months?|years?)';
const AMOUNT = '(?:(?:a\\s+)?(?:few|couple\\s+of|matter\\s+of|number\\s+of|several|\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty)\\s+)';
const DAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
/** Time expressions and how each gives its horizon. Matched on the lower-cased sentence. */
const TIME_PATTERNS: readonly { pattern: RegExp; horizon: (m: RegExpExecArray) => string }[] = [
  {
    // "within days", "in the coming days", "within a matter of days", "in the next 24 hours", "over the next few weeks"
    pattern: new RegExp(`\\b(?:within|in|over|inside)\\s+(?:the\\s+)?(?:(?:next|coming|following)\\s+)?${AMOUNT}?${UNIT}\\b`, 'gu'),
    horizon: (m) => plural(m[1]!),
  },
  {
    // "for weeks or months", "for weeks and months on end": a duration, not a deadline.
    pattern: new RegExp(`\\bfor\\s+(?:the\\s+)?(?:(?:next|coming)\\s+)?${AMOUNT}?${UNIT}\\b`, 'gu'),
    horizon: (m) => `for ${plural(m[1]!)}`,
  },
  { pattern: /\b(?:next|this|coming)\s+(week|weekend|month|year)\b/gu, horizon: (m) => `${m[1] === 'weekend' ? 'week' : m[1]}s` },
  {
    pattern: new RegExp(`\\bby\\s+(?:the\\s+end\\s+of\\s+)?(?:next\\s+|this\\s+)?(${DAYS}|${MONTHS}|week|month|year)\\b`, 'gu'),
    horizon: (m) => `by ${m[1]}`,
  },
  {
    pattern: /\b(?:(?:very\s+)?soon|shortly|imminently|immediately|right\s+away|at\s+once|any\s+day\s+now|(?:in\s+the\s+)?(?:near|short)[\s-]term)\b/gu,
    horizon: () => 'soon',
  },
  // Not "on end": it only ever lengthens a duration already read ("for weeks and months on end").
  { pattern: /\b(?:indefinitely|forever|open-ended)\b/gu, horizon: () => 'indefinitely' },
];

function plural(unit: string): string {
  return unit.endsWith('s') ? unit : `${unit}s`;
}

/** Nouns of anonymous sourcing: "a senior official said", "diplomatic sources told…". */
const SOURCE_NOUNS = new Set([
  'official', 'officials', 'source', 'sources', 'diplomat', 'diplomats', 'analyst', 'analysts', 'aide', 'aides',
  'spokesman', 'spokeswoman', 'spokesperson', 'expert', 'experts', 'observers', 'people', 'person', 'adviser',
  'advisers', 'advisor', 'advisors', 'negotiator', 'negotiators', 'insiders', 'administration', 'government',
]);
const PLACE_PREPOSITIONS = new Set(['in', 'from', 'at']);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'this', 'that', 'who', 'which']);
/** Words that end a subject noun phrase when walking back from its verb. */
const CLAUSE_EDGES = new Set([
  'that', 'if', 'unless', 'whether', 'and', 'but', 'or', 'while', 'as', 'because', 'so', 'when', 'where', 'who',
  'which', 'though', 'although', 'since', 'then', 'saying', 'after', 'before', 'until', 'warning', 'stating',
]);
const SUBJECT_WORDS = 6;
/** Quoted words from which a quote is more than a word or two borrowed ("partial"). */
const QUOTE_MIN_WORDS = 4;
/** Content words an insertion or deletion needs to be a clause only one wording has. */
export const CLAUSE_MIN_CONTENT_WORDS = 4;

// ── Reading one wording ─────────────────────────────────────────────────────────────────────────

interface Word {
  norm: string;
  start: number;
  end: number;
  raw: string;
}

function wordsOf(text: string): Word[] {
  return tokenize(text).map((t) => ({ ...t, raw: text.slice(t.start, t.end) }));
}

function certaintyOf(ws: readonly Word[], text: string): CertaintyMarker | null {
  for (let i = 0; i < ws.length; i++) {
    for (const { words, level } of CERTAINTY_PATTERNS) {
      if (i + words.length > ws.length) continue;
      const fits = words.every((w, k) => (w === 'BE' ? BE.has(ws[i + k]!.norm) : ws[i + k]!.norm === w));
      if (!fits) continue;
      // "May" with a capital is the month ("by April or May"), unless it opens the sentence.
      if (words[0] === 'may' && ws[i]!.raw !== 'may' && i > 0) continue;
      // "can"/"will" followed by "not" is the negation's business; the modal stays.
      const span = { start: ws[i]!.start, end: ws[i + words.length - 1]!.end };
      return { text: text.slice(span.start, span.end), span, level };
    }
  }
  return null;
}

function timeFramesOf(text: string): TimeFrame[] {
  const lower = text.toLowerCase().replace(/[‐‑‒–—]/gu, ' ');
  const found: TimeFrame[] = [];
  for (const { pattern, horizon } of TIME_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(lower); m !== null; m = pattern.exec(lower)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (found.some((f) => f.span.start < span.end && span.start < f.span.end)) continue;
      found.push({ text: text.slice(span.start, span.end), span, horizon: horizon(m) });
    }
  }
  return found.sort((x, y) => x.span.start - y.span.start);
}

/**
 * The key of a noun phrase: its head, the last content term, with lexicon families folded
 * ("the United States" and "Washington" → "@us", "U.S. President Donald Trump" → "trump").
 */
function phraseKey(phrase: string): string | null {
  return analyze(phrase).terms.at(-1)?.term ?? null;
}

/** A verb of saying in lower case: "States" in "the United States" is no verb. */
function isVerbOfSaying(raw: string): boolean {
  return !CAPITAL.test(raw) && isSpeechVerb(raw);
}

/**
 * The actor right before word `at` (the subject of a modal): a noun phrase of content words,
 * with its determiner ("the city council", "a senior U.S. official", "Washington"), back to a
 * function word, punctuation or a verb of saying. A pronoun is no actor: it names nobody.
 */
function subjectBefore(ws: readonly Word[], text: string, at: number): Named | null {
  let from = at;
  while (from > 0 && at - from < SUBJECT_WORDS) {
    const prev = ws[from - 1]!;
    const between = text.slice(prev.end, ws[from]!.start);
    // A dash breaks the phrase, spaced or not ("sanctions on Russia—beyond its control—would").
    if (/[,;:“”"()—–]|\s-\s/u.test(between) || isVerbOfSaying(prev.raw)) break;
    if (DETERMINERS.has(prev.norm)) {
      if (from < at) from--;
      break;
    }
    // "U.S." reads as the pronoun "us" once normalized; its capitals say it is the country.
    if (isFunctionWord(prev.norm) && !CAPITAL.test(prev.raw)) break;
    from--;
  }
  if (from === at) return null;
  // "the president's probably …": the contracted "is" is no part of the name.
  const last = ws[at - 1]!;
  const end = /['’]s$/u.test(text.slice(last.start, last.end)) ? last.end - 2 : last.end;
  const span = { start: ws[from]!.start, end };
  const phrase = text.slice(span.start, span.end);
  const subject = ws.slice(from, at);
  // "US" opening a headline is the country, not the pronoun: its capitals say so.
  if (subject.every((w) => (isFunctionWord(w.norm) && !COUNTRY_CAPITALS.test(w.raw)) || PRONOUNS.has(w.norm))) return null;
  const key = phraseKey(phrase);
  return key === null ? null : { text: phrase, span, key };
}

const DETERMINERS = new Set(['the', 'a', 'an']);

/** Words that may stand between a modal and its verb ("could soon be", "would likely have to be"). */
const MODAL_ADVERBS = new Set(['soon', 'likely', 'also', 'still', 'only', 'probably', 'then', 'now', 'quickly', 'eventually', 'not', 'never']);
/** Past participles that do not end in -ed or -en. */
const IRREGULAR_PARTICIPLES = new Set(['made', 'done', 'held', 'found', 'brought', 'bought', 'sought', 'thought', 'taught', 'caught', 'reached', 'put', 'set', 'cut', 'hit', 'lost', 'met', 'kept', 'left', 'paid', 'sent', 'spent', 'built', 'told', 'sold', 'won', 'hurt', 'struck', 'hung', 'led', 'read', 'said', 'heard', 'shut', 'let', 'bound', 'laid']);

/**
 * Whether the verb after a modal ending at `end` is passive: "be" or "been" (after "have to" or
 * "have") then a past participle, adverbs allowed between.
 */
function passiveAfter(ws: readonly Word[], end: number): boolean {
  let i = ws.findIndex((w) => w.start >= end);
  if (i < 0) return false;
  const skip = () => {
    while (i < ws.length && MODAL_ADVERBS.has(ws[i]!.norm)) i++;
  };
  skip();
  if (ws[i]?.norm === 'have' && ws[i + 1]?.norm === 'to') i += 2;
  else if (ws[i]?.norm === 'have' || ws[i]?.norm === 'has') i++;
  skip();
  if (ws[i]?.norm !== 'be' && ws[i]?.norm !== 'been') return false;
  i++;
  skip();
  const verb = ws[i]?.norm;
  return verb !== undefined && (/[a-z]{2,}(?:ed|en)$/u.test(verb) || IRREGULAR_PARTICIPLES.has(verb));
}
/** A function word's spelling when it names a country: "US", "U.S.". */
const COUNTRY_CAPITALS = /^(?:U\.S\.?|US|U\.S\.A\.?|USA)$/u;

const CAPITAL = /^\p{Lu}/u;
/** Capitalized words that are no names wherever they stand. */
const NOT_NAMES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'i',
]);

/** Runs of capitalized words that are not at the start of the sentence or of a quotation. */
function namesOf(ws: readonly Word[], text: string): Named[] {
  const out: Named[] = [];
  let i = 0;
  while (i < ws.length) {
    const w = ws[i]!;
    const opens = i === 0 || /[.!?:;“"‘(—–]\s*$/u.test(text.slice(ws[i - 1]!.end, w.start));
    if (!CAPITAL.test(w.raw) || NOT_NAMES.has(w.norm) || (opens && !CAPITAL.test(ws[i + 1]?.raw ?? ''))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < ws.length && CAPITAL.test(ws[j]!.raw) && /^\s+$/u.test(text.slice(ws[j - 1]!.end, ws[j]!.start)) && !NOT_NAMES.has(ws[j]!.norm)) j++;
    // A run starts at its first word that is neither a function word ("The United States") nor a
    // title ("President Donald Trump"): the name is what is compared.
    let from = i;
    while (from < j && (isFunctionWord(ws[from]!.norm) || NEGATORS.has(ws[from]!.norm) || isTitle(ws[from]!.raw))) from++;
    if (from < j) {
      const span = { start: ws[from]!.start, end: ws[j - 1]!.end };
      const phrase = text.slice(span.start, span.end);
      const key = phraseKey(phrase);
      if (key !== null) out.push({ text: phrase, span, key });
    }
    i = j;
  }
  return out;
}

function numbersOf(ws: readonly Word[], text: string, exclude: readonly Span[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (exclude.some((s) => w.start >= s.start && w.end <= s.end)) continue;
    let value: number | undefined;
    if (/^\d[\d,]*(\.\d+)?$/u.test(w.norm)) {
      const n = Number(w.norm.replaceAll(',', ''));
      // Years and days of the month say when, not how many.
      const nearMonth = (k: number) => new RegExp(`^(${MONTHS})$`, 'u').test(ws[k]?.norm ?? '');
      if ((n >= 1800 && n <= 2100 && w.norm.length === 4) || (n <= 31 && (nearMonth(i - 1) || nearMonth(i + 1)))) continue;
      value = n;
    } else value = NUMBER_WORDS.get(w.norm);
    if (value === undefined) continue;
    let end = w.end;
    const next = ws[i + 1];
    const multiplier = next === undefined ? undefined : MULTIPLIERS.get(next.norm);
    if (next !== undefined && multiplier !== undefined && !NUMBER_WORDS.has(w.norm)) {
      value *= multiplier;
      end = next.end;
    }
    // "35 civilians": the number with the noun it counts, as a reader names it.
    const counted = ws[i + (multiplier === undefined ? 1 : 2)];
    const shown = counted !== undefined && !isFunctionWord(counted.norm) ? counted.end : end;
    out.push({ text: text.slice(w.start, shown), span: { start: w.start, end: shown }, value });
  }
  return out;
}

/** The quote's words: more than a word or two makes it a quote, not a borrowed phrase. */
function quoteMode(quotes: readonly Quote[]): AttributionMode {
  const longest = Math.max(0, ...quotes.map((q) => q.text.split(/\s+/u).filter((w) => w !== '').length));
  return longest >= QUOTE_MIN_WORDS ? 'quote' : 'partial';
}

/** Who the sentence says said it, without quotation marks: "X said", "said X", "according to X". */
function paraphraseSpeaker(text: string): { speaker: string | null; span: Span } | null {
  const ws = personWords(text);
  for (let v = 0; v < ws.length; v++) {
    const word = ws[v]!.text;
    const according = word === 'according' && ws[v + 1]?.text.toLowerCase() === 'to';
    if (!according && !isVerbOfSaying(word)) continue;
    if (!according) {
      const end = subjectEndBefore(text, ws, v);
      if (end >= 0) {
        const subject = ws[end]!;
        if (CAPITAL.test(subject.text)) {
          const { run } = runEndingAt(text, ws, end);
          const before = ws[end - run.length];
          // "officials in Kyiv said": a place after a preposition; the speaker is the noun before it.
          if (before !== undefined && PLACE_PREPOSITIONS.has(before.text.toLowerCase())) {
            const noun = ws[end - run.length - 1];
            if (noun !== undefined && SOURCE_NOUNS.has(noun.text.toLowerCase())) {
              return { speaker: text.slice(noun.start, subject.end), span: { start: noun.start, end: subject.end } };
            }
          }
          const found = nameFromRun(run);
          if (found !== null) return { speaker: found.name, span: { start: run[0]!.start, end: subject.end } };
        }
        const lower = subject.text.toLowerCase();
        if (SOURCE_NOUNS.has(lower)) {
          let from = end;
          while (
            from > 0 &&
            end - from < 3 &&
            /^\s+$/u.test(text.slice(ws[from - 1]!.end, ws[from]!.start)) &&
            !isSpeechVerb(ws[from - 1]!.text) &&
            !CLAUSE_EDGES.has(ws[from - 1]!.text.toLowerCase())
          ) {
            from--;
          }
          return { speaker: text.slice(ws[from]!.start, subject.end), span: { start: ws[from]!.start, end: subject.end } };
        }
        if (PRONOUNS.has(lower)) return { speaker: null, span: { start: subject.start, end: subject.end } };
      }
    }
    // "said Rubio", "warned U.S. Secretary of State Marco Rubio", "according to diplomatic sources".
    const from = v + (according ? 2 : 1);
    const ahead = ws.slice(from, from + 8).filter((w, k, all) => k === 0 || /^\s+$/u.test(text.slice(all[k - 1]!.end, w.start)));
    const source = ahead.findIndex((w) => SOURCE_NOUNS.has(w.text.toLowerCase()));
    if (source >= 0 && source < 4 && ahead.slice(0, source).every((w) => !isSpeechVerb(w.text))) {
      const span = { start: ahead[0]!.start, end: ahead[source]!.end };
      return { speaker: text.slice(span.start, span.end), span };
    }
    let k = 0;
    while (k < ahead.length && (CAPITAL.test(ahead[k]!.text) || ['of', 'the'].includes(ahead[k]!.text.toLowerCase()))) k++;
    if (k > 0) {
      const run = ahead.slice(0, k);
      const found = nameFromRun(run);
      if (found !== null) return { speaker: found.name, span: { start: run[0]!.start, end: run[k - 1]!.end } };
    }
  }
  return null;
}

function attributionOf(text: string, quotes: readonly Quote[] | null): Attribution {
  const paraphrase = paraphraseSpeaker(text);
  const quoted = (quotes ?? []).filter((q) => q.text.trim() !== '');
  if (quoted.length > 0) {
    const speaker = quoted.find((q) => q.speaker !== null)?.speaker ?? paraphrase?.speaker ?? null;
    const first = quoted[0]!;
    return { mode: quoteMode(quoted), speaker, span: paraphrase?.span ?? { start: first.start, end: first.end } };
  }
  if (paraphrase !== null) return { mode: 'paraphrase', speaker: paraphrase.speaker, span: paraphrase.span };
  return { mode: 'none', speaker: null, span: null };
}

function negationsOf(ws: readonly Word[], text: string): Marker[] {
  const out: Marker[] = [];
  let neither = false;
  for (const w of ws) {
    // "neither … nor" is one negation.
    if (w.norm === 'nor' && neither) continue;
    if (w.norm === 'neither') neither = true;
    if (NEGATORS.has(w.norm)) out.push({ text: text.slice(w.start, w.end), span: { start: w.start, end: w.end } });
  }
  return out;
}

/**
 * Read what a wording claims. `quotes` are the sentence's quotations with their speakers
 * (lib/text/quotes.ts), when known; without them a quotation counts only if marks show it.
 */
export function readClaim(text: string, quotes: readonly Quote[] | null = null): Claim {
  const ws = wordsOf(text);
  const certainty = certaintyOf(ws, text);
  const time = timeFramesOf(text);
  const at = certainty === null ? -1 : ws.findIndex((w) => w.start === certainty.span.start);
  return {
    text,
    certainty,
    time,
    // A noun ("an ultimatum") has no subject before it.
    // Nor does a passive ("progress must be made", "a deal could be signed"): its subject is what
    // is acted on, and who acts goes unsaid.
    actor: at <= 0 || certainty?.text.toLowerCase() === 'ultimatum' || passiveAfter(ws, certainty!.span.end) ? null : subjectBefore(ws, text, at),
    attribution: attributionOf(text, quotes ?? inlineQuotes(text)),
    numbers: numbersOf(ws, text, time.map((t) => t.span)),
    names: namesOf(ws, text),
    negations: negationsOf(ws, text),
  };
}

/** Quotations marked by double quotation marks in the sentence alone, without speakers. */
function inlineQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  for (const m of text.matchAll(/[“"]([^“”"]+)[”"]/gu)) {
    const start = m.index + 1;
    out.push({ text: m[1]!, start, end: start + m[1]!.length, speaker: null });
  }
  return out;
}

// ── Comparing two wordings ──────────────────────────────────────────────────────────────────────

/** One way another outlet's wording changes the page's claim. */
export interface ClaimDifference {
  aspect: ClaimAspect;
  /** The page's side as written ("may", "within days"), null when it has none. */
  page: string | null;
  /** The other side as written, null when it has none. */
  other: string | null;
  pageSpans: Span[];
  otherSpans: Span[];
  /**
   * Detail, not a change of claim: a name only one side gives that is neither who acts nor who is
   * said to have said it ("officials in Kyiv said"). Told after every difference that is not.
   */
  quiet: boolean;
}

/** The certainty class a reader compares: no marker reads as firm. */
function certaintyClass(claim: Claim): Exclude<Certainty, 'plain'> {
  return claim.certainty?.level ?? 'firm';
}

export function certaintyLevel(claim: Claim): Certainty {
  return claim.certainty?.level ?? 'plain';
}

export function attributionKey(a: Attribution): string {
  const mode = a.mode === 'partial' ? 'quote' : a.mode;
  return a.speaker === null ? mode : `${mode}:${speakerIdentity(a.speaker)}`;
}

/**
 * Who a speaker is, for comparing attributions: a named person by surname (speakerKey), an
 * anonymous source by its noun, singular ("a senior official", "officials in Kyiv" → "official").
 */
function speakerIdentity(speaker: string): string {
  const nouns = speaker.toLowerCase().split(/\s+/u).filter((w) => SOURCE_NOUNS.has(w));
  const noun = nouns[0];
  if (noun === undefined || CAPITAL.test(speaker) && !/^(a|an|the)\s/iu.test(speaker)) return speakerKey(speaker);
  return noun.endsWith('s') && SOURCE_NOUNS.has(noun.slice(0, -1)) ? noun.slice(0, -1) : noun;
}

/** Whether two named things are one: the same key, or the same name spelled two ways. */
function sameNamed(a: Named, b: Named): boolean {
  if (a.key === b.key) return true;
  const lastA = a.text.split(/\s+/u).at(-1) ?? a.text;
  const lastB = b.text.split(/\s+/u).at(-1) ?? b.text;
  return isSpellingVariant(lastA, lastB);
}

const joined = (markers: readonly Marker[]): string | null => (markers.length === 0 ? null : markers.map((m) => m.text).join(', '));
const spans = (markers: readonly Marker[]): Span[] => markers.map((m) => m.span);

/** Clauses only one side has: substantive insertions or deletions of several content words. */
export function onlyOneSide(segments: readonly AlignedSegment[], side: 'page' | 'other'): Marker[] {
  const out: Marker[] = [];
  for (const s of segments) {
    if (!isSubstantive(s)) continue;
    const text = side === 'page' ? s.page : s.other;
    const theirs = side === 'page' ? s.other : s.page;
    if (theirs.trim() !== '' && s.op === 'replaced' && contentWordCount(theirs) > 1) continue;
    if (contentWordCount(text) >= CLAUSE_MIN_CONTENT_WORDS) out.push({ text, span: side === 'page' ? s.pageSpan : s.otherSpan });
  }
  return out;
}

/** The marker's text with the parts inside `covered` (spans of the same text) blanked out. */
function textOutside(marker: Marker, covered: readonly Span[]): string {
  let text = marker.text;
  for (const c of covered) {
    const from = Math.max(c.start, marker.span.start) - marker.span.start;
    const to = Math.min(c.end, marker.span.end) - marker.span.start;
    if (from < to) text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return text;
}

function contentWordCount(text: string): number {
  return tokenize(text).filter((t) => !isFunctionWord(t.norm) && /\p{L}/u.test(t.norm)).length;
}

// ── Negation, clause by clause ──────────────────────────────────────────────────────────────────

/**
 * Where a sentence breaks into clauses: punctuation that separates them and the conjunctions that
 * join two. Not a bare "and": it joins nouns as often as clauses ("between Russia and Ukraine"),
 * and ", and" is cut at the comma. Still too eager ("Rubio said"), so stretches too small to be
 * clauses are joined back (CLAUSE_MIN_TERMS).
 */
const CLAUSE_BREAK = /[,;:()]|\s[-–—]\s|[—–]|\b(?:but|while|whereas|although|though|yet)\b/giu;
/**
 * Content terms a stretch needs to stand as a clause of its own; smaller ones ("Rubio said", "the
 * US") join the clause before them. Two: a subject and its verb, or a verb and its object.
 */
export const CLAUSE_MIN_TERMS = 2;
/** The matcher's term for a negation (lib/match/terms.ts); a negation is not what pairs two clauses. */

/** A clause of a wording, with the terms that pair it with another wording's clause. */
interface ClauseRead {
  span: Span;
  terms: Set<string>;
  negations: Marker[];
}

/** The clauses of a claim's text, each with its content terms and its negations. */
export function clausesOf(claim: Claim): ClauseRead[] {
  const { text } = claim;
  const cuts = [0];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m !== null; m = CLAUSE_BREAK.exec(text)) cuts.push(m.index);
  cuts.push(text.length);
  const clauses: { start: number; end: number; terms: Set<string> }[] = [];
  let pending: number | null = null;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const start: number = pending ?? cuts[k]!;
    const end = cuts[k + 1]!;
    const terms = new Set(analyze(text.slice(start, end)).terms.map((t) => t.term).filter((t) => t !== NEGATION_TERM));
    if (terms.size >= CLAUSE_MIN_TERMS) {
      clauses.push({ start, end, terms });
      pending = null;
    } else if (clauses.length > 0) {
      // Too small to stand: it belongs to the clause before it.
      const last = clauses[clauses.length - 1]!;
      last.end = end;
      for (const t of terms) last.terms.add(t);
    } else pending = start;
  }
  if (pending !== null) {
    const terms = new Set(analyze(text.slice(pending)).terms.map((t) => t.term).filter((t) => t !== NEGATION_TERM));
    clauses.push({ start: pending, end: text.length, terms });
  }
  return clauses.map(({ start, end, terms }) => ({
    span: { start, end },
    terms,
    negations: claim.negations.filter((n) => n.span.start >= start && n.span.end <= end),
  }));
}

/**
 * Each clause of one wording paired with its counterpart in the other: greedily, by the content
 * terms they share (most first; on a tie, the nearer in relative position), each clause once. A
 * clause that shares no term with any has no counterpart. Cost: O(A·B·log(A·B)) in the clause
 * counts, which are a handful.
 */
function pairClauses(page: readonly ClauseRead[], other: readonly ClauseRead[]): [ClauseRead, ClauseRead][] {
  const where = (i: number, n: number) => (n === 1 ? 0.5 : i / (n - 1));
  const candidates: { i: number; j: number; shared: number; distance: number }[] = [];
  page.forEach((p, i) =>
    other.forEach((o, j) => {
      let shared = 0;
      for (const t of p.terms) if (o.terms.has(t)) shared++;
      if (shared > 0) candidates.push({ i, j, shared, distance: Math.abs(where(i, page.length) - where(j, other.length)) });
    }),
  );
  candidates.sort((x, y) => y.shared - x.shared || x.distance - y.distance);
  const usedPage = new Set<number>();
  const usedOther = new Set<number>();
  const pairs: [ClauseRead, ClauseRead][] = [];
  for (const { i, j } of candidates) {
    if (usedPage.has(i) || usedOther.has(j)) continue;
    usedPage.add(i);
    usedOther.add(j);
    pairs.push([page[i]!, other[j]!]);
  }
  return pairs;
}

/**
 * Where one wording negates what the other affirms, clause against its counterpart: "the US
 * would not stay, and Moscow said it will continue" against "the US would leave, and Moscow said
 * it will not continue" differs twice, though both sentences hold a negation; against "Moscow said
 * it will continue" it does not differ, though only one holds a negation. A clause without a
 * counterpart is the clause aspect's business. When no clause pairs with any, the sentences are
 * compared whole. Null when they do not differ.
 */
export function negationChange(page: Claim, other: Claim): { page: Marker[]; other: Marker[] } | null {
  const pairs = pairClauses(clausesOf(page), clausesOf(other));
  if (pairs.length === 0) {
    // Presence, not count: a sentence of two clauses may negate both, and "no progress" is "unless progress".
    return (page.negations.length > 0) !== (other.negations.length > 0) ? { page: page.negations, other: other.negations } : null;
  }
  const found = { page: [] as Marker[], other: [] as Marker[] };
  let differs = false;
  for (const [p, o] of pairs) {
    if ((p.negations.length > 0) === (o.negations.length > 0)) continue;
    differs = true;
    found.page.push(...p.negations.map((n) => withNextWord(page.text, n, p.span)));
    found.other.push(...o.negations.map((n) => withNextWord(other.text, n, o.span)));
  }
  return differs ? found : null;
}

/**
 * A negation with the word it negates ("not close"), within its clause: two clauses that each
 * negate something read "not close → not stay", not "not → not".
 */
function withNextWord(text: string, negation: Marker, clause: Span): Marker {
  const next = /^\s+([\p{L}\p{N}’'-]+)/u.exec(text.slice(negation.span.end, clause.end));
  if (next === null) return negation;
  const span = { start: negation.span.start, end: negation.span.end + next[0].length };
  return { text: text.slice(span.start, span.end), span };
}

// ── Names ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Whether a name one wording gives changes the claim: it is who acts in that wording, or who is
 * said to have said it. Any other name only one side gives ("in Paris", "Kremlin spokesman") is
 * detail.
 */
function namesWhoActsOrSpeaks(claim: Claim, name: Named): boolean {
  const actor = claim.actor?.span;
  if (actor !== undefined && actor.start < name.span.end && name.span.start < actor.end) return true;
  // The speaker by name, not a place that only qualifies an anonymous one ("officials in Kyiv").
  const { speaker } = claim.attribution;
  return speaker !== null && speakerKey(speaker) === speakerKey(name.text);
}

/**
 * The names two wordings do not share, and whether the difference is only detail (`quiet`): names
 * on one side only, none of which acts or speaks there. A name given in place of another
 * ("Kharkiv" / "Odesa") is a change of claim.
 */
export function nameChange(page: Claim, other: Claim, untold: (n: Named) => boolean = () => true): { pageOnly: Named[]; otherOnly: Named[]; quiet: boolean } | null {
  const pageOnly = page.names.filter((n) => !other.names.some((m) => sameNamed(n, m)) && untold(n));
  const otherOnly = other.names.filter((n) => !page.names.some((m) => sameNamed(n, m)) && untold(n));
  if (pageOnly.length === 0 && otherOnly.length === 0) return null;
  const replaced = pageOnly.length > 0 && otherOnly.length > 0;
  // Who acts or speaks in one wording, unless the other has the same actor or speaker in words the
  // name reading passed over ("US will…" opening a headline).
  const changesWho = (mine: Claim, theirs: Claim) => (n: Named) =>
    namesWhoActsOrSpeaks(mine, n) &&
    !(theirs.actor !== null && sameNamed(theirs.actor, n)) &&
    !(theirs.attribution.speaker !== null && speakerKey(theirs.attribution.speaker) === speakerKey(n.text));
  const acting = pageOnly.some(changesWho(page, other)) || otherOnly.some(changesWho(other, page));
  return { pageOnly, otherOnly, quiet: !replaced && !acting };
}

/**
 * The names two wordings do not share that no other aspect already tells: an actor told apart
 * (actor aspect) or a speaker told apart (attribution aspect) is not told again as a name.
 */
export function nameDifference(page: Claim, other: Claim): ReturnType<typeof nameChange> {
  const actorsDiffer = page.actor !== null && other.actor !== null && !sameNamed(page.actor, other.actor);
  const actors = actorsDiffer ? [page.actor!, other.actor!] : [];
  const speakersDiffer = attributionKey(page.attribution) !== attributionKey(other.attribution);
  const speakers = speakersDiffer ? [page.attribution.speaker, other.attribution.speaker].flatMap((s) => (s === null ? [] : [s])) : [];
  return nameChange(page, other, (n) => !actors.some((a) => sameNamed(a, n)) && !speakers.some((s) => speakerKey(s) === speakerKey(n.text)));
}

/**
 * How `other` changes the claim of `page`, loudest first (CLAIM_ASPECTS order). Pass the
 * alignment when it is at hand; it is made otherwise.
 */
export function claimDifferences(page: Claim, other: Claim, segments: readonly AlignedSegment[] = alignWording(page.text, other.text)): ClaimDifference[] {
  const out: ClaimDifference[] = [];
  const add = (aspect: ClaimAspect, p: readonly Marker[], o: readonly Marker[], quiet = false) =>
    out.push({ aspect, page: joined(p), other: joined(o), pageSpans: spans(p), otherSpans: spans(o), quiet });

  const negation = negationChange(page, other);
  if (negation !== null) add('negation', negation.page, negation.other);
  if (certaintyClass(page) !== certaintyClass(other)) {
    add('certainty', page.certainty === null ? [] : [page.certainty], other.certainty === null ? [] : [other.certainty]);
  }
  const horizons = (c: Claim) => [...new Set(c.time.map((t) => t.horizon))].sort().join('|');
  if (horizons(page) !== horizons(other)) add('time', page.time, other.time);
  if (page.actor !== null && other.actor !== null && !sameNamed(page.actor, other.actor)) add('actor', [page.actor], [other.actor]);
  const values = (c: Claim) => [...new Set(c.numbers.map((n) => n.value))].sort((x, y) => x - y).join('|');
  if (values(page) !== values(other)) add('number', page.numbers, other.numbers);
  if (attributionKey(page.attribution) !== attributionKey(other.attribution)) {
    const marker = (c: Claim): Marker[] =>
      c.attribution.mode === 'none' ? [] : [{ text: describeAttribution(c.attribution), span: c.attribution.span ?? { start: 0, end: 0 } }];
    add('attribution', marker(page), marker(other));
  }
  const names = nameDifference(page, other);
  if (names !== null) add('name', names.pageOnly, names.otherOnly, names.quiet);
  // What the other aspects already tell is no clause of its own ("President Donald Trump is prepared to").
  const toldSpans = out.flatMap((d) => [...d.pageSpans.map((s) => ({ side: 'page', s })), ...d.otherSpans.map((s) => ({ side: 'other', s }))]);
  const untold = (side: 'page' | 'other') => (m: Marker) =>
    contentWordCount(textOutside(m, toldSpans.filter((t) => t.side === side).map((t) => t.s))) >= CLAUSE_MIN_CONTENT_WORDS;
  const pageClauses = onlyOneSide(segments, 'page').filter(untold('page'));
  const otherClauses = onlyOneSide(segments, 'other').filter(untold('other'));
  if (pageClauses.length > 0 || otherClauses.length > 0) add('clause', pageClauses, otherClauses);
  return out.sort(louderFirst);
}

/**
 * The order differences are told in: every change of claim before any detail (a quiet name comes
 * after a clause only one side has), then by CLAIM_ASPECTS.
 */
export function louderFirst(x: { aspect: ClaimAspect; quiet: boolean }, y: { aspect: ClaimAspect; quiet: boolean }): number {
  return Number(x.quiet) - Number(y.quiet) || CLAIM_ASPECTS.indexOf(x.aspect) - CLAIM_ASPECTS.indexOf(y.aspect);
}

/** "quotes Rubio", "paraphrases a senior official", "no attribution". */
export function describeAttribution(a: Attribution): string {
  const who = a.speaker ?? 'someone unnamed';
  switch (a.mode) {
    case 'quote':
      return `quotes ${who}`;
    case 'partial':
      return `quotes ${who} in part`;
    case 'paraphrase':
      return `paraphrases ${who}`;
    case 'none':
      return 'no attribution';
  }
}

/** Aspects whose difference changes what is claimed; a clause only one side has may only add detail. */
export const MATTERING_ASPECTS: ReadonlySet<ClaimAspect> = new Set(['negation', 'certainty', 'time', 'actor', 'number', 'attribution', 'name']);

/**
 * Whether a difference changes the claim: one of MATTERING_ASPECTS and not `quiet`. For names:
 * one named in place of another ("Sumy" / "Kharkiv"), or a name only one side gives as who acts
 * or who speaks; a name only one side adds otherwise ("in Paris") is detail.
 */
export function matters(d: ClaimDifference): boolean {
  return MATTERING_ASPECTS.has(d.aspect) && !d.quiet;
}

/** A wording of another outlet, compared against the page's, with its differences. */
export interface ComparedWording {
  segments: AlignedSegment[];
  differences: ClaimDifference[];
  /**
   * For each segment, the loudest aspect whose wording it carries on either side, or null: what
   * the panel marks loudly.
   */
  loud: (ClaimAspect | null)[];
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Align two wordings and find how the second changes the first's claim. */
export function compareWordings(page: string, other: string, pageQuotes: readonly Quote[] | null = null, otherQuotes: readonly Quote[] | null = null): ComparedWording {
  const segments = alignWording(page, other);
  const differences = claimDifferences(readClaim(page, pageQuotes), readClaim(other, otherQuotes), segments);
  const loud = segments.map((s) => {
    if (s.op === 'equal' || s.quiet || s.sameMeaning !== null) return null;
    const hit = differences.find(
      // A clause only one side has is drawn as an insertion or deletion, not as a change of claim.
      (d) =>
        d.aspect !== 'clause' &&
        !d.quiet &&
        (d.pageSpans.some((x) => overlaps(x, s.pageSpan)) || d.otherSpans.some((x) => overlaps(x, s.otherSpan))),
    );
    return hit?.aspect ?? null;
  });
  return { segments, differences, loud };
}

/** "may → is prepared to", "within days → —", "adds “…”". */
export function describeDifference(d: ClaimDifference): string {
  if (d.aspect === 'clause') return d.other !== null ? `adds “${d.other}”` : `leaves out “${d.page}”`;
  return `${d.page ?? '—'} → ${d.other ?? '—'}`;
}

/**
 * The summary line under a wording: its changes of claim, loudest first ("Certainty: may → will ·
 * Time frame: within days → soon"), or what the wording keeps ("Same claim in other words").
 * `loudOnly` leaves out the quiet ones (a name only one side adds).
 */
export function describeComparison({ segments, differences }: Pick<ComparedWording, 'segments' | 'differences'>, loudOnly = false): string {
  const told = loudOnly ? differences.filter((d) => !d.quiet) : differences;
  if (told.length > 0) return told.map((d) => `${CLAIM_ASPECT_LABELS[d.aspect]}: ${describeDifference(d)}`).join(' · ');
  const changed = segments.filter((s) => s.op !== 'equal');
  if (changed.length === 0) return 'Same words';
  if (changed.every((s) => s.quiet)) return 'Same words; only punctuation, case or spelling differs';
  return 'Same claim in other words';
}

// ── How a page sentence stands among the outlets ────────────────────────────────────────────────

/**
 * How the page's wording of a point stands against every other outlet's (WordingContrast), for
 * the highlight on the page: `distinct` when each other outlet changes the claim
 * (MATTERING_ASPECTS), `alike` when no other outlet makes a substantive change.
 */
export function wordingContrast(
  page: { text: string; quotes: readonly Quote[] | null },
  others: readonly { text: string; quotes: readonly Quote[] | null }[],
): WordingContrast {
  if (others.length === 0) return 'mixed';
  const pageClaim = readClaim(page.text, page.quotes);
  let alike = true;
  let distinct = true;
  for (const other of others) {
    const segments = alignWording(page.text, other.text);
    if (segments.some(isSubstantive)) alike = false;
    const differences = claimDifferences(pageClaim, readClaim(other.text, other.quotes), segments);
    if (!differences.some(matters)) distinct = false;
    if (!alike && !distinct) return 'mixed';
  }
  return alike ? 'alike' : distinct ? 'distinct' : 'mixed';
}

/**
 * The page's matched sentences with their `contrast` set. `pageQuotes` are the page's quotes by
 * sentence index (TabScan.pageQuotes); `corpusQuotes` the quotes of corpus sentences by id (a
 * sentence missing there has none).
 */
export function withContrast(
  sentences: readonly SentenceResult[],
  pageQuotes: Readonly<Record<number, readonly Quote[]>>,
  corpusQuotes: ReadonlyMap<string, readonly Quote[]>,
): SentenceResult[] {
  return sentences.map((s) => {
    const quotes = pageQuotes[s.index] ?? null;
    // A dynamic page is matched again as a whole on every step of its session: its sentences that
    // were contrasted before are looked up, not aligned again.
    const key = [s.text, JSON.stringify(quotes), ...s.matches.map((m) => m.sentenceId)].join('\u0000');
    let contrast = contrastCache.get(key);
    if (contrast === undefined) {
      contrast = wordingContrast(
        { text: s.text, quotes },
        s.matches.map((m) => ({ text: m.text, quotes: corpusQuotes.get(m.sentenceId) ?? [] })),
      );
      if (contrastCache.size >= CONTRAST_CACHE_SIZE) contrastCache.clear();
      contrastCache.set(key, contrast);
    }
    return { ...s, contrast };
  });
}

/**
 * Contrasts remembered, by page sentence, its quotes and the corpus sentences it matched: a few
 * pages' worth (a long live blog has some hundreds of matched sentences), bounded so the
 * background does not grow without end. Aligning and reading one pair costs about a millisecond.
 */
const CONTRAST_CACHE_SIZE = 2_000;
const contrastCache = new Map<string, WordingContrast>();
