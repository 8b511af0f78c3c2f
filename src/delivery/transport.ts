import type { Answer } from './answer.js';

/** How one attempt ended, in the terms of the status table in docs/widget-contract.md. */
export type Outcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; status: number; retryAfter: string | null }
  | { kind: 'rejected'; status: number };

/** Sends one answer; never throws: every failure is an Outcome. */
export type Transport = (endpoint: string, answer: Answer, options?: { keepalive?: boolean }) => Promise<Outcome>;

/** Statuses worth another try (docs/widget-contract.md); 0 stands for a network error or timeout. */
const RETRYABLE = new Set([0, 408, 425, 429]);

export const classify = (status: number, retryAfter: string | null = null): Outcome =>
  (status >= 200 && status < 300) || status === 409
    ? { kind: 'delivered', status }
    : RETRYABLE.has(status) || status >= 500
      ? { kind: 'retry', status, retryAfter }
      : { kind: 'rejected', status };

/** The body budget browsers give keepalive requests (64 KiB, shared by all in flight). */
export const KEEPALIVE_LIMIT = 60_000;
/**
 * keepalive only for bodies up to this size, so the queue's four parallel sends stay within the
 * shared budget; a default 2,000-character answer is at most 8 KB. A larger one goes without.
 */
export const KEEPALIVE_PER_REQUEST = 12_000;

/** Bytes on the wire, not UTF-16 units: 20,000 CJK characters are 60 KB. */
export const byteLength = (text: string): number => new TextEncoder().encode(text).length;

/** Whether `text` is at most `limit` bytes; most answers are decided without encoding them. */
export const fitsIn = (text: string, limit: number): boolean =>
  text.length * 3 <= limit || (text.length <= limit && byteLength(text) <= limit);

/** POST with fetch; `fetchImpl` is looked up per call so a host page's later patch is honoured. */
export const fetchTransport =
  (timeoutMs = 20_000, fetchImpl: () => typeof fetch = () => fetch): Transport =>
  async (endpoint, answer, options = {}) => {
    const body = JSON.stringify(answer);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const response = await fetchImpl()(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': answer.id },
        body,
        credentials: 'omit',
        mode: 'cors',
        signal: abort.signal,
        // keepalive lets a send that is under way finish when the tab closes.
        keepalive: !!options.keepalive && fitsIn(body, KEEPALIVE_PER_REQUEST),
      });
      return classify(response.status, response.headers.get('Retry-After'));
    } catch {
      // A network error, a timeout, or a host page's patched fetch throwing: all worth a retry.
      return classify(0);
    } finally {
      clearTimeout(timer);
    }
  };
