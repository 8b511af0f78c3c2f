// The filters of GET /api/answers, /api/answers/count and /api/answers.csv, read from the query string
// by hand: every problem is a 400 that names the parameter, and an unknown parameter (a typo such as
// "stauts") is refused rather than silently ignored, since ignoring it would show unfiltered answers.

import { badRequest } from '../http-error.js';
import { ANSWER_SCHEMA } from '../ingest/answer-schema.js';
import type { AnswerFilter, AnswerStatus } from '../store/store.js';

export const STATUSES: readonly AnswerStatus[] = ['new', 'handled', 'spam'];
export const MAX_PAGE = 200;
export const DEFAULT_PAGE = 50;

const FILTER_PARAMS = ['status', 'site', 'topic', 'lang', 'rating', 'page', 'tag', 'hasEmail', 'email', 'q', 'since', 'until'] as const;
const MAX_TEXT = 500;
/** A page filter holds a whole page URL, which may be as long as the wire format lets it be. */
const MAX_LENGTH: Partial<Record<string, number>> = { page: ANSWER_SCHEMA.properties.page.maxLength };

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A date or date-time; returned as a full ISO timestamp the store can compare. */
export function isoParam(name: string, value: string): string {
  const time = Date.parse(value);
  if (!ISO.test(value) || Number.isNaN(time)) {
    throw badRequest(`"${name}" must be an ISO 8601 date or date-time, e.g. 2026-11-22 or 2026-11-22T10:00:00Z`);
  }
  return new Date(time).toISOString();
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`"${name}" must be given once`);
  const max = MAX_LENGTH[name] ?? MAX_TEXT;
  if (value.length > max) throw badRequest(`"${name}" must be at most ${max} characters`);
  return value;
}

export function parseFilter(query: Record<string, unknown>, extra: readonly string[] = []): AnswerFilter {
  const known = new Set<string>([...FILTER_PARAMS, ...extra]);
  for (const name of Object.keys(query)) {
    if (!known.has(name)) throw badRequest(`unknown query parameter "${name}"; known: ${[...known].join(', ')}`);
  }
  const filter: AnswerFilter = {};
  const status = single(query, 'status');
  if (status !== undefined) {
    if (!STATUSES.includes(status as AnswerStatus)) throw badRequest(`"status" must be one of ${STATUSES.join(', ')}`);
    filter.status = status as AnswerStatus;
  }
  for (const name of ['site', 'topic', 'lang', 'page', 'tag', 'email', 'q'] as const) {
    const value = single(query, name);
    if (value !== undefined && value !== '') filter[name] = value;
  }
  const rating = single(query, 'rating');
  if (rating !== undefined) {
    if (!/^[1-5]$/.test(rating)) throw badRequest('"rating" must be an integer from 1 to 5');
    filter.rating = Number(rating);
  }
  const hasEmail = single(query, 'hasEmail');
  if (hasEmail !== undefined) {
    if (hasEmail !== 'true' && hasEmail !== 'false') throw badRequest('"hasEmail" must be true or false');
    filter.hasEmail = hasEmail === 'true';
  }
  const since = single(query, 'since');
  if (since !== undefined) filter.since = isoParam('since', since);
  const until = single(query, 'until');
  if (until !== undefined) filter.until = isoParam('until', until);
  return filter;
}

export function parsePage(query: Record<string, unknown>): { filter: AnswerFilter; limit: number; cursor: string | null } {
  const filter = parseFilter(query, ['limit', 'cursor']);
  const limitText = single(query, 'limit');
  let limit = DEFAULT_PAGE;
  if (limitText !== undefined) {
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_PAGE) {
      throw badRequest(`"limit" must be an integer from 1 to ${MAX_PAGE}`);
    }
    limit = Number(limitText);
  }
  const cursor = single(query, 'cursor');
  return { filter, limit, cursor: cursor === undefined || cursor === '' ? null : cursor };
}
