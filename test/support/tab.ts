// A page opened as a real extra tab by the tests: one prompt, configured from the query string,
// with a log of its events and a way to answer it like a customer.
import '../../src/index.js';
import type { FeedbackPrompt } from '../../src/feedback-prompt.js';

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
  async answer(text: string): Promise<string> {
    await el.updateComplete;
    el.open();
    await el.updateComplete;
    // After a thank-you, ask for a fresh form, as a customer with more to say would.
    el.shadowRoot!.querySelector<HTMLButtonElement>('.secondary')?.click();
    await el.updateComplete;
    const submitted = new Promise<string>((resolve) =>
      el.addEventListener('feedback-submit', (e) => resolve((e as CustomEvent).detail.id), { once: true }),
    );
    const field = el.shadowRoot!.querySelector('textarea')!;
    field.value = text;
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    return submitted;
  },
  statusText: () => el.shadowRoot?.querySelector('[role=status]')?.textContent?.trim() ?? '',
});
