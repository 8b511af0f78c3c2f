/** Runs `fn` when the browser is idle (within 5 s), so the host page's own start comes first. */
export const whenIdle = (fn: () => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout: 5000 });
  else setTimeout(fn, 1000);
};

/** Resolves in a new task; unlike setTimeout, not slowed down in a background tab. */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (channel.port1.close(), resolve());
    channel.port2.postMessage(0);
  });
