// Finds a local Chrome or Chromium for the tests and the benchmark: CHROME_PATH first, then
// the usual install paths. Nothing is downloaded: this machine may not reach a browser host.
import { existsSync } from 'node:fs';

/** Chromium flags for a root user on a machine with no outside network (see README, "Tests"). */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChrome({ exitIfMissing = true } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) return found;
  const message = [
    fromEnv ? `CHROME_PATH=${fromEnv} does not exist.` : 'No Chrome or Chromium found.',
    'Install one, or point CHROME_PATH at it:',
    '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
    '  macOS:          brew install --cask chromium   (or install Google Chrome)',
    '  any system:     CHROME_PATH=/path/to/chrome npm test',
  ].join('\n');
  if (!exitIfMissing) return undefined;
  console.error(message);
  process.exit(1);
}

/** Firefox for the second test run; optional: without it the suite runs in Chromium only. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv !== undefined) return fromEnv && existsSync(fromEnv) ? fromEnv : undefined;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'].find(
    (candidate) => existsSync(candidate),
  );
}
