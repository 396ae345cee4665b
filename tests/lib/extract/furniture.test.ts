// What counts as page furniture, read from the element alone.
import { describe, expect, it } from 'vitest';
import { hasArticleBodyHint, isFurniture, isHiddenByAttributes } from '../../../lib/extract/furniture';
import { parseHtml } from '../../../lib/node/html';

function element(html: string): Element {
  return parseHtml(`<!doctype html><html><body>${html}</body></html>`).body.firstElementChild!;
}

const furniture = (html: string, insideArticle = false) => {
  const el = element(html);
  return isFurniture(el, el.localName, insideArticle);
};

describe('isFurniture', () => {
  it('knows furniture by tag and landmark role', () => {
    for (const html of ['<nav></nav>', '<aside></aside>', '<footer></footer>', '<dialog></dialog>', '<div role="navigation"></div>',
      '<div role="contentinfo"></div>', '<div role="alertdialog"></div>', '<div role="complementary"></div>']) {
      expect(furniture(html), html).toBe(true);
    }
  });

  it('matches class and id words whole, in any spelling', () => {
    for (const html of ['<div class="ad-slot"></div>', '<div class="adSlot"></div>', '<div class="ads"></div>', '<div id="share_bar"></div>',
      '<div aria-hidden="true"></div>', '<div class="c-newsletter__box"></div>', '<div class="comments-area"></div>', '<div class="cookie-notice"></div>',
      '<div class="jp-relatedposts"></div>', '<p class="sign-off-line"></p>', '<div class="mostRead"></div>', '<div class="byline"></div>']) {
      expect(furniture(html), html).toBe(true);
    }
    for (const html of ['<div class="shadow download"></div>', '<div class="address-book"></div>', '<div class="commentary"></div>',
      '<div class="article-body"></div>', '<div class="leading"></div>', '<div class="design-office"></div>', '<div></div>']) {
      expect(furniture(html), html).toBe(false);
    }
  });

  it('reads the job in a custom element’s name', () => {
    expect(furniture('<amp-ad></amp-ad>')).toBe(true);
    expect(furniture('<amp-social-share></amp-social-share>')).toBe(true);
    expect(furniture('<story-body></story-body>')).toBe(false);
  });

  it('treats headers as the site’s masthead outside an article and as the headline’s header inside one', () => {
    expect(furniture('<header></header>')).toBe(true);
    expect(furniture('<header></header>', true)).toBe(false);
    expect(furniture('<div class="site-header"></div>')).toBe(true);
    expect(furniture('<div class="article-header"></div>', true)).toBe(false);
  });

  it('never names an article landmark furniture, whatever its classes', () => {
    expect(furniture('<article class="post tag-advertising category-social-media has-comments"></article>')).toBe(false);
    expect(furniture('<div itemprop="articleBody" class="share-wrapper"></div>')).toBe(false);
    expect(furniture('<div role="main" class="sidebar-layout"></div>')).toBe(false);
  });
});

describe('isHiddenByAttributes', () => {
  it('reads the hidden attribute and inline styles, not aria-hidden (see isFurniture)', () => {
    expect(isHiddenByAttributes(element('<p hidden></p>'))).toBe(true);
    expect(isHiddenByAttributes(element('<p aria-hidden="true"></p>'))).toBe(false);
    expect(isHiddenByAttributes(element('<p style="DISPLAY:NONE"></p>'))).toBe(true);
    expect(isHiddenByAttributes(element('<p style="visibility: collapse;"></p>'))).toBe(true);
    expect(isHiddenByAttributes(element('<p style="display:nonesuch"></p>'))).toBe(false);
    expect(isHiddenByAttributes(element('<p style="display:flex"></p>'))).toBe(false);
    expect(isHiddenByAttributes(element('<p class="hidden-xs"></p>'))).toBe(false);
  });
});

describe('hasArticleBodyHint', () => {
  it('recognises the names pages give their article body', () => {
    for (const html of ['<div itemprop="articleBody"></div>', '<div class="article-body__content__17Yit"></div>', '<div class="entry-content"></div>',
      '<div id="storytext"></div>', '<div class="post_content"></div>']) {
      expect(hasArticleBodyHint(element(html)), html).toBe(true);
    }
    expect(hasArticleBodyHint(element('<div class="content"></div>'))).toBe(false);
  });
});
