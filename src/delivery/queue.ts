import type { Answer } from './answer.js';
import { nextDelay, parseRetryAfter } from './backoff.js';
import type { Lock } from './leader.js';
import { online, systemClock, type Clock } from './clock.js';
import type { KeyValueStore } from './store.js';
import { byteLength, KEEPALIVE_LIMIT, KEEPALIVE_PER_REQUEST, type Outcome, type Transport } from './transport.js';

/** One answer waiting in the queue: a plain record so IndexedDB can clone it. */
export interface QueuedAnswer {
  answer: Answer;
  endpoint: string;
  attempts: number;
  /** Epoch ms before which it is not sent again. */
  nextAttemptAt: number;
  /** Last HTTP status; 0 for a network error or timeout. */
  status?: number;
  /** Refused by the endpoint (a 4xx that retrying will not fix): kept, not sent again unless asked. */
  setAside?: boolean;
}

/** What the queue tells its owner; the element turns these into DOM events. */
export type QueueReport =
  | { type: 'sent'; id: string }
  | { type: 'failed'; id: string; status: number; retrying: boolean }
  | { type: 'expired'; id: string };

export type { Clock };
export { systemClock };

export interface QueueOptions {
  store: KeyValueStore<QueuedAnswer>;
  transport: Transport;
  lock: Lock;
  clock?: Clock;
  isOnline?: () => boolean;
  random?: () => number;
  report?: (report: QueueReport) => void;
  /** Answers kept at most; a new one beyond this is refused, never an older one evicted. */
  maxItems?: number;
  /** Answers older than this are dropped with an `expired` report. */
  maxAgeMs?: number;
}

export class QueueFullError extends Error {
  constructor(max: number) {
    super(`feedback-prompt: ${max} answers are already waiting to be sent; not keeping another.`);
  }
}

const DAY_MS = 86_400_000;
/** Within this many of the cap, enqueue counts the stored answers exactly. */
const HEADROOM = 20;
/** Sends in flight at once in a round: a full queue drains fast without flooding the endpoint. */
const PARALLEL = 4;

/** A durable retry queue: enqueue writes first, flush sends; one flush at a time per origin. */
export class DeliveryQueue {
  private readonly _o: Required<QueueOptions>;
  private _running?: Promise<void>;
  private _queued?: Promise<void>;
  private _wakeNext = false;
  private _disposed = false;
  private _timer: unknown;
  /** No sending before this time: set by a failed attempt so the rest of the queue waits too. */
  private _holdUntil = 0;
  private _holdIsNetwork = false;
  private readonly _inFlight = new Set<string>();
  /** What the last look at the store found, so a closing tab can send without waiting for IndexedDB. */
  private _known = new Map<string, QueuedAnswer>();
  /** Answers given in this page view: the only ones a closing tab sends, since it holds no lock then. */
  private readonly _own = new Set<string>();
  /** Whether a round has read the store in this page view, so `_known` is worth trusting. */
  private _looked = false;
  /** Deletes of delivered answers still being written; a round ends only once they are done. */
  private readonly _removals = new Set<Promise<void>>();
  /** Failed attempts so far: a round's lanes stop at the first one made during it. */
  private _retries = 0;

  constructor(options: QueueOptions) {
    this._o = {
      clock: systemClock,
      isOnline: online,
      random: Math.random,
      report: () => {},
      maxItems: 100,
      maxAgeMs: 30 * DAY_MS,
      ...options,
    };
  }

  /** Stores the answer durably (or in memory, see `durable`); resolves before any send starts. */
  async enqueue(answer: Answer, endpoint: string): Promise<void> {
    // Reading the whole queue costs a transaction before the write; skip it while this page's
    // last look found it far from full (other tabs may add a few: the cap is a floor, not exact).
    if (!this._looked || this._known.size >= this._o.maxItems - HEADROOM) {
      const records = await this._o.store.all();
      if (records.length >= this._o.maxItems) throw new QueueFullError(this._o.maxItems);
      // A fresh picture, since other tabs may have sent answers since this page last looked; not
      // during a round, whose sends and deletes under way it would blur.
      if (!this._running) {
        this._known = new Map(records.map((record) => [record.answer.id, record]));
        this._looked = true;
      }
    }
    const record: QueuedAnswer = { answer, endpoint, attempts: 0, nextAttemptAt: 0 };
    await this._o.store.put(answer.id, record);
    this._known.set(answer.id, record);
    this._own.add(answer.id);
  }

