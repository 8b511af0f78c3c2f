// The configurator's snippet (demo/snippet.js), against the element's attribute table (after npm run build).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ATTRIBUTES as TABLE } from '../../dist/npm/settings/attributes.js';
import { ATTRIBUTES, buildSnippet, DEFAULTS, FILES_PLACEHOLDER, keyOf, normalise } from '../../demo/snippet.js';

const ENDPOINT = 'https://feedback.example/answers';

test('with every default the snippet names the placeholder for the files and the origin to allow', () => {
  const snippet = buildSnippet({ endpoint: ENDPOINT });
  assert.match(snippet, new RegExp(`<script src="${FILES_PLACEHOLDER}feedback-prompt\\.iife\\.js"\\n  data-endpoint="${ENDPOINT}"></script>$`));
  assert.match(snippet, /^<!-- feedback-prompt: Replace https:\/\/YOUR-FILES-HOST\/feedback-prompt\/ with where you host/);
  assert.match(snippet, /The receiver at https:\/\/feedback\.example must allow your shop's origin/);
  assert.doesNotMatch(snippet, /localhost/);
});

test('where the files really are, the snippet points there and needs no placeholder note', () => {
  const snippet = buildSnippet({ endpoint: ENDPOINT }, 'https://cdn.shop.example/fp');
  assert.match(snippet, /<script src="https:\/\/cdn\.shop\.example\/fp\/feedback-prompt\.iife\.js"/);
  assert.doesNotMatch(snippet, /YOUR-FILES-HOST/);
});

test('a relative endpoint stays relative: it is on the shop\'s own origin, so no origin needs allowing', () => {
  const snippet = buildSnippet({ endpoint: '/answers' });
  assert.match(snippet, /data-endpoint="\/answers"/);
  assert.doesNotMatch(snippet, /must allow/);
});

test('only changed settings appear, booleans bare, values escaped', () => {
  const snippet = buildSnippet({
    ...DEFAULTS, site: 'shop-42', question: 'Anything "missing" <here>?', rating: true, askEmail: true, trigger: 'delay', delay: 10,
    accent: '#aa3366', context: '{ "pageType": "cart" }', texts: '{"send": "Tell us"}',
  });
  assert.match(snippet, /data-site="shop-42"/);
  assert.match(snippet, /data-question="Anything &quot;missing&quot; &lt;here&gt;\?"/);
  assert.match(snippet, /\n  data-rating\n|\n  data-rating>|\n  data-rating</);
  assert.match(snippet, /data-ask-email/);
  assert.match(snippet, /data-trigger="delay"/);
  assert.match(snippet, /data-delay="10"/);
  assert.match(snippet, /data-accent="#aa3366"/);
  assert.match(snippet, /data-context="\{&quot;pageType&quot;:&quot;cart&quot;\}"/);
  assert.match(snippet, /data-texts="\{&quot;send&quot;:&quot;Tell us&quot;\}"/);
  assert.doesNotMatch(snippet, /data-scroll|data-position|data-lang/);
});

test('settings the element would refuse are left out rather than copied', () => {
  const snippet = buildSnippet({ ...DEFAULTS, sample: 'abc', position: 'diagonal', lang: 'xx', texts: '{"send": 5}', context: '[1]' });
  assert.doesNotMatch(snippet, /data-sample|data-position|data-lang|data-texts|data-context/);
});

test('every attribute of the element\'s table is a setting, with the table\'s default', () => {
  assert.deepEqual(ATTRIBUTES, TABLE.map((spec) => spec.name));
  for (const spec of TABLE) {
    if (spec.name === 'endpoint' || spec.default === undefined) continue;
    assert.equal(DEFAULTS[keyOf(spec.name)], spec.default, spec.name);
  }
  // The table's limits decide: max-length must be a whole number of at least its minimum.
  const maxLength = TABLE.find((spec) => spec.name === 'max-length');
  assert.equal(normalise({ maxLength: String(maxLength.min - 1) }).maxLength, maxLength.default);
  assert.equal(normalise({ maxLength: '2.5' }).maxLength, maxLength.default);
  assert.equal(normalise({ lang: 'zh-Hant' }).lang, 'zh-Hant');
});
