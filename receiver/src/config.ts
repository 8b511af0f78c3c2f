// Every option of the receiver in one table: the flag, the environment variable, the default and the
// check. The CLI, --help, startReceiver() and the README's option list all come from OPTIONS, so a new
// option cannot be added in one place and forgotten in another.

import { resolve, sep } from 'node:path';

export interface Config {
  port: number;
  host: string;
  data: string;
  databaseUrl: string | null;
  allowedOrigins: string[];
  trustProxy: boolean;
  limitPerAddress: number;
  limitPerSite: number;
  retentionDays: number | null;
  notifyEmail: string | null;
  mailFrom: string | null;
  smtp: string | null;
  digest: 'off' | 'daily';
  webhook: string | null;
  webhookSecret: string | null;
}

/** A value that stops the start: the message names the flag (and its variable) and says what is wanted. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Parse<T> = (raw: string) => T;

interface OptionSpec<K extends keyof Config> {
  key: K;
  flag: string;
  env: string | null;
  /** what --help shows as the default */
  shownDefault: string;
  value: Config[K];
  help: string;
  /** boolean flags take no value on the command line */
  boolean?: boolean;
  /** secrets are never echoed back in an error message */
  secret?: boolean;
  parse: Parse<Config[K]>;
}

const optional =
  <T>(parse: Parse<T>): Parse<T | null> =>
  (raw) =>
    raw.trim() === '' ? null : parse(raw.trim());

const integer =
  (min: number, max: number): Parse<number> =>
  (raw) => {
    if (!/^\d+$/.test(raw.trim())) throw new Error(`must be a whole number from ${min} to ${max}`);
    const n = Number(raw.trim());
    if (n < min || n > max) throw new Error(`must be a whole number from ${min} to ${max}`);
    return n;
  };

const httpUrl: Parse<string> = (raw) => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('must be an http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('must be an http:// or https:// URL');
  return url.href;
};

/** Origins are compared with the browser's Origin header, which never has a path or a trailing slash. */
const origins: Parse<string[]> = (raw) => {
  const list = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const item of list) {
    let origin: string | null = null;
    try {
      const url = new URL(item);
      if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin;
    } catch {
      // reported below
    }
    if (origin === null || origin !== item.replace(/\/$/, '')) {
      throw new Error(`"${item}" is not an origin: write scheme://host[:port], without a path, e.g. https://shop.example`);
    }
  }
  return [...new Set(list.map((item) => item.replace(/\/$/, '')))];
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmailAddress = (value: string): boolean => EMAIL.test(value) && value.length <= 320;

const email: Parse<string> = (raw) => {
  if (!isEmailAddress(raw)) throw new Error('must be an e-mail address');
  return raw;
};

const smtpUrl: Parse<string> = (raw) => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error('must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example:465');
  }
  return raw;
};

/** Standard Webhooks secrets: "whsec_" and a base64 key of 24 to 64 bytes. */
const webhookSecret: Parse<string> = (raw) => {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(raw);
  const bytes = match ? Buffer.from(match[1]!, 'base64').length : 0;
  if (bytes < 24 || bytes > 64) throw new Error('must be "whsec_" followed by a base64 key of 24 to 64 bytes');
  return raw;
};

const boolean: Parse<boolean> = (raw) => {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on', ''].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new Error('must be true or false');
};

const digest: Parse<'off' | 'daily'> = (raw) => {
  if (raw === 'off' || raw === 'daily') return raw;
  throw new Error('must be "off" (an e-mail per answer) or "daily"');
};

const host: Parse<string> = (raw) => {
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(raw)) throw new Error('must be a host name or an IP address, e.g. 127.0.0.1 or 0.0.0.0');
  return raw;
};

const nonEmpty: Parse<string> = (raw) => {
  if (raw.trim() === '') throw new Error('must not be empty');
  return raw;
};

const databaseUrl: Parse<string> = (raw) => {
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new Error('must be a postgres:// or postgresql:// URL');
  return raw;
};

function option<K extends keyof Config>(spec: OptionSpec<K>): OptionSpec<K> {
  return spec;
}

