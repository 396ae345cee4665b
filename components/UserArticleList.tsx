/**
 * The reader's own articles, newest first, each with what Parallax made of it (sentences it can
 * match) and a way to remove it.
 */
import { formatBytes } from '../lib/corpus/validate';
import type { UserArticleSummary } from '../lib/db/user-articles';
import { ActionStatus, useAction } from './ActionStatus';

export interface UserArticleListProps {
  /** Null while the list is loading. */
  articles: readonly UserArticleSummary[] | null;
  /** Removes an article; resolves to what to tell the reader. */
  onRemove: (article: UserArticleSummary) => Promise<string>;
}

/** "18 Apr 2025", in the reader's language. */
function day(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export function UserArticleList({ articles, onRemove }: UserArticleListProps) {
  const [removeState, remove] = useAction(onRemove);
  if (articles === null) return <p class="px-hint" role="status">Loading your articles…</p>;
  return (
    <div>
      {articles.length === 0 ? (
        <p class="px-hint">
          You have not added any articles. Parallax compares pages with its bundled articles, and with any you add
          here: each is one more outlet’s wording of the story.
        </p>
      ) : (
        <ul class="px-opt-articles" aria-label="Your articles">
          {articles.map((article) => (
            <li key={article.id} class="px-opt-article">
              <div class="px-opt-article-main">
                <strong class="px-opt-outlet">{article.outlet}</strong>
                <span class="px-opt-article-title">{article.title}</span>
                <span class="px-opt-article-meta">
                  {article.sentenceCount === 1 ? '1 sentence' : `${article.sentenceCount} sentences`} ·{' '}
                  {formatBytes(article.bytes)}
                  {article.date !== null && ` · published ${article.date}`}
                  {article.addedAt > 0 && ` · added ${day(article.addedAt)}`}
                </span>
                {article.url !== null && (
                  <a class="px-opt-article-url" href={article.url} target="_blank" rel="noreferrer noopener">
                    {article.url}
                  </a>
                )}
              </div>
              <button
                type="button"
                class="px-button px-button-quiet"
                aria-label={`Remove ${article.outlet}: ${article.title}`}
                disabled={removeState.status === 'busy'}
                onClick={() => void remove(article)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <ActionStatus state={removeState} busyText="Removing…" />
    </div>
  );
}
