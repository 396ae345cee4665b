/**
 * The matcher's index in a form that can be stored (IndexedDB, or the bundle) and loaded without
 * analyzing any text: a table of the corpus's terms and one of its words, and flat typed arrays for
 * the postings, the weights and each sentence's analysis (its words, its terms with their positions
 * and name flags, its echo).
 *
 * Loading lays the postings and weights out as the index keeps them (one pass over the arrays) and
 * wraps each target so that its analysis is decoded when the matcher first reads it: a page reads
 * the analyses of its candidates only, so a large corpus's index costs on wake the time of its
 * arrays, not of its sentences. A decoded target is derived from the stored analysis by the same
 * functions the build uses (firstPositions, agentsOf), so it is the built target.
 *
 * A stored index is only ever used for the corpus and parameters it was built from: `fingerprint`
 * hashes both (with INDEX_FORMAT), `loadIndex` checks it, the targets' sentence ids, and re-analyzes
 * a few sentences to compare with what is stored (an update of the analyzer that changed what a
 * sentence becomes makes the stored form stale without changing the corpus). Whatever fails throws
 * a StaleIndexError, and the caller builds the index from the corpus instead.
 */
import type { Sentence } from '../types';
import { agentsOf, CorpusIndex, firstPositions, settingTerms, type IndexParts, type IndexSource, type Query, type Target } from './corpus-index';
import * as lexicon from './lexicon';
import type { MatchParams } from './params';
import { scoreCeiling } from './similarity';
import { analyze, type AnalyzedText, type Term } from './terms';

/**
 * Changes whenever the layout below does, or what the analyzer makes of a word without a change of
 * parameters (a lexicon family grown: a reader's article stored before may hold the word's old
 * term, and the spot checks read only a few sentences): a stored index of another format is rebuilt.
 * 3: "died", "hurt", "fatal", "lethal" joined the families of killing and wounding.
 */
export const INDEX_FORMAT = 3;

/** Sentences re-analyzed on load to check that the analyzer still gives what is stored. */
const SPOT_CHECKS = 8;

/**
 * The stored form: plain data of strings, numbers and typed arrays, which the structured clone
 * (IndexedDB, postMessage) copies as it is. Index arrays ("…Start") give each item's slice of the
 * flat array after them: item i is [start[i], start[i + 1]).
 */
export interface StoredIndex {
  format: number;
  /** indexFingerprint of the corpus and parameters it was built from. */
  fingerprint: string;
  /** The targets' sentence ids, in target order. */
  sentenceIds: string[];
  /** Every term of the corpus, in the postings' order (the order of first appearance). */
  terms: string[];
  /** Each term's rarity weight. */
  termWeights: Float64Array;
  /** Indices into `terms` of the terms that are names in the corpus. */
  nameTerms: Int32Array;
  postingStart: Int32Array;
  postingTargets: IndexArray;
  /** Terms with echo postings (indices into `terms`), in their order. */
  echoTerms: Int32Array;
  echoPostingStart: Int32Array;
  echoPostingTargets: IndexArray;
  /** The corpus's words, in order of first appearance. */
  words: string[];
  /** Indices into `words` of the corpus's names. */
  nameWords: Int32Array;
  /** Stems of `words`: those that are terms (indices into `terms`), and the others. */
  wordStemTerms: IndexArray;
  wordStemsOther: string[];
  targetWeights: Float64Array;
  /** Each target's analysis: its words (indices into `words`)… */
  wordStart: Int32Array;
  wordIds: IndexArray;
  /**
   * …its terms (indices into `terms`), their positions and flags: a name (1), in the sentence's
   * opening setting clause (2)…
   */
  termStart: Int32Array;
  termIds: IndexArray;
  termPos: IndexArray;
  termName: Uint8Array;
  /** …and the words that open its clauses (AnalyzedText.breaks). */
  breakStart: Int32Array;
  breakWords: IndexArray;
  /** Each target's echo: terms (indices into `terms`) with their discounted weights. */
  echoStart: Int32Array;
  echoTermIds: IndexArray;
  echoWeights: Float64Array;
}

