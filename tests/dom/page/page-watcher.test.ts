// The watcher batches the page's mutations: one call once the page is quiet, at least one a second
// on a page that never is, never one for Parallax's own nodes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WAIT_MS, PageWatcher, SETTLE_MS } from '../../../lib/page/page-watcher';

let calls: { added: Node[]; removed: boolean }[];
let watcher: PageWatcher;
let own: HTMLElement;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<main id="main"><p id="first">First.</p></main>';
  own = document.createElement('parallax-ui');
  calls = [];
  watcher = new PageWatcher({
    root: document,
    isOwnNode: (node) => node === own,
    onChanges: (added, removed) => calls.push({ added, removed }),
  });
  watcher.start();
});

afterEach(() => {
  watcher.stop();
  vi.useRealTimers();
});

const paragraph = (text: string) => {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
};

describe('PageWatcher', () => {
  it('hands over a burst of additions once, after the page is quiet', async () => {
    const main = document.getElementById('main')!;
    const a = paragraph('A.');
    const b = paragraph('B.');
    main.append(a);
    await vi.advanceTimersByTimeAsync(SETTLE_MS / 2);
    main.append(b);
    await vi.advanceTimersByTimeAsync(SETTLE_MS / 2);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(calls).toEqual([{ added: [a, b], removed: false }]);
  });

  it('reports removals, and does not wait past its limit on a page that keeps changing', async () => {
    const main = document.getElementById('main')!;
    document.getElementById('first')!.remove();
    for (let t = 0; t < MAX_WAIT_MS; t += SETTLE_MS / 2) {
      main.append(paragraph(`tick ${t}`));
      await vi.advanceTimersByTimeAsync(SETTLE_MS / 2);
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]!.removed).toBe(true);
    expect(calls[0]!.added.length).toBeGreaterThan(1);
  });

  it('ignores Parallax’s own element coming and going', async () => {
    document.documentElement.append(own);
    own.remove();
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(calls).toEqual([]);
  });

  it('reads the page after an address change even when nothing was added', async () => {
    watcher.addressChanged();
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(calls).toEqual([{ added: [], removed: false }]);
  });

  it('sees into a shadow root it is told to watch', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    calls = [];
    watcher.watch(shadow);
    const inside = paragraph('Inside.');
    shadow.append(inside);
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(calls).toEqual([{ added: [inside], removed: false }]);
  });
});
