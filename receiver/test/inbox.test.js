// The inbox in a real browser against a real receiver (SQLite): sign in, read, find, triage, reply through
// a local SMTP server, export, erase, sign out. Run: node --test receiver/test/inbox.test.js (after the build).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { parse } from 'csv-parse/sync';
import { SMTPServer } from 'smtp-server';
import { OWNER, postAnswer, signedIn, useReceiver, wireAnswer } from './support/server.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { serveFolders } from '../../scripts/static-files.js';

// One browser for the file (each page gets a context of its own): starting Chromium is the slow part.
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const texts = (page) => page.$$eval('.card .answer-text', (nodes) => nodes.map((node) => node.textContent));

/** Waits until the list shows exactly these answers, in this order. */
async function waitForList(page, answers) {
  const expected = answers.map((answer) => answer.answer);
  try {
    await page.waitForFunction(
      (wanted) => JSON.stringify([...document.querySelectorAll('.card .answer-text')].map((node) => node.textContent)) === wanted,
      { timeout: 30_000 },
      JSON.stringify(expected),
    );
  } catch {
    assert.deepEqual(await texts(page), expected);
  }
}

/** Resolves when the page's next PATCH of an answer has been answered. */
const patched = (page) =>
  page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes('/api/answers/'));

const waitForToast = (page, pattern) =>
  page.waitForFunction((source) => new RegExp(source).test(document.querySelector('.toast')?.textContent ?? ''), { timeout: 30_000 }, pattern.source);

/** A local SMTP server that keeps what it receives. */
async function useSmtp(t) {
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => (raw += chunk));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return { url: `smtp://127.0.0.1:${server.server.address().port}`, messages };
}

/** The text of a (quoted-printable) message body, soft line breaks joined. */
const decodeQuotedPrintable = (raw) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

