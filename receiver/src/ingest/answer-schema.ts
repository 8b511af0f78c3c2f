// THE wire format of an answer (SPEC.md "The answer on the wire", version 1), as plain JSON Schema data:
// Fastify validates POST /answers with it, and the widget's end-to-end tests import it from
// dist/ingest/answer-schema.js to check what the widget sends. Each property's `description` is the rule
// in words: the 400 message is `"<field>" <description>`, so the rule and its message cannot drift apart.
// Checks JSON Schema cannot say (a real calendar date, a parsable URL, the size of `context`) are in
// checkAnswer() below, with the limits exported as data.

export const ANSWER_SCHEMA = {
  $id: 'feedback-prompt/answer/v1',
  type: 'object',
  required: ['id', 'version', 'site', 'answer', 'email', 'rating', 'topic', 'lang', 'page', 'createdAt', 'context'],
  // Anything else a client sends (tracking ids, cookies) is dropped before the handler sees the body.
  additionalProperties: false,
  properties: {
    id: {
      type: 'string',
      pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
      description: 'must be a UUID string',
    },
    version: { type: 'integer', const: 1, description: 'must be 1' },
    // "" is the widget's default (SPEC.md: `site` defaults to ""): a shop with one site need not name it.
    site: { type: 'string', maxLength: 200, description: 'must be a string of at most 200 characters' },
    answer: {
      type: 'string',
      // no length limit of its own: the shop sets max-length in the widget; the body limit bounds it
      pattern: '\\S',
      description: 'must be a non-empty string (not only whitespace)',
    },
    email: { type: ['string', 'null'], maxLength: 320, description: 'must be null or a string of at most 320 characters' },
    rating: { type: ['integer', 'null'], minimum: 1, maximum: 5, description: 'must be null or an integer from 1 to 5' },
    topic: { type: ['string', 'null'], maxLength: 200, description: 'must be null or a string of at most 200 characters' },
    lang: { type: 'string', minLength: 1, maxLength: 35, description: 'must be a language tag (a string of 1 to 35 characters)' },
    page: {
      type: 'string',
      pattern: '^https?://[^\\s?#]+$',
      maxLength: 2048,
      description: 'must be an http(s) URL without query string or fragment, at most 2048 characters',
    },
    createdAt: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
      description: 'must be an ISO 8601 date-time string, e.g. 2026-11-22T10:00:00.000Z',
    },
    context: { type: 'object', description: 'must be a JSON object' },
  },
} as const;

/** The fields of a version 1 answer, in wire order. */
export const ANSWER_FIELDS = ANSWER_SCHEMA.required;

/** What `context` may hold: enough for a cart id or a page's state, not a place to dump a whole page. */
export const CONTEXT_LIMITS = {
  /** levels of nested objects/arrays, `context` itself being level 1 */
  maxDepth: 5,
  /** keys of all objects inside `context`, counted together */
  maxKeys: 50,
  /** bytes of `JSON.stringify(context)` in UTF-8 */
  maxBytes: 8 * 1024,
} as const;

/** The largest request body accepted: the widget sends with fetch keepalive, whose budget is 64 KB. */
export const BODY_LIMIT_BYTES = 64 * 1024;

const rule = (field: keyof typeof ANSWER_SCHEMA.properties): string => `"${field}" ${ANSWER_SCHEMA.properties[field].description}`;

/** The 400 message for a schema error, from where Ajv says it is. */
export function schemaErrorMessage(error: { keyword: string; instancePath: string; params: Record<string, unknown> }): string {
  if (error.keyword === 'required') return `"${String(error.params.missingProperty)}" is missing`;
  const field = error.instancePath.split('/')[1];
  if (field === undefined || field === '') return 'the body must be a JSON object (the answer)';
  if (field in ANSWER_SCHEMA.properties) return rule(field as keyof typeof ANSWER_SCHEMA.properties);
  return `"${field}" is not valid`;
}

function measure(value: unknown, depth: number, counts: { keys: number; depth: number }): void {
  if (value === null || typeof value !== 'object') return;
  counts.depth = Math.max(counts.depth, depth);
  if (counts.depth > CONTEXT_LIMITS.maxDepth) return;
  if (Array.isArray(value)) {
    for (const item of value) measure(item, depth + 1, counts);
    return;
  }
  for (const [, item] of Object.entries(value)) {
    counts.keys += 1;
    measure(item, depth + 1, counts);
  }
}

/** What the schema cannot check; null when the (schema-valid) answer is fine, else the 400 message. */
export function checkAnswer(answer: { page: string; createdAt: string; context: Record<string, unknown> }): string | null {
  try {
    const url = new URL(answer.page);
    if (url.search !== '' || url.hash !== '') return rule('page');
  } catch {
    return rule('page');
  }
  if (Number.isNaN(Date.parse(answer.createdAt))) return rule('createdAt');
  const counts = { keys: 0, depth: 0 };
  measure(answer.context, 1, counts);
  if (counts.depth > CONTEXT_LIMITS.maxDepth) {
    return `"context" is nested too deep: at most ${CONTEXT_LIMITS.maxDepth} levels of objects and arrays`;
  }
  if (counts.keys > CONTEXT_LIMITS.maxKeys) {
    return `"context" has too many keys: at most ${CONTEXT_LIMITS.maxKeys} in all (it has ${counts.keys})`;
  }
  const bytes = Buffer.byteLength(JSON.stringify(answer.context));
  if (bytes > CONTEXT_LIMITS.maxBytes) {
    return `"context" is too large: at most ${CONTEXT_LIMITS.maxBytes} bytes as JSON (it has ${bytes})`;
  }
  return null;
}
