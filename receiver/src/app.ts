// Builds the Fastify instance from a config and a store. Everything with a side effect (the clock,
// the mailer, fetch for webhooks, the store) comes in from outside, so tests can build it too.

import helmet from '@fastify/helmet';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { apiRoutes } from './api/index.js';
import { loadSessionSecret } from './auth/session-secret.js';
import { DEFAULT_THROTTLE, SignInThrottle, type ThrottlePolicy } from './auth/sign-in-throttle.js';
import type { Config } from './config.js';
import { installErrorHandling } from './errors.js';
import { inboxRoutes } from './inbox.js';
import { ingestRoutes } from './ingest/routes.js';
import type { Mailer } from './notify/mailer.js';
import { OutboxWorker } from './notify/outbox.js';
import { webhookPayload, type Fetch } from './notify/webhook.js';
import { SettingsService } from './settings.js';
import type { OutboxJob, Store, WireAnswer } from './store/store.js';

/** The inbox's policy (receiver/docs/api-extensions.md): nothing inline, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

export interface AppDependencies {
  config: Config;
  store: Store;
  now?: () => Date;
  mailer?: Mailer | null;
  fetch?: Fetch;
  logger?: FastifyServerOptions['logger'];
  signInThrottle?: ThrottlePolicy;
  inboxFolder?: string;
  outboxPollMs?: number;
}

export interface ReceiverApp {
  app: FastifyInstance;
  outbox: OutboxWorker;
  settings: SettingsService;
}

export async function buildApp(deps: AppDependencies): Promise<ReceiverApp> {
  const { config, store } = deps;
  const now = deps.now ?? (() => new Date());
  const mailer = deps.mailer ?? null;

  const app = Fastify({
    logger: deps.logger ?? false,
    // One proxy in front: its own address (hop 0) is trusted, so the client is the LAST X-Forwarded-For
    // entry, the one the proxy added. `true` would trust the first entry, which the client writes itself.
    trustProxy: config.trustProxy ? (_address: string, hop: number) => hop < 1 : false,
    // Access logs would hold every customer's address; warnings and errors are logged instead.
    logController: new LogController({ disableRequestLogging: true }),
    // Closing waits for requests in flight (an acknowledged answer is finished), idle keep-alives go.
    forceCloseConnections: 'idle',
    // "5" must not become 5: the wire format is checked as sent.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: true, allErrors: false } },
  });
  installErrorHandling(app);

  // While stopping, a reply to a request in flight closes its connection: otherwise an idle keep-alive
  // connection would hold the stop up until its timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    app.server.closeIdleConnections();
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // The widget on the shop's page reads our replies to POST /answers through CORS.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });

  const settings = new SettingsService(store, () => now().getTime());
  const outbox = new OutboxWorker({
    store,
    settings,
    log: app.log,
    now,
    fetch: deps.fetch ?? fetch,
    webhook: config.webhook && config.webhookSecret ? { url: config.webhook, secret: config.webhookSecret } : null,
    mailer,
    mailFrom: config.mailFrom,
    // Without a webhook or a mail server no new jobs appear: look rarely, for ones left from earlier runs.
    pollMs: deps.outboxPollMs ?? (config.webhook || mailer ? 1000 : 60_000),
  });

  const jobsFor = (answer: WireAnswer, receivedAt: string): Omit<OutboxJob, 'id' | 'attempts'>[] => {
    const jobs: Omit<OutboxJob, 'id' | 'attempts'>[] = [];
    if (config.webhook) jobs.push({ kind: 'webhook', payload: JSON.stringify(webhookPayload({ ...answer, receivedAt })) });
    // Whether it becomes an e-mail now, part of a digest or nothing is decided when it is delivered,
    // from the settings then: the ingest path reads no settings.
    if (mailer) jobs.push({ kind: 'email', payload: JSON.stringify({ answerId: answer.id }) });
    return jobs;
  };

  await app.register(ingestRoutes, { prefix: '/answers', config, store, now, jobsFor, afterStored: () => outbox.wake() });

  app.get('/healthz', async (_request, reply) => {
    const healthy = await store.healthy().catch(() => false);
    if (healthy) return { status: 'ok' };
    return reply.code(503).header('retry-after', '5').send({ status: 'unavailable', error: 'the store does not accept writes' });
  });

  await app.register(apiRoutes, {
    store,
    sessionSecret: await loadSessionSecret(store),
    throttle: new SignInThrottle(deps.signInThrottle ?? DEFAULT_THROTTLE, () => now().getTime()),
    settings,
    mailer,
    mailFrom: config.mailFrom,
    now,
  });
  await app.register(inboxRoutes, deps.inboxFolder ? { folder: deps.inboxFolder } : {});

  return { app, outbox, settings };
}