test('the inbox: sign in, read, filter, search, triage, tag, note, reply, export, erase, sign out', async (t) => {
  const smtp = await useSmtp(t);
  const receiver = await useReceiver(t, 'sqlite', { smtp: smtp.url, mailFrom: 'shop@shop.example' });
  const api = await signedIn(receiver);
  const page = await newPage(browser);
  const inbox = `${receiver.url}/inbox/`;

  // Sent as the widget sends them, oldest first.
  const parcel = wireAnswer({ lang: 'en', topic: 'Delivery', email: 'sam@example.com', answer: 'Where is my parcel? I ordered it on Monday.' });
  const tea = wireAnswer({ lang: 'nl', topic: 'Products', rating: 5, page: 'https://shop.example/thee/rooibos', answer: 'Graag meer losse thee, de rooibos is heerlijk.' });
  const lockers = wireAnswer({ lang: 'de', topic: 'Delivery', email: 'jonas@example.de', answer: 'Bitte auch Lieferung an Packstationen anbieten.' });
  for (const answer of [parcel, tea, lockers]) assert.equal((await postAnswer(receiver.url, answer)).status, 201);
  const stored = async (answer) => (await api(`/api/answers/${answer.id}`)).json();

  await t.test('signs in and shows the answers newest first, in their language, unread', async () => {
    await signIn(page, inbox, OWNER.email, OWNER.password);
    await waitForList(page, [lockers, tea, parcel]);
    const first = await page.$eval('.card .answer-text', (node) => ({ lang: node.lang, dir: node.dir }));
    assert.deepEqual(first, { lang: 'de', dir: 'auto' });
    assert.equal(await page.$$eval('.card.unread .badge-unread', (nodes) => nodes.length), 3);
  });

  await t.test('filters by topic, in the URL, and a reload keeps the view', async () => {
    await page.click('.more-filters summary');
    await page.type('#filter-topic', 'Delivery');
    await page.keyboard.press('Tab');
    await waitForList(page, [lockers, parcel]);
    assert.match(page.url(), /[?&]topic=Delivery/);
    await page.reload();
    await waitForList(page, [lockers, parcel]);
    assert.equal(await page.$eval('#filter-topic', (input) => input.value), 'Delivery');
    await page.click('.field-actions a');
    await waitForList(page, [lockers, tea, parcel]);
  });

  await t.test('searches as one types', async () => {
    // Results that arrive between two letters must not put the shorter text back in the box: the
    // search for "roo" is held until the next letter is typed, then let through.
    await page.setRequestInterception(true);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const hold = (request) => (/[?&]q=roo(&|$)/.test(request.url()) ? release(request) : request.continue());
    page.on('request', hold);
    await page.type('#search', 'roo');
    const request = await held;
    await page.keyboard.type('i');
    await Promise.all([page.waitForResponse((response) => response.request() === request), request.continue()]);
    await page.keyboard.type('bos');
    page.off('request', hold);
    await page.setRequestInterception(false);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'rooibos');
    await waitForList(page, [tea]);
    assert.equal(await page.$eval('#search', (input) => input.value), 'rooibos');
    await page.click('#search', { count: 3 });
    await page.keyboard.press('Backspace');
    await waitForList(page, [lockers, tea, parcel]);
  });

  await t.test('marks handled with one key, and undoes it', async () => {
    await page.focus('#view-heading');
    await page.keyboard.press('j');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.answerId), lockers.id);
    await Promise.all([patched(page), page.keyboard.press('e')]);
    await waitForList(page, [tea, parcel]);
    await waitForToast(page, /Marked as handled/);
    assert.equal((await stored(lockers)).status, 'handled');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.answerId), tea.id, 'the next answer takes the focus');
    await Promise.all([patched(page), page.keyboard.press('u')]);
    await waitForList(page, [lockers, tea, parcel]);
    await waitForToast(page, /Undone/);
    assert.equal((await stored(lockers)).status, 'new');
    await Promise.all([patched(page), page.click(`[data-answer-id="${lockers.id}"] .actions button`)]);
    await waitForList(page, [tea, parcel]);
    await waitForToast(page, /Marked as handled/);
    assert.equal((await stored(lockers)).status, 'handled');
  });

  await t.test('tags an answer and keeps a private note', async () => {
    await page.focus(`[data-answer-id="${parcel.id}"]`);
    await page.keyboard.press('t');
    await page.waitForFunction((id) => document.activeElement?.id === `tag-${id}`, {}, parcel.id);
    await page.keyboard.type('late parcel');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector(`[data-answer-id="${id}"] .tag-list`)?.textContent.includes('late parcel'), {}, parcel.id);
    await waitForToast(page, /Tag late parcel added/);
    await page.type(`#note-${parcel.id}`, 'Asked the courier on Tuesday.');
    await page.click(`[data-answer-id="${parcel.id}"] .note button`);
    await waitForToast(page, /Note saved/);
    const after = await stored(parcel);
    assert.deepEqual(after.tags, ['late parcel']);
    assert.equal(after.note, 'Asked the courier on Tuesday.');
    assert.equal(after.read, true, 'opening an answer marks it read');
    // The tag is a link to every answer with it.
    await page.click(`[data-answer-id="${parcel.id}"] .tag a`);
    await waitForList(page, [parcel]);
    assert.match(page.url(), /tag=late\+parcel/);
  });

  await t.test('replies through SMTP: the customer gets their words quoted, the reply is recorded', async () => {
    await page.click(`[data-answer-id="${parcel.id}"] button[aria-keyshortcuts="r"]`);
    await page.waitForSelector('.composer textarea');
    const body = await page.$eval('.composer textarea', (textarea) => textarea.value);
    assert.match(body, /^Hello,/);
    assert.match(body, /^> Where is my parcel\? I ordered it on Monday\.$/m);
    await page.type('.composer textarea', 'It left our warehouse today; sorry for the wait.');
    await page.click('.composer button[type=submit]');
    await waitForToast(page, /Reply sent to sam@example\.com/);
    assert.equal(smtp.messages.length, 1);
    const [message] = smtp.messages;
    assert.deepEqual(message.to, ['sam@example.com']);
    const text = decodeQuotedPrintable(message.raw);
    assert.match(text, /Subject: About your message/);
    assert.match(text, /> Where is my parcel\? I ordered it on Monday\./);
    assert.match(text, /It left our warehouse today; sorry for the wait\./);
    const after = await stored(parcel);
    assert.equal(after.status, 'handled');
    assert.equal(after.replies.length, 1);
    assert.equal(after.replies[0].by, OWNER.email);
    assert.equal(after.replies[0].via, 'smtp');
    assert.ok(await page.$(`[data-answer-id="${parcel.id}"] .badge-replied`));
  });

  await t.test('exports the filtered view as CSV', async () => {
    await page.goto(`${inbox}?status=all&topic=Delivery`);
    await waitForList(page, [lockers, parcel]);
    const href = await page.$eval('a.export', (link) => link.href);
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    const rows = parse(csv, { columns: true, bom: true });
    assert.deepEqual(rows.map((row) => row.id), [lockers.id, parcel.id]);
    assert.equal(rows[1].answer, parcel.answer);
    assert.equal(rows[1].tags, 'late parcel');
  });

  await t.test("erases a customer's answers after saying how many", async () => {
    await page.click('.main-nav a[href*="view=settings"]');
    await page.waitForSelector('#erase-email');
    await page.type('#erase-email', 'jonas@example.de');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#erase-confirm');
    const confirm = await page.$eval('.confirm', (node) => node.textContent);
    assert.match(confirm, /1 answer given with jonas@example\.de will be deleted for good/);
    await page.click('#erase-confirm');
    await page.waitForFunction(() => /1 answer deleted/.test(document.querySelector('inbox-erase .form-status')?.textContent ?? ''));
    assert.equal((await api('/api/answers/count?email=jonas@example.de').then((r) => r.json())).count, 0);
    assert.equal((await api(`/api/answers/${tea.id}`)).status, 200, 'other answers stay');
  });

  await t.test('changes the settings without a restart', async () => {
    await page.evaluate(() => (document.querySelector('#notify-email').value = ''));
    await page.type('#notify-email', 'team@shop.example');
    await page.click('.settings-form input[name=digest]');
    await page.type('#retention', '400');
    await page.click('.settings-form button[type=submit]');
    await page.waitForFunction(() => /Settings saved/.test(document.querySelector('inbox-settings .form-status')?.textContent ?? ''));
    assert.deepEqual(await (await api('/api/settings')).json(), { notifyEmail: 'team@shop.example', digest: 'daily', retentionDays: 400 });
    await page.reload();
    await page.waitForSelector('#retention');
    assert.equal(await page.$eval('#retention', (input) => input.value), '400');
  });

  await t.test("the overview counts the week's answers and links to them", async () => {
    await page.click('.main-nav a[href*="view=overview"]');
    await page.waitForSelector('.overview-grid');
    assert.match(await page.$eval('.overview-total', (node) => node.textContent), /2 new answers/);
    const topics = await page.$$eval('[aria-labelledby=ov-topics] li', (items) => items.map((item) => item.textContent.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(topics, ['Delivery 1', 'Products 1']);
    await page.click('[aria-labelledby=ov-topics] a');
    await waitForList(page, [parcel]);
    assert.match(page.url(), /topic=Delivery/);
    assert.match(page.url(), /status=all/);

    // A page row links to that page's answers, and the find bar shows the page filter.
    await page.click('.main-nav a[href*="view=overview"]');
    await page.waitForSelector('.overview-grid');
    const pages = await page.$$eval('[aria-labelledby=ov-pages] li a', (links) => links.map((link) => link.textContent.trim()));
    assert.deepEqual(pages.sort(), ['shop.example/cart', 'shop.example/thee/rooibos']);
    await page.click('[aria-labelledby=ov-pages] a[href*="rooibos"]');
    await waitForList(page, [tea]);
    assert.equal(new URL(page.url()).searchParams.get('page'), tea.page);
    assert.equal(await page.$eval('.more-filters', (details) => details.open), true, 'an active filter shows its field');
    assert.equal(await page.$eval('#filter-page', (input) => input.value), tea.page);
    await page.click('.field-actions a');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('page'));
    assert.equal(await page.$eval('#filter-page', (input) => input.value), '');
  });

  await t.test('signs out, and the API is closed to the page', async () => {
    await page.click('.account button:last-of-type');
    await page.waitForSelector('#sign-in-email');
    const status = await page.evaluate(async () => (await fetch('/api/answers')).status);
    assert.equal(status, 401);
    await page.goto(inbox);
    await page.waitForSelector('#sign-in-email');
    assert.deepEqual(page.problems, []);
  });
});

