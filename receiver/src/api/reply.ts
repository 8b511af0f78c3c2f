// POST /api/answers/{id}/reply: answer a customer who left an e-mail address. Through SMTP when it is
// configured (From: --mail-from or the notify address, Reply-To: the owner, so the customer's answer
// reaches a person), or recorded as sent through the inbox's mailto: link. Either way the reply is
// kept on the answer and the answer is marked handled. If SMTP fails, nothing is recorded (503).

import type { FastifyInstance } from 'fastify';
import { HttpError, badRequest } from '../http-error.js';
import type { Mailer } from '../notify/mailer.js';
import type { SettingsService } from '../settings.js';
import type { Reply, Store } from '../store/store.js';

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_REPLY_LENGTH = 20_000;

interface ReplyBody {
  subject?: unknown;
  body?: unknown;
  via?: unknown;
}

export async function replyRoute(
  app: FastifyInstance,
  options: { store: Store; mailer: Mailer | null; mailFrom: string | null; settings: SettingsService; now: () => Date },
) {
  const { store, mailer } = options;

  app.post<{ Params: { id: string }; Body: ReplyBody }>('/api/answers/:id/reply', async (request) => {
    const input = request.body;
    if (input === null || typeof input !== 'object' || Array.isArray(input)) throw badRequest('the body must be a JSON object with subject and body');
    const { subject, body } = input;
    const via = input.via ?? (mailer ? 'smtp' : 'mailto');
    if (typeof subject !== 'string' || subject.trim() === '' || subject.length > MAX_SUBJECT_LENGTH || /[\r\n]/.test(subject)) {
      throw badRequest(`"subject" must be one line of 1 to ${MAX_SUBJECT_LENGTH} characters`);
    }
    if (typeof body !== 'string' || body.trim() === '' || body.length > MAX_REPLY_LENGTH) {
      throw badRequest(`"body" must be a non-empty string of at most ${MAX_REPLY_LENGTH} characters`);
    }
    if (via !== 'smtp' && via !== 'mailto') throw badRequest('"via" must be "smtp" or "mailto"');
    if (via === 'smtp' && !mailer) throw badRequest('"via" cannot be "smtp": the receiver was started without --smtp');

    const answer = await store.get(request.params.id);
    if (!answer) throw new HttpError(404, 'no answer with this id');
    if (!answer.email) throw badRequest('this answer has no e-mail address to reply to');

    const principal = request.principal!;
    const by = principal.kind === 'owner' ? principal.email : `token:${principal.name}`;
    if (via === 'smtp') {
      const from = options.mailFrom ?? (await options.settings.get()).notifyEmail ?? (principal.kind === 'owner' ? principal.email : null);
      if (!from) throw badRequest('no From address: start the receiver with --mail-from or set a notify address');
      try {
        await mailer!.send({
          from,
          to: answer.email,
          ...(principal.kind === 'owner' ? { replyTo: principal.email } : {}),
          subject,
          text: body,
        });
      } catch (error) {
        request.log.error({ err: error }, 'a reply could not be sent through SMTP');
        throw new HttpError(503, 'the mail server did not take the reply: nothing was sent or recorded; try again', { 'retry-after': '30' });
      }
    }
    const reply: Reply = { by, at: options.now().toISOString(), via, subject, body };
    await store.addReply(answer.id, reply);
    const updated = await store.update(answer.id, { status: 'handled' });
    if (!updated) throw new HttpError(404, 'the answer was deleted meanwhile');
    return updated;
  });
}
