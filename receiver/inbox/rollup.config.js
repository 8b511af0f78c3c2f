// The inbox page: one ES module (Lit bundled, minified), each non-English language a chunk of its own,
// plus index.html and inbox.css copied as they are. Output: receiver/dist/inbox/, served at /inbox/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Static files the page needs next to the script; no plugin needed for two files. */
const copyStatic = (names) => ({
  name: 'inbox-static',
  buildStart() {
    for (const name of names) this.addWatchFile(path.join(here, name));
  },
  generateBundle() {
    for (const name of names) {
      this.emitFile({ type: 'asset', fileName: name, source: readFileSync(path.join(here, name)) });
    }
  },
});

export default {
  input: { inbox: path.join(here, 'src/main.ts') },
  output: {
    dir: path.join(here, '../dist/inbox'),
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'inbox-[name]-[hash].js',
  },
  plugins: [
    resolve(),
    typescript({ tsconfig: path.join(here, 'tsconfig.json'), noEmit: false, outDir: undefined }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
    copyStatic(['index.html', 'inbox.css']),
  ],
};
