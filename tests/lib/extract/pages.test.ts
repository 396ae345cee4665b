// The saved news pages of tests/fixtures/pages/, read in Node through linkedom exactly as the CLI reads
// a page: the article's sentences come out, the furniture around them does not.
import { describe, expect, it } from 'vitest';
import { extractArticle, toPageText } from '../../../lib/extract';
import { parseHtml } from '../../../lib/node/html';
import { fixturePageNames, readFixturePage, runPageScripts, squash } from '../../fixtures/pages/fixtures';

const names = fixturePageNames();

it('has the page layouts issue 5 asks for', () => {
  expect(names).toEqual(
    expect.arrayContaining([
      'wire-story', 'blog-sidebar', 'live-blog', 'comment-thread', 'amp-article', 'script-article',
      'shadow-root', 'index-page',
    ]),
  );
});

describe.each(names)('%s', (name) => {
  const { html, expect: page } = readFixturePage(name);

  function load(): Document {
    const doc = parseHtml(html, page.url);
    if (page.needsScripts) runPageScripts(doc).runAll();
    return doc;
  }

  it('has the expected title, URL and verdict', () => {
    const article = extractArticle(load());
    expect(article.title).toBe(page.title);
    expect(article.url).toBe(page.url);
    if (page.article) {
      expect(article.reason).toBeUndefined();
      expect(article.root).not.toBeNull();
      expect(article.sentences.length).toBeGreaterThan(0);
    } else {
      expect(article.reason).toBe(page.reason);
      expect(article.detail).toEqual(expect.any(String));
      expect(article.blocks).toEqual([]);
      expect(article.sentences).toEqual([]);
    }
  });

  it('extracts every sentence of the article it must, in page order', () => {
    const texts = extractArticle(load()).sentences.map((s) => squash(s.text));
    const positions = page.mustExtract.map((sentence) => texts.indexOf(squash(sentence)));
    expect(page.mustExtract.filter((_, i) => positions[i] === -1)).toEqual([]);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('extracts none of the page furniture', () => {
    const texts = extractArticle(load()).sentences.map((s) => s.text);
    const leaked = page.mustNotExtract.filter((furniture) => texts.some((t) => t.includes(furniture)));
    expect(leaked).toEqual([]);
  });

  it('maps every sentence back to the DOM text it was read from', () => {
    const article = extractArticle(load());
    for (const sentence of article.sentences) {
      const fromNodes = sentence.segments.map((g) => g.node.data.slice(g.start, g.end)).join(' ');
      expect(squash(fromNodes).replace(/ /g, '')).toBe(squash(sentence.text).replace(/ /g, ''));
      const block = article.blocks[sentence.block]!;
      expect(block.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
  });

  it('numbers sentences and blocks in order, and sends only strings to the background', () => {
    const article = extractArticle(load());
    article.sentences.forEach((s, i) => expect(s.index).toBe(i));
    article.blocks.forEach((b, i) => expect(b.index).toBe(i));
    const text = toPageText(article);
    expect(JSON.parse(JSON.stringify(text))).toEqual(text);
    expect(text.sentences).toEqual(article.sentences.map((s) => s.text));
  });
});

describe('script-article before and after its scripts', () => {
  const { html, expect: page } = readFixturePage('script-article');

  it('has no article until the story is rendered, then the story, then the late update', () => {
    const doc = parseHtml(html, page.url);
    expect(extractArticle(doc).reason).toBe('too-little-text');
    const clock = runPageScripts(doc);
    clock.advance(300);
    const rendered = extractArticle(doc).sentences.map((s) => s.text);
    expect(rendered).toContain(page.mustExtract[0]);
    expect(rendered).not.toContain('Otherwise, we will move in a different direction.”');
    clock.advance(1200);
    expect(extractArticle(doc).sentences.map((s) => s.text)).toContain('Otherwise, we will move in a different direction.”');
  });
});

describe('shadow-root without its script', () => {
  it('reads the light DOM alone when no shadow root is attached', () => {
    const { html, expect: page } = readFixturePage('shadow-root');
    const texts = extractArticle(parseHtml(html, page.url)).sentences.map((s) => s.text);
    expect(texts).toContain('Construction is expected to start next spring and to take about three years.');
    expect(texts).not.toContain('The vote on Thursday night was 31 to 17.');
  });
});
