/**
 * How a function's time grows with its input, measured inside a test: the time on an input GROWTH
 * times larger over the time on the base input. Linear work gives about GROWTH, quadratic about
 * GROWTH². Only the ratio is asserted, never a wall-clock time, so a slow machine does not fail it.
 */

/** How much larger the big input is than the base one. */
export const GROWTH = 8;
/**
 * Largest ratio that still counts as linear. Linear work gives 8, n log n about 9.5, quadratic 64;
 * the slack absorbs GC pauses, JIT tiers and a busy machine, which the minimum of several runs
 * mostly removes already.
 */
export const LINEAR_LIMIT = 30;
/** Timed runs per size, alternating small and large so both meet the same load; the fastest is kept. */
const RUNS = 7;
/**
 * Measurements before giving up: a busy machine (parallel test files, other work) can stretch the
 * large runs of one measurement, while quadratic work exceeds the limit every time.
 */
const ATTEMPTS = 3;

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export interface Growth {
  /** Fastest time on the base input, ms. */
  base: number;
  /** Fastest time on the input GROWTH times larger, ms. */
  grown: number;
  ratio: number;
}

/**
 * Times `run` on `make(n)` and `make(GROWTH * n)` after a warm-up on both (JIT, caches): the
 * fastest of RUNS runs of each and their ratio. Measures again, up to ATTEMPTS times, while the
 * ratio is over LINEAR_LIMIT, and returns the best measurement.
 */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number): Growth {
  const small = make(n);
  const large = make(GROWTH * n);
  run(small);
  run(large);
  let best: Growth | null = null;
  for (let attempt = 0; attempt < ATTEMPTS && (best === null || best.ratio >= LINEAR_LIMIT); attempt++) {
    let base = Infinity;
    let grown = Infinity;
    for (let i = 0; i < RUNS; i++) {
      base = Math.min(base, timed(() => run(small)));
      grown = Math.min(grown, timed(() => run(large)));
    }
    const ratio = grown / Math.max(base, 0.001);
    if (best === null || ratio < best.ratio) best = { base, grown, ratio };
  }
  return best!;
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
