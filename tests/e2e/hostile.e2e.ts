/**
 * Hostile pages, in real Chromium (issue 7, deliverable 3). On each the page keeps working, the
 * extension reports cleanly, and nothing throws uncaught:
 *   - the page's own script runs to its end and sets a marker;
 *   - the page stays responsive: a 10 ms timer of its own keeps ticking, and the longest time it
 *     waited (a hold of the main thread, by the page or by us) is printed with and without
 *     Parallax, and bounded (PAUSE_BOUND_MS says why that bound);
 *   - its DOM is the DOM the same page has in the same Chromium without Parallax, except for the
 *     one <parallax-ui> host (a child of <html>) when a card is shown;
 *   - the tab's state in storage.session settles ('scanned', or a clear 'error'/'off'), never stays
 *     'pending';
 *   - no uncaught error in any world of the page (Playwright's 'pageerror' reports content-script
 *     errors too, checked in Chromium 156 with a throwing test extension), no console error, no
 *     failure the content script reported ("Parallax could not …"), and the page's own
 *     window.onerror hears nothing.
 *
 * What a page shares with a content script, and so what the hostile pages attack: the content
 * script runs in an isolated world, with JavaScript objects of its own: its own Array, Map, JSON,
 * Promise, and its own wrappers and prototypes for DOM objects (Node.prototype.appendChild
 * overwritten by the page is not the one the content script calls). Shared are the DOM itself
 * (nodes, attributes, the tree the page can rearrange or empty), the CSS.highlights registry (one
 * per document: the page can read, clear or overwrite our entries), events (the page can dispatch
 * its own, untrusted ones, and throw in its own listeners), the document's custom element registry
 * (a page that defines <parallax-ui> has its constructor run on our host), layout and the main
 * thread. The prototype page overwrites the builtins anyway, to prove they are not shared, and
 * then attacks each shared thing.
 *
 * The test reads each page from a third world of its own (DevTools' Page.createIsolatedWorld), as
 * the content script does, so the page's overwritten builtins cannot fool the test either.
 *
 * Run: npx wxt build && npx vitest run --config vitest.e2e.config.ts tests/e2e/hostile.e2e.ts
 * (PARALLAX_EXTENSION_DIR: a build of one's own, when several people build in one working tree).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser as PlainBrowser, type CDPSession, type Page } from 'playwright-core';
import type { Browser as ChromeApi } from '@wxt-dev/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../lib/node/browser';
import type { TabState } from '../../lib/protocol';
import { splitSentences } from '../../lib/text/segment';
import { launchBrowser, openPanel, type Browser } from './harness/extension';
import { UI_HOST } from './harness/page-ui';
import { servePages, type PageServer } from './harness/server';

/** The extension API as seen inside `worker.evaluate` callbacks, which run in the service worker. */
declare const chrome: typeof ChromeApi;

