/** Time, injectable: the queue's timers and the lease's renewals run on it, so tests drive them. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as number),
};

/** False only when the browser knows it is offline (navigator.onLine is a hint, never proof of a connection). */
export const online = (): boolean => globalThis.navigator?.onLine !== false;
