import { safeLocalStorage } from '../local-storage.js';
import { systemClock, type Clock } from './clock.js';

/** Runs `task` while no other tab of this origin runs one under the same name. */
export type Lock = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Web Locks where available. Otherwise (Safari before 15.4) the lease in localStorage of
 * lease.ts, a file loaded only then, as the queue starts: the other browsers never download it.
 * Should that file not load (the network dropped), tasks run as if this were the only tab: two
 * tabs may then send the same answer at once, and the receiver keeps one (it deduplicates by the
 * answer's id, its Idempotency-Key), so the cost is a rare second request, not a second record.
 */
export const originLock = (
  name = 'feedback-prompt-send',
  locks: LockManager | undefined = globalThis.navigator?.locks,
  /** Looked up only without Web Locks: a page's first touch of localStorage costs a few ms. */
  storage: () => Storage | undefined = safeLocalStorage,
  clock: Clock = systemClock,
  leaseMs?: number,
): Lock => {
  if (locks) return (task) => locks.request(name, () => task()) as Promise<Awaited<ReturnType<typeof task>>>;
  const found = storage();
  if (!found) return (task) => task();
  const lease = import('./lease.js').then(
    ({ leaseLock }) => leaseLock(name, found, clock, leaseMs),
    (): Lock => (task) => task(),
  );
  return (task) => lease.then((lock) => lock(task));
};
