// The ES module's open panel is a file of its own (src/panel-view.ts): a page whose customer never
// reaches for the launcher does not download it; pointing at the launcher fetches it before any
// click, from beside the module, and the panel then opens drawn in full.
import { expect } from '@open-wc/testing';
import { freshStart, Tab } from '../support/helpers.js';

/** In the tab: the module, a prompt, and what was fetched once the launcher is drawn and the page is idle. */
const launcherOnly = async (endpoint: string) => {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = '/dist/feedback-prompt.js';
  document.head.append(script);
  await customElements.whenDefined('feedback-prompt');
  const el = document.createElement('feedback-prompt') as any;
  el.setAttribute('endpoint', endpoint);
  el.setAttribute('trigger', 'manual');
  document.body.append(el);
  await el.updateComplete;
  // Idle time after the first render: what a page would load then, it has started by now.
  await new Promise((resolve) => requestIdleCallback(resolve));
  await new Promise((resolve) => requestIdleCallback(resolve));
  (window as any).prompt = el;
  return performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
};

/** In the tab: the pointer reaches the launcher; resolves with the panel part's URL once it has loaded, then opens. */
const pointAndOpen = async () => {
  const el = (window as any).prompt;
  const fetched = new Promise<string>((resolve) =>
    new PerformanceObserver((list, observer) => {
      const part = list.getEntries().find((entry) => entry.name.includes('-panel-view-'));
      if (!part) return;
      observer.disconnect();
      resolve(new URL(part.name).pathname);
    }).observe({ type: 'resource' }),
  );
  el.shadowRoot.querySelector('[part=launcher]').dispatchEvent(new PointerEvent('pointerenter'));
  const part = await fetched;
  const openBefore = !!el.shadowRoot.querySelector('[part=panel]');
  el.open();
  await el.updateComplete;
  return { part, openBefore, send: el.shadowRoot.querySelector('[part=submit]')?.textContent.trim() };
};

describe('the open panel, a part of the ES module of its own', () => {
  let endpoint: string;
  before(async () => {
    endpoint = await freshStart();
  });
  afterEach(() => Tab.closeAll());

  it('is not fetched by a page that only shows the launcher; pointing at the launcher fetches it from beside the module, and open draws the form', async () => {
    const tab = await Tab.openPath('/test/support/blank.html');
    const fetched: string[] = await tab.eval(launcherOnly, endpoint);
    expect(fetched).to.include('/dist/feedback-prompt.js');
    expect(fetched.filter((file) => file.includes('-panel-view-')), 'fetched before anyone reached for the launcher').to.deep.equal([]);
    const opened = await tab.eval(pointAndOpen);
    expect(opened.part).to.match(/^\/dist\/feedback-prompt-panel-view-[\w-]+\.js$/);
    expect(opened.openBefore, 'pointing only loads it; the panel stays closed').to.equal(false);
    expect(opened.send).to.equal('Send');
  });
});
