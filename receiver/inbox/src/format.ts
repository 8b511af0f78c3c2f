// How what a customer sent is shown. Everything here returns plain text; the templates bind it as text.
import { uiLang } from '../i18n/index.js';

/** The page as a URL only when it is http(s): anything else (javascript:, data:, …) stays text. */
export function safePageUrl(page: string): URL | null {
  try {
    const url = new URL(page);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** host + path, short enough for a line of metadata. */
export const pageLabel = (page: string): string => {
  const url = safePageUrl(page);
  return shorten(url ? `${url.host}${url.pathname === '/' ? '' : url.pathname}${url.search}` : page, 70);
};

/** The context object, pretty-printed and capped: a page may send up to the ingest limit. */
export function contextText(context: unknown, cap = 3000): { text: string; truncated: boolean } {
  let text: string;
  try {
    text = JSON.stringify(context, null, 2) ?? '';
  } catch {
    text = '';
  }
  return text.length > cap ? { text: text.slice(0, cap), truncated: true } : { text, truncated: false };
}

export const contextSize = (context: unknown): number =>
  context && typeof context === 'object' ? Object.keys(context).length : 0;

export const fullDate = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(uiLang(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 hours ago", in the inbox's language. */
export function relativeDate(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Number.isNaN(seconds)) return iso;
  const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(uiLang(), { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

/** "Dutch" for `nl`, in the inbox's language; the tag itself when the browser does not know it. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(uiLang(), { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A language's own name (for the language switcher): "Nederlands". */
export function ownLanguageName(tag: string): string {
  try {
    return new Intl.DisplayNames(tag, { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The customer's words as an e-mail quote. */
export const quote = (text: string): string =>
  text
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

/** A mailto: link; every part encoded, so nothing in a customer's address can add headers. */
export const mailtoHref = (email: string, subject: string, body: string): string =>
  `mailto:${encodeURIComponent(email).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
