/**
 * The saved news pages (tests/fixtures/pages) in real Chromium with the built extension: on each
 * page about the story the sentences that state its points are highlighted, and nothing of the
 * page around the article (navigation, captions, comments, teasers, other live-blog entries) is;
 * pages that are not about the story get no highlight and no badge. The sentences that must be
 * highlighted are seed sentences as the page carries them, chosen for what makes each layout hard
 * (a dateline, a quote across paragraphs, text through links, a headline outside the body).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePageNames, PAGES_DIR, readFixturePage, squash } from '../fixtures/pages/fixtures';
import { allHighlighted, badgeText, launchBrowser, scannedTab, SETTLE_TIMEOUT_MS, settledScan, type Browser } from './harness/extension';
import { servePages, type PageServer } from './harness/server';

/** Per on-story page: sentences that must be highlighted, and texts no highlight may contain. */
const EXPECTED: Record<string, { highlighted: string[]; notHighlighted?: string[] }> = {
  'wire-story': {
    highlighted: [
      'US may withdraw from Ukraine peace efforts if no progress seen in days, Rubio says',
      'PARIS, April 18 (Wire Desk) - U.S. President Donald Trump is prepared to abandon efforts to broker peace between Russia and Ukraine unless meaningful progress is made within days, Secretary of State Marco Rubio said Friday.',
      '“If both sides remain too far apart, the president is likely to decide it’s time to walk away,” Rubio added.',
      'Kremlin spokesperson Dmitry Peskov acknowledged that some progress had been made but described communication with the U.S. as challenging.',
      'Rubio described the reception to the U.S. peace framework as “encouraging,” while Zelensky’s office called the talks “constructive and positive.”',
    ],
  },
  'blog-sidebar': {
    highlighted: [
      'Rubio: US Is Prepared to Abandon Ukraine Peace Talks if Progress Remains Stalled',
      'The United States may withdraw from its efforts to broker peace between Russia and Ukraine within days if no tangible progress is made, US Secretary of State Marco Rubio warned on Friday.',
      '“I think it’s important to remind everybody that the Ukraine war is a terrible thing, but it’s not our war.',
      'We didn’t start it,” Rubio said.',
    ],
  },
  'comment-thread': {
    highlighted: [
      'Senator Rubio Issues Warning on Ukraine-Russia Peace Negotiations',
      'Secretary of State Marco Rubio has delivered an ultimatum on Ukraine-Russia peace talks: progress within days or the Trump administration walks away.',
      'Rubio warned the U.S. may abandon peace efforts between Ukraine and Russia if no progress is made within days, not weeks',
      'We have other priorities to focus on.”',
    ],
  },
  'live-blog': {
    highlighted: [
      'Europe live: Rubio says US may pull out of Ukraine mediation within days – as it happened',
      'The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within the next few days, warned U.S. Secretary of State Marco Rubio.',
      'Rubio stated, “We need to know within a few days whether a resolution is possible in the coming weeks.',
      'Kremlin spokesman Dmitry Peskov acknowledged limited progress but noted difficulties in communicating with Washington.',
    ],
    // Entries of the same live blog on other subjects.
    notHighlighted: [
      'Flooding closes Alpine rail link',
      'Engineers are inspecting two bridges where the river rose above the warning level overnight.',
      'It’s Jakub Krupa here with the latest updates from across Europe.',
    ],
  },
  'amp-article': {
    highlighted: [
      'Rubio: U.S. to Walk Away from Ukraine Peace Process Within Days Without Breakthrough',
      '“If it can, we’re prepared to do whatever we can to facilitate that to make sure that happens, that it ends in a durable and just way.”',
      'But we’re not going to continue with this endeavour for weeks and months on end.',
      'If it’s not, we have other priorities to focus on.”',
    ],
  },
  'script-article': {
    highlighted: [
      'US may withdraw from mediating Russia-Ukraine conflict within days, Rubio warns',
      'The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within the next few days, warned U.S. Secretary of State Marco Rubio.',
      'Kyiv considers these demands as terms of surrender.',
    ],
  },
};

let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages([PAGES_DIR]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until every sentence in `wanted` is highlighted (or the time is up), and returns the highlights. */
async function highlightsOnceShown(page: import('playwright-core').Page, wanted: readonly string[], timeout = SETTLE_TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const highlighted = (await allHighlighted(page)).map(squash);
    if (wanted.every((s) => highlighted.includes(squash(s))) || Date.now() > deadline) return highlighted;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(fixturePageNames())('%s', (name) => {
  const fixture = readFixturePage(name);
  const expected = EXPECTED[name];

  it(
    fixture.expect.onStory
      ? 'highlights the sentences that state the story’s points and nothing around the article'
      : 'gets no highlight and no badge',
    async () => {
      const page = await browser.newPage();
      await page.goto(server.url(`/${name}.html`));
      // Once the badge and the highlights show the stored scan (they follow it).
      const { tabId } = await settledScan(browser, page);

      if (!fixture.expect.onStory) {
        // Give content that arrives late its chance to (wrongly) be highlighted.
        await new Promise((r) => setTimeout(r, 2_000));
        expect(await allHighlighted(page)).toEqual([]);
        expect(await badgeText(browser, tabId)).toBe('');
        await page.close();
        return;
      }
      if (!expected) throw new Error(`${name} is on the story but has no expected highlights in this test`);
      const highlighted = await highlightsOnceShown(page, expected.highlighted);
      for (const sentence of expected.highlighted) expect(highlighted, sentence).toContain(squash(sentence));
      for (const text of [...fixture.expect.mustNotExtract, ...(expected.notHighlighted ?? [])]) {
        expect(highlighted.filter((h) => h.includes(squash(text))), text).toEqual([]);
      }
      await expect.poll(() => badgeText(browser, tabId)).toBe(String(highlighted.length));
      await page.close();
    },
  );
});

describe('a page whose article is rendered by script', () => {
  it('gets highlights once the article arrives, and for the update appended after it, but not for the trending rail', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/script-article.html'));
    const update = 'However, we must see signs of progress within days to determine if a short-term resolution is feasible.';
    // The update paragraph is appended 1.5 s after load, the trending rail at 1.8 s.
    const highlighted = await highlightsOnceShown(page, [update]);
    expect(highlighted).toContain(update);
    expect(highlighted).toContain(
      'The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within the next few days, warned U.S. Secretary of State Marco Rubio.',
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const after = (await allHighlighted(page)).map(squash);
    expect(after.filter((h) => /Pope’s Easter|Oil falls/.test(h))).toEqual([]);
    const tabId = await scannedTab(browser, page);
    await expect.poll(() => badgeText(browser, tabId)).toBe(String(after.length));
    await page.close();
  });
});
