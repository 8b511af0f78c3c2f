// The shop owner's configurator: form → live preview attributes → snippet to copy.
// The settings also live in the address (#site=…&rating=1) so a reload or a shared link keeps them.
// Each attribute's limits, allowed values and default come from the element's table (via snippet.js).
import { ATTRIBUTES as TABLE } from '../dist/npm/settings/attributes.js';
import { DEFAULTS, ATTRIBUTES, LANGUAGES, attributesFor, buildSnippet, endpointProblem, keyOf, normalise } from './snippet.js';

const form = document.getElementById('settings');
const preview = document.querySelector('#preview feedback-prompt');
const openRow = document.getElementById('open-row');
const openButton = document.getElementById('open-preview');
const accentInput = document.getElementById('accent');
const accentValue = document.getElementById('accent-value');
const accentReset = document.getElementById('accent-reset');
const snippetCode = document.getElementById('snippet');
const copyButton = document.getElementById('copy');
const copyStatus = document.getElementById('copy-status');

/** The <input type=color> always has a value; this says whether the owner actually chose one. */
let accentChosen = false;

const field = (key) => form.elements.namedItem(key);
const HEX = /^#[0-9a-f]{6}$/i;

/** Every attribute of the table has its control here; one missing is a mistake in this page. */
for (const name of ATTRIBUTES) {
  if (!field(keyOf(name))) console.error(`configurator: no control for the "${name}" attribute`);
}

/** The language list: every built-in language, named in itself (Nederlands, 日本語, …). */
const langSelect = field('lang');
for (const code of LANGUAGES) {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
  langSelect.add(Object.assign(new Option(`${name} (${code})`, code), { lang: code }));
}

/** Number fields take their limits from the table, and say them when a value is outside. */
const NUMBERS = TABLE.filter((spec) => spec.type === 'number');
for (const spec of NUMBERS) {
  const el = field(keyOf(spec.name));
  if (spec.min !== undefined) el.min = String(spec.min);
  if (spec.max !== undefined) el.max = String(spec.max);
  // Whole steps, but for a share from 0 to 1 (the spinner's steps only: any value in range is fine).
  el.step = spec.max !== undefined && spec.max - spec.min <= 1 ? 'any' : '1';
  const range = spec.max === undefined ? `of ${spec.min} or more` : `from ${spec.min} to ${spec.max}`;
  document.getElementById(`${el.id}-error`).textContent = `Use ${spec.integer ? 'a whole number' : 'a number'} ${range}.`;
}

/**
 * The colour the preview really uses when the owner chooses none (the element's own default, or
 * its dark-scheme one), as the swatch's #rrggbb.
 */
function themeAccent() {
  const button = preview.shadowRoot?.querySelector('[part=launcher], [part=submit]');
  const rgb = button && getComputedStyle(button).backgroundColor.match(/\d+/g);
  return rgb ? `#${rgb.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}` : null;
}

function readSettings() {
  const settings = {};
  for (const key of Object.keys(DEFAULTS)) {
    const el = field(key);
    if (!el) continue;
    settings[key] = el.type === 'checkbox' ? el.checked : el.value;
  }
  settings.accent = accentChosen ? accentInput.value : '';
  return settings;
}

function writeSettings(settings) {
  for (const [key, value] of Object.entries(settings)) {
    const el = field(key);
    if (!el || key === 'accent') continue;
    if (el.type === 'checkbox') el.checked = Boolean(value);
    else el.value = String(value);
  }
  accentChosen = HEX.test(settings.accent ?? '');
  if (accentChosen) accentInput.value = settings.accent;
}

/** Shows or hides a field's error, and ties it to the control only while it is shown. */
function setError(el, message) {
  const error = document.getElementById(`${el.id}-error`);
  if (!error) return;
  if (message !== null) error.textContent = message || error.textContent;
  const show = message !== null;
  error.hidden = !show;
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== error.id);
  if (show) ids.push(error.id);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
  if (show) el.setAttribute('aria-invalid', 'true');
  else el.removeAttribute('aria-invalid');
}

