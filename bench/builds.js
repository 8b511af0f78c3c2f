// Builds: the element (only when missing or older than src/), the peers, the variant pages.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { rollup } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { BENCH, BUILD, ROOT, elapsed, log } from './config.js';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The element as the bench serves it at /dist/: a private copy in bench/.build/dist/, so a test
 * run rebuilding dist/ in the same tree meanwhile (build.js empties it first) cannot pull the file
 * from under a page load, and the bench never empties dist/ under someone else's tests either.
 * dist/ is copied when it is newer than src/; otherwise the ESM build of rollup.config.js (same
 * plugins, same settings) is run with its output sent to the private folder.
 */
async function snapshotElement() {
  const target = path.join(BUILD, 'dist');
  const src = path.join(ROOT, 'src');
  const dist = path.join(ROOT, 'dist');
  const entry = path.join(dist, 'feedback-prompt.js');
  const newestSrc = Math.max(newestMtime(src), statSync(path.join(ROOT, 'rollup.config.js')).mtimeMs);
  const ownBuild = path.join(target, '.built-from-src');
  if (existsSync(ownBuild) && statSync(ownBuild).mtimeMs >= newestSrc &&
    !(existsSync(entry) && statSync(entry).mtimeMs >= newestSrc)) return 'built from src/ by the bench earlier (dist/ is stale or missing)';
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const copyEsm = () => {
    const files = readdirSync(dist).filter((f) => /^feedback-prompt(-[\w-]+)?\.js$/.test(f));
    for (const file of files) writeFileSync(path.join(target, file), readFileSync(path.join(dist, file)));
    // Every chunk the entry imports must be there too, or a rebuild was half-way through.
    const text = readFileSync(path.join(target, 'feedback-prompt.js'), 'utf8');
    const wanted = [...text.matchAll(/["']\.\/(feedback-prompt-[\w-]+\.js)["']/g)].map((m) => m[1]);
    return wanted.every((file) => existsSync(path.join(target, file)));
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      if (!existsSync(entry) || statSync(entry).mtimeMs < newestSrc) break;
      if (copyEsm()) return 'a copy of dist/ (newer than src/)';
    } catch {
      // dist/ changed while being copied: try again.
    }
    await sleep(1000);
  }
  log('▶ dist/ is missing or older than src/: building the ESM bundle from rollup.config.js into bench/.build/dist/');
  const configs = (await import(pathToFileURL(path.join(ROOT, 'rollup.config.js')).href)).default;
  const esm = configs.find((c) => c.output?.entryFileNames === 'feedback-prompt.js');
  if (!esm) throw new Error('rollup.config.js has no build with entryFileNames "feedback-prompt.js"');
  const bundle = await rollup({ ...esm, onwarn: () => {} });
  await bundle.write({ ...esm.output, dir: target });
  await bundle.close();
  writeFileSync(ownBuild, `${new Date().toISOString()}\n`);
  return 'built from src/ by the bench (dist/ was stale or missing)';
}

async function bundlePeer(name, outFile) {
  const entry = path.join(BENCH, 'entries', `${name}.js`);
  const pkg = name === 'sentry' ? '@sentry/browser' : name;
  const inputs = [entry, path.join(ROOT, 'node_modules', pkg, 'package.json'), fileURLToPath(import.meta.url)];
  if (process.env.BENCH_REBUILD !== '1' && existsSync(outFile) &&
    inputs.every((file) => statSync(file).mtimeMs <= statSync(outFile).mtimeMs)) return false;
  const warnings = [];
  const bundle = await rollup({
    input: entry,
    // The peers' own ESM builds; "production" conditions, as a shop's bundler would pick them.
    plugins: [resolve({ browser: true, exportConditions: ['production'] }), terser({ format: { comments: false } })],
    onwarn: (warning) => warnings.push(warning),
  });
  await bundle.write({ file: outFile, format: 'es', inlineDynamicImports: true });
  await bundle.close();
  const serious = warnings.filter((w) => !['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(w.code));
  for (const w of serious) log(`  rollup (${name}): ${w.code}: ${w.message}`);
  return true;
}

const WIDGET_SNIPPETS = {
  a: { head: '', body: '' },
  b: {
    head: '<script type="module" src="/dist/feedback-prompt.js"></script>',
    body: '<feedback-prompt endpoint="/answers" site="bench"></feedback-prompt>',
  },
  // fetch-data="false": no project lookup at app.pushfeedback.com; custom-font: no Google Fonts link.
  c1: {
    head: '<link rel="stylesheet" href="/bench/.build/pushfeedback.css">\n  <script type="module" src="/bench/.build/pushfeedback.js"></script>',
    body: '<feedback-button project="bench" button-position="bottom-right" modal-position="bottom-right" ' +
      'fetch-data="false" custom-font="true">Feedback</feedback-button>',
  },
  c2: { head: '<script type="module" src="/bench/.build/sentry.js"></script>', body: '' },
  // Feedback-prompt only: the always-open inline form, for the submit and flush figures.
  hold: {
    head: '<script type="module" src="/dist/feedback-prompt.js"></script>',
    body: '<feedback-prompt endpoint="/bench/hold" site="bench" position="inline"></feedback-prompt>',
  },
  flush: {
    head: '<script type="module" src="/dist/feedback-prompt.js"></script>',
    body: '<feedback-prompt endpoint="/answers" site="bench" position="inline"></feedback-prompt>',
  },
};

function writePages() {
  const template = readFileSync(path.join(BENCH, 'shop.html'), 'utf8');
  for (const [id, { head, body }] of Object.entries(WIDGET_SNIPPETS)) {
    const html = template.replace('<!-- bench:head -->', head).replace('<!-- bench:body -->', body);
    if (/\b(?:https?:)?\/\/(?!127\.0\.0\.1[:/])[a-z0-9.-]+/i.test(html.replace(/<style>[\s\S]*?<\/style>/, ''))) {
      throw new Error(`bench page ${id} has an external URL`);
    }
    writeFileSync(path.join(BUILD, `shop-${id}.html`), html);
  }
}

export async function prepareBuilds() {
  mkdirSync(BUILD, { recursive: true });
  const elementSource = await snapshotElement();
  const rebuilt = [];
  if (await bundlePeer('pushfeedback', path.join(BUILD, 'pushfeedback.js'))) rebuilt.push('pushfeedback');
  if (await bundlePeer('sentry', path.join(BUILD, 'sentry.js'))) rebuilt.push('sentry');
  writeFileSync(path.join(BUILD, 'pushfeedback.css'),
    readFileSync(path.join(ROOT, 'node_modules', 'pushfeedback', 'dist', 'pushfeedback', 'pushfeedback.css')));
  writePages();
  if (rebuilt.length) log(`▶ bundled ${rebuilt.join(', ')} into bench/.build/ (${elapsed()})`);
  return elementSource;
}
