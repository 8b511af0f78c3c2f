import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import htmlLiterals from 'rollup-plugin-html-literals';

const ts = (options = {}) =>
  typescript({ tsconfig: './tsconfig.json', declaration: false, declarationDir: undefined, outDir: undefined, ...options });

/** The minifier's settings; scripts/size-breakdown.js measures with the same. */
export const terserOptions = {
  ecma: 2021,
  module: true,
  compress: { passes: 3 },
  // Our own private members only: Lit's cross-package names are `_$…`, and nothing stored or
  // sent (Answer, QueuedAnswer, drafts, event details) has a leading underscore.
  mangle: { properties: { regex: /^_[a-zA-Z]/ } },
  format: { comments: false },
};

const minify = () => terser(terserOptions);

export default [
  // <script type="module">: Lit and idb-keyval bundled; each non-English language a small chunk.
  {
    input: { 'feedback-prompt': 'src/script-module.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'feedback-prompt.js',
      chunkFileNames: 'feedback-prompt-[name]-[hash].js',
    },
    plugins: [htmlLiterals({ include: ['src/**/*.ts'], failOnError: true }), resolve(), ts(), minify()],
  },
  // Classic script for tag managers: everything in one file, mounts itself from data-* attributes.
  {
    input: 'src/auto-mount.ts',
    output: { file: 'dist/feedback-prompt.iife.js', format: 'iife', inlineDynamicImports: true },
    plugins: [htmlLiterals({ include: ['src/**/*.ts'], failOnError: true }), resolve(), ts(), minify()],
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
