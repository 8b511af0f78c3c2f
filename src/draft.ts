import { safeLocalStorage } from './delivery/leader.js';

/** What the customer has typed so far; kept per origin so a reload or a stray click loses nothing. */
export interface Draft {
  answer: string;
  email?: string;
}

const KEY = 'feedback-prompt:draft';

export const loadDraft = (storage = safeLocalStorage()): Draft | undefined => {
  try {
    const draft = JSON.parse(storage?.getItem(KEY) ?? 'null');
    return draft && typeof draft.answer === 'string' ? draft : undefined;
  } catch {
    return undefined;
  }
};

/** Written only once the customer types: nothing lands on the device before they act. */
export const saveDraft = (draft: Draft, storage = safeLocalStorage()): void => {
  try {
    if (draft.answer || draft.email) storage?.setItem(KEY, JSON.stringify(draft));
    else storage?.removeItem(KEY);
  } catch {
    // Storage full or blocked: the draft then lives as long as the page, which is still something.
  }
};

export const clearDraft = (storage = safeLocalStorage()): void => {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing to clear where storage is blocked.
  }
};
