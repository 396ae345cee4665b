// The failure classes of issue 12 (and issue 11's short pages) in small pages: each rule, and the
// protection it must not break.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/extract';
import { CJK_CHAR_WEIGHT, weightedLength } from '../../../lib/extract/walk';
import { parseHtml } from '../../../lib/node/html';

const PROSE = [
  'The harbour board approved a plan on Monday to dredge the east channel before winter, after two cargo ships ran aground there in a month.',
  'Work will start in September and take about six weeks, during which the channel will be closed to boats longer than twenty metres.',
  'Fishermen welcomed the plan but asked the board to keep the fuel dock open while the dredgers are working, which it agreed to do.',
  'The board said the cost would be shared with the regional government, which owns the channel markers and the lighthouse beside it.',
];
const p = (texts: readonly string[]): string => texts.map((t) => `<p>${t}</p>`).join('');

function extract(body: string, head = '<title>Harbour board approves dredging plan | Port News</title>') {
  return extractArticle(parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'https://news.example/a'));
}
const texts = (body: string, head?: string): string[] => extract(body, head).sentences.map((s) => s.text);
const blocks = (body: string, head?: string): string[] => extract(body, head).blocks.map((b) => b.text);

describe('a short item', () => {
  const brief = 'The east channel will be dredged before winter, the harbour board said on Monday. Two cargo ships ran aground there last month.';

  it('is an article with a headline and a paragraph of prose', () => {
    expect(blocks(`<article><h1>Channel to be dredged</h1><p>${brief}</p></article>`)).toEqual(['Channel to be dredged', brief]);
    // The declared title stands for the headline when there is no <h1>.
    expect(extract(`<article><p>${brief}</p></article>`).reason).toBeUndefined();
  });

  it('is not an article without a headline, nor with a label or a line that is no sentence', () => {
    expect(extract(`<p>${brief}</p>`, '<title>Port</title>').reason).toBe('too-little-text');
    expect(extract('<article><h1>Channel to be dredged</h1><p>Sign up for our newsletter to get the news every morning</p></article>').reason)
      .toBe('too-little-text');
  });

  it('keeps furniture out', () => {
    const sentences = blocks(`<nav><a href="/">Home</a><a href="/port">Port</a></nav><article><h1>Channel to be dredged</h1>` +
      `<div class="share-bar"><a href="#">Share on Facebook</a></div><p>${brief}</p></article><footer><p>© Port News, all rights reserved.</p></footer>`);
    expect(sentences).toEqual(['Channel to be dredged', brief]);
  });
});

describe('scripts written without spaces', () => {
  it(`count each character ${CJK_CHAR_WEIGHT} times`, () => {
    expect(weightedLength('港口')).toBe(2 * CJK_CHAR_WEIGHT);
    expect(weightedLength('Port 港')).toBe(5 + CJK_CHAR_WEIGHT);
    expect(weightedLength('plain text')).toBe(10);
  });

  it('reach the same thresholds as English prose of the same content', () => {
    const article = extract('<div class="content"><h1>港口将在冬季前疏浚东航道</h1><p>港务委员会周一批准了一项计划，将在冬季前疏浚东航道。此前一个月内有两艘货船在那里搁浅。</p>' +
      '<p>工程将于九月开始，持续约六周，期间超过二十米的船只不得通行。</p><p>渔民对此表示欢迎。</p></div>', '<title>港口新闻</title>');
    expect(article.reason).toBeUndefined();
    expect(article.sentences.map((s) => s.text)).toContain('渔民对此表示欢迎。');
  });
});

describe('<br>-separated lines', () => {
  const lines = PROSE.flatMap((t) => t.split(', ')).map((t) => t.replace(/\.$/, '') + '.');

  it('are one paragraph to the verdict, and each line is kept', () => {
    const article = extract(`<div class="post"><p>${lines.join('<br>\n')}</p></div>`);
    expect(article.reason).toBeUndefined();
    expect(article.sentences.map((s) => s.text)).toEqual(lines);
  });

  it('end their paragraph at a blank line (<br><br>)', () => {
    const article = extract(`<div class="post"><p>${lines.slice(0, 3).join('<br>')}<br><br>${lines.slice(3).join('<br>')}</p></div>`);
    expect(article.reason).toBeUndefined();
    expect(article.sentences.map((s) => s.text)).toEqual(lines);
  });
});

