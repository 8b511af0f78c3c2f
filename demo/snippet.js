/**
 * The configurator's settings → attributes → the snippet a shop owner pastes.
 * Pure: no DOM, no globals; runs in the browser and in Node (unit tests).
 *
 * What each attribute is (its type, default, limits, allowed values) comes from the element's own
 * table, src/settings/attributes.ts, and the languages from src/i18n/, both through their npm build
 * (dist/npm/, made by npm run build): nothing of the element is restated here.
 */
import { ATTRIBUTES as TABLE } from '../dist/npm/settings/attributes.js';
import { LANGUAGES } from '../dist/npm/i18n/index.js';

export { LANGUAGES };

/** A setting's key in the configurator (and its form field's name): the attribute in camelCase. */
export const keyOf = (name) => name.replace(/-(.)/g, (_, c) => c.toUpperCase());

/**
 * Where the snippet says the files are: a placeholder the shop owner replaces with where they host
 * the files of dist/ (the classic script, and the language files beside it).
 */
export const FILES_PLACEHOLDER = 'https://YOUR-FILES-HOST/feedback-prompt/';

/** The receiver `npm start` runs beside the demo shop (demo/server.js): the preview's endpoint. */
const DEMO_ENDPOINT = 'http://localhost:8787/answers';

/** Settings that only apply with another: the delay with trigger="delay", the scroll share with trigger="scroll". */
const RELEVANT = {
  delay: (s) => s.trigger === 'delay',
  scroll: (s) => s.trigger === 'scroll',
};

/** Every attribute of the element, in the table's order. */
export const ATTRIBUTES = Object.freeze(TABLE.map((spec) => spec.name));

/** The configurator's starting values: the table's defaults; '' / false = "not set: use the element's". */
export const DEFAULTS = Object.freeze(
  Object.fromEntries(
    TABLE.map((spec) => [
      keyOf(spec.name),
      spec.name === 'endpoint' ? DEMO_ENDPOINT : spec.default ?? (spec.type === 'boolean' ? false : ''),
    ]),
  ),
);

const text = (v) => (v == null ? '' : String(v).trim());

/** A JSON object (for `texts`: of text values only), tidied to one line; '' when it is not one. */
const jsonObject = (textsOnly) => (v) => {
  try {
    const value = JSON.parse(text(v));
    const ok = value && typeof value === 'object' && !Array.isArray(value) &&
      (!textsOnly || Object.values(value).every((x) => typeof x === 'string'));
    return ok ? JSON.stringify(value) : '';
  } catch {
    return '';
  }
};

/** How a value of each type of the table is read: the tidy value, or null/'' when the element would refuse it. */
const READERS = {
  string: () => text,
  url: () => text,
  choice: (spec) => (v) => (spec.allowed.includes(text(v)) ? text(v) : ''),
  language: () => (v) => (LANGUAGES.includes(text(v)) ? text(v) : ''),
  list: () => (v) => text(v).split(',').map((t) => t.trim()).filter(Boolean).join(','),
  boolean: () => Boolean,
  number: (spec) => (v) => {
    const s = text(v);
    const n = s === '' ? NaN : Number(s);
    const ok = Number.isFinite(n) && n >= (spec.min ?? -Infinity) && n <= (spec.max ?? Infinity) && (!spec.integer || Number.isInteger(n));
    return ok ? n : null;
  },
  object: () => jsonObject(false),
  texts: () => jsonObject(true),
};

const FIELDS = TABLE.map((spec) => ({ spec, key: keyOf(spec.name), read: READERS[spec.type](spec) }));

/**
 * Settings with every value checked: unknown keys dropped, missing or invalid values replaced by the
 * default, text trimmed, topics tidied ("a, ,b" → "a,b"), JSON on one line, an empty endpoint
 * replaced by the demo's.
 */
export function normalise(settings = {}) {
  const out = { ...DEFAULTS };
  for (const { spec, key, read } of FIELDS) {
    if (!(key in settings)) continue;
    const value = read(settings[key]);
    if (spec.type === 'number') out[key] = value ?? DEFAULTS[key];
    else if (spec.type === 'boolean') out[key] = value;
    else out[key] = value || DEFAULTS[key];
  }
  return out;
}

/**
 * The attributes `<feedback-prompt>` needs for these settings, in the table's order: a list of
 * [attribute name, value], value `true` for a boolean attribute. Defaults, empty values and settings
 * that do not apply (delay without trigger="delay", …) are left out; `endpoint` is always there,
 * exactly as typed (relative or absolute).
 */
export function attributesFor(settings = {}) {
  const s = normalise(settings);
  const attrs = [];
  for (const { spec, key } of FIELDS) {
    if (RELEVANT[key] && !RELEVANT[key](s)) continue;
    const value = s[key];
    if (spec.type === 'boolean') {
      if (value) attrs.push([spec.name, true]);
    } else if (key === 'endpoint' || (value !== DEFAULTS[key] && value !== '')) {
      attrs.push([spec.name, String(value)]);
    }
  }
  return attrs;
}

/** The endpoint as an absolute URL resolved against `origin`, or `null` when it cannot be parsed. */
export function absoluteEndpoint(endpoint, origin) {
  try {
    return new URL(text(endpoint) || DEFAULTS.endpoint, withSlash(origin)).href;
  } catch {
    return null;
  }
}

/** A problem with the endpoint to show the shop owner, or '' when it is fine. */
export function endpointProblem(endpoint, origin) {
  const url = absoluteEndpoint(endpoint, origin);
  if (!url) return 'This is not a valid URL.';
  if (!/^https?:$/.test(new URL(url).protocol)) return 'The endpoint must be an http:// or https:// URL.';
  return '';
}

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes a value for a double-quoted HTML attribute (also safe in single quotes and text). */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function withSlash(origin) {
  const o = text(origin);
  return o.endsWith('/') ? o : `${o}/`;
}

/**
 * The origin the receiver must allow (CORS), as a sentence for the snippet's comment; '' for a
 * relative endpoint, which is on the shop's own origin.
 */
export function originNote(endpoint) {
  let url;
  try {
    url = new URL(text(endpoint));
  } catch {
    return '';
  }
  return `The receiver at ${url.origin} must allow your shop's origin (e.g. --allowed-origins https://your-shop.example).`;
}

/**
 * buildSnippet(settings, filesAt = FILES_PLACEHOLDER) → string
 *
 * The classic auto-mount script tag for these settings, ready to paste before `</body>` (or into a
 * tag manager's Custom HTML tag): a comment saying where the files go and which origin the receiver
 * must allow, then `src` at `filesAt`, `data-endpoint` as typed, one `data-*` attribute per
 * non-default setting in the table's order; values HTML-escaped, booleans bare (`data-rating`).
 */
export function buildSnippet(settings, filesAt = FILES_PLACEHOLDER) {
  const { endpoint } = normalise(settings);
  const note = [
    filesAt === FILES_PLACEHOLDER
      ? `Replace ${FILES_PLACEHOLDER} with where you host the files of feedback-prompt's dist/ folder (this script and the feedback-prompt-*.js language files beside it).`
      : '',
    originNote(endpoint),
  ].filter(Boolean);
  const lines = note.length ? [`<!-- feedback-prompt: ${note.join('\n     ')} -->`] : [];
  lines.push(`<script src="${escapeHtml(`${withSlash(filesAt)}feedback-prompt.iife.js`)}"`);
  for (const [name, value] of attributesFor(settings)) {
    lines.push(value === true ? `  data-${name}` : `  data-${name}="${escapeHtml(value)}"`);
  }
  return `${lines.join('\n')}></script>`;
}