test('sign-in says when the password is wrong, and when there were too many attempts', async (t) => {
  const receiver = await useReceiver(t, 'sqlite', {
    signInThrottle: { freeFailures: 10, maxFailures: 2, windowMs: 120_000, baseDelayMs: 0, maxDelayMs: 0 },
  });
  await signedIn(receiver);
  const page = await newPage(browser);
  await page.goto(`${receiver.url}/inbox/`);
  await page.waitForSelector('#sign-in-email');
  await page.type('#sign-in-email', OWNER.email);
  const attempt = async () => {
    await page.click('#sign-in-password', { count: 3 });
    await page.type('#sign-in-password', 'not the password');
    // The message is cleared when the form is sent, so what shows after the reply is this attempt's.
    await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/session')), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => !document.querySelector('.sign-in button[type=submit]').disabled && document.querySelector('#sign-in-error').textContent);
    return page.$eval('#sign-in-error', (node) => node.textContent);
  };
  assert.match(await attempt(), /e-mail address and password do not match/);
  assert.match(await attempt(), /e-mail address and password do not match/);
  assert.match(await attempt(), /Too many attempts\. Try again in 2 minutes\./);
  assert.equal(await page.$eval('#sign-in-password', (input) => input.getAttribute('aria-invalid')), 'true');
});

