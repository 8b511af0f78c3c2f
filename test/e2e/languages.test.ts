// Both script builds as a page loads them (dist/, after npm run build), in a real extra tab:
// English is inside each; any other language is fetched from beside the script's own URL only
// when the page needs it, drawn without a flash of English, and English stands in when the
// language file cannot load.
import { expect } from '@open-wc/testing';
import { freshStart, Tab } from '../support/helpers.js';

type Build = 'module' | 'classic';

/** In the tab: loads a build the way a tag manager does (a script adding a script), once per tab. */
const loadBuild = async (build: Build): Promise<void> => {
  const script = document.createElement('script');
  if (build === 'module') script.type = 'module';
  script.src = build === 'module' ? '/dist/feedback-prompt.js' : '/dist/feedback-prompt.iife.js';
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
  });
  document.head.append(script);
  await loaded;
  await customElements.whenDefined('feedback-prompt');
};

/**
 * In the tab: adds a prompt and reports the launcher's text as first drawn (a MutationObserver
 * sees each change before the browser paints), then the panel's Send, and which files were fetched.
 */
const firstDrawn = async ({ lang, endpoint }: { lang: string; endpoint: string }) => {
  const el = document.createElement('feedback-prompt') as any;
  el.setAttribute('endpoint', endpoint);
  el.setAttribute('lang', lang);
  el.setAttribute('trigger', 'manual');
  document.body.append(el);
  const launcher = await new Promise<string>((resolve) => {
    const seen = () => el.shadowRoot.querySelector('[part=launcher]')?.textContent.trim();
    const observer = new MutationObserver(() => {
      const text = seen();
      if (text === undefined) return;
      observer.disconnect();
      resolve(text);
    });
    observer.observe(el.shadowRoot, { childList: true, subtree: true, characterData: true });
  });
  el.open();
  await el.updateComplete;
  return {
    launcher,
    send: el.shadowRoot.querySelector('[part=submit]').textContent.trim(),
    fetched: performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((file) => file.startsWith('/dist/')),
  };
};

describe('languages in the script builds', () => {
  let endpoint: string;
  before(async () => {
    endpoint = await freshStart();
  });
  afterEach(() => Tab.closeAll());

  // A language per case: a file fetched by an earlier case could come from the browser's cache.
  const cases: Array<[Build, string, string, string]> = [
    ['module', 'sv', 'Tyck till', 'Skicka'],
    ['classic', 'fi', 'Palaute', 'Lähetä'],
  ];
  for (const [build, lang, launcher, send] of cases) {
    it(`${build}: fetches only the ${lang} file, from beside the script, and draws ${lang} from the first frame`, async () => {
      const tab = await Tab.openPath('/test/support/blank.html');
      await tab.eval(loadBuild, build);
      const drawn = await tab.eval(firstDrawn, { lang, endpoint });
      expect(drawn.launcher, 'the first text drawn').to.equal(launcher);
      expect(drawn.send).to.equal(send);
      // The page is in /test/support/: a file found in /dist/ was found beside the script.
      // A language file is feedback-prompt-{code}.js; the module's parts (feedback-prompt-{part}-{hash}.js) come beside it too.
      const languageFiles = drawn.fetched.filter((file) => /feedback-prompt-[a-z]{2,3}(-[A-Z][a-z]{3})?\.js$/.test(file));
      expect(languageFiles).to.deep.equal([`/dist/feedback-prompt-${lang}.js`]);
    });
  }

  const offline: Array<[Build, string]> = [
    ['module', 'da'],
    ['classic', 'cs'],
  ];
  for (const [build, lang] of offline) {
    it(`${build}: a language file that cannot load (offline) gives the English widget, not a blank one`, async function () {
      const tab = await Tab.openPath('/test/support/blank.html');
      await tab.eval(loadBuild, build);
      // As the other offline tests: a browser whose tabs cannot be switched offline skips this.
      if (!(await tab.offline(true))) this.skip();
      const drawn = await tab.eval(firstDrawn, { lang, endpoint });
      expect(drawn.launcher).to.equal('Feedback');
      expect(drawn.send).to.equal('Send');
      await tab.offline(false);
    });
  }
});
