import type { Answer } from './delivery/answer.js';
import { DeliveryQueue, type QueueReport, type QueuedAnswer } from './delivery/queue.js';
import { fallbackStore, idbStore } from './delivery/store.js';
import { originLock } from './delivery/leader.js';
import { fetchTransport } from './delivery/transport.js';
import { wakeOnConnectivity } from './delivery/wake.js';
import { whenIdle } from './idle.js';

type Listener = (report: QueueReport) => void;

/** The one small interface between an element and delivery. */
export interface QueueHandle {
  queue: Pick<DeliveryQueue, 'flush' | 'failed' | 'resend' | 'durable'>;
  /** Queues an answer; its reports go to this handle's listener. */
  enqueue(answer: Answer, endpoint: string): Promise<void>;
  close(): void;
}

/**
 * One queue per page, however many prompts it has: one timer, one set of wake listeners, one
 * storage warning. Each report goes to the prompt that took the answer, or else to the prompt
 * that has been on the page longest, so every event fires exactly once.
 */
let page: { queue: DeliveryQueue; listeners: Set<Listener>; owners: Map<string, Listener>; stop: () => void } | undefined;

const route = (report: QueueReport): void => {
  if (!page) return;
  const owner = page.owners.get(report.id);
  const listener = owner && page.listeners.has(owner) ? owner : page.listeners.values().next().value;
  if (report.type !== 'failed' || !report.retrying) page.owners.delete(report.id);
  listener?.(report);
};

const openPageQueue = () => {
  const store = fallbackStore<QueuedAnswer>(idbStore, (error) =>
    console.warn(
      'feedback-prompt: IndexedDB is unavailable here, so answers are held in memory and sent at once; a closed tab before sending loses them.',
      error,
    ),
  );
  const queue = new DeliveryQueue({ store, lock: originLock(), transport: fetchTransport(), report: route });
  const current = { queue, listeners: new Set<Listener>(), owners: new Map<string, Listener>(), stop: wakeOnConnectivity(queue) };
  // Answers left from an earlier visit go out once the page has settled.
  whenIdle(() => page === current && void queue.flush(true));
  return current;
};

export const openQueue = (listener: Listener): QueueHandle => {
  const current = (page ??= openPageQueue());
  current.listeners.add(listener);
  return {
    queue: current.queue,
    async enqueue(answer, endpoint) {
      current.owners.set(answer.id, listener);
      try {
        await current.queue.enqueue(answer, endpoint);
      } catch (error) {
        current.owners.delete(answer.id);
        throw error;
      }
    },
    close() {
      current.listeners.delete(listener);
      if (current.listeners.size || page !== current) return;
      // The last prompt left the page: stop listening and scheduling, so nothing runs on unseen.
      current.stop();
      current.queue.dispose();
      page = undefined;
    },
  };
};
