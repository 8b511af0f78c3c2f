import type { TextKey } from './i18n/index.js';

/** A loose check: the endpoint's owner validates for real; this only catches a slip of the finger. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What stops this answer from being sent, and the field to take the customer to; undefined if nothing. */
export const problemWith = (
  answer: string,
  email: string,
  maxLength: number,
): { error: TextKey; field: string } | undefined =>
  !answer.trim()
    ? { error: 'empty', field: 'textarea' }
    : answer.length > maxLength
      ? { error: 'tooLong', field: 'textarea' }
      : email && !EMAIL.test(email)
        ? { error: 'emailInvalid', field: 'input[name=email]' }
        : undefined;
