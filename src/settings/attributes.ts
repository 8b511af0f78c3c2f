/**
 * The element's attributes: the one table the element, the README's attribute table (checked by
 * test/node/attribute-table.test.js), custom-elements.json and the demo's configurator follow.
 * Pure data: no DOM, no Lit, so Node can import its build (dist/npm/settings/attributes.js).
 *
 * `ATTRIBUTES` is what the element needs at run time; `ABOUT` holds each attribute's documentation
 * beside it, keyed by the same names (the types make a missing or extra entry a compile error).
 * Kept apart so that the script bundles, which never import `ABOUT`, do not carry English prose.
 */

/** How a value is read; see src/settings/read.ts. */
export type AttributeType =
  /** any text */
  | 'string'
  /** present or absent (as a property: true or false) */
  | 'boolean'
  /** a finite number within `min`..`max` (an integer when `integer`), as a number or numeric text */
  | 'number'
  /** one of `allowed` */
  | 'choice'
  /** an http(s) URL, relative ones resolved against the page */
  | 'url'
  /** a language tag (`nl`, `nl-BE`); an unsupported one uses the nearest built-in language */
  | 'language'
  /** comma-separated choices */
  | 'list'
  /** a JSON object (as a property: a plain object) */
  | 'object'
  /** a JSON object whose values are all text (as a property: a plain object) */
  | 'texts';

export interface AttributeSpec {
  /** The attribute's name, as a shop owner writes it. */
  readonly name: string;
  /** The property that mirrors it, when not the name in camelCase (see `propertyOf`). */
  readonly property?: string;
  readonly type: AttributeType;
  /** The value used when the attribute is absent or invalid; none when it has no fixed one (see `ABOUT`). */
  readonly default?: string | number | boolean;
  readonly allowed?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** Required: without a usable value the element shows nothing (and says so once). */
  readonly required?: boolean;
}

type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;
/** The property of an attribute of the table, as TypeScript sees it. */
export type PropertyOf<R extends AttributeSpec> = R extends { property: infer P extends string } ? P : Camel<R['name']>;

/** The property that mirrors an attribute: `snooze-days` → `snoozeDays`, unless the table names another. */
export const propertyOf = (spec: AttributeSpec): string =>
  spec.property ?? spec.name.replace(/-(.)/g, (_, c: string) => c.toUpperCase());

export const POSITIONS = ['bottom-right', 'bottom-left', 'inline'] as const;
export const TRIGGERS = ['button', 'delay', 'scroll', 'exit', 'manual'] as const;
export type Position = (typeof POSITIONS)[number];
export type Trigger = (typeof TRIGGERS)[number];

/** In the order the README and the configurator list them. */
export const ATTRIBUTES = [
  { name: 'endpoint', type: 'url', required: true },
  { name: 'site', type: 'string', default: '' },
  { name: 'question', type: 'string' },
  { name: 'lang', type: 'language' },
  { name: 'position', type: 'choice', default: 'bottom-right', allowed: POSITIONS },
  { name: 'trigger', type: 'choice', default: 'button', allowed: TRIGGERS },
  { name: 'delay', type: 'number', default: 30, min: 0 },
  // The property has its own name so it does not hide the DOM's scroll() method.
  { name: 'scroll', property: 'scrollPercent', type: 'number', default: 50, min: 0, max: 100 },
  { name: 'snooze-days', type: 'number', default: 30, min: 0 },
  { name: 'sample', type: 'number', default: 1, min: 0, max: 1 },
  { name: 'ask-email', type: 'boolean', default: false },
  { name: 'rating', type: 'boolean', default: false },
  { name: 'topics', type: 'list' },
  { name: 'privacy-url', type: 'url' },
  { name: 'max-length', type: 'number', default: 2000, min: 1, integer: true },
  { name: 'accent', type: 'string' },
  { name: 'context', type: 'object' },
  { name: 'texts', type: 'texts' },
] as const satisfies readonly AttributeSpec[];

export type AttributeName = (typeof ATTRIBUTES)[number]['name'];

/** The points of the 1–5 rating scale (their labels are the translation's `ratings`). */
export const RATING_SCALE = 5;

/** Documentation for each attribute: the README's columns. `shownDefault` where there is no `default` or it needs words. */
export const ABOUT: Readonly<Record<AttributeName, { meaning: string; shownDefault?: string }>> = {
  endpoint: {
    meaning: 'URL answers are POSTed to; relative URLs resolve against the page. Missing or not http(s): one `console.error`, nothing shown, nothing kept.',
    shownDefault: '— (required)',
  },
  site: { meaning: "your shop's identifier, sent with every answer", shownDefault: '`""`' },
  question: { meaning: 'the heading', shownDefault: '"What could we do for you?" (localised)' },
  lang: {
    meaning: 'the language of the texts: one of [`src/i18n/`](src/i18n/) (right-to-left ones mirrored); a tag like `nl-BE` uses `nl`',
    shownDefault: 'nearest `lang` ancestor, `<html lang>`, browser language, `en`',
  },
  position: {
    meaning: '`bottom-right`, `bottom-left` (launcher + panel) or `inline` (the form in place). Right-to-left languages start on the left.',
  },
  trigger: {
    meaning: '`button`, `delay`, `scroll`, `exit` (pointer leaves toward the top, mouse only), `manual` (only `open()`)',
  },
  delay: { meaning: 'seconds before `trigger="delay"` opens the panel' },
  scroll: { meaning: 'percent of the page scrolled before `trigger="scroll"` opens the panel (property `scrollPercent`)' },
  'snooze-days': { meaning: 'after an answer or a dismiss, automatic triggers stay quiet this many days (the launcher stays)' },
  sample: { meaning: 'fraction of page views (0 to 1) on which automatic triggers may fire' },
  'ask-email': { meaning: 'optional e-mail field ("only so we can get back to you")', shownDefault: 'off' },
  rating: { meaning: 'optional 1–5 scale', shownDefault: 'off' },
  topics: { meaning: 'comma-separated choices, one may be picked', shownDefault: 'none' },
  'privacy-url': { meaning: 'link under the form: what happens with the answer', shownDefault: 'none' },
  'max-length': { meaning: 'characters allowed; near the limit, a counter shows how many are left' },
  accent: {
    meaning: 'any CSS colour for buttons and focus ring; the text on it turns white or black, whichever reads better',
    shownDefault: 'theme colour',
  },
  context: {
    meaning: 'JSON (or, as a property, an object) sent with every answer, e.g. `{"pageType":"cart"}`',
    shownDefault: '`{}`',
  },
  texts: {
    meaning: 'JSON overriding any text by key, e.g. `{"send":"Tell us","launcher":"Ideas?"}`; keys are those of [`src/i18n/en.ts`](src/i18n/en.ts); a value that is not text is ignored with a warning',
    shownDefault: 'built in',
  },
};

/** The default as the README shows it. */
export const shownDefault = (spec: AttributeSpec): string =>
  ABOUT[spec.name as AttributeName]?.shownDefault ?? `\`${String(spec.default)}\``;
