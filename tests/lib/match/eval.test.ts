import { describe, expect, it } from 'vitest';
import { runEval } from '../../eval/evaluate';
import { scores } from '../../eval/metrics';

// The headline figures of `npm run eval`, on the held-out test split (never tuned on), must stay
// at the goals: precision ≥ 0.90 and recall ≥ 0.80 on sentences stating a point the corpus holds,
// and no sentence flagged on an off-story page.
const run = runEval();
const parallax = run.systems[0]!;

describe('npm run eval, held-out test split', () => {
  it('matches labeled sentences with precision ≥ 0.90 and recall ≥ 0.80', () => {
    const s = scores(parallax.sentences.test);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps precision ≥ 0.90 and recall ≥ 0.80 over everything, leave-one-outlet-out included', () => {
    const all = scores(parallax.all.test);
    expect(all.precision).toBeGreaterThanOrEqual(0.9);
    expect(all.recall).toBeGreaterThanOrEqual(0.8);
    expect(scores(parallax.leaveOneOut.test).precision).toBeGreaterThanOrEqual(0.9);
  });

  it('flags no sentence on off-story pages and finds every on-story page and left-out article', () => {
    for (const split of ['dev', 'test'] as const) {
      expect(parallax.pages.offStoryPages[split].flagged).toBe(0);
      expect(parallax.pages.offStoryPages[split].pagesOnStory).toBe(0);
      expect(parallax.pages.onStoryPages[split].pagesOnStory).toBe(parallax.pages.onStoryPages[split].pages);
    }
    expect(parallax.looPerOutlet.every((l) => l.onStory)).toBe(true);
  });

  it('flags nothing on the diagnostic off-story pages and finds every diagnostic rewrite on the story', () => {
    // The diagnostic rewrites were looked at while changing the matcher, so only what must never
    // break is asserted here, not their recall.
    const d = parallax.diagnostic;
    expect(d.offStoryFlagged).toBe(0);
    expect(d.offStoryJudgedOn).toBe(0);
    expect(d.onStoryFound).toBe(d.onStoryPages);
    expect(scores(d.scanned).precision).toBeGreaterThanOrEqual(0.9);
  });

  it('on the unseen held-out set, flags nothing off the story, finds every on-story page, and keeps precision ≥ 0.90', () => {
    // Coverage written blind to the matcher and never tuned on: its recall is reported by
    // `npm run eval`, not asserted, so that no one is tempted to fit the matcher to it.
    const u = parallax.unseen;
    expect(u.onStoryPages).toBeGreaterThan(0);
    expect(u.offStoryFlagged).toBe(0);
    expect(u.offStoryJudgedOn).toBe(0);
    expect(u.onStoryFound).toBe(u.onStoryPages);
    expect(scores(u.scanned).precision).toBeGreaterThanOrEqual(0.9);
  });

  it('beats both baselines on F1', () => {
    const f1 = scores(parallax.all.test).f1;
    for (const baseline of run.systems.slice(1)) expect(f1, baseline.name).toBeGreaterThan(scores(baseline.all.test).f1);
  });
});
