import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

/** The storage the queue needs; plain cloneable values keyed by answer id. */
export interface KeyValueStore<T> {
  all(): Promise<T[]>;
  put(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /** False once answers are only held in memory and a closed tab would lose them. */
  readonly durable: boolean;
}

export const DB_NAME = 'feedback-prompt';
const STORE_NAME = 'queue';

/** Holds answers for this page view only: where IndexedDB is missing or refuses to work. */
export const memoryStore = <T>(): KeyValueStore<T> => {
  const map = new Map<string, T>();
  return {
    durable: false,
    all: async () => [...map.values()],
    put: async (key, value) => void map.set(key, value),
    delete: async (key) => void map.delete(key),
  };
};

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`IndexedDB did not answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });

/** True when the database may exist; `databases()` lets us look without creating it. */
const mayExist = async (name: string): Promise<boolean> => {
  const factory = indexedDB;
  if (!factory.databases) return true;
  try {
    return (await factory.databases()).some((db) => db.name === name);
  } catch {
    return true;
  }
};

/**
 * IndexedDB through idb-keyval's store and request helpers (its values/set/delMany wrappers would
 * bring its default database along, unused here). Reads never create the database: nothing is written to the
 * customer's device before they act. A failing connection is reopened once per operation,
 * because browsers close idle or backgrounded connections (Safari especially).
 */
export const idbStore = <T>(dbName = DB_NAME, timeoutMs = 3000): KeyValueStore<T> => {
  let store: UseStore | undefined;
  let created = false;
  const open = () => (store ??= createStore(dbName, STORE_NAME));
  const run = async <R>(op: (s: UseStore) => Promise<R>): Promise<R> => {
    try {
      return await withTimeout(op(open()), timeoutMs);
    } catch {
      store = undefined;
      return withTimeout(op(open()), timeoutMs);
    }
  };
  return {
    durable: true,
    all: async () => {
      if (!created && !(await mayExist(dbName))) return [];
      created = true;
      return run((s) => s('readonly', (os) => promisifyRequest<T[]>(os.getAll())));
    },
    put: (key, value) =>
      ((created = true), run((s) => s('readwrite', (os) => (os.put(value, key), promisifyRequest(os.transaction))))),
    delete: batched((keys) =>
      run((s) => s('readwrite', (os) => (keys.forEach((key) => os.delete(key)), promisifyRequest(os.transaction))))),
  };
};

/**
 * Deletes asked for while one is being written go together in the next transaction: a queue
 * draining with parallel sends then waits on a few commits instead of one per answer.
 */
const batched = (write: (keys: string[]) => Promise<void>): ((key: string) => Promise<void>) => {
  let waiting: string[] = [];
  let next: Promise<void> | undefined;
  let previous: Promise<unknown> = Promise.resolve();
  return (key) => {
    waiting.push(key);
    if (!next) {
      next = previous.then(() => {
        const keys = waiting;
        waiting = [];
        next = undefined;
        return write(keys);
      });
      previous = next.catch(() => {});
    }
    return next;
  };
};

/**
 * Tries `primary`, and on its first failure moves to memory for the rest of the page view,
 * so the customer's answer still goes out at once instead of being lost with an error.
 */
export const fallbackStore = <T>(
  primary: () => KeyValueStore<T>,
  onFallback: (error: unknown) => void,
): KeyValueStore<T> => {
  let active: KeyValueStore<T> | undefined;
  const memory = memoryStore<T>();
  const use = async <R>(op: (s: KeyValueStore<T>) => Promise<R>): Promise<R> => {
    let store: KeyValueStore<T> | undefined;
    try {
      store = active ??= primary();
      return await op(store);
    } catch (error) {
      if (store === memory) throw error;
      // Several operations can fail together; only the first one reports the move to memory.
      if (active !== memory) onFallback(error);
      active = memory;
      return op(memory);
    }
  };
  return {
    get durable() {
      return active?.durable ?? true;
    },
    all: () => use((s) => s.all()),
    put: (key, value) => use((s) => s.put(key, value)),
    delete: (key) => use((s) => s.delete(key)),
  };
};
