/**
 * The page's article as text, for the reader to add to their own articles (the settings page asks
 * through ContentProtocol.articleText), from the same extraction a scan uses (the content script
 * runs it, in slices), so what is added is what Parallax takes for the article: headline and
 * paragraphs, without the page's furniture.
 */
import type { ExtractedArticle } from '../extract';
import type { PageArticle } from '../protocol';

/** Blocks are paragraphs: a blank line between them keeps them apart when the text is split again. */
const BLOCK_SEPARATOR = '\n\n';

export function pageArticleOf(extracted: ExtractedArticle): PageArticle {
  const text = extracted.blocks.map((b) => b.text.trim()).filter((t) => t !== '').join(BLOCK_SEPARATOR);
  return {
    title: extracted.title,
    url: extracted.url,
    text,
    problem: text === '' ? `Parallax found no article on this page (${extracted.detail ?? extracted.reason ?? 'no text'}).` : null,
  };
}
