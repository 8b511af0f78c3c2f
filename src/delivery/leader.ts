import { safeLocalStorage } from '../local-storage.js';

/** Runs `task` while no other tab of this origin runs one under the same name. */
export type Lock = <T>(task: () => Promise<T>) => Promise<T>;

const LEASE_MS = 30_000;
const POLL_MS = 500;

/**
 * Web Locks where available. Otherwise a lease in localStorage: weaker (two tabs can race in
 * the same millisecond), but the Idempotency-Key still keeps a deduplicating endpoint at one record.
 */
export const originLock = (
  name = 'feedback-prompt-send',
  locks: LockManager | undefined = globalThis.navigator?.locks,
  /** Looked up only without Web Locks: a page's first touch of localStorage costs a few ms. */
  storage: () => Storage | undefined = safeLocalStorage,
): Lock => {
  if (locks) return (task) => locks.request(name, () => task()) as Promise<Awaited<ReturnType<typeof task>>>;
  const found = storage();
  if (!found) return (task) => task();
  const key = `${name}:lease`;
  const me = Math.random().toString(36).slice(2);
  const held = () => {
    const [owner, until] = (found.getItem(key) ?? '').split(' ');
    return owner && owner !== me && Number(until) > Date.now();
  };
  // Within this page, tasks queue behind each other; the lease only keeps other tabs out.
  let tail: Promise<unknown> = Promise.resolve();
  const leased = async <T>(task: () => Promise<T>): Promise<T> => {
    while (held()) await new Promise((r) => setTimeout(r, POLL_MS));
    found.setItem(key, `${me} ${Date.now() + LEASE_MS}`);
    try {
      return await task();
    } finally {
      found.removeItem(key);
    }
  };
  return (task) => {
    const run = tail.then(() => leased(task));
    tail = run.catch(() => {});
    return run;
  };
};
