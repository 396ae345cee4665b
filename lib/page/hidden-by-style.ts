/**
 * What article extraction cannot tell from the DOM alone (lib/extract's `isHidden` option): a block
 * hidden by a stylesheet. Asked of block-level elements only, since checkVisibility needs computed
 * style and blocks are few; an element with `display: contents` has no box of its own but shows its
 * children, so it is not hidden. A closed <details> hides its contents this way too, so they are
 * not highlighted: the reader cannot see them.
 */
import { BLOCK_TAGS } from '../extract/furniture';

export function isHiddenByStyle(element: Element): boolean {
  if (!BLOCK_TAGS.has(element.localName) || typeof element.checkVisibility !== 'function') return false;
  if (element.checkVisibility({ visibilityProperty: true })) return false;
  return getComputedStyle(element).display !== 'contents';
}
