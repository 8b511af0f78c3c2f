// What a page downloads, compressed the way servers send it, against the budgets in package.json.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT } from './run.js';

const dist = path.join(ROOT, 'dist');
const read = (name) => readFileSync(path.join(dist, name));
export const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
export const gzip = (buf) => gzipSync(buf, { level: 9 }).length;

/** Each language's file, `feedback-prompt-{code}.js` (code as in src/i18n/loaders.ts), shared by both script builds. */
const LANGUAGE_FILE = /^feedback-prompt-([a-z]{2,3}(?:-[A-Z][a-z]{3})?)\.js$/;
/** The ES module's other chunks, `feedback-prompt-{name}-{hash}.js`: code it loads only when a page needs it. */
const LAZY_FILE = /^feedback-prompt-([a-z-]+)-[\w-]{8}\.js$/;
/** When each chunk loads; `onOpen` ones load by the time the panel opens. A chunk not listed here fails the build. */
export const LAZY = {
  viewport: { onOpen: true, when: 'when a floating panel first opens (following the on-screen keyboard)' },
  contrast: { onOpen: false, when: 'only on a page with its own accent (button text colour)' },
  lease: { onOpen: false, when: 'only in browsers without Web Locks (Safari before 15.4)' },
};

export function measure() {
  const esm = read('feedback-prompt.js');
  const iife = read('feedback-prompt.iife.js');
  const languages = readdirSync(dist)
    .map((file) => LANGUAGE_FILE.exec(file))
    .filter(Boolean)
    .map(([file, code]) => ({ code, brotli: brotli(read(file)) }))
    .sort((a, b) => b.brotli - a.brotli);
  const largest = languages[0]?.brotli ?? 0;
  const lazy = readdirSync(dist)
    .map((file) => !LANGUAGE_FILE.test(file) && LAZY_FILE.exec(file))
    .filter(Boolean)
    .map(([file, name]) => {
      if (!LAZY[name]) throw new Error(`scripts/size.js: say in LAZY when dist/${file} loads`);
      return { file, name, ...LAZY[name], brotli: brotli(read(file)) };
    });
  const onOpen = lazy.filter((c) => c.onOpen).reduce((sum, c) => sum + c.brotli, 0);
  return {
    esm: { raw: esm.length, gzip: gzip(esm), brotli: brotli(esm) },
    // A page in one language: the module plus, for a language other than English, its file (the largest).
    // What every page downloads, budgeted: the chunks below load only later or on some pages.
    esmOneLanguage: brotli(esm) + largest,
    // A page whose customer opens the panel downloads its on-open chunks too.
    esmOpened: brotli(esm) + onOpen + largest,
    lazy,
    // The classic script carries English and fetches any other language's file the same way.
    iife: { raw: iife.length, gzip: gzip(iife), brotli: brotli(iife) },
    iifeOneLanguage: brotli(iife) + largest,
    languages,
  };
}

export function checkBudget() {
  const budget = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).sizeBudget;
  const m = measure();
  const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
  console.log(
    [
      `dist/feedback-prompt.js       ${kb(m.esm.raw)} raw, ${kb(m.esm.gzip)} gzip, ${kb(m.esm.brotli)} brotli`,
      `  one page in one language:   ${kb(m.esmOneLanguage)} brotli (budget ${kb(budget.esmOneLanguage)})`,
      `  a page that opens the panel: ${kb(m.esmOpened)} brotli (the on-open chunks below too)`,
      `  chunks it loads only when needed (brotli):`,
      ...m.lazy.map((c) => `    ${c.file} ${c.brotli} B, ${c.when}`),
      `dist/feedback-prompt.iife.js  ${kb(m.iife.raw)} raw, ${kb(m.iife.gzip)} gzip, ${kb(m.iife.brotli)} brotli with English (budget ${kb(budget.iife)})`,
      `  one page in one language:   ${kb(m.iifeOneLanguage)} brotli`,
      `language files (brotli), fetched beside either script when the page needs one:`,
      `  ${m.languages.map((l) => `${l.code} ${l.brotli} B`).join(', ')}`,
    ].join('\n'),
  );
  const over = [];
  if (m.esmOneLanguage > budget.esmOneLanguage) over.push(`ES module over budget by ${m.esmOneLanguage - budget.esmOneLanguage} bytes`);
  if (m.iife.brotli > budget.iife) over.push(`classic script over budget by ${m.iife.brotli - budget.iife} bytes`);
  return over;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const over = checkBudget();
  if (over.length) {
    console.error(`✖ ${over.join('; ')}`);
    process.exit(1);
  }
}