const ROOT = resolve(import.meta.dirname, '../..');
const STORY = readFileSync(resolve(ROOT, 'seeds', '004_1d32572d87f94e9b.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');
const TITLE = 'US may walk away from Ukraine peace efforts, Rubio says';

/** The page's heartbeat period. */
const HEARTBEAT_MS = 10;
/**
 * The longest the page's heartbeat may wait from DOMContentLoaded on (the earliest a document_idle
 * content script runs), the page's own holds included. The scan's own budget is 50 ms per hold
 * (issue 5; its slices are 15 ms, lib/page/page-scanner.ts); this bound is looser because the heartbeat
 * also sees the page's own rendering (a 100,000-element page repaints for our highlights) and is
 * measured on a shared two-core machine, where other test runs stretch a slice and a garbage
 * collection of a huge page's heap (10–30 ms, in Chromium's trace) lands inside one. It still
 * fails what this file exists for: before the budget fixes the 5 MB text node held the page for
 * 326–653 ms in one step (this test, three runs).
 */
const PAUSE_BOUND_MS = 150;
/** How long to let a page be after its scan settled, for late work (highlights, timers) to show. */
const SETTLE_MS = 1_500;
/** The flag every script-looking payload would set, in whatever page it ran. */
const PWNED = '__parallaxPwned';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (list: readonly string[]) => list.map((p, i) => `<p id="p${i}">${escape(p)}</p>`).join('\n');

/** The end of each page's own script: the marker that says it ran to its end. */
const PAGE_DONE = 'window.__pageDone = true;';

function newsPage(options: { head?: string; before?: string; article: string; after?: string; script?: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(TITLE)}</title>${options.head ?? ''}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>${options.before ?? ''}
<main><article><h1>${escape(TITLE)}</h1>${options.article}</article></main>${options.after ?? ''}
<footer><p>© 2025 Hostile Test Press.</p></footer>
<script>${options.script ?? ''}
${PAGE_DONE}</script></body></html>`;
}

// --- The pages --------------------------------------------------------------------------------

/**
 * On-story sentences (the seeds' wording, so they match) carrying text that looks like script,
 * markup, a template injection and a javascript: URL. Each would set window.__parallaxPwned if
 * anything ever treated it as code or markup.
 */
const PAYLOADS = {
  script: `The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within the next few days, warned U.S. Secretary of State Marco Rubio <script>window.${PWNED} = "script"</script>.`,
  img: `Speaking to reporters in Paris <img src=x onerror="window.${PWNED} = 'img'">, Rubio said the U.S. needed to decide within days whether a peace deal between Russia and Ukraine was doable in the short term.`,
  template: `U.S. Vice President J.D. Vance {{constructor.constructor('window.${PWNED} = "template"')()}}, during a meeting with Italian Prime Minister Giorgia Meloni in Rome, expressed hope that the U.S. could help end the war.`,
  url: `Rubio also briefed Russian Foreign Minister Sergey Lavrov about the peace framework (javascript:window.${PWNED} = "url").`,
} as const;
const PAYLOAD_SENTENCES = Object.values(PAYLOADS);
const MARKUP_ARTICLE = [...PAYLOAD_SENTENCES, ...STORY.slice(1)];

/** A reader's own article from a hostile outlet: its name and words are markup-looking too. */
const HOSTILE_OUTLET = `Hostile <img src=x onerror="window.${PWNED} = 'outlet'"> Gazette`;

/** Prose that is about something else, for the 5 MB text node (a transcript dumped into the article). */
const FILLER = 'The harbour authority reported a record harvest of late apples after months of careful preparation. ';
const FIVE_MB = 5 * 1024 * 1024;

/** Elements of the huge page, as many as issue 7 says. */
const HUGE_ELEMENTS = 100_000;

/**
 * Nesting of the deep page: 1,000 <div>s, then 4,000 <span>s, the article at the bottom, built by
 * the page's script. Not 5,000 <div>s: Chromium's own renderer crashes past ~3,000 nested blocks
 * (measured without Parallax: 2,000 render, 3,000 crash the tab), and its HTML parser flattens
 * markup past 512 levels, so a script builds the tree.
 */
const DEEP_DIVS = 1_000;
const DEEP_SPANS = 4_000;

/** How often the hostile pages' timers attack. */
const ATTACK_MS = 40;

/**
 * The prototype page's head script, before any extension code can run: it overwrites the builtins
 * a scan uses in its own world (to show they are not shared), then attacks what is shared: it
 * defines <parallax-ui> to take the host's shadow root, throws in listeners of the events the
 * content script listens to, dispatches fake pointer, key, focus, scroll and navigation events at
 * our highlights, clicks our card's buttons whenever one shows, plants a highlight under one of our
 * names, and freezes the document's wrappers. It keeps its own copies of what it still needs.
 */
const PROTOTYPE_ATTACK = `
(function () {
  var apply = Reflect.apply, defineProperty = Object.defineProperty, freeze = Object.freeze;
  var setInterval_ = window.setInterval, HighlightCtor = window.Highlight, registry = CSS.highlights;
  var docQuery = Document.prototype.querySelector, shadowOf = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot').get;
  var elQuery = Element.prototype.querySelector, dispatch = EventTarget.prototype.dispatchEvent, click = HTMLElement.prototype.click;
  var getRects = Range.prototype.getClientRects, createRange = Document.prototype.createRange;
  var selectNode = Range.prototype.selectNodeContents, listen = EventTarget.prototype.addEventListener;
  var regGet = registry.get, regSet = registry.set, iter = Symbol.iterator;
  var attack = { fakeEvents: 0, clicks: 0, cardsSeen: 0, stoleShadow: null, listenerThrows: 0 };
  window.__attack = attack;

  // The custom element registry is shared: our definition's constructor runs on their host.
  customElements.define(${JSON.stringify(UI_HOST)}, class extends HTMLElement {
    constructor() {
      super();
      try { this.attachShadow({ mode: 'closed' }); attack.stoleShadow = true; } catch (e) { attack.stoleShadow = false; }
    }
  });

  // Listeners of our own that throw, on every event the content script listens to.
  var thrower = function () { attack.listenerThrows++; throw new Error('hostile page listener'); };
  ['pointermove', 'pointerdown', 'focusin', 'keydown', 'scroll', 'resize', 'message', 'wxt:locationchange'].forEach(function (type) {
    apply(listen, window, [type, thrower, true]);
    apply(listen, document, [type, thrower, true]);
  });
  window.onerror = null;

  var trap = function () { throw new Error('hostile page: overwritten builtin'); };
  var overwrite = function (target, names) {
    for (var i = 0; i < names.length; i++) {
      try { defineProperty(target, names[i], { value: trap, writable: true, configurable: true }); } catch (e) {}
    }
  };
  var getters = function (target, names) {
    for (var i = 0; i < names.length; i++) {
      try { defineProperty(target, names[i], { get: trap, set: trap, configurable: true }); } catch (e) {}
    }
  };

  setInterval_(function () {
    // Fake events at the middle of our first highlight, read from the shared registry.
    // Any match kind at any emphasis (lib/page/highlight-style.ts names them).
    var names = ['parallax-verbatim', 'parallax-reworded', 'parallax-quote', 'parallax-verbatim-quiet', 'parallax-reworded-quiet',
      'parallax-quote-quiet', 'parallax-verbatim-strong', 'parallax-reworded-strong', 'parallax-quote-strong'];
    var highlight = null;
    for (var n = 0; n < names.length && !highlight; n++) highlight = apply(regGet, registry, [names[n]]);
    if (highlight) {
      var range = highlight.values().next().value;
      var rect = range && apply(getRects, range, [])[0];
      if (rect) {
        var x = rect.left + 5, y = rect.top + rect.height / 2;
        var events = [new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }),
          new PointerEvent('pointerdown', { clientX: x, clientY: y, bubbles: true }),
          new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }), new FocusEvent('focusin', { bubbles: true }),
          new Event('scroll'), new Event('resize'), new CustomEvent('wxt:locationchange', { detail: { newUrl: 'http://elsewhere.test/' } })];
        for (var i = 0; i < events.length; i++) {
          try { apply(dispatch, i < 4 ? document : window, [events[i]]); } catch (e) {}
          attack.fakeEvents++;
        }
      }
    }
    // Our card, when it shows: click its buttons (it opens the panel when the reader clicks).
    var host = apply(docQuery, document, [${JSON.stringify(UI_HOST)}]);
    var shadow = host && apply(shadowOf, host, []);
    if (shadow) {
      var card = shadow.querySelector('.card');
      if (card) {
        attack.cardsSeen++;
        var buttons = ['.compare', '.close'];
        for (var j = 0; j < buttons.length; j++) {
          var button = apply(elQuery, card, [buttons[j]]);
          if (button) { apply(click, button, []); attack.clicks++; }
        }
      }
    }
    // A highlight of our own under one of their names, over the footer.
    var footer = apply(docQuery, document, ['footer p']);
    if (footer) {
      var planted = apply(createRange, document, []);
      apply(selectNode, planted, [footer]);
      apply(regSet, registry, ['parallax-flash', new HighlightCtor(planted)]);
    }
  }, ${ATTACK_MS});

  // Now the builtins, in this world. The content script's world has its own.
  overwrite(Array.prototype, ['map', 'filter', 'push', 'pop', 'shift', 'unshift', 'splice', 'slice', 'concat', 'join', 'includes',
    'indexOf', 'lastIndexOf', 'forEach', 'some', 'every', 'reduce', 'find', 'findIndex', 'flat', 'flatMap', 'sort', 'at', 'keys', 'values', 'entries']);
  overwrite(Array.prototype, [iter]);
  overwrite(Array, ['from', 'isArray', 'of']);
  overwrite(String.prototype, ['split', 'replace', 'replaceAll', 'slice', 'substring', 'toLowerCase', 'toUpperCase', 'trim', 'match',
    'matchAll', 'search', 'indexOf', 'includes', 'startsWith', 'endsWith', 'normalize', 'padEnd', 'charAt', 'charCodeAt', 'codePointAt', 'at']);
  overwrite(RegExp.prototype, ['exec', 'test', Symbol.replace, Symbol.split, Symbol.match, Symbol.matchAll, Symbol.search]);
  overwrite(Map.prototype, ['get', 'set', 'has', 'delete', 'forEach', iter]);
  overwrite(Set.prototype, ['add', 'has', 'delete', 'forEach', iter]);
  overwrite(WeakMap.prototype, ['get', 'set', 'has']);
  overwrite(WeakSet.prototype, ['add', 'has']);
  overwrite(JSON, ['parse', 'stringify']);
  overwrite(Promise.prototype, ['then', 'catch', 'finally']);
  overwrite(Promise, ['resolve', 'reject', 'all', 'race']);
  overwrite(Node.prototype, ['appendChild', 'insertBefore', 'removeChild', 'replaceChild', 'cloneNode', 'contains', 'getRootNode', 'compareDocumentPosition', 'hasChildNodes']);
  getters(Node.prototype, ['textContent', 'nodeType', 'parentNode', 'firstChild', 'lastChild', 'nextSibling', 'previousSibling', 'childNodes', 'isConnected', 'ownerDocument']);
  getters(CharacterData.prototype, ['data', 'length']);
  overwrite(Element.prototype, ['attachShadow', 'append', 'remove', 'getAttribute', 'hasAttribute', 'hasAttributes', 'setAttribute', 'querySelector',
    'querySelectorAll', 'closest', 'matches', 'getBoundingClientRect', 'getClientRects', 'checkVisibility']);
  getters(Element.prototype, ['localName', 'shadowRoot', 'className', 'id']);
  overwrite(Document.prototype, ['createElement', 'createRange', 'createTextNode', 'createTreeWalker', 'querySelector', 'getElementById']);
  overwrite(Range.prototype, ['setStart', 'setEnd', 'getClientRects', 'getBoundingClientRect', 'toString']);
  overwrite(HighlightRegistry.prototype, ['set', 'get', 'delete', 'clear', 'has', 'keys']);
  overwrite(Object, ['keys', 'entries', 'values', 'assign', 'fromEntries']);
  overwrite(window, ['Map', 'Set', 'WeakMap', 'WeakSet', 'Highlight', 'MessageChannel', 'MutationObserver', 'setTimeout', 'queueMicrotask',
    'requestAnimationFrame', 'postMessage', 'getComputedStyle', 'structuredClone']);
  overwrite(Intl, ['Segmenter']);
  overwrite(performance, ['now']);
  overwrite(Function.prototype, ['call', 'apply', 'bind']);
  freeze(document);
  freeze(document.documentElement);
  freeze(CSS);
})();
`;

/**
 * The remover page's script: it takes out our host the moment it appears (a MutationObserver) and
 * on a timer, and empties the highlight registry on the same timer, counting what it saw.
 */
const REMOVER = `
  var removal = { inserted: 0, removed: 0, highlightsSeen: 0 };
  window.__removal = removal;
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.localName === ${JSON.stringify(UI_HOST)}) { removal.inserted++; node.remove(); removal.removed++; }
      });
    });
  }).observe(document.documentElement, { childList: true });
  setInterval(function () {
    if (CSS.highlights.size > 0) { removal.highlightsSeen++; CSS.highlights.clear(); }
    var host = document.querySelector(${JSON.stringify(UI_HOST)});
    if (host) { host.remove(); removal.removed++; }
  }, ${ATTACK_MS});
