// The receiver as a library: start it, add an inbox account, add an API token. The CLI (cli.ts) is a
// thin layer over these three; tests start receivers through startReceiver too.

import type { AddressInfo } from 'node:net';
import type { FastifyServerOptions } from 'fastify';
import { buildApp } from './app.js';
import { MIN_PASSWORD_LENGTH, hashPassword } from './auth/password.js';
import type { ThrottlePolicy } from './auth/sign-in-throttle.js';
import { hashToken, newToken } from './auth/tokens.js';
import { ConfigError, configFromObject, isEmailAddress, type Config } from './config.js';
import { INBOX_FOLDER } from './inbox.js';
import { smtpMailer, type Mailer } from './notify/mailer.js';
import type { Fetch } from './notify/webhook.js';
import { applyRetention, scheduleRetention } from './retention.js';
import { openStore } from './store/open.js';
import type { Store } from './store/store.js';

export { ANSWER_SCHEMA, CONTEXT_LIMITS, BODY_LIMIT_BYTES } from './ingest/answer-schema.js';
export { ConfigError, OPTIONS } from './config.js';
export type { Config } from './config.js';
export type { Store } from './store/store.js';

export interface ReceiverOptions {
  port?: number;
  host?: string;
  data?: string;
  databaseUrl?: string;
  allowedOrigins?: string[];
  trustProxy?: boolean;
  limitPerAddress?: number;
  limitPerSite?: number;
  retentionDays?: number | null;
  notifyEmail?: string | null;
  mailFrom?: string | null;
  smtp?: string | null;
  digest?: 'off' | 'daily';
  webhook?: string | null;
  webhookSecret?: string | null;
  logger?: boolean | object;
  /** For tests and embedding: the clock, a mailer instead of --smtp's, fetch for webhooks, the
   * sign-in throttle, how often the outbox is polled, another inbox folder. */
  now?: () => Date;
  mailer?: Mailer;
  fetch?: Fetch;
  signInThrottle?: ThrottlePolicy;
  outboxPollMs?: number;
  inboxFolder?: string;
}

export interface RunningReceiver {
  url: string;
  store: Store;
  config: Config;
  /** Deletes what is past the retention period now (it also runs at start and daily); how many went. */
  applyRetention(): Promise<number>;
  /** Delivers what is due in the outbox now; resolves when that round is done. */
  flushOutbox(): Promise<void>;
  close(): Promise<void>;
}

const CONFIG_KEYS = [
  'port', 'host', 'data', 'databaseUrl', 'allowedOrigins', 'trustProxy', 'limitPerAddress', 'limitPerSite',
  'retentionDays', 'notifyEmail', 'mailFrom', 'smtp', 'digest', 'webhook', 'webhookSecret',
] as const;

export function resolveConfig(options: ReceiverOptions): Config {
  const given = Object.fromEntries(CONFIG_KEYS.map((key) => [key, options[key]]));
  return configFromObject(given, [INBOX_FOLDER]);
}

function storeFor(config: Config, now?: () => Date) {
  return openStore({
    data: config.data,
    databaseUrl: config.databaseUrl,
    settingsDefaults: { notifyEmail: config.notifyEmail, digest: config.digest, retentionDays: config.retentionDays },
    ...(now ? { now } : {}),
  });
}

export async function startReceiver(options: ReceiverOptions = {}): Promise<RunningReceiver> {
  const config = resolveConfig(options);
  const now = options.now ?? (() => new Date());
  const store = await storeFor(config, options.now);
  const mailer = options.mailer ?? (config.smtp ? await smtpMailer(config.smtp) : null);
  let built;
  try {
    built = await buildApp({
      config,
      store,
      now,
      mailer,
      logger: (options.logger ?? false) as FastifyServerOptions['logger'],
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.signInThrottle ? { signInThrottle: options.signInThrottle } : {}),
      ...(options.outboxPollMs !== undefined ? { outboxPollMs: options.outboxPollMs } : {}),
      ...(options.inboxFolder ? { inboxFolder: options.inboxFolder } : {}),
    });
    await built.app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await built?.app.close().catch(() => undefined);
    mailer?.close();
    await store.close();
    throw error;
  }
  const { app, outbox, settings } = built;
  outbox.start();
  const retention = scheduleRetention({ store, settings, now, log: app.log });

  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${address.port}`,
    store,
    config,
    applyRetention: () => applyRetention({ store, settings, now }),
    flushOutbox: () => outbox.flush(),
    close() {
      closing ??= (async () => {
        retention.stop();
        // Stop accepting; requests in flight (answers being stored) finish and get their reply.
        await app.close();
        await outbox.stop();
        await retention.done;
        mailer?.close();
        await store.close();
      })();
      return closing;
    },
  };
}

type StoreLocation = Pick<ReceiverOptions, 'data' | 'databaseUrl'>;

export async function addOwner(options: StoreLocation, email: string, password: string): Promise<void> {
  const address = email.trim().toLowerCase();
  if (!isEmailAddress(address)) throw new ConfigError(`"${email}" is not an e-mail address`);
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError(`the password is too short: use at least ${MIN_PASSWORD_LENGTH} characters (a few random words are easy to type)`);
  }
  const config = resolveConfig({ data: options.data, databaseUrl: options.databaseUrl });
  const store = await storeFor(config);
  try {
    await store.addOwner(address, await hashPassword(password));
  } finally {
    await store.close();
  }
}

export async function addToken(options: StoreLocation, name: string): Promise<string> {
  const label = name.trim();
  if (label === '' || label.length > 100 || /[\u0000-\u001f]/.test(label)) {
    throw new ConfigError('the token name must be 1 to 100 characters without control characters, e.g. "zapier"');
  }
  const config = resolveConfig({ data: options.data, databaseUrl: options.databaseUrl });
  const store = await storeFor(config);
  try {
    const token = newToken();
    await store.addToken(label, hashToken(token));
    return token;
  } finally {
    await store.close();
  }
}
