// The content script's scan over a page session, against a background that keeps the session as the
// real one does (continueSession) and a stand-in matcher: what is sent (only new sentences, retired
// ones named, one session until the page is replaced) and what is shown (the session's whole answer).
import { beforeEach, describe, expect, it } from 'vitest';
import { continueSession, type SessionPage } from '../../../entrypoints/background/page-sessions';
import storyKeywords from 'virtual:parallax-story-keywords';
import { pageReadingModule } from '../../../lib/page/page-reading';
import { FIRST_REQUEST_SENTENCES, MAX_SESSION_SENTENCES, PageScanner, type MatchedSentence } from '../../../lib/page/page-scanner';
import type { ScanReply, ScanRequest } from '../../../lib/protocol';
import type { SentenceResult } from '../../../lib/types';

/** Runs step generators to the end at once: the tests look at what is done, not at slicing. */
const runAtOnce = async <T>(steps: Generator<void, T>): Promise<T> => {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
};

const STORY = [
  'U.S. President Donald Trump is prepared to abandon efforts to broker peace between Russia and Ukraine unless meaningful progress is made within days, Secretary of State Marco Rubio said Friday.',
  'Speaking in Paris following talks with European and Ukrainian officials, Rubio emphasized the urgency of the situation. “We’re not going to drag this out for weeks or months,” he said.',
  '“If both sides remain too far apart, the president is likely to decide it’s time to walk away,” Rubio added.',
  'Kremlin spokesperson Dmitry Peskov acknowledged that some progress had been made but described communication with the U.S. as challenging. He said Russia remains open to talks.',
  'Thursday’s talks in Paris marked the first in-person, high-level peace discussions involving European powers, and officials there called them constructive and positive.',
];
const NEXT_STORY = [
  'Rubio said on Saturday that the United States would judge within days whether Russia and Ukraine were serious about ending the war that began more than three years ago.',
  'European officials in Kyiv and Paris said they hoped Washington would stay involved in the peace talks, which they described as difficult but not hopeless after this week’s meetings.',
  'The Kremlin said it remained open to dialogue with Washington but would defend its interests in any settlement of the conflict, according to a spokesman quoted by state media.',
  'Diplomats said a further round of talks could take place in London next week, although no date had been agreed and several delegations had yet to confirm that they would attend.',
  'Analysts said the warning was meant to press both sides, but cautioned that a withdrawal by Washington could leave the talks without any mediator able to move Moscow or Kyiv.',
];
const SPORT = [
  'City won the cup final on Saturday after a late winner from their captain settled a tense match at the national stadium in front of a crowd of sixty thousand.',
  'The manager praised his players for their patience after a first half in which they created few chances against a well-organised and stubborn defence.',
  'Supporters celebrated in the streets of the city centre until late in the evening, and the team will parade the trophy through the town on Monday afternoon.',
];

function articleHtml(id: string, title: string, paragraphs: readonly string[]): string {
  return `<article id="${id}"><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>`;
}

function loadPage(title: string, main: string): void {
  document.title = title;
  document.body.innerHTML = `<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header><main id="main">${main}</main><footer><p>© 2025 Daily Wire Service.</p></footer>`;
}

/** A background that keeps sessions as the real one does; a sentence matches when it names Rubio. */
function fakeBackground() {
  let stored: SessionPage | null = null;
  const requests: ScanRequest[] = [];
  return {
    requests,
    loseSession: () => {
      stored = null;
    },
    scan: async (request: ScanRequest): Promise<ScanReply> => {
      requests.push(structuredClone(request));
      const continued = continueSession(stored, request);
      if ('resendFrom' in continued) return { onStory: false, storyScore: 0, sentences: [], resendFrom: continued.resendFrom };
      stored = continued.page;
      const sentences: SentenceResult[] = continued.page.sentences
        .map((text, index) => ({
          index,
          text,
          pointId: null,
          matches: /Rubio/.test(text)
            ? [{ sentenceId: `seed:${index}`, articleId: 'seed', outlet: 'Wire', file: null, url: null, text, score: 0.9, kind: 'verbatim' as const, pointId: null }]
            : [],
        }))
        .filter((r) => r.matches.length > 0);
      return { onStory: sentences.length > 0, storyScore: sentences.length > 0 ? 0.9 : 0, sentences };
    },
  };
}

let address = 'https://news.example/world/rubio';
let background: ReturnType<typeof fakeBackground>;
let shown: MatchedSentence[];
let sessions: number;

