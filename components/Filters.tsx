/** The panel's filters: one outlet, one match kind, and a search over points and wordings. */
import { useId } from 'preact/hooks';
import { hasFilters, MATCH_KINDS, NO_FILTERS, type OutletOption, type PanelFilters } from '../lib/compare/filter';
import type { MatchKind } from '../lib/types';
import { MATCH_KIND_LABELS } from './SentenceCard';

export interface FiltersProps {
  outlets: readonly OutletOption[];
  value: PanelFilters;
  onChange: (filters: PanelFilters) => void;
}

export function Filters({ outlets, value, onChange }: FiltersProps) {
  const id = useId();
  return (
    <form class="px-filters" role="search" aria-label="Filter wordings" onSubmit={(e) => e.preventDefault()}>
      <div class="px-field px-field-search">
        <label for={`${id}-q`}>Search</label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder="Points and wordings"
          value={value.query}
          onInput={(e) => onChange({ ...value, query: e.currentTarget.value })}
        />
      </div>
      <div class="px-field">
        <label for={`${id}-outlet`}>Outlet</label>
        <select
          id={`${id}-outlet`}
          value={value.articleId ?? ''}
          onChange={(e) => onChange({ ...value, articleId: e.currentTarget.value === '' ? null : e.currentTarget.value })}
        >
          <option value="">All outlets</option>
          {outlets.map((o) => (
            <option key={o.articleId} value={o.articleId}>
              {o.outlet}
            </option>
          ))}
        </select>
      </div>
      <div class="px-field">
        <label for={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={value.kind ?? ''}
          onChange={(e) =>
            onChange({ ...value, kind: e.currentTarget.value === '' ? null : (e.currentTarget.value as MatchKind) })
          }
        >
          <option value="">All kinds</option>
          {MATCH_KINDS.map((k) => (
            <option key={k} value={k}>
              {MATCH_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {hasFilters(value) && (
        <button type="button" class="px-button px-button-quiet" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </form>
  );
}
