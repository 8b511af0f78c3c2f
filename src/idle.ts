/** Runs `fn` when the browser is idle (within `timeout` ms), so the host page's own start comes first. */
export const whenIdle = (fn: () => void, timeout = 5000): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout });
  else setTimeout(fn, Math.min(timeout, 1000));
};

/** Resolves once the browser is idle, or after `timeout` ms on a page that never is. */
export const idle = (timeout?: number): Promise<void> => new Promise((resolve) => whenIdle(resolve, timeout));

let channel: MessageChannel | undefined;
let waiting: Array<() => void> = [];

/**
 * Resolves in a new task; unlike setTimeout, not slowed down in a background tab. Everything that
 * asked in the same task resumes together in the next one (delivery's start and the trigger's, for
 * one), as one short task rather than a string of them with the host page's work in between.
 */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    // One long-lived channel; one message per batch of waiters.
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const batch = waiting;
        waiting = [];
        batch.forEach((wake) => wake());
      };
    }
    if (waiting.push(resolve) === 1) channel.port2.postMessage(0);
  });
