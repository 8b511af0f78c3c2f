// A real browser for the inbox's tests, bench and screenshots: puppeteer-core with the local Chromium
// (nothing downloaded), and axe-core from node_modules run inside the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-browser.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const launchBrowser = () => puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });

/** A page in a context of its own (no cookies shared with other pages); it records page errors and
 * console errors (CSP violations among them) in page.problems. page.close() closes its context. */
export async function newPage(browser, { width = 1280, height = 900, scheme = 'light', lang = 'en-GB' } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.close = () => context.close();
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.setExtraHTTPHeaders({ 'accept-language': lang });
  await page.evaluateOnNewDocument((tag) => {
    Object.defineProperty(navigator, 'languages', { get: () => [tag] });
  }, lang);
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A 401 for GET /api/me before sign-in is the page asking who is there, not a fault.
    if (message.type() === 'error' && !/401/.test(message.text())) page.problems.push(`console: ${message.text()}`);
  });
  return page;
}

/** axe-core's serious and critical findings for the page (or one part of it), WCAG 2.2 AA rules. */
export async function axeViolations(page, include = 'body') {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern; the page's own
  // script-src 'self' stays in force for everything else.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (selector) =>
      window.axe.run(document.querySelector(selector) ?? document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      }),
    include,
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Signs in through the form, as a person would. */
export async function signIn(page, inboxUrl, email, password) {
  await page.goto(inboxUrl);
  await page.waitForSelector('#sign-in-email');
  await page.type('#sign-in-email', email);
  await page.type('#sign-in-password', password);
  await Promise.all([page.waitForSelector('.top', { timeout: 30_000 }), page.click('.sign-in button[type=submit]')]);
}