/**
 * Indices and positions: 16 bits each when every value fits (a corpus of fewer than 65,536 terms,
 * words and sentences: 100× the seeds has some 30,000 of each), else 32. Half the memory of the
 * stored form's largest arrays.
 */
export type IndexArray = Int32Array | Uint16Array;

function compact(values: readonly number[]): IndexArray {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max <= 0xffff && values.every((v) => v >= 0) ? Uint16Array.from(values) : Int32Array.from(values);
}

/** A stored index that does not fit the corpus, the parameters or this version of the code. */
export class StaleIndexError extends Error {
  override name = 'StaleIndexError';
}

/**
 * What a stored index is keyed by: the index format, the parameters, and the corpus as the index
 * sees it: its version when it has one, its article sentences in order (each by its id, its
 * length and its first and last words) and its points' members. A sentence's text is not hashed
 * whole, which on wake would cost more than the rest of the load (3 MB at 100×): an article's text
 * never changes under its id (the reader's articles are added and removed, never edited; the
 * bundled corpus's version hashes its whole text), and whatever else changes a sentence is caught
 * by its length, its ends, or the spot check of `loadIndex`. Linear in the number of sentences.
 */
export function indexFingerprint(corpus: IndexSource & { version?: string }, params: MatchParams): string {
  const hash = new TextHash();
  hash.add(`format ${INDEX_FORMAT} ${corpus.version ?? ''}`);
  // The lexicon decides every term: an index stored before a lexicon edit is stale even where
  // the spot checks read sentences the edit does not touch.
  hash.add(lexiconText());
  for (const key of Object.keys(params).sort()) hash.add(`${key}=${String(params[key as keyof MatchParams])}`);
  for (const s of corpus.sentences) {
    if (s.role === 'furniture') continue;
    const text = s.text;
    hash.add(s.id);
    hash.add(text, 0, FINGERPRINT_ENDS);
    hash.add(text, text.length - FINGERPRINT_ENDS);
    hash.addNumber(text.length);
  }
  for (const point of corpus.points ?? []) hash.add(point.sentenceIds.join(' '));
  return hash.digest();
}

let lexiconWords: string | null = null;

/** The whole lexicon (lib/match/lexicon.ts) as text, for the fingerprint; made once. */
function lexiconText(): string {
  lexiconWords ??= JSON.stringify(
    Object.entries(lexicon)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, value]) => [name, value instanceof Set ? [...value] : value instanceof RegExp ? value.source : value]),
  );
  return lexiconWords;
}

/** Characters of each end of a sentence that its fingerprint reads (see indexFingerprint). */
const FINGERPRINT_ENDS = 12;

