// npm test: builds (size budget included), runs the receiver's Node tests, then the browser
// suite in headless Chromium and, when installed, Firefox.
import { findChrome, findFirefox } from './find-browser.js';
import { steps } from './run.js';

const chrome = findChrome();
const firefox = findFirefox();
console.log(`Chromium: ${chrome}\nFirefox:  ${firefox ?? 'not found (the suite runs in Chromium only; apt-get install firefox-esr to add it)'}`);
const browsers = process.env.BROWSERS ?? (firefox ? 'chromium,firefox' : 'chromium');
const extra = process.argv.slice(2);

await steps([
  ['build', 'node', ['scripts/build.js']],
  // support/postgres.js starts one throwaway PostgreSQL for the whole run (FEEDBACK_TEST_DATABASE_URL)
  // and stops it when the tests end, passed or not.
  [
    'receiver tests, SQLite and PostgreSQL (node --test)',
    'node',
    ['receiver/test/support/postgres.js', '--test', '--test-concurrency=1', 'receiver/test/'],
  ],
  ['demo tests (node --test)', 'node', ['--test', 'test/node/']],
  [
    `browser tests (${browsers})`,
    'web-test-runner',
    ['--config', 'web-test-runner.config.js', ...extra],
    { env: { ...process.env, BROWSERS: browsers, CHROME_PATH: chrome, FIREFOX_PATH: firefox ?? '' } },
  ],
]);