`;

/** The frames: the top page's article, and more of the story inside frames of both origins. */
const TOP_STORY = STORY.slice(0, 5);
const FRAME_STORY = STORY.slice(5);

// --- Reading a page from a world of its own ---------------------------------------------------

/**
 * The page seen through DevTools: expressions in its main world (what the page's own script left
 * there), functions in an isolated world of the test's own (the DOM and the highlight registry,
 * with pristine builtins whatever the page did to its own).
 */
class PageProbe {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<PageProbe> {
    return new PageProbe(await page.context().newCDPSession(page));
  }

  /** An expression evaluated in the page's main world; its value must be JSON. */
  async main<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (exceptionDetails) throw new Error(`in the page's world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  }

  /** `fn(arg)` in a fresh isolated world of the page's top frame. */
  async own<A, T>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    const { executionContextId } = await this.cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'hostile-test' });
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in the test's world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  }

  detach(): Promise<void> {
    return this.cdp.detach().catch(() => undefined);
  }
}

/**
 * The page's side of the measurement, installed before any of its scripts: a 10 ms heartbeat that
 * records every late tick (the page's main thread was held: by the page, by the browser, or by a
 * content script, which shares it), the page's own uncaught errors, and the time of its load
 * event. It keeps private copies of what it uses, since some pages overwrite the builtins, and
 * hands its record over as one JSON string.
 */
