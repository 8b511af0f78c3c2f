// npm run build: the three builds, type declarations, the Custom Elements Manifest, the size budget.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { checkBudget } from './size.js';
import { ROOT, steps } from './run.js';

rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
await steps([
  ['bundles (rollup)', 'rollup', ['-c', '--silent']],
  ['type declarations', 'tsc', ['-p', 'tsconfig.json', '--emitDeclarationOnly', '--declarationDir', 'dist']],
  ['custom-elements.json', 'cem', ['analyze', '--quiet']],
  // the receiver's own build (tsc, then its inbox page), the one `npm install` runs through `prepare`
  ['receiver and its inbox page (npm run build -w receiver)', 'npm', ['run', 'build', '--workspace', 'receiver', '--silent']],
]);
console.log('\n▶ size');
const over = checkBudget();
if (over.length) {
  console.error(`\n✖ ${over.join('; ')}. Budgets are in package.json "sizeBudget".`);
  process.exit(1);
}