function scanner(host: { scan?: (request: ScanRequest) => Promise<ScanReply> } = {}): PageScanner {
  return new PageScanner({
    doc: document,
    host: { scan: host.scan ?? background.scan, show: (matched) => void (shown = [...matched]) },
    isOwnNode: (node) => node.nodeType === 1 && (node as Element).localName === 'parallax-ui',
    run: runAtOnce,
    reading: async () => pageReadingModule,
    keywords: storyKeywords,
    newSessionId: () => `session-${++sessions}`,
    location: () => address,
  });
}

const shownTexts = () => shown.map((m) => m.sentence.text);
const last = () => background.requests[background.requests.length - 1]!;

beforeEach(() => {
  address = 'https://news.example/world/rubio';
  background = fakeBackground();
  shown = [];
  sessions = 0;
});

describe('the first scan', () => {
  it('sends every sentence of the article once, in a new session, and shows what matched', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    await scanner().start();

    expect(background.requests).toHaveLength(1);
    const request = background.requests[0]!;
    expect(request).toMatchObject({ from: 0, session: 'session-1', url: address });
    expect(request.sentences).toContain(STORY[2]);
    expect(request.sentences).not.toContain('Home World');
    expect(request.blocks).toHaveLength(request.sentences.length);
    expect(shownTexts()).toEqual(request.sentences.filter((s) => s.includes('Rubio')));
  });

  it("sends the page's publication date with its sentences, for the background's gate", async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    const byline = document.createElement('p');
    byline.innerHTML = '<time datetime="2025-04-18T09:30:00Z">April 18</time>';
    document.querySelector('article h1')!.after(byline);
    await scanner().start();
    expect(background.requests[0]).toMatchObject({ from: 0, published: '2025-04-18T09:30:00Z' });

    document.querySelector('time')!.remove();
    await scanner().start();
    expect(last().published).toBeNull();
  });

  it('sends no sentence of a page the cheap gate turns away, but reports it read', async () => {
    loadPage('City win the cup', articleHtml('sport', 'City win the cup after late winner', SPORT));
    await scanner().start();

    expect(background.requests).toEqual([expect.objectContaining({ from: 0, sentences: [], unread: { why: 'no-story-words' } })]);
    expect(shown).toEqual([]);
  });

  it('says why when a page naming the story has no article to read', async () => {
    // A video page: the story's words in a title and a one-line blurb, no paragraph of prose.
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', '<div><video></video><p>Video: Rubio in Paris on Russia and Ukraine peace talks</p></div>');
    await scanner().start();

    expect(background.requests).toHaveLength(1);
    expect(last().sentences).toEqual([]);
    expect(last().unread).toMatchObject({ why: 'no-article', reason: expect.any(String) });
  });

  it('sends no reason once the page has sentences', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    await scanner().start();
    expect(last().unread).toBeUndefined();
  });
});

