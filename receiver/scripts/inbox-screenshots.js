// Screenshots of the inbox for a person to look at: sign-in, the list with a dozen answers in several
// languages, an open answer with the composer, the overview; light and dark; desktop and 320 px.
// Usage: node receiver/scripts/inbox-screenshots.js [outDir]   (after npm run build; default .tmp/inbox-shots)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, newPage, signIn } from '../test/support/browser.js';
import { OWNER, startInboxReceiver } from '../test/support/inbox.js';
import { sampleAnswers, storeAnswers } from '../test/support/sample-answers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.resolve(process.argv[2] ?? path.join(root, '.tmp', 'inbox-shots'));
mkdirSync(out, { recursive: true });

const receiver = await startInboxReceiver({ mailer: { send: async () => {}, close() {} }, smtp: null });
await storeAnswers(receiver.store, sampleAnswers());
const browser = await launchBrowser();

const only = process.env.SHOTS?.split(',');
for (const scheme of ['light', 'dark']) {
  for (const [width, height, size] of [[1280, 900, 'desktop'], [320, 720, 'phone']]) {
    for (const lang of ['en', 'nl']) {
      const name = `${lang}-${scheme}-${size}`;
      if (only && !only.some((part) => name.includes(part))) continue;
      const page = await newPage(browser, { width, height, scheme, lang });
      const shot = async (what, fullPage = false) => {
        const file = path.join(out, `${name}-${what}.png`);
        if (!fullPage) return page.screenshot({ path: file });
        // Cards out of sight are not painted (content-visibility): make the whole page the viewport first.
        const full = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewport({ width, height: full, deviceScaleFactor: 1 });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        await page.screenshot({ path: file });
        await page.setViewport({ width, height, deviceScaleFactor: 1 });
      };
      await page.goto(receiver.inboxUrl);
      await page.waitForSelector('#sign-in-email');
      await shot('sign-in');
      await signIn(page, receiver.inboxUrl, OWNER.email, OWNER.password);
      await page.waitForSelector('.card');
      await shot('list', width > 400);
      await page.keyboard.press('j');
      await page.keyboard.press('r');
      await page.waitForSelector('.composer textarea');
      // At 320 px the open answer is taller than the screen: the composer is what to look at there.
      await page.evaluate((narrow) => document.querySelector(narrow ? '.composer' : '.card.open').scrollIntoView(), width < 400);
      await shot('open-composer');
      await page.goto(`${receiver.inboxUrl}?view=overview`);
      await page.waitForSelector('.overview-grid');
      await shot('overview', width > 400);
      await page.keyboard.press('?');
      await page.goto(`${receiver.inboxUrl}?view=settings`);
      await page.waitForSelector('.settings-form');
      await shot('settings', width > 400);
      if (page.problems.length) console.error(name, page.problems);
      await page.close();
    }
  }
}
await browser.close();
await receiver.close();
console.log(`screenshots in ${out}`);