/** The stored form of `index`, built from `corpus` with `params`. */
export function serializeIndex(index: CorpusIndex, corpus: IndexSource, params: MatchParams): StoredIndex {
  const steps = serializationSteps(index, corpus, params);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * `serializeIndex` in slices: the same steps, with a pause (`pause`, a macrotask by default) once
 * `sliceMs` have passed since the last, so that a service worker storing a rebuilt index (some 200 ms
 * at 100x the seeds) keeps answering pages meanwhile. The index must not change until it settles
 * (a built index never does).
 */
export async function serializeIndexInSlices(
  index: CorpusIndex,
  corpus: IndexSource,
  params: MatchParams,
  sliceMs = SERIALIZE_SLICE_MS,
  pause: () => Promise<void> = nextTask,
): Promise<StoredIndex> {
  const steps = serializationSteps(index, corpus, params);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/** A slice of serialization: about a frame, well short of the 50 ms of a long task. */
const SERIALIZE_SLICE_MS = 12;
/** Targets (or terms) serialized between two chances to pause. */
const SERIALIZE_STEP_ITEMS = 512;

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The work of serializeIndex as a generator that yields (nothing) between steps of at most
 * SERIALIZE_STEP_ITEMS items, and returns the stored form.
 */
function* serializationSteps(index: CorpusIndex, corpus: IndexSource, params: MatchParams): Generator<void, StoredIndex, void> {
  const parts = index.parts();
  const terms = [...parts.postings.keys()];
  const termId = new Map(terms.map((t, i) => [t, i]));
  const idOfTerm = (t: string): number => {
    const id = termId.get(t);
    if (id === undefined) throw new Error(`the index holds a term without postings: ${t}`);
    return id;
  };
  yield;
  const words = [...parts.words];
  const wordId = new Map(words.map((w, i) => [w, i]));
  const idOfWord = (w: string): number => {
    const id = wordId.get(w);
    if (id === undefined) throw new Error(`the index holds a word outside its vocabulary: ${w}`);
    return id;
  };
  yield;
  const [postingStart, postingTargets] = yield* flattenInSteps([...parts.postings.values()], (list) => list);
  const echoTerms = Int32Array.from(parts.echoPostings.keys(), idOfTerm);
  const [echoPostingStart, echoPostingTargets] = yield* flattenInSteps([...parts.echoPostings.values()], (list) => list);
  const targets = parts.targets;
  const analyses = targets.map((t) => t.analysis);
  const [wordStart, wordIds] = yield* flattenInSteps(analyses, (a) => a.words.map(idOfWord));
  const [termStart, termIds] = yield* flattenInSteps(analyses, (a) => a.terms.map((t) => idOfTerm(t.term)));
  const termPos = compact((yield* listsInSteps(analyses, (a) => a.terms.map((t) => t.pos))).flat);
  yield;
  const termName = Uint8Array.from((yield* listsInSteps(analyses, (a) => a.terms.map((t) => (t.name ? NAME_FLAG : 0) | (t.setting === true ? SETTING_FLAG : 0)))).flat);
  yield;
  const [breakStart, breakWords] = yield* flattenInSteps(analyses, (a) => a.breaks);
  const [echoStart, echoTermIds] = yield* flattenInSteps(targets, (t) => [...t.echo.keys()].map(idOfTerm));
  const echoWeights = Float64Array.from((yield* listsInSteps(targets, (t) => [...t.echo.values()])).flat);
  yield;
  const fingerprint = indexFingerprint(corpus, params);
  yield;
  const termWeights = new Float64Array(terms.length);
  for (let i = 0; i < terms.length; i++) {
    termWeights[i] = parts.weights.get(terms[i]!) ?? 0;
    if (i % SERIALIZE_STEP_ITEMS === SERIALIZE_STEP_ITEMS - 1) yield;
  }
  const wordStemTerms = compact([...parts.wordStems].filter((s) => termId.has(s)).map(idOfTerm));
  yield;
  const wordStemsOther = [...parts.wordStems].filter((s) => !termId.has(s));
  yield;
  return {
    format: INDEX_FORMAT,
    fingerprint,
    sentenceIds: targets.map((t) => t.sentence.id),
    terms,
    termWeights,
    nameTerms: Int32Array.from(parts.nameTerms, idOfTerm),
    postingStart,
    postingTargets,
    echoTerms,
    echoPostingStart,
    echoPostingTargets,
    words,
    nameWords: Int32Array.from(parts.nameWords, idOfWord),
    wordStemTerms,
    wordStemsOther,
    targetWeights: Float64Array.from(targets, (t) => t.weight),
    wordStart,
    wordIds,
    termStart,
    termIds,
    termPos,
    termName,
    breakStart,
    breakWords,
    echoStart,
    echoTermIds,
    echoWeights,
  };
}

/**
 * The index `stored` holds, for `corpus` (which must be the corpus it was built from, in the same
 * order) and `params`. Throws a StaleIndexError when it is not, or when the data is damaged.
 * Cost: linear in the stored arrays; no text is analyzed but SPOT_CHECKS sentences.
 */
export function loadIndex(stored: unknown, corpus: IndexSource, params: MatchParams): CorpusIndex {
  const data = checkShape(stored);
  if (data.fingerprint !== indexFingerprint(corpus, params)) throw new StaleIndexError('the stored index was built for another corpus or other parameters');
  const sentences = corpus.sentences.filter((s) => s.role !== 'furniture');
  const n = sentences.length;
  if (data.sentenceIds.length !== n || sentences.some((s, i) => s.id !== data.sentenceIds[i])) {
    throw new StaleIndexError('the stored index lists other sentences than the corpus');
  }
  const { terms, words } = data;
  const postings = unflatten(terms, data.postingStart, data.postingTargets, n);
  const echoPostings = unflatten(Array.from(data.echoTerms, (i) => termAt(terms, i)), data.echoPostingStart, data.echoPostingTargets, n);
  // Term → its id, and through it its weight in the stored array: one map of every term, which the
  // bound below needs too (where a map of weights would be a second one).
  const termIds = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) termIds.set(terms[i]!, i);
  const termWeights = data.termWeights;
  const weights = {
    get: (term: string): number | undefined => {
      const id = termIds.get(term);
      return id === undefined ? undefined : termWeights[id];
    },
  };
  const nameWords = new Set(Array.from(data.nameWords, (i) => wordAt(words, i)));
  const decoder = new TargetDecoder(data, params, termIds);
  const targets = sentences.map((sentence, i): StoredTarget => new StoredTarget(sentence, data.targetWeights[i]!, i, decoder));
  const parts: IndexParts = {
    targets,
    postings,
    weights,
    bound: (query, i) => decoder.scoreBound(query, targets[i]!, i),
    nameTerms: new Set(Array.from(data.nameTerms, (i) => termAt(terms, i))),
    echoPostings,
    words: new Set(words),
    nameWords,
    wordStems: new Set([...Array.from(data.wordStemTerms, (i) => termAt(terms, i)), ...data.wordStemsOther]),
  };
  spotCheck(targets, nameWords);
  return new CorpusIndex(parts, params);
}

/**
 * Re-analyzes SPOT_CHECKS targets spread over the corpus and compares with what is stored: catches
 * an analyzer that changed under an unchanged corpus, and most damage the checks of shape miss.
 */
function spotCheck(targets: readonly Target[], nameWords: ReadonlySet<string>): void {
  const resolver = { resolve: (w: string) => w, isName: (w: string) => nameWords.has(w) };
  const step = Math.max(1, Math.floor(targets.length / SPOT_CHECKS));
  for (let i = 0; i < targets.length; i += step) {
    const target = targets[i]!;
    const fresh = analyze(target.sentence.text, resolver);
    if (!sameAnalysis(fresh, target.analysis)) throw new StaleIndexError(`sentence ${target.sentence.id} no longer analyzes as stored`);
  }
}

function sameAnalysis(a: AnalyzedText, b: AnalyzedText): boolean {
  return (
    a.words.length === b.words.length &&
    a.words.every((w, i) => w === b.words[i]) &&
    a.terms.length === b.terms.length &&
    a.terms.every((t, i) => t.term === b.terms[i]?.term && t.pos === b.terms[i]?.pos && t.name === b.terms[i]?.name && t.setting === b.terms[i]?.setting) &&
    a.breaks.length === b.breaks.length &&
    a.breaks.every((w, i) => w === b.breaks[i])
  );
}

/**
 * Decoded targets kept at once. A page sentence reads a few hundred targets at most (the candidate
 * search's postings budget, then the candidates it scores), and pages repeat each other's
 * candidates; keeping every target ever read would, over a long page against a large corpus, grow
 * back to the memory of a built index (53 MB at 100× after the benchmark's two pages).
 */
const DECODED_TARGETS_KEPT = 4096;

/** The parts of the stored form a target is decoded from (the rest is not kept once loaded). */
type TargetArrays = Pick<
  StoredIndex,
  | 'terms' | 'words' | 'wordStart' | 'wordIds' | 'termStart' | 'termIds' | 'termPos' | 'termName' | 'breakStart' | 'breakWords'
  | 'echoStart' | 'echoTermIds' | 'echoWeights'
>;

/**
 * Decodes a stored target's analysis and echo into the Target the build would have made, and
 * keeps the last DECODED_TARGETS_KEPT decoded (a ring: the oldest is dropped, and decoded again if
 * read again).
 */
class TargetDecoder {
  private readonly arrays: TargetArrays;
  private readonly kept: (StoredTarget | undefined)[] = [];
  private next = 0;
  /** The last query the bound was asked about, and its terms' ids (−1: not a corpus term), in its order. */
  private boundQuery: Query | null = null;
  private boundQueryIds = new Int32Array(0);

  constructor(
    data: StoredIndex,
    private readonly params: MatchParams,
    private readonly termIdOf: ReadonlyMap<string, number>,
  ) {
    const { terms, words, wordStart, wordIds, termStart, termIds, termPos, termName, breakStart, breakWords, echoStart, echoTermIds, echoWeights } = data;
    this.arrays = { terms, words, wordStart, wordIds, termStart, termIds, termPos, termName, breakStart, breakWords, echoStart, echoTermIds, echoWeights };
  }

  /**
   * similarity.ts's scoreBound for stored target i, read from the stored arrays instead of the
   * decoded target's maps: the same terms found the same way (a term is among the target's terms,
   * else among its echo's), summed in the same order, so the same value. Most candidates a page
   * sentence finds stop at this bound; reading them here decodes only those scored in full, so a
   * long page against a large corpus neither decodes every candidate nor pushes the ones it
   * scores out of the kept ones (tests/lib/match/fast-path.test.ts pins the two bounds together).
   * Cost: the query's terms × the target's terms, small integers compared.
   */
  scoreBound(query: Query, target: StoredTarget, i: number): number {
    if (this.boundQuery !== query) {
      this.boundQuery = query;
      this.boundQueryIds = Int32Array.from(query.weights.keys(), (term) => this.termIdOf.get(term) ?? -1);
    }
    const ids = this.boundQueryIds;
    const { termStart, termIds, echoStart, echoTermIds } = this.arrays;
    const termsFrom = termStart[i]!;
    const termsTo = termStart[i + 1]!;
    const echoFrom = echoStart[i]!;
    const echoTo = echoStart[i + 1]!;
    let shared = 0;
    let echoed = 0;
    let k = 0;
    for (const [term, w] of query.weights) {
      const id = ids[k++]!;
      if (id < 0) continue;
      if (holds(termIds, termsFrom, termsTo, id)) {
        shared += w;
        continue;
      }
      if (holds(echoTermIds, echoFrom, echoTo, id) && !query.names.has(term)) echoed += w * this.params.pointEchoWeight;
    }
    return scoreCeiling(shared + echoed, query, target.weight, this.params);
  }

  decode(target: StoredTarget, i: number): Target {
    const data = this.arrays;
    const words: string[] = [];
    for (let k = data.wordStart[i]!; k < data.wordStart[i + 1]!; k++) words.push(wordAt(data.words, data.wordIds[k]!));
    const terms: Term[] = [];
    for (let k = data.termStart[i]!; k < data.termStart[i + 1]!; k++) {
      const flags = data.termName[k]!;
      const term: Term = { term: termAt(data.terms, data.termIds[k]!), pos: data.termPos[k]!, name: (flags & NAME_FLAG) !== 0 };
      if ((flags & SETTING_FLAG) !== 0) term.setting = true;
      terms.push(term);
    }
    const breaks: number[] = [];
    for (let k = data.breakStart[i]!; k < data.breakStart[i + 1]!; k++) breaks.push(data.breakWords[k]!);
    const echo = new Map<string, number>();
    for (let k = data.echoStart[i]!; k < data.echoStart[i + 1]!; k++) echo.set(termAt(data.terms, data.echoTermIds[k]!), data.echoWeights[k]!);
    const analysis = { words, terms, breaks };
    const sentence = target.sentence;
    const decoded = { sentence, analysis, positions: firstPositions(terms), agents: agentsOf(terms, this.params.agentWindow), weight: target.weight, setting: settingTerms(terms), echo };
    this.kept[this.next]?.forget();
    this.kept[this.next] = target;
    this.next = (this.next + 1) % DECODED_TARGETS_KEPT;
    return decoded;
  }
}

/**
 * A target of a loaded index: its sentence and weight at once (candidate search ranks by them),
 * the rest decoded when read (and kept while it is among the last DECODED_TARGETS_KEPT decoded).
 */
class StoredTarget implements Target {
  private decoded: Target | null = null;

  constructor(
    readonly sentence: Sentence,
    readonly weight: number,
    private readonly index: number,
    private readonly decoder: TargetDecoder,
  ) {}

  forget(): void {
    this.decoded = null;
  }

  private get full(): Target {
    return (this.decoded ??= this.decoder.decode(this, this.index));
  }

  get analysis(): AnalyzedText {
    return this.full.analysis;
  }

  get positions(): Map<string, number> {
    return this.full.positions;
  }

  get agents(): Map<string, string[]> {
    return this.full.agents;
  }

  get echo(): Map<string, number> {
    return this.full.echo;
  }

  get setting(): Set<string> {
    return this.full.setting;
  }
}

/** Whether `flat[from, to)` holds `value`. */
function holds(flat: IndexArray, from: number, to: number, value: number): boolean {
  for (let k = from; k < to; k++) if (flat[k] === value) return true;
  return false;
}

/**
 * Each item's list (`listOf`) laid end to end, with each one's start: the stored form's
 * "…Start" and flat arrays. Yields every SERIALIZE_STEP_ITEMS items.
 */
function* flattenInSteps<T>(items: readonly T[], listOf: (item: T) => readonly number[]): Generator<void, [Int32Array, IndexArray], void> {
  const { start, flat } = yield* listsInSteps(items, listOf);
  return [start, compact(flat)];
}

/** Each item's list laid end to end (`flat`), and where each starts: i's is [start[i], start[i + 1]). */
function* listsInSteps<T>(items: readonly T[], listOf: (item: T) => readonly number[]): Generator<void, { start: Int32Array; flat: number[] }, void> {
  const start = new Int32Array(items.length + 1);
  const flat: number[] = [];
  for (let i = 0; i < items.length; i++) {
    start[i] = flat.length;
    for (const v of listOf(items[i]!)) flat.push(v);
    if (i % SERIALIZE_STEP_ITEMS === SERIALIZE_STEP_ITEMS - 1) yield;
  }
  start[items.length] = flat.length;
  return { start, flat };
}

/** Key i → its slice of `flat`, each checked to name a target below `n`. */
function unflatten(keys: readonly string[], start: Int32Array, flat: IndexArray, n: number): Map<string, number[]> {
  if (start.length !== keys.length + 1 || start[keys.length] !== flat.length) throw new StaleIndexError('the stored postings are damaged');
  const map = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const list: number[] = [];
    for (let k = start[i]!, end = start[i + 1]!; k < end; k++) {
      const t = flat[k]!;
      if (!(t >= 0 && t < n)) throw new StaleIndexError('the stored postings are damaged');
      list.push(t);
    }
    map.set(keys[i]!, list);
  }
  return map;
}

