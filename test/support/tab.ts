// A page opened as a real extra tab by the tests: one prompt, configured from the query string,
// with a log of its events and a way to answer it like a customer.
import '../../src/index.js';
import type { FeedbackPrompt } from '../../src/feedback-prompt.js';
import { answer } from './customer.js';

const params = new URLSearchParams(location.search);
const warnings: string[] = [];
if (params.has('no-indexeddb')) {
  // As in a browser mode without IndexedDB: the global is simply not there.
  Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  params.delete('no-indexeddb');
}
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => (warnings.push(args.map(String).join(' ')), warn(...args));
const el = document.createElement('feedback-prompt') as FeedbackPrompt;
for (const [name, value] of params) el.setAttribute(name, value);
const events: Array<{ type: string; detail: unknown }> = [];
for (const type of ['feedback-submit', 'feedback-sent', 'feedback-failed']) {
  el.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
}
document.body.append(el);

Object.assign(window, {
  events,
  warnings,
  promptEl: el,
  answer: (text: string): Promise<string> => answer(el, text),
  statusText: () => el.shadowRoot?.querySelector('[role=status]')?.textContent?.trim() ?? '',
});
