// The owner's choice of the inbox's language, kept in this browser.
const STORAGE_KEY = 'feedback-inbox.lang';

export const storedLanguage = (): string | null => {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

export const storeLanguage = (lang: string): void => {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
};