function termAt(terms: readonly string[], i: number): string {
  const term = terms[i];
  if (term === undefined) throw new StaleIndexError('the stored index names a term it does not hold');
  return term;
}

function wordAt(words: readonly string[], i: number): string {
  const word = words[i];
  if (word === undefined) throw new StaleIndexError('the stored index names a word it does not hold');
  return word;
}

/** termName's flags. */
const NAME_FLAG = 1;
const SETTING_FLAG = 2;

const INT_ARRAYS = [
  'nameTerms', 'postingStart', 'echoTerms', 'echoPostingStart', 'nameWords', 'wordStart', 'termStart', 'breakStart', 'echoStart',
] as const;
const INDEX_ARRAYS = ['postingTargets', 'echoPostingTargets', 'wordStemTerms', 'wordIds', 'termIds', 'termPos', 'breakWords', 'echoTermIds'] as const;
const FLOAT_ARRAYS = ['termWeights', 'targetWeights', 'echoWeights'] as const;
const STRING_LISTS = ['sentenceIds', 'terms', 'words', 'wordStemsOther'] as const;

/**
 * Checks that `value` has the stored form's fields and that its per-target slices are consistent;
 * the values inside are checked as they are read. A damaged row throws, never loads half.
 */
function checkShape(value: unknown): StoredIndex {
  if (typeof value !== 'object' || value === null) throw new StaleIndexError('the stored index is not an object');
  const data = value as Partial<StoredIndex>;
  if (data.format !== INDEX_FORMAT) throw new StaleIndexError(`the stored index has format ${String(data.format)}, not ${INDEX_FORMAT}`);
  if (typeof data.fingerprint !== 'string') throw new StaleIndexError('the stored index has no fingerprint');
  for (const key of INT_ARRAYS) if (!(data[key] instanceof Int32Array)) throw new StaleIndexError(`the stored index's ${key} is damaged`);
  for (const key of INDEX_ARRAYS) {
    if (!(data[key] instanceof Int32Array || data[key] instanceof Uint16Array)) throw new StaleIndexError(`the stored index's ${key} is damaged`);
  }
  for (const key of FLOAT_ARRAYS) if (!(data[key] instanceof Float64Array)) throw new StaleIndexError(`the stored index's ${key} is damaged`);
  for (const key of STRING_LISTS) if (!Array.isArray(data[key])) throw new StaleIndexError(`the stored index's ${key} is damaged`);
  if (!(data.termName instanceof Uint8Array)) throw new StaleIndexError("the stored index's termName is damaged");
  const full = data as StoredIndex;
  const n = full.sentenceIds.length;
  const slices: [Int32Array, number][] = [
    [full.wordStart, full.wordIds.length],
    [full.termStart, full.termIds.length],
    [full.breakStart, full.breakWords.length],
    [full.echoStart, full.echoTermIds.length],
  ];
  for (const [start, length] of slices) {
    if (start.length !== n + 1 || start[0] !== 0 || start[n] !== length) throw new StaleIndexError("the stored index's targets are damaged");
    for (let i = 0; i < n; i++) if (start[i]! > start[i + 1]!) throw new StaleIndexError("the stored index's targets are damaged");
  }
  if (full.termPos.length !== full.termIds.length || full.termName.length !== full.termIds.length || full.echoWeights.length !== full.echoTermIds.length) {
    throw new StaleIndexError("the stored index's targets are damaged");
  }
  if (full.termWeights.length !== full.terms.length || full.targetWeights.length !== n) throw new StaleIndexError("the stored index's weights are damaged");
  return full;
}

