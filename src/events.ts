import type { Answer } from './delivery/answer.js';

/** The events `<feedback-prompt>` fires; all bubble and cross shadow roots. */
export interface FeedbackPromptEventMap {
  'feedback-open': CustomEvent<undefined>;
  'feedback-close': CustomEvent<undefined>;
  'feedback-submit': CustomEvent<Answer>;
  'feedback-sent': CustomEvent<{ id: string }>;
  'feedback-failed': CustomEvent<{ id: string; status: number; retrying: boolean }>;
  'feedback-expired': CustomEvent<{ id: string }>;
}

declare global {
  // Lets `addEventListener('feedback-sent', e => e.detail.id)` type-check anywhere in the page.
  interface HTMLElementEventMap extends FeedbackPromptEventMap {}
}
