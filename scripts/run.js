// Runs a local binary from node_modules/.bin (or node, or npm) and resolves with its exit code.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const run = (bin, args, options = {}) =>
  new Promise((resolve, reject) => {
    const local = path.join(ROOT, 'node_modules', '.bin', bin);
    // node and npm are the ones running this; every other tool is the project's own copy
    const command = bin === 'node' ? process.execPath : bin === 'npm' ? 'npm' : local;
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

/** Runs the steps in order; the first failure ends the process with its code. */
export async function steps(list) {
  for (const [label, bin, args, options] of list) {
    if (label) console.log(`\n▶ ${label}`);
    const code = await run(bin, args, options);
    if (code !== 0) {
      console.error(`\n✖ ${label} failed (exit ${code})`);
      process.exit(code);
    }
  }
}
