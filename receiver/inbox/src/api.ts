// The inbox's only way to the receiver: its authenticated JSON API (RECEIVER.md, docs/api-extensions.md).
import type { AnswerPatch, Overview, Page, Settings, StoredAnswer } from '../../src/store/store.js';

export type { AnswerPatch, AnswerStatus, Overview, Page, Reply, Settings, StoredAnswer } from '../../src/store/store.js';

export interface Me {
  email: string | null;
  smtp: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** seconds, from Retry-After (or the body's retryAfter) */
    readonly retryAfter: number | null,
  ) {
    super(message);
  }
}

// Relative to the page (/inbox/ → /api/), so a receiver behind a path prefix works too.
const base = (): URL => new URL('../api/', document.baseURI);

let whenSignedOut: () => void = () => {};
/** Called when the session is gone (expired, signed out in another tab): the page shows sign-in. */
export const onSignedOut = (callback: () => void): void => {
  whenSignedOut = callback;
};

async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers, signal: signal ?? null };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(new URL(path, base()), init);
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
  const data = (await response.json().catch(() => ({}))) as { error?: unknown; retryAfter?: unknown };
  const retryAfter = Number(response.headers.get('retry-after') ?? data.retryAfter ?? NaN);
  if (response.status === 401 && path !== 'session') whenSignedOut();
  throw new ApiError(
    response.status,
    typeof data.error === 'string' ? data.error : response.statusText,
    Number.isFinite(retryAfter) ? retryAfter : null,
  );
}

const answerPath = (id: string, rest = ''): string => `answers/${encodeURIComponent(id)}${rest}`;

export const api = {
  me: () => call<Me>('GET', 'me'),
  signIn: (email: string, password: string) => call<void>('POST', 'session', { email, password }),
  signOut: () => call<void>('DELETE', 'session'),
  list: (query: URLSearchParams, signal?: AbortSignal) => call<Page>('GET', `answers?${query}`, undefined, signal),
  count: (query: URLSearchParams) => call<{ count: number }>('GET', `answers/count?${query}`),
  update: (id: string, patch: AnswerPatch) => call<StoredAnswer>('PATCH', answerPath(id), patch),
  reply: (id: string, reply: { subject: string; body: string; via: 'smtp' | 'mailto' }) =>
    call<StoredAnswer>('POST', answerPath(id, '/reply'), reply),
  erase: (email: string) => call<{ deleted: number }>('POST', 'erase', { email }),
  overview: () => call<Overview>('GET', 'overview'),
  settings: () => call<Settings>('GET', 'settings'),
  saveSettings: (patch: Partial<Settings>) => call<Settings>('PATCH', 'settings', patch),
};

/** The CSV export of a filtered view: a plain link, so the browser downloads it with the session cookie. */
export const csvHref = (query: URLSearchParams): string => new URL(`answers.csv?${query}`, base()).href;
