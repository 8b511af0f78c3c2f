// Variant (c1): PushFeedback, from its Stencil "custom elements" build (plain ESM, no lazy
// loader), bundled into one file. Registers <feedback-button>, <feedback-modal> and <canvas-editor>.
import { defineCustomElement } from 'pushfeedback/dist/components/feedback-button.js';

defineCustomElement();
