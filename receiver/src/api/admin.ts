// Who is signed in, the week's overview, and the settings an owner changes without a restart.

import type { FastifyInstance } from 'fastify';
import { isEmailAddress } from '../config.js';
import { badRequest } from '../http-error.js';
import type { SettingsService } from '../settings.js';
import type { Settings, Store } from '../store/store.js';
import { isoParam } from './query.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

function parseSettingsPatch(body: unknown): Partial<Settings> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('the body must be a JSON object with notifyEmail, digest or retentionDays');
  }
  const input = body as Record<string, unknown>;
  const patch: Partial<Settings> = {};
  for (const [name, value] of Object.entries(input)) {
    if (name === 'notifyEmail') {
      if (value !== null && (typeof value !== 'string' || !isEmailAddress(value))) throw badRequest('"notifyEmail" must be null or an e-mail address');
      patch.notifyEmail = value as string | null;
    } else if (name === 'digest') {
      if (value !== 'off' && value !== 'daily') throw badRequest('"digest" must be "off" or "daily"');
      patch.digest = value;
    } else if (name === 'retentionDays') {
      if (value !== null && !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 36_500)) {
        throw badRequest('"retentionDays" must be null or a whole number of days from 1 to 36500');
      }
      patch.retentionDays = value as number | null;
    } else {
      throw badRequest(`"${name}" is not a setting; known: notifyEmail, digest, retentionDays`);
    }
  }
  if (Object.keys(patch).length === 0) throw badRequest('nothing to change: send notifyEmail, digest or retentionDays');
  return patch;
}

export async function adminRoutes(
  app: FastifyInstance,
  options: { store: Store; settings: SettingsService; smtp: boolean; now: () => Date },
) {
  app.get('/api/me', async (request) => {
    const principal = request.principal!;
    return { email: principal.kind === 'owner' ? principal.email : null, smtp: options.smtp };
  });

  app.get<{ Querystring: Record<string, unknown> }>('/api/overview', async (request) => {
    for (const name of Object.keys(request.query)) if (name !== 'since') throw badRequest(`unknown query parameter "${name}"; known: since`);
    const since = request.query.since;
    if (since !== undefined && typeof since !== 'string') throw badRequest('"since" must be given once');
    const from = since === undefined ? new Date(options.now().getTime() - WEEK_MS).toISOString() : isoParam('since', since);
    return options.store.overview(from);
  });

  app.get('/api/settings', async () => options.settings.get());

  app.patch('/api/settings', async (request) => options.settings.set(parseSettingsPatch(request.body)));
}
