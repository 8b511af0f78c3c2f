// Failed sign-ins are counted per account and per client address (in this process). The first few cost
// nothing; then each attempt waits longer before the password is even checked; past the limit the
// answer is 429 until the window since the last failure has passed. A success clears the account.

export interface ThrottlePolicy {
  /** failures that cost no delay */
  freeFailures: number;
  /** failures after which sign-in is refused */
  maxFailures: number;
  /** how long a failure is remembered, and how long a refusal lasts after the last one */
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  freeFailures: 3,
  maxFailures: 10,
  windowMs: 15 * 60 * 1000,
  baseDelayMs: 500,
  maxDelayMs: 8000,
};

const MAX_TRACKED = 10_000;

interface Failures {
  count: number;
  lastAt: number;
}

export type Verdict = { refused: true; retryAfterSeconds: number } | { refused: false; delayMs: number };

export class SignInThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly now: () => number,
  ) {}

  private current(key: string): Failures | null {
    const entry = this.failures.get(key);
    if (!entry) return null;
    if (this.now() - entry.lastAt >= this.policy.windowMs) {
      this.failures.delete(key);
      return null;
    }
    return entry;
  }

  check(keys: string[]): Verdict {
    let delayMs = 0;
    for (const key of keys) {
      const entry = this.current(key);
      if (!entry) continue;
      if (entry.count >= this.policy.maxFailures) {
        const waitMs = entry.lastAt + this.policy.windowMs - this.now();
        return { refused: true, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
      }
      const over = entry.count - this.policy.freeFailures;
      if (over >= 0) delayMs = Math.max(delayMs, Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** over));
    }
    return { refused: false, delayMs };
  }

  fail(keys: string[]): void {
    for (const key of keys) {
      const entry = this.current(key) ?? { count: 0, lastAt: 0 };
      entry.count += 1;
      entry.lastAt = this.now();
      this.failures.delete(key);
      this.failures.set(key, entry);
    }
    // Oldest first in a Map: forget those when someone sprays from very many addresses.
    while (this.failures.size > MAX_TRACKED) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
