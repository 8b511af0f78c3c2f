import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { commandsPlugin } from './test/support/commands-plugin.js';
import { CHROME_ARGS, findChrome, findFirefox } from './scripts/find-browser.js';

const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');
const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({ launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS } }),
  );
}
const firefox = wanted.includes('firefox') && findFirefox();
if (firefox) {
  const executablePath = firefox;
  const launcher = chromeLauncher({ launchOptions: { browser: 'firefox', executablePath, headless: true } });
  // The launcher speaks WebDriver BiDi to Firefox but calls itself Chrome; name it for the report.
  launcher.name = 'Firefox';
  browsers.push(launcher);
}

export default {
  files: ['test/unit/**/*.test.ts', 'test/element/**/*.test.ts', 'test/e2e/**/*.test.ts'],
  // Lit's production build, as the bundles ship it: no "Lit is in dev mode" once per test file.
  nodeResolve: { exportConditions: ['production'] },
  browsers,
  // One file at a time: every file shares this origin's IndexedDB and the one fault receiver.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: './tsconfig.json' }), commandsPlugin()],
};
