// Keyset paging: a page ends at (receivedAt, id) of its last answer and the next page starts strictly
// after it in the order "newest first, then id descending". The cursor is opaque to clients (base64url
// JSON) so the order or the key can change without changing the API.
import { StoreInputError } from './store.js';

export interface CursorKey {
  receivedAt: string;
  id: string;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.receivedAt, key.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    Number.isNaN(Date.parse(parsed[0]))
  ) {
    throw new StoreInputError('cursor', 'cursor is not one this server gave out');
  }
  return { receivedAt: new Date(parsed[0]).toISOString(), id: parsed[1] };
}