const PAGE_PROBE = `
(function () {
  var now = performance.now.bind(performance), stringify = JSON.stringify;
  var record = { pauses: [], errors: [], loadAt: null, readyAt: null };
  var last = now();
  setInterval(function () {
    var t = now();
    if (t - last > ${HEARTBEAT_MS} * 2) record.pauses[record.pauses.length] = [Math.round(last), Math.round(t - last - ${HEARTBEAT_MS})];
    last = t;
  }, ${HEARTBEAT_MS});
  addEventListener('load', function () { record.loadAt = Math.round(now()); });
  addEventListener('DOMContentLoaded', function () { record.readyAt = Math.round(now()); });
  addEventListener('error', function (event) { record.errors[record.errors.length] = String(event.message); });
  addEventListener('unhandledrejection', function (event) { record.errors[record.errors.length] = 'unhandled rejection: ' + String(event.reason); });
  Object.defineProperty(window, '__probe', { value: function () { return stringify({ record: record, now: now() }); } });
})();
`;

interface ProbeRecord {
  /** [start, duration] of each hold of the main thread, ms from the page's start. */
  pauses: [number, number][];
  errors: string[];
  loadAt: number | null;
  /** DOMContentLoaded: the earliest a document_idle content script runs. */
  readyAt: number | null;
}

async function probeRecord(probe: PageProbe): Promise<ProbeRecord & { now: number }> {
  const { record, now } = JSON.parse(await probe.main<string>('window.__probe()')) as { record: ProbeRecord; now: number };
  return { ...record, now };
}

/**
 * Holds of the main thread from DOMContentLoaded on, the earliest a content script at
 * document_idle runs (and it may run before the load event, which then waits for it): the
 * longest, and each over 20 ms as "ms after DOMContentLoaded: ms".
 */
function holdsAfterReady(record: ProbeRecord): { longest: number; over20: string[] } {
  const ready = record.readyAt ?? Infinity;
  const after = record.pauses.filter(([start]) => start >= ready);
  return {
    longest: Math.max(0, ...after.map(([, ms]) => ms)),
    over20: after.filter(([, ms]) => ms > 20).map(([start, ms]) => `${start - ready}: ${ms}`),
  };
}

/** The page's DOM as the test's world serializes it, without our host, hashed (pages run to megabytes). */
async function domDigest(probe: PageProbe): Promise<{ hosts: { parent: string }[]; digest: string; length: number }> {
  const { hosts, html } = await probe.own((host: string) => {
    const found = [...document.querySelectorAll(host)].map((el) => ({ parent: el.parentElement?.localName ?? '' }));
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const el of clone.querySelectorAll(host)) el.remove();
    return { hosts: found, html: clone.outerHTML };
  }, UI_HOST);
  return { hosts, digest: createHash('sha256').update(html).digest('hex'), length: html.length };
}

/** The text under each of Parallax's highlights, read from the shared registry. */
function ownHighlights(probe: PageProbe): Promise<string[]> {
  return probe.own(() => {
    const out: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('parallax') || name === 'parallax-flash') continue;
      for (const range of highlight as unknown as Iterable<Range>) out.push(range.toString().replace(/\s+/g, ' ').trim());
    }
    return out;
  }, null);
}

/** Where to point at a sentence the page shows: on its first line, from the DOM (not the registry). */
async function pointAt(probe: PageProbe, sentence: string): Promise<{ x: number; y: number }> {
  const point = await probe.own((wanted: string) => {
    const head = wanted.slice(0, 40);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(head);
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 10);
      const rect = range.getClientRects()[0];
      if (rect) return { x: rect.left + 5, y: rect.top + rect.height / 2 };
    }
    return null;
  }, sentence);
  if (point === null) throw new Error(`the page does not show "${sentence.slice(0, 60)}…"`);
  return point;
}

/** What the card shows now: its text, and every element in it (tag and attribute names). */
function cardContents(probe: PageProbe) {
  return probe.own((host: string) => {
    const card = document.querySelector(host)?.shadowRoot?.querySelector('.card');
    if (!card) return null;
    const style = getComputedStyle(card);
    return {
      text: (card as HTMLElement).innerText,
      elements: [card, ...card.querySelectorAll('*')].map((el) => `${el.localName}[${[...el.attributes].map((a) => a.name).join(',')}]`),
      position: style.position,
      background: style.backgroundColor,
    };
  }, UI_HOST);
}

/**
 * Markup a payload would have made, in any document: event-handler attributes, images, scripts
 * and javascript: links that are not the page's or the extension's own.
 */
function markupOfPayloads(): string[] {
  const found: string[] = [];
  const roots: (Document | ShadowRoot)[] = [document];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  for (const root of roots) {
    for (const el of root.querySelectorAll('*')) {
      for (const attribute of el.attributes) {
        if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value)) found.push(`${el.localName}[${attribute.name}]`);
      }
      if (el.localName === 'img' && el.getAttribute('src') === 'x') found.push('img[src=x]');
      if (el.localName === 'script' && (el.textContent ?? '').includes('__parallaxPwned')) found.push('script');
    }
  }
  return found;
}

