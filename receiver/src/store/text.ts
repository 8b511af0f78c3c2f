// PostgreSQL cannot store U+0000 in text or jsonb, and an answer must never be refused for it (the
// widget would retry it forever), so both dialects store U+FFFD in its place: the same answer reads
// back the same from either store.
import type { WireAnswer } from './store.js';

export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\u0000/g, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [withoutNul(key), withoutNul(inner)])) as T;
  }
  return value;
}

export function cleanAnswer(answer: WireAnswer): WireAnswer {
  return withoutNul({ ...answer, context: answer.context ?? {} });
}
