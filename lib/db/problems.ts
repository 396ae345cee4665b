/**
 * What the reader is told when Parallax's database cannot serve: it cannot be opened, an upgrade
 * failed, the disk is full, or what it holds is damaged. Kept apart from the Dexie module so the
 * panel can recognise these messages without bundling Dexie.
 */

/**
 * Every database problem's message ends with this sentence, so a view that only has the message
 * (a tab's error state, an error that crossed a message channel) can offer the rebuild.
 */
export const REBUILD_ADVICE =
  'Rebuild the database (Parallax settings › Database) to restore the bundled articles; your own articles are kept.';

export type DatabaseProblemKind =
  /** IndexedDB refused to open the database at all. */
  | 'open'
  /** Moving the stored data to the current schema version failed; the previous version is kept. */
  | 'upgrade'
  /** The browser's storage quota is used up. */
  | 'quota'
  /** The database opened, but what it holds is inconsistent (rows missing or malformed). */
  | 'damaged';

/** The database cannot serve; `message` says why and what to do, for the reader. */
export class DatabaseProblem extends Error {
  override name = 'DatabaseProblem';
  readonly kind: DatabaseProblemKind;

  constructor(kind: DatabaseProblemKind, what: string, options?: { cause?: unknown }) {
    // A full disk is not cured by rebuilding (it needs the space again); everything else is.
    super(kind === 'quota' ? what : `${what} ${REBUILD_ADVICE}`, options);
    this.kind = kind;
  }
}

/** Whether an error message (as a view receives it) is a database problem a rebuild can fix. */
export function needsRebuild(message: string): boolean {
  return message.includes(REBUILD_ADVICE);
}

/** "QuotaExceededError: …" from whatever IndexedDB or Dexie threw, for the reader's message. */
export function causeText(error: unknown): string {
  if (error instanceof Error) {
    const inner = (error as { inner?: unknown }).inner;
    const base = error.message || error.name;
    return inner instanceof Error && inner.message && !base.includes(inner.message) ? `${base}: ${inner.message}` : base;
  }
  return String(error);
}

/** Whether an IndexedDB or Dexie error says the storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = (e as { inner?: unknown }).inner ?? e.cause, depth++) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
}
