/**
 * How a function's time grows with its input, measured inside a test: the time per run on an input
 * GROWTH times larger over the time per run on the base input. Linear work gives about GROWTH,
 * quadratic about GROWTH². Only the ratio is asserted, never a wall-clock time.
 *
 * Why batches: a ratio of two sub-millisecond timings is noise on a busy machine (one run here read
 * 0.5 → 17.8 ms for 8× a linear input). So each side is timed as a batch of at least BATCH_MS: the
 * large input `reps` times against the base input GROWTH × `reps` times, which for linear work take
 * the same time. A stall of a few ms then moves the ratio by a few percent, not by 30×, and the
 * fastest of several interleaved batches drops the stalls that remain.
 */

/** How much larger the big input is than the base one. */
export const GROWTH = 8;
/**
 * Largest ratio that still counts as linear. Linear work gives 8, n log n about 9.5, quadratic 64;
 * the slack absorbs GC pauses and JIT tiers.
 */
export const LINEAR_LIMIT = 30;
/** Shortest timed batch, ms: tens of ms, so the scheduler's slices and timer resolution are noise. */
export const BATCH_MS = 25;
/** Timed batches per side, alternating base and large so both meet the same load; the fastest is kept. */
const RUNS = 5;
/**
 * Measurements before giving up: a busy machine can stretch every large batch of one measurement,
 * while quadratic work exceeds the limit every time.
 */
const ATTEMPTS = 3;

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

function repeated(run: () => void, times: number): () => void {
  return () => {
    for (let i = 0; i < times; i++) run();
  };
}

export interface Growth {
  /** Fastest time per run on the base input, ms. */
  base: number;
  /** Fastest time per run on the input `factor` times larger, ms. */
  grown: number;
  /** grown / base. */
  ratio: number;
  /** The shorter of the two fastest batches, ms: at least about BATCH_MS. */
  batchMs: number;
}

/**
 * Compares `runLarge`, on an input `factor` times larger, with `runSmall`: each timed in batches of
 * at least BATCH_MS (runLarge `reps` times, runSmall `factor` × `reps` times), after a warm-up of both
 * (JIT, caches); the fastest of RUNS interleaved batches of each. Measures again, up to ATTEMPTS
 * times, while the ratio is over `limit`, and returns the best measurement.
 */
export function compareGrowth(runSmall: () => void, runLarge: () => void, factor: number, limit: number): Growth {
  runSmall();
  // Calibrate on the fastest of a few large runs (the first is also the warm-up).
  let once = Infinity;
  for (let i = 0; i < 3; i++) once = Math.min(once, timed(runLarge));
  const reps = Math.max(1, Math.ceil(BATCH_MS / Math.max(once, 0.01)));
  const smallBatch = repeated(runSmall, Math.round(factor * reps));
  const largeBatch = repeated(runLarge, reps);
  let best: Growth | null = null;
  for (let attempt = 0; attempt < ATTEMPTS && (best === null || best.ratio >= limit); attempt++) {
    let small = Infinity;
    let large = Infinity;
    for (let i = 0; i < RUNS; i++) {
      small = Math.min(small, timed(smallBatch));
      large = Math.min(large, timed(largeBatch));
    }
    const base = small / Math.round(factor * reps);
    const grown = large / reps;
    const measured = { base, grown, ratio: grown / Math.max(base, 1e-6), batchMs: Math.min(small, large) };
    if (best === null || measured.ratio < best.ratio) best = measured;
  }
  return best!;
}

/** `compareGrowth` of `run` on `make(n)` and `make(GROWTH * n)`. */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number): Growth {
  const small = make(n);
  const large = make(GROWTH * n);
  return compareGrowth(
    () => run(small),
    () => run(large),
    GROWTH,
    LINEAR_LIMIT,
  );
}

/** The assertion message of a growth check: what grew, by how much, and the times behind it. */
export function describeGrowth(what: string, { ratio, base, grown, batchMs }: Growth, factor = GROWTH): string {
  return `${factor}× the ${what} took ${ratio.toFixed(1)}× the time (${base.toFixed(2)} → ${grown.toFixed(2)} ms a run, batches of ${batchMs.toFixed(0)} ms)`;
}

/** Repeats `unit(i)` for i = 0, 1, … and joins with `separator` until the text has `chars` characters. */
export function textOf(chars: number, unit: (i: number) => string, separator = ' '): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length + separator.length;
  }
  return parts.join(separator);
}
