// What both dialects share about answers: normalising what comes in (timestamps, e-mail keys, tags,
// limits) and the keyset stream built on list().
import type { AnswerFilter, OutboxJob, Page, StoredAnswer, WireAnswer } from './store.js';
import { StoreInputError } from './store.js';

/** Largest page the store hands out, whatever the caller asks (the API caps at 200 itself). */
export const MAX_PAGE = 1000;
/** Rows per keyset page while streaming: small enough that no read holds the database for long. */
export const STREAM_CHUNK = 500;
/** Rows deleted per transaction by retention, so a large purge never holds the write lock for long. */
export const DELETE_CHUNK = 2000;
/** Expired sessions are swept on every this many setSession calls. */
export const SESSION_SWEEP_EVERY = 100;

/** A row as a driver returns it. */
export type Row = Record<string, unknown>;

/** One answer waiting for the next group commit, with the outbox jobs written in its transaction. */
export interface PendingInsert {
  answer: WireAnswer;
  receivedAt: string;
  jobs: Omit<OutboxJob, 'id' | 'attempts'>[];
}

export function isoTimestamp(value: string, field: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new StoreInputError(field, `${field} is not an ISO timestamp`);
  return new Date(time).toISOString();
}

/** E-mail addresses are matched case-insensitively (erase, the `email` filter) through this key. */
export function emailKey(email: string | null | undefined): string | null {
  const key = email?.trim().toLowerCase();
  return key ? key : null;
}

/** Tags as the inbox shows them: trimmed, no empty ones, each once, order kept. */
export function normaliseTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag.length > 0))];
}

export function pageSize(limit: number): number {
  return Math.max(1, Math.min(Math.floor(limit) || 1, MAX_PAGE));
}

export function normaliseFilter(filter: AnswerFilter): AnswerFilter {
  return {
    ...filter,
    since: filter.since === undefined ? undefined : isoTimestamp(filter.since, 'since'),
    until: filter.until === undefined ? undefined : isoTimestamp(filter.until, 'until'),
    email: filter.email === undefined ? undefined : (emailKey(filter.email) ?? ''),
  };
}

/** Every matching answer, newest first, one keyset page at a time: memory stays at one page. */
export async function* keysetStream(
  list: (filter: AnswerFilter, limit: number, cursor: string | null) => Promise<Page>,
  filter: AnswerFilter,
): AsyncIterable<StoredAnswer> {
  let cursor: string | null = null;
  do {
    const page: Page = await list(filter, STREAM_CHUNK, cursor);
    yield* page.answers;
    cursor = page.next;
  } while (cursor !== null);
}