describe('content that arrives later', () => {
  it('sends only the sentences of a paragraph added to the article, in the same session', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    const scan = scanner();
    await scan.start();
    const before = background.requests[0]!.sentences.length;

    const added = document.createElement('p');
    added.textContent = 'Rubio later told reporters that the decision would rest with the president, who has grown impatient with both sides.';
    document.getElementById('story')!.append(added);
    await scan.update([added], false);

    expect(last()).toMatchObject({ session: 'session-1', from: before, sentences: [added.textContent], retired: [] });
    expect(shownTexts()).toContain(added.textContent);
    expect(shownTexts()).toContain(STORY[2]);
  });

  it('reads nothing again when a paragraph already read is reported again', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    const scan = scanner();
    await scan.start();
    const paragraph = document.querySelector('#story p')!;
    const emphasis = document.createElement('em');
    paragraph.append(emphasis);
    await scan.update([paragraph, emphasis], false);

    expect(background.requests).toHaveLength(1);
  });

  it('does not read a paragraph again when the page moves it into a new wrapper', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    const scan = scanner();
    await scan.start();
    const paragraph = document.querySelectorAll('#story p')[1]!;
    const wrapper = document.createElement('div');
    wrapper.className = 'paragraph-wrapper';
    paragraph.before(wrapper);
    wrapper.append(paragraph);
    await scan.update([wrapper], true);

    expect(background.requests).toHaveLength(1);
    expect(shownTexts()).toContain(STORY[1]!.split(' “')[0]);
  });

  it('reads only the new paragraph added inside a container that has text of its own', async () => {
    loadPage(
      'Rubio warns US may walk away from Ukraine peace efforts',
      `<article id="story"><h1>Rubio warns US may walk away</h1><div id="body">${STORY[0]}${STORY.slice(1).map((p) => `<p>${p}</p>`).join('')}</div></article>`,
    );
    const scan = scanner();
    await scan.start();
    const before = background.requests[0]!.sentences.length;
    const added = document.createElement('p');
    added.textContent = 'Rubio later told reporters that the decision would rest with the president, who has grown impatient with both sides.';
    document.getElementById('body')!.append(added);
    await scan.update([added], false);

    expect(last()).toMatchObject({ from: before, sentences: [added.textContent], retired: [] });
  });

  it('retires the sentences of a removed paragraph and stops showing them', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    const scan = scanner();
    await scan.start();
    const sent = background.requests[0]!.sentences;
    const third = document.querySelectorAll('#story p')[2]!;
    third.remove();
    await scan.update([], true);

    expect(last()).toMatchObject({ from: sent.length, sentences: [], retired: [sent.indexOf(STORY[2]!)] });
    expect(shownTexts()).not.toContain(STORY[2]);
    expect(shownTexts()).toContain(STORY[0]);
  });

  it('sends a rewritten paragraph as new sentences and retires the old ones', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    const scan = scanner();
    await scan.start();
    const sent = background.requests[0]!.sentences;
    const third = document.querySelectorAll('#story p')[2]!;
    const rewritten = '“If the two sides stay too far apart, the president will probably walk away,” Rubio said on Friday.';
    third.textContent = rewritten;
    await scan.update([third.firstChild!], true);

    expect(last()).toMatchObject({ from: sent.length, sentences: [rewritten], retired: [sent.indexOf(STORY[2]!)] });
    expect(shownTexts()).toContain(rewritten);
    expect(shownTexts()).not.toContain(STORY[2]);
  });

  it('opens the gate when an article about the story arrives on a page that had none', async () => {
    loadPage('The Daily Ledger', '<div id="app"><p>Loading…</p></div>');
    const scan = scanner();
    await scan.start();
    expect(background.requests).toEqual([expect.objectContaining({ sentences: [] })]);

    const app = document.getElementById('app')!;
    app.textContent = '';
    app.insertAdjacentHTML('beforeend', articleHtml('story', 'Rubio warns US may walk away from Ukraine peace efforts', STORY));
    await scan.update([app.firstElementChild!], true);

    expect(last()).toMatchObject({ session: 'session-1', from: 0 });
    expect(last().sentences).toContain(STORY[2]);
    expect(shownTexts()).toContain(STORY[2]);
  });

  it('reads the next story of an infinite scroll as an article of its own, keeping the session when the address moves', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    const scan = scanner();
    await scan.start();
    const before = background.requests[0]!.sentences.length;

    document.getElementById('main')!.insertAdjacentHTML('beforeend', articleHtml('next', 'Rubio: US will judge within days', NEXT_STORY));
    address = 'https://news.example/world/rubio-next';
    await scan.update([document.getElementById('next')!], false);

    expect(last()).toMatchObject({ session: 'session-1', from: before, url: address });
    expect(last().sentences).toEqual(['Rubio: US will judge within days', ...NEXT_STORY]);
    expect(shownTexts()).toContain(NEXT_STORY[0]);
    expect(shownTexts()).toContain(STORY[0]);
  });

  it('does not take a comment added to a comment thread for an article', async () => {
    loadPage(
      'Rubio warns US may walk away from Ukraine peace efforts',
      articleHtml('story', 'Rubio warns US may walk away', STORY) + '<section id="comments" class="comments-area"><h2>Comments</h2></section>',
    );
    const scan = scanner();
    await scan.start();
    const comment = document.createElement('article');
    comment.className = 'comment-body';
    comment.innerHTML = NEXT_STORY.map((p) => `<p>${p}</p>`).join('');
    document.getElementById('comments')!.append(comment);
    await scan.update([comment], false);

    expect(background.requests).toHaveLength(1);
    expect(shownTexts()).not.toContain(NEXT_STORY[0]);
  });
});

