import { en, type TextKey, type Translation } from './en.js';

type Loader = () => Promise<{ default: Translation }>;

/** Each language is its own chunk in the ES module build, fetched only by pages that use it. */
const loaders: Record<string, Loader> = {
  nl: () => import('./nl.js'),
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  it: () => import('./it.js'),
  pt: () => import('./pt.js'),
  pl: () => import('./pl.js'),
  ja: () => import('./ja.js'),
  ar: () => import('./ar.js'),
};

export const LANGUAGES = ['en', ...Object.keys(loaders)];
const RIGHT_TO_LEFT = new Set(['ar']);
const loaded = new Map<string, Translation>([['en', en]]);

/** The built-in language for a tag: exact, else its base (`nl-BE` → `nl`), else English. */
export const supported = (tag: string): string => {
  const lower = tag.toLowerCase();
  const base = lower.split('-')[0]!;
  return LANGUAGES.includes(lower) ? lower : LANGUAGES.includes(base) ? base : 'en';
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
