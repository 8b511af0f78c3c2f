// The README's attribute table says what src/settings/attributes.ts says (run after `npm run build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributeTable, readmeTable } from '../../scripts/attribute-table.js';

test('the README lists every attribute of the table, in its order, with its default and meaning', async () => {
  const { table } = readmeTable();
  assert.ok(table.length > 2, 'README.md has an attribute table under "## Attributes"');
  // To update: node scripts/attribute-table.js --write
  assert.deepEqual(table, await attributeTable());
});

test('the check catches a README that drifted', async () => {
  const drifted = readmeTable(['## Attributes', ...(await attributeTable()).filter((line) => !line.includes('`sample`'))].join('\n'));
  assert.notDeepEqual(drifted.table, await attributeTable());
});
