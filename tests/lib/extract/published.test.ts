import { describe, expect, it } from 'vitest';
import { findPublishedDate, normalizePublished } from '../../../lib/extract/published';
import { writtenDates } from '../../../lib/extract/byline-date';
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

/** A news page whose date is written only in its text: a masthead, the article, what follows it. */
const written = (article: string, around: { masthead?: string; after?: string; head?: string } = {}) =>
  page(
    `<title>Council approves the new harbour budget | Local Gazette</title>${around.head ?? ''}`,
    `<header class="site-header"><a class="logo" href="/">Local Gazette</a>${around.masthead ?? ''}<nav><a href="/news">News</a></nav></header>` +
      `<main>${article}${around.after ?? ''}</main><footer><p>Local Gazette, since 1998</p></footer>`,
  );
const BODY = '<p>The harbour council voted on Thursday to approve a budget that doubles spending on the old quay, after a year of delays and two failed votes.</p>';

describe('findPublishedDate: a date written only in the byline', () => {
  it('reads the common byline and dateline layouts', () => {
    const layouts: [string, string][] = [
      ['<p class="byline">By Jane Doe | April 27, 2025</p>', '2025-04-27'],
      ['<div class="article-meta">Published 27 April 2025, 10:14 BST</div>', '2025-04-27'],
      ['<div class="post-info"><span class="posted-on">April 27, 2025 at 10:00 am</span></div>', '2025-04-27'],
      ['<div class="dcr-timestamp">Sun 27 Apr 2025 09.00 EDT</div>', '2025-04-27'],
      ['<span class="date">27.04.2025</span>', '2025-04-27'],
      ['<div class="entry-meta">Posted on 2025/04/27 by admin</div>', '2025-04-27'],
      ['<h5 class="story-posted-date">4/27/2025 8:05 AM PT BY GAZETTE STAFF</h5>', '2025-04-27'],
      ['<time>Sunday, the 27th of April, 2025</time>', '2025-04-27'],
      ['<p class="pubDate">Apr. 7th 2025</p>', '2025-04-07'],
    ];
    for (const [byline, day] of layouts) {
      const doc = written(`<article><h1>Council approves the new harbour budget</h1>${byline}${BODY}</article>`);
      expect(findPublishedDate(doc), byline).toBe(day);
    }
  });

  it('reads an unmarked line right under the headline, where a byline writes its date', () => {
    expect(findPublishedDate(written(`<article><header><h1>Council approves the new harbour budget</h1></header><p>By Jane Doe · Sep 3, 2024</p>${BODY}</article>`))).toBe('2024-09-03');
    // No article element: the headline the <title> names, and the line under it.
    expect(findPublishedDate(written(`<div class="post"><h1>Council approves the new harbour budget</h1><p>Tuesday 15 October 2024 by Jane Doe</p>${BODY}</div>`))).toBe('2024-10-15');
    // A standfirst's date is news in it, not the page's: the line must be shaped like a byline.
    expect(findPublishedDate(written(`<article><h1>Council approves the new harbour budget</h1><p>The plan agreed on 12 March 2024 had stalled twice.</p>${BODY}</article>`))).toBeNull();
  });

  it('reads a dateline that opens the first paragraph', () => {
    const lede = '<p>Feb. 3, 2025 -- The harbour council voted on Thursday to approve a budget that doubles spending on the old quay.</p>';
    expect(findPublishedDate(written(`<article><h1>Council approves the new harbour budget</h1><p class="author">By Jane Doe</p>${lede}</article>`))).toBe('2025-02-03');
    const place = '<p>PORTSMOUTH, 3 February 2025 — The harbour council voted on Thursday to approve a budget for the old quay.</p>';
    expect(findPublishedDate(written(`<article><h1>Council approves the new harbour budget</h1>${place}</article>`))).toBe('2025-02-03');
    const inSentence = '<p>In a vote on 3 February 2025, the harbour council approved a budget that doubles spending on the old quay.</p>';
    expect(findPublishedDate(written(`<article><h1>Council approves the new harbour budget</h1>${inSentence}</article>`))).toBeNull();
  });

  it("reads the article's own date, never the masthead's", () => {
    const masthead = '<div class="today-date">Sunday, December 6, 2026</div>';
    const article = `<article><h1>Council approves the new harbour budget</h1><p class="byline">By Jane Doe, April 27, 2025</p>${BODY}</article>`;
    expect(findPublishedDate(written(article, { masthead }))).toBe('2025-04-27');
    expect(findPublishedDate(written(`<article><h1>Council approves the new harbour budget</h1>${BODY}</article>`, { masthead }))).toBeNull();
  });

  it("never reads related articles' or comments' dates", () => {
    const own = '<p class="byline">By Jane Doe | May 2, 2025</p>';
    const related = '<aside class="more"><h2>More news</h2><ul><li><a href="/a">Ferry timetable changes</a> <span class="date">April 2, 2025</span></li></ul></aside>';
    const card = '<article class="card"><a href="/b"><img src="f.jpg" alt=""><span>Ferry timetable changes</span></a><time>April 3, 2025</time></article>';
    const list = '<h2><a href="/c">Ferry timetable changes for the summer</a></h2><p class="meta">April 4, 2025</p>';
    const comments = '<section id="comments"><div class="comment"><p class="comment-meta">April 28, 2025 at 9:14 pm</p><p>Good news.</p></div></section>';
    const reply = '<div><p class="reply-date">April 28, 2025</p><p>Good news for the quay.</p></div>';
    for (const after of [related, card, list, comments, reply]) {
      const undated = `<article><h1>Council approves the new harbour budget</h1><p>By Jane Doe</p>${BODY}${BODY}${after}</article>`;
      expect(findPublishedDate(written(undated)), after).toBeNull();
      const dated = `<article><h1>Council approves the new harbour budget</h1>${own}${BODY}${BODY}${after}</article>`;
      expect(findPublishedDate(written(dated)), after).toBe('2025-05-02');
      expect(findPublishedDate(written(`<article><h1>Council approves the new harbour budget</h1>${own}${BODY}</article>`, { after })), after).toBe('2025-05-02');
    }
    // The article's own class may name what follows it.
    expect(findPublishedDate(written(`<article class="post has-comments"><h1>Council approves the new harbour budget</h1>${own}${BODY}</article>`))).toBe('2025-05-02');
    // A caption's date is the picture's.
    const figure = '<figure><img src="q.jpg" alt=""><figcaption class="date">The quay on April 20, 2025</figcaption></figure>';
    expect(findPublishedDate(written(`<article><h1>Council approves the new harbour budget</h1>${figure}${own}${BODY}</article>`))).toBe('2025-05-02');
  });

  it('reads the published date, never an update date, and no date when only an update is shown', () => {
    const head = '<article><h1>Council approves the new harbour budget</h1>';
    expect(findPublishedDate(written(`${head}<p class="byline">Updated April 29, 2025 · Published April 27, 2025</p>${BODY}</article>`))).toBe('2025-04-27');
    expect(findPublishedDate(written(`${head}<p class="byline">First published on 27 April 2025; last modified on 2 May 2025</p>${BODY}</article>`))).toBe('2025-04-27');
    expect(findPublishedDate(written(`${head}<div class="meta"><span class="updated">April 29, 2025</span> <span class="date">April 27, 2025</span></div>${BODY}</article>`))).toBe('2025-04-27');
    expect(findPublishedDate(written(`${head}<p class="meta">Updated: <time>April 29, 2025</time></p><p class="date">April 27, 2025</p>${BODY}</article>`))).toBe('2025-04-27');
    const lines = '<p>A standfirst about the budget.</p><p>Photo: the quay.</p><p>Listen to this article</p>';
    expect(findPublishedDate(written(`${head}${lines}<div><span>Posted:</span> <time>April 27, 2025</time> <span>Updated:</span> <time>April 29, 2025</time></div>${BODY}</article>`))).toBe('2025-04-27');
    expect(findPublishedDate(written(`${head}${lines}<div><span>Updated:</span> <time>April 29, 2025</time></div>${BODY}</article>`))).toBeNull();
    // Only an update: an article updated days later is still its first day's news, so no date.
    expect(findPublishedDate(written(`${head}<p class="byline">By Jane Doe | Updated: Apr 29, 2025 8:05 p.m. ET</p>${BODY}</article>`))).toBeNull();
    expect(findPublishedDate(written(`${head}<span class="last-modified">29.04.2025</span>${BODY}</article>`))).toBeNull();
  });

  it('refuses what is not a day: relative times, ambiguous or impossible dates, and markup comes first', () => {
    const dated = (byline: string) => findPublishedDate(written(`<article><h1>Council approves the new harbour budget</h1>${byline}${BODY}</article>`));
    expect(dated('<p class="byline">By Jane Doe | 2 hours ago</p>')).toBeNull();
    expect(dated('<span class="date">04/05/2025</span>')).toBeNull();
    expect(dated('<span class="date">February 30, 2025</span>')).toBeNull();
    expect(dated('<span class="date">May 4, 1890</span>')).toBeNull();
    expect(dated('<span class="date">May 2025</span>')).toBeNull();
    expect(dated('<span class="date">05/04/2025</span><span class="date">13/04/2025</span>')).toBe('2025-04-13');
    const meta = page('<meta property="article:published_time" content="2025-04-26T08:00:00Z">', `<article><h1>Council approves the new harbour budget</h1><p class="byline">May 2, 2025</p>${BODY}</article>`);
    expect(findPublishedDate(meta)).toBe('2025-04-26T08:00:00Z');
  });

  it('stays bounded on hostile pages: a huge byline is not read whole, the walk ends', () => {
    const huge = `<div class="meta">${'<span>x</span>'.repeat(5_000)}<span class="date">April 27, 2025</span></div>`;
    expect(findPublishedDate(written(`<article><h1>Council approves the new harbour budget</h1>${huge}${BODY}</article>`))).toBeNull();
    const deep = `${'<div>'.repeat(2_000)}<span class="date">April 27, 2025</span>${'</div>'.repeat(2_000)}`;
    expect(findPublishedDate(written(`<article><h1>Council approves the new harbour budget</h1><p class="date">Apr 26, 2025</p>${deep}</article>`))).toBe('2025-04-26');
  });
});

describe('writtenDates', () => {
  it('finds every written date with the label before it', () => {
    expect(writtenDates('Published 27 April 2025 10:14, updated 2025-04-29')).toEqual([
      { day: '2025-04-27', label: 'published', index: 10, end: 23 },
      { day: '2025-04-29', label: 'updated', index: 39, end: 49 },
    ]);
    expect(writtenDates('on sept. 9 2024 and 9 Sept 2024 and 09.09.2024').map((d) => d.day)).toEqual(['2024-09-09', '2024-09-09', '2024-09-09']);
    expect(writtenDates('v1.2.2025, 12025-01-01, 2025-1-32, 2025-04-271, Mayor 5, 2025')).toEqual([]);
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
