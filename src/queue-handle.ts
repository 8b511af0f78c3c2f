import { DeliveryQueue, type QueueReport, type QueuedAnswer } from './delivery/queue.js';
import { fallbackStore, idbStore, type KeyValueStore } from './delivery/store.js';
import { originLock, type Lock } from './delivery/leader.js';
import { fetchTransport } from './delivery/transport.js';
import { wakeOnConnectivity } from './delivery/wake.js';
import { whenIdle } from './idle.js';

/** The one small interface between the element and delivery. */
export interface QueueHandle {
  queue: DeliveryQueue;
  close(): void;
}

let shared: { store: KeyValueStore<QueuedAnswer>; lock: Lock } | undefined;

/** One store and one lock per page, however many prompts it has: storage trouble is reported once. */
const parts = () =>
  (shared ??= {
    store: fallbackStore<QueuedAnswer>(idbStore, (error) =>
      console.warn(
        'feedback-prompt: IndexedDB is unavailable here, so answers are held in memory and sent at once; a closed tab before sending loses them.',
        error,
      ),
    ),
    lock: originLock(),
  });

export const openQueue = (report: (r: QueueReport) => void): QueueHandle => {
  const { store, lock } = parts();
  const queue = new DeliveryQueue({ store, lock, transport: fetchTransport(), report });
  const stop = wakeOnConnectivity(queue);
  let closed = false;
  // Answers left from an earlier visit go out once the page has settled.
  whenIdle(() => closed || void queue.flush(true));
  return {
    queue,
    close() {
      closed = true;
      stop();
      queue.dispose();
    },
  };
};
