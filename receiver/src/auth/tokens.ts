// API tokens: 32 random bytes shown once; the store keeps only their SHA-256, which is enough for a
// secret this long (no salt or slow hash needed: it cannot be guessed from a dictionary).

import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'fpr_';

export function newToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
