import { describe, expect, it } from 'vitest';
import { unreadableReason } from '../../lib/page-access';

describe('unreadableReason', () => {
  it.each([
    'https://apnews.com/article/rubio-ukraine-russia-paris',
    'http://127.0.0.1:8080/wire.html',
    'https://www.reuters.com/world/europe/us-may-walk-away-2025-04-18/?utm=x',
  ])('reads ordinary web pages: %s', (url) => {
    expect(unreadableReason(url)).toBeNull();
  });

  it.each([
    ['chrome://extensions/', /browser’s own pages/],
    ['about:blank', /browser’s own pages/],
    ['edge://settings', /browser’s own pages/],
    ['chrome-extension://abc/popup.html', /browser’s own pages/],
    ['https://chromewebstore.google.com/detail/x', /extension store/],
    ['https://chrome.google.com/webstore/detail/x', /extension store/],
    ['https://addons.mozilla.org/en-US/firefox/', /extension store/],
    ['https://example.org/report.PDF', /PDF viewer/],
    ['file:///home/me/report.pdf', /PDF viewer/],
    ['file:///home/me/page.html', /not files on your computer/],
    ['', /no page/],
    ['not a url', /no page/],
  ])('explains why %s cannot be read', (url, reason) => {
    expect(unreadableReason(url)).toMatch(reason);
  });

  it('still reads other pages on google.com', () => {
    expect(unreadableReason('https://chrome.google.com/intl/en/chrome/')).toBeNull();
  });
});
