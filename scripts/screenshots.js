// Screenshots of the widget as a customer sees it, for a person to look at: closed, open (typed,
// near the limit) and thanked; desktop and a 320×568 phone; light and dark; English, Japanese,
// Arabic and Hebrew. For each open panel it also prints whether Send is in sight without scrolling.
// Usage: node scripts/screenshots.js [outDir]   (after npm run build; SHOTS=ar,phone picks cases)
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { startDemo } from '../demo/server.js';
import { CHROME_ARGS, findChrome } from './find-browser.js';
import { ROOT } from './run.js';

const out = path.resolve(process.argv[2] ?? path.join(ROOT, '.tmp', 'shots'));
mkdirSync(out, { recursive: true });
const demo = await startDemo({
  port: 0,
  receiverPort: 0,
  dataDir: mkdtempSync(path.join(os.tmpdir(), 'feedback-prompt-shots-')),
  log: () => {},
});
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });

/**
 * In the page: are Send and the answer field wholly inside the panel's visible box and the visual
 * viewport? `across` false: height only (a zoom, standing in for a keyboard, also narrows the view).
 */
const sendInSight = (across = true) => {
  const root = document.querySelector('feedback-prompt').shadowRoot;
  const panel = root.querySelector('[part=panel]').getBoundingClientRect();
  const vv = visualViewport;
  const seen = { top: vv.offsetTop, left: vv.offsetLeft, bottom: vv.offsetTop + vv.height, right: vv.offsetLeft + vv.width };
  const inside = (a, b) => a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5 && (!across || (a.left >= b.left - 0.5 && a.right <= b.right + 0.5));
  return [...root.querySelectorAll('[part=submit], .primary, [part=textarea]')].every((el) => {
    const box = el.getBoundingClientRect();
    return inside(box, panel) && inside(box, seen);
  });
};

const shoot = async ({ name, width, height, scheme, lang, attrs }) => {
  const page = await browser.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1, hasTouch: width < 600, isMobile: width < 600 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(demo.shop, { waitUntil: 'networkidle0' });
  await page.evaluate(
    (lang, attrs, endpoint) => {
      const el = document.querySelector('feedback-prompt');
      el.setAttribute('endpoint', endpoint);
      el.setAttribute('lang', lang);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    },
    lang,
    attrs,
    demo.endpoint,
  );
  const inShadow = (sel) => page.evaluateHandle((s) => document.querySelector('feedback-prompt').shadowRoot.querySelector(s), sel);
  await page.waitForFunction(() => document.querySelector('feedback-prompt')?.shadowRoot?.querySelector('[part=launcher]'));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(out, `${name}-closed.png`) });
  await page.evaluate(() => document.querySelector('feedback-prompt').open());
  await page.waitForFunction(() => document.querySelector('feedback-prompt').shadowRoot.querySelector('[part=panel]'));
  // Near the limit, so the counter shows (max-length is set low for the shot).
  await (await inShadow('[part=textarea]')).type('Could you stock loose-leaf rooibos? Merci ✨ مرحبا 日本語');
  await page.evaluate(() => Promise.all(document.querySelector('feedback-prompt').shadowRoot.getAnimations().map((a) => a.finished)));
  const openInSight = await page.evaluate(sendInSight);
  await page.screenshot({ path: path.join(out, `${name}-open.png`) });
  let keyboardInSight = true;
  if (width < 600) {
    // An on-screen keyboard shrinks the visual viewport, not the layout one; a page zoom does the
    // same in a headless browser: the panel must move up into what is still visible.
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1.8 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    keyboardInSight = await page.evaluate(sendInSight, false);
    await page.screenshot({ path: path.join(out, `${name}-small-viewport.png`) });
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await (await inShadow('[part=submit]')).click();
  await page.waitForFunction(() => document.querySelector('feedback-prompt').shadowRoot.querySelector('.primary'));
  await page.waitForFunction(() => !/…/.test(document.querySelector('feedback-prompt').shadowRoot.querySelector('[role=status]').textContent));
  const thankedInSight = await page.evaluate(sendInSight);
  await page.screenshot({ path: path.join(out, `${name}-thanked.png`) });
  await page.close();
  console.log(`${name.padEnd(22)} field and Send in sight: ${openInSight ? 'yes' : 'NO '}` +
    `${width < 600 ? `   with the visible area shrunk (as by a keyboard): ${keyboardInSight ? 'yes' : 'NO '}` : ''}` +
    `   Close in sight after sending: ${thankedInSight ? 'yes' : 'NO'}`);
  return openInSight && keyboardInSight && thankedInSight;
};

const only = process.env.SHOTS?.split(',');
const everything = { rating: '', 'ask-email': '', topics: 'Products,Delivery,Website', 'privacy-url': '/privacy', 'max-length': '70' };
const cases = [];
for (const lang of ['en', 'ja', 'ar', 'he']) {
  for (const scheme of ['light', 'dark']) {
    for (const [w, h, size] of [[1280, 800, 'desktop'], [320, 568, 'phone']]) {
      cases.push({ name: `${lang}-${scheme}-${size}`, width: w, height: h, scheme, lang, attrs: everything });
    }
  }
}
let allInSight = true;
try {
  for (const c of cases) if (!only || only.every((o) => c.name.includes(o))) allInSight = (await shoot(c)) && allInSight;
} finally {
  await browser.close();
  await demo.close();
}
console.log(`screenshots in ${out}`);
if (!allInSight) process.exitCode = 1;
