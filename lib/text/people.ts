/**
 * Named people in news text: who "Rubio", "Secretary of State Marco Rubio" and "he" are.
 *
 * Quote attribution needs to know which capitalized words name a person. Parallax has no name
 * dictionary (it must work on any story), so it trusts what news style makes explicit: a name right
 * after a title ("Kremlin spokesman Dmitry Peskov", "President Trump") or right before a verb of
 * saying ("Rubio said") names a person. Once an article has named "Marco Rubio" that way, a bare
 * "Rubio" anywhere else is the same person, and is reported by the fullest name the article uses.
 */

/** A word of running text, with its offsets. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

// Words of running text: letters or digits, with inner apostrophes, periods and hyphens ("O’Brien",
// "J.D.", "Jean-Yves"). A final period is kept only on initials and abbreviations (see `words`).
// Soft hyphens and zero-width characters inside a word are part of it, and left out of its text
// ("Rub\u00ADio" is "Rubio"), as normalize.ts reads words.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}’'.\-\u00AD\u200B-\u200D\u2060\uFEFF]*/gu;
const INVISIBLE_IN_WORD = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
const INITIALS = /^(?:\p{L}\.)+$/u;
const POSSESSIVE = /[’']s?$/u;

/** The words of `text` between `from` and `to`, offsets into `text`. */
export function words(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null && m.index < to; m = WORD.exec(text)) {
    let w = m[0];
    if (m.index + w.length > to) w = w.slice(0, to - m.index);
    // "said." → "said"; "J.D." and "Mr." keep their period; "we’re’" → "we’re".
    while (w.length > 1 && /[.’'\-\u00AD\u200B-\u200D\u2060\uFEFF]$/u.test(w) && !INITIALS.test(w) && !TITLE_ABBREVIATIONS.has(w)) {
      w = w.slice(0, -1);
    }
    out.push({ text: w.replace(INVISIBLE_IN_WORD, ''), start: m.index, end: m.index + w.length });
  }
  return out;
}

/** Verbs that introduce or follow a quotation ("Rubio said", "said Rubio", "Rubio described … as “…”"). */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'added', 'adds', 'adding', 'stated', 'states',
  'stating', 'continued', 'continues', 'noted', 'notes', 'noting', 'warned', 'warns', 'warning', 'explained',
  'explains', 'insisted', 'insists', 'argued', 'argues', 'claimed', 'claims', 'asked', 'asks', 'replied',
  'replies', 'wrote', 'writes', 'writing', 'declared', 'declares', 'emphasized', 'emphasised', 'emphasizes',
  'emphasises', 'stressed', 'stresses', 'concluded', 'remarked', 'acknowledged', 'acknowledges', 'admitted',
  'admits', 'recalled', 'predicted', 'suggested', 'suggests', 'responded', 'announced', 'announces', 'posted',
  'tweeted', 'observed', 'maintained', 'maintains', 'urged', 'urges', 'vowed', 'vows', 'promised',
  'cautioned', 'countered', 'quipped', 'conceded', 'confirmed', 'reiterated', 'reiterates', 'described',
  'describes', 'describing', 'called', 'calls', 'calling', 'labeled', 'labelled', 'characterized',
  'characterised', 'dubbed', 'branded', 'termed', 'insisting', 'arguing', 'declaring', 'announcing',
  'mused', 'joked', 'shouted', 'whispered', 'recounted', 'pledged', 'assured', 'informed', 'spoke', 'speaks',
]);

/** Words that may stand between a subject and its verb ("Peskov has maintained", "Rubio also noted"). */
const BETWEEN_SUBJECT_AND_VERB = new Set([
  'has', 'had', 'have', 'was', 'is', 'were', 'are', 'also', 'then', 'later', 'again', 'previously', 'earlier',
  'once', 'first', 'just', 'would', 'will', 'may', 'might', 'could', 'did', 'does', 'do', 'having', 'been',
  'had', 'reportedly', 'repeatedly', 'since', 'already', 'often', 'never', 'even', 'still',
]);
const ADVERB = /^\p{Ll}+ly$/u;
// "Peskov has also repeatedly maintained": past three such words the verb belongs to another clause.
const MAX_WORDS_BETWEEN_SUBJECT_AND_VERB = 3;

