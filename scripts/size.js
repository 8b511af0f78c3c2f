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

export function measure() {
  const esm = read('feedback-prompt.js');
  const iife = read('feedback-prompt.iife.js');
  const chunks = readdirSync(dist).filter((f) => /^feedback-prompt-.+\.js$/.test(f));
  const largestChunk = Math.max(0, ...chunks.map((f) => brotli(read(f))));
  return {
    esm: { raw: esm.length, gzip: gzip(esm), brotli: brotli(esm) },
    // A page in one language: the module plus, for a language other than English, its chunk.
    esmOneLanguage: brotli(esm) + largestChunk,
    iife: { raw: iife.length, gzip: gzip(iife), brotli: brotli(iife) },
    languageChunks: chunks.length,
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
      `dist/feedback-prompt.iife.js  ${kb(m.iife.raw)} raw, ${kb(m.iife.gzip)} gzip, ${kb(m.iife.brotli)} brotli (budget ${kb(budget.iife)}, all ${m.languageChunks + 1} languages)`,
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
