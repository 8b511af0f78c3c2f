import type { DeliveryQueue } from './queue.js';

/**
 * Wakes the queue when sending has a fresh chance (back online, tab shown again) and sends what
 * waits when the page goes away. Returns the function that stops listening.
 */
export const wakeOnConnectivity = (
  queue: Pick<DeliveryQueue, 'flush' | 'sendOnExit'>,
  win: Window = window,
): (() => void) => {
  const wake = () => void queue.flush(true);
  const visible = () => win.document.visibilityState === 'visible' && wake();
  const exit = () => queue.sendOnExit();
  win.addEventListener('online', wake);
  win.document.addEventListener('visibilitychange', visible);
  win.addEventListener('pagehide', exit);
  return () => {
    win.removeEventListener('online', wake);
    win.document.removeEventListener('visibilitychange', visible);
    win.removeEventListener('pagehide', exit);
  };
};
