/**
 * The one element Parallax adds to a page: a host with a shadow root that holds the hover card and
 * (where the CSS Custom Highlight API is missing) the overlay boxes. It is attached only when
 * something must be shown, re-attached if the page removed it, and removed when the content script
 * is invalidated.
 *
 * Isolation both ways: the host's inline styles are `!important`, which beats any page rule, and
 * `all: initial` drops what it would inherit; everything inside is styled from the shadow root's
 * own sheet, which page CSS cannot reach, and nothing in it can reach the page. The shadow root is
 * open: a closed one keeps no secret (the highlights themselves are readable through CSS.highlights
 * and the card only shows public corpus text), while an open one lets the end-to-end tests find the
 * card as a reader sees it.
 */
import { HIGHLIGHT_LOOKS, KIND_LOOKS } from './highlight-style';

/** A custom element name no page uses, so no page rule or script is written for it. */
export const HOST_TAG = 'parallax-ui';

/** Above everything a page can stack (the largest z-index browsers honour). */
const TOP_LAYER_Z = '2147483647';

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  overflow: 'visible',
  'z-index': TOP_LAYER_Z,
  'pointer-events': 'none',
};

const overlayRules = Object.entries(HIGHLIGHT_LOOKS)
  .map(([kind, look]) => {
    const rule = look.underline === null ? 'none' : `inset 0 -${look.underline.thickness ?? '2px'} 0 ${look.underline.color}`;
    return `.box-${kind} { background: ${look.background}; box-shadow: ${rule}; }`;
  })
  .join('\n');

export const UI_CSS = `
:host { all: initial; }
.overlay { position: fixed; inset: 0; overflow: hidden; pointer-events: none; }
.boxes { position: absolute; left: 0; top: 0; will-change: transform; }
.box { position: absolute; pointer-events: none; border-radius: 2px; }
${overlayRules}
.card {
  position: fixed; box-sizing: border-box; width: min(380px, calc(100vw - 16px)); max-height: min(60vh, 460px);
  overflow: auto; pointer-events: auto; padding: 10px 12px 12px; border-radius: 10px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
  color: #1f2937; background: #ffffff; border: 1px solid #d1d5db;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.22); direction: ltr; white-space: normal;
}
.card:focus { outline: none; }
.header { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 6px; }
.heading { font-weight: 600; font-size: 12px; color: #4b5563; letter-spacing: 0.01em; }
.close {
  all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 6px; color: #6b7280;
}
.close:hover, .close:focus-visible { background: #f3f4f6; color: #111827; }
.entries { list-style: none; margin: 0; padding: 0; }
.entry { padding: 6px 0; border-top: 1px solid #e5e7eb; }
.entry:first-child { border-top: 0; }
.meta { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; margin-bottom: 2px; }
.outlet { font-weight: 600; color: #111827; }
.kind { font-size: 11px; padding: 0 6px; border-radius: 999px; color: #111827; }
.kind-verbatim { background: ${KIND_LOOKS.verbatim.background}; box-shadow: inset 0 0 0 1px ${KIND_LOOKS.verbatim.underline.color}; }
.kind-reworded { background: ${KIND_LOOKS.reworded.background}; box-shadow: inset 0 0 0 1px ${KIND_LOOKS.reworded.underline.color}; }
.kind-quote { background: ${KIND_LOOKS.quote.background}; box-shadow: inset 0 0 0 1px ${KIND_LOOKS.quote.underline.color}; }
.wording { margin: 0; color: #1f2937; overflow-wrap: anywhere; }
.changed { background: #fef3c7; color: inherit; border-radius: 2px; padding: 0 1px; }
.claims { margin: 0 0 2px; font-size: 12px; color: #1f2937; }
.claim-aspect { font-weight: 700; color: #b91c1c; }
.empty, .more { margin: 4px 0 0; color: #4b5563; }
.compare {
  all: unset; box-sizing: border-box; display: inline-block; margin-top: 8px; padding: 5px 12px; border-radius: 7px;
  cursor: pointer; font-weight: 600; color: #ffffff; background: #1d4ed8;
}
.compare:hover { background: #1e40af; }
.compare:focus-visible, .close:focus-visible { outline: 2px solid #f59e0b; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { color: #e5e7eb; background: #1f2937; border-color: #374151; }
  .heading { color: #9ca3af; }
  .close { color: #9ca3af; }
  .close:hover, .close:focus-visible { background: #374151; color: #f9fafb; }
  .entry { border-top-color: #374151; }
  .outlet { color: #f9fafb; }
  .kind { color: #f9fafb; }
  .wording { color: #e5e7eb; }
  .changed { background: #78350f; }
  .claims { color: #e5e7eb; }
  .claim-aspect { color: #fca5a5; }
  .empty, .more { color: #9ca3af; }
  .compare { background: #3b82f6; color: #0b1220; }
  .compare:hover { background: #60a5fa; }
}
`;

export class PageUi {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private styled = false;

  constructor(private readonly doc: Document) {}

  /** The shadow root, with the host attached (again, if the page removed it). */
  root(): ShadowRoot {
    if (this.host === null || this.shadow === null) {
      // The custom element registry is the one thing of the page's JavaScript a content script
      // shares: a page that defines <parallax-ui> itself would have its constructor run on our
      // host and could take the shadow root first (a closed one, or `disabledFeatures`), which
      // Chromium showed. So the host is made in a document of its own, which has no registry, and
      // gets its shadow root before it joins the page; the page's definition can then only fail
      // to upgrade it (tests/e2e/hostile.e2e.ts).
      const inert = this.doc.implementation.createHTMLDocument('');
      const host = inert.createElement(HOST_TAG);
      for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
      this.shadow = host.attachShadow({ mode: 'open' });
      this.host = host;
      this.styled = false;
    }
    if (!this.host.isConnected) {
      // Outside <body>: page scripts that walk or rebuild the body do not meet it.
      (this.doc.documentElement ?? this.doc.body)?.append(this.host);
    }
    if (!this.styled) {
      // Once the shadow root is in the page's document: a constructed sheet belongs to one document.
      adoptStyles(this.doc, this.shadow, UI_CSS);
      this.styled = true;
    }
    return this.shadow;
  }

  /** Whether the UI is attached now. */
  get attached(): boolean {
    return this.host?.isConnected === true;
  }

  /** Whether `node` is the host or inside it. */
  owns(node: Node): boolean {
    if (this.host === null) return false;
    if (node === this.host) return true;
    return node.getRootNode() === this.shadow;
  }

  remove(): void {
    this.host?.remove();
    this.host = null;
    this.shadow = null;
  }
}

/**
 * Styles through a constructed sheet where the browser has them: unlike a <style> element they are
 * not subject to the page's Content-Security-Policy style-src.
 */
function adoptStyles(doc: Document, shadow: ShadowRoot, css: string): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (view && 'adoptedStyleSheets' in shadow && typeof view.CSSStyleSheet === 'function') {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // A browser without constructable sheets: fall through to a <style> element.
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
}
