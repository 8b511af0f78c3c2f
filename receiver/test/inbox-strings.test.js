// Every text the inbox shows comes from its translation files (receiver/inbox/i18n/): its templates hold
// no words of their own, and every language has every text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const INBOX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../inbox');

const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );

/** The static parts of each html`…` template in a source, with every ${…} replaced by a marker. */
function templates(source) {
  const found = [];
  for (let start = source.indexOf('html`'); start !== -1; start = source.indexOf('html`', start + 1)) {
    let text = '';
    let depth = 0;
    for (let i = start + 5; i < source.length; i++) {
      const char = source[i];
      if (depth === 0 && char === '`') break;
      if (depth === 0 && char === '$' && source[i + 1] === '{') {
        depth = 1;
        i++;
        text += '\u0000';
        continue;
      }
      if (depth > 0) {
        if (char === '{') depth++;
        if (char === '}') depth--;
        continue;
      }
      text += char;
    }
    found.push(text);
  }
  return found;
}

test('the inbox templates hold no words of their own', () => {
  const offences = [];
  for (const file of sources(path.join(INBOX, 'src'))) {
    for (const template of templates(readFileSync(file, 'utf8'))) {
      for (const [, text] of template.matchAll(/>([^<>]*)</g)) {
        if (/\p{L}/u.test(text.replaceAll('\u0000', ''))) offences.push(`${path.basename(file)}: text "${text.trim()}"`);
      }
      for (const [attribute] of template.matchAll(/\b(?:aria-label|title|placeholder|alt)="[^"\u0000]*\p{L}[^"]*"/gu)) {
        offences.push(`${path.basename(file)}: ${attribute}`);
      }
    }
  }
  assert.deepEqual(offences, []);
});

test('every language has every text, and the same {placeholders}', async () => {
  const keysOf = (file) => {
    const source = readFileSync(path.join(INBOX, 'i18n', file), 'utf8');
    return new Map([...source.matchAll(/^\s+(\w+): (['"])(.*)\2,$/gm)].map(([, key, , value]) => [key, [...value.matchAll(/\{\w+\}/g)].map(String).sort().join()]));
  };
  const english = keysOf('en.ts');
  assert.ok(english.size > 100, 'read the English texts');
  for (const file of readdirSync(path.join(INBOX, 'i18n')).filter((name) => /^[a-z]{2}(-\w+)?\.ts$/.test(name) && name !== 'en.ts')) {
    const other = keysOf(file);
    assert.deepEqual([...other.keys()].sort(), [...english.keys()].sort(), `${file} has the same keys as en.ts`);
    for (const [key, placeholders] of english) assert.equal(other.get(key), placeholders, `${file} ${key}: same placeholders`);
  }
});