  /** False when answers live only in memory, because storage is unavailable. */
  get durable(): boolean {
    return this._o.store.durable;
  }

  /**
   * Sends what is due. A call during a flush waits for one more round after it, so an answer
   * queued meanwhile is not left behind and no second round ever runs alongside the first.
   * `wake` (back online, tab visible again, or an explicit call) ends a wait caused by a network error.
   */
  flush(wake = false): Promise<void> {
    if (this._disposed) return Promise.resolve();
    // During a round the wake waits for the next one: lanes stopped by a network error stay stopped.
    if (this._running) {
      this._wakeNext ||= wake;
      const next = () => {
        this._queued = undefined;
        const wakeNext = this._wakeNext;
        this._wakeNext = false;
        return this.flush(wakeNext);
      };
      // A failed round must not leave its rejection standing in for every later flush.
      return (this._queued ??= this._running.then(next, next));
    }
    if (wake && this._holdIsNetwork) this._holdUntil = 0;
    // The server asked for a wait (or backoff chose one): reading storage now would send nothing.
    if (this._looked && this._o.clock.now() < this._holdUntil) {
      this._schedule();
      return Promise.resolve();
    }
    this._running = this._o
      .lock(() => this._round(wake))
      .finally(() => {
        this._running = undefined;
        this._schedule();
      });
    return this._running;
  }

  /** Answers the endpoint refused, with their status; kept until resent or expired. */
  async failed(): Promise<QueuedAnswer[]> {
    return (await this._o.store.all()).filter((r) => r.setAside);
  }

  /** Puts a set-aside answer back in line and sends it. */
  async resend(id: string): Promise<void> {
    const record = (await this._o.store.all()).find((r) => r.answer.id === id);
    if (!record) return;
    await this._o.store.put(id, { ...record, setAside: false, nextAttemptAt: 0 });
    return this.flush(true);
  }

  /**
   * On page exit: fire this page view's answers that are due but not yet sent (typically waiting
   * for another tab to finish sending) as keepalive requests; deleted only if a 2xx still arrives,
   * else the next page view sends them. Answers from other tabs are left to those
   * tabs: without the lock (it cannot be awaited while the page goes away) this tab's picture of
   * them may be stale.
   */
  sendOnExit(): void {
    if (!this._o.isOnline()) return;
    // What this page's sends under way already hold of the browser's keepalive budget.
    let budget = KEEPALIVE_LIMIT - this._inFlight.size * KEEPALIVE_PER_REQUEST;
    for (const record of this._known.values()) {
      // A wait the server asked for (or our backoff chose) is honoured even on the way out.
      const waiting = record.nextAttemptAt > this._o.clock.now();
      if (!this._own.has(record.answer.id) || record.setAside || waiting || this._inFlight.has(record.answer.id)) continue;
      const size = byteLength(JSON.stringify(record.answer));
      if (size > Math.min(budget, KEEPALIVE_PER_REQUEST)) continue;
      budget -= size;
      void this._attempt(record, true);
    }
  }

  /** Stops for good: no more rounds or timers, even from a round still under way. */
  dispose(): void {
    this._disposed = true;
    this._o.clock.clearTimeout(this._timer);
  }