describe('linked headings in the article’s container', () => {
  const teasers = (n: number) => `<div class="stream"><h2>More news</h2><ul>${Array.from({ length: n }, (_, i) =>
    `<li><h3><a href="/t${i}">Teaser headline number ${i} about another matter</a></h3><p>${PROSE[i % PROSE.length]!.slice(0, 120)}.</p></li>`).join('')}</ul></div>`;

  it('do not make it an index when a story body dominates, and stay out of the article', () => {
    const article = extract(`<div class="main"><h1>Harbour board approves dredging plan</h1><div class="story">${p(PROSE)}</div>${teasers(6)}</div>`);
    expect(article.reason).toBeUndefined();
    expect(article.sentences.map((s) => s.text).filter((t) => /Teaser|More news/.test(t))).toEqual([]);
    expect(article.sentences.map((s) => s.text)).toContain(PROSE[0]);
  });

  it('still make a page of teasers an index', () => {
    expect(extract(`<main>${teasers(8)}</main>`).reason).toBe('index-page');
  });

  it('do not make a list article an index when each item carries paragraphs of its own', () => {
    const items = [0, 1, 2, 3].map((i) => `<h2><a href="/place-${i}">Place number ${i}</a></h2>${p([PROSE[i]!, PROSE[(i + 1) % 4]!, PROSE[(i + 2) % 4]!])}`);
    expect(extract(`<article><h1>Four harbours to visit</h1>${items.join('')}</article>`).reason).toBeUndefined();
  });
});

describe('a body split into sibling containers', () => {
  it('is joined in page order, around an ad slot, the opening kept', () => {
    const body = `<article><h1>Harbour board approves dredging plan</h1><p class="meta">By Ana Ruiz, port reporter, Monday 4 March 2024</p>` +
      `<div class="body-a">${p(PROSE.slice(0, 1))}</div><div class="ad-slot"><p>Advertisement</p></div>` +
      `<div class="body-b">${p(PROSE.slice(1))}</div>` +
      `<div class="more"><h4>Also on the port</h4><ul>${[1, 2, 3, 4, 5, 6].map((i) => `<li><a href="/x${i}">Ferry timetable changes for the winter season announced, part ${i}</a></li>`).join('')}</ul></div></article>`;
    // The article element holds a byline and a long list of links: the second part wins alone,
    // and the opening before the ad slot joins it.
    expect(texts(body)).toEqual(['Harbour board approves dredging plan', ...PROSE]);
  });

  it('joins a like container after the body, but not one of another kind', () => {
    const aside = 'A reader wrote in to say that the harbour used to be dredged every spring when she was a girl, and that the channel was deeper then.';
    const links = [1, 2, 3, 4, 5, 6].map((i) => `<li><a href="/x${i}">Ferry timetable changes for the winter season announced, part ${i}</a></li>`).join('');
    const body = `<div class="page"><ul class="quick-links">${links}</ul><div class="story-part">${p(PROSE.slice(0, 3))}</div>` +
      `<div class="promo-x"><p>Advertisement</p></div><div class="story-part">${p(PROSE.slice(3))}</div><div class="letters"><p>${aside}</p></div></div>`;
    expect(texts(body)).toEqual(PROSE);
  });
});

describe('a gallery of captions', () => {
  it('is not prose: the story beside it wins, and its captions stay out', () => {
    const captions = Array.from({ length: 10 }, (_, i) =>
      `<li><h2>${i + 1}/10 Picture ${i}</h2><p>${PROSE[i % 4]} It was taken by our photographer on the quay, picture ${i}.</p><p class="credits">PORT NEWS</p></li>`).join('');
    const article = extract(`<article><h1>Harbour board approves dredging plan</h1><div class="text">${p(PROSE.slice(0, 2))}` +
      `<div class="photo-gallery"><ul>${captions}</ul></div>${p(PROSE.slice(2))}</div></article>`);
    expect(article.sentences.map((s) => s.text)).toEqual(['Harbour board approves dredging plan', ...PROSE]);
  });

  it('does not hide an article whose wrapper is named like a gallery', () => {
    expect(texts(`<div class="gallery-page"><article>${p(PROSE)}</article></div>`)).toEqual(PROSE);
  });
});
