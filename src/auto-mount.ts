import { defineSoon, TAG } from './define.js';

/**
 * Classic-script entry: `<script src=".../feedback-prompt.iife.js" data-endpoint="…">` registers the
 * element (in a task of its own, see defineSoon) and, given `data-endpoint`, mounts one prompt with
 * every `data-*` copied as an attribute.
 */
defineSoon();

const script = document.currentScript as HTMLScriptElement | null;

const mount = (): void => {
  const el = document.createElement(TAG);
  for (const [key, value] of Object.entries(script!.dataset)) {
    el.setAttribute(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), value ?? '');
  }
  document.body.append(el);
};

/** Set on the page by the first copy: a tag manager that fires twice must not mount a second prompt. */
const MOUNTED = Symbol.for('feedback-prompt.auto-mounted');
const page = globalThis as { [MOUNTED]?: boolean };

if (script?.dataset['endpoint'] && !page[MOUNTED]) {
  page[MOUNTED] = true;
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}
