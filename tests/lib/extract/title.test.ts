import { describe, expect, it } from 'vitest';
import { cleanTitle, declaredTitle } from '../../../lib/extract/title';
import { parseHtml } from '../../../lib/node/html';

describe('cleanTitle', () => {
  it('keeps the headline and drops site and section names', () => {
    expect(cleanTitle('Rubio says US may walk away | Wire Desk')).toBe('Rubio says US may walk away');
    expect(cleanTitle('World - Rubio says US may walk away - AP News')).toBe('Rubio says US may walk away');
    expect(cleanTitle('Europe live: Rubio says US may pull out – as it happened | Europe | The Daily Ledger')).toBe('Europe live: Rubio says US may pull out');
  });

  it('keeps colons and hyphenated words, which headlines use themselves', () => {
    expect(cleanTitle('Rubio: U.S.-Ukraine talks at risk')).toBe('Rubio: U.S.-Ukraine talks at risk');
    expect(cleanTitle('  Rubio\n warns  ')).toBe('Rubio warns');
  });
});

describe('declaredTitle', () => {
  it('prefers og:title, then twitter:title, then <title>', () => {
    const doc = (head: string) => parseHtml(`<!doctype html><html><head>${head}</head><body></body></html>`);
    expect(declaredTitle(doc('<title>T | Site</title><meta name="twitter:title" content="Tw"><meta property="og:title" content="Og">'))).toBe('Og');
    expect(declaredTitle(doc('<title>T | Site</title><meta name="twitter:title" content="Tw">'))).toBe('Tw');
    expect(declaredTitle(doc('<title>Title here | Site</title>'))).toBe('Title here');
    expect(declaredTitle(doc(''))).toBe('');
  });
});