function validate(settings) {
  const problem = endpointProblem(settings.endpoint, location.origin);
  setError(field('endpoint'), problem || null);
  for (const spec of NUMBERS) {
    const key = keyOf(spec.name);
    const el = field(key);
    const value = el.value.trim();
    // Empty means "the default"; anything else must be a value the element accepts.
    const ok = !el.validity.badInput && (value === '' || normalise({ [key]: value })[key] === Number(value));
    setError(el, ok ? null : '');
  }
  for (const key of ['context', 'texts']) {
    const value = field(key).value.trim();
    setError(field(key), value === '' || normalise({ [key]: value })[key] ? null : '');
  }
}

function updatePreview(settings) {
  const wanted = new Map(attributesFor(settings));
  for (const name of ATTRIBUTES) {
    if (!wanted.has(name)) preview.removeAttribute(name);
  }
  for (const [name, value] of wanted) {
    const text = value === true ? '' : value;
    if (preview.getAttribute(name) !== text) preview.setAttribute(name, text);
  }
}

function updateAddress(settings) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(settings)) {
    if (key === 'endpoint' ? value.trim() === DEFAULTS.endpoint : normalise({ [key]: value })[key] === DEFAULTS[key]) {
      continue;
    }
    params.set(key, value === true ? '1' : String(value));
  }
  const hash = params.toString();
  const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
}

function readAddress() {
  const params = new URLSearchParams(location.hash.slice(1));
  const settings = {};
  for (const [key, value] of params) {
    if (!(key in DEFAULTS)) continue;
    settings[key] = typeof DEFAULTS[key] === 'boolean' ? value === '1' || value === 'true' : value;
  }
  return settings;
}

let lastSnippet = '';

function update() {
  const settings = readSettings();
  const trigger = normalise(settings).trigger;
  document.getElementById('delay-field').hidden = trigger !== 'delay';
  document.getElementById('scroll-field').hidden = trigger !== 'scroll';
  openRow.hidden = trigger !== 'manual';

  if (!accentChosen) accentInput.value = themeAccent() ?? accentInput.value;
  accentValue.textContent = accentChosen ? accentInput.value : `Theme colour (${accentInput.value})`;

  validate(settings);
  updatePreview(settings);
  updateAddress(settings);

  const snippet = buildSnippet(settings);
  if (snippet !== lastSnippet) {
    snippetCode.textContent = snippet;
    lastSnippet = snippet;
    copyStatus.textContent = '';
  }
}

form.addEventListener('input', (event) => {
  if (event.target === accentInput) accentChosen = true;
  update();
});
form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('reset', () => {
  accentChosen = false;
  // The form resets its controls after this event: read them once it has.
  setTimeout(update);
});

accentReset.addEventListener('click', () => {
  accentChosen = false;
  update();
});

openButton.addEventListener('click', () => {
  if (typeof preview.open === 'function') preview.open();
});

/** Selects the snippet so the owner can copy it by hand. */
function selectSnippet() {
  const range = document.createRange();
  range.selectNodeContents(snippetCode);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

copyButton.addEventListener('click', async () => {
  copyStatus.textContent = '';
  if (endpointProblem(field('endpoint').value, location.origin)) {
    copyStatus.textContent = 'Not copied: please fix the endpoint first.';
    return;
  }
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(lastSnippet);
    copyStatus.textContent = 'Copied';
  } catch {
    selectSnippet();
    const mac = /Mac|iPhone|iPad/.test(navigator.platform ?? '');
    copyStatus.textContent = `Selected: press ${mac ? '⌘C' : 'Ctrl+C'} to copy`;
  }
});

window.addEventListener('hashchange', () => {
  writeSettings({ ...DEFAULTS, ...readAddress() });
  update();
});

writeSettings({ ...DEFAULTS, ...readAddress() });
update();
// Once the preview has drawn its launcher, the swatch can show its real colour.
customElements.whenDefined('feedback-prompt').then(async () => {
  await preview.updateComplete;
  const drawn = new MutationObserver(() => preview.shadowRoot.querySelector('[part=launcher]') && (drawn.disconnect(), update()));
  drawn.observe(preview.shadowRoot, { childList: true, subtree: true });
  if (preview.shadowRoot.querySelector('[part=launcher]')) update();
});
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', update);
