/**
 * The page gate: is this page about the story? A page about other Ukraine or Rubio news can have
 * one sentence that happens to resemble a corpus sentence; a page on the story states several of
 * the story's points. So the evidence is a noisy-or over the best scores of distinct points
 * (at most `storyEvidencePoints` of them): one strong match is not enough, two or three are.
 */
import type { Match } from '../types';
import type { MatchParams } from './params';

/** Evidence in [0, 1] that a page is on the story, from each of its sentences' matches (title first). */
export function storyEvidence(
  matchesPerSentence: readonly (readonly Match[])[],
  params: Pick<MatchParams, 'storyEvidencePoints'>,
): number {
  const bestPerPoint = new Map<string, number>();
  for (const matches of matchesPerSentence) {
    const best = matches[0];
    if (best === undefined) continue;
    const key = best.pointId ?? best.sentenceId;
    bestPerPoint.set(key, Math.max(bestPerPoint.get(key) ?? 0, best.score));
  }
  const top = [...bestPerPoint.values()].sort((a, b) => b - a).slice(0, params.storyEvidencePoints);
  return 1 - top.reduce((miss, score) => miss * (1 - score), 1);
}
