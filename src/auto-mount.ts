import { define, TAG } from './define.js';

/**
 * Classic-script entry: `<script src=".../feedback-prompt.iife.js" data-endpoint="…">` registers the
 * element and, given `data-endpoint`, mounts one prompt with every `data-*` copied as an attribute.
 */
define();

const script = document.currentScript as HTMLScriptElement | null;

const mount = (): void => {
  const el = document.createElement(TAG);
  for (const [key, value] of Object.entries(script!.dataset)) {
    el.setAttribute(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), value ?? '');
  }
  document.body.append(el);
};

if (script?.dataset['endpoint']) {
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}
