import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSnippet, DEFAULTS } from '../../demo/snippet.js';

const ORIGIN = 'https://shop.example';

test('with every default the snippet is the script and the endpoint alone', () => {
  assert.equal(
    buildSnippet({}, ORIGIN),
    `<script src="${ORIGIN}/dist/feedback-prompt.iife.js"\n  data-endpoint="${DEFAULTS.endpoint}"></script>`,
  );
});

test('a relative endpoint is completed with the origin the snippet is for', () => {
  assert.match(buildSnippet({ endpoint: '/answers' }, ORIGIN), new RegExp(`data-endpoint="${ORIGIN}/answers"`));
});

test('only changed settings appear, booleans bare, values escaped', () => {
  const snippet = buildSnippet(
    { ...DEFAULTS, site: 'shop-42', question: 'Anything "missing" <here>?', rating: true, askEmail: true, trigger: 'delay', delay: 10, accent: '#aa3366' },
    ORIGIN,
  );
  assert.match(snippet, /data-site="shop-42"/);
  assert.match(snippet, /data-question="Anything &quot;missing&quot; &lt;here&gt;\?"/);
  assert.match(snippet, /\n  data-rating\n|\n  data-rating>|\n  data-rating</);
  assert.match(snippet, /data-ask-email/);
  assert.match(snippet, /data-trigger="delay"/);
  assert.match(snippet, /data-delay="10"/);
  assert.match(snippet, /data-accent="#aa3366"/);
  assert.doesNotMatch(snippet, /data-scroll|data-position|data-lang/);
});

test('settings the element would refuse are left out rather than copied', () => {
  const snippet = buildSnippet({ ...DEFAULTS, sample: 'abc', position: 'diagonal', lang: 'xx' }, ORIGIN);
  assert.doesNotMatch(snippet, /data-sample|data-position|data-lang/);
});
