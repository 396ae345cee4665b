// The public entry points: extraction in one go or in steps, extraction of a subtree that arrived
// later, and what crosses the message boundary.
import { describe, expect, it } from 'vitest';
import {
  extractArticle,
  extractArticleSteps,
  extractBlocks,
  nearestBlockElement,
  toPageText,
} from '../../../lib/extract';
import { parseHtml } from '../../../lib/node/html';

const PROSE = [
  'The United States may withdraw from its efforts to broker peace between Russia and Ukraine within days if no tangible progress is made, US Secretary of State Marco Rubio warned on Friday.',
  'Speaking to reporters amid ongoing high-level talks in Paris involving the US, Ukraine, and key European powers, Rubio said the administration is not willing to prolong negotiations indefinitely.',
  'Rubio noted that talks with Russian officials have continued discreetly following the Paris summit, but acknowledged a growing skepticism within the administration about Russia’s willingness to compromise.',
  'Despite the administration’s frustrations, Rubio emphasized that no party has formally walked away from the negotiating table, and the warning places pressure on both Kyiv and Moscow.',
];

function page(): Document {
  return parseHtml(
    '<!doctype html><html><head><title>Rubio warns | Example</title></head><body>' +
    '<nav><a href="/">Home</a></nav><article><h1>Rubio warns</h1><div class="article-body" id="body">' +
    PROSE.map((t) => `<p>${t}</p>`).join('') +
    '</div><div class="share-bar" id="share"></div></article></body></html>',
    'https://news.example/rubio',
  );
}

describe('extractArticle', () => {
  it('gives the same result in one go and in steps', () => {
    const doc = page();
    const steps = extractArticleSteps(doc);
    let step = steps.next();
    while (!step.done) step = steps.next();
    const whole = extractArticle(doc);
    expect(step.value.sentences.map((s) => s.text)).toEqual(whole.sentences.map((s) => s.text));
    expect(step.value.root).toBe(whole.root);
  });

  it('reads a subtree when given an element, and takes the URL from the options over the document', () => {
    const doc = page();
    const article = extractArticle(doc.getElementById('body')!, { url: 'https://other.example/' });
    expect(article.url).toBe('https://other.example/');
    expect(article.sentences.map((s) => s.text)).toEqual(PROSE);
  });

  it('skips what the caller has already processed', () => {
    const doc = page();
    const first = doc.querySelector('#body p')!;
    const article = extractArticle(doc, { skip: (el) => el === first });
    expect(article.sentences.map((s) => s.text)).toEqual(['Rubio warns', ...PROSE.slice(1)]);
  });
});

describe('extractBlocks: content that arrives after the first extraction', () => {
  it('reads paragraphs appended to the article, numbered after the earlier ones', () => {
    const doc = page();
    const article = extractArticle(doc);
    const added = doc.createElement('p');
    added.innerHTML = 'Update: Rubio <em>later</em> said another meeting was planned for early next week in London.';
    doc.getElementById('body')!.appendChild(added);
    const more = extractBlocks(added, {
      articleRoot: article.root!,
      firstBlockIndex: article.blocks.length,
      firstSentenceIndex: article.sentences.length,
    });
    expect(more.blocks.map((b) => [b.index, b.text])).toEqual([
      [article.blocks.length, 'Update: Rubio later said another meeting was planned for early next week in London.'],
    ]);
    expect(more.sentences.map((s) => [s.index, s.block])).toEqual([[article.sentences.length, article.blocks.length]]);
  });

  it('reads nothing from furniture that arrives late, nor from inside furniture', () => {
    const doc = page();
    const article = extractArticle(doc);
    const promo = doc.createElement('div');
    promo.className = 'newsletter-promo';
    promo.innerHTML = '<p>Get our morning briefing on the stories Washington is talking about, free every weekday.</p>';
    doc.getElementById('body')!.appendChild(promo);
    expect(extractBlocks(promo, { articleRoot: article.root! }).blocks).toEqual([]);

    const inShareBar = doc.createElement('p');
    inShareBar.textContent = 'Share this story with your friends and family on every network you use.';
    doc.getElementById('share')!.appendChild(inShareBar);
    expect(extractBlocks(inShareBar).blocks).toEqual([]);
  });

  it('does not hold furniture above the article root against content inside it', () => {
    const doc = parseHtml(`<!doctype html><html><body><div class="has-sidebar"><div id="story"><p>${PROSE[0]}</p></div></div></body></html>`);
    const story = doc.getElementById('story')!;
    const added = doc.createElement('p');
    added.textContent = PROSE[1]!;
    story.appendChild(added);
    expect(extractBlocks(added, { articleRoot: story }).blocks.map((b) => b.text)).toEqual([PROSE[1]]);
    expect(extractBlocks(added).blocks).toEqual([]);
  });
});

describe('toPageText', () => {
  it('keeps URL, title, sentence strings and each sentence’s block only', () => {
    const text = toPageText(extractArticle(page()));
    expect(text).toEqual({
      url: 'https://news.example/rubio',
      title: 'Rubio warns',
      sentences: ['Rubio warns', ...PROSE],
      // The headline, then one paragraph per sentence.
      blocks: [0, 1, 2, 3, 4],
    });
  });
});

describe('nearestBlockElement', () => {
  it('finds the block around changed text, across a shadow boundary', () => {
    const doc = parseHtml('<!doctype html><html><body><p id="p">Rubio <em>said</em></p><x-host id="h"></x-host></body></html>');
    const em = doc.querySelector('em')!;
    expect(nearestBlockElement(em.firstChild!)).toBe(doc.getElementById('p'));
    const shadow = doc.getElementById('h')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>inline only</span>';
    expect(nearestBlockElement(shadow.firstChild!.firstChild!)).toBe(doc.body);
  });
});

describe('extractBlocks outside the article root', () => {
  it('judges every ancestor of a subtree that lies outside the given root', () => {
    const doc = page();
    const article = extractArticle(doc);
    const comments = doc.createElement('section');
    comments.id = 'comments';
    comments.innerHTML = '<div><p>A reader comment that arrived after the article was read, long enough to count as prose.</p></div>';
    doc.body.appendChild(comments);
    expect(extractBlocks(comments.querySelector('div')!, { articleRoot: article.root! }).blocks).toEqual([]);
  });
});
