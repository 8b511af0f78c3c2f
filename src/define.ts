import { FeedbackPrompt } from './feedback-prompt.js';
import { nextTask } from './idle.js';

export const TAG = 'feedback-prompt';

/**
 * Registers the element once. A second copy of the script is harmless; a different element
 * already holding the name gets a clear message instead of a crash.
 */
export const define = (): void => {
  const existing = customElements.get(TAG);
  if (!existing) customElements.define(TAG, FeedbackPrompt);
  else if (existing !== (FeedbackPrompt as CustomElementConstructor))
    console.error(`feedback-prompt: <${TAG}> is already defined by another script on this page; this copy is not registered.`);
};

/**
 * Registers in a task after this one. Evaluating the script and upgrading the page's prompts are
 * then two short tasks for the host page instead of one long one; `whenDefined` still works.
 */
export const defineSoon = (): void => void nextTask().then(define);
