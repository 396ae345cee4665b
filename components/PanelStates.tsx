/**
 * The panel's views for every state but "matches": loading, a page the extension cannot read, no
 * access to pages at all, a page off the story (with "scan my selection"), no matches, and an error with a retry.
 */
import type { ComponentChildren } from 'preact';
import type { SelectionLookup } from '../lib/compare/panel-data';
import { needsRebuild } from '../lib/db/problems';
import type { NoArticleReason } from '../lib/extract/types';
import type { TabScan } from '../lib/protocol';

function StateView({ title, children, tone }: { title: string; children: ComponentChildren; tone?: 'error' }) {
  return (
    <section class="px-state" data-tone={tone} aria-labelledby="px-state-title">
      <h2 id="px-state-title" class="px-state-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * `what`: the page being read, or its matches waiting for the corpus overview (they are shown
 * with it, all at once, so that nothing moves under the reader's pointer when it comes).
 */
export function LoadingState({ what = 'page' }: { what?: 'page' | 'matches' }) {
  return (
    <div class="px-state" role="status">
      <span class="px-spinner" aria-hidden="true" />
      <p>{what === 'page' ? 'Reading this page…' : 'Gathering how other outlets worded it…'}</p>
    </div>
  );
}

export function UnsupportedState({ reason }: { reason: string }) {
  return (
    <StateView title="Parallax can’t read this page">
      <p>{reason}</p>
      <p class="px-hint">
        Browsers keep extensions out of their own pages (settings, new tabs, extensions), the built-in PDF viewer
        and the extension store. A page that was already open when Parallax was installed or updated is read once
        you reload it. Open a news article to compare its wording.
      </p>
    </StateView>
  );
}

/**
 * The reader took back Parallax's access to web pages (in Firefox, the add-on's permissions; in
 * Chromium, its site access). The browser then hides every tab's address as well, so "can't read
 * this page" would be said of every page, and wrongly blame it. `onGrantAccess` asks the browser
 * to give the access back (it asks the reader); left out, the view says where to do it.
 */
export function NoAccessState({ onGrantAccess }: { onGrantAccess?: () => void }) {
  return (
    <StateView title="Parallax may not read web pages">
      <p>Access to the pages you visit was turned off for Parallax, so it cannot find the story on any page.</p>
      <p class="px-hint">
        Parallax reads a page only to match its sentences inside your browser, and sends nothing anywhere. You can
        turn automatic scanning off for some sites, or entirely, in its settings instead.
      </p>
      {onGrantAccess !== undefined && (
        <button type="button" class="px-button" onClick={onGrantAccess}>
          Allow Parallax to read pages
        </button>
      )}
    </StateView>
  );
}

export interface SelectionLookupViewProps {
  selection: SelectionLookup;
  /** Draws the sentences a selection matched (the panel passes its sentence cards). */
  renderSelection: (lookup: Extract<SelectionLookup, { status: 'done' }>) => ComponentChildren;
}

/** The outcome of "scan my selection": under way, failed, nothing found, or the sentences found. */
export function SelectionLookupView({ selection, renderSelection }: SelectionLookupViewProps) {
  if (selection.status === 'pending') {
    return (
      <p role="status" class="px-hint">
        Looking up your selection…
      </p>
    );
  }
  if (selection.status === 'error') {
    return (
      <p role="alert" class="px-error-text">
        {selection.message}
      </p>
    );
  }
  const count = selection.sentences.length;
  return (
    <>
      <div role="status">
        {count === 0 ? (
          <p>Nothing in your selection matches another outlet’s wording.</p>
        ) : (
          <p>{count === 1 ? '1 sentence of your selection matches' : `${count} sentences of your selection match`}:</p>
        )}
      </div>
      {count > 0 && renderSelection(selection)}
    </>
  );
}

export interface OffStoryStateProps {
  scan: TabScan;
  selection?: SelectionLookup;
  onScanSelection: () => void;
  renderSelection: SelectionLookupViewProps['renderSelection'];
}

/** What extraction's reasons mean to a reader (lib/extract/types.ts NoArticleReason). */
const NO_ARTICLE_REASONS: Record<NoArticleReason, string> = {
  'index-page': 'it looks like a list of links to other stories (a homepage or a section front), not one article',
  'too-little-text': 'too little of its text reads as an article’s paragraphs',
  'empty-page': 'it has no paragraphs of text to read',
};

/**
 * Why the page has no sentence to compare, in the reader's words (`status`: the header's short
 * form); null when it had sentences.
 */
export function unreadExplanation(scan: TabScan): { title: string; status: string; text: string } | null {
  if (scan.sentenceCount > 0 || scan.unread === undefined) return null;
  if (scan.unread.why === 'no-article') {
    return {
      title: 'Parallax found no article on this page',
      status: 'No article found',
      text: `Parallax read ${scan.site} but found no article to compare: ${NO_ARTICLE_REASONS[scan.unread.reason]}.`,
    };
  }
  return {
    title: 'This page isn’t about the story',
    status: 'Not about the story',
    text: `Nothing on ${scan.site} names the story’s people, places or events, so Parallax read no further.`,
  };
}

/** "Scan my selection": looks up the reader's selected text on the page, whatever the page's verdict. */
export function ScanSelectionButton({ selection, onScanSelection, quiet }: { selection?: SelectionLookup; onScanSelection: () => void; quiet?: boolean }) {
  const pending = selection?.status === 'pending';
  return (
    <button
      type="button"
      class={quiet === true ? 'px-button px-button-quiet' : 'px-button'}
      onClick={onScanSelection}
      disabled={pending}
      aria-disabled={pending}
    >
      Scan my selection
    </button>
  );
}

export function OffStoryState({ scan, selection, onScanSelection, renderSelection }: OffStoryStateProps) {
  const unread = unreadExplanation(scan);
  // Once the selection matched, the view is about the selection: "this page isn't about the story"
  // over "2 sentences of your selection match" would contradict itself.
  const selectionMatched = selection?.status === 'done' && selection.sentences.length > 0;
  const title = selectionMatched ? 'Your selection' : (unread?.title ?? 'This page isn’t about the story');
  const pageText =
    unread?.text ??
    (scan.sentenceCount === 0
      ? `Nothing Parallax read on ${scan.site} looks like coverage of the story it follows.`
      : `None of the ${scan.sentenceCount} sentences Parallax read on ${scan.site} look like coverage of the story it follows.`);
  return (
    <StateView title={title}>
      {selectionMatched ? (
        <p class="px-hint">Parallax found the story in your selection, not in the rest of the page on {scan.site}.</p>
      ) : (
        <>
          <p>{pageText}</p>
          <p class="px-hint">If part of the page is about it, select that passage, then scan just the selection.</p>
        </>
      )}
      <ScanSelectionButton selection={selection} onScanSelection={onScanSelection} />
      {selection !== undefined && <SelectionLookupView selection={selection} renderSelection={renderSelection} />}
    </StateView>
  );
}

export function NoMatchesState({ scan }: { scan: TabScan }) {
  return (
    <StateView title="No matching sentences">
      <p>
        {scan.sentenceCount === 0
          ? `This page on ${scan.site} is about the story, but Parallax found no article text on it to compare.`
          : `This page on ${scan.site} is about the story, but none of its ${scan.sentenceCount} sentences matches another outlet’s wording.`}
      </p>
    </StateView>
  );
}

export interface ErrorStateProps {
  message: string;
  onRetry: () => void;
  /** Rebuilds Parallax's database; offered only when the message is a database problem a rebuild fixes. */
  onRebuildDatabase?: () => void;
}

export function ErrorState({ message, onRetry, onRebuildDatabase }: ErrorStateProps) {
  return (
    <StateView title="Something went wrong" tone="error">
      <p class="px-error-text">{message}</p>
      <button type="button" class="px-button" onClick={onRetry}>
        Retry
      </button>
      {onRebuildDatabase !== undefined && needsRebuild(message) && (
        <button type="button" class="px-button px-button-quiet" onClick={onRebuildDatabase}>
          Rebuild database
        </button>
      )}
    </StateView>
  );
}
