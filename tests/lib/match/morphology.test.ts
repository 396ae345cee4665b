import { describe, expect, it } from 'vitest';
import { inflections, linkable, StemFamilies } from '../../../lib/match/morphology';
import { stem } from '../../../lib/match/terms';

describe('inflections', () => {
  it('gives plural, past and -ing forms, with the spelling changes English makes', () => {
    expect(inflections('withdraw')).toEqual(expect.arrayContaining(['withdraw', 'withdraws', 'withdrawed', 'withdrawing']));
    expect(inflections('mediate')).toEqual(expect.arrayContaining(['mediates', 'mediated', 'mediating']));
    expect(inflections('difficulty')).toContain('difficulties');
    expect(inflections('quit')).toEqual(expect.arrayContaining(['quits', 'quitting']));
    expect(inflections('stop')).toEqual(expect.arrayContaining(['stopped', 'stopping']));
    expect(inflections('discuss')).toContain('discusses');
  });

  it('gives no derivations: "position" is not an inflection of "positive"', () => {
    expect(inflections('positive')).not.toContain('position');
    expect(inflections('positive')).not.toContain('positions');
    expect(inflections('communication')).not.toContain('community');
  });
});

describe('linkable and StemFamilies', () => {
  it('links stems of one derivational family that Porter leaves apart', () => {
    expect(stem('difficulties')).not.toBe(stem('difficult'));
    expect(linkable(stem('difficulties'), stem('difficult'))).toBe(true);
    expect(linkable(stem('commerce'), stem('commercial'))).toBe(true);
    expect(linkable(stem('strategy'), stem('strategic'))).toBe(true);
  });

  it('never links short stems, where false friends are: policy/police, party/part, victory/victor', () => {
    expect(linkable(stem('policy'), stem('police'))).toBe(false);
    expect(linkable(stem('party'), stem('part'))).toBe(false);
    expect(linkable(stem('victory'), stem('victor'))).toBe(false);
    expect(linkable(stem('army'), stem('arm'))).toBe(false);
  });

  it('resolves a page stem onto the corpus stem of its family, and leaves others alone', () => {
    const families = new StemFamilies(new Set([stem('difficulties'), stem('strategic'), stem('police')]), 100);
    expect(families.resolve(stem('difficult'))).toBe(stem('difficulties'));
    expect(families.resolve(stem('strategy'))).toBe(stem('strategic'));
    expect(families.resolve(stem('policy'))).toBe(stem('policy'));
    expect(families.resolve(stem('elsewhere'))).toBe(stem('elsewhere'));
  });
});

describe('stem', () => {
  it('keeps apart the news words Porter folds onto unrelated ones', () => {
    expect(stem('news')).not.toBe(stem('new'));
    expect(stem('general')).not.toBe(stem('generation'));
    expect(stem('generally')).toBe(stem('general'));
    expect(stem('university')).not.toBe(stem('universe'));
  });
});
