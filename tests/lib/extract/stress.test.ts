// Huge and deep pages: extraction finishes, throws nothing, and its time grows linearly with the
// page. Times are compared between two sizes of the same page, in batches of tens of ms
// (tests/lib/properties/growth.ts), never against a fixed wall clock.
import { describe, expect, it } from 'vitest';
import { extractArticle, extractArticleSteps } from '../../../lib/extract';
import { chooseRoot, chooseRootSteps, SCORE_ELEMENTS_PER_STEP } from '../../../lib/extract/article';
import { SENTENCE_WINDOW_CHARS } from '../../../lib/extract/sentences';
import { runToEnd } from '../../../lib/extract/slices';
import { MAX_BLOCK_CHARS, walk, WALK_CHARS_PER_STEP, WALK_NODES_PER_STEP } from '../../../lib/extract/walk';
import { parseHtml } from '../../../lib/node/html';
import { compareGrowth, describeGrowth } from '../properties/growth';

/** Tenfold input may cost at most this many times more: linear is ~10, quadratic ~100. */
const TENFOLD_TIME_BOUND = 30;

const PARAGRAPH =
  'Rubio said the administration is <em>not</em> willing to prolong negotiations indefinitely, and that the ' +
  '<a href="/talks">talks in Paris</a> had been <span class="hl">constructive</span> but no deal was near.';

/** A news page of about `elements` elements: menus, teaser rails, comments and a 40-paragraph article. */
function hugePage(elements: number): { html: string; elements: number } {
  const parts: string[] = ['<!doctype html><html><head><title>Huge page | Site</title></head><body><nav><ul>'];
  let count = 5;
  for (let i = 0; i < elements / 20; i++, count += 2) parts.push(`<li><a href="/s${i}">Section ${i}</a></li>`);
  parts.push('</ul></nav><div class="layout"><main><article><h1>Rubio warns on Ukraine talks</h1><div class="article-body">');
  count += 6;
  for (let i = 0; i < 40; i++, count += 4) parts.push(`<p>${PARAGRAPH}</p>`);
  parts.push('</div></article><section id="comments">');
  count += 2;
  while (count < elements * 0.6) {
    parts.push(`<div class="comment"><span class="author">Reader ${count}</span><p>I think ${count} is a fine number, <b>really</b>.</p></div>`);
    count += 4;
  }
  parts.push('</section></main><aside class="rail">');
  count += 2;
  while (count < elements) {
    parts.push(`<div class="card"><h3><a href="/t${count}">Teaser ${count}</a></h3><div><span>${count} minutes ago</span></div></div>`);
    count += 6;
  }
  parts.push('</aside></div><footer>© Site</footer></body></html>');
  return { html: parts.join(''), elements: count };
}

/** A page whose article sits at the bottom of `depth` nested elements, each holding a little text. */
function deepPage(depth: number): Document {
  const doc = parseHtml('<!doctype html><html><head><title>Deep</title></head><body></body></html>');
  let parent: Element = doc.body;
  for (let level = 0; level < depth; level++) {
    const div = doc.createElement(level % 2 === 0 ? 'div' : 'section');
    const span = doc.createElement('span');
    span.textContent = `level ${level}`;
    div.appendChild(span);
    parent.appendChild(div);
    parent = div;
  }
  for (let i = 0; i < 8; i++) {
    const p = doc.createElement('p');
    p.innerHTML = PARAGRAPH;
    parent.appendChild(p);
  }
  return doc;
}