/**
 * Title words: a capitalized name after the last of these is the person ("Vice President JD Vance",
 * "Secretary of State Marco Rubio", "Kremlin spokesman Dmitry Peskov").
 */
const TITLES = new Set([
  'president', 'vice', 'secretary', 'state', 'minister', 'prime', 'foreign', 'senator', 'sen.', 'rep.', 'gov.',
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'gen.', 'lt.', 'col.', 'capt.', 'sgt.', 'adm.', 'general', 'chancellor',
  'ambassador', 'spokesman', 'spokesperson', 'spokeswoman', 'envoy', 'chief', 'director', 'mayor', 'judge',
  'justice', 'speaker', 'leader', 'chairman', 'chairwoman', 'chair', 'commissioner', 'king', 'queen', 'prince',
  'princess', 'pope', 'premier', 'governor', 'representative', 'congressman', 'congresswoman', 'attorney',
  'treasury', 'defense', 'defence', 'interior', 'homeland', 'adviser', 'advisor', 'press', 'secretary-general',
  'official', 'aide', 'negotiator', 'diplomat', 'lawmaker', 'senior', 'deputy', 'former', 'acting', 'top',
  'counterpart', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lord', 'lady', 'sir', 'dame',
  'emir', 'sheikh', 'crown', 'field', 'marshal', 'colonel', 'captain', 'sergeant', 'admiral', 'lieutenant',
]);
const TITLE_ABBREVIATIONS = new Set([
  'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Gen.', 'Sen.', 'Rep.', 'Gov.', 'Lt.', 'Col.', 'Capt.', 'Sgt.', 'Adm.',
  'St.', 'Jr.', 'Sr.',
]);
/** Lowercase words that may sit inside a name ("Ludwig van Beethoven", "Charles de Gaulle"). */
const NAME_PARTICLES = new Set(['de', 'da', 'van', 'von', 'bin', 'al', 'la', 'le', 'du', 'der', 'del', 'den', 'ter', 'ibn']);
/** Capitalized words that open sentences or clauses and are never part of a name. */
const NOT_NAME_WORDS = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You', 'His',
  'Her', 'Their', 'Our', 'My', 'Your', 'There', 'Here', 'But', 'And', 'Or', 'So', 'Yet', 'Still', 'If', 'When',
  'While', 'Although', 'Though', 'As', 'After', 'Before', 'Since', 'Because', 'However', 'Meanwhile', 'Despite',
  'In', 'On', 'At', 'For', 'From', 'With', 'Without', 'By', 'To', 'Of', 'Under', 'Over', 'During', 'Speaking',
  'According', 'Also', 'Then', 'Now', 'Remarkably', 'Nevertheless', 'Yet', 'Asked', 'Behind', 'Beyond', 'Among',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March',
  'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Adding', 'Like',
]);
/** Words that make a capitalized run an organization or a place, not a person. */
const INSTITUTION_WORDS = new Set([
  'House', 'States', 'State', 'Union', 'Kingdom', 'Nations', 'News', 'Ministry', 'Office', 'Department',
  'Administration', 'Government', 'Council', 'Commission', 'Party', 'Committee', 'Agency', 'Court', 'Congress',
  'Senate', 'Parliament', 'Army', 'Forces', 'Bank', 'Fund', 'Times', 'Post', 'Journal', 'Press', 'Reuters',
  'Kremlin', 'Pentagon', 'University', 'Institute', 'Center', 'Centre', 'Foundation', 'Group', 'Company',
  'Corp', 'Inc', 'Street', 'City', 'Republic', 'Federation', 'Organization', 'Organisation', 'Alliance', 'NATO',
  'Media', 'Network', 'Service', 'Services', 'Police', 'Guard', 'Assembly', 'Cabinet', 'Embassy', 'Affairs',
]);
/** Prepositions that put a bare capitalized word in a place ("in Washington"), so "Washington said" is not a person. */
const PLACE_PREPOSITIONS = new Set([
  'in', 'into', 'across', 'throughout', 'inside', 'within', 'near', 'of', 'against', 'toward', 'towards', 'from',
]);
// Sentences end with terminal punctuation; lines without it are headings, captions and credits,
// whose Title Case Words Look Like Names ("Senator Rubio Issues Warning").
const TERMINATED_LINE = /[.!?…]["'”’)\]]*\s*$/u;

const CAPITALIZED = /^\p{Lu}/u;

function isCapitalized(w: string): boolean {
  return CAPITALIZED.test(w);
}

export function isTitle(w: string): boolean {
  return TITLES.has(w.toLowerCase());
}

export function isSpeechVerb(w: string): boolean {
  return SPEECH_VERBS.has(w.toLowerCase());
}

export function endsPossessive(w: string): boolean {
  return w.length > 2 && POSSESSIVE.test(w);
}

export function stripPossessive(w: string): string {
  return w.length > 2 && POSSESSIVE.test(w) ? w.replace(POSSESSIVE, '') : w;
}

/** Whether only spaces separate two words (no comma, dash or quotation mark between them). */
export function adjacent(text: string, a: Word, b: Word): boolean {
  return /^\s+$/u.test(text.slice(a.end, b.start));
}

/**
 * The name inside a capitalized run of words: what follows the last title word, with possessives
 * and clause-opening words removed. "U.S. Vice President J.D. Vance" → "J.D. Vance".
 */
export function nameFromRun(run: readonly Word[]): { name: string; titled: boolean } | null {
  let from = 0;
  let titled = false;
  run.forEach((w, i) => {
    if (isTitle(w.text)) {
      from = i + 1;
      titled = true;
    }
  });
  let rest = run.slice(from);
  while (rest.length > 0 && (NOT_NAME_WORDS.has(rest[0]!.text) || NAME_PARTICLES.has(rest[0]!.text))) rest = rest.slice(1);
  if (rest.length === 0) return null;
  // "U.S." before a title is stripped with the title; on its own it is not a name.
  if (rest.length === 1 && (INITIALS.test(rest[0]!.text) || /^\p{Lu}+$/u.test(rest[0]!.text))) return null;
  if (rest.some((w) => INSTITUTION_WORDS.has(stripPossessive(w.text)))) return null;
  const parts = rest.map((w) => w.text);
  parts[parts.length - 1] = stripPossessive(parts[parts.length - 1]!);
  return { name: parts.join(' '), titled };
}

/**
 * The capitalized run ending at `words[last]` (name words, initials and particles joined by spaces),
 * and whether a lowercase title word stands right before it ("spokesman Dmitry Peskov").
 */
export function runEndingAt(text: string, ws: readonly Word[], last: number): { run: Word[]; titledBefore: boolean } {
  let first = last;
  while (first > 0) {
    const prev = ws[first - 1]!;
    if (!adjacent(text, prev, ws[first]!)) break;
    if (endsPossessive(prev.text)) break;
    if (isCapitalized(prev.text) || (NAME_PARTICLES.has(prev.text) && first - 2 >= 0 && isCapitalized(ws[first - 2]!.text))) {
      first--;
      continue;
    }
    break;
  }
  const before = ws[first - 1];
  const titledBefore = before !== undefined && adjacent(text, before, ws[first]!) && isTitle(before.text);
  return { run: ws.slice(first, last + 1), titledBefore };
}

/**
 * The index of the subject's last word before `verb`, once auxiliaries and adverbs are skipped
 * ("Peskov has also maintained"); -1 when punctuation separates the verb from what precedes it
 * (", saying …": a participle with no subject of its own).
 */
export function subjectEndBefore(text: string, ws: readonly Word[], verb: number): number {
  let i = verb - 1;
  let skipped = 0;
  while (i >= 0 && adjacent(text, ws[i]!, ws[i + 1]!)) {
    const w = ws[i]!.text;
    if (skipped >= MAX_WORDS_BETWEEN_SUBJECT_AND_VERB || !(BETWEEN_SUBJECT_AND_VERB.has(w.toLowerCase()) || ADVERB.test(w))) return i;
    i--;
    skipped++;
  }
  return -1;
}

/** A name occurrence in a text. */
export interface Mention {
  /** The fullest name the article uses for the person. */
  name: string;
  start: number;
  end: number;
}

/** The people an article names, keyed by surname, each with the fullest name it uses for them. */
export class PeopleIndex {
  private readonly bySurname = new Map<string, string>();

  /** Learn the people `text` names explicitly (after a title, or as the subject of a verb of saying). */
  static fromText(text: string): PeopleIndex {
    const index = new PeopleIndex();
    const places = new Set<string>();
    const all = words(text);
    all.forEach((w, i) => {
      const prev = all[i - 1];
      if (prev && PLACE_PREPOSITIONS.has(prev.text) && isCapitalized(w.text)) places.add(stripPossessive(w.text));
    });
    for (const line of text.split(/\r\n|[\n\r\u2028\u2029]/u)) {
      if (TERMINATED_LINE.test(line)) index.learn(line, places);
    }
    return index;
  }

  private learn(text: string, places: ReadonlySet<string>): void {
    const ws = words(text);
    ws.forEach((w, i) => {
      if (!isCapitalized(w.text)) return;
      const next = ws[i + 1];
      // Only whole runs: the run ends where the next word is not part of it.
      if (next && adjacent(text, w, next) && isCapitalized(next.text) && !endsPossessive(w.text)) return;
      const { run, titledBefore } = runEndingAt(text, ws, i);
      const found = nameFromRun(run);
      if (!found) return;
      const verbIndex = findVerbAfter(text, ws, i);
      const speaks = verbIndex !== null;
      const titled = found.titled || titledBefore;
      if (!titled && !speaks) return;
      const single = !found.name.includes(' ');
      // "Washington said" names a government, not a person: bare words the text also uses as places.
      if (single && !titled && places.has(found.name)) return;
      this.add(found.name);
    });
  }

  add(name: string): void {
    const surname = surnameOf(name);
    const known = this.bySurname.get(surname);
    if (known === undefined || name.split(' ').length > known.split(' ').length) this.bySurname.set(surname, name);
  }

  /** Every person named, by the fullest name used. */
  names(): string[] {
    return [...this.bySurname.values()];
  }

  /** The fullest known name for `name` ("Rubio" → "Marco Rubio"), or null when the person is unknown. */
  resolve(name: string): string | null {
    return this.bySurname.get(surnameOf(name)) ?? null;
  }

  /** The known people named in `text` between `from` and `to`, in order. */
  mentions(text: string, from = 0, to = text.length): Mention[] {
    const out: Mention[] = [];
    const ws = words(text, from, to);
    for (const w of ws) {
      if (!isCapitalized(w.text)) continue;
      const name = this.bySurname.get(stripPossessive(w.text));
      if (name !== undefined) out.push({ name, start: w.start, end: w.end });
    }
    return out;
  }
}

function surnameOf(name: string): string {
  const parts = name.split(' ');
  return stripPossessive(parts[parts.length - 1] ?? name);
}

/** The index of a verb of saying right after word `i` (auxiliaries and adverbs allowed between). */
function findVerbAfter(text: string, ws: readonly Word[], i: number): number | null {
  let j = i + 1;
  let skipped = 0;
  while (j < ws.length && adjacent(text, ws[j - 1]!, ws[j]!)) {
    const w = ws[j]!.text;
    if (isSpeechVerb(w)) return j;
    if (skipped < MAX_WORDS_BETWEEN_SUBJECT_AND_VERB && (BETWEEN_SUBJECT_AND_VERB.has(w.toLowerCase()) || ADVERB.test(w))) {
      j++;
      skipped++;
      continue;
    }
    return null;
  }
  return null;
}