test('without SMTP, Reply opens a mailto: link with the words quoted, and records the reply', async (t) => {
  const receiver = await useReceiver(t, 'sqlite');
  const api = await signedIn(receiver);
  const answer = wireAnswer({ lang: 'nl', email: 'anouk@example.nl', answer: 'Kan ik mijn bestelling nog wijzigen?' });
  assert.equal((await postAnswer(receiver.url, answer)).status, 201);
  const page = await newPage(browser);
  await signIn(page, `${receiver.url}/inbox/`, OWNER.email, OWNER.password);
  await page.waitForSelector('.card');
  await page.keyboard.press('j');
  await page.keyboard.press('r');
  await page.waitForSelector('.composer a[href^="mailto:"]');
  assert.equal(await page.$('.composer button[type=submit]'), null, 'no Send button without SMTP');
  const href = await page.$eval('.composer a[href^="mailto:"]', (link) => link.getAttribute('href'));
  const url = new URL(href);
  assert.equal(url.pathname, 'anouk@example.nl');
  const body = url.searchParams.get('body');
  assert.match(body, /^Hallo,/, "the opening is in the customer's language");
  assert.match(body, /^> Kan ik mijn bestelling nog wijzigen\?$/m);
  // The e-mail app is not part of the test: the page's own click handler runs, the navigation does not.
  await page.evaluate(() => document.addEventListener('click', (event) => event.preventDefault()));
  await page.click('.composer a[href^="mailto:"]');
  await waitForToast(page, /opened in your e-mail app/);
  const after = await (await api(`/api/answers/${answer.id}`)).json();
  assert.equal(after.replies[0].via, 'mailto');
  assert.equal(after.status, 'handled');
});

test('an answer made of markup and javascript: URLs is shown as text, and nothing runs', async (t) => {
  const receiver = await useReceiver(t, 'sqlite');
  await signedIn(receiver);
  const hostile = wireAnswer({
    answer: '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><a href="javascript:window.pwned=3">click</a>',
    topic: '<b onmouseover="window.pwned=4">topic</b>',
    lang: '"><script>window.pwned=5</script>',
    context: { note: '<svg onload="window.pwned=6"></svg>' },
  });
  assert.equal((await postAnswer(receiver.url, hostile)).status, 201);
  // Ingest refuses a page that is not http(s); one stored anyway (an older version, a hand-edited
  // database) must still not become a link.
  const scripted = wireAnswer({ answer: 'A page that is a script', page: 'javascript:window.pwned=7' });
  await receiver.store.insert(scripted, new Date(Date.now() - 60_000).toISOString(), []);
  const inbox = await fetch(`${receiver.url}/inbox/`);
  assert.match(inbox.headers.get('content-security-policy'), /script-src 'self'/);
  const page = await newPage(browser);
  await signIn(page, `${receiver.url}/inbox/`, OWNER.email, OWNER.password);
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 2);
  const scriptedCard = await page.$eval(`[data-answer-id="${scripted.id}"]`, (node) => ({
    link: node.querySelector('.meta a'),
    text: node.querySelector('.page-text')?.textContent,
  }));
  assert.deepEqual(scriptedCard, { link: null, text: scripted.page }, 'a javascript: page is shown as text, not a link');
  await page.click('.card button[aria-controls]');
  await page.waitForSelector('.card .context');
  const card = await page.$eval('.card', (node) => ({
    text: node.querySelector('.answer-text').textContent,
    elements: node.querySelectorAll('img, script, svg, b, .answer-text a').length,
    pageLink: node.querySelector('.meta a')?.getAttribute('rel'),
    context: node.querySelector('.context pre').textContent,
  }));
  assert.equal(card.text, hostile.answer);
  assert.equal(card.elements, 0);
  assert.equal(card.pageLink, 'noopener noreferrer nofollow');
  assert.match(card.context, /<svg onload/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(page.problems, []);
});

