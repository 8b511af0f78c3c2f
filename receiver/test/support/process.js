// Runs the real command (bin/feedback-prompt-receiver.js) as a child process, as a shop owner would.
// spawnReceiver() resolves once it printed its URLs; the process is killed when the test ends.
import { spawn } from 'node:child_process';
import { BIN } from './server.js';

/** Runs the command to its end: { code, stdout, stderr }. `input` goes to standard input. */
export function runCli(args, { input, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...cleanEnv(), ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** The environment without the receiver's own variables, so a developer's shell does not leak in. */
function cleanEnv() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('FEEDBACK_') || name === 'PORT' || name === 'DATABASE_URL') delete env[name];
  return env;
}

/** Starts a receiver process; resolves with { child, url, output(), exited } once it is listening. */
export function spawnReceiver(t, args, { env = {} } = {}) {
  const child = spawn(process.execPath, [BIN, '--port', '0', ...args], { env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    return exited;
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /answers \(the widget's endpoint\):\s+(\S+)\/answers/.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    exited.then(({ code }) => reject(new Error(`the receiver exited (${code}) before listening:\n${output}`)));
  });
}
