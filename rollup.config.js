import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import htmlLiterals from 'rollup-plugin-html-literals';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ts = (options = {}) =>
  typescript({ tsconfig: './tsconfig.json', declaration: false, declarationDir: undefined, outDir: undefined, ...options });

/** The minifier's settings; scripts/size-breakdown.js measures with the same. */
export const terserOptions = {
  ecma: 2021,
  module: true,
  // keep_fargs: nothing in the bundle reads a function's length.
  compress: { passes: 3, keep_fargs: false },
  // Our own private members (Lit's cross-package names are `_$…`), and the names of objects that
  // never leave the bundle: the panel's and fields' props, the delivery queue's options, its
  // handle and its transport's outcome. Nothing stored or sent (Answer, QueuedAnswer, drafts, event
  // details), no setting (read by name from the attribute table) and no DOM or Lit name is here.
  // Nor anything that crosses into a chunk (each file is minified alone, so the two sides would
  // get different names): the lease and viewport chunks take plain arguments.
  mangle: {
    properties: {
      // The regex is the whole list: names below that browsers also use (store, enqueue, lock, kind…) are ours here too.
      builtins: true,
      regex:
        /^_[a-zA-Z]|^(lastText|thanked|onKeydown|onClose|onAnother|onInput|isOnline|maxItems|maxAgeMs|retryAfter|transport|listeners|owners|kind|report|enqueue|durable|dispose|sendOnExit|forget|lock|store|queue|stop|submit)$/,
    },
  },
  format: { comments: false },
};

const minify = () => terser(terserOptions);
/** Lit templates and the styles minified; src/css.ts has none, and the plugin warns about a file that names unsafeCSS. */
const literals = () => htmlLiterals({ include: ['src/**/*.ts'], exclude: ['src/css.ts'], failOnError: true });

/** The built-in languages other than English: the keys of src/i18n/loaders.ts, one file each. */
const LANGUAGE_CODES = [
  ...readFileSync('src/i18n/loaders.ts', 'utf8').matchAll(/^\s+'?([\w-]+)'?: \(\) => import\('\.\/\1\.js'\)/gm),
].map((m) => m[1]);
const VIRTUAL_LOADERS = '\0language-loaders';
/** English's text keys in their order: the script builds' language files list their texts in this order. */
const TEXT_KEYS = [...readFileSync('src/i18n/en.ts', 'utf8').matchAll(/^  (\w+): /gm)].map((m) => m[1]);
const EN_MODULE = JSON.stringify(path.resolve('src/i18n/en.ts'));

/**
 * The script builds load each language as `feedback-prompt-{code}.js` through one loader instead of
 * src/i18n/loaders.ts's map of static imports (one import per language costs every page bytes).
 * The ES module imports them relative to itself; the classic script gives `base`, the expression for
 * its own URL, read from document.currentScript while the script runs (later it is another script or
 * null), so a tag manager's <script src> works from any host. A file that does not load (or no URL)
 * and src/i18n/index.ts falls back to English. The ES module build writes the files.
 */
const languageChunks = ({ base, emit }) => ({
  name: 'language-chunks',
  buildStart() {
    if (!emit) return;
    for (const code of LANGUAGE_CODES) {
      this.emitFile({ type: 'chunk', id: `src/i18n/${code}.ts`, fileName: `feedback-prompt-${code}.js` });
    }
  },
  resolveId(source, importer) {
    return source === './loaders.js' && /src[\\/]i18n[\\/]index\.ts$/.test(importer ?? '') ? VIRTUAL_LOADERS : null;
  },
  load(id) {
    if (id !== VIRTUAL_LOADERS) return null;
    // Each file holds its texts as a list (see compactLanguages); the keys come from English, already here.
    return `import { en } from ${EN_MODULE};
    export const loaders = Object.fromEntries(${JSON.stringify(LANGUAGE_CODES.join(' '))}.split(' ').map((code) => [
      code, () => import(${base ? `new URL('feedback-prompt-' + code + '.js', ${base}).href` : "'./feedback-prompt-' + code + '.js'"})
        .then(({ default: texts }) => ({ default: Object.fromEntries(Object.keys(en).map((key, i) => [key, texts[i]])) })),
    ]));`;
  },
});

/**
 * A language file of the script builds is its texts alone, as a list in English's key order: the
 * key names, the same in every file, would be a sixth of its bytes. Every text must be there (the
 * Translation type asks for each; this checks the built file too), so the list is the whole language.
 */
const compactLanguages = () => ({
  name: 'compact-languages',
  transform(code, id) {
    const lang = /src[\\/]i18n[\\/]([\w-]+)\.ts$/.exec(id)?.[1];
    if (!LANGUAGE_CODES.includes(lang)) return null;
    const object = this.parse(code).body.find((node) => node.type === 'VariableDeclaration')?.declarations[0]?.init;
    const texts = new Map(
      (object?.type === 'ObjectExpression' ? object.properties : []).map((p) => [p.key.name ?? p.key.value, p.value.value]),
    );
    const wrong = TEXT_KEYS.filter((key) => typeof texts.get(key) !== 'string');
    const extra = [...texts.keys()].filter((key) => !TEXT_KEYS.includes(key));
    if (wrong.length || extra.length || texts.size !== TEXT_KEYS.length)
      this.error(`every English text key once, each a plain string (missing or not text: ${wrong.join(', ') || 'none'}; unknown: ${extra.join(', ') || 'none'})`);
    return { code: `export default ${JSON.stringify(TEXT_KEYS.map((key) => texts.get(key)))};`, map: null };
  },
});

export default [
  // <script type="module">: Lit and idb-keyval bundled; each non-English language a small chunk.
  {
    input: { 'feedback-prompt': 'src/script-module.ts' },
    // The chunks import Lit and the rest from the module itself, rather than from a third file.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'feedback-prompt.js',
      // Parts only some pages run (see scripts/size.js LAZY), loaded from beside the module.
      chunkFileNames: 'feedback-prompt-[name]-[hash].js',
    },
    plugins: [
      languageChunks({ emit: true }),
      literals(),
      resolve(),
      ts(),
      compactLanguages(),
      minify(),
    ],
  },
  // Classic script for tag managers: English inside, other languages from beside it; mounts itself from data-* attributes.
  {
    input: 'src/auto-mount.ts',
    output: {
      file: 'dist/feedback-prompt.iife.js',
      format: 'iife',
      // One file: what the ES module loads only when needed (see scripts/size.js) is inside it here.
      inlineDynamicImports: true,
      // Their namespace objects stay inside the bundle: nothing could change them, so no Object.freeze.
      freeze: false,
      // The wrapper's first statement, so it runs while document.currentScript is still this script.
      intro: 'const languageBase = document.currentScript?.src;',
    },
    plugins: [languageChunks({ base: 'languageBase', emit: false }), literals(), resolve(), ts(), minify()],
  },
  // npm: one module per source file, Lit and idb-keyval left to the app's bundler.
  {
    // settings/attributes.js is an entry of its own: the README test and the demo's configurator read the table.
    input: ['src/index.ts', 'src/auto-mount.ts', 'src/settings/attributes.ts'],
    external: [/^lit/, /^@lit/, 'idb-keyval'],
    output: { dir: 'dist/npm', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    plugins: [ts()],
  },
];
