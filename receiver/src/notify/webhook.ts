// Webhooks signed as Standard Webhooks (standardwebhooks.com) do: headers webhook-id (the same on every
// retry, so the receiver can drop repeats), webhook-timestamp (seconds) and webhook-signature
// "v1,<base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`>", keyed with the base64-decoded part of the
// whsec_ secret.

import { createHmac } from 'node:crypto';
import type { StoredAnswer } from '../store/store.js';

export interface WebhookJobPayload {
  webhookId: string;
  body: string;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;

export function webhookPayload(answer: Omit<StoredAnswer, 'status' | 'read' | 'tags' | 'note' | 'replies'>): WebhookJobPayload {
  return {
    webhookId: `msg_${answer.id}`,
    body: JSON.stringify({ type: 'answer.created', timestamp: answer.receivedAt, data: answer }),
  };
}

export function signWebhook(secret: string, webhookId: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${webhookId}.${timestamp}.${body}`).digest('base64')}`;
}

export type Fetch = typeof fetch;

/** One delivery attempt; throws unless the endpoint answered 2xx within the timeout. */
export async function deliverWebhook(
  options: { url: string; secret: string; fetch: Fetch; now: () => Date; signal: AbortSignal },
  payload: WebhookJobPayload,
): Promise<void> {
  const timestamp = Math.floor(options.now().getTime() / 1000);
  const response = await options.fetch(options.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': payload.webhookId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook(options.secret, payload.webhookId, timestamp, payload.body),
    },
    body: payload.body,
    redirect: 'manual',
    signal: AbortSignal.any([options.signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
  });
  // Read the body so the connection can be reused; its content does not matter.
  await response.arrayBuffer().catch(() => undefined);
  if (response.status < 200 || response.status >= 300) throw new Error(`the webhook answered ${response.status}`);
}
