import { executeServerCommand } from '@web/test-runner-commands';
import { fixture } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { FeedbackPrompt } from '../../src/feedback-prompt.js';
import type { QueuedAnswer } from '../../src/delivery/queue.js';
import { queuedRecord, wireRecord } from './customer.js';
import { nextTask } from '../../src/idle.js';
import '../../src/index.js';

export { answer, fillIn, part, pressSend, queuedRecord, type, wireRecord } from './customer.js';

export interface Attempt {
  id: string | null;
  at: number;
  fault: Record<string, unknown>;
  headers: { contentType: string; origin: string; cookie: string | null };
}
export interface ReceiverLog {
  attempts: Attempt[];
  records: Array<Record<string, unknown> & { id: string }>;
}
export type Fault = { status?: number; retryAfter?: number | string; hang?: boolean; reset?: boolean; delayMs?: number; abortAfterStore?: boolean };

/** A fresh receiver (no records, no faults); returns its endpoint. */
export const resetReceiver = async (): Promise<string> =>
  ((await executeServerCommand('receiver-reset')) as { endpoint: string }).endpoint;

/** The next POSTs meet these faults, in order; after them the receiver behaves. */
export const scriptFaults = (faults: Fault[]): Promise<unknown> => executeServerCommand('receiver-script', { faults });

/** Stops the endpoint listening (connections refused) or starts it again on the same port. */
export const receiverDown = (): Promise<unknown> => executeServerCommand('receiver-down');
export const receiverUp = (): Promise<unknown> => executeServerCommand('receiver-up');

export const receiverLog = async (): Promise<ReceiverLog> => (await executeServerCommand('receiver-log')) as ReceiverLog;

const DB = 'feedback-prompt';
const STORE = 'queue';

const openDb = (): Promise<IDBDatabase | undefined> =>
  new Promise((resolve, reject) => {
    const request = indexedDB.open(DB);
    request.onupgradeneeded = () => {
      // Opened a database that did not exist: abort so reading never creates it.
      request.transaction?.abort();
      resolve(undefined);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => (request.error?.name === 'AbortError' ? resolve(undefined) : reject(request.error));
  });

/** The queue as IndexedDB holds it, read with the raw API (not through the code under test). */
export const storedQueue = async (): Promise<QueuedAnswer[]> => {
  const db = await openDb();
  if (!db || !db.objectStoreNames.contains(STORE)) return (db?.close(), []);
  const values = await new Promise<unknown[]>((resolve, reject) => {
    const req = db.transaction(STORE).objectStore(STORE).getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return values as never;
};

/** Empties the queue, the draft and the snooze mark left by an earlier test. */
export const clearDeviceStorage = async (): Promise<void> => {
  localStorage.clear();
  const db = await openDb();
  if (!db || !db.objectStoreNames.contains(STORE)) return void db?.close();
  await new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).clear();
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
};

/** A clean slate for a test: a fresh endpoint (no records, no faults) and nothing left on the device. */
export const freshStart = async (): Promise<string> => {
  const endpoint = await resetReceiver();
  await clearDeviceStorage();
  return endpoint;
};

/** Waits until `check` holds, polling; fails with `what` after `ms`. For real network round trips. */
export const waitFor = async <T>(check: () => T | Promise<T>, what: string, ms = 8000): Promise<NonNullable<T>> => {
  const until = performance.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/**
 * Sends an answer of the test's own straight to the endpoint and waits until it is stored; returns
 * its id. For a check that a page sent nothing more: whatever it sent earlier arrived before this.
 */
export const sendAfterwards = async (endpoint: string): Promise<string> => {
  const marker = wireRecord({ answer: 'marker sent by the test' });
  await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': marker.id },
    body: JSON.stringify(marker),
  });
  await waitFor(async () => (await receiverLog()).records.some((r) => r.id === marker.id), 'the marker answer');
  return marker.id;
};

/**
 * Called in a describe block: collects what the code under test writes with console[method] during
 * each test (emptied before each), instead of printing it.
 */
export const captureConsole = (method: 'warn' | 'error'): string[] => {
  const seen: string[] = [];
  const original = console[method];
  beforeEach(() => {
    seen.length = 0;
    console[method] = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console[method] = original;
  });
  return seen;
};

/** Mounts `<feedback-prompt>` with these attributes and waits for its first render. */
export const mount = async (attributes: Record<string, string | boolean>): Promise<FeedbackPrompt> => {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== false)
    .map(([k, v]) => (v === true ? k : `${k}="${String(v).replace(/"/g, '&quot;')}"`))
    .join(' ');
  const el = await fixture<FeedbackPrompt>(html`<feedback-prompt ${unsafeStatic(attrs)}></feedback-prompt>`);
  await waitFor(() => el.shadowRoot?.querySelector('.root') || !el.endpoint, 'the first render', 3000).catch(() => {});
  // Delivery and the trigger start a task after the first render; tasks asked for from now on come after.
  await nextTask();
  return el;
};

/** A real second tab on this origin, running test/support/tab.html with these attributes. */
export class Tab {
  private constructor(readonly id: number) {}

  static async open(attributes: Record<string, string>): Promise<Tab> {
    const query = new URLSearchParams(attributes).toString();
    const { tab } = (await executeServerCommand('tab-open', { path: `/test/support/tab.html?${query}` })) as { tab: number };
    return new Tab(tab);
  }

  /** A real tab on any page of this origin, e.g. `/demo/configure.html`. */
  static async openPath(path: string): Promise<Tab> {
    const { tab } = (await executeServerCommand('tab-open', { path })) as { tab: number };
    return new Tab(tab);
  }

  /** Runs `fn` in the tab; `fn` must be self-contained (it travels as source text). */
  async eval<T>(fn: (arg: any) => T | Promise<T>, arg?: unknown): Promise<T> {
    const result = (await executeServerCommand('tab-eval', { tab: this.id, fn: fn.toString(), arg })) as { value: T };
    return result.value;
  }

  answer(text: string): Promise<string> {
    return this.eval((t) => (window as any).answer(t), text);
  }

  status(): Promise<string> {
    return this.eval(() => (window as any).statusText());
  }

  events(): Promise<Array<{ type: string; detail: any }>> {
    return this.eval(() => (window as any).events);
  }

  reload(): Promise<unknown> {
    return executeServerCommand('tab-reload', { tab: this.id });
  }

  async offline(offline: boolean): Promise<boolean> {
    return ((await executeServerCommand('tab-offline', { tab: this.id, offline })) as { supported: boolean }).supported;
  }

  close(): Promise<unknown> {
    return executeServerCommand('tab-close', { tab: this.id });
  }

  static closeAll(): Promise<unknown> {
    return executeServerCommand('tab-close-all');
  }
}

/** Writes queue records with the raw API, as if left by earlier visits. */
export const putInQueue = async (records: QueuedAnswer[]): Promise<void> => {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    for (const record of records) tx.objectStore(STORE).put(record, record.answer.id);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
};

/** Puts `count` refused answers in the queue, as if left by earlier visits. */
export const fillQueueWithRefused = (count: number): Promise<void> =>
  putInQueue(Array.from({ length: count }, (_, i) => queuedRecord({ answer: `old ${i}` }, { attempts: 1, status: 400, setAside: true })));
