// The tab record's transitions on their own (tab-documents.ts): page-scans.test.ts drives them
// through the background's storage and badge in the orders browsers deliver events.
import { describe, expect, it } from 'vitest';
import { documentReported, NEW_TAB_RECORD, tabFinishedLoading, tabStartedLoading, type TabRecord } from '../../../entrypoints/background/tab-documents';
import type { TabState } from '../../../lib/protocol';

const error = (message: string): TabState => ({ status: 'error', message });
const shown = (document: string, scanned = true) => ({ document, scanned });
const onPage1: TabRecord = { state: error('page 1'), document: 'page-1', held: null };

describe('a tab’s record', () => {
  it('sets the shown state aside on loading, and keeps it through a second loading', () => {
    const once = tabStartedLoading(onPage1);
    expect(once).toEqual({ state: { status: 'pending' }, document: null, held: { document: 'page-1', state: error('page 1') } });
    expect(tabStartedLoading(once)).toEqual(once);
  });

  it('shows a report only from the document the tab answers for', () => {
    const report = { document: 'page-2', state: error('page 2') };
    expect(documentReported(onPage1, report, shown('page-1'))).toBe(onPage1);
    expect(documentReported(onPage1, report, null)).toBe(onPage1);
    expect(documentReported(tabStartedLoading(onPage1), report, shown('page-2'))).toEqual({ state: error('page 2'), document: 'page-2', held: null });
  });

  it('once loaded, brings back the state set aside when its document is shown, without a resend', () => {
    expect(tabFinishedLoading(tabStartedLoading(onPage1), shown('page-1'))).toEqual({ record: onPage1, resend: false });
  });

  it('once loaded on another document, shows nothing and asks that page to resend only if it has scanned', () => {
    const loading = tabStartedLoading(onPage1);
    expect(tabFinishedLoading(loading, shown('page-2', true))).toEqual({ record: NEW_TAB_RECORD, resend: true });
    expect(tabFinishedLoading(loading, shown('page-2', false))).toEqual({ record: NEW_TAB_RECORD, resend: false });
    expect(tabFinishedLoading(onPage1, shown('page-2', false))).toEqual({ record: NEW_TAB_RECORD, resend: false });
  });

  it('once loaded where no content script answers (a browser page), drops the shown and the set-aside state', () => {
    expect(tabFinishedLoading(onPage1, null)).toEqual({ record: NEW_TAB_RECORD, resend: false });
    expect(tabFinishedLoading(tabStartedLoading(onPage1), null)).toEqual({ record: NEW_TAB_RECORD, resend: false });
  });

  it('leaves a tab that never showed a page of Parallax’s as it is', () => {
    expect(tabFinishedLoading(NEW_TAB_RECORD, null).record).toBe(NEW_TAB_RECORD);
  });
});
