// Choosing the article: the container with the most prose and the least else, furniture judged
// relative to it, and a verdict when the page has no article at all.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/extract';
import { parseHtml } from '../../../lib/node/html';

const PROSE = [
  'The United States may withdraw from its efforts to broker peace between Russia and Ukraine within days if no tangible progress is made, US Secretary of State Marco Rubio warned on Friday.',
  'Speaking to reporters amid ongoing high-level talks in Paris involving the US, Ukraine, and key European powers, Rubio said the administration is not willing to prolong negotiations indefinitely.',
  'The Paris meeting marked the first major diplomatic engagement on the conflict since Trump returned to office, and significant gaps remain over territorial disputes and continued strikes.',
  'Rubio noted that talks with Russian officials have continued discreetly following the Paris summit, but acknowledged a growing skepticism within the administration about Russia’s willingness to compromise.',
];
const OTHER_PROSE = 'This is a long reader comment that goes on about many things at length, with opinions on the war, the aid, the elections and the weather, written to be longer than any single paragraph of the article.';

const paragraphs = (texts: readonly string[]): string => texts.map((t) => `<p>${t}</p>`).join('');

function extract(bodyHtml: string, head = '<title>Page</title>') {
  return extractArticle(parseHtml(`<!doctype html><html><head>${head}</head><body>${bodyHtml}</body></html>`, 'https://news.example/a'));
}

const texts = (bodyHtml: string, head?: string) => extract(bodyHtml, head).sentences.map((s) => s.text);

describe('the article container', () => {
  it('reads an article inside a wrapper whose class names furniture (a misnamed layout wrapper)', () => {
    const sentences = texts(
      `<div class="layout has-sidebar"><div class="story">${paragraphs(PROSE)}</div>` +
      `<div class="sidebar"><p>${OTHER_PROSE}</p></div></div>`,
    );
    expect(sentences).toEqual(PROSE);
  });

  it('reads an article the page has aria-hidden behind an open consent dialog', () => {
    const sentences = texts(
      `<div id="page" aria-hidden="true"><header class="masthead"><a href="/">Home</a></header><main>${paragraphs(PROSE)}</main></div>` +
      '<div role="dialog" class="consent"><p>We and our partners use cookies to personalise content and ads, and to analyse our traffic.</p></div>',
    );
    expect(sentences).toEqual(PROSE);
  });

  it('reads an article whose own body element carries a furniture word', () => {
    expect(texts(`<div class="entry-content social-ready">${paragraphs(PROSE)}</div><nav><a href="/">Home</a></nav>`)).toEqual(PROSE);
  });

  it('prefers the article to a longer comment thread', () => {
    const comments = `<section id="comments">${paragraphs([OTHER_PROSE, OTHER_PROSE, OTHER_PROSE, OTHER_PROSE, OTHER_PROSE, OTHER_PROSE])}</section>`;
    expect(texts(`<article>${paragraphs(PROSE)}</article>${comments}`)).toEqual(PROSE);
  });

  it('joins paragraph groups split by ad slots and keeps the ads out', () => {
    const sentences = texts(
      `<div class="body"><div class="group">${paragraphs(PROSE.slice(0, 2))}</div>` +
      `<div class="ad-slot"><p>Advertisement — story continues below this message from our sponsor today</p></div>` +
      `<div class="group">${paragraphs(PROSE.slice(2))}</div></div>`,
    );
    expect(sentences).toEqual(PROSE);
  });

  it('keeps headings, list items and short sentences of the article, drops labels and link lists', () => {
    const sentences = texts(
      `<main><h2>Signs of Movement</h2>${paragraphs(PROSE)}<ul><li>Rubio warned the U.S. may abandon peace efforts within days</li></ul>` +
      `<p>He declined.</p><p>Advertisement</p><p>April 18, 2025</p><p><a href="/a">Read more: Trump says talks are going well</a></p></main>`,
    );
    expect(sentences).toEqual(['Signs of Movement', ...PROSE, 'Rubio warned the U.S. may abandon peace efforts within days', 'He declined.']);
  });

  it('does not let a page header outside the article mark the article’s own header as furniture', () => {
    const article = extract(`<header class="site-header"><h1 class="logo">Example News</h1></header><article><header><h1>Rubio warns US may quit</h1></header>${paragraphs(PROSE)}</article>`);
    expect(article.title).toBe('Rubio warns US may quit');
    expect(article.sentences.map((s) => s.text)).toEqual(['Rubio warns US may quit', ...PROSE]);
    expect(article.sentences[0]!.role).toBe('heading');
    expect(article.sentences[1]!.role).toBe('body');
  });
});

describe('pages without an article', () => {
  it('says so for an empty document', () => {
    const article = extractArticle(parseHtml('<!doctype html><html><head><title>Empty</title></head><body></body></html>'));
    expect(article).toMatchObject({ root: null, blocks: [], sentences: [], reason: 'empty-page', title: 'Empty' });
  });

  it('says so for navigation and labels only', () => {
    expect(extract('<nav><a href="/">Home</a><a href="/world">World</a></nav><p>Sign in</p><footer>© 2025</footer>').reason).toBe('empty-page');
  });

  it('says so for a single short paragraph', () => {
    const article = extract('<p>The site is down for maintenance and will be back in a few minutes. Thank you for your patience.</p>');
    expect(article.reason).toBe('too-little-text');
    expect(article.detail).toMatch(/1 paragraph with a readability score of 0\.0/);
  });

  it('recognises an index of teasers, even with long standfirsts', () => {
    const card = (i: number) => `<div class="card"><h3><a href="/story-${i}">Headline number ${i} about the news of the day</a></h3><p>${PROSE[i % PROSE.length]}</p></div>`;
    const article = extract(`<main>${[0, 1, 2, 3, 4, 5].map(card).join('')}</main>`);
    expect(article.reason).toBe('index-page');
    expect(article.detail).toMatch(/6 linked headlines beside 6 paragraphs/);
  });
});

describe('the title', () => {
  const body = `<article>${paragraphs(PROSE)}</article>`;

  it('falls back to og:title, then to the document title without the site name', () => {
    expect(extract(body, '<title>Rubio warns | Example</title><meta property="og:title" content="OG headline">').title).toBe('OG headline');
    expect(extract(body, '<title>World - Rubio warns US may walk away - Example News</title>').title).toBe('Rubio warns US may walk away');
  });

  it('takes an <h1> inside furniture only when the declared title confirms it', () => {
    const confirmed = extract(`<div class="page-header"><h1>Rubio warns US may walk away</h1></div>${body}`, '<title>Rubio warns US may walk away | Example</title>');
    expect(confirmed.title).toBe('Rubio warns US may walk away');
    const logo = extract(`<div class="page-header"><h1>Example</h1></div>${body}`, '<title>Rubio warns | Example</title>');
    expect(logo.title).toBe('Rubio warns');
  });
});
