/** Attribute values → validated settings. A bad value warns once and falls back; nothing throws. */

const warned = new Set<string>();

const warn = (attribute: string, value: unknown, fallback: unknown): void => {
  const key = `${attribute}=${String(value)}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`feedback-prompt: ${attribute}="${String(value)}" is not valid; using ${JSON.stringify(fallback)}.`);
};

const absent = (value: unknown): boolean => value === undefined || value === null || value === '';

/** One of `allowed`, else `fallback` with a warning. */
export const choice = <T extends string>(attribute: string, value: unknown, allowed: readonly T[], fallback: T): T => {
  if (absent(value)) return fallback;
  if (allowed.includes(value as T)) return value as T;
  warn(attribute, value, fallback);
  return fallback;
};

/** A finite number within [min, max], else `fallback` with a warning. */
export const numberIn = (attribute: string, value: unknown, fallback: number, min: number, max = Infinity): number => {
  if (absent(value)) return fallback;
  // Number(' ') is 0: a blank attribute must not silently mean "never" or "at once".
  const n = typeof value === 'string' && !value.trim() ? NaN : Number(value);
  if (Number.isFinite(n) && n >= min && n <= max) return n;
  warn(attribute, value, fallback);
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
  warn(attribute, value, {});
  return {};
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

/** `"Products, Delivery ,,Other"` → `["Products", "Delivery", "Other"]`. */
export const list = (value: unknown): string[] =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];

export const POSITIONS = ['bottom-right', 'bottom-left', 'inline'] as const;
export const TRIGGERS = ['button', 'delay', 'scroll', 'exit', 'manual'] as const;
export type Position = (typeof POSITIONS)[number];
export type Trigger = (typeof TRIGGERS)[number];
