import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/node/html';

describe('parseHtml', () => {
  it('parses a whole page and gives it the URL', () => {
    const doc = parseHtml('<!doctype html><html><head><title>A</title></head><body><p>z</p></body></html>', 'https://news.example/a');
    expect(doc.title).toBe('A');
    expect(doc.body.innerHTML).toBe('<p>z</p>');
    expect(doc.URL).toBe('https://news.example/a');
  });

  it('implies <html>, <head> and <body> where the page leaves them out, as a browser does', () => {
    const doc = parseHtml('<!doctype html><title>T</title><meta property="og:title" content="OG"><p>x</p><p>y</p>');
    expect(doc.documentElement.localName).toBe('html');
    expect(doc.title).toBe('T');
    expect(doc.head.querySelector('meta')!.getAttribute('content')).toBe('OG');
    expect(doc.body.innerHTML).toBe('<p>x</p><p>y</p>');
    expect(parseHtml('<html><head><title>T</title></head><p>x</p></html>').body.innerHTML).toBe('<p>x</p>');
    expect(parseHtml('<p>fragment</p>').body.innerHTML).toBe('<p>fragment</p>');
  });

  it('gives an empty document an empty body instead of failing', () => {
    const doc = parseHtml('');
    expect(doc.body.childNodes).toHaveLength(0);
    expect(doc.title).toBe('');
    expect(parseHtml('plain text').body.textContent).toBe('plain text');
  });
});
