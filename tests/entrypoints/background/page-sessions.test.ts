// The background's side of incremental scans: a page session grows only by requests that continue it
// exactly, survives the worker's memory being lost (storage.session), and a tab's requests apply in order.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  continuePageSession,
  continueSession,
  forgetPageSession,
  inTabOrder,
  liveSentenceCount,
  type SessionPage,
} from '../../../entrypoints/background/page-sessions';
import { panelPath } from '../../../entrypoints/background/page-actions';
import type { ScanRequest } from '../../../lib/protocol';

const first: ScanRequest = { url: 'https://a.example/1', title: 'T', sentences: ['One.', 'Two.'], blocks: [0, 0], session: 's1', from: 0 };

function pageOf(request: ScanRequest, stored: SessionPage | null = null): SessionPage {
  const continued = continueSession(stored, request);
  if (!('page' in continued)) throw new Error(`refused: resend from ${continued.resendFrom}`);
  return continued.page;
}

describe('continueSession', () => {
  it('starts a session with from 0, and appends a request that continues it exactly', () => {
    const start = pageOf(first);
    const next = pageOf({ ...first, url: 'https://a.example/2', sentences: ['Three.'], blocks: [1], from: 2 }, start);
    expect(next).toEqual({ session: 's1', url: 'https://a.example/2', title: 'T', sentences: ['One.', 'Two.', 'Three.'], blocks: [0, 0, 1], published: null });
    expect(start.sentences).toEqual(['One.', 'Two.']);
  });

  it("keeps the page's publication date for the gate, a later request's date replacing it, garbage dropped", () => {
    const dated = pageOf({ ...first, published: '2025-04-18T10:00:00Z' });
    expect(dated.published).toBe('2025-04-18T10:00:00Z');
    const kept = pageOf({ ...first, sentences: ['Three.'], blocks: [1], from: 2 }, dated);
    expect(kept.published).toBe('2025-04-18T10:00:00Z');
    const moved = pageOf({ ...first, sentences: ['Three.'], blocks: [1], from: 2, published: '2025-04-19' }, dated);
    expect(moved.published).toBe('2025-04-19');
    expect(pageOf({ ...first, published: 'x'.repeat(1000) }).published).toBeNull();
    expect(pageOf({ ...first, published: 42 as unknown as string }).published).toBeNull();
  });

  it('empties retired sentences, keeping every index in place', () => {
    const next = pageOf({ ...first, sentences: [], blocks: [], from: 2, retired: [0, 7, -1] }, pageOf(first));
    expect(next.sentences).toEqual(['', 'Two.']);
    expect(liveSentenceCount(next)).toBe(1);
  });

  it('says where to resend from when the request does not continue what it holds', () => {
    const start = pageOf(first);
    expect(continueSession(null, { ...first, from: 2 })).toEqual({ resendFrom: 0 });
    expect(continueSession(start, { ...first, session: 's2', from: 2 })).toEqual({ resendFrom: 0 });
    expect(continueSession(start, { ...first, from: 5 })).toEqual({ resendFrom: 2 });
  });

  it('gives each sentence of a request without block numbers a block of its own', () => {
    const start = pageOf({ url: 'u', title: 't', sentences: ['A.', 'B.'] });
    expect(start.blocks).toEqual([0, 1]);
    expect(start.session).toBeNull();
  });
});

describe('continuePageSession', () => {
  it('keeps the session in storage.session, so a restarted worker continues it', async () => {
    await continuePageSession(7, first);
    const stored = await fakeBrowser.storage.session.get('page:7');
    expect(stored['page:7']).toMatchObject({ session: 's1', sentences: ['One.', 'Two.'] });
    const next = await continuePageSession(7, { ...first, sentences: ['Three.'], blocks: [1], from: 2 });
    expect(next).toMatchObject({ page: { sentences: ['One.', 'Two.', 'Three.'] } });
    await forgetPageSession(7);
    expect(await continuePageSession(7, { ...first, sentences: ['Four.'], from: 3 })).toEqual({ resendFrom: 0 });
  });
});

describe('inTabOrder', () => {
  it('runs a tab’s tasks one after another, even when an earlier one fails or takes longer', async () => {
    const order: string[] = [];
    const slow = inTabOrder(1, async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push('slow');
      throw new Error('boom');
    });
    const fast = inTabOrder(1, async () => void order.push('fast'));
    const other = inTabOrder(2, async () => void order.push('other tab'));
    await expect(slow).rejects.toThrow('boom');
    await fast;
    await other;
    expect(order).toEqual(['other tab', 'slow', 'fast']);
  });
});

describe('panelPath', () => {
  it('names the tab, and the sentence or selection the panel opens at', () => {
    expect(panelPath(12, { sentence: 4 })).toBe('/popup.html?tab=12&sentence=4');
    expect(panelPath(12, { selection: true })).toBe('/popup.html?tab=12&selection=1');
    expect(panelPath(12, { sentence: -1 })).toBe('/popup.html?tab=12');
  });
});
