/**
 * Which page a tab's state describes: every state a page reports (its scan, an error, scanning
 * turned off) is tied to the DOCUMENT that sent it, and the tab shows it only while that document
 * is the one the tab shows. Plain functions over a tab's record, so that every order of events can
 * be tested without a browser; tab-states.ts stores the record and page-scans.ts drives it.
 *
 * Why the order of events cannot be trusted (no "tabs" or "webNavigation" permission, so the
 * background sees only `tabs.onUpdated` with a status, and the pages' own messages):
 * - Chromium does not promise to deliver a tab's `loading` event before the messages of the page
 *   that loads: it may come after the new page's scan. Wiping the state then would leave a page
 *   that has scanned, and will not scan again, with an empty badge and a panel that waits.
 * - A page the tab is leaving is still the tab's document until the next one commits, and may
 *   send a scan after the `loading` event (a change on the page, a resend). Stored, it would put
 *   the old page's badge on the next one, or on a browser page where nothing will replace it.
 * - Going back to a page kept in the back-forward cache starts no content script: the page is
 *   shown again, with the scan it sent long ago, and sends nothing.
 * - A navigation that ends without a new document (a download, a 204) leaves the page shown.
 *
 * What can be trusted: asked when it matters, the content script of the tab's top frame says
 * which document it is (a random key of its own, the same one it sends with every report), and a
 * page the tab has left (pagehide) does not answer. A browser page, or a page Parallax may not
 * read, has no content script and does not answer either. So:
 * - a report is shown only if its document answers for the tab when it is stored;
 * - a `loading` event sets the shown state aside (`held`) instead of dropping it;
 * - when the tab has finished loading, the document that answers decides: its own state again
 *   (held or current), else nothing until it reports, and if it has scanned already (the
 *   back-forward cache), it is asked to send its scan again.
 * A `complete` event always follows the `loading` one, and both follow the navigation they tell
 * of, so the question asked then meets the document the tab ended on.
 */
import type { ShownDocument, TabState } from '@/lib/protocol';

export type { ShownDocument };

/** A state as one document reported it. */
export interface DocumentState {
  /** The reporting content script's key for its document (ShownDocument.document). */
  document: string;
  state: TabState;
}

/** Everything the background keeps about one tab. */
export interface TabRecord {
  /** What the tab shows: the badge and the panel follow it. */
  state: TabState;
  /** The document that reported `state`; null when none did (pending, or set without one). */
  document: string | null;
  /** The state a `loading` event set aside, until the loaded tab says which document it shows. */
  held: DocumentState | null;
}

const PENDING: TabState = { status: 'pending' };

export const NEW_TAB_RECORD: TabRecord = { state: PENDING, document: null, held: null };

/** A state set without a document (tests, a report from outside any page): shown as it is. */
export function stateWithoutDocument(state: TabState): TabRecord {
  return { state, document: null, held: null };
}

/**
 * The tab started loading (a new page, a reload, a return from the back-forward cache, or
 * nothing new at all): no badge while it loads, and what it showed is kept aside. A second
 * `loading` before anything was shown keeps what the first one set aside.
 */
export function tabStartedLoading(record: TabRecord): TabRecord {
  const held = record.document !== null ? { document: record.document, state: record.state } : record.held;
  return { state: PENDING, document: null, held };
}

/**
 * A document reported its state; `shown` is the document the tab's top frame answered for when
 * asked just now. Shown only if it is the same document: a page the tab has left, or one it never
 * showed (a prerendered page), changes nothing.
 */
export function documentReported(record: TabRecord, report: DocumentState, shown: ShownDocument | null): TabRecord {
  if (shown === null || shown.document !== report.document) return record;
  return { state: report.state, document: report.document, held: null };
}

/** What to do when the tab has finished loading. */
export interface LoadedOutcome {
  record: TabRecord;
  /** Ask the shown document to send its scan again: it has scanned, and its scan is not kept. */
  resend: boolean;
}

/**
 * The tab finished loading and `shown` answered for it (null: no content script answered — a
 * browser page, a page Parallax does not read, or one whose content script has not started yet
 * and will report when it has).
 */
export function tabFinishedLoading(record: TabRecord, shown: ShownDocument | null): LoadedOutcome {
  if (shown !== null && record.document === shown.document) return { record: { ...record, held: null }, resend: false };
  if (shown !== null && record.held?.document === shown.document) {
    return { record: { state: record.held.state, document: shown.document, held: null }, resend: false };
  }
  // Another document's state (or none) is not this page's: nothing until this page reports.
  // (A tab that never showed a page of Parallax's keeps its record as it is: nothing to store.)
  const cleared = record.document !== null ? NEW_TAB_RECORD : record.held === null ? record : { ...record, held: null };
  return { record: cleared, resend: shown?.scanned === true };
}
