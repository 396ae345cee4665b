import { describe, expect, it } from 'vitest';
import { groupPoints } from '../../../lib/corpus/points';
import { isSectionLabel } from '../../../lib/text/roles';
import { loadSeedCorpus } from '../../eval/evaluate';

// The seed corpus as the builder makes it (points included), and a hand-checked list of groupings.
const corpus = loadSeedCorpus();
const A = '000_d92422b15f672f7c';
const B = '001_ba9eee08ec8f519a';
const C = '002_264115c7bb73e8f9';
const D = '003_667c5379cb0513e8';
const E = '004_1d32572d87f94e9b';

function sentenceId(articleId: string, piece: string): string {
  const hits = corpus.sentences.filter((s) => s.articleId === articleId && s.text.includes(piece));
  expect(hits, `${articleId}: "${piece}"`).toHaveLength(1);
  return hits[0]!.id;
}

function pointOf(articleId: string, piece: string) {
  const id = sentenceId(articleId, piece);
  const point = corpus.points.find((p) => p.sentenceIds.includes(id));
  expect(point, `no point holds ${id}`).toBeDefined();
  return point!;
}

describe('groupPoints on the seed corpus', () => {
  it('puts every outlet’s “the US may withdraw within days if there is no progress” in one point', () => {
    const point = pointOf(A, 'may withdraw from its efforts to broker peace');
    expect(point.sentenceIds).toContain(sentenceId(B, 'is prepared to abandon efforts to broker peace'));
    expect(point.sentenceIds).toContain(sentenceId(C, 'Rubio warned the U.S. may abandon peace efforts'));
    expect(point.sentenceIds).toContain(sentenceId(D, 'within days the United States would disengage'));
    expect(point.sentenceIds).toContain(sentenceId(E, 'may withdraw from mediating the Russia-Ukraine conflict'));
    expect(point.articleIds).toEqual([A, B, C, D, E]);
    expect(point.missingArticleIds).toEqual([]);
  });

  it('groups Peskov’s reply as 001 and 004 report it, and leaves it out of 000 and 003', () => {
    const point = pointOf(B, 'Dmitry Peskov acknowledged that some progress had been made');
    expect(point.sentenceIds).toContain(sentenceId(E, 'Dmitry Peskov acknowledged limited progress'));
    expect(point.missingArticleIds).toEqual(expect.arrayContaining([A, D]));
  });

  it('groups Russia’s demands (001, 004) and the minerals deal (000, 002)', () => {
    expect(pointOf(B, 'Russia’s demands include Ukraine renouncing').sentenceIds).toContain(
      sentenceId(E, 'Russia has set conditions for a settlement'),
    );
    expect(pointOf(A, 'agreed in principle to a separate preliminary deal').sentenceIds).toContain(
      sentenceId(C, 'nearing an agreement that would give America access'),
    );
  });

  it('groups one quote worded three ways: “weeks and months on end” / “drag this out for weeks or months”', () => {
    const point = pointOf(A, 'not going to continue with this endeavor for weeks and months');
    expect(point.sentenceIds).toContain(sentenceId(D, 'not going to continue with this endeavour for weeks and months'));
    expect(point.sentenceIds).toContain(sentenceId(B, 'not going to drag this out for weeks or months'));
  });

  it('groups a remark one outlet splits over two sentences with the one sentence another outlet states it in', () => {
    // 000 splits the remark ("… on the margins." / "We'll be ready to help …"); 003 gives it whole.
    // The two halves say different parts of it: their pair must not weigh against the join.
    const whole = pointOf(D, 'We’ll do what we can, on the margins, we’ll be able to help');
    expect(whole.sentenceIds).toContain(sentenceId(A, 'We’ll do what we can on the margins.'));
    expect(whole.sentenceIds).toContain(sentenceId(A, 'We’ll be ready to help whenever you’re ready to have peace.'));
  });

  it('keeps different points apart', () => {
    const withdraw = pointOf(A, 'may withdraw from its efforts to broker peace');
    expect(pointOf(B, 'JD Vance expressed optimism about ending the war').id).not.toBe(withdraw.id);
    expect(pointOf(B, 'Dmitry Peskov acknowledged').id).not.toBe(pointOf(B, 'spoke with Russian Foreign Minister Sergei Lavrov').id);
    expect(pointOf(C, 'Russia has continued deadly strikes').id).not.toBe(pointOf(A, 'agreed in principle').id);
  });

  it('places every article sentence in exactly one point, no furniture and no section label in any; stated + missing = all articles', () => {
    const placed = corpus.points.flatMap((p) => p.sentenceIds);
    expect(new Set(placed).size).toBe(placed.length);
    const labels = corpus.sentences.filter((s) => s.role === 'heading' && isSectionLabel(s.text));
    expect(labels.map((s) => s.text)).toContain('Quick Takes');
    const article = corpus.sentences.filter((s) => s.role !== 'furniture' && !labels.includes(s)).map((s) => s.id);
    expect(new Set(placed)).toEqual(new Set(article));
    const all = corpus.articles.map((a) => a.id);
    for (const p of corpus.points) {
      expect([...p.articleIds, ...p.missingArticleIds].sort()).toEqual([...all].sort());
      expect(p.label).toBe(corpus.sentences.find((s) => s.id === p.sentenceIds[0])?.text);
    }
  });

  it('groups two sentences that follow one point in their outlets when they share some words (the sequence bonus), and not without it', () => {
    const reaction = [sentenceId(B, 'diplomatic sources told Reuters his comments reflect growing frustration'), sentenceId(E, 'diplomatic sources report that Russia’s rigid stance')];
    const before = [sentenceId(B, 'If both sides remain too far apart'), sentenceId(E, 'If the positions of both sides remain too far apart')];
    const together = (points: readonly { sentenceIds: string[] }[], [x, y]: string[]): boolean =>
      points.some((p) => p.sentenceIds.includes(x!) && p.sentenceIds.includes(y!));
    expect(together(corpus.points, before)).toBe(true);
    expect(together(corpus.points, reaction)).toBe(true);
    expect(together(groupPoints({ articles: corpus.articles, sentences: corpus.sentences }, { pointSequenceBonus: 0 }), reaction)).toBe(false);
  });

  it('is deterministic', () => {
    expect(groupPoints({ articles: corpus.articles, sentences: corpus.sentences })).toEqual(corpus.points);
  });
});
