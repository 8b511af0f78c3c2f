// The command line as a shop owner uses it: --help, bad values, start-up output, add-owner with a
// piped password and add-token while the server runs, a clean stop on SIGTERM.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startupLines } from '../dist/cli.js';
import { OPTIONS, defaultConfig } from '../dist/config.js';
import { freshLocation, postAnswer, wireAnswer } from './support/server.js';
import { runCli, spawnReceiver } from './support/process.js';

describe('command line', () => {
  test('--help lists every option with its default and variable', async () => {
    const { code, stdout } = await runCli(['--help']);
    assert.equal(code, 0);
    for (const spec of OPTIONS) {
      assert.ok(stdout.includes(`--${spec.flag}`), `--${spec.flag} listed`);
      assert.ok(stdout.includes(`default: ${spec.shownDefault}`), `default of --${spec.flag}`);
      if (spec.env) assert.ok(stdout.includes(spec.env), `${spec.env} listed`);
    }
    for (const word of ['add-owner', 'add-token', '--version']) assert.ok(stdout.includes(word));
    const version = await runCli(['--version']);
    assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
  });

  test('the README lists every option and its variable', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    for (const spec of OPTIONS) {
      assert.ok(readme.includes(`| \`--${spec.flag}\` |`), `--${spec.flag} in the README's table`);
      if (spec.env) assert.ok(readme.includes(`\`${spec.env}\``), `${spec.env} in the README`);
    }
  });

  test('a bad value stops the start with exit code 2 and a message naming it', async () => {
    const cases = [
      [['--port', 'eighty'], {}, /--port \(PORT\) must be a whole number/],
      [[], { PORT: '99999' }, /--port \(PORT\) must be a whole number from 0 to 65535/],
      [['--allowed-origins', 'https://shop.example/cart'], {}, /--allowed-origins .*"https:\/\/shop\.example\/cart" is not an origin/],
      [['--limit-per-address', '-3'], {}, /--limit-per-address/],
      [['--digest', 'weekly'], {}, /--digest .*"off".*"daily"/],
      [['--smtp', 'http://mail.example'], {}, /--smtp .*smtp:\/\//],
      [[], { FEEDBACK_WEBHOOK_SECRET: 'not-a-secret' }, /--webhook-secret \(FEEDBACK_WEBHOOK_SECRET\) must be "whsec_"/],
      [['--retention-days', 'forever'], {}, /--retention-days/],
      [['--no-such-flag'], {}, /--no-such-flag/],
      [['serve-please'], {}, /unknown command "serve-please"/],
      [['--data', fileURLToPath(new URL('../dist/inbox/data', import.meta.url))], {}, /--data \(FEEDBACK_DATA\) must not be inside a served folder/],
    ];
    const results = await Promise.all(cases.map(([args, env]) => runCli(args, { env })));
    cases.forEach(([args, env, message], index) => {
      assert.equal(results[index].code, 2, `${args.join(' ')} ${JSON.stringify(env)}`);
      assert.match(results[index].stderr, message);
    });
    // A secret is never echoed back.
    const { stderr } = await runCli(['--smtp', 'http://user:hunter2@mail.example']);
    assert.doesNotMatch(stderr, /hunter2/);
  });

  test('start-up says where answers go, where the inbox is, and what is missing; SIGTERM stops it', async (t) => {
    const location = await freshLocation(t, 'sqlite');
    const receiver = await spawnReceiver(t, ['--data', location.data]);
    const output = receiver.output();
    assert.match(output, /answers \(the widget's endpoint\):\s+http:\/\/127\.0\.0\.1:\d+\/answers/);
    assert.match(output, /inbox:\s+http:\/\/127\.0\.0\.1:\d+\/inbox\//);
    assert.match(output, /no allowed origins: no web page can post answers/);
    assert.match(output, /no inbox account yet: .*add-owner/);
    assert.match(output, /no SMTP: .*mailto:/);
    receiver.child.kill('SIGTERM');
    assert.deepEqual(await receiver.exited, { code: 0, signal: null });
  });

  test('start-up on every interface shows a URL a browser can open, and the store file without a doubled slash', () => {
    const config = { ...defaultConfig(), host: '0.0.0.0', data: '/srv/feedback/', allowedOrigins: ['https://shop.example'] };
    const output = startupLines('http://0.0.0.0:8787', config, 1).join('\n');
    assert.match(output, /answers \(the widget's endpoint\):\s+http:\/\/127\.0\.0\.1:8787\/answers$/m);
    assert.match(output, /inbox:\s+http:\/\/127\.0\.0\.1:8787\/inbox\/$/m);
    assert.match(output, /listening on every network interface \(--host 0\.0\.0\.0\)/);
    assert.match(output, /SQLite in \/srv\/feedback\/answers\.sqlite\)/);
    assert.match(startupLines('http://[::]:8787', { ...config, host: '::' }, 1).join('\n'), /inbox:\s+http:\/\/\[::1\]:8787\/inbox\//);
  });

  test('a port already in use stops the start with a message saying to choose another', async (t) => {
    const location = await freshLocation(t, 'sqlite');
    const first = await spawnReceiver(t, ['--data', location.data]);
    const other = await freshLocation(t, 'sqlite');
    const { code, stderr } = await runCli(['--port', new URL(first.url).port, '--data', other.data]);
    assert.equal(code, 1);
    assert.match(stderr, /address already in use.*choose another with --port/);
  });

  test('once an inbox account exists, start-up no longer asks for one', async (t) => {
    const location = await freshLocation(t, 'sqlite');
    const added = await runCli(['add-owner', 'me@shop.example', '--data', location.data], { input: 'long enough password\n' });
    assert.equal(added.code, 0, added.stderr);
    const receiver = await spawnReceiver(t, ['--data', location.data]);
    assert.match(receiver.output(), /inbox:/);
    assert.doesNotMatch(receiver.output(), /no inbox account yet/);
  });

  test('flags win over the environment', async (t) => {
    const location = await freshLocation(t, 'sqlite');
    const receiver = await spawnReceiver(t, ['--data', location.data, '--allowed-origins', 'https://flag.example'], {
      env: { FEEDBACK_ALLOWED_ORIGINS: 'https://env.example' },
    });
    assert.equal((await postAnswer(receiver.url, wireAnswer(), { origin: 'https://flag.example' })).status, 201);
    assert.equal((await postAnswer(receiver.url, wireAnswer(), { origin: 'https://env.example' })).status, 403);
  });

  test('add-owner reads the password from a pipe and add-token prints a token, while the server runs', async (t) => {
    const location = await freshLocation(t, 'sqlite');
    const receiver = await spawnReceiver(t, ['--data', location.data]);

    const short = await runCli(['add-owner', 'me@shop.example', '--data', location.data], { input: 'short\n' });
    assert.equal(short.code, 2);
    assert.match(short.stderr, /too short: use at least 10 characters/);
    const badEmail = await runCli(['add-owner', 'not-an-address', '--data', location.data], { input: 'long enough password\n' });
    assert.equal(badEmail.code, 2);
    assert.match(badEmail.stderr, /"not-an-address" is not an e-mail address/);

    const added = await runCli(['add-owner', 'me@shop.example', '--data', location.data], { input: 'long enough password\n' });
    assert.equal(added.code, 0, added.stderr);
    const signIn = await fetch(`${receiver.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: receiver.url },
      body: JSON.stringify({ email: 'me@shop.example', password: 'long enough password' }),
    });
    assert.equal(signIn.status, 204, 'the running server accepts the new account');

    const token = await runCli(['add-token', 'zapier', '--data', location.data]);
    assert.equal(token.code, 0, token.stderr);
    assert.match(token.stderr, /shown once/);
    const value = token.stdout.trim();
    assert.match(value, /^fpr_[A-Za-z0-9_-]{40,}$/);
    const me = await fetch(`${receiver.url}/api/me`, { headers: { authorization: `Bearer ${value}` } });
    assert.equal(me.status, 200);
  });
});
