/**
 * What only an open panel draws: the panel, its fields and the visual viewport following. The
 * ES module loads this as a file of its own (feedback-prompt.ts loadPanelView): a page whose
 * customer never reaches for the launcher never downloads it.
 */
export { renderPanel } from './panel.js';
export { renderFields } from './fields.js';
