// The walk: text as a reader sees it, block by block, each character traceable to its text node.
import { describe, expect, it } from 'vitest';
import { elementAt, MAX_BLOCK_CHARS, walk, WALK_CHARS_PER_STEP, WALK_NODES_PER_STEP, type WalkResult } from '../../../lib/extract/walk';
import type { ExtractOptions } from '../../../lib/extract/types';
import { parseHtml } from '../../../lib/node/html';

function run(steps: Generator<void, WalkResult>): { result: WalkResult; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { result: step.value, yields };
    yields++;
  }
}

function body(html: string): HTMLElement {
  return parseHtml(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`).body;
}

function blocksOf(html: string, options?: ExtractOptions): string[] {
  return run(walk(body(html), options)).result.blocks.map((b) => b.text);
}

/** Every block's text rebuilt from its runs: what the DOM holds where the block says it does. */
function rebuilt(result: WalkResult): string[] {
  return result.blocks.map((block) => {
    let text = '';
    for (const run of block.runs) {
      text = text.padEnd(run.textStart, '·');
      const piece = run.node.data.slice(run.nodeStart, run.nodeStart + run.length);
      text += piece.replace(/\s/g, ' ');
    }
    return text;
  });
}

describe('text across inline elements', () => {
  it('joins text split by links, emphasis and spans with exactly the spaces the source has', () => {
    expect(blocksOf('<p>Rubio <a href="/r">warned</a> on <em>Friday</em>.</p>')).toEqual(['Rubio warned on Friday.']);
    expect(blocksOf('<p>Zelen<span>sky</span>’s <b><i>office</i></b>said</p>')).toEqual(['Zelensky’s officesaid']);
    expect(blocksOf('<p>within<em> days </em>, not weeks</p>')).toEqual(['within days , not weeks']);
    expect(blocksOf('<p>a<span> </span><span> </span>b</p>')).toEqual(['a b']);
  });

  it('collapses whitespace, line breaks and non-breaking spaces, and trims each block', () => {
    expect(blocksOf('<p>\n   The   United\tStates\n may&nbsp;&nbsp;withdraw  </p>')).toEqual(['The United States may withdraw']);
  });

  it('drops characters that render as nothing (soft hyphen, zero-width space)', () => {
    expect(blocksOf('<p>nego&shy;tiations\u200b resumed</p>')).toEqual(['negotiations resumed']);
  });

  it('maps every character of a block to the node and offset it came from', () => {
    const { result } = run(walk(body('<p>  Rubio <a href="/r">warned\n on</a>  <em>Fri</em>day. </p><p>Next&nbsp;one</p>')));
    expect(result.blocks.map((b) => b.text)).toEqual(['Rubio warned on Friday.', 'Next one']);
    expect(rebuilt(result)).toEqual(['Rubio warned on Friday.', 'Next one']);
  });
  it('maps source text wrapped over lines stretch by stretch: each space to its own character, one run where they touch', () => {
    const { result } = run(walk(body('<p> The talks went\n    on <span> in</span> Paris, nego\u00adtiators said </p>')));
    const [block] = result.blocks;
    expect(block!.text).toBe('The talks went on in Paris, negotiators said');
    expect(rebuilt(result)).toEqual(['The talks went on in Paris, negotiators said']);
    // [node's text, where in the node, where in the block, length]: the line break is the space
    // after "went"; the space before "in" is the one after "on" (the first of a collapsed pair).
    expect(block!.runs.map((r) => [r.node.data.trim().slice(0, 5), r.nodeStart, r.textStart, r.length])).toEqual([
      ['The t', 1, 0, 15], ['The t', 20, 15, 3], ['in', 1, 18, 2], ['Paris', 0, 20, 12], ['Paris', 13, 32, 12],
    ]);
  });
});

describe('blocks', () => {
  it('starts a block at each block-level element and at <br>', () => {
    expect(blocksOf('<div>Intro text<p>First paragraph</p>tail text<br>after break</div><ul><li>one</li><li>two</li></ul>'))
      .toEqual(['Intro text', 'First paragraph', 'tail text', 'after break', 'one', 'two']);
  });

  it('records the block-level element holding each block and its heading level', () => {
    const { result } = run(walk(body('<h2>Signs of Movement</h2><div role="heading" aria-level="3">Aria</div><p>Body <b>text</b></p>')));
    expect(result.blocks.map((b) => [b.element.localName, b.headingLevel])).toEqual([['h2', 2], ['div', 3], ['p', 0]]);
  });

  it('counts the characters inside links', () => {
    const { result } = run(walk(body('<p><a href="/a">Read more</a> about it</p><p><a name="x">anchor</a> only</p>')));
    expect(result.blocks.map((b) => b.linkChars)).toEqual([9, 0]);
  });
});

describe('what the walk leaves out', () => {
  it('skips code, media, form controls and frames', () => {
    const html = '<p>kept</p><script>var x = "script";</script><style>p{}</style><noscript>noscript</noscript>' +
      '<template><p>template</p></template><iframe srcdoc="<p>frame</p>">iframe</iframe><svg><text>svg</text></svg>' +
      '<button>Share</button><textarea>typed</textarea><select><option>opt</option></select>' +
      '<figure><img alt="img"></figure>';
    expect(blocksOf(html)).toEqual(['kept']);
  });

  it('reads a picture\'s caption as a block of its own, marked as a caption, an inline one too', () => {
    const { result } = run(walk(body('<figure><img alt=""><figcaption>A boat at dawn.</figcaption></figure>' +
      '<div class="photo"><img alt=""><br><span class="photo-caption">The harbour wall.</span></div><p>Story text.</p>')));
    expect(result.blocks.map((b) => [b.text, b.photoCaption])).toEqual([
      ['A boat at dawn.', true], ['The harbour wall.', true], ['Story text.', false],
    ]);
  });

  it('skips hidden elements: hidden attribute, inline display:none, screen-reader classes, AMP nodisplay', () => {
    const html = '<p>kept</p><p hidden>a</p><p style="color:red; display: none !important">c</p>' +
      '<p style="visibility:hidden">d</p><span class="sr-only">e</span><p class="screen-reader-text">f</p>' +
      '<amp-sidebar layout="nodisplay">g</amp-sidebar><p aria-hidden="false">shown</p><p style="display:block">block</p>';
    expect(blocksOf(html)).toEqual(['kept', 'shown', 'block']);
  });

  it('drops inline furniture from the sentence around it but records block furniture', () => {
    const { result } = run(walk(body('<p>Rubio said <a class="share-link" href="#">Share</a>he would go.</p><div class="newsletter"><p>Sign up</p></div>')));
    expect(result.blocks.map((b) => b.text)).toEqual(['Rubio said he would go.', 'Sign up']);
    const signUp = result.blocks[1]!;
    expect(result.furniture[signUp.furniture]).toBe(true);
    expect(result.elements[signUp.furniture]!.getAttribute('class')).toBe('newsletter');
    expect(result.blocks[0]!.furniture).toBe(-1);
  });

  it('treats aria-hidden as furniture: left out inline, recorded as furniture for blocks', () => {
    const { result } = run(walk(body('<p>Rated <span aria-hidden="true">★★★</span>four stars.</p><div aria-hidden="true"><p>Duplicate</p></div>')));
    expect(result.blocks.map((b) => b.text)).toEqual(['Rated four stars.', 'Duplicate']);
    expect(result.furniture[result.blocks[1]!.furniture]).toBe(true);
  });

  it('leaves out what the caller skips and what the caller says is hidden', () => {
    const html = '<p>kept</p><div data-parallax-ui><p>our own card</p></div><p class="css-hidden">hidden by a stylesheet</p>';
    expect(blocksOf(html, {
      skip: (el) => el.hasAttribute('data-parallax-ui'),
      isHidden: (el) => el.getAttribute('class') === 'css-hidden',
    })).toEqual(['kept']);
  });
});

describe('shadow roots', () => {
  it('reads an open shadow root instead of the light DOM, with slotted children in their slots', () => {
    const root = body('<p>before</p><x-story><span slot="who">Halima Sorensen</span><p>light default</p><p slot="none">unslotted</p></x-story><p>after</p>');
    const host = root.querySelector('x-story')!;
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<p>shadow first</p><p>The engineer, <slot name="who"></slot>, said so.</p><slot></slot><slot name="empty"><p>fallback</p></slot>';
    const { result } = run(walk(root));
    expect(result.blocks.map((b) => b.text)).toEqual([
      'before', 'shadow first', 'The engineer, Halima Sorensen, said so.', 'light default', 'fallback', 'after',
    ]);
    expect(rebuilt(result)[2]).toBe('The engineer, Halima Sorensen, said so.');
  });
});

describe('cost', () => {
  it(`yields every ${WALK_NODES_PER_STEP} nodes so a caller can pause`, () => {
    const paragraphs = '<p>Some text with <em>emphasis</em> in it.</p>'.repeat(1000);
    const { yields } = run(walk(body(paragraphs)));
    // Each paragraph is 5 nodes: <p>, text, <em>, its text, text.
    expect(yields).toBe(Math.floor(5000 / WALK_NODES_PER_STEP));
  });

  it('walks 10,000 levels of nesting without recursion', () => {
    const doc = parseHtml('<!doctype html><html><body></body></html>');
    let parent: Element = doc.body;
    for (let depth = 0; depth < 10_000; depth++) {
      const div = doc.createElement('div');
      div.appendChild(doc.createTextNode(`level ${depth}`));
      parent.appendChild(div);
      parent = div;
    }
    const { result } = run(walk(doc.body));
    expect(result.blocks).toHaveLength(10_000);
    expect(result.blocks[9_999]!.text).toBe('level 9999');
    expect(result.end[0]).toBe(10_000);
  });
});

describe('a huge text node', () => {
  /** Words with every kind of gap the walk collapses, `chars` characters in all. */
  function hugeText(chars: number): string {
    const words = ['Rubio', 'said\n\n', 'the', 'U.S.\u00a0could', 'walk\u00adaway', '\twithin', 'days.   '];
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < chars; i++) {
      const word = `${words[i % words.length]!}${i % 3 === 0 ? ' ' : '  '}`;
      parts.push(word);
      length += word.length;
    }
    return parts.join('').slice(0, chars);
  }

  it(`is read ${WALK_CHARS_PER_STEP} characters per step, into the same text as read whole`, () => {
    const data = hugeText(WALK_CHARS_PER_STEP * 6 + 123);
    const root = body('<p></p><p>after</p>');
    root.firstElementChild!.appendChild(root.ownerDocument.createTextNode(data));
    const { result, yields } = run(walk(root));
    // What a reader sees: whitespace collapsed, soft hyphens gone.
    const expected = data.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
    expect(result.blocks.map((b) => b.text)).toEqual([expected, 'after']);
    expect(rebuilt(result)[0]).toBe(expected);
    expect(yields).toBeGreaterThanOrEqual(6);
  });

  it(`cuts a block at ${MAX_BLOCK_CHARS} characters and reads on after it`, () => {
    const data = hugeText(MAX_BLOCK_CHARS * 2);
    const root = body('<p></p><p>after</p>');
    root.firstElementChild!.appendChild(root.ownerDocument.createTextNode(data));
    root.firstElementChild!.append(' and a tail in another node');
    const { result } = run(walk(root));
    const whole = data.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
    expect(result.blocks).toHaveLength(2);
    expect(result.blocks[0]!.text).toHaveLength(MAX_BLOCK_CHARS);
    expect(whole.startsWith(result.blocks[0]!.text)).toBe(true);
    expect(result.blocks[1]!.text).toBe('after');
  });

  it('cuts a single word longer than a block at the cap', () => {
    const root = body('<p></p>');
    root.firstElementChild!.appendChild(root.ownerDocument.createTextNode('a'.repeat(MAX_BLOCK_CHARS + 10)));
    const { result } = run(walk(root));
    expect(result.blocks[0]!.text).toHaveLength(MAX_BLOCK_CHARS);
    expect(result.blocks[0]!.runs).toEqual([expect.objectContaining({ nodeStart: 0, textStart: 0, length: MAX_BLOCK_CHARS })]);
  });
});

describe('elementAt', () => {
  it('finds every element the walk entered with a kept element below it, in its place in the walk', () => {
    const root = body(
      '<div><span><p>One <em>two <b>three</b></em></p><p>Four</p></span></div>' +
      '<x-story><span slot="who">Halima <i>Sorensen</i></span><u>light <s>default</s></u></x-story><span><span><span>deep</span></span></span>',
    );
    const host = root.querySelector('x-story')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<span><p>The engineer, <slot name="who"></slot>, said so.</p></span><slot></slot>';
    const { result } = run(walk(root));
    expect(result.elements.filter((e) => e === null).length).toBeGreaterThan(5);
    const found: Element[] = [];
    for (let id = 0; id < result.elements.length; id++) {
      const element = elementAt(result, id);
      const keptBelow = result.elements.slice(id, result.end[id]! + 1).some((e) => e !== null);
      // Null only for an inline stretch with nothing kept in it (no block: it never holds prose).
      expect(element === null).toBe(!keptBelow);
      if (element === null) continue;
      found.push(element);
      if (result.elements[id] !== null) expect(element).toBe(result.elements[id]);
      if (id === 0) continue;
      const parent = elementAt(result, result.parent[id]!)!;
      expect(parent).not.toBeNull();
      const domParent = element.parentNode!;
      // A child of its DOM parent, of the host of its shadow root, or of the slot it is shown in.
      const slotted = parent.localName === 'slot' && (parent.getRootNode() as ShadowRoot).host === domParent;
      expect(parent === domParent || parent === (domParent as ShadowRoot).host || slotted).toBe(true);
    }
    // The inline wrappers around paragraphs, in the light tree and in the shadow tree, found again.
    expect(found).toContain(root.querySelector('div > span'));
    expect(found).toContain(host.shadowRoot!.querySelector('span'));
    expect(new Set(found).size).toBe(found.length);
  });

  it('gives the article an inline wrapper as its root, though the walk did not keep it', async () => {
    const { extractArticle } = await import('../../../lib/extract');
    const paragraph = 'Rubio said the administration is not willing to prolong negotiations indefinitely, and that the talks in Paris had been constructive but no deal was near at all.';
    const doc = parseHtml(`<!doctype html><html><body><nav><a href="/">Home</a></nav><div><font>${`<p>${paragraph}</p>`.repeat(6)}</font><p>Short line.</p></div></body></html>`);
    const article = extractArticle(doc);
    expect(article.root).toBe(doc.querySelector('font'));
    expect(article.sentences).toHaveLength(6);
  });
});
