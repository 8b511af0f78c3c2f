// Where the bytes of dist/feedback-prompt.js come from: `node scripts/size-breakdown.js`.
// Each module's share is its own code, minified and brotli-compressed alone, scaled so the shares
// add up to the real file (compressing modules apart loses shared context, so raw sums run high).
import path from 'node:path';
import { rollup } from 'rollup';
import { minify } from 'terser';
import { pathToFileURL } from 'node:url';
import { ROOT } from './run.js';
import { brotli } from './size.js';

/** Groups a module path into what a reader decides about: Lit, idb-keyval, or one of our areas. */
const groupOf = (id) => {
  const rel = path.relative(ROOT, id).split(path.sep).join('/');
  if (/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(rel)) return 'Lit';
  if (rel.includes('node_modules/idb-keyval/')) return 'idb-keyval';
  if (rel.startsWith('src/delivery/')) return 'delivery queue (src/delivery/)';
  if (rel.startsWith('src/i18n/')) return 'English texts and language loading (src/i18n/)';
  if (rel === 'src/feedback-prompt.styles.ts') return 'styles';
  return 'element, panel, fields, settings, triggers (src/*.ts)';
};

const { default: configs, terserOptions } = await import(pathToFileURL(path.join(ROOT, 'rollup.config.js')).href);
const esm = configs.find((c) => c.output?.entryFileNames === 'feedback-prompt.js');
const bundle = await rollup({ ...esm, plugins: esm.plugins.filter((p) => p.name !== 'terser'), onwarn: () => {} });
const { output } = await bundle.generate({ ...esm.output });
// The module itself: the language files are entry chunks too (emitted by rollup.config.js).
const entry = output.find((o) => o.type === 'chunk' && o.fileName === 'feedback-prompt.js');
const whole = brotli(Buffer.from((await minify(entry.code, terserOptions)).code ?? ''));
const groups = new Map();
for (const [id, info] of Object.entries(entry.modules)) {
  if (!info.code) continue;
  const { code } = await minify(info.code, { ...terserOptions, compress: false });
  const group = groupOf(id);
  groups.set(group, (groups.get(group) ?? 0) + brotli(Buffer.from(code ?? '')));
}
const sum = [...groups.values()].reduce((a, b) => a + b, 0);
console.log(`dist/feedback-prompt.js, English page, about ${(whole / 1024).toFixed(1)} KB brotli:`);
for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
  const share = (bytes / sum) * whole;
  console.log(`  ${(share / 1024).toFixed(1).padStart(5)} KB  ${group}`);
}
await bundle.close();
