// The inbox for keyboard and screen reader users: axe-core (WCAG 2.2 AA rules) finds nothing serious or
// critical on sign-in, the list, an open answer and the composer, light and dark; triage by keyboard only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OWNER, signedIn, useReceiver } from './support/server.js';
import { axeViolations, launchBrowser, newPage, signIn } from './support/browser.js';
import { sampleAnswers, storeAnswers } from './support/sample-answers.js';

// One browser for the file (each page gets a context of its own): starting Chromium is the slow part.
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

async function inboxWithAnswers(t) {
  // A mailer that keeps nothing: the composer then shows its SMTP form, the fuller of its two states.
  const receiver = await useReceiver(t, 'sqlite', { mailer: { send: async () => {}, close() {} }, mailFrom: 'shop@shop.example' });
  await signedIn(receiver);
  const answers = sampleAnswers();
  await storeAnswers(receiver.store, answers);
  return { receiver, browser, answers, inbox: `${receiver.url}/inbox/` };
}

test('axe finds nothing serious or critical, light and dark', async (t) => {
  const { browser, inbox, receiver } = await inboxWithAnswers(t);
  for (const scheme of ['light', 'dark']) {
    await t.test(scheme, async () => {
      const page = await newPage(browser, { scheme });
      await page.goto(inbox);
      await page.waitForSelector('#sign-in-email');
      assert.deepEqual(await axeViolations(page), [], 'sign-in');

      await signIn(page, inbox, OWNER.email, OWNER.password);
      const toDo = await receiver.store.count({ status: 'new' });
      await page.waitForFunction((n) => document.querySelectorAll('.card').length === n, {}, toDo);
      assert.deepEqual(await axeViolations(page), [], 'the list');

      await page.keyboard.press('j');
      await page.keyboard.press('o');
      await page.waitForSelector('.card.open .details textarea');
      await page.click('.card.open .context summary');
      assert.deepEqual(await axeViolations(page), [], 'an open answer');

      await page.keyboard.press('r');
      await page.waitForSelector('.composer textarea');
      await page.waitForFunction(() => document.querySelector('.composer textarea').value !== '');
      assert.deepEqual(await axeViolations(page), [], 'the composer');

      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('.composer'));
      await page.keyboard.press('e');
      await page.waitForSelector('.toast button');
      assert.deepEqual(await axeViolations(page), [], 'the list with a toast');

      await page.click('.main-nav a[href*="overview"]');
      await page.waitForSelector('.overview-grid');
      assert.deepEqual(await axeViolations(page), [], 'the overview');

      await page.click('.main-nav a[href*="settings"]');
      await page.waitForSelector('.settings-form');
      assert.deepEqual(await axeViolations(page), [], 'the settings');
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
});

test('triage works with the keyboard alone, and the shortcuts are listed', async (t) => {
  const { browser, inbox, answers, receiver } = await inboxWithAnswers(t);
  const page = await newPage(browser);
  await signIn(page, inbox, OWNER.email, OWNER.password);
  await page.waitForFunction((n) => document.querySelectorAll('.card').length === n, {}, answers.length);
  const patched = () => page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes('/api/answers/'));
  // The focus moves once the list has re-rendered: wait for it rather than read it straight after the key.
  const focusReaches = (id) =>
    page.waitForFunction((want) => document.activeElement?.closest('[data-answer-id]')?.dataset.answerId === want, { timeout: 5000 }, id);

  // The list of shortcuts: a dialog that takes the focus and gives it back.
  await page.keyboard.press('?');
  await page.waitForSelector('dialog.shortcuts[open]');
  const listed = await page.$$eval('dialog.shortcuts kbd', (keys) => keys.map((key) => key.textContent));
  for (const key of ['j', 'k', 'o', 'e', 'u', 'r', '/', '?']) assert.ok(listed.includes(key), `lists ${key}`);
  assert.ok(await page.evaluate(() => document.activeElement.closest('dialog') !== null), 'the dialog has the focus');
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog.shortcuts:not([open])');

  await page.keyboard.press('j');
  await focusReaches(answers[0].id);
  await page.keyboard.press('j');
  await focusReaches(answers[1].id);
  await page.keyboard.press('k');
  await focusReaches(answers[0].id);
  await page.keyboard.press('j');
  await focusReaches(answers[1].id);

  // e: handled, the card leaves "To do", the next one has the focus; u brings it back.
  await Promise.all([patched(), page.keyboard.press('e')]);
  await page.waitForFunction((id) => !document.querySelector(`[data-answer-id="${id}"]`), {}, answers[1].id);
  await focusReaches(answers[2].id);
  assert.equal((await receiver.store.get(answers[1].id)).status, 'handled');
  await Promise.all([patched(), page.keyboard.press('u')]);
  await page.waitForFunction((id) => document.activeElement?.dataset.answerId === id, {}, answers[1].id);
  assert.equal((await receiver.store.get(answers[1].id)).status, 'new');

  // Tab reaches the card's buttons (after the page link); Enter presses them.
  for (let presses = 0; presses < 4 && (await page.evaluate(() => document.activeElement.tagName)) !== 'BUTTON'; presses++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Handled');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => !document.querySelector(`[data-answer-id="${id}"]`), {}, answers[1].id);
  await page.waitForFunction(async (id) => (await fetch(`/api/answers/${id}`).then((r) => r.json())).status === 'handled', {}, answers[1].id);

  // o opens the focused answer, and says so to a screen reader.
  await page.keyboard.press('o');
  const expanded = await page.$eval(`[data-answer-id="${answers[2].id}"] button[aria-controls]`, (button) => button.getAttribute('aria-expanded'));
  assert.equal(expanded, 'true');
  // Enter on the answer itself closes it again (and opens it: Enter is not a single-key shortcut to turn off).
  await page.focus(`[data-answer-id="${answers[2].id}"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.querySelector(`[data-answer-id="${id}"] button[aria-controls]`).getAttribute('aria-expanded') === 'false', {}, answers[2].id);

  // / goes to the search box; typing there is typing, not shortcuts.
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  await page.keyboard.type('je');
  assert.equal(await page.$eval('#search', (input) => input.value), 'je');
  assert.deepEqual(page.problems, []);
});
