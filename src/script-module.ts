import { defineSoon } from './define.js';

export * from './public-api.js';

// <script type="module" src=".../feedback-prompt.js">: nothing on the page waits for the
// registration, so it gets a task of its own instead of lengthening the script's.
defineSoon();