  private async _round(wake: boolean): Promise<void> {
    const now = this._o.clock.now();
    const records = await this._o.store.all();
    this._known = new Map();
    this._looked = true;
    const due: QueuedAnswer[] = [];
    const expiries: Promise<void>[] = [];
    for (const record of records) {
      const { id } = record.answer;
      if (now - Date.parse(record.answer.createdAt) > this._o.maxAgeMs) {
        // Deleted together (see store.ts), each reported once its delete is written.
        expiries.push(this._o.store.delete(id).then(() => this._o.report({ type: 'expired', id })));
      } else {
        this._known.set(record.answer.id, record);
        const networkWait = wake && record.status === 0;
        if (!record.setAside && (record.nextAttemptAt <= now || networkWait)) due.push(record);
      }
    }
    await Promise.all(expiries);
    if (!this._o.isOnline() || now < this._holdUntil) return;
    // ISO timestamps sort as plain strings; localeCompare would run ICU collation on every pair.
    due.sort((a, b) => (a.answer.createdAt < b.answer.createdAt ? -1 : a.answer.createdAt > b.answer.createdAt ? 1 : 0));
    // A pool rather than batches: one slow reply does not hold up the three other lanes. A failure
    // says the network or the server is in trouble: no lane starts another send, the schedule retries.
    const retriesBefore = this._retries;
    let next = 0;
    const lane = async () => {
      while (this._retries === retriesBefore && next < due.length) {
        const record = due[next++]!;
        // Already on its way, sent as this page was hidden and then restored from the back/forward cache.
        if (!this._inFlight.has(record.answer.id)) await this._attempt(record, false);
      }
    };
    const lanes = await Promise.allSettled(Array.from({ length: PARALLEL }, lane));
    // Until every delete is written, another tab taking the lock would read a delivered answer and
    // send it again; so the round (and the lock) lasts until then, whatever else failed.
    const removals = await Promise.allSettled([...this._removals]);
    const failure = [...lanes, ...removals].find((result) => result.status === 'rejected');
    if (failure) throw (failure as PromiseRejectedResult).reason;
  }

  private async _attempt(record: QueuedAnswer, onExit: boolean): Promise<Outcome> {
    const { id } = record.answer;
    this._inFlight.add(id);
    // keepalive also on ordinary sends: a send under way then survives the tab closing.
    const outcome = await this._o.transport(record.endpoint, record.answer, { keepalive: true });
    this._inFlight.delete(id);
    if (outcome.kind === 'delivered') {
      this._known.delete(id);
      this._own.delete(id);
      // The lane moves on to its next send while the delete is written (with others, see store.ts).
      const removal = this._o.store.delete(id).then(() => this._o.report({ type: 'sent', id }));
      this._removals.add(removal);
      void removal.finally(() => this._removals.delete(removal)).catch(() => {});
      return outcome;
    }
    const now = this._o.clock.now();
    const attempts = record.attempts + 1;
    const updated: QueuedAnswer = { ...record, attempts, status: outcome.status };
    if (outcome.kind === 'retry') {
      this._retries++;
      const wait = nextDelay(attempts, parseRetryAfter(outcome.retryAfter, now), this._o.random);
      updated.nextAttemptAt = now + wait;
      // The longest wait wins: a server's hour-long Retry-After is not cut short by another lane's jitter.
      if (!onExit && updated.nextAttemptAt > this._holdUntil) {
        this._holdUntil = updated.nextAttemptAt;
        this._holdIsNetwork = outcome.status === 0;
      }
    } else {
      updated.setAside = true;
    }
    await this._o.store.put(id, updated);
    this._known.set(id, updated);
    this._o.report({ type: 'failed', id, status: outcome.status, retrying: outcome.kind === 'retry' });
    return outcome;
  }

  /** One timer for the whole queue, however many answers wait: no retry storm. */
  private _schedule(): void {
    this._o.clock.clearTimeout(this._timer);
    // Offline, the `online` event wakes the queue; a timer would only spin.
    if (this._disposed || !this._o.isOnline()) return;
    const pending = [...this._known.values()].filter((r) => !r.setAside);
    if (!pending.length) return;
    const earliest = Math.max(this._holdUntil, Math.min(...pending.map((r) => r.nextAttemptAt)));
    const wait = Math.max(0, earliest - this._o.clock.now());
    this._timer = this._o.clock.setTimeout(() => void this.flush(), wait);
  }
}
