// What the list shows, as one object, kept in the page's URL so a view can be bookmarked or shared.
export type StatusView = 'new' | 'handled' | 'spam' | 'all';
export type View = 'list' | 'overview' | 'settings';

export interface Filters {
  status: StatusView;
  q: string;
  site: string;
  topic: string;
  lang: string;
  rating: string;
  /** a page URL exactly as the widget sent it (links from the overview's pages) */
  page: string;
  tag: string;
  hasEmail: '' | 'true' | 'false';
  /** YYYY-MM-DD (a day in the owner's time zone) or an ISO timestamp (links from the overview) */
  since: string;
  /** YYYY-MM-DD, inclusive, or an ISO timestamp, exclusive */
  until: string;
}

export const STATUSES: StatusView[] = ['new', 'handled', 'spam', 'all'];
const VIEWS: View[] = ['list', 'overview', 'settings'];
const TEXT_KEYS = ['q', 'site', 'topic', 'lang', 'page', 'tag', 'since', 'until'] as const;

/** The list a signed-in owner starts from: what still needs attention. */
export const DEFAULT_FILTERS: Filters = {
  status: 'new',
  q: '',
  site: '',
  topic: '',
  lang: '',
  rating: '',
  page: '',
  tag: '',
  hasEmail: '',
  since: '',
  until: '',
};

export interface Location {
  view: View;
  filters: Filters;
  /** prefill of the erase form (from an open answer's "erase this customer") */
  erase: string;
}

export function readLocation(search: string): Location {
  const params = new URLSearchParams(search);
  const filters = { ...DEFAULT_FILTERS };
  const status = params.get('status') as StatusView;
  if (STATUSES.includes(status)) filters.status = status;
  for (const key of TEXT_KEYS) filters[key] = (params.get(key) ?? '').trim();
  const rating = params.get('rating') ?? '';
  if (/^[1-5]$/.test(rating)) filters.rating = rating;
  const hasEmail = params.get('hasEmail');
  if (hasEmail === 'true' || hasEmail === 'false') filters.hasEmail = hasEmail;
  const view = params.get('view') as View;
  return { view: VIEWS.includes(view) ? view : 'list', filters, erase: params.get('erase') ?? '' };
}

/** The query string of a view: only what differs from the defaults, so plain URLs stay plain. */
export function writeLocation(view: View, filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (view !== 'list') params.set('view', view);
  for (const [key, value] of Object.entries(filters) as [keyof Filters, string][]) {
    if (value !== DEFAULT_FILTERS[key]) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '?';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight (the owner's time zone) at the start of a day, `addDays` later, as ISO; ISO passes through. */
export function dayStart(value: string, addDays = 0): string {
  const match = DAY.exec(value);
  if (!match) return value;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays).toISOString();
}

/** The day an ISO timestamp falls on in the owner's time zone, for a date input. */
export function localDay(value: string): string {
  if (!value || DAY.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The filters as GET /api/answers (and .csv, /count) take them. */
export function apiQuery(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== 'all') params.set('status', filters.status);
  for (const key of ['q', 'site', 'topic', 'lang', 'rating', 'page', 'tag', 'hasEmail'] as const) {
    if (filters[key]) params.set(key, filters[key]);
  }
  if (filters.since) params.set('since', dayStart(filters.since));
  // The "to" day is inclusive in the form; the API's `until` is exclusive.
  if (filters.until) params.set('until', dayStart(filters.until, 1));
  return params;
}

export const activeFilterCount = (filters: Filters): number =>
  (Object.keys(filters) as (keyof Filters)[]).filter(
    (key) => key !== 'status' && key !== 'q' && filters[key] !== DEFAULT_FILTERS[key],
  ).length;
