// The command line: `feedback-prompt-receiver [options]` runs the server; `add-owner EMAIL` and
// `add-token NAME` manage access (they open the same store, so they work while the server runs).
// Every option is a flag and an environment variable (the flag wins); see config.ts for the table.

import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MIN_PASSWORD_LENGTH } from './auth/password.js';
import { ConfigError, OPTIONS, checkConfig, defaultConfig, parseOption, type Config } from './config.js';
import { INBOX_FOLDER } from './inbox.js';
import { addOwner, addToken, startReceiver } from './index.js';
import { forLog } from './log-safe.js';

const NAME = 'feedback-prompt-receiver';
const USAGE_ERROR = 2;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const PLACEHOLDERS: Partial<Record<keyof Config, string>> = {
  port: 'PORT', host: 'ADDRESS', data: 'FOLDER', databaseUrl: 'URL', allowedOrigins: 'ORIGINS',
  limitPerAddress: 'N', limitPerSite: 'N', retentionDays: 'DAYS', notifyEmail: 'EMAIL', mailFrom: 'EMAIL',
  smtp: 'URL', digest: 'off|daily', webhook: 'URL', webhookSecret: 'whsec_…',
};

export function helpText(): string {
  const rows = OPTIONS.map((spec) => {
    const flag = `--${spec.flag}${'boolean' in spec && spec.boolean ? '' : ` ${PLACEHOLDERS[spec.key] ?? 'VALUE'}`}`;
    const env = spec.env ? `  [env ${spec.env}]` : '';
    return `  ${flag.padEnd(30)}${spec.help}\n  ${''.padEnd(30)}default: ${spec.shownDefault}${env}`;
  });
  return [
    `${NAME} ${version()}: receives feedback-prompt answers, keeps them, and serves the inbox.`,
    '',
    'Usage:',
    `  ${NAME} [options]`,
    '      run the server',
    `  ${NAME} add-owner EMAIL [options]`,
    '      add an inbox account (or set a new password); the password is read from standard input:',
    `      printf '%s' "$PASSWORD" | ${NAME} add-owner me@shop.example`,
    `  ${NAME} add-token NAME [options]`,
    '      print a new API token for scripts (shown once; only its hash is kept)',
    '',
    'Options (a flag wins over its environment variable):',
    ...rows,
    `  ${'--help'.padEnd(30)}show this text`,
    `  ${'--version'.padEnd(30)}show the version`,
    '',
    'add-owner and add-token take the same --data / --database-url as the server.',
  ].join('\n');
}

const ARGS: ParseArgsConfig['options'] = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  ...Object.fromEntries(
    OPTIONS.map((spec) => [spec.flag, { type: 'boolean' in spec && spec.boolean ? ('boolean' as const) : ('string' as const) }]),
  ),
};

/** Flags over environment over defaults, every value checked; a bad one throws ConfigError naming it. */
export function configFromArgs(values: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv): Config {
  const config = defaultConfig() as unknown as Record<string, unknown>;
  for (const spec of OPTIONS) {
    const flag = values[spec.flag];
    if (flag !== undefined) {
      config[spec.key] = typeof flag === 'boolean' ? flag : parseOption(spec, flag);
      continue;
    }
    const fromEnv = spec.env ? env[spec.env] : undefined;
    if (fromEnv !== undefined && fromEnv !== '') config[spec.key] = parseOption(spec, fromEnv);
  }
  return checkConfig(config as unknown as Config, [INBOX_FOLDER]);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    process.stdin.setEncoding('utf8');
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, '');
  }
  // Typed at a terminal: ask, and do not echo it.
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (text: string) => void };
  process.stderr.write(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  muted._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

function describeStore(config: Config): string {
  // "--data data/" is the same folder as "--data data": no doubled slash in what is shown
  if (!config.databaseUrl) return `SQLite in ${config.data.replace(/(.)[\\/]+$/, '$1')}${sep}answers.sqlite`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** A URL to open on this machine: a server listening on every interface (0.0.0.0, ::) is reached
 * through loopback; "http://0.0.0.0:8787" is not an address a browser can be sent to. */
function openableUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === '0.0.0.0') parsed.hostname = '127.0.0.1';
  else if (parsed.hostname === '[::]') parsed.hostname = '[::1]';
  return parsed.origin;
}

