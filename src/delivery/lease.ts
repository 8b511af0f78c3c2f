import type { Clock } from './clock.js';
import type { Lock } from './leader.js';

/** How long a lease holds without renewal: a tab that crashed or froze frees the origin after this. */
export const LEASE_MS = 30_000;
const POLL_MS = 500;

/**
 * The lock of browsers without Web Locks (Safari before 15.4), in a file of its own that only
 * they load (see leader.ts): a lease in localStorage. Weaker (two tabs can race in the same
 * millisecond), but the Idempotency-Key still keeps a deduplicating endpoint at one record.
 * A round can outlast one lease (each send may take 20 s), so the holder renews it while working,
 * and on finishing removes it only if it is still its own: a tab that was frozen past its lease
 * must not free the lease another tab has taken since.
 */
export const leaseLock = (name: string, found: Storage, clock: Clock, leaseMs = LEASE_MS): Lock => {
  const key = `${name}:lease`;
  const me = Math.random().toString(36).slice(2);
  const read = () => (found.getItem(key) ?? '').split(' ');
  const heldByOther = () => {
    const [owner, until] = read();
    return owner && owner !== me && Number(until) > clock.now();
  };
  const take = () => found.setItem(key, `${me} ${clock.now() + leaseMs}`);
  const wait = (ms: number) => new Promise((r) => clock.setTimeout(() => r(undefined), ms));
  // Within this page, tasks queue behind each other; the lease only keeps other tabs out.
  let tail: Promise<unknown> = Promise.resolve();
  const leased = async <T>(task: () => Promise<T>): Promise<T> => {
    while (heldByOther()) await wait(POLL_MS);
    take();
    let renewal: unknown;
    // A third of the lease between renewals: one late timer (a busy or throttled tab) still renews in time.
    const renew = () => {
      if (read()[0] === me) take();
      renewal = clock.setTimeout(renew, leaseMs / 3);
    };
    renewal = clock.setTimeout(renew, leaseMs / 3);
    try {
      return await task();
    } finally {
      clock.clearTimeout(renewal);
      if (read()[0] === me) found.removeItem(key);
    }
  };
  return (task) => {
    const run = tail.then(() => leased(task));
    tail = run.catch(() => {});
    return run;
  };
};
