/**
 * The small card beside a highlighted sentence (or a selection): how other outlets worded the
 * same point, and a way to the full comparison in the panel.
 *
 * Built with plain DOM calls and `textContent` only: page text and corpus text are data, never
 * markup. Its styles live in the UI's shadow root (ui-host.ts), so page CSS cannot reach it.
 * The word marks are a cheap cousin of the panel's diff: the other outlet's words that the page's
 * sentence does not use, compared case-insensitively. Each wording also names its loudest changes
 * of claim against the page's sentence (lib/compare/claims.ts: "Certainty: may → will"), as the
 * panel's summary line does. The card is part of the page UI loaded on first need (page-ui.ts), so
 * reading claims costs the content script nothing; it costs about a millisecond a wording, when
 * the card opens.
 */
import { CLAIM_ASPECT_LABELS, compareWordings, describeDifference, matters, type ClaimAspect } from '../compare/claims';
import type { MatchKind, SentenceResult } from '../types';
import { KIND_LABELS } from './highlight-style';

/** Wordings listed at most; the panel has the rest. */
export const MAX_CARD_ENTRIES = 4;
/** Characters of a wording shown before it is cut with an ellipsis: about three lines of the card. */
export const MAX_WORDING_CHARS = 280;

/** A stretch of another outlet's wording; `changed` when the page's sentence lacks its words. */
export interface WordingPart {
  text: string;
  changed: boolean;
}

/** Changes of claim a wording's entry names at most, loudest first: the panel tells the rest. */
export const MAX_CARD_DIFFERENCES = 2;
/** Characters of one change shown ("within the next few days → soon"), cut with an ellipsis past it. */
export const MAX_DIFFERENCE_CHARS = 70;

/** A change of claim, as the card names it: "Certainty" and "may → will". */
export interface CardDifference {
  aspect: ClaimAspect;
  label: string;
  change: string;
}

export interface CardEntry {
  outlet: string;
  kind: MatchKind;
  parts: WordingPart[];
  /** Its loudest changes of the page sentence's claim (not detail, not a clause only it has); empty when none. */
  differences: CardDifference[];
}

/**
 * The loudest changes of claim of `other` against `page`: only those that change what is claimed
 * (claims.ts `matters`), at most MAX_CARD_DIFFERENCES. Quotes are read from the marks alone.
 */
export function cardDifferences(page: string, other: string): CardDifference[] {
  return compareWordings(page, other)
    .differences.filter(matters)
    .slice(0, MAX_CARD_DIFFERENCES)
    .map((d) => {
      const change = describeDifference(d);
      return {
        aspect: d.aspect,
        label: CLAIM_ASPECT_LABELS[d.aspect],
        change: change.length > MAX_DIFFERENCE_CHARS ? `${change.slice(0, MAX_DIFFERENCE_CHARS - 1).trimEnd()}…` : change,
      };
    });
}

export interface CardModel {
  heading: string;
  entries: CardEntry[];
  /** Wordings left out for room. */
  more: number;
  /** Said instead of entries when there are none. */
  empty: string | null;
  /** The button that opens the panel; null when there is nothing to compare. */
  compareLabel: string | null;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

const wordKey = (word: string) => word.toLowerCase().replace(/’/g, "'");

/**
 * `other` in stretches, marking the words `page` does not use. Cost: linear in both lengths.
 */
export function markNewWords(page: string, other: string): WordingPart[] {
  const known = new Set<string>();
  for (const match of page.matchAll(WORD)) known.add(wordKey(match[0]));
  const parts: WordingPart[] = [];
  const push = (text: string, changed: boolean) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last !== undefined && last.changed === changed) last.text += text;
    else parts.push({ text, changed });
  };
  let at = 0;
  for (const match of other.matchAll(WORD)) {
    const changed = !known.has(wordKey(match[0]));
    // The space between two marked words belongs to the mark, so it reads as one phrase.
    const gap = other.slice(at, match.index);
    const last = parts[parts.length - 1];
    push(gap, changed && last?.changed === true && gap.trim() === '');
    push(match[0], changed);
    at = match.index + match[0].length;
  }
  push(other.slice(at), false);
  return parts;
}

