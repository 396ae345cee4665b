import { describe, expect, it } from 'vitest';
import { behindQueuedTasks, runInSlices, slicedRunner } from '../../../lib/extract/slices';

function* counter(steps: number, onStep: () => void): Generator<void, string> {
  for (let i = 0; i < steps; i++) {
    onStep();
    yield;
  }
  return 'done';
}

describe('runInSlices', () => {
  it('pauses each time a slice has used its time, and returns the result', async () => {
    let clock = 0;
    let pauses = 0;
    const result = await runInSlices(counter(10, () => (clock += 4)), {
      sliceMs: 10,
      now: () => clock,
      pause: async () => {
        pauses++;
      },
    });
    expect(result).toBe('done');
    // 4 ms per step, 10 ms per slice: a pause after every third step.
    expect(pauses).toBe(3);
  });

  it('never pauses when the work fits in one slice', async () => {
    let pauses = 0;
    const result = await runInSlices(counter(3, () => {}), { now: () => 0, pause: async () => void pauses++ });
    expect(result).toBe('done');
    expect(pauses).toBe(0);
  });

  it('stops between slices when aborted', async () => {
    const controller = new AbortController();
    let steps = 0;
    let clock = 0;
    const run = runInSlices(counter(100, () => { steps++; clock += 20; }), {
      sliceMs: 10,
      now: () => clock,
      signal: controller.signal,
      pause: async () => controller.abort(new Error('page navigated')),
    });
    await expect(run).rejects.toThrow('page navigated');
    expect(steps).toBe(1);
  });

  it('yields to the real event loop by default', async () => {
    let clock = 0;
    const result = await runInSlices(counter(3, () => (clock += 50)), { now: () => clock });
    expect(result).toBe('done');
  });
});

describe('slicedRunner', () => {
  it('runs one run after another on one clock: a run that starts on a used slice pauses first', async () => {
    let clock = 0;
    const pauses: number[] = [];
    const run = slicedRunner({ sliceMs: 10, now: () => clock, pause: async () => void pauses.push(clock) });
    expect(await run(counter(2, () => (clock += 4)))).toBe('done');
    expect(pauses).toEqual([]);
    // Work between the runs, in the same task: the slice is used up by now.
    clock += 5;
    expect(await run(counter(1, () => (clock += 1)))).toBe('done');
    expect(pauses).toEqual([13]);
  });
});

describe('behindQueuedTasks', () => {
  // That it resumes behind the page's queued timers is measured in Chromium (tests/e2e/hostile.e2e.ts,
  // the page's heartbeat); here, that it is a task of its own, not a microtask.
  it('resumes in a task of its own, after every microtask queued meanwhile', async () => {
    let microtasks = 0;
    const pause = behindQueuedTasks().then(() => microtasks);
    const chain = (left: number): void => void (left > 0 && queueMicrotask(() => { microtasks++; chain(left - 1); }));
    chain(100);
    expect(await pause).toBe(100);
  });
});
