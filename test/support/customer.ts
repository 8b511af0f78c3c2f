// What a customer does with the widget, and what the widget stores: one copy for every test,
// including test/support/tab.ts, which runs in a real extra tab (so nothing here talks to the runner).
import type { FeedbackPrompt } from '../../src/feedback-prompt.js';
import type { Answer } from '../../src/delivery/answer.js';
import type { QueuedAnswer } from '../../src/delivery/queue.js';

export const part = <T extends HTMLElement = HTMLElement>(el: Element, name: string): T | null =>
  el.shadowRoot!.querySelector<T>(`[part~=${name}]`);

/** Types like a person: sets the value and fires `input`, as the browser does per keystroke. */
export const type = (field: HTMLTextAreaElement | HTMLInputElement, value: string): void => {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};

/**
 * Opens the panel (asking for a fresh form after a thank-you, as a customer with more to say
 * would), types `text` into the answer field and lets the form render; `fill` may then pick a
 * rating, a topic, an e-mail address.
 */
export const fillIn = async (el: FeedbackPrompt, text: string, fill: (root: ShadowRoot) => void = () => {}): Promise<void> => {
  await el.updateComplete;
  el.open();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('.secondary')?.click();
  await el.updateComplete;
  type(part<HTMLTextAreaElement>(el, 'textarea')!, text);
  fill(el.shadowRoot!);
  await el.updateComplete;
};

/** Presses Send; resolves with the queued answer's id once `feedback-submit` fires. */
export const pressSend = (el: FeedbackPrompt): Promise<string> => {
  const submitted = new Promise<string>((resolve) =>
    el.addEventListener('feedback-submit', (e) => resolve((e as CustomEvent<Answer>).detail.id), { once: true }),
  );
  part(el, 'submit')!.click();
  return submitted;
};

/** Answers as a customer would: opens, types, presses Send; resolves with the queued answer's id. */
export const answer = async (el: FeedbackPrompt, text: string, fill?: (root: ShadowRoot) => void): Promise<string> => {
  await fillIn(el, text, fill);
  return pressSend(el);
};

/** An answer as it goes on the wire (docs/widget-contract.md), with any field replaced. */
export const wireRecord = (fields: Partial<Answer> = {}): Answer => ({
  id: crypto.randomUUID(),
  version: 1,
  site: '',
  answer: 'An answer',
  email: null,
  rating: null,
  topic: null,
  lang: 'en',
  page: location.origin + location.pathname,
  createdAt: new Date().toISOString(),
  context: {},
  ...fields,
});

/** The queue's record of an answer, as IndexedDB holds it. */
export const queuedRecord = (fields: Partial<Answer> = {}, record: Partial<Omit<QueuedAnswer, 'answer'>> = {}): QueuedAnswer => ({
  answer: wireRecord(fields),
  endpoint: 'http://127.0.0.1:9/answers',
  attempts: 0,
  nextAttemptAt: 0,
  ...record,
});
