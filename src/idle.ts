/** Runs `fn` when the browser is idle (within 5 s), so the host page's own start comes first. */
export const whenIdle = (fn: () => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout: 5000 });
  else setTimeout(fn, 1000);
};
