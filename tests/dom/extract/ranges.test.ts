// From extracted sentences back to DOM Ranges, in a DOM with real Ranges (happy-dom): every sentence
// of every saved page maps to Ranges whose text is the sentence, across element and shadow boundaries.
import { describe, expect, it } from 'vitest';
import { extractArticle, segmentRanges, sentenceRange, sentenceRanges } from '../../../lib/extract';
import { fixturePageNames, readFixturePage, runPageScripts, squash } from '../../fixtures/pages/fixtures';

/**
 * The page loaded into the test's own document: happy-dom's Ranges only work in the window's
 * document, not in one made by DOMParser.
 */
function parse(html: string): Document {
  const inner = /<html[^>]*>([\s\S]*)<\/html>/i.exec(html)?.[1] ?? html;
  document.documentElement.innerHTML = inner;
  return document;
}

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

describe.each(fixturePageNames())('%s', (name) => {
  const { html, expect: page } = readFixturePage(name);

  it('maps every sentence to Ranges that read as the sentence', () => {
    const doc = parse(html);
    if (page.needsScripts) runPageScripts(doc).runAll();
    const article = extractArticle(doc, { url: page.url });
    expect(article.sentences.length > 0).toBe(page.article);
    for (const sentence of article.sentences) {
      const ranges = sentenceRanges(doc, sentence);
      expect(ranges.length).toBeGreaterThan(0);
      if (ranges.length === 1) {
        expect(squash(ranges[0]!.toString())).toBe(squash(sentence.text));
        expect(sentenceRange(doc, sentence)).not.toBeNull();
      } else {
        // Across a shadow boundary each tree gets its own Range; together they read as the sentence.
        expect(withoutSpaces(ranges.map((r) => r.toString()).join(''))).toBe(withoutSpaces(sentence.text));
        expect(sentenceRange(doc, sentence)).toBeNull();
      }
      const exact = segmentRanges(doc, sentence.segments).map((r) => r.toString()).join('');
      expect(withoutSpaces(exact)).toBe(withoutSpaces(sentence.text));
    }
  });
});

describe('sentenceRange', () => {
  function firstArticle(bodyHtml: string) {
    const doc = parse(`<!doctype html><html><head><title>t</title></head><body><article>${bodyHtml}</article></body></html>`);
    return { doc, article: extractArticle(doc) };
  }
  const filler = '<p>Speaking to reporters amid ongoing high-level talks in Paris involving the US, Ukraine, and key European powers, Rubio said the administration is not willing to prolong negotiations indefinitely on any account.</p>'.repeat(3);

  it('starts and ends exactly on the sentence, through links, emphasis, spans and bold', () => {
    const { doc, article } = firstArticle(
      '<p id="p">Kremlin spokesperson <a href="/p">Dmitry <b>Peskov</b></a> acknowledged<span> some</span> progress. ' +
      'He said Russia remains <em>open</em> to talks.</p>' + filler,
    );
    const [first, second] = article.sentences;
    expect(first!.text).toBe('Kremlin spokesperson Dmitry Peskov acknowledged some progress.');
    const range = sentenceRange(doc, first!)!;
    expect(range.toString()).toBe(first!.text);
    expect(range.startContainer).toBe(doc.getElementById('p')!.firstChild);
    expect(range.startOffset).toBe(0);
    const secondRange = sentenceRange(doc, second!)!;
    expect(secondRange.toString()).toBe('He said Russia remains open to talks.');
    expect(secondRange.startContainer).toBe(first!.segments[first!.segments.length - 1]!.node);
  });

  it('covers collapsed whitespace inside the sentence, which the exact segment Ranges leave out', () => {
    const { doc, article } = firstArticle('<p>Rubio   said\n\n  it.</p>' + filler);
    const sentence = article.sentences[0]!;
    expect(sentence.text).toBe('Rubio said it.');
    expect(sentenceRange(doc, sentence)!.toString()).toBe('Rubio   said\n\n  it.');
    expect(segmentRanges(doc, sentence.segments).map((r) => r.toString())).toEqual(['Rubio ', 'said\n', 'it.']);
  });

  it('gives no Range once the page has removed or rewritten the text', () => {
    const { doc, article } = firstArticle('<p id="gone">Rubio said it would take days, not weeks, to decide.</p><p id="edited">Peskov replied later.</p>' + filler);
    const [gone, edited] = article.sentences;
    doc.getElementById('gone')!.remove();
    expect(sentenceRange(doc, gone!)).toBeNull();
    expect(sentenceRanges(doc, gone!)).toEqual([]);
    (doc.getElementById('edited')!.firstChild as Text).data = 'Peskov';
    expect(sentenceRange(doc, edited!)).toBeNull();
    expect(segmentRanges(doc, edited!.segments)).toEqual([]);
  });

  it('splits a sentence that runs through a slot into one Range per tree', () => {
    const doc = parse(`<!doctype html><html><body><x-story><span slot="who">Halima Sorensen</span></x-story></body></html>`);
    const host = doc.querySelector('x-story')!;
    host.attachShadow({ mode: 'open' }).innerHTML =
      `<p>The chief engineer, <slot name="who"></slot>, said the route avoids the flood plain.</p>${filler}`;
    const sentence = extractArticle(doc).sentences[0]!;
    expect(sentence.text).toBe('The chief engineer, Halima Sorensen, said the route avoids the flood plain.');
    expect(sentenceRanges(doc, sentence).map((r) => r.toString())).toEqual([
      'The chief engineer, ', 'Halima Sorensen', ', said the route avoids the flood plain.',
    ]);
    expect(sentenceRange(doc, sentence)).toBeNull();
  });
});
