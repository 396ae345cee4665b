/**
 * Which pages the extension can read. Browsers keep extensions out of their own pages, the
 * extension stores and built-in viewers; the panel says so plainly instead of waiting forever.
 */

/**
 * The pages Parallax reads: its content script's matches (entrypoints/content/index.ts), which are
 * also the host access the browser grants it and the reader can withdraw (Firefox's add-on
 * permissions, Chromium's site access).
 */
export const READABLE_ORIGINS = ['http://*/*', 'https://*/*'] as const;

/** Hosts of extension stores, where browsers block content scripts. */
const STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/** Why Parallax cannot read the page at `url`, or null when it can. */
export function unreadableReason(url: string | undefined | null): string | null {
  if (!url) return 'This tab has no page Parallax can read.';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This tab has no page Parallax can read.';
  }
  const { protocol, hostname, pathname } = parsed;
  if (protocol !== 'http:' && protocol !== 'https:') {
    if (protocol === 'file:') {
      return pathname.toLowerCase().endsWith('.pdf')
        ? 'This is the browser’s PDF viewer, which extensions cannot read.'
        : 'Parallax reads web pages only (http and https), not files on your computer.';
    }
    return 'This is one of the browser’s own pages, which extensions are not allowed to read.';
  }
  if (STORE_HOSTS.includes(hostname) && (hostname !== 'chrome.google.com' || pathname.startsWith('/webstore'))) {
    return 'Browsers do not let extensions read the extension store’s pages.';
  }
  if (pathname.toLowerCase().endsWith('.pdf')) return 'This is the browser’s PDF viewer, which extensions cannot read.';
  return null;
}
