// The background's per-tab states: kept in storage.session, mirrored on the badge, and a scan too big
// for the session quota is kept trimmed rather than lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getTabState, setTabState } from '../../../entrypoints/background/tab-states';
import type { TabState } from '../../../lib/protocol';
import { vtScan } from '../../fixtures/panel';

let TAB: number;
const scanned: TabState = { status: 'scanned', scan: vtScan };

describe('tab states', () => {
  beforeEach(async () => {
    TAB = (await fakeBrowser.tabs.create({ url: 'https://example.org/news' })).id!;
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('stores nothing for a tab that closed before its scan finished', async () => {
    // (fakeBrowser.tabs.remove itself fails in the fake; a tab id that no longer exists is the same case.)
    const closed = TAB + 1000;
    await setTabState(closed, scanned);
    expect(await getTabState(closed)).toEqual({ status: 'pending' });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('is pending until the tab reports, then holds its scan and counts it on the badge', async () => {
    expect(await getTabState(TAB)).toEqual({ status: 'pending' });
    await setTabState(TAB, scanned);
    expect(await getTabState(TAB)).toEqual(scanned);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe(String(vtScan.sentences.length));
    await setTabState(TAB, { status: 'pending' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it('keeps a scan over the session quota with fewer matches per sentence', async () => {
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementationOnce(() => {
      throw new Error('Session storage quota bytes exceeded.');
    }).mockImplementation(set);
    await setTabState(TAB, scanned);
    const stored = await getTabState(TAB);
    expect(stored.status).toBe('scanned');
    if (stored.status !== 'scanned') return;
    expect(stored.scan.sentences.map((s) => s.index)).toEqual(vtScan.sentences.map((s) => s.index));
    expect(Math.max(...stored.scan.sentences.map((s) => s.matches.length))).toBeLessThanOrEqual(2);
    expect(Math.max(...vtScan.sentences.map((s) => s.matches.length))).toBeGreaterThan(2);
  });

  it('says so in words when even the trimmed scan does not fit', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'set')
      .mockImplementationOnce(() => Promise.reject(new Error('quota')))
      .mockImplementationOnce(() => Promise.reject(new Error('quota')));
    await setTabState(TAB, scanned);
    const stored = await getTabState(TAB);
    expect(stored).toMatchObject({ status: 'error', message: expect.stringMatching(/more than Parallax can keep/) });
  });
});