/**
 * A 53-bit hash of a stream of strings (cyrb53's mixing, each string's length mixed in so that
 * ["ab", "c"] and ["a", "bc"] differ), as 14 hex digits.
 */
class TextHash {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  addNumber(n: number): void {
    this.h1 = Math.imul(this.h1 ^ n, 2654435761);
    this.h2 = Math.imul(this.h2 ^ n, 1597334677);
  }

  /** Mixes in `text` from `from` (clamped to 0) up to `to` (clamped to its length). */
  add(text: string, from = 0, to = text.length): void {
    let { h1, h2 } = this;
    for (let i = Math.max(0, from), end = Math.min(to, text.length); i < end; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ text.length, 2246822507);
    h2 = Math.imul(h2 ^ text.length, 3266489909);
    this.h1 = h1;
    this.h2 = h2;
  }

  digest(): string {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  }
}

/**
 * The stored form as JSON, for a bundle (lib/node/corpus-plugin.ts): typed arrays as arrays of
 * numbers (JSON writes a double so that it reads back the same double).
 */
export function storedIndexToJson(data: StoredIndex): string {
  return JSON.stringify(data, (_key, value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as Int32Array) : value));
}

/** The stored form read back from storedIndexToJson's JSON, parsed; checked when loaded. */
export function storedIndexFromJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const data: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const numbers = (key: string): number[] | null => (Array.isArray(data[key]) ? (data[key] as number[]) : null);
  for (const key of INT_ARRAYS) data[key] = Int32Array.from(numbers(key) ?? []);
  for (const key of INDEX_ARRAYS) data[key] = compact(numbers(key) ?? []);
  for (const key of FLOAT_ARRAYS) data[key] = Float64Array.from(numbers(key) ?? []);
  data.termName = Uint8Array.from(numbers('termName') ?? []);
  return data;
}
