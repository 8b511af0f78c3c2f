/** Runs `fn` when the browser is idle (within `timeout` ms), so the host page's own start comes first. */
export const whenIdle = (fn: () => void, timeout = 5000): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout });
  else setTimeout(fn, Math.min(timeout, 1000));
};

/** Resolves once the browser is idle, or after `timeout` ms on a page that never is. */
export const idle = (timeout?: number): Promise<void> => new Promise((resolve) => whenIdle(resolve, timeout));

let channel: MessageChannel | undefined;
const waiting: Array<() => void> = [];

/** Resolves in a new task; unlike setTimeout, not slowed down in a background tab. */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    // One long-lived channel, each message releasing the oldest waiter.
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
