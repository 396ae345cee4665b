/**
 * Shared by the database tests: the real bundled corpus (built from seeds/ as the extension's build
 * does), a reader's article on the same story, and fresh databases under fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { buildCorpus } from '../../../lib/corpus/build';
import { ParallaxDB } from '../../../lib/db/database';
import { readSeeds } from '../../../lib/node/seeds';
import type { Corpus } from '../../../lib/types';

let bundled: Corpus | null = null;

/** The corpus the extension bundles; built once per test file (about 0.3 s). */
export function bundledCorpus(): Corpus {
  bundled ??= buildCorpus(readSeeds(resolve(import.meta.dirname, '../../../seeds')));
  return structuredClone(bundled);
}

/** The same corpus under another version, as the next release would bundle it. */
export function nextRelease(): Corpus {
  return { ...bundledCorpus(), version: 'next-release' };
}

/**
 * A local paper's report of the story, in its own words: its first two body sentences restate
 * seed points (Rubio's "within days" warning, "not indefinitely"), the third is its own.
 */
export const LEDGER = {
  outlet: 'Harbor City Ledger',
  url: 'https://ledger.example/world/rubio-paris',
  title: 'Rubio: US could quit Ukraine peace push within days',
  text: [
    'Rubio: US could quit Ukraine peace push within days',
    'The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within days, U.S. Secretary of State Marco Rubio warned on Friday.',
    'Speaking in Paris after meeting European and Ukrainian leaders, Rubio stressed that the U.S. will not continue its efforts indefinitely.',
    'Families of the harbor district gathered at the library on Saturday to hear a reading of letters sent from Odesa over the winter.',
  ].join('\n\n'),
} as const;

export const LEDGER_OWN_SENTENCE =
  'Families of the harbor district gathered at the library on Saturday to hear a reading of letters sent from Odesa over the winter.';

let count = 0;
const open: ParallaxDB[] = [];

/** A database of its own for one test; `closeAll` deletes them. */
export function freshDb(): ParallaxDB {
  const db = new ParallaxDB(`parallax-test-${process.pid}-${++count}`);
  open.push(db);
  return db;
}

export function nextDbName(): string {
  return `parallax-test-${process.pid}-${++count}`;
}

export async function deleteAll(): Promise<void> {
  await Promise.all(open.splice(0).map((db) => db.delete()));
}
