import { en, type TextKey, type Translation } from './en.js';
import { loaders } from './loaders.js';

export const LANGUAGES = ['en', ...Object.keys(loaders)];
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa']);
const loaded = new Map<string, Translation>([['en', en]]);

/**
 * The built-in language for a tag: its base language (`nl-BE` → `nl`, `no` → `nb`), Traditional
 * Chinese for `zh-Hant`, `zh-TW`, `zh-HK` and `zh-MO`, else English.
 */
export const supported = (tag: string): string => {
  const lower = tag.toLowerCase();
  if (/^zh-(hant|tw|hk|mo)(-|$)/.test(lower)) return 'zh-Hant';
  const base = lower.split('-')[0]!;
  // Norwegian: `no`, and Nynorsk, whose readers read Bokmål.
  const code = /^n[no]$/.test(base) ? 'nb' : base;
  return LANGUAGES.includes(code) ? code : 'en';
};

/** The language tag that applies to `el`: its own, the nearest ancestor's, the page's, the browser's. */
export const requestedLang = (el: Element, own?: string | null): string =>
  own ||
  el.parentElement?.closest('[lang]')?.getAttribute('lang') ||
  el.ownerDocument.documentElement.lang ||
  globalThis.navigator?.language ||
  'en';

export const isRightToLeft = (lang: string): boolean => RIGHT_TO_LEFT.has(lang);

/** The texts for a built-in language, already loaded; undefined while its chunk is on the way. */
export const translationFor = (lang: string): Translation | undefined => loaded.get(lang);

/** Loads a language's texts once; a failed load (offline, blocked) falls back to English. */
export const loadTranslation = async (lang: string): Promise<Translation> => {
  const cached = loaded.get(lang);
  if (cached) return cached;
  let texts = en;
  try {
    texts = { ...en, ...(await loaders[lang]!()).default };
  } catch {
    // Keep the English texts rather than leave the customer with no prompt at all.
  }
  loaded.set(lang, texts);
  return texts;
};

/** A text with the shop owner's override, `{n}` filled in. */
export const text = (
  texts: Translation,
  overrides: Partial<Record<TextKey, string>>,
  key: TextKey,
  n?: number,
): string => (overrides[key] ?? texts[key]).replace('{n}', String(n));

export type { Translation, TextKey };