/** Cuts parts to `max` characters in all, ending with an ellipsis when something was cut. */
export function truncateParts(parts: readonly WordingPart[], max: number = MAX_WORDING_CHARS): WordingPart[] {
  const out: WordingPart[] = [];
  let left = max;
  for (const part of parts) {
    if (left <= 0) break;
    if (part.text.length <= left) {
      out.push({ ...part });
      left -= part.text.length;
    } else {
      const cut = part.text.slice(0, left).replace(/\s+\S*$/u, '');
      out.push({ text: `${cut || part.text.slice(0, left)}…`, changed: part.changed });
      left = 0;
    }
  }
  return out;
}

function entriesOf(pageText: string, results: readonly SentenceResult[]): { entries: CardEntry[]; total: number } {
  const seen = new Set<string>();
  const entries: CardEntry[] = [];
  let total = 0;
  for (const result of results) {
    for (const match of result.matches) {
      if (seen.has(match.sentenceId)) continue;
      seen.add(match.sentenceId);
      total++;
      if (entries.length >= MAX_CARD_ENTRIES) continue;
      const base = pageText || result.text;
      entries.push({
        outlet: match.outlet,
        kind: match.kind,
        parts: truncateParts(markNewWords(base, match.text)),
        differences: cardDifferences(base, match.text),
      });
    }
  }
  return { entries, total };
}

const outletCount = (n: number) => (n === 1 ? '1 other wording' : `${n} other wordings`);

/** The card for a highlighted sentence. */
export function sentenceCardModel(result: SentenceResult): CardModel {
  const { entries, total } = entriesOf(result.text, [result]);
  return {
    heading: `Parallax · ${outletCount(total)}`,
    entries,
    more: total - entries.length,
    empty: entries.length === 0 ? 'No other outlet’s wording is known for this sentence.' : null,
    compareLabel: 'Compare in panel',
  };
}

/** The card for a selection lookup. */
export function lookupCardModel(text: string, results: readonly SentenceResult[]): CardModel {
  if (text.trim() === '') {
    return {
      heading: 'Parallax',
      entries: [],
      more: 0,
      empty: 'Select some text on the page first, then cross-reference it.',
      compareLabel: null,
    };
  }
  // Each selected sentence against its own matches: the selection as a whole would mark too little.
  const { entries, total } = entriesOf('', results);
  return {
    heading: `Parallax · selection · ${outletCount(total)}`,
    entries,
    more: total - entries.length,
    empty: entries.length === 0 ? 'No outlet in Parallax’s corpus states what you selected.' : null,
    compareLabel: entries.length === 0 ? null : 'Compare in panel',
  };
}

export interface CardActions {
  onCompare(): void;
  onClose(): void;
}

/** The card's DOM (unattached). Text goes in through textContent only. */
export function renderCard(doc: Document, model: CardModel, actions: CardActions): HTMLElement {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const card = el('div', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', model.heading);

  const header = el('div', 'header');
  header.append(el('span', 'heading', model.heading));
  const close = el('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', () => actions.onClose());
  header.append(close);
  card.append(header);

  if (model.empty !== null) card.append(el('p', 'empty', model.empty));
  if (model.entries.length > 0) {
    const list = el('ul', 'entries');
    for (const entry of model.entries) {
      const item = el('li', 'entry');
      const meta = el('div', 'meta');
      meta.append(el('span', 'outlet', entry.outlet), el('span', `kind kind-${entry.kind}`, KIND_LABELS[entry.kind]));
      item.append(meta);
      if (entry.differences.length > 0) {
        const claims = el('p', 'claims');
        entry.differences.forEach((d, i) => {
          if (i > 0) claims.append(doc.createTextNode(' · '));
          const claim = el('span', 'claim');
          claim.dataset.aspect = d.aspect;
          claim.append(el('span', 'claim-aspect', `${d.label}:`), doc.createTextNode(` ${d.change}`));
          claims.append(claim);
        });
        item.append(claims);
      }
      const wording = el('p', 'wording');
      for (const part of entry.parts) wording.append(part.changed ? el('mark', 'changed', part.text) : doc.createTextNode(part.text));
      item.append(wording);
      list.append(item);
    }
    card.append(list);
  }
  if (model.more > 0) card.append(el('p', 'more', `and ${model.more} more in the panel`));
  if (model.compareLabel !== null) {
    const compare = el('button', 'compare', model.compareLabel);
    compare.type = 'button';
    compare.addEventListener('click', () => actions.onCompare());
    card.append(compare);
  }
  return card;
}
