// Checks a parsed request body against SPEC.md "The answer on the wire" (version 1).
// Returns null when the answer is valid, or a message that names the offending field, so a
// developer wiring up their own widget build can see at once what to fix.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The shape Date#toISOString produces, with an offset allowed too: a bare "2026-11-22" or
// "next tuesday" would parse with Date.parse but says nothing exact about when it was written.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The fields of a version 1 answer, in wire order; anything else a client sends is not stored. */
export const ANSWER_FIELDS = [
  'id', 'version', 'site', 'answer', 'email', 'rating', 'topic', 'lang', 'page', 'createdAt', 'context',
];

const isPlainObject = (value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value));

const isHttpUrl = (value) => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
};

const nullOr = (check) => (value) => value === null || check(value);
const isString = (value) => typeof value === 'string';

const RULES = [
  ['id', (v) => isString(v) && UUID.test(v), 'must be a UUID string'],
  ['version', (v) => v === 1, 'must be 1'],
  ['answer', (v) => isString(v) && v.trim() !== '', 'must be a non-empty string (not only whitespace)'],
  ['site', isString, 'must be a string'],
  ['email', nullOr(isString), 'must be null or a string'],
  ['rating', nullOr((v) => Number.isInteger(v) && v >= 1 && v <= 5), 'must be null or an integer from 1 to 5'],
  ['topic', nullOr(isString), 'must be null or a string'],
  ['lang', isString, 'must be a string'],
  ['page', (v) => isString(v) && isHttpUrl(v), 'must be an http(s) URL string'],
  ['createdAt', (v) => isString(v) && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date string'],
  ['context', isPlainObject, 'must be a JSON object'],
];

/** @returns {string | null} what is wrong with the body, or null when it is a valid answer */
export function validateAnswer(body) {
  if (!isPlainObject(body)) return 'body must be a JSON object';
  for (const [field, ok, rule] of RULES) {
    if (!(field in body)) return `"${field}" is missing`;
    if (!ok(body[field])) return `"${field}" ${rule}`;
  }
  return null;
}

/** The answer reduced to the known fields, so stray extras (tracking ids, cookies) are never stored. */
export const pickAnswer = (body) => Object.fromEntries(ANSWER_FIELDS.map((field) => [field, body[field]]));
