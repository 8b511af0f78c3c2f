// The inbox: lists what the demo receiver stored (GET /answers), newest first.
// Everything a customer or a client sent is put in the page with textContent, never as HTML.
const REFRESH_MS = 5000;
const $ = (id) => document.getElementById(id);
const list = $('answers');
let shown = '';
let loading = false;

const when = (iso) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
};

function element(tag, text, attrs = {}) {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

/** The page link, only when it really is http(s): the file could have been edited by hand. */
function pageLink(page) {
  try {
    const url = new URL(page);
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      return element('a', page, { href: url.href, rel: 'noopener noreferrer' });
    }
  } catch {
    // Not a URL: shown as text below.
  }
  return document.createTextNode(String(page));
}

function rating(value) {
  const stars = element('span', '★'.repeat(value) + '☆'.repeat(5 - value), { class: 'stars', 'aria-hidden': 'true' });
  const wrap = element('span', undefined, { 'aria-label': `${value} of 5` });
  wrap.append(stars, ` ${value}/5`);
  return wrap;
}

function renderAnswer(record) {
  const item = element('li', undefined, { class: 'answer' });
  // dir="auto" and the answer's own lang: Arabic reads right to left, screen readers pick the voice.
  const text = element('p', String(record.answer ?? ''), { class: 'text', dir: 'auto' });
  if (typeof record.lang === 'string' && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(record.lang)) text.lang = record.lang;
  item.append(text);

  const facts = element('dl');
  const fact = (label, value) => {
    if (value === null || value === undefined || value === '') return;
    const dd = element('dd');
    dd.append(value instanceof Node ? value : String(value));
    facts.append(element('dt', label), dd);
  };
  if (Number.isInteger(record.rating) && record.rating >= 1 && record.rating <= 5) fact('Rating', rating(record.rating));
  fact('Topic', record.topic);
  fact('E-mail', record.email);
  fact('Site', record.site === '' ? '(empty)' : record.site);
  fact('Language', record.lang);
  fact('Page', pageLink(record.page));
  fact('Written', when(record.createdAt));
  fact('Received', when(record.receivedAt));
  fact('Id', record.id);
  item.append(facts);

  const context = record.context && typeof record.context === 'object' ? record.context : {};
  const keys = Object.keys(context).length;
  // Open when there is something to read; an empty context only takes room.
  const details = element('details', undefined, keys > 0 ? { open: '' } : {});
  details.append(element('summary', `Context (${keys} ${keys === 1 ? 'key' : 'keys'})`), element('pre', JSON.stringify(context, null, 2)));
  item.append(details);
  return item;
}

function render(records) {
  const count = records.length;
  $('count').textContent = count === 1 ? '1 answer' : `${count} answers`;
  $('empty').hidden = count > 0;
  // Rebuilt only when something changed, so an auto-refresh doesn't close an open "Context"
  // or drop the text someone is selecting to copy.
  const signature = JSON.stringify(records);
  if (signature === shown) return;
  shown = signature;
  list.replaceChildren(...records.map(renderAnswer));
}

async function load() {
  if (loading) return;
  loading = true;
  try {
    const response = await fetch('/answers', { cache: 'no-store', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
    const records = await response.json();
    if (!Array.isArray(records)) throw new Error('the server did not send a list');
    render(records);
    $('error').hidden = true;
    $('updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
  } catch (err) {
    $('error').textContent = `Could not load the answers: ${err.message}. Is the demo server (npm start) running?`;
    $('error').hidden = false;
    if (shown === '') $('count').textContent = 'No answers loaded';
  } finally {
    loading = false;
  }
}

$('refresh').addEventListener('click', load);
// No polling while the tab is in the background; catch up as soon as it is looked at again.
setInterval(() => {
  if (document.visibilityState === 'visible') load();
}, REFRESH_MS);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') load();
});
load();
