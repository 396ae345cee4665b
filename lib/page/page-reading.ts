/**
 * The part of the page side that reads the article, loaded once the cheap gate lets a page through
 * (page-reading-loader.ts): extraction (lib/extract), sentence splitting (lib/text/segment.ts)
 * and the publication date finder. entrypoints/page-reading.ts builds it into a file of its own.
 */
import { extractArticleSteps, extractBlocksSteps } from '../extract';
import { findPublishedDate } from '../extract/published';
import type { PageReadingModule } from './page-reading-loader';

export const pageReadingModule: PageReadingModule = { extractArticleSteps, extractBlocksSteps, findPublishedDate };