describe('a 100,000-element page', () => {
  const big = hugePage(100_000);
  const small = hugePage(10_000);
  const bigDoc = parseHtml(big.html);
  const smallDoc = parseHtml(small.html);

  it('yields its article and none of the rest', () => {
    expect(big.elements).toBeGreaterThanOrEqual(100_000);
    const article = extractArticle(bigDoc);
    expect(article.reason).toBeUndefined();
    expect(article.title).toBe('Rubio warns on Ukraine talks');
    expect(article.sentences).toHaveLength(41);
    expect(article.sentences.some((s) => /Reader|Teaser|Section/.test(s.text))).toBe(false);
  });

  it('costs time in proportion to its size', () => {
    const measured = compareGrowth(() => extractArticle(smallDoc), () => extractArticle(bigDoc), 10, TENFOLD_TIME_BOUND);
    expect(measured.ratio, describeGrowth('elements', measured, 10)).toBeLessThan(TENFOLD_TIME_BOUND);
  });

  it(`gives the caller a chance to pause at least every ${WALK_NODES_PER_STEP} nodes`, () => {
    const steps = extractArticleSteps(bigDoc);
    let yields = 0;
    while (!steps.next().done) yields++;
    // Every element has at least one text node or sibling to walk: more than one node per element.
    expect(yields).toBeGreaterThanOrEqual(Math.floor(big.elements / WALK_NODES_PER_STEP));
  });
});

describe('choosing the article on a 100,000-element page', () => {
  it(`scores ${SCORE_ELEMENTS_PER_STEP} elements per step, with the answer of one pass`, () => {
    const walked = runToEnd(walk(parseHtml(hugePage(100_000).html).body));
    const steps = chooseRootSteps(walked);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(Math.floor(walked.elements.length / SCORE_ELEMENTS_PER_STEP));
    expect(step.value).toBe(chooseRoot(walked));
    expect(walked.elements[step.value]!.className).toBe('article-body');
  });
});

describe('a single 5 MB text node', () => {
  const SENTENCE = 'The harbour authority reported a record harvest of late apples after months of careful preparation. ';
  const page = parseHtml(`<!doctype html><html><head><title>Dump</title></head><body><main><article><h1>Rubio warns on Ukraine talks</h1>
    ${`<p>${PARAGRAPH}</p>`.repeat(3)}<p id="dump"></p><p>${PARAGRAPH}</p></article></main></body></html>`);
  page.getElementById('dump')!.appendChild(page.createTextNode(SENTENCE.repeat(Math.ceil(5_000_000 / SENTENCE.length))));

  it(`reads its first ${MAX_BLOCK_CHARS} characters, and the article around it`, () => {
    const article = extractArticle(page);
    const dump = article.blocks.find((b) => b.element.id === 'dump')!;
    expect(dump.text.length).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
    expect(dump.text.length).toBeGreaterThan(MAX_BLOCK_CHARS - SENTENCE.length);
    expect(article.sentences.filter((s) => s.block === dump.index).length).toBe(Math.ceil(dump.text.length / SENTENCE.length));
    // The paragraph after the dump is read too.
    expect(article.sentences.at(-1)!.text).toMatch(/^Rubio said the administration is not willing/);
  });

  it('is read and split in steps of bounded size', () => {
    const steps = extractArticleSteps(page);
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(yields).toBeGreaterThanOrEqual(MAX_BLOCK_CHARS / WALK_CHARS_PER_STEP + MAX_BLOCK_CHARS / SENTENCE_WINDOW_CHARS - 2);
  });
});

describe('a page nested 5,000 elements deep', () => {
  it('yields the article at the bottom without overflowing the stack', () => {
    const article = extractArticle(deepPage(5_000));
    expect(article.reason).toBeUndefined();
    expect(article.sentences.map((s) => s.text)).toEqual(
      Array(8).fill('Rubio said the administration is not willing to prolong negotiations indefinitely, and that the talks in Paris had been constructive but no deal was near.'),
    );
  });

  it('costs time in proportion to its depth', () => {
    const shallow = deepPage(500);
    const deep = deepPage(5_000);
    const measured = compareGrowth(() => extractArticle(shallow), () => extractArticle(deep), 10, TENFOLD_TIME_BOUND);
    expect(measured.ratio, describeGrowth('depth', measured, 10)).toBeLessThan(TENFOLD_TIME_BOUND);
  });
});
