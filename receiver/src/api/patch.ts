// The body of PATCH /api/answers/{id}, checked field by field so the 400 names what is wrong.

import { badRequest } from '../http-error.js';
import type { AnswerPatch, AnswerStatus } from '../store/store.js';
import { STATUSES } from './query.js';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
export const MAX_NOTE_LENGTH = 10_000;

const FIELDS = new Set(['status', 'read', 'tags', 'note']);

export function parsePatch(body: unknown): AnswerPatch {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('the body must be a JSON object with status, read, tags or note');
  }
  const input = body as Record<string, unknown>;
  for (const name of Object.keys(input)) {
    if (!FIELDS.has(name)) throw badRequest(`"${name}" cannot be changed; known fields: status, read, tags, note`);
  }
  const patch: AnswerPatch = {};
  if ('status' in input) {
    if (!STATUSES.includes(input.status as AnswerStatus)) throw badRequest(`"status" must be one of ${STATUSES.join(', ')}`);
    patch.status = input.status as AnswerStatus;
  }
  if ('read' in input) {
    if (typeof input.read !== 'boolean') throw badRequest('"read" must be true or false');
    patch.read = input.read;
  }
  if ('tags' in input) {
    const tags = input.tags;
    if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string')) throw badRequest('"tags" must be an array of strings');
    const cleaned = [...new Set((tags as string[]).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
    if (cleaned.length > MAX_TAGS) throw badRequest(`"tags" may hold at most ${MAX_TAGS} tags`);
    if (cleaned.some((tag) => tag.length > MAX_TAG_LENGTH)) throw badRequest(`"tags" must each be at most ${MAX_TAG_LENGTH} characters`);
    patch.tags = cleaned;
  }
  if ('note' in input) {
    if (typeof input.note !== 'string') throw badRequest('"note" must be a string');
    if (input.note.length > MAX_NOTE_LENGTH) throw badRequest(`"note" must be at most ${MAX_NOTE_LENGTH} characters`);
    patch.note = input.note;
  }
  if (Object.keys(patch).length === 0) throw badRequest('nothing to change: send status, read, tags or note');
  return patch;
}
