import { ATTRIBUTES, propertyOf, type AttributeSpec, type PropertyOf } from './attributes.js';
import { checkedList, choice, flag, httpUrl, jsonObject, numberIn, optionalUrl, text, textsObject } from '../options.js';
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
 * The element's settings, every one checked against the table in attributes.ts, by property name:
 * `endpoint` and `privacyUrl` absolute http(s) URLs (or undefined), `lang` the built-in language in use.
 */
export type Settings = { readonly [R in Row as PropertyOf<R>]: ValueOf<R> };

/**
 * Reads the element's attributes and properties into plain, valid settings: once per update.
 * Bad values warn once and fall back (see options.ts); an unusable endpoint is undefined, and the
 * element says so itself, louder.
 */
export const readSettings = (el: HTMLElement, values: Readonly<Record<string, unknown>> = el as never): Settings => {
  const out: Record<string, unknown> = {};
  for (const spec of ATTRIBUTES as readonly Row[]) {
    const property = propertyOf(spec);
    out[property] = readOne(el, spec, values[property]);
  }
  return out as Settings;
};

const readOne = (el: HTMLElement, spec: Row, value: unknown): unknown => {
  const { name } = spec;
  const fallback = (spec as AttributeSpec).default as never;
  switch (spec.type) {
    case 'url':
      return 'required' in spec ? httpUrl(value, document.baseURI) : optionalUrl(name, value, document.baseURI);
    case 'language':
      // The property first: Lit does not copy `el.lang = 'de'` back to the attribute.
      return supported(requestedLang(el, text(name, value) || el.getAttribute(name)));
    case 'choice':
      return choice(name, value, spec.allowed, fallback);
    case 'number':
      return numberIn(name, value, fallback, spec.min, 'max' in spec ? spec.max : Infinity, 'integer' in spec);
    case 'boolean':
      return flag(name, value);
    case 'list':
      return checkedList(name, value);
    case 'object':
      return jsonObject(name, value);
    case 'texts':
      return textsObject(name, value, Object.keys(translationFor('en')!) as TextKey[]);
    default:
      return text(name, value, fallback);
  }
};
