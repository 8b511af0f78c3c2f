// docs/guides.md, followed in headless Chromium: the files on one origin (with the headers the guide
// names), the shop on a second, the receiver on a third. The plain-HTML snippet under the guide's
// strict CSP (with Trusted Types), and the tag-manager way (a script that injects the classic
// script); each page in a language other than English, each answer sent to the real receiver.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Fastify from 'fastify';
import puppeteer from 'puppeteer-core';
import { startReceiver } from '../../receiver/dist/index.js';
import { CHROME_ARGS, findChrome } from '../../scripts/find-browser.js';
import { ROOT } from '../../scripts/run.js';
import { serveFolders } from '../../scripts/static-files.js';

const FILES = '/feedback-prompt/0.1.0/';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'feedback-prompt-guides-'));
let files;
let shop;
let receiver;
let browser;
const origin = (app) => `http://127.0.0.1:${app.server.address().port}`;

/** The guide's plain-HTML snippet, under its CSP. */
const plainPage = (filesAt, endpoint) => `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>Butiken</h1>
<script type="module" src="${filesAt}feedback-prompt.js"></script>
<feedback-prompt endpoint="${endpoint}" site="shop-42"></feedback-prompt>
</body></html>`;

/** A tag manager: an inline script (allowed by its nonce) that adds the guide's classic-script tag. */
const tagManagerPage = (filesAt, endpoint) => `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Kauppa</title></head>
<body><h1>Kauppa</h1>
<script nonce="tag-manager">
  const tag = document.createElement('script');
  tag.src = ${JSON.stringify(`${filesAt}feedback-prompt.iife.js`)};
  tag.dataset.endpoint = ${JSON.stringify(endpoint)};
  tag.dataset.site = 'shop-42';
  tag.dataset.rating = '';
  document.body.append(tag);
</script>
</body></html>`;

before(async () => {
  // The files, as guides.md step 1 says to serve them from another origin.
  files = Fastify();
  files.addHook('onSend', async (request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
  });
  await serveFolders(files, { [FILES]: path.join(ROOT, 'dist') });
  await files.listen({ port: 0, host: '127.0.0.1' });

  shop = Fastify();
  const filesAt = `${origin(files)}${FILES}`;
  shop.get('/plain.html', (request, reply) =>
    reply
      .type('text/html')
      .header('Content-Security-Policy',
        `script-src 'self' ${origin(files)}; connect-src 'self' ${receiver.url.replace(/\/$/, '')}; require-trusted-types-for 'script'; trusted-types lit-html`)
      .send(plainPage(filesAt, `${receiver.url.replace(/\/$/, '')}/answers`)));
  shop.get('/tag-manager.html', (request, reply) =>
    reply
      .type('text/html')
      .header('Content-Security-Policy', `script-src 'nonce-tag-manager' ${origin(files)}; connect-src ${receiver.url.replace(/\/$/, '')}`)
      .send(tagManagerPage(filesAt, `${receiver.url.replace(/\/$/, '')}/answers`)));
  // Browsers ask every origin for one; an empty answer keeps the console clean.
  shop.get('/favicon.ico', (request, reply) => reply.code(204).send());
  await shop.listen({ port: 0, host: '127.0.0.1' });

  // guides.md step 2: the receiver, allowing the shop's origin (not the files' origin).
  receiver = await startReceiver({ port: 0, host: '127.0.0.1', data: dataDir, allowedOrigins: [origin(shop)], logger: false });
  browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
});

after(async () => {
  await browser?.close();
  await shop?.close();
  await files?.close();
  await receiver?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Opens a shop page, answers through the widget, and reports what the customer and the console saw. */
async function answerOn(pagePath, text) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.evaluateOnNewDocument(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  const fetched = [];
  page.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`${origin(shop)}${pagePath}`);
  const launcher = await page.waitForFunction(
    () => document.querySelector('feedback-prompt')?.shadowRoot?.querySelector('[part=launcher]')?.textContent.trim(),
    { timeout: 15_000 },
  ).then((handle) => handle.jsonValue());
  await page.evaluate(() => document.querySelector('feedback-prompt').shadowRoot.querySelector('[part=launcher]').click());
  const field = await page.waitForFunction(() => document.querySelector('feedback-prompt').shadowRoot.querySelector('[part=textarea]'));
  await field.type(text);
  // feedback-sent fires once the receiver has the answer and the widget has deleted it from the
  // device; closing earlier would leave it stored, the next page would send it again (a 409).
  await page.evaluate(() => {
    document.addEventListener('feedback-sent', () => (window.feedbackSent = true), { once: true });
    document.querySelector('feedback-prompt').shadowRoot.querySelector('[part=submit]').click();
  });
  await page.waitForFunction(
    () => document.querySelector('feedback-prompt').shadowRoot.querySelector('.primary'),
    { timeout: 15_000 },
  );
  await page.waitForFunction(() => window.feedbackSent === true, { timeout: 15_000 });
  await page.close();
  return { launcher, problems, fetched };
}

test('plain HTML, under the guide\'s strict CSP: the Swedish widget, its file from beside the module, the answer received', async () => {
  const before = await receiver.store.count({});
  const seen = await answerOn('/plain.html', 'Mer rooibos, tack');
  assert.equal(seen.launcher, 'Tyck till');
  assert.ok(seen.fetched.includes(`${FILES}feedback-prompt-sv.js`), seen.fetched.join(', '));
  assert.deepEqual(seen.problems, []);
  assert.equal(await receiver.store.count({}), before + 1);
});

test('Google Tag Manager style, the classic script injected by another script: Finnish, from the files\' origin, received', async () => {
  const before = await receiver.store.count({});
  const seen = await answerOn('/tag-manager.html', 'Lisää ruisleipää');
  assert.equal(seen.launcher, 'Palaute');
  assert.ok(seen.fetched.includes(`${FILES}feedback-prompt-fi.js`), seen.fetched.join(', '));
  assert.deepEqual(seen.problems, []);
  assert.equal(await receiver.store.count({}), before + 1);
});
