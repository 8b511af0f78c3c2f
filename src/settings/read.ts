/**
 * Attribute and property values → plain, valid settings, read once per update from the table in
 * attributes.ts. A value of the wrong type or out of range warns once (naming the attribute and the
 * value) and falls back; nothing here throws, so a shop owner's slip never takes the widget away.
 * An unusable endpoint is undefined without a warning: the element says so itself, louder.
 */
import { ATTRIBUTES, propertyOf, type AttributeSpec, type PropertyOf } from './attributes.js';
import { requestedLang, supported, translationFor, type TextKey } from '../i18n/index.js';

type Row = (typeof ATTRIBUTES)[number];
type ValueOf<R extends Row> = R extends { allowed: readonly (infer A)[] }
  ? A
  : R['type'] extends 'boolean'
    ? boolean
    : R['type'] extends 'number'
      ? number
      : R['type'] extends 'list'
        ? string[]
        : R['type'] extends 'object'
          ? Record<string, unknown>
          : R['type'] extends 'texts'
            ? Partial<Record<TextKey, string>>
            : R['type'] extends 'url'
              ? string | undefined
              : string;

/**
 * The element's settings, every one checked, by property name: `endpoint` and `privacyUrl` absolute
 * http(s) URLs (or undefined), `lang` the built-in language in use.
 */
export type Settings = { readonly [R in Row as PropertyOf<R>]: ValueOf<R> };

const warned = new Set<string>();

/** The value as a shop owner would recognise it in their markup or script. */
const shown = (value: unknown): string => {
  try {
    return typeof value === 'object' && value ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
};

/** One console.warn per attribute and value, however often the value is read. */
export const warn = (attribute: string, value: unknown, instead: string): void => {
  const key = `${attribute}="${shown(value)}"`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`feedback-prompt: ${key} is not valid; using ${instead}.`);
};

/** An absolute http(s) URL resolved against the page, or undefined. */
export const httpUrl = (value: unknown, base = document.baseURI): string | undefined => {
  try {
    const url = new URL(value as string, base);
    return typeof value === 'string' && value && /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
};

/** A plain object, given as one or as JSON text; undefined otherwise. */
const object = (value: unknown): Record<string, unknown> | undefined => {
  try {
    const parsed = typeof value === 'string' ? JSON.parse(value) : value;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

/**
 * One attribute's value (from the attribute or the property), checked against its row of the table.
 * `texts` is checked key by key: a key that is not a text of the English file, or a value that is not
 * text, is left out with one warning; the rest apply. `el` resolves `lang` (ancestors, page, browser).
 */
export const readValue = (spec: AttributeSpec, value: unknown, el?: HTMLElement): unknown => {
  const { name, type } = spec;
  const fallback = spec.default ?? (type === 'list' ? [] : type === 'object' || type === 'texts' ? {} : type === 'string' ? '' : undefined);
  let read: unknown;
  if (value === undefined || value === null || value === '') read = fallback;
  else if (type === 'boolean' || type === 'string' || type === 'language') read = typeof value === (type === 'boolean' ? 'boolean' : 'string') ? value : undefined;
  else if (type === 'choice') read = spec.allowed!.includes(value as string) ? value : undefined;
  else if (type === 'url') read = httpUrl(value);
  else if (type === 'list') read = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  else if (type === 'number') {
    // Number(' ') is 0 and Number(true) is 1: neither may quietly mean "at once" or "one".
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
    read = Number.isFinite(n) && n >= spec.min! && n <= (spec.max ?? Infinity) ? (spec.integer ? Math.floor(n) : n) : undefined;
  } else {
    read = object(value);
    if (read && type === 'texts') {
      const known = translationFor('en')!;
      const texts = Object.entries(read).filter(([key, text]) => Object.hasOwn(known, key) && typeof text === 'string');
      if (texts.length < Object.keys(read).length) warn(name, value, 'the built-in text where a value is not text or the key is unknown');
      read = Object.fromEntries(texts);
    }
  }
  if (read === undefined && value !== undefined && value !== null && value !== '') {
    if (!spec.required) warn(name, value, fallback === undefined ? 'none' : JSON.stringify(fallback));
    read = fallback;
  }
  // The property first: Lit does not copy `el.lang = 'de'` back to the attribute.
  return type === 'language' ? supported(requestedLang(el!, (read as string) || el!.getAttribute(name))) : read;
};

/** Reads the element's attributes and properties into plain, valid settings: once per update. */
export const readSettings = (el: HTMLElement, values: Readonly<Record<string, unknown>> = el as never): Settings => {
  const out: Record<string, unknown> = {};
  for (const spec of ATTRIBUTES as readonly AttributeSpec[]) {
    const property = propertyOf(spec);
    out[property] = readValue(spec, values[property], el);
  }
  return out as Settings;
};