// --- Visits -----------------------------------------------------------------------------------

let browser: Browser;
let plain: PlainBrowser;
let server: PageServer;
/** The same server under another origin: localhost and 127.0.0.1 are different origins. */
let otherOrigin: string;

interface Visit {
  page: Page;
  probe: PageProbe;
  tabId: number;
  state: TabState;
  /** Uncaught errors in any world of the page (the page's, the content script's). */
  pageErrors: string[];
  consoleErrors: string[];
  /** What the content script reported it could not do. */
  reported: string[];
  dialogs: string[];
}

async function tabIds(): Promise<number[]> {
  const worker = await browser.worker();
  return worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!).filter((id) => id !== undefined));
}

/** The tab's state once it is no longer 'pending' (for this page's address, when scanned). */
async function settledState(tabId: number, url: string, timeout: number): Promise<TabState> {
  const deadline = Date.now() + timeout;
  let state: TabState = { status: 'pending' };
  while (Date.now() < deadline) {
    const worker = await browser.worker();
    state = await worker.evaluate(async (key) => ((await chrome.storage.session.get(key))[key] as TabState | undefined) ?? { status: 'pending' }, `tab:${tabId}`);
    if (state.status !== 'pending' && (state.status !== 'scanned' || state.scan.url === url)) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} stayed '${state.status}' for ${timeout} ms`);
}

/** Opens `path` in a new tab with the probe, and waits for Parallax to settle on it. */
async function visit(path: string, timeout = 60_000): Promise<Visit> {
  const before = new Set(await tabIds());
  const page = await browser.newPage();
  const tabId = (await tabIds()).find((id) => !before.has(id));
  if (tabId === undefined) throw new Error('no new tab appeared for the page');
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const reported: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    if (message.text().startsWith('Parallax could not')) reported.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(PAGE_PROBE);
  const probe = await PageProbe.attach(page);
  await page.goto(server.url(path), { waitUntil: 'load', timeout: 120_000 });
  const state = await settledState(tabId, page.url(), timeout);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  return { page, probe, tabId, state, pageErrors, consoleErrors, reported, dialogs };
}

/** The same page in the same Chromium without Parallax: its holds of the main thread, and its DOM. */
async function withoutParallax(path: string, settleMs: number): Promise<{ record: ProbeRecord; dom: Awaited<ReturnType<typeof domDigest>> }> {
  const page = await plain.newPage();
  await page.addInitScript(PAGE_PROBE);
  const probe = await PageProbe.attach(page);
  await page.goto(server.url(path), { waitUntil: 'load', timeout: 120_000 });
  await new Promise((r) => setTimeout(r, settleMs));
  const record = await probeRecord(probe);
  const dom = await domDigest(probe);
  await probe.detach();
  await page.close();
  return { record, dom };
}

const figures: Record<string, unknown> = {};

/**
 * Everything every hostile page must show: its script ran to the end, it heard no error, it stayed
 * responsive, its DOM is its own (plus at most our one host), the tab's state settled as
 * `expected`, and nothing threw or was reported. `expectedPageErrors`: errors the page throws
 * itself, on purpose, named.
 */
async function expectPageKeptWorking(
  path: string,
  seen: Visit,
  options: { expected: TabState['status']; pageScript?: boolean; sameDom?: boolean; expectedPageErrors?: RegExp },
): Promise<void> {
  const record = await probeRecord(seen.probe);
  // Watched for as long after its load as the visit with Parallax was.
  const base = await withoutParallax(path, Math.min(30_000, record.now - (record.loadAt ?? 0)));

  const ours = holdsAfterReady(record);
  const theirs = holdsAfterReady(base.record);
  const before = (r: ProbeRecord) => Math.max(0, ...r.pauses.filter(([start]) => start < (r.readyAt ?? Infinity)).map(([, ms]) => ms));
  figures[path] = {
    'longest hold from DOMContentLoaded on, with / without Parallax (ms)': [ours.longest, theirs.longest],
    'holds > 20 ms with Parallax ("ms after DOMContentLoaded: ms")': ours.over20,
    'holds > 20 ms without': theirs.over20,
    'longest hold while loading (the page parsing itself), with / without (ms)': [before(record), before(base.record)],
    'DOMContentLoaded → load, with / without (ms)': [record.loadAt! - record.readyAt!, base.record.loadAt! - base.record.readyAt!],
    'tab state': seen.state.status,
  };

  expect(seen.state.status).toBe(options.expected);
  if (options.pageScript !== false) expect(await seen.probe.main<boolean>('window.__pageDone === true')).toBe(true);
  expect(record.readyAt).not.toBeNull();
  expect(ours.longest, `the page waited ${ours.longest} ms (without Parallax: ${theirs.longest} ms)`).toBeLessThanOrEqual(PAUSE_BOUND_MS);

  const expectedErrors = (message: string) => options.expectedPageErrors?.test(message) === true;
  expect(record.errors.filter((e) => !expectedErrors(e))).toEqual([]);
  expect(seen.pageErrors.filter((e) => !expectedErrors(e))).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.reported).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(await seen.probe.main<unknown>(`window.${PWNED} ?? null`)).toBeNull();

  const dom = await domDigest(seen.probe);
  expect(dom.hosts.length).toBeLessThanOrEqual(1);
  for (const host of dom.hosts) expect(host.parent).toBe('html');
  if (options.sameDom !== false) expect({ digest: dom.digest, length: dom.length }).toEqual({ digest: base.dom.digest, length: base.dom.length });
}

async function close(seen: Visit): Promise<void> {
  await seen.probe.detach();
  await seen.page.close();
}

/** Page sentences the background matched, from the tab's state (what the panel and badge show). */
function matchedTexts(state: TabState): string[] {
  return state.status === 'scanned' ? state.scan.sentences.map((s) => s.text) : [];
}

beforeAll(async () => {
  server = await servePages([]);
  // Chromium asks every site for its icon; a 404 would be a console error of the page's own.
  server.route('/favicon.ico', { body: Buffer.alloc(0), type: 'image/x-icon' });
  otherOrigin = server.origin.replace('127.0.0.1', 'localhost');

  server.route('/hostile/markup.html', { body: newsPage({ article: paragraphs(MARKUP_ARTICLE) }) });

  const dump = FILLER.repeat(Math.ceil(FIVE_MB / FILLER.length));
  // The HTML parser cuts long text into nodes of 65,536 characters; the page's script joins them
  // into the one 5 MB text node a script-built page would have.
  server.route('/hostile/five-mb.html', {
    body: newsPage({
      article: `${paragraphs(STORY)}\n<p id="transcript">${dump}</p>`,
      script: `document.getElementById('transcript').normalize();`,
    }),
  });

  const quarter = HUGE_ELEMENTS / 4;
  server.route('/hostile/huge.html', {
    body: newsPage({
      before: `<div class="menu">${'<span><a href="/x">Section</a></span>'.repeat(quarter)}</div>`,
      article: paragraphs(STORY),
      after: `<div class="rail">${'<div><span>·</span></div>'.repeat(quarter)}</div>`,
    }),
  });

  server.route('/hostile/deep.html', {
    body: newsPage({
      article: '',
      after: `<div id="deep"></div><template id="story">${paragraphs(STORY)}</template>`,
      script: `
        var parent = document.getElementById('deep');
        for (var level = 0; level < ${DEEP_DIVS + DEEP_SPANS}; level++) {
          var el = document.createElement(level < ${DEEP_DIVS} ? 'div' : 'span');
          // A label on some of the blocks: short lines, noise around the article, never prose.
          if (level < ${DEEP_DIVS} && level % 100 === 0) el.append('level ' + level);
          parent.append(el);
          parent = el;
        }
        var article = document.createElement('article');
        article.append(document.getElementById('story').content.cloneNode(true));
        parent.append(article);
        var depth = 0;
        for (var node = article; node; node = node.parentElement) depth++;
        window.__depth = depth;`,
    }),
  });

  server.route('/hostile/prototypes.html', {
    body: newsPage({ head: `<script>${PROTOTYPE_ATTACK}</script>`, article: paragraphs(STORY) }),
  });

  server.route('/hostile/csp.html', {
    headers: { 'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'" },
    body: newsPage({ head: '<style>p { color: rgb(1, 2, 3); }</style>', article: paragraphs(STORY) }),
  });

  const framePage = (list: readonly string[]) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${escape(TITLE)}</title></head><body><article><h1>${escape(TITLE)}</h1>${paragraphs(list)}</article><script>${PAGE_DONE}</script></body></html>`;
  server.route('/hostile/frame.html', { body: framePage(FRAME_STORY) });
  server.route('/hostile/frames.html', {
    body: newsPage({
      article: paragraphs(TOP_STORY),
      after: `<iframe id="same" src="/hostile/frame.html" width="600" height="400"></iframe>
<iframe id="other" src="${otherOrigin}/hostile/frame.html" width="600" height="400"></iframe>
<iframe id="inline" srcdoc="${escape(framePage(FRAME_STORY)).replace(/"/g, '&quot;')}" width="600" height="400"></iframe>`,
    }),
  });

  server.route('/hostile/remover.html', { body: newsPage({ article: paragraphs(STORY), script: REMOVER }) });

  // PARALLAX_EXTENSION_DIR: a build of one's own, when several people build in one working tree.
  browser = await launchBrowser({ extensionDir: process.env.PARALLAX_EXTENSION_DIR });
  plain = await chromium.launch({ executablePath: findChromium()!, headless: true });
});

