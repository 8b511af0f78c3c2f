import type { Answer } from './answer.js';
import { DeliveryQueue, type QueueReport, type QueuedAnswer } from './queue.js';
import { fallbackStore, idbStore } from './store.js';
import { originLock } from './leader.js';
import { fetchTransport } from './transport.js';
import { wakeOnConnectivity } from './wake.js';
import { whenIdle } from '../idle.js';

export type Listener = (report: QueueReport) => void;

/** What one prompt holds of the page's queue. */
export interface PageQueueHandle {
  queue: RunningQueue['queue'];
  /** Stores an answer (reports about it go to this handle's listener); resolves before any send. */
  enqueue(answer: Answer, endpoint: string): Promise<void>;
  /** This prompt left the page; the last one to leave stops the queue. */
  close(): void;
}

/** A running queue and how to stop what keeps it going (wake listeners). */
export interface RunningQueue {
  queue: Pick<DeliveryQueue, 'enqueue' | 'flush' | 'failed' | 'resend' | 'durable' | 'dispose'>;
  stop(): void;
}

/**
 * One queue per page, however many prompts it has: one timer, one set of wake listeners, one
 * storage warning. Each report goes to the prompt that took the answer, or, when that one has
 * left (or for answers from earlier visits), to the prompt on the page longest, so every event
 * fires exactly once. `start` builds the queue; tests give their own.
 */
export const pageQueues = (start: (route: Listener) => RunningQueue) => {
  let page: (RunningQueue & { listeners: Set<Listener>; owners: Map<string, Listener> }) | undefined;

  const route = (report: QueueReport): void => {
    if (!page) return;
    const owner = page.owners.get(report.id);
    const listener = owner && page.listeners.has(owner) ? owner : page.listeners.values().next().value;
    if (report.type !== 'failed' || !report.retrying) page.owners.delete(report.id);
    listener?.(report);
  };

  return (listener: Listener): PageQueueHandle => {
    const current = (page ??= { ...start(route), listeners: new Set(), owners: new Map() });
    const { queue } = current;
    current.listeners.add(listener);
    return {
      queue,
      async enqueue(answer, endpoint) {
        await queue.enqueue(answer, endpoint);
        // Recorded once stored: enqueue resolves before any send, so no report about it comes first.
        current.owners.set(answer.id, listener);
      },
      close() {
        current.listeners.delete(listener);
        if (current.listeners.size || page !== current) return;
        // The last prompt left the page: stop listening and scheduling, so nothing runs on unseen.
        current.stop();
        queue.dispose();
        page = undefined;
      },
    };
  };
};

/** The browser's queue: IndexedDB (else memory, said once), the origin lock, fetch, wake events. */
const browserQueue = (route: Listener): RunningQueue => {
  const store = fallbackStore<QueuedAnswer>(idbStore, (error) =>
    console.warn(
      'feedback-prompt: IndexedDB is unavailable here, so answers are held in memory and sent at once; a closed tab before sending loses them.',
      error,
    ),
  );
  const queue = new DeliveryQueue({ store, lock: originLock(), transport: fetchTransport(), report: route });
  const stop = wakeOnConnectivity(queue);
  let stopped = false;
  // Answers left from an earlier visit go out once the page has settled.
  whenIdle(() => stopped || void queue.flush(true));
  return {
    queue,
    stop: () => {
      stopped = true;
      stop();
    },
  };
};

/** The page's one queue, shared by its prompts. */
export const openPageQueue = pageQueues(browserQueue);
