/**
 * Firefox lets the reader take back an add-on's access to websites (about:addons → Parallax →
 * Permissions), which for Parallax means every page. No page is read then, and the browser hides
 * every tab's address from it: the panel must say so, not blame the page, and ask for the access
 * again when the reader wants it. Firefox would ask the reader with a prompt, which a test cannot
 * answer; `extensions.webextOptionalPermissionPrompts` off grants the request as a "yes" would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READABLE_ORIGINS } from '../../../lib/page-access';
import { run } from '../harness/evaluate';
import { allHighlighted, badgeText, bodyText, clickButton, launchBrowser, openPanel, scannedTab, waitForText, type Browser } from '../harness/firefox';
import { newsPage, VOICE, VOICE_LEAD, VOICE_TITLE } from '../harness/news-pages';
import { servePages, type PageServer } from '../harness/server';

declare const browser: {
  permissions: { remove(p: { origins: string[] }): Promise<boolean>; contains(p: { origins: string[] }): Promise<boolean> };
  tabs: { query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]> };
};

let firefox: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages([]);
  server.route('/world/rubio-paris.html', { body: newsPage(VOICE_TITLE, VOICE) });
  firefox = await launchBrowser({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('with its access to websites taken back', () => {
  it('reads no page, says so in the panel, and reads the page once the reader allows it again', async () => {
    const origins = [...READABLE_ORIGINS];
    expect(await run(firefox.extension, (o) => browser.permissions.remove({ origins: o }), origins)).toBe(true);

    const page = await firefox.newPage();
    await page.goto(server.url('/world/rubio-paris.html'));
    await page.bringToFront();
    const tabId = (await run(firefox.extension, async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? -1, null))!;
    expect(await allHighlighted(page)).toEqual([]);
    expect(await badgeText(firefox, tabId)).toBe('');

    const panel = await openPanel(firefox, tabId);
    await waitForText(panel, 'Parallax may not read web pages');
    expect(await bodyText(panel)).not.toContain('can’t read this page');

    await clickButton(panel, 'Allow Parallax to read pages');
    await expect.poll(() => run(firefox.extension, (o) => browser.permissions.contains({ origins: o }), origins)).toBe(true);
    // The page is read again, now allowed, and the panel shows its matches.
    expect(await scannedTab(firefox, page)).toBe(tabId);
    await expect.poll(() => allHighlighted(page)).toContain(VOICE_LEAD);
    await waitForText(panel, 'Pak Correspondent');
    await panel.close();
    await page.close();
  });
});
