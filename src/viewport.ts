/**
 * Keeps a floating panel inside what the customer can see. A fixed panel is placed against the
 * layout viewport, which an on-screen keyboard (or a pinch zoom) does not shrink: the visual
 * viewport does. From its size and offset this sets, on the panel, how far up its bottom edge
 * goes (`--_panel-bottom`) and how tall it may be (`--_panel-max`); the CSS has fallbacks for
 * browsers without visualViewport. It follows until the panel leaves the page.
 */
export const followViewport = (panel: HTMLElement): void => {
  const viewport = window.visualViewport;
  if (!viewport || followed.has(panel)) return;
  followed.add(panel);
  const update = (): void => {
    if (!panel.isConnected) {
      viewport.removeEventListener('resize', update);
      viewport.removeEventListener('scroll', update);
      return;
    }
    // The strip of the layout viewport below the visible part: the keyboard, when it is open.
    const hidden = Math.max(0, innerHeight - viewport.height - viewport.offsetTop);
    // With the keyboard open the panel sits just above it, over the launcher (the keyboard hides that anyway).
    const gap = hidden > 0 ? 8 : 76;
    panel.style.setProperty('--_panel-bottom', `${hidden + gap}px`);
    panel.style.setProperty('--_panel-max', `${viewport.height - gap - 16}px`);
  };
  update();
  viewport.addEventListener('resize', update);
  viewport.addEventListener('scroll', update);
};

/** Panels already followed: a panel is drawn anew on every open, and told once. */
const followed = new WeakSet<HTMLElement>();
