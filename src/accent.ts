import { warn } from './settings/read.js';

/** The last button colour seen per prompt, so the pixel probe runs only when the accent changes. */
const seen = new WeakMap<HTMLElement, string>();

/**
 * Applies the `accent` attribute (an invalid colour warns and is ignored) and picks white or black
 * text for whatever colour the buttons end up with, so any accent, from the attribute or from
 * `--feedback-prompt-accent`, stays readable. The colour work (src/contrast.ts) is its own chunk,
 * loaded only on a page with its own accent; until it is here (or if it cannot load), the built-in
 * text colour stays.
 */
export const applyAccent = (root: HTMLElement, accent: string | undefined): void => {
  const valid = accent && CSS.supports('color', accent) ? accent : '';
  if (accent && !valid) warn('accent', accent, 'the theme colour');
  if (valid) root.style.setProperty('--_accent', valid);
  else root.style.removeProperty('--_accent');
  const host = (root.getRootNode() as ShadowRoot).host;
  if (!valid && !getComputedStyle(host).getPropertyValue('--feedback-prompt-accent').trim()) {
    // The built-in accents: the stylesheet already pairs each scheme's accent with its text colour.
    root.style.removeProperty('--_on-accent');
    seen.delete(root);
    return;
  }
  const button = root.querySelector<HTMLElement>('[part=launcher],[part=submit]');
  const color = button ? getComputedStyle(button).backgroundColor : '';
  if (!color || color === seen.get(root)) return;
  seen.set(root, color);
  import('./contrast.js').then(({ readableOn, toRgb }) => {
    const rgb = toRgb(color);
    if (rgb) root.style.setProperty('--_on-accent', readableOn(rgb));
  }, () => seen.delete(root));
};
