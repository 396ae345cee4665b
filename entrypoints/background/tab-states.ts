/**
 * What the background knows about each tab (a TabRecord: the state it shows, the document that
 * reported it, the state a page load set aside; tab-documents.ts), kept in storage.session so that
 * it survives the service worker being stopped while idle (the popup may open long after the
 * scan), and is gone when the browser closes. The toolbar badge follows the state.
 *
 * The state is stored under `tab:<id>` as it always was (the e2e harness reads it there), and
 * which document it belongs to under `tab-document:<id>`, written together.
 */
import { browser } from 'wxt/browser';
import type { TabState } from '@/lib/protocol';
import { NEW_TAB_RECORD, stateWithoutDocument, type TabRecord } from './tab-documents';
import { keyedQueue } from './in-order';

const keyOf = (tabId: number) => `tab:${tabId}`;
const documentKeyOf = (tabId: number) => `tab-document:${tabId}`;

/** What is stored beside the state. */
type DocumentOfState = Pick<TabRecord, 'document' | 'held'>;

/** Badge colors: the highlight color of the most common match kind would be noisy; one calm blue. */
const BADGE_COLOR = '#1d4ed8';

export async function getTabState(tabId: number): Promise<TabState> {
  return (await getTabRecord(tabId)).state;
}

export async function getTabRecord(tabId: number): Promise<TabRecord> {
  const [key, documentKey] = [keyOf(tabId), documentKeyOf(tabId)];
  const stored = await browser.storage.session.get([key, documentKey]);
  const state = stored[key] as TabState | undefined;
  if (state === undefined) return NEW_TAB_RECORD;
  // Nothing beside it: stored without a document, or by the version before documents.
  const ofState = stored[documentKey] as DocumentOfState | undefined;
  return ofState === undefined ? stateWithoutDocument(state) : { state, document: ofState.document, held: ofState.held };
}

/** Matches kept per sentence when a scan is too big for storage.session (10 MB for all tabs). */
const TRIMMED_MATCHES = 2;

const inTabQueue = keyedQueue<number>();

/**
 * Changes the tab's record and shows its state on the badge. Changes of one tab run one after
 * another, each from reading the record to writing it, so `change` may ask the tab something
 * (which document it shows) and decide on the answer with nothing stored in between.
 * Resolves with the record as stored (unchanged when the tab has closed).
 */
export function updateTabRecord(tabId: number, change: (record: TabRecord) => TabRecord | Promise<TabRecord>): Promise<TabRecord> {
  return inTabQueue(tabId, () => applyChange(tabId, change));
}

async function applyChange(tabId: number, change: (record: TabRecord) => TabRecord | Promise<TabRecord>): Promise<TabRecord> {
  const record = await getTabRecord(tabId);
  const next = await change(record);
  // A change that finishes after its tab closed would outlive forgetTab and stay for the session.
  if (next === record || !(await tabExists(tabId))) return record;
  await storeTabRecord(tabId, next);
  if (next.state !== record.state) await showBadge(tabId, next.state);
  return next;
}

/** Stores a state no document reported (the tab's own reset, a test): shown as it is. */
export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await updateTabRecord(tabId, () => stateWithoutDocument(state));
}

/** tabs.get needs no permission to say whether a tab exists (only its URL and title need "tabs"). */
async function tabExists(tabId: number): Promise<boolean> {
  return browser.tabs.get(tabId).then(
    (tab) => tab !== undefined,
    () => false,
  );
}

/** A scan with fewer matches per sentence: highlights and the badge do not depend on the rest. */
function trimmed(state: TabState): TabState {
  if (state.status !== 'scanned') return state;
  const { scan } = state;
  return { status: 'scanned', scan: { ...scan, sentences: scan.sentences.map((s) => ({ ...s, matches: s.matches.slice(0, TRIMMED_MATCHES) })) } };
}

/**
 * Store a tab's record; a scan over the session quota is kept with fewer matches per sentence
 * rather than lost (the panel would be empty), and the state set aside is dropped before the
 * shown one is given up.
 */
async function storeTabRecord(tabId: number, record: TabRecord): Promise<void> {
  const write = ({ state, document, held }: TabRecord) =>
    browser.storage.session.set({ [keyOf(tabId)]: state, [documentKeyOf(tabId)]: { document, held } satisfies DocumentOfState });
  try {
    await write(record);
    return;
  } catch (error) {
    if (record.state.status !== 'scanned' && record.held === null) throw error;
  }
  try {
    await write({ ...record, state: trimmed(record.state), held: null });
  } catch {
    const count = record.state.status === 'scanned' ? record.state.scan.sentences.length : 0;
    await write({
      ...record,
      held: null,
      state: {
        status: 'error',
        message: `This page has ${count} matching sentences, more than Parallax can keep for the panel. Its highlights still show on the page.`,
      },
    });
  }
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([keyOf(tabId), documentKeyOf(tabId)]);
}

async function showBadge(tabId: number, state: TabState): Promise<void> {
  const count = state.status === 'scanned' && state.scan.onStory ? state.scan.sentences.length : 0;
  try {
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    if (count > 0) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  } catch {
    // The tab closed between the scan and the badge: nothing to show it on.
  }
}
