// What `npm start` promises, in headless Chromium: an answer typed into the demo shop's widget reaches
// the real receiver across origins, is listed once with the printed API token, and the printed demo
// sign-in opens the inbox that shows it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startDemo } from '../../demo/server.js';
import { launchBrowser, newPage, signIn } from '../../receiver/test/support/browser.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'feedback-prompt-demo-shop-'));
let demo;
let browser;
before(async () => {
  demo = await startDemo({ port: 0, receiverPort: 0, dataDir, allowedOrigins: [], log: () => {} });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('an answer sent in the demo shop is listed once by the API and shown in the inbox', { timeout: 60_000 }, async () => {
  const page = await newPage(browser);
  await page.goto(demo.shop, { waitUntil: 'load' });
  const text = 'Gluten-free shortbread, please';
  const delivered = await page.evaluate(
    async (endpoint, text) => {
      const el = document.querySelector('feedback-prompt');
      await customElements.whenDefined('feedback-prompt');
      // The page names the demo's fixed receiver port; this test's receiver listens on a free one.
      el.endpoint = endpoint;
      // The launcher and the form are drawn in idle time and a task later: look each frame until there.
      const shown = async (selector) => {
        for (;;) {
          const found = el.shadowRoot?.querySelector(selector);
          if (found) return found;
          await new Promise(requestAnimationFrame);
        }
      };
      (await shown('[part=launcher]')).click();
      const area = await shown('[part=textarea]');
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      const outcome = new Promise((resolve) => {
        el.addEventListener('feedback-sent', (e) => resolve({ sent: e.detail.id }), { once: true });
        el.addEventListener('feedback-failed', (e) => resolve({ failed: e.detail }), { once: true });
      });
      el.shadowRoot.querySelector('[part=submit]').click();
      return outcome;
    },
    demo.endpoint,
    text,
  );
  assert.ok(delivered.sent, `the widget reports ${JSON.stringify(delivered)}`);

  const res = await fetch(`${demo.receiver}/api/answers`, { headers: { authorization: `Bearer ${demo.signIn.token}` } });
  const { answers } = await res.json();
  const listed = answers.filter((a) => a.answer === text);
  assert.equal(listed.length, 1);
  assert.equal(listed[0].id, delivered.sent);
  assert.equal(listed[0].site, 'kettle-and-crumb');
  assert.equal(listed[0].page, `${new URL(demo.shop).origin}/`);
  assert.equal(listed[0].context.pageType, 'home');
  assert.deepEqual(page.problems, []);
  await page.close();

  const inbox = await newPage(browser);
  await signIn(inbox, demo.inbox, demo.signIn.email, demo.signIn.password);
  await inbox.waitForFunction((t) => [...document.querySelectorAll('.card .answer-text')].some((e) => e.textContent.includes(t)), {}, text);
  await inbox.close();
});
