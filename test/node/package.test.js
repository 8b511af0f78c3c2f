// What `npm install feedback-prompt` gives a web developer: the right files, and entry points that exist.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

test('npm pack holds only dist, the manifest, README, LICENSE and package.json', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const files = packed.files.map((f) => f.path);
  const stray = files.filter((f) => !/^(dist\/|custom-elements\.json$|README\.md$|LICENSE$|package\.json$)/.test(f));
  assert.deepEqual(stray, []);
  for (const needed of ['dist/feedback-prompt.js', 'dist/feedback-prompt.iife.js', 'dist/index.d.ts', 'dist/npm/index.js', 'custom-elements.json', 'LICENSE']) {
    assert.ok(files.includes(needed), `${needed} is packed`);
  }
});

test('every entry point in package.json exists after the build', () => {
  const targets = [pkg.main, pkg.module, pkg.types, pkg.customElements, ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))];
  for (const target of targets) assert.ok(existsSync(path.join(root, target)), `${target} exists`);
  assert.ok(Array.isArray(pkg.sideEffects) && pkg.sideEffects.length > 0, 'sideEffects lists the files that register the element');
});

test('the npm build leaves Lit and idb-keyval to the app and declares them as dependencies', () => {
  const element = readFileSync(path.join(root, 'dist/npm/feedback-prompt.js'), 'utf8');
  assert.match(element, /from 'lit'/);
  assert.match(readFileSync(path.join(root, 'dist/npm/delivery/store.js'), 'utf8'), /from 'idb-keyval'/);
  assert.ok(pkg.dependencies.lit && pkg.dependencies['idb-keyval']);
});

test('types map the tag and the events for TypeScript users', () => {
  const element = readFileSync(path.join(root, 'dist/feedback-prompt.d.ts'), 'utf8');
  assert.match(element, /'feedback-prompt': FeedbackPrompt/);
  const events = readFileSync(path.join(root, 'dist/events.d.ts'), 'utf8');
  for (const name of ['feedback-open', 'feedback-close', 'feedback-submit', 'feedback-sent', 'feedback-failed']) assert.match(events, new RegExp(`'${name}'`));
});

test('an app written in TypeScript type-checks against the published types', () => {
  // Imports the package by name, as an app would: through package.json's "exports" and "types".
  const dir = mkdtempSync(path.join(os.tmpdir(), 'feedback-prompt-types-'));
  try {
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(root, path.join(dir, 'node_modules', 'feedback-prompt'), 'dir');
    writeFileSync(path.join(dir, 'app.ts'), [
      "import { FeedbackPrompt, type Answer, type FeedbackPromptEventMap } from 'feedback-prompt';",
      "const el: FeedbackPrompt = document.createElement('feedback-prompt');",
      "el.addEventListener('feedback-submit', (e) => { const answer: Answer = e.detail; console.log(answer.id); });",
      "el.addEventListener('feedback-failed', (e) => console.log(e.detail.status));",
      "const sent: FeedbackPromptEventMap['feedback-sent'] | undefined = undefined;",
      'console.log(sent, el.endpoint);',
      // Must fail: a misspelt event detail is caught.
      "el.addEventListener('feedback-submit', (e) => console.log(e.detail.nope));",
    ].join('\n'));
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    const args = [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'ES2022', '--module', 'ES2022', '--moduleResolution', 'bundler', '--lib', 'ES2022,DOM', 'app.ts'];
    let output = '';
    try {
      execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
    } catch (error) {
      output = String(error.stdout);
    }
    const errors = output.split('\n').filter((line) => line.includes('error TS'));
    assert.equal(errors.length, 1, output);
    assert.match(errors[0], /app\.ts\(7,.*'nope'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('custom-elements.json describes the element for editors', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'custom-elements.json'), 'utf8'));
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'feedback-prompt');
  assert.ok(element, 'the tag is declared');
  const attributes = element.attributes.map((a) => a.name);
  for (const name of ['endpoint', 'site', 'question', 'position', 'trigger', 'delay', 'scroll', 'snooze-days', 'sample', 'ask-email', 'rating', 'topics', 'privacy-url', 'max-length', 'accent', 'context', 'texts']) {
    assert.ok(attributes.includes(name), `attribute ${name}`);
  }
  assert.deepEqual(element.events.map((e) => e.name).sort(), ['feedback-close', 'feedback-expired', 'feedback-failed', 'feedback-open', 'feedback-sent', 'feedback-submit']);
  assert.deepEqual(element.cssParts.map((p) => p.name).sort(), ['heading', 'launcher', 'panel', 'submit', 'textarea']);
  assert.equal(element.cssProperties.length, 6);
});
