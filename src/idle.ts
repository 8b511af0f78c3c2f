/** Runs `fn` when the browser is idle (within `timeout` ms), so the host page's own start comes first. */
export const whenIdle = (fn: () => void, timeout = 5000): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout });
  else setTimeout(fn, Math.min(timeout, 1000));
};

/** Resolves once the browser is idle, or after `timeout` ms on a page that never is. */
export const idle = (timeout?: number): Promise<void> => new Promise((resolve) => whenIdle(resolve, timeout));

/** Resolves in a new task; unlike setTimeout, not slowed down in a background tab. */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (channel.port1.close(), resolve());
    channel.port2.postMessage(0);
  });
