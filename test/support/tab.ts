// A page opened as a real extra tab by the tests: one prompt, configured from the query string,
// with a log of its events and a way to answer it like a customer.
import '../../src/index.js';
import type { FeedbackPrompt } from '../../src/feedback-prompt.js';

const el = document.createElement('feedback-prompt') as FeedbackPrompt;
for (const [name, value] of new URLSearchParams(location.search)) el.setAttribute(name, value);
const events: Array<{ type: string; detail: unknown }> = [];
for (const type of ['feedback-submit', 'feedback-sent', 'feedback-failed']) {
  el.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
}
document.body.append(el);

Object.assign(window, {
  events,
  promptEl: el,
  async answer(text: string): Promise<string> {
    await el.updateComplete;
    el.open();
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
