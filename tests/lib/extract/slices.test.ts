import { describe, expect, it } from 'vitest';
import { runInSlices } from '../../../lib/extract/slices';

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
