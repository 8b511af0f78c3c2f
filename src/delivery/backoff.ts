/** First retry waits up to this long; each later one doubles it. */
export const BASE_DELAY_MS = 2_000;
/** No answer waits longer than this between attempts, whatever the server asks. */
export const MAX_DELAY_MS = 60 * 60 * 1000;

/** Full jitter (random 0..cap) so many browsers coming back online do not retry in step. */
export const backoffDelay = (attempt: number, random: () => number = Math.random): number =>
  Math.round(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1)));

/** `Retry-After` as seconds or an HTTP date, in ms from `now`, capped; undefined when absent or unreadable. */
export const parseRetryAfter = (value: string | null | undefined, now: number): number | undefined => {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  return Number.isNaN(ms) ? undefined : Math.min(MAX_DELAY_MS, Math.max(0, ms));
};

/** A server answering `Retry-After: 0` in a loop still gets no more than two tries a second. */
export const MIN_RETRY_AFTER_MS = 500;

/** The wait before the next attempt: the server's wish when it gave one, else the jittered backoff. */
export const nextDelay = (attempt: number, retryAfter: number | undefined, random?: () => number): number =>
  retryAfter === undefined ? backoffDelay(attempt, random) : Math.max(MIN_RETRY_AFTER_MS, retryAfter);
