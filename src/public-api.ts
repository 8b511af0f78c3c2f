export { FeedbackPrompt } from './feedback-prompt.js';
export type { Answer } from './delivery/answer.js';
export type { QueuedAnswer } from './delivery/queue.js';
export type { Translation, TextKey } from './i18n/index.js';
export type { FeedbackPromptEventMap } from './events.js';
