/**
 * Notices content that arrives after the first scan: a MutationObserver on the document (and on
 * the open shadow roots the article lives in), debounced, handing the scanner the nodes added
 * and whether anything was removed. Address changes of a single-page app come in the same way.
 *
 * Only `childList` is observed: scripts build articles by inserting nodes (innerHTML, appendChild
 * and textContent all insert), whereas observing every text edit of a page (clocks, tickers,
 * counters) would wake the scanner for nothing.
 */

/**
 * Quiet time before reading what changed: a render or an appended batch of items comes as a
 * burst of mutations within a few frames, and is read once.
 */
export const SETTLE_MS = 250;
/** A page that never stops changing (tickers, rotating ads) is still read at least this often. */
export const MAX_WAIT_MS = 1_000;

export interface WatcherOptions {
  /** Where new content may appear: the document's root element. */
  root: Node;
  isOwnNode: (node: Node) => boolean;
  onChanges: (added: Node[], removed: boolean) => void;
  /** A failure inside the observer's callback, which must not reach the page. */
  onError?: (error: unknown) => void;
  setTimeout?: (handler: () => void, ms: number) => number;
  clearTimeout?: (id: number) => void;
}

export class PageWatcher {
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Node>();
  private added: Node[] = [];
  private removed = false;
  private pending = false;
  private settleTimer: number | null = null;
  private maxTimer: number | null = null;
  private readonly setTimer: (handler: () => void, ms: number) => number;
  private readonly clearTimer: (id: number) => void;

  constructor(private readonly options: WatcherOptions) {
    this.setTimer = options.setTimeout ?? ((handler, ms) => window.setTimeout(handler, ms));
    this.clearTimer = options.clearTimeout ?? ((id) => window.clearTimeout(id));
    this.observer = new MutationObserver((records) => {
      try {
        this.collect(records);
      } catch (error) {
        options.onError?.(error);
      }
    });
  }

  start(): void {
    this.watch(this.options.root);
  }

  /** Also watch inside a shadow root (observers do not see into shadow trees). */
  watch(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, { childList: true, subtree: true });
  }

  /** The address changed (a single-page app navigated): read the page once it settles. */
  addressChanged(): void {
    this.schedule();
  }

  stop(): void {
    this.observer.disconnect();
    this.clear();
    this.added = [];
    this.removed = false;
    this.pending = false;
  }

  private collect(records: MutationRecord[]): void {
    let relevant = false;
    for (const record of records) {
      if (this.options.isOwnNode(record.target)) continue;
      for (const node of record.addedNodes) {
        if (this.options.isOwnNode(node)) continue;
        this.added.push(node);
        relevant = true;
      }
      for (const node of record.removedNodes) {
        if (this.options.isOwnNode(node)) continue;
        this.removed = true;
        relevant = true;
      }
    }
    if (relevant) this.schedule();
  }

  private schedule(): void {
    this.pending = true;
    if (this.settleTimer !== null) this.clearTimer(this.settleTimer);
    this.settleTimer = this.setTimer(() => this.flush(), SETTLE_MS);
    this.maxTimer ??= this.setTimer(() => this.flush(), MAX_WAIT_MS);
  }

  private clear(): void {
    if (this.settleTimer !== null) this.clearTimer(this.settleTimer);
    if (this.maxTimer !== null) this.clearTimer(this.maxTimer);
    this.settleTimer = this.maxTimer = null;
  }

  private flush(): void {
    this.clear();
    if (!this.pending) return;
    const added = this.added;
    const removed = this.removed;
    this.added = [];
    this.removed = false;
    this.pending = false;
    this.options.onChanges(added, removed);
  }
}
