// Search, the status tabs, the other filters and the CSV export: all of it reflected in the URL.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { t, type Key } from '../../i18n/index.js';
import { csvHref } from '../api.js';
import { activeFilterCount, apiQuery, DEFAULT_FILTERS, localDay, STATUSES, writeLocation, type Filters, type StatusView } from '../filters.js';
import type { InboxApp } from '../app.js';

const STATUS_LABELS: Record<StatusView, Key> = {
  new: 'statusTabNew',
  handled: 'statusTabHandled',
  spam: 'statusTabSpam',
  all: 'statusTabAll',
};

let typing: ReturnType<typeof setTimeout> | undefined;
/** Search as the owner types; a short pause first so a word is one request, not one per letter. */
const SEARCH_PAUSE_MS = 80;

const onSearch = (app: InboxApp) => (event: InputEvent) => {
  const q = (event.target as HTMLInputElement).value;
  clearTimeout(typing);
  typing = setTimeout(() => app.setFilters({ q: q.trim() }, { replace: true }), SEARCH_PAUSE_MS);
};

const onFilterChange = (app: InboxApp) => (event: Event) => {
  const form = (event.currentTarget as HTMLFormElement);
  const data = new FormData(form);
  const change: Partial<Filters> = {};
  for (const key of ['site', 'topic', 'lang', 'rating', 'page', 'tag', 'hasEmail', 'since', 'until'] as const) {
    (change as Record<string, string>)[key] = String(data.get(key) ?? '').trim();
  }
  app.setFilters(change);
};

const field = (name: keyof Filters, label: Key, value: string, extra: { type?: string; hint?: Key } = {}) => html`
  <div class="field">
    <label for="filter-${name}">${t(label)}</label>
    <input
      id="filter-${name}"
      name=${name}
      type=${extra.type ?? 'text'}
      .value=${value /* not live(): a render while the owner types (a list arriving) must not undo letters */}
      autocomplete="off"
      aria-describedby=${extra.hint ? `filter-${name}-hint` : nothing}
    />
    ${extra.hint ? html`<span class="hint" id="filter-${name}-hint">${t(extra.hint)}</span>` : nothing}
  </div>
`;

const select = (name: keyof Filters, label: Key, value: string, options: [string, string][]) => html`
  <div class="field">
    <label for="filter-${name}">${t(label)}</label>
    <select id="filter-${name}" name=${name}>
      ${options.map(([optionValue, text]) => html`<option value=${optionValue} ?selected=${optionValue === value}>${text}</option>`)}
    </select>
  </div>
`;

/** What the search box should hold: the URL's query, except while someone types in it. A search that
 * arrives mid-word must not put back the shorter text it was made from (a typed letter would vanish). */
function searchValue(app: InboxApp): string {
  const input = app.querySelector<HTMLInputElement>('#search');
  return input && document.activeElement === input ? input.value : app.filters.q;
}

export function renderFindBar(app: InboxApp) {
  const filters = app.filters;
  const active = activeFilterCount(filters);
  return html`
    <div class="find">
      <form role="search" class="search" @submit=${(event: Event) => event.preventDefault()}>
        <label for="search">${t('searchLabel')}</label>
        <input id="search" type="search" name="q" .value=${live(searchValue(app))} autocomplete="off" aria-keyshortcuts="/" @input=${onSearch(app)} />
      </form>
      <nav class="status-tabs" aria-label=${t('statusNavigation')}>
        ${STATUSES.map(
          (status) => html`<a
            href=${writeLocation('list', { ...filters, status })}
            aria-current=${filters.status === status ? 'page' : nothing}
            >${t(STATUS_LABELS[status])}</a
          >`,
        )}
      </nav>
      <a class="button export" href=${csvHref(apiQuery(filters))} download>${t('exportCsv')}</a>
      <details class="more-filters" ?open=${app.filtersOpen} @toggle=${(event: Event) => (app.filtersOpen = (event.target as HTMLDetailsElement).open)}>
        <summary>${active ? t('filtersActive', { n: active }) : t('filters')}</summary>
        <form class="filter-grid" @change=${onFilterChange(app)} @submit=${(event: Event) => event.preventDefault()}>
          ${field('site', 'filterSite', filters.site)} ${field('topic', 'filterTopic', filters.topic)}
          ${select('rating', 'filterRating', filters.rating, [
            ['', t('any')],
            ...[1, 2, 3, 4, 5].map((n): [string, string] => [String(n), t('ratingValue', { n })]),
          ])}
          ${field('lang', 'filterLanguage', filters.lang, { hint: 'filterLanguageHint' })} ${field('tag', 'filterTag', filters.tag)}
          ${field('page', 'filterPage', filters.page, { type: 'url', hint: 'filterPageHint' })}
          ${select('hasEmail', 'filterHasEmail', filters.hasEmail, [
            ['', t('any')],
            ['true', t('withEmail')],
            ['false', t('withoutEmail')],
          ])}
          ${field('since', 'filterFrom', localDay(filters.since), { type: 'date' })}
          ${field('until', 'filterTo', localDay(filters.until), { type: 'date' })}
          <div class="field field-actions">
            <a class="button quiet" href=${writeLocation('list', { ...DEFAULT_FILTERS, status: filters.status, q: filters.q })}>${t('clearFilters')}</a>
          </div>
        </form>
      </details>
    </div>
  `;
}
