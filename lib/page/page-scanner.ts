/**
 * The page's side of a scan: what has been read of the page, what the background has been sent,
 * and what it answered, over one page session (a document, or one address of a single-page app).
 *
 * The first scan asks the cheap gate (gate-text.ts + lib/match/pre-gate.ts) before extracting
 * anything. Content that arrives later (`update`, fed by page-watcher.ts) is read without
 * re-reading what was done: every block element already read is marked, and the walk skips
 * marked elements. New blocks inside the article's root are read as blocks of it; new content
 * outside it (the next story of an infinite scroll) counts only if it is an article of its own;
 * a block whose text changed is read again and its old sentences retired. Only the sentences
 * that are new go to the background, which answers for the whole session (ScanReply).
 *
 * Everything heavy runs as step generators in slices (`run`), so the page keeps its main thread.
 */
import type { Block, ExtractOptions, PageSentence } from '../extract';
import { SKIPPED_TAGS } from '../extract/furniture';
import { slicedRunner } from '../extract/slices';
import type { PageUnread, ScanReply, ScanRequest } from '../protocol';
import type { SentenceResult } from '../types';
import { declaredText, gateTextSteps, storyGateSteps } from './gate-text';
import type { PageReadingModule } from './page-reading-loader';
import type { StoryKeywords } from '../match/story-keywords';

/** A page sentence the background matched, with what it matched. */
export interface MatchedSentence {
  sentence: PageSentence;
  result: SentenceResult;
}

export interface ScannerHost {
  /** Sends a request to the background. */
  scan(request: ScanRequest): Promise<ScanReply>;
  /** The session's matched sentences, all of them, whenever they change. */
  show(matched: readonly MatchedSentence[]): void | Promise<void>;
}

export interface ScannerOptions {
  doc: Document;
  host: ScannerHost;
  /** The extension's own nodes on the page: never read, never a change. */
  isOwnNode: (node: Node) => boolean;
  /**
   * The article reading code (extraction, sentence splitting, date finder), asked for once the cheap gate
   * lets the page through: the content script loads it then (page-reading-loader.ts).
   */
  reading: () => Promise<PageReadingModule>;
  /** The cheap gate's keywords, derived from the corpus (lib/match/story-keywords.ts). */
  keywords: StoryKeywords;
  /** Hidden-ness only the browser can tell (see ExtractOptions.isHidden). */
  isHidden?: (element: Element) => boolean;
  /** Runs step generators; defaults to a `slicedRunner` of 30 ms slices. */
  run?: <T>(steps: Generator<void, T>) => Promise<T>;
  /** A fresh id for each page session. */
  newSessionId?: () => string;
  /** The page's address now; defaults to the document's. */
  location?: () => string;
}

/**
 * Less added text than this (about two sentences) cannot make an article appear where none was
 * found, so it does not cost a walk of the whole page.
 */
export const MIN_TEXT_FOR_NEW_ARTICLE = 200;

/**
 * Sentences one page session sends at most: about 40,000 words, twice a very long read (the
 * 20,000-word page of tests/e2e/budget.e2e.ts has 1,223). A page with more (a 5 MB text dump, an
 * endless feed) is not an article past that point; matching it would keep the background busy, and
 * its results would outgrow storage.session (10 MB for all tabs: 5,000 matched sentences did). What
 * comes after is not highlighted.
 */
export const MAX_SESSION_SENTENCES = 2_000;

/**
 * Sentences in the first request of a session: a typical article (40–80 sentences) goes whole, and
 * a long read sends its start first, so its badge and first highlights wait only for matching
 * those, not the whole page (the 20,000-word page of the budget test has 1,223 sentences, which
 * the background matched in ~100 ms more). The rest follows in the next request of the session.
 */
export const FIRST_REQUEST_SENTENCES = 150;

/** Sends per request before the background is taken to have lost the session for good. */
const MAX_RESENDS = 2;

