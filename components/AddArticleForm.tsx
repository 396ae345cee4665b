/**
 * Adding an article of the reader's: paste its text, or take the article of the page the settings
 * were opened from, and say which outlet published it. Checked here as the background checks it
 * (lib/db/new-article.ts), so a problem shows at once, named, before anything is sent.
 */
import { useState } from 'preact/hooks';
import { newArticleProblems, type NewArticle } from '../lib/db/new-article';
import type { PageArticle } from '../lib/protocol';
import { siteOfUrl } from '../lib/settings';
import { ActionStatus, useAction } from './ActionStatus';

export interface AddArticleFormProps {
  /** Adds the article; resolves to what to tell the reader, rejects with what is wrong. */
  onAdd: (article: NewArticle, source: 'paste' | 'page') => Promise<string>;
  /**
   * Reads the article of the page the settings were opened from; absent when they were opened
   * some other way (there is then no page to take it from).
   */
  onTakePageArticle?: () => Promise<PageArticle>;
}

const EMPTY = { outlet: '', url: '', title: '', date: '', text: '' };

export function AddArticleForm({ onAdd, onTakePageArticle }: AddArticleFormProps) {
  const [fields, setFields] = useState(EMPTY);
  const [source, setSource] = useState<'paste' | 'page'>('paste');
  const set = (key: keyof typeof EMPTY) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
    setFields((f) => ({ ...f, [key]: value }));
    if (key === 'text') setSource('paste');
  };

  const [addState, add] = useAction(async () => {
    const article: NewArticle = {
      outlet: fields.outlet,
      text: fields.text,
      title: fields.title || null,
      url: fields.url || null,
      date: fields.date || null,
    };
    const label = source === 'page' && fields.url ? `the article from ${fields.url}` : 'the pasted article';
    const problems = newArticleProblems(label, article);
    if (problems.length > 0) throw new Error(problems.map((p) => `${capitalize(p.input)}: ${p.problem}.`).join(' '));
    const message = await onAdd(article, source);
    setFields(EMPTY);
    setSource('paste');
    return message;
  });

  const [takeState, take] = useAction(async () => {
    const page = await onTakePageArticle!();
    if (page.problem !== null) throw new Error(page.problem);
    const site = siteOfUrl(page.url);
    setFields((f) => ({ ...f, text: page.text, title: page.title, url: page.url, outlet: f.outlet || site || '' }));
    setSource('page');
    return `Took the article from ${page.url}. Check the outlet's name, then add it.`;
  });

  return (
    <form
      class="px-opt-form"
      aria-labelledby="px-add-title"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <h3 id="px-add-title" class="px-opt-subtitle">
        Add an article
      </h3>
      {onTakePageArticle !== undefined && (
        <div class="px-opt-row">
          <button type="button" class="px-button px-button-quiet" onClick={() => void take()} disabled={takeState.status === 'busy'}>
            Use this page’s article
          </button>
          <ActionStatus state={takeState} busyText="Reading the page…" />
        </div>
      )}
      <label class="px-opt-field">
        <span>Outlet</span>
        <input type="text" name="outlet" value={fields.outlet} onInput={set('outlet')} autocomplete="off" placeholder="Harbor City Ledger" />
      </label>
      <label class="px-opt-field">
        <span>Address (optional)</span>
        <input type="url" name="url" value={fields.url} onInput={set('url')} placeholder="https://…" />
      </label>
      <label class="px-opt-field">
        <span>Title (optional)</span>
        <input type="text" name="title" value={fields.title} onInput={set('title')} />
      </label>
      <label class="px-opt-field">
        <span>Published (optional, YYYY-MM-DD)</span>
        <input type="text" name="date" value={fields.date} onInput={set('date')} placeholder="2025-04-18" inputMode="numeric" />
      </label>
      <label class="px-opt-field">
        <span>Article text</span>
        <textarea name="text" rows={10} value={fields.text} onInput={set('text')} placeholder="Paste the article’s text here." />
      </label>
      <div class="px-opt-row">
        <button type="submit" class="px-button" disabled={addState.status === 'busy'}>
          Add article
        </button>
        <ActionStatus state={addState} busyText="Adding the article…" />
      </div>
    </form>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
