import { FeedbackPrompt } from './feedback-prompt.js';
import { nextTask } from './idle.js';

export const TAG = 'feedback-prompt';

/**
 * Registers the element once. Another copy of feedback-prompt already holding the name (a tag
 * manager firing twice, the classic script and the module on one page, another version) is fine:
 * that copy serves the page and this one stays silent. A different element under the name gets a
 * clear message instead of a crash.
 */
export const define = (): void => {
  const existing = customElements.get(TAG);
  if (!existing) customElements.define(TAG, FeedbackPrompt);
  else if (!isFeedbackPrompt(existing))
    console.error(`feedback-prompt: <${TAG}> is already defined by another script on this page; this copy is not registered.`);
};

/**
 * Ours, from any copy or version of the package: recognised by the delivery methods every version
 * has had (a class identity check would miss the other copy, which has a class of its own).
 */
const isFeedbackPrompt = (element: CustomElementConstructor): boolean => {
  const proto = element.prototype as Partial<FeedbackPrompt>;
  return (['flush', 'resend', 'failed'] as const).every((method) => typeof proto[method] === 'function');
};

/**
 * Registers in a task after this one. Evaluating the script and upgrading the page's prompts are
 * then two short tasks for the host page instead of one long one; `whenDefined` still works.
 */
export const defineSoon = (): void => void nextTask().then(define);