test('an answer sent by the widget on a shop page appears in the inbox', async (t) => {
  assert.ok(existsSync(path.join(ROOT, 'dist', 'feedback-prompt.js')), 'the widget is built (npm run build)');
  // The shop: another origin, serving the widget's own build.
  const shop = Fastify();
  await serveFolders(shop, { '/dist/': path.join(ROOT, 'dist') });
  let endpoint = '';
  shop.get('/', (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>Shop</title><h1>Tea</h1>` +
          `<feedback-prompt endpoint="${endpoint}" site="shop-42" trigger="manual"></feedback-prompt>` +
          `<script type="module" src="/dist/feedback-prompt.js"></script>`,
      ),
  );
  await shop.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => shop.close());
  const shopOrigin = `http://127.0.0.1:${shop.server.address().port}`;
  const receiver = await useReceiver(t, 'sqlite', { allowedOrigins: [shopOrigin] });
  endpoint = `${receiver.url}/answers`;
  await signedIn(receiver);

  const customer = await newPage(browser);
  await customer.goto(`${shopOrigin}/`);
  await customer.waitForFunction(() => customElements.get('feedback-prompt') && document.querySelector('feedback-prompt').open);
  await customer.evaluate(() => document.querySelector('feedback-prompt').open());
  const textarea = await customer.waitForFunction(() => document.querySelector('feedback-prompt').shadowRoot?.querySelector('[part=textarea]'));
  const words = 'Do you ship to Iceland? I would order the whole rooibos range.';
  await textarea.type(words);
  const stored = customer.waitForResponse((response) => response.url() === endpoint && response.request().method() === 'POST', { timeout: 20_000 });
  await (await customer.evaluateHandle(() => document.querySelector('feedback-prompt').shadowRoot.querySelector('[part=submit]'))).click();
  assert.equal((await stored).status(), 201);

  const owner = await newPage(browser);
  await signIn(owner, `${receiver.url}/inbox/`, OWNER.email, OWNER.password);
  await owner.waitForSelector('.card .answer-text');
  assert.deepEqual(await texts(owner), [words]);
  const meta = await owner.$eval('.card .meta', (node) => node.textContent);
  assert.match(meta, /shop-42/);
  assert.match(meta, new RegExp(`127\\.0\\.0\\.1:${shop.server.address().port}`), 'the page it was sent from');
});

test('pages through many answers with the cursor as the list scrolls, newest first, none twice', async (t) => {
  const receiver = await useReceiver(t, 'sqlite');
  await signedIn(receiver);
  const now = Date.now();
  const answers = Array.from({ length: 120 }, (_, i) => wireAnswer({ answer: `Answer ${String(i).padStart(3, '0')}` }));
  await Promise.all(answers.map((answer, i) => receiver.store.insert(answer, new Date(now - (120 - i) * 60_000).toISOString(), [])));
  const page = await newPage(browser, { height: 700 });
  await signIn(page, `${receiver.url}/inbox/`, OWNER.email, OWNER.password);
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 50);
  // Scrolling to the end brings the next page; the button does the same for those who prefer it.
  await page.evaluate(() => document.querySelector('.list-end').scrollIntoView());
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 100);
  await page.evaluate(() => document.querySelector('.list-end').scrollIntoView());
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 120 && !document.querySelector('.list-end'));
  const shown = await texts(page);
  assert.deepEqual(shown, answers.map((answer) => answer.answer).reverse());
  assert.equal(await page.$eval('.count', (node) => node.textContent.trim()), '120 answers');
});