/** What start-up prints: where answers go, where the inbox is, and what is still to set up. */
export function startupLines(listening: string, config: Config, owners: number): string[] {
  const url = openableUrl(listening);
  const lines = [
    `${NAME} ${version()} is running (${describeStore(config)})`,
    `  answers (the widget's endpoint):  ${url}/answers`,
    `  inbox:                            ${url}/inbox/`,
  ];
  if (config.host === '0.0.0.0' || config.host === '::') lines.push(`  listening on every network interface (--host ${config.host})`);
  const missing: string[] = [];
  if (config.allowedOrigins.length === 0) {
    missing.push('no allowed origins: no web page can post answers yet. Start with --allowed-origins https://your-shop.example (or FEEDBACK_ALLOWED_ORIGINS)');
  } else {
    lines.push(`  accepting answers from: ${config.allowedOrigins.join(', ')}`);
  }
  if (owners === 0) {
    missing.push(`no inbox account yet: ${NAME} add-owner you@your-shop.example (reads the password from standard input)`);
  }
  if (!config.smtp) {
    missing.push('no SMTP: no e-mail notifications, and replies go out through mailto: links only. Set FEEDBACK_SMTP_URL=smtps://user:password@mail.example:465');
  } else if (!config.notifyEmail) {
    missing.push('no --notify-email: nobody is told about new answers by e-mail (an owner can set one in the inbox)');
  }
  if (config.retentionDays === null) missing.push('no --retention-days: answers are kept until deleted');
  return missing.length ? [...lines, 'To do:', ...missing.map((item) => `  - ${item}`)] : lines;
}

async function serve(config: Config): Promise<number> {
  // Listen for the signals before starting: a stop asked for during start-up is honoured right after.
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  const receiver = await startReceiver({ ...config, databaseUrl: config.databaseUrl ?? undefined, logger: { level: 'info' } } as Parameters<typeof startReceiver>[0]);
  console.log(startupLines(receiver.url, config, await receiver.store.countOwners()).join('\n'));
  const signal = await signalled;
  console.log(`${signal}: finishing the requests in progress, then stopping`);
  process.once(signal, () => process.exit(130)); // a second signal: stop now
  try {
    await receiver.close();
    return 0;
  } catch (error) {
    console.error(`could not stop cleanly: ${forLog(error instanceof Error ? error.message : error)}`);
    return 1;
  }
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: ARGS, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\nRun ${NAME} --help for the options.`);
    return USAGE_ERROR;
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    console.log(helpText());
    return 0;
  }
  if (values.version) {
    console.log(version());
    return 0;
  }
  try {
    const config = configFromArgs(values, env);
    const [command, argument, ...rest] = positionals;
    const location = { data: config.data, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) };
    if (command === undefined) return await serve(config);
    if (command === 'add-owner' && argument !== undefined && rest.length === 0) {
      await addOwner(location, argument, await readPassword());
      console.log(`inbox account ${argument.trim().toLowerCase()} is ready: sign in at /inbox/`);
      return 0;
    }
    if (command === 'add-token' && argument !== undefined && rest.length === 0) {
      const token = await addToken(location, argument);
      console.error(`API token "${argument.trim()}" (shown once, only its hash is kept; send it as Authorization: Bearer <token>):`);
      console.log(token);
      return 0;
    }
    console.error(`unknown command "${forLog(positionals.join(' '))}": use add-owner EMAIL, add-token NAME, or no command to run the server\nRun ${NAME} --help for more.`);
    return USAGE_ERROR;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return USAGE_ERROR;
    }
    if ((error as { code?: unknown }).code === 'EADDRINUSE') {
      console.error(`${NAME} could not start: ${(error as Error).message}. Another program uses this port: choose another with --port (or PORT).`);
      return 1;
    }
    console.error(`${NAME} could not start: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
