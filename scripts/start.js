// npm start: installs dependencies when missing, builds, then serves the demo shop and the receiver.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, steps } from './run.js';

if (!existsSync(path.join(ROOT, 'node_modules', '.bin', 'rollup'))) {
  console.log('▶ installing dependencies (first run: npm ci, exactly as package-lock.json says)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // `npm ci`, not `npm install`: it never rewrites package-lock.json, so a fresh clone stays clean.
  const result = spawnSync(npm, ['ci', '--no-fund', '--no-audit'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await steps([
  ['build', 'node', ['scripts/build.js']],
  ['demo shop and receiver', 'node', ['demo/server.js']],
]);
