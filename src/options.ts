/**
 * Attribute and property values → validated settings. A value of the wrong type or out of range
 * warns once (naming the attribute and the value) and falls back; nothing here ever throws, so a
 * shop owner's slip never takes the widget away. The attributes themselves: src/settings/attributes.ts.
 */

const warned = new Set<string>();

/** The value as a shop owner would recognise it in their markup or script. */
const shown = (value: unknown): string => {
  try {
    return typeof value === 'object' && value ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
};

export const warn = (attribute: string, value: unknown, fallback: string): void => {
  const key = `${attribute}=${shown(value)}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`feedback-prompt: ${attribute}="${shown(value)}" is not valid; using ${fallback}.`);
};

const absent = (value: unknown): boolean => value === undefined || value === null || value === '';

/** Text, else `fallback` with a warning (a number or an object given as a property). */
export const text = (attribute: string, value: unknown, fallback = ''): string => {
  if (absent(value)) return fallback;
  if (typeof value === 'string') return value;
  warn(attribute, value, JSON.stringify(fallback));
  return fallback;
};

/** A boolean attribute: present or absent; as a property, true or false. Anything else is off, with a warning. */
export const flag = (attribute: string, value: unknown): boolean => {
  if (typeof value === 'boolean') return value;
  if (value !== undefined && value !== null) warn(attribute, value, 'off');
  return false;
};

/** One of `allowed`, else `fallback` with a warning. */
export const choice = <T extends string>(attribute: string, value: unknown, allowed: readonly T[], fallback: T): T => {
  if (absent(value)) return fallback;
  if (allowed.includes(value as T)) return value as T;
  warn(attribute, value, JSON.stringify(fallback));
  return fallback;
};

/** A finite number within [min, max] (an integer when asked), given as a number or as text, else `fallback` with a warning. */
export const numberIn = (attribute: string, value: unknown, fallback: number, min: number, max = Infinity, integer = false): number => {
  if (absent(value)) return fallback;
  // Number(' ') is 0: a blank attribute must not silently mean "never" or "at once"; Number(true) is 1.
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  if (Number.isFinite(n) && n >= min && n <= max) return integer ? Math.floor(n) : n;
  warn(attribute, value, JSON.stringify(fallback));
  return fallback;
};

/** A plain object given as a property or as JSON in the attribute, else `{}` with a warning. */
export const jsonObject = <T extends object>(attribute: string, value: unknown): Partial<T> => {
  if (absent(value)) return {};
  let parsed = value;
  try {
    if (typeof value === 'string') parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as T;
  warn(attribute, value, '{}');
  return {};
};

/**
 * An object of texts by key (`texts`), checked key by key: a key that is not one of `known`, or a
 * value that is not text, is left out with one warning for the whole value; the rest apply.
 */
export const textsObject = <K extends string>(attribute: string, value: unknown, known: readonly K[]): Partial<Record<K, string>> => {
  const given = jsonObject<Record<string, unknown>>(attribute, value);
  const out: Partial<Record<K, string>> = {};
  const bad: string[] = [];
  for (const [key, entry] of Object.entries(given)) {
    if (typeof entry === 'string' && known.includes(key as K)) out[key as K] = entry;
    else bad.push(key);
  }
  if (bad.length) warn(attribute, value, `the built-in text for ${bad.join(', ')}`);
  return out;
};

/** An absolute http(s) URL resolved against the page, or undefined (the caller decides how loud). */
export const httpUrl = (value: unknown, base: string): string | undefined => {
  if (absent(value) || typeof value !== 'string') return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

/** An optional link: an http(s) URL, else none, with a warning when something else was given. */
export const optionalUrl = (attribute: string, value: unknown, base: string): string | undefined => {
  const url = httpUrl(value, base);
  if (!url && !absent(value)) warn(attribute, value, 'none');
  return url;
};

/** `"Products, Delivery ,,Other"` → `["Products", "Delivery", "Other"]`. */
export const list = (value: unknown): string[] =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];

/** A comma-separated list, else none with a warning (an array given as a property). */
export const checkedList = (attribute: string, value: unknown): string[] => {
  if (!absent(value) && typeof value !== 'string') warn(attribute, value, 'none');
  return list(value);
};

export { POSITIONS, TRIGGERS, type Position, type Trigger } from './settings/attributes.js';
