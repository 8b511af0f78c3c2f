/**
 * The configurator's settings → attributes → the snippet a shop owner pastes.
 * Pure: no DOM, no globals; runs in the browser and in Node (unit tests).
 */

/** The configurator's starting values. Empty string / false = "not set: use the element's default". */
export const DEFAULTS = Object.freeze({
  // The receiver `npm start` runs beside the demo shop (demo/server.js).
  endpoint: 'http://localhost:8787/answers',
  site: '',
  question: '',
  lang: '',
  position: 'bottom-right',
  trigger: 'button',
  delay: 30,
  scroll: 50,
  snoozeDays: 30,
  sample: 1,
  askEmail: false,
  rating: false,
  topics: '',
  privacyUrl: '',
  maxLength: 2000,
  accent: '',
});

export const LANGUAGES = Object.freeze(['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'pl', 'ja', 'ar']);
export const POSITIONS = Object.freeze(['bottom-right', 'bottom-left', 'inline']);
export const TRIGGERS = Object.freeze(['button', 'delay', 'scroll', 'exit', 'manual']);

const text = (v) => (v == null ? '' : String(v).trim());
const oneOf = (list) => (v) => (list.includes(text(v)) ? text(v) : '');
const number = (ok) => (v) => {
  const s = text(v);
  const n = s === '' ? NaN : Number(s);
  return Number.isFinite(n) && ok(n) ? n : null;
};
const topicList = (v) => text(v).split(',').map((t) => t.trim()).filter(Boolean).join(',');

/**
 * Every setting in attribute order: [settings key, attribute name, kind, read, relevant?].
 * kind: 'text' (omitted when empty), 'number' (omitted when invalid or equal to the default),
 * 'bool' (present or absent).
 */
const FIELDS = [
  ['endpoint', 'endpoint', 'text', text],
  ['site', 'site', 'text', text],
  ['question', 'question', 'text', text],
  ['lang', 'lang', 'text', oneOf(LANGUAGES)],
  ['position', 'position', 'text', oneOf(POSITIONS)],
  ['trigger', 'trigger', 'text', oneOf(TRIGGERS)],
  ['delay', 'delay', 'number', number((n) => n >= 0), (s) => s.trigger === 'delay'],
  ['scroll', 'scroll', 'number', number((n) => n >= 0 && n <= 100), (s) => s.trigger === 'scroll'],
  ['snoozeDays', 'snooze-days', 'number', number((n) => n >= 0)],
  ['sample', 'sample', 'number', number((n) => n >= 0 && n <= 1)],
  ['askEmail', 'ask-email', 'bool', Boolean],
  ['rating', 'rating', 'bool', Boolean],
  ['topics', 'topics', 'text', topicList],
  ['privacyUrl', 'privacy-url', 'text', text],
  ['maxLength', 'max-length', 'number', number((n) => Number.isInteger(n) && n >= 1)],
  ['accent', 'accent', 'text', text],
];

/** Every attribute the configurator can set, in snippet order. */
export const ATTRIBUTES = Object.freeze(FIELDS.map(([, name]) => name));

/**
 * Settings with every value checked: unknown keys dropped, missing or invalid values replaced by the
 * default, text trimmed, topics tidied ("a, ,b" → "a,b"), an empty endpoint replaced by the default one.
 */
export function normalise(settings = {}) {
  const out = { ...DEFAULTS };
  for (const [key, , kind, read] of FIELDS) {
    if (!(key in settings)) continue;
    const value = read(settings[key]);
    if (kind === 'number') out[key] = value ?? DEFAULTS[key];
    else if (kind === 'bool') out[key] = value;
    else out[key] = value || DEFAULTS[key];
  }
  return out;
}

/**
 * The attributes `<feedback-prompt>` needs for these settings, in a stable order: a list of
 * [attribute name, value], value `true` for a boolean attribute. Defaults, empty values and settings
 * that do not apply (delay without trigger="delay", …) are left out; `endpoint` is always there,
 * exactly as typed (relative or absolute).
 */
export function attributesFor(settings = {}) {
  const s = normalise(settings);
  const attrs = [];
  for (const [key, name, kind, , relevant] of FIELDS) {
    if (relevant && !relevant(s)) continue;
    const value = s[key];
    if (kind === 'bool') {
      if (value) attrs.push([name, true]);
    } else if (key === 'endpoint') {
      attrs.push([name, value]);
    } else if (value !== DEFAULTS[key] && value !== '') {
      attrs.push([name, String(value)]);
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
 * buildSnippet(settings, origin) → string
 *
 * The classic auto-mount script tag for these settings, ready to paste before `</body>`:
 * `src` and `data-endpoint` are absolute URLs on `origin` (e.g. "https://feedback.example"), then one
 * `data-*` attribute per non-default setting, in the order of the configurator; values HTML-escaped,
 * boolean settings as bare attributes (`data-rating`). One attribute per line.
 */
export function buildSnippet(settings, origin) {
  const base = withSlash(origin);
  const lines = [`<script src="${escapeHtml(new URL('dist/feedback-prompt.iife.js', base).href)}"`];
  for (const [name, value] of attributesFor(settings)) {
    if (value === true) {
      lines.push(`  data-${name}`);
    } else {
      const v = name === 'endpoint' ? absoluteEndpoint(value, base) ?? value : value;
      lines.push(`  data-${name}="${escapeHtml(v)}"`);
    }
  }
  return `${lines.join('\n')}></script>`;
}