afterAll(async () => {
  console.log(`[hostile] main-thread holds per page\n${JSON.stringify(figures, null, 2)}`);
  await plain?.close();
  await browser?.close();
  await server?.close();
});

// --- The tests --------------------------------------------------------------------------------

describe('text that looks like script or markup', () => {
  it('is highlighted and shown as literal text on the page, in the card and in the panel, and never runs', async () => {
    const seen = await visit('/hostile/markup.html');
    await expectPageKeptWorking('/hostile/markup.html', seen, { expected: 'scanned' });
    const highlighted = await ownHighlights(seen.probe);
    for (const sentence of PAYLOAD_SENTENCES) {
      expect(highlighted).toContain(sentence);
      expect(matchedTexts(seen.state)).toContain(sentence);
    }

    // The card of a payload sentence: the other outlets' wordings, in elements of the card's own.
    const point = await pointAt(seen.probe, PAYLOADS.img);
    await seen.page.mouse.move(point.x + 3, point.y + 1);
    await seen.page.mouse.move(point.x, point.y);
    await expect.poll(() => cardContents(seen.probe), { timeout: 5_000 }).not.toBeNull();
    const shown = (await cardContents(seen.probe))!;
    expect(shown.elements.every((e) => /^(div|span|button|ul|li|p|mark)\[/.test(e))).toBe(true);
    expect(await seen.probe.own(markupOfPayloads, null)).toEqual([]);

    const panel = await openPanel(browser, seen.tabId);
    await panel.getByText('127.0.0.1').first().waitFor();
    // The panel opens on one row per point: open them all, so every sentence and wording shows.
    await panel.getByRole('button', { name: 'Open all' }).click();
    await panel.locator('article.px-card').first().waitFor();
    const panelText = await panel.locator('body').innerText();
    for (const sentence of PAYLOAD_SENTENCES) expect(panelText).toContain(sentence);
    expect(await panel.evaluate(markupOfPayloads)).toEqual([]);
    expect(await panel.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag] ?? null, PWNED)).toBeNull();
    await panel.close();
    expect(await seen.probe.main<unknown>(`window.${PWNED} ?? null`)).toBeNull();
    await close(seen);
  });

  it('in a reader’s article from a hostile outlet is stored, listed, matched and shown in the card as text', async () => {
    const settings = await browser.newPage();
    const dialogs: string[] = [];
    settings.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    await settings.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await settings.getByRole('heading', { name: 'Parallax settings' }).waitFor();
    const text = [TITLE, ...MARKUP_ARTICLE.slice(0, 8)].join('\n\n');
    await settings.getByLabel('Outlet', { exact: true }).fill(HOSTILE_OUTLET);
    await settings.getByLabel(/^Article text/).fill(text);
    // A javascript: address is no address: refused by name, nothing added.
    await settings.getByLabel(/^Address/).fill(`javascript:window.${PWNED} = 'address'`);
    await settings.getByRole('button', { name: 'Add article' }).click();
    await expect.poll(() => settings.getByRole('alert').innerText()).toMatch(/is not an http\(s\) URL/);
    await settings.getByLabel(/^Address/).fill('https://hostile.example/rubio');
    await settings.getByRole('button', { name: 'Add article' }).click();
    const list = settings.getByRole('list', { name: 'Your articles' });
    await expect.poll(() => list.innerText()).toContain(HOSTILE_OUTLET);
    expect(await settings.evaluate(markupOfPayloads)).toEqual([]);

    const seen = await visit('/hostile/markup.html');
    await expectPageKeptWorking('/hostile/markup.html', seen, { expected: 'scanned' });
    const point = await pointAt(seen.probe, PAYLOADS.script);
    await seen.page.mouse.move(point.x + 3, point.y + 1);
    await seen.page.mouse.move(point.x, point.y);
    await expect.poll(async () => (await cardContents(seen.probe))?.text ?? '', { timeout: 5_000 }).toContain(HOSTILE_OUTLET);
    const shown = (await cardContents(seen.probe))!;
    expect(shown.text).toContain(PAYLOADS.script);
    expect(shown.elements.every((e) => /^(div|span|button|ul|li|p|mark)\[/.test(e))).toBe(true);
    expect(await seen.probe.own(markupOfPayloads, null)).toEqual([]);

    const panel = await openPanel(browser, seen.tabId);
    await expect.poll(() => panel.locator('body').innerText(), { timeout: 10_000 }).toContain(HOSTILE_OUTLET);
    expect(await panel.evaluate(markupOfPayloads)).toEqual([]);
    expect(await panel.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag] ?? null, PWNED)).toBeNull();
    await panel.close();

    // The reader's article goes again, so the pages below match the seeds only.
    await settings.getByRole('button', { name: /^Remove Hostile/ }).click();
    await settings.getByText('You have not added any articles').waitFor();
    expect(await settings.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag] ?? null, PWNED)).toBeNull();
    expect(dialogs).toEqual([]);
    await settings.close();
    await close(seen);
  });
});

