/**
 * Running step generators (`extractArticleSteps`, `extractBlocksSteps`) without holding the
 * page's main thread: work for a slice, then give the page a turn. Or all at once, where no page
 * is waiting (Node, tests).
 */

/** One slice of work: under the 50 ms long-task bound, with room left for the page's own work. */
export const SLICE_MS = 30;

export interface SliceOptions {
  sliceMs?: number;
  /** Clock in milliseconds; defaults to performance.now. */
  now?: () => number;
  /** How to give the page a turn; defaults to `behindQueuedTasks`. */
  pause?: () => Promise<void>;
  /** Stops the work between slices; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * A pause that lets every task already queued run first (the page's timers, network callbacks,
 * messages, input), as a task of its own posted to a fresh MessageChannel. Not scheduler.yield():
 * it lets input and rendering through but resumes ahead of the page's queued tasks, so on a
 * 100,000-element page the page's timers waited 800 ms for a whole scan (Chromium 156). Not a 0 ms
 * timeout either: browsers stretch chained timeouts to 4 ms each. Where there is no MessageChannel,
 * a timeout it is.
 */
export function behindQueuedTasks(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      // Closed, or Node would keep the port (and the process) alive.
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs `steps` to its end, pausing whenever a slice has used its time. */
export function runInSlices<T>(steps: Generator<void, T>, options: SliceOptions = {}): Promise<T> {
  return slicedRunner(options)(steps);
}

/**
 * Runs step generators one after another on one clock: a run that starts when the current slice
 * has used its time pauses first. For a caller that chains runs with work of its own in between
 * (the content script: the gate's walk, a keyword test, extraction, Ranges), which would otherwise
 * add the end of one run's slice, the work between, and the next run's first slice into one task.
 * The slice counts from its first step, so a run after an idle wait pauses once, needlessly but
 * harmlessly. Runs that interleave (each awaiting its pauses) share the one budget.
 */
export function slicedRunner(options: SliceOptions = {}): <T>(steps: Generator<void, T>) => Promise<T> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? behindQueuedTasks;
  let sliceStart = now();
  return async <T>(steps: Generator<void, T>): Promise<T> => {
    for (;;) {
      if (now() - sliceStart >= sliceMs) {
        await pause();
        sliceStart = now();
      }
      options.signal?.throwIfAborted();
      const step = steps.next();
      if (step.done) return step.value;
    }
  };
}

/** Runs `steps` to its end without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
