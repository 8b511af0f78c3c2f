import { readLocal, writeLocal } from './local-storage.js';

/** What the customer has typed so far; kept per origin so a reload or a stray click loses nothing. */
export interface Draft {
  answer: string;
  email?: string;
}

const KEY = 'feedback-prompt:draft';

export const loadDraft = (storage?: Storage): Draft | undefined => {
  try {
    const draft = JSON.parse(readLocal(KEY, storage) ?? 'null');
    return draft && typeof draft.answer === 'string' ? draft : undefined;
  } catch {
    return undefined;
  }
};

/** Written only once the customer types: nothing lands on the device before they act. */
export const saveDraft = (draft: Draft, storage?: Storage): void =>
  writeLocal(KEY, draft.answer || draft.email ? JSON.stringify(draft) : null, storage);

export const clearDraft = (storage?: Storage): void => writeLocal(KEY, null, storage);
