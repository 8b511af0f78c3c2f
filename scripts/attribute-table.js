// The README's attribute table, made from the one table in src/settings/attributes.ts (through its
// build, dist/npm/settings/attributes.js: run `npm run build` first).
//   node scripts/attribute-table.js          prints the table
//   node scripts/attribute-table.js --write  puts it in README.md, in place of the one there
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './run.js';

export const README = path.join(ROOT, 'README.md');
const HEADER = ['| attribute | default | meaning |', '| --- | --- | --- |'];

/** The table's lines, as the README shows them. */
export async function attributeTable() {
  const { ATTRIBUTES, ABOUT, shownDefault } = await import(pathToFileURL(path.join(ROOT, 'dist/npm/settings/attributes.js')).href);
  return [...HEADER, ...ATTRIBUTES.map((spec) => `| \`${spec.name}\` | ${shownDefault(spec)} | ${ABOUT[spec.name].meaning} |`)];
}

/** The lines of the attribute table in the README's "## Attributes" section, with where they start. */
export function readmeTable(text = readFileSync(README, 'utf8')) {
  const lines = text.split('\n');
  const section = lines.indexOf('## Attributes');
  const start = lines.indexOf(HEADER[0], section);
  let end = start;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  return { lines, start, end, table: section < 0 || start < 0 ? [] : lines.slice(start, end) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const table = await attributeTable();
  if (process.argv.includes('--write')) {
    const { lines, start, end } = readmeTable();
    if (start < 0) throw new Error('README.md has no attribute table under "## Attributes"');
    lines.splice(start, end - start, ...table);
    writeFileSync(README, lines.join('\n'));
  } else console.log(table.join('\n'));
}