interface BlockRecord {
  /** The sentences read from this element. */
  indices: number[];
  /** Its blocks' text when read: a change that leaves it equal keeps the sentences. */
  text: string;
}

/** An address without its fragment: moving to an anchor is not a new page. */
function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** The parent across shadow boundaries (a shadow root's parent is its host). */
function parentAcross(node: Node): Node | null {
  return node.parentNode ?? (node as Partial<ShadowRoot>).host ?? null;
}

function isLive(sentence: PageSentence): boolean {
  return sentence.segments.every((s) => s.node.isConnected && s.end <= s.node.length);
}

export class PageScanner {
  private readonly doc: Document;
  private readonly host: ScannerHost;
  private readonly run: <T>(steps: Generator<void, T>) => Promise<T>;
  private readonly newSessionId: () => string;
  private readonly location: () => string;
  private readonly extractOptions: ExtractOptions;

  private session = '';
  /** The address the session started at, and the latest one (sent with each request). */
  private sessionUrl = '';
  private url = '';
  private title = '';
  /** The page's publication date, read with the article (null: the page shows none). */
  private published: string | null = null;
  /** Whether the cheap gate let this session through (once open, it stays open). */
  private gateOpen = false;
  /** Why the session has no sentence yet, as far as it knows. */
  private unread: PageUnread = { why: 'no-story-words' };
  private root: Element | null = null;
  /** Every sentence read in this session, by index; null once retired. */
  private sentences: (PageSentence | null)[] = [];
  /** The block number and block element of each sentence, kept after it is retired. */
  private blockOf: number[] = [];
  private elementOf: Element[] = [];
  private nextBlock = 0;
  private marks = new WeakMap<Element, BlockRecord>();
  /** How many of the sentences the background holds, and whether it has this session at all. */
  private sent = 0;
  private started = false;
  private retiredSinceSent = new Set<number>();
  private results: SentenceResult[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: ScannerOptions) {
    this.doc = options.doc;
    this.host = options.host;
    this.run = options.run ?? slicedRunner();
    this.newSessionId = options.newSessionId ?? (() => crypto.randomUUID());
    this.location = options.location ?? (() => options.doc.URL);
    const skip = (element: Element) => this.marks.has(element) || options.isOwnNode(element);
    this.extractOptions = { skip, isHidden: options.isHidden };
  }

  /** The current session's id (a new one after a single-page app moved to another page). */
  get sessionId(): string {
    return this.session;
  }

  /** Whether the background has answered a request of the current session (it sends none unasked until it changes). */
  get hasScanned(): boolean {
    return this.started;
  }

  /** Sentences of the session still on the page. */
  get liveSentences(): PageSentence[] {
    return this.sentences.filter((s): s is PageSentence => s !== null);
  }

  /** The first scan of the page (and of each new page of a single-page app). */
  start(): Promise<void> {
    return this.enqueue(() => this.scanAfresh());
  }

  /**
   * What changed on the page since the last call: nodes added (in any order, possibly nested or
   * already gone) and whether any were removed. Calls are applied one after another.
   */
  update(added: readonly Node[], removed: boolean): Promise<void> {
    return this.enqueue(() => this.applyChanges(added, removed));
  }

  /**
   * The background keeps nothing of what this session sent (the tab shows the page again from the
   * back-forward cache): send the session again from its start, after whatever is queued.
   * Resolves to false, sending nothing, when the session has not had its first answer yet: its
   * first request is on its way, or queued, and will do.
   */
  async resend(): Promise<boolean> {
    if (!this.started) return false;
    const session = this.session;
    let resent = false;
    await this.enqueue(async () => {
      if (session !== this.session || !this.started) return;
      this.started = false;
      this.sent = 0;
      resent = true;
      await this.send();
    });
    return resent;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private beginSession(): void {
    this.session = this.newSessionId();
    this.sessionUrl = this.url = this.location();
    this.title = this.doc.title;
    this.published = null;
    this.gateOpen = false;
    this.unread = { why: 'no-story-words' };
    this.root = null;
    this.sentences = [];
    this.blockOf = [];
    this.elementOf = [];
    this.nextBlock = 0;
    this.marks = new WeakMap();
    this.sent = 0;
    this.started = false;
    this.retiredSinceSent.clear();
    this.results = [];
  }

  private async scanAfresh(): Promise<void> {
    // A task of its own: the content script's start (compiling it, first of all) and the first
    // slice would otherwise add up to one long task.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.beginSession();
    await this.host.show([]);
    const body = this.doc.body ?? this.doc.documentElement;
    if (await this.run(storyGateSteps(body === null ? [] : [body], declaredText(this.doc), this.options.keywords))) {
      this.gateOpen = true;
      await this.readDocument();
    }
    // Also when the gate is shut: the background records the page as read (and not on the story).
    await this.send();
  }

  private async applyChanges(added: readonly Node[], removed: boolean): Promise<void> {
    const before = this.sentences.length;
    // Blocks that lost text are read again if they are still on the page.
    const emptied = removed ? this.retireStale() : [];
    const retired = emptied.length > 0;

    const address = this.location();
    if (pageKey(address) !== pageKey(this.url)) {
      // Another page of a single-page app replaced this one: start over. A page that changes its
      // address while its story stays (the next story of an infinite scroll) keeps its session.
      const gone = this.liveSentences.length === 0 || (this.root !== null && !this.root.isConnected);
      if (gone) return this.scanAfresh();
      this.url = address;
    } else if (retired && this.liveSentences.length === 0 && pageKey(address) !== pageKey(this.sessionUrl)) {
      return this.scanAfresh();
    }

    const candidates = this.outermost([...added, ...emptied]);
    if (candidates.length > 0) await this.read(candidates);
    if (this.sentences.length > before || this.retiredSinceSent.size > 0) await this.send();
  }

  /** Reads what was added, as the session's state allows. */
  private async read(candidates: readonly Element[]): Promise<void> {
    if (!this.gateOpen) {
      if (!(await this.run(storyGateSteps(candidates, declaredText(this.doc), this.options.keywords)))) return;
      this.gateOpen = true;
      await this.readDocument();
      await this.readOutsideArticles(candidates.filter((c) => this.isOutsideRoot(c)));
      return;
    }
    if (this.root === null || !this.root.isConnected) {
      this.root = null;
      const sample = await this.run(gateTextSteps(candidates, MIN_TEXT_FOR_NEW_ARTICLE));
      if (sample.replace(/\s+/g, '').length < MIN_TEXT_FOR_NEW_ARTICLE / 2) return;
      await this.readDocument();
      await this.readOutsideArticles(candidates.filter((c) => this.isOutsideRoot(c)));
      return;
    }
    const changed = new Set<Element>();
    const inside: Element[] = [];
    const outside: Element[] = [];
    for (const candidate of candidates) {
      const { marked, insideRoot } = this.locate(candidate);
      if (marked !== null) changed.add(marked);
      else if (insideRoot) inside.push(candidate);
      else if (this.isOutsideRoot(candidate)) outside.push(candidate);
    }
    for (const element of changed) await this.rereadBlock(element);
    const { extractBlocksSteps } = await this.options.reading();
    for (const element of inside) {
      const found = await this.run(extractBlocksSteps(element, { ...this.extractOptions, articleRoot: this.root }));
      this.adopt(found.blocks, found.sentences);
    }
    await this.readOutsideArticles(outside);
  }

  private async readDocument(): Promise<void> {
    const { extractArticleSteps, findPublishedDate } = await this.options.reading();
    const article = await this.run(extractArticleSteps(this.doc, { ...this.extractOptions, url: this.url }));
    if (article.root === null) {
      this.unread = { why: 'no-article', reason: article.reason ?? 'empty-page', detail: article.detail ?? '' };
      return;
    }
    this.root = article.root;
    if (this.sentences.length === 0) this.title = article.title;
    this.published = findPublishedDate(this.doc) ?? this.published;
    this.adopt(article.blocks, article.sentences);
  }

  /**
   * Content outside the article's root counts when it is an article of its own (the next story
   * of an infinite scroll) in a place that is not furniture: a comment added to a comment thread
   * is prose too, but its thread is judged first (by extractBlocks, which reads every ancestor).
   */
  private async readOutsideArticles(elements: readonly Element[]): Promise<void> {
    if (elements.length === 0) return;
    const { extractArticleSteps, extractBlocksSteps } = await this.options.reading();
    for (const element of elements) {
      if (!element.isConnected) continue;
      const readable = await this.run(extractBlocksSteps(element, this.extractOptions));
      if (readable.blocks.length === 0) continue;
      const article = await this.run(extractArticleSteps(element, { ...this.extractOptions, url: this.url }));
      this.adopt(article.blocks, article.sentences);
    }
  }

  /** A block already read had content added: read it again, keeping its sentences if its own text is unchanged. */
  private async rereadBlock(element: Element): Promise<void> {
    const record = this.marks.get(element);
    if (record === undefined) return;
    this.marks.delete(element);
    const articleRoot = this.root !== null && this.inRoot(element) ? this.root : undefined;
    const { extractBlocksSteps } = await this.options.reading();
    const found = await this.run(extractBlocksSteps(element, { ...this.extractOptions, articleRoot }));
    const own = found.blocks.filter((b) => b.element === element);
    const intact = record.indices.every((i) => this.sentences[i] !== null);
    if (intact && own.map((b) => b.text).join('\n') === record.text) {
      this.marks.set(element, record);
      const others = new Set(found.blocks.filter((b) => b.element !== element).map((b) => b.index));
      this.adopt(found.blocks.filter((b) => others.has(b.index)), found.sentences.filter((s) => others.has(s.block)));
    } else {
      for (const index of record.indices) this.retire(index);
      this.adopt(found.blocks, found.sentences);
    }
  }

  /** Takes extracted blocks and sentences into the session, numbered after what it has. */
  private adopt(blocks: readonly Block[], sentences: readonly PageSentence[]): void {
    const blockNumber = new Map<number, number>();
    for (const block of blocks) {
      blockNumber.set(block.index, this.nextBlock++);
      const record = this.marks.get(block.element);
      if (record === undefined) this.marks.set(block.element, { indices: [], text: block.text });
      else record.text += `\n${block.text}`;
    }
    const elementOf = new Map(blocks.map((b) => [b.index, b.element]));
    for (const sentence of sentences) {
      const block = blockNumber.get(sentence.block);
      const element = elementOf.get(sentence.block);
      if (block === undefined || element === undefined) continue;
      // Past the cap the blocks stay marked, so they are not read again, but nothing is sent.
      if (this.sentences.length >= MAX_SESSION_SENTENCES) break;
      const index = this.sentences.length;
      this.sentences.push({ ...sentence, index, block });
      this.blockOf.push(block);
      this.elementOf.push(element);
      this.marks.get(element)!.indices.push(index);
    }
  }

  private retire(index: number): void {
    if (this.sentences[index] === null || this.sentences[index] === undefined) return;
    this.sentences[index] = null;
    if (index < this.sent) this.retiredSinceSent.add(index);
  }

  /**
   * Retires every sentence whose text left the page, with the rest of its block (which is then
   * unmarked, to be read anew). Returns the blocks that lost text. Cost: O(segments read).
   */
  private retireStale(): Element[] {
    const emptied = new Set<Element>();
    for (const sentence of this.sentences) {
      if (sentence !== null && !isLive(sentence)) emptied.add(this.elementOf[sentence.index]!);
    }
    for (const element of emptied) {
      for (const index of this.marks.get(element)?.indices ?? []) this.retire(index);
      this.marks.delete(element);
    }
    return [...emptied];
  }

  /** The outermost added elements worth reading (text nodes stand for their parent element). */
  private outermost(added: readonly Node[]): Element[] {
    const set = new Set<Element>();
    for (const node of added) {
      const element = node.nodeType === 1 ? (node as Element) : node.nodeType === 3 ? (parentAcross(node) as Element | null) : null;
      if (element === null || element.nodeType !== 1 || !element.isConnected) continue;
      if (SKIPPED_TAGS.has(element.localName) || this.options.isOwnNode(element)) continue;
      set.add(element);
    }
    const out: Element[] = [];
    for (const element of set) {
      let nested = false;
      for (let up = parentAcross(element); up !== null; up = parentAcross(up)) {
        if (set.has(up as Element)) {
          nested = true;
          break;
        }
      }
      if (!nested) out.push(element);
    }
    return out;
  }

  /** The nearest marked element at or above `node`, and whether `node` is inside the article's root. */
  private locate(node: Node): { marked: Element | null; insideRoot: boolean } {
    let marked: Element | null = null;
    for (let up: Node | null = node; up !== null; up = parentAcross(up)) {
      if (marked === null && up.nodeType === 1 && this.marks.has(up as Element)) marked = up as Element;
      if (up === this.root) return { marked, insideRoot: true };
    }
    return { marked, insideRoot: false };
  }

  private inRoot(node: Node): boolean {
    return this.root !== null && this.locate(node).insideRoot;
  }

  /**
   * Neither inside the article's root nor around it. Content around the root was judged when the
   * root was chosen (it lost to the root), so it is not read again as an article of its own.
   */
  private isOutsideRoot(element: Element): boolean {
    if (!element.isConnected || this.root === null) return element.isConnected;
    if (this.inRoot(element)) return false;
    for (let up: Node | null = this.root; up !== null; up = parentAcross(up)) if (up === element) return false;
    return true;
  }

  /**
   * Sends what the background does not have yet, and shows its answer for the whole session: the
   * first request of a session with at most FIRST_REQUEST_SENTENCES, the rest after its answer.
   */
  private async send(): Promise<void> {
    const session = this.session;
    if (!this.started && this.sentences.length > FIRST_REQUEST_SENTENCES) {
      await this.sendUpTo(FIRST_REQUEST_SENTENCES);
      if (session !== this.session) return;
    }
    await this.sendUpTo(Infinity);
  }

  /** Sends the sentences the background does not have, up to index `end`, and shows its answer. */
  private async sendUpTo(end: number): Promise<void> {
    const session = this.session;
    let from = this.started ? this.sent : 0;
    for (let attempt = 0; attempt <= MAX_RESENDS; attempt++) {
      const count = Math.min(this.sentences.length, end);
      const reply = await this.host.scan(this.request(from, count));
      if (session !== this.session) return;
      if (reply.resendFrom === undefined) {
        this.started = true;
        this.sent = count;
        this.retiredSinceSent.clear();
        this.results = reply.sentences;
        await this.host.show(this.matched());
        return;
      }
      from = Math.max(0, Math.min(reply.resendFrom, count));
    }
    throw new Error('the background lost track of this page’s scan several times in a row');
  }

  private request(from: number, end: number): ScanRequest {
    const fresh = this.sentences.slice(from, end);
    return {
      url: this.url,
      title: this.title,
      published: this.published,
      sentences: fresh.map((s) => s?.text ?? ''),
      blocks: this.blockOf.slice(from, end),
      session: this.session,
      from,
      retired: from === 0 ? [] : [...this.retiredSinceSent].filter((i) => i < from),
      ...(this.sentences.length === 0 && { unread: this.unread }),
    };
  }

  private matched(): MatchedSentence[] {
    const out: MatchedSentence[] = [];
    for (const result of this.results) {
      const sentence = this.sentences[result.index];
      if (sentence) out.push({ sentence, result });
    }
    return out;
  }
}
