import { describe, expect, it } from 'vitest';
import { findPublishedDate, normalizePublished } from '../../../lib/extract/published';
import { parseHtml } from '../../../lib/node/html';

const page = (head: string, body = '<article><p>Text.</p></article>') => parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

describe('findPublishedDate', () => {
  it('reads article:published_time first, as the publisher wrote it', () => {
    const doc = page(
      '<meta name="date" content="2025-04-17"><meta property="article:published_time" content="2025-04-18T23:30:00-05:00">',
      '<article><time datetime="2025-04-16">16 April</time></article>',
    );
    expect(findPublishedDate(doc)).toBe('2025-04-18T23:30:00-05:00');
  });

  it('reads JSON-LD datePublished, also inside @graph, and skips a block that does not parse', () => {
    const doc = page(
      '<script type="application/ld+json">{ not json</script>' +
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","dateModified":"2025-05-02","datePublished":"2025-04-18T09:12:00Z"}]}</script>',
    );
    expect(findPublishedDate(doc)).toBe('2025-04-18T09:12:00Z');
  });

  it('reads the common meta names and itemprop markup', () => {
    expect(findPublishedDate(page('<meta name="pubdate" content="20250418">'))).toBe('2025-04-18');
    expect(findPublishedDate(page('<meta name="DC.date.issued" content="2025-04-18">'))).toBe('2025-04-18');
    expect(findPublishedDate(page('', '<article><span itemprop="datePublished" content="2025-04-18">Friday</span></article>'))).toBe('2025-04-18');
  });

  it("reads a <time datetime> in the article, never the masthead's date or a modified date", () => {
    const doc = page(
      '<meta property="article:modified_time" content="2025-06-01">',
      '<header><time datetime="2026-12-06">Today</time></header><main><article><p class="byline"><time datetime="2025-04-18">April 18</time></p><p>Text.</p></article></main>',
    );
    expect(findPublishedDate(doc)).toBe('2025-04-18');
    expect(findPublishedDate(page('', '<header><time datetime="2026-12-06">Today</time></header><p>Text.</p>'))).toBeNull();
  });

  it('skips garbage and tries the next source', () => {
    const doc = page(
      '<meta property="article:published_time" content="2025-02-30T10:00:00Z"><meta name="date" content="yesterday"><meta name="pubdate" content="0000-00-00">' +
        `<script type="application/ld+json">${JSON.stringify({ datePublished: 'x'.repeat(300_000) })}</script>`,
      '<article><time datetime="{{date}}">soon</time><time datetime="2025-04-18">April 18</time></article>',
    );
    expect(findPublishedDate(doc)).toBe('2025-04-18');
    expect(findPublishedDate(page('<meta name="date" content="1713434400">'))).toBeNull();
  });

  it('never throws, even on a document whose query methods do', () => {
    const doc = page('');
    Object.defineProperty(doc, 'querySelectorAll', { value: () => { throw new Error('hostile'); } });
    expect(findPublishedDate(doc)).toBeNull();
  });
});

describe('normalizePublished', () => {
  it('keeps days and date-times, with the zone written as ±hh:mm', () => {
    expect(normalizePublished(' 2025-04-18 ')).toBe('2025-04-18');
    expect(normalizePublished('2025-04-18T10:05:00.123+0200')).toBe('2025-04-18T10:05:00+02:00');
    expect(normalizePublished('2025-04-18 10:05')).toBe('2025-04-18T10:05:00');
  });

  it('reads written dates with a four-digit year and refuses impossible ones', () => {
    expect(normalizePublished('Fri, 18 Apr 2025 10:00:00 GMT')).toBe('2025-04-18T10:00:00Z');
    expect(normalizePublished('2025-13-01')).toBeNull();
    expect(normalizePublished('1890-01-01')).toBeNull();
    expect(normalizePublished('18/04/25')).toBeNull();
    expect(normalizePublished(null)).toBeNull();
  });
});
