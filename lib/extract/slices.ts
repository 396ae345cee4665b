/**
 * Running step generators (`extractArticleSteps`, `extractBlocksSteps`) without holding the
 * page's main thread: work for a slice, then give the page a turn.
 */

/** One slice of work: under the 50 ms long-task bound, with room left for the page's own work. */
export const SLICE_MS = 30;

export interface SliceOptions {
  sliceMs?: number;
  /** Clock in milliseconds; defaults to performance.now. */
  now?: () => number;
  /** How to give the page a turn; defaults to scheduler.yield() where present, else a 0 ms timeout. */
  pause?: () => Promise<void>;
  /** Stops the work between slices; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

interface Scheduler {
  yield?: () => Promise<void>;
}

function defaultPause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield !== undefined) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `steps` to its end, pausing whenever a slice has used its time. */
export async function runInSlices<T>(steps: Generator<void, T>, options: SliceOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? defaultPause;
  let sliceStart = now();
  for (;;) {
    options.signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = now();
    }
  }
}