describe('a single 5 MB text node', () => {
  it('is scanned without holding the page: the story is highlighted, the dump read only up to the cap', async () => {
    const seen = await visit('/hostile/five-mb.html', 90_000);
    await expectPageKeptWorking('/hostile/five-mb.html', seen, { expected: 'scanned' });
    expect(await seen.probe.own(() => (document.getElementById('transcript')!.firstChild as Text).length, null)).toBeGreaterThanOrEqual(FIVE_MB);
    const highlighted = await ownHighlights(seen.probe);
    expect(highlighted.length).toBeGreaterThanOrEqual(10);
    expect(highlighted.some((t) => t.includes('harbour authority'))).toBe(false);
    await close(seen);
  });
});

describe('a page of 100,000 elements', () => {
  it('is scanned without holding the page', async () => {
    const seen = await visit('/hostile/huge.html', 90_000);
    await expectPageKeptWorking('/hostile/huge.html', seen, { expected: 'scanned' });
    expect(await seen.probe.own(() => document.getElementsByTagName('*').length, null)).toBeGreaterThan(HUGE_ELEMENTS);
    expect((await ownHighlights(seen.probe)).length).toBeGreaterThanOrEqual(10);
    await close(seen);
  });
});

describe('a page nested 5,000 deep', () => {
  it('is scanned, and its article at the bottom highlighted', async () => {
    const seen = await visit('/hostile/deep.html', 90_000);
    await expectPageKeptWorking('/hostile/deep.html', seen, { expected: 'scanned' });
    expect(await seen.probe.main<number>('window.__depth')).toBeGreaterThan(DEEP_DIVS + DEEP_SPANS);
    const highlighted = await ownHighlights(seen.probe);
    expect(highlighted.length).toBeGreaterThanOrEqual(10);
    expect(highlighted).toContain(STORY[STORY.length - 1]!.split(/(?<=\.) /).at(-1));
    await close(seen);
  });
});