export const OPTIONS = [
  option({ key: 'port', flag: 'port', env: 'PORT', value: 8787, shownDefault: '8787', help: 'port to listen on (0 picks a free one)', parse: integer(0, 65535) }),
  option({ key: 'host', flag: 'host', env: 'FEEDBACK_HOST', value: '127.0.0.1', shownDefault: '127.0.0.1', help: 'address to listen on; 0.0.0.0 to expose it', parse: host }),
  option({ key: 'data', flag: 'data', env: 'FEEDBACK_DATA', value: './feedback-data', shownDefault: './feedback-data', help: 'folder of the SQLite store (answers.sqlite); never put it in a served folder', parse: nonEmpty }),
  option({ key: 'databaseUrl', flag: 'database-url', env: 'DATABASE_URL', value: null, shownDefault: 'none: SQLite in --data', help: 'PostgreSQL instead of SQLite, for several instances behind a load balancer', secret: true, parse: optional(databaseUrl) }),
  option({ key: 'allowedOrigins', flag: 'allowed-origins', env: 'FEEDBACK_ALLOWED_ORIGINS', value: [], shownDefault: 'none: no web page can post', help: 'comma-separated origins whose pages may POST answers, e.g. https://shop.example', parse: origins }),
  option({ key: 'trustProxy', flag: 'trust-proxy', env: 'FEEDBACK_TRUST_PROXY', value: false, shownDefault: 'off', boolean: true, help: 'behind a reverse proxy: take the client address from X-Forwarded-For and the scheme from X-Forwarded-Proto', parse: boolean }),
  option({ key: 'limitPerAddress', flag: 'limit-per-address', env: 'FEEDBACK_LIMIT_PER_ADDRESS', value: 30, shownDefault: '30', help: 'answers per minute from one client address (per process)', parse: integer(1, 1_000_000) }),
  option({ key: 'limitPerSite', flag: 'limit-per-site', env: 'FEEDBACK_LIMIT_PER_SITE', value: 1000, shownDefault: '1000', help: 'answers per minute for one site (per process)', parse: integer(1, 10_000_000) }),
  option({ key: 'retentionDays', flag: 'retention-days', env: 'FEEDBACK_RETENTION_DAYS', value: null, shownDefault: 'none: keep answers', help: 'delete answers received more than this many days ago (checked daily)', parse: optional(integer(1, 36_500)) }),
  option({ key: 'notifyEmail', flag: 'notify-email', env: 'FEEDBACK_NOTIFY_EMAIL', value: null, shownDefault: 'none', help: 'send an e-mail about new answers to this address (needs --smtp)', parse: optional(email) }),
  option({ key: 'mailFrom', flag: 'mail-from', env: 'FEEDBACK_MAIL_FROM', value: null, shownDefault: 'the --notify-email address', help: 'From address of notifications and replies', parse: optional(email) }),
  option({ key: 'smtp', flag: 'smtp', env: 'FEEDBACK_SMTP_URL', value: null, shownDefault: 'none: replies via mailto: only', help: 'mail server, e.g. smtps://user:password@mail.example:465 (prefer the variable: it keeps the password out of ps)', secret: true, parse: optional(smtpUrl) }),
  option({ key: 'digest', flag: 'digest', env: 'FEEDBACK_DIGEST', value: 'off', shownDefault: 'off', help: '"daily": one e-mail a day (08:00 server time) instead of one per answer', parse: digest }),
  option({ key: 'webhook', flag: 'webhook', env: 'FEEDBACK_WEBHOOK_URL', value: null, shownDefault: 'none', help: 'POST every stored answer to this URL, signed as Standard Webhooks do', parse: optional(httpUrl) }),
  option({ key: 'webhookSecret', flag: 'webhook-secret', env: 'FEEDBACK_WEBHOOK_SECRET', value: null, shownDefault: 'none', help: 'whsec_<base64 key> that signs webhooks (prefer the variable)', secret: true, parse: optional(webhookSecret) }),
] as const;

export function defaultConfig(): Config {
  return Object.fromEntries(OPTIONS.map((spec) => [spec.key, spec.value])) as unknown as Config;
}

const where = (spec: (typeof OPTIONS)[number]) => `--${spec.flag}${spec.env ? ` (${spec.env})` : ''}`;

/** Parses one raw value, turning the parser's complaint into an error that names the option. */
export function parseOption(spec: (typeof OPTIONS)[number], raw: string): unknown {
  try {
    return spec.parse(raw);
  } catch (error) {
    const shown = 'secret' in spec && spec.secret ? '' : ` (got "${raw}")`;
    throw new ConfigError(`${where(spec)} ${(error as Error).message}${shown}`);
  }
}

/** Checks that only options together make sense: the first problem stops the start. */
export function checkConfig(config: Config, servedFolders: string[]): Config {
  if (config.webhook && !config.webhookSecret) {
    throw new ConfigError(
      '--webhook needs --webhook-secret (FEEDBACK_WEBHOOK_SECRET): whsec_ and a base64 key; make one with ' +
        `node -e "console.log('whsec_' + require('crypto').randomBytes(32).toString('base64'))"`,
    );
  }
  const data = resolve(config.data);
  for (const folder of servedFolders) {
    const served = resolve(folder);
    if (data === served || data.startsWith(served + sep)) {
      throw new ConfigError(`--data (FEEDBACK_DATA) must not be inside a served folder (${served})`);
    }
  }
  return config;
}

/** Options given in code (startReceiver) go through the same checks as flags, by their text form. */
export function configFromObject(given: Partial<Record<keyof Config, unknown>>, servedFolders: string[]): Config {
  const config = defaultConfig() as unknown as Record<string, unknown>;
  for (const spec of OPTIONS) {
    const value = given[spec.key];
    if (value === undefined) continue;
    if (value === null) {
      if (spec.value !== null) throw new ConfigError(`${where(spec)} cannot be null`);
      config[spec.key] = null;
      continue;
    }
    const raw = Array.isArray(value) ? value.join(',') : String(value);
    config[spec.key] = parseOption(spec, raw);
  }
  return checkConfig(config as unknown as Config, servedFolders);
}