describe('a page far longer than any article', () => {
  it('sends at most MAX_SESSION_SENTENCES sentences, and nothing of what arrives past them', async () => {
    const paragraphs = Array.from({ length: MAX_SESSION_SENTENCES / 2 + 10 }, (_, i) => `${STORY[i % STORY.length]!.split('.')[0]} (${i}). Rubio spoke again on day ${i}.`);
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', paragraphs));
    const scan = scanner();
    await scan.start();
    // The start first (FIRST_REQUEST_SENTENCES), then the rest up to the cap.
    expect(background.requests.map((r) => [r.from, r.sentences.length])).toEqual([
      [0, FIRST_REQUEST_SENTENCES],
      [FIRST_REQUEST_SENTENCES, MAX_SESSION_SENTENCES - FIRST_REQUEST_SENTENCES],
    ]);

    const added = document.createElement('p');
    added.textContent = 'Rubio later told reporters that the decision would rest with the president, who has grown impatient.';
    document.getElementById('story')!.append(added);
    await scan.update([added], false);
    expect(background.requests).toHaveLength(2);
  });

  it('shows the highlights of its first sentences before the rest is sent', async () => {
    const paragraphs = Array.from({ length: FIRST_REQUEST_SENTENCES }, (_, i) => `${STORY[i % STORY.length]!.split('.')[0]} (${i}). Rubio spoke again on day ${i}.`);
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', paragraphs));
    const shownAtRequest: number[] = [];
    const scan = scanner({
      scan: async (request) => {
        shownAtRequest.push(shown.length);
        return background.scan(request);
      },
    });
    await scan.start();
    expect(background.requests).toHaveLength(2);
    expect(background.requests[1]!.from).toBe(FIRST_REQUEST_SENTENCES);
    // The first answer was drawn before the second request went out.
    expect(shownAtRequest[1]).toBeGreaterThan(shownAtRequest[0]!);
  });
});

describe('single-page apps', () => {
  it('starts a new session when the app moves to another address and replaces the article', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    const scan = scanner();
    await scan.start();

    const main = document.getElementById('main')!;
    main.textContent = '';
    main.insertAdjacentHTML('beforeend', articleHtml('sport', 'City win the cup after late winner', SPORT));
    document.title = 'City win the cup';
    address = 'https://news.example/sport/cup-final';
    await scan.update([main.firstElementChild!], true);

    expect(scan.sessionId).toBe('session-2');
    expect(last()).toMatchObject({ session: 'session-2', from: 0, sentences: [], url: address });
    expect(shown).toEqual([]);
  });
});

describe('a background that lost the session', () => {
  it('is sent the whole session again, with retired sentences empty', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    const scan = scanner();
    await scan.start();
    const sent = background.requests[0]!.sentences;
    document.querySelectorAll('#story p')[2]!.remove();
    const added = document.createElement('p');
    added.textContent = 'Rubio later told reporters that the decision would rest with the president, who has grown impatient with both sides.';
    document.getElementById('story')!.append(added);
    background.loseSession();
    await scan.update([added], true);

    const [refused, resent] = background.requests.slice(-2);
    expect(refused).toMatchObject({ from: sent.length });
    expect(resent).toMatchObject({ session: 'session-1', from: 0 });
    expect(resent!.sentences).toHaveLength(sent.length + 1);
    expect(resent!.sentences[sent.indexOf(STORY[2]!)]).toBe('');
    expect(shownTexts()).toContain(added.textContent);
  });
});

describe('sending the session again when the background lost it', () => {
  it('resends every sentence from the start of the same session, and shows the answer', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    const scan = scanner();
    await scan.start();
    const first = background.requests[0]!;
    background.loseSession();
    shown = [];

    expect(await scan.resend()).toBe(true);
    expect(background.requests).toHaveLength(2);
    expect(last()).toMatchObject({ from: 0, session: first.session, sentences: first.sentences });
    expect(shownTexts()).toEqual(first.sentences.filter((s) => s.includes('Rubio')));
  });

  it('continues the resent session with what arrives later', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    const scan = scanner();
    await scan.start();
    const held = background.requests[0]!.sentences.length;
    background.loseSession();
    await scan.resend();
    const paragraph = document.createElement('p');
    paragraph.textContent = NEXT_STORY[0]!;
    document.querySelector('article')!.append(paragraph);
    await scan.update([paragraph], false);
    expect(last()).toMatchObject({ from: held, sentences: [NEXT_STORY[0]] });
  });

  it('sends nothing before the first scan has been sent: that one is on its way', async () => {
    loadPage('Rubio warns US may walk away from Ukraine peace efforts', articleHtml('story', 'Rubio warns US may walk away', STORY));
    expect(await scanner().resend()).toBe(false);
    expect(background.requests).toEqual([]);
  });
});
