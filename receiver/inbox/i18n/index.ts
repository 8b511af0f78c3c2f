import { en, type Key, type Translation } from './en.js';

type Loader = () => Promise<{ default: Translation }>;

/** As in the widget (src/i18n/): one file per language, keys → strings; each non-English one a chunk. */
const loaders: Record<string, Loader> = {
  nl: () => import('./nl.js'),
};

export const LANGUAGES = ['en', ...Object.keys(loaders)];
const loaded = new Map<string, Translation>([['en', en]]);
let current: Translation = en;
let currentLang = 'en';

/** The built-in language for a tag: exact, else its base (`nl-BE` → `nl`), else undefined. */
export const supported = (tag: string | null | undefined): string | undefined => {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  const base = lower.split('-')[0]!;
  return LANGUAGES.includes(lower) ? lower : LANGUAGES.includes(base) ? base : undefined;
};

/** The owner's choice first, then the browser's languages in order, then English. */
export const chooseLanguage = (chosen: string | null, preferred: readonly string[]): string =>
  supported(chosen) ?? preferred.map(supported).find(Boolean) ?? 'en';

/** A language's texts, loaded once; a failed load (offline, blocked) falls back to English. */
export const translationFor = async (lang: string): Promise<Translation> => {
  const cached = loaded.get(lang);
  if (cached) return cached;
  let texts = en;
  try {
    texts = { ...en, ...(await loaders[lang]!()).default };
  } catch {
    // English rather than no inbox at all.
  }
  loaded.set(lang, texts);
  return texts;
};

/** Makes `lang` the inbox's language. */
export const useLanguage = async (lang: string): Promise<void> => {
  current = await translationFor(lang);
  currentLang = lang;
};

export const uiLang = (): string => currentLang;

type Vars = Record<string, string | number>;

const fill = (template: string, vars: Vars | undefined, lang: string): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars?.[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(lang) : value;
  });

/** A text of the inbox's language, `{name}` placeholders filled in. */
export const t = (key: Key, vars?: Vars): string => fill(current[key], vars, currentLang);

/** A text from a given translation (the reply template is written in the customer's language). */
export const tIn = (texts: Translation, lang: string, key: Key, vars?: Vars): string => fill(texts[key], vars, lang);

type BaseOf<K> = K extends `${infer B}_other` ? B : never;
type PluralBase = BaseOf<Key>;

/** A counted text: `{base}_one` or `{base}_other` by the language's plural rules, `{n}` filled in. */
export const tn = (base: PluralBase, n: number, vars?: Vars): string => {
  const category = new Intl.PluralRules(currentLang).select(n);
  const key = (category === 'one' ? `${base}_one` : `${base}_other`) as Key;
  return t(key in current ? key : (`${base}_other` as Key), { ...vars, n });
};

export type { Key, Translation };
