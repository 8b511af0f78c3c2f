/**
 * Keeps a floating panel inside what the customer can see. A fixed panel is placed against the
 * layout viewport, which an on-screen keyboard (or a pinch zoom) does not shrink: the visual
 * viewport does. From its size and offset this sets, on the panel, how far up its bottom edge
 * goes (`--_bottom`) and how tall it may be (`--_max`), and marks it `kb` while the keyboard is
 * open; the CSS has fallbacks for browsers without visualViewport. It follows until the panel leaves the page. Call it once per panel.
 */
export const followViewport = (panel: HTMLElement): void => {
  const viewport = window.visualViewport;
  if (!viewport) return;
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
    panel.style.setProperty('--_bottom', `${hidden + gap}px`);
    panel.style.setProperty('--_max', `${viewport.height - gap - 16}px`);
    // While the keyboard is open the panel is compact (the CSS drops the intro), and the field being
    // typed in is brought back into sight above Send's row.
    panel.classList.toggle('kb', hidden > 0);
    if (hidden) (panel.getRootNode() as ShadowRoot).activeElement?.scrollIntoView({ block: 'nearest' });
  };
  update();
  viewport.addEventListener('resize', update);
  viewport.addEventListener('scroll', update);
};
