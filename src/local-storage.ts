/**
 * localStorage that never throws: it throws on access in some private modes and sandboxed
 * iframes, and on writes when full. A failed write only means the page forgets sooner.
 */
export function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export const readLocal = (key: string, storage = safeLocalStorage()): string | null => {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
};

/** Writes `value`, or removes the key when `value` is null. */
export const writeLocal = (key: string, value: string | null, storage = safeLocalStorage()): void => {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Full or blocked: see above.
  }
};
