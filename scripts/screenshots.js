// Screenshots of the widget as a customer sees it, for a person to look at:
// closed, open and thanked; desktop and 320 px; light and dark; a few languages.
// Usage: node scripts/screenshots.js [outDir]   (after npm run build)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServer } from '../demo/server.js';
import { CHROME_ARGS, findChrome } from './find-browser.js';
import { ROOT } from './run.js';

const out = path.resolve(process.argv[2] ?? path.join(ROOT, '.tmp', 'shots'));
mkdirSync(out, { recursive: true });
const server = await startServer({ port: 0, quiet: true, dataDir: path.join(out, 'data'), allowedOrigins: '*' });
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: CHROME_ARGS,
});

const shoot = async ({ name, width, height, scheme, lang, attrs = '' }) => {
  const page = await browser.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(`${server.url}demo/index.html`, { waitUntil: 'networkidle0' });
  await page.evaluate(
    (lang, attrs) => {
      const el = document.querySelector('feedback-prompt');
      if (lang) el.setAttribute('lang', lang);
      for (const a of attrs.split(' ').filter(Boolean)) el.setAttribute(a, '');
    },
    lang,
    attrs,
  );
  const shadow = (sel) => page.evaluateHandle((s) => document.querySelector('feedback-prompt').shadowRoot.querySelector(s), sel);
  await page.waitForFunction(() => document.querySelector('feedback-prompt')?.shadowRoot?.querySelector('[part=launcher]'));
  await page.screenshot({ path: path.join(out, `${name}-closed.png`) });
  await page.evaluate(() => document.querySelector('feedback-prompt').open());
  await page.waitForFunction(() => document.querySelector('feedback-prompt').shadowRoot.querySelector('[part=panel]'));
  await (await shadow('[part=textarea]')).type('Could you stock loose-leaf rooibos? Merci ✨ مرحبا');
  await page.screenshot({ path: path.join(out, `${name}-open.png`) });
  await (await shadow('[part=submit]')).click();
  await page.waitForFunction(() => /reached|sent|ontvangen/i.test(document.querySelector('feedback-prompt').shadowRoot.querySelector('[role=status]').textContent) || document.querySelector('feedback-prompt').shadowRoot.querySelector('.secondary'));
  await new Promise((r) => setTimeout(r, 300));
  await page.screenshot({ path: path.join(out, `${name}-thanked.png`) });
  await page.close();
};

const only = process.env.SHOTS?.split(',');
const cases = [];
for (const [lang, attrs] of [['en', 'rating ask-email'], ['nl', ''], ['ja', ''], ['ar', 'rating']]) {
  for (const scheme of ['light', 'dark']) {
    for (const [w, h, size] of [[1280, 800, 'desktop'], [320, 640, 'phone']]) {
      cases.push({ name: `${lang}-${scheme}-${size}`, width: w, height: h, scheme, lang, attrs });
    }
  }
}
for (const c of cases) if (!only || only.some((o) => c.name.includes(o))) await shoot(c);
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
