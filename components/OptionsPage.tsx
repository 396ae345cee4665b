/**
 * Parallax's settings page: the reader's own articles (add, list, remove, export, import), automatic
 * scanning, and the database's repair. Props in, callbacks out: it never talks to the browser or the
 * background itself (entrypoints/options/App.tsx does).
 */
import '../assets/options.css';
import type { NewArticle } from '../lib/db/new-article';
import { needsRebuild } from '../lib/db/problems';
import type { UserArticleSummary } from '../lib/db/user-articles';
import type { PageArticle } from '../lib/protocol';
import type { ScanSettings } from '../lib/settings';
import { AddArticleForm } from './AddArticleForm';
import { ArticleFiles } from './ArticleFiles';
import { DatabaseRepair } from './DatabaseRepair';
import { ScanSettingsForm } from './ScanSettingsForm';
import { UserArticleList } from './UserArticleList';

export interface OptionsPageProps {
  /** The reader's articles, newest first; null while loading. */
  articles: UserArticleSummary[] | null;
  /** Why the articles could not be listed (the database's problem, usually); null when they could. */
  articlesProblem: string | null;
  settings: ScanSettings | null;
  onAdd: (article: NewArticle, source: 'paste' | 'page') => Promise<string>;
  /** Present when the page was opened for a tab (from the panel): reads that tab's article. */
  onTakePageArticle?: () => Promise<PageArticle>;
  onRemove: (article: UserArticleSummary) => Promise<string>;
  onExport: () => Promise<string>;
  onImport: (file: File) => Promise<string>;
  onSettingsChange: (settings: ScanSettings) => Promise<string>;
  onRebuild: () => Promise<string>;
}

export function OptionsPage(props: OptionsPageProps) {
  const { articles, articlesProblem } = props;
  const databaseProblem = articlesProblem !== null && needsRebuild(articlesProblem) ? articlesProblem : null;
  return (
    <div class="px-opt">
      <header class="px-opt-header">
        <h1 class="px-opt-title">Parallax settings</h1>
        <p class="px-hint">Everything here stays in this browser.</p>
      </header>

      <section class="px-opt-section" aria-labelledby="px-articles-title">
        <h2 id="px-articles-title" class="px-opt-section-title">
          Your articles
        </h2>
        <p class="px-hint">
          Add another outlet’s article about the story, and Parallax compares pages with its wording too.
        </p>
        {articlesProblem !== null && databaseProblem === null && (
          <p class="px-opt-error" role="alert">
            {articlesProblem}
          </p>
        )}
        <UserArticleList articles={articlesProblem !== null ? [] : articles} onRemove={props.onRemove} />
        <ArticleFiles onExport={props.onExport} onImport={props.onImport} canExport={(articles?.length ?? 0) > 0} />
        <AddArticleForm onAdd={props.onAdd} onTakePageArticle={props.onTakePageArticle} />
      </section>

      <section class="px-opt-section" aria-labelledby="px-scan-title">
        <h2 id="px-scan-title" class="px-opt-section-title">
          Automatic scanning
        </h2>
        <ScanSettingsForm settings={props.settings} onChange={props.onSettingsChange} />
      </section>

      <section class="px-opt-section" aria-labelledby="px-db-title">
        <h2 id="px-db-title" class="px-opt-section-title">
          Database
        </h2>
        <DatabaseRepair onRebuild={props.onRebuild} problem={databaseProblem} />
      </section>
    </div>
  );
}