describe('a page that overwrites the builtins and attacks what a content script shares', () => {
  it('is scanned and highlighted; its fake events and clicks drive nothing; the card still shows to the reader', async () => {
    const pagesBefore = browser.context.pages().length;
    const seen = await visit('/hostile/prototypes.html');
    // Its listeners throw on the test's own pointer moves too: those errors are the page's.
    await expectPageKeptWorking('/hostile/prototypes.html', seen, { expected: 'scanned', expectedPageErrors: /hostile page listener/ });
    const attack = await seen.probe.main<{ fakeEvents: number; clicks: number; cardsSeen: number; stoleShadow: boolean | null }>(
      '({ ...window.__attack })',
    );
    // Its builtins are broken for itself, not for us: the scan read the article.
    expect((await ownHighlights(seen.probe)).length).toBeGreaterThanOrEqual(10);
    expect(attack.fakeEvents).toBeGreaterThan(50);
    // No card from fake pointer events, so nothing to click yet.
    expect(attack.cardsSeen).toBe(0);

    // The reader hovers: the card shows, in our shadow root, though the page defined our element.
    const point = await pointAt(seen.probe, STORY[3]!);
    await seen.page.mouse.move(point.x + 3, point.y + 1);
    await seen.page.mouse.move(point.x, point.y);
    await expect.poll(() => cardContents(seen.probe), { timeout: 5_000 }).not.toBeNull();
    await new Promise((r) => setTimeout(r, ATTACK_MS * 10));
    const after = await seen.probe.main<{ clicks: number; cardsSeen: number; stoleShadow: boolean | null }>('({ ...window.__attack })');
    expect(after.stoleShadow).toBe(false);
    // The page found the card and clicked its buttons: no panel opened, the card stayed.
    expect(after.clicks).toBeGreaterThan(0);
    expect(await cardContents(seen.probe)).not.toBeNull();
    expect(browser.context.pages().length).toBe(pagesBefore + 1);
    await close(seen);
  });
});

describe('a page with a strict content security policy', () => {
  it('is highlighted, and the card is styled (constructed style sheets), with the page’s own script and style refused', async () => {
    const seen = await visit('/hostile/csp.html');
    // The policy refuses the page's own inline script and style, and says so in the console.
    const refused = seen.consoleErrors.filter((e) => /Content Security Policy/.test(e));
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.some((e) => /chrome-extension|parallax/i.test(e))).toBe(false);
    seen.consoleErrors.splice(0, seen.consoleErrors.length, ...seen.consoleErrors.filter((e) => !refused.includes(e)));
    await expectPageKeptWorking('/hostile/csp.html', seen, { expected: 'scanned', pageScript: false });
    expect(await seen.probe.main<boolean>('window.__pageDone === true')).toBe(false);
    expect((await ownHighlights(seen.probe)).length).toBeGreaterThanOrEqual(10);

    const point = await pointAt(seen.probe, STORY[3]!);
    await seen.page.mouse.move(point.x + 3, point.y + 1);
    await seen.page.mouse.move(point.x, point.y);
    await expect.poll(() => cardContents(seen.probe), { timeout: 5_000 }).not.toBeNull();
    const shown = (await cardContents(seen.probe))!;
    expect(shown).toMatchObject({ position: 'fixed', background: 'rgb(255, 255, 255)' });
    expect(shown.text).toContain('Compare in panel');
    await close(seen);
  });
});

describe('frames', () => {
  it('are left alone: the top page is scanned, nothing inside a frame of either origin is read or highlighted', async () => {
    const seen = await visit('/hostile/frames.html');
    await expectPageKeptWorking('/hostile/frames.html', seen, { expected: 'scanned' });
    const frames = seen.page.frames().filter((f) => f !== seen.page.mainFrame());
    expect(frames.map((f) => new URL(f.url()).origin).sort()).toEqual([server.origin, otherOrigin, 'null'].sort());
    for (const frame of frames) {
      expect(await frame.evaluate(() => (window as unknown as { __pageDone?: boolean }).__pageDone === true)).toBe(true);
      expect(await frame.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
      expect(await frame.evaluate((host) => document.querySelectorAll(host).length, UI_HOST)).toBe(0);
    }
    const matched = matchedTexts(seen.state);
    expect(matched.length).toBeGreaterThan(0);
    const frameText = FRAME_STORY.join(' ');
    const topText = TOP_STORY.join(' ');
    expect(matched.filter((s) => s !== TITLE && !(topText.includes(s) && !frameText.includes(s)))).toEqual([]);
    // The headline and the top page's paragraphs, and nothing else.
    const topSentences = 1 + TOP_STORY.reduce((n, p) => n + splitSentences(p).length, 0);
    expect(seen.state.status === 'scanned' && seen.state.scan.sentenceCount).toBe(topSentences);
    await close(seen);
  });
});

describe('a page that removes our nodes and clears the highlights', () => {
  it('breaks nothing and starts no loop: each card the reader asks for is inserted once', async () => {
    const seen = await visit('/hostile/remover.html');
    await expectPageKeptWorking('/hostile/remover.html', seen, { expected: 'scanned', sameDom: false });
    const hovers = [STORY[2]!, STORY[4]!, STORY[6]!];
    for (const sentence of hovers) {
      const point = await pointAt(seen.probe, sentence);
      await seen.page.mouse.move(point.x + 3, point.y + 1);
      await seen.page.mouse.move(point.x, point.y);
      await expect.poll(() => seen.probe.main<number>('window.__removal.inserted'), { timeout: 5_000 }).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 600));
    }
    const during = await seen.probe.main<{ inserted: number; removed: number; highlightsSeen: number }>('({ ...window.__removal })');
    // Left alone, nothing more happens: no re-insertion, no repainting against the page.
    await new Promise((r) => setTimeout(r, 2_000));
    const later = await seen.probe.main<{ inserted: number; removed: number; highlightsSeen: number }>('({ ...window.__removal })');
    expect(during.inserted).toBeGreaterThanOrEqual(1);
    expect(during.inserted).toBeLessThanOrEqual(hovers.length * 2);
    expect(later).toEqual(during);
    expect(during.highlightsSeen).toBeLessThanOrEqual(2);
    expect(seen.pageErrors).toEqual([]);
    expect(seen.reported).toEqual([]);
    const state = await settledState(seen.tabId, seen.page.url(), 1_000);
    expect(state.status).toBe('scanned');
    await close(seen);
  });
});
