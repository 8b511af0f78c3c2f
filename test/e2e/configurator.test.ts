import { expect } from '@open-wc/testing';
import { Tab, waitFor } from '../support/helpers.js';
import { ATTRIBUTES as TABLE } from '../../src/settings/attributes.js';
import { LANGUAGES } from '../../src/i18n/index.js';

const ATTRIBUTES = ['site', 'question', 'lang', 'position', 'trigger', 'delay', 'scroll', 'snooze-days', 'sample', 'ask-email', 'rating', 'topics', 'privacy-url', 'max-length', 'accent'];

describe('the configurator', () => {
  afterEach(() => Tab.closeAll());

  const openConfigurator = async () => {
    const configurator = await Tab.openPath('/demo/configure.html');
    await waitFor(() => configurator.eval(() => !!document.querySelector('#snippet')?.textContent), 'the configurator');
    return configurator;
  };

  it('offers every attribute of the element\'s table, and every language', async () => {
    const configurator = await openConfigurator();
    const offered = await configurator.eval(() => ({
      controls: [...(document.getElementById('settings') as HTMLFormElement).elements].map((el) => (el as HTMLInputElement).name).filter(Boolean),
      languages: [...(document.getElementById('lang') as HTMLSelectElement).options].map((o) => o.value).filter(Boolean),
    }));
    const camel = (name: string) => name.replace(/-(.)/g, (_, c: string) => c.toUpperCase());
    for (const spec of TABLE) expect(offered.controls, spec.name).to.include(camel(spec.name));
    expect(offered.languages).to.deep.equal(LANGUAGES);
  });

  it('shows the accent the preview really uses, and keeps the open preview inside its frame', async () => {
    const configurator = await openConfigurator();
    const seen = await configurator.eval(async () => {
      const preview = document.querySelector('#preview feedback-prompt') as any;
      // The swatch follows the preview once its launcher is drawn.
      await new Promise<void>((resolve) => {
        const drawn = () => preview.shadowRoot?.querySelector('[part=launcher]');
        if (drawn()) return resolve();
        new MutationObserver((_, observer) => drawn() && (observer.disconnect(), resolve())).observe(preview.shadowRoot, { childList: true, subtree: true });
      });
      await new Promise((r) => requestAnimationFrame(r));
      // Every optional field, so the panel is as tall as it gets.
      for (const id of ['rating', 'askEmail']) (document.getElementById(id) as HTMLInputElement).checked = true;
      (document.getElementById('topics') as HTMLInputElement).value = 'Tea, Baking, Delivery';
      const trigger = document.getElementById('trigger') as HTMLSelectElement;
      trigger.value = 'manual';
      trigger.dispatchEvent(new Event('change', { bubbles: true }));
      (document.getElementById('open-preview') as HTMLButtonElement).click();
      await preview.updateComplete;
      const panel = preview.shadowRoot.querySelector('[part=panel]').getBoundingClientRect();
      const frame = document.getElementById('preview')!.getBoundingClientRect();
      return {
        swatch: (document.getElementById('accent') as HTMLInputElement).value,
        launcher: getComputedStyle(preview.shadowRoot.querySelector('[part=launcher]')).backgroundColor,
        said: document.getElementById('accent-value')!.textContent,
        inside: panel.top >= frame.top && panel.bottom <= frame.bottom && panel.left >= frame.left && panel.right <= frame.right,
      };
    });
    // The element's default accent (light scheme), not the configurator's own green.
    expect(seen.swatch).to.equal('#1d5bbf');
    expect(seen.launcher).to.equal('rgb(29, 91, 191)');
    expect(seen.said).to.contain('#1d5bbf');
    expect(seen.inside, 'the open panel inside the preview frame').to.equal(true);
  });

  it('previews the settings live, and its snippet pasted into a blank page gives that same widget', async () => {
    const configurator = await openConfigurator();
    const preview = await configurator.eval(async () => {
      const set = (id: string, value: string | boolean) => {
        const el = document.getElementById(id) as HTMLInputElement;
        if (typeof value === 'boolean') el.checked = value;
        else el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      };
      set('site', 'kettle-42');
      set('question', 'Wat mist u bij ons?');
      set('lang', 'nl');
      set('position', 'bottom-left');
      set('trigger', 'delay');
      set('delay', '12');
      set('rating', true);
      set('askEmail', true);
      set('topics', 'Thee, Bakken');
      set('accent', '#aa3366');
      set('context', '{"pageType": "cart"}');
      const el = document.querySelector('#preview feedback-prompt') as any;
      // The configurator sets the attributes as each input arrives; the preview has drawn them once this settles.
      await el.updateComplete;
      return {
        attributes: Object.fromEntries([...el.attributes].map((a: Attr) => [a.name, a.value])),
        endpoint: new URL(el.getAttribute('endpoint')!, location.href).href,
        snippet: document.getElementById('snippet')!.textContent!,
      };
    });
    expect(preview.attributes).to.include({ site: 'kettle-42', lang: 'nl', position: 'bottom-left', trigger: 'delay', delay: '12', rating: '', 'ask-email': '', context: '{"pageType":"cart"}' });
    expect(preview.snippet).to.contain('data-question="Wat mist u bij ons?"');
    expect(preview.snippet, 'a placeholder for where the files go, not this server').to.contain('src="https://YOUR-FILES-HOST/feedback-prompt/feedback-prompt.iife.js"');
    expect(preview.snippet).to.contain('The receiver at http://localhost:8787 must allow your shop\'s origin');

    // Pasted into a blank page, as a shop owner would (a script added by markup runs; innerHTML would
    // not), with the placeholder replaced by where this server has the files.
    const blank = await Tab.openPath('/test/support/blank.html');
    const mounted = await blank.eval(async (snippet: string) => {
      const pasted = snippet.replaceAll('https://YOUR-FILES-HOST/feedback-prompt/', `${location.origin}/dist/`);
      const parsed = new DOMParser().parseFromString(pasted, 'text/html').querySelector('script')!;
      const script = document.createElement('script');
      for (const a of parsed.attributes) script.setAttribute(a.name, a.value);
      document.body.append(script);
      await new Promise((resolve) => script.addEventListener('load', resolve));
      const el = document.querySelector('feedback-prompt')!;
      await customElements.whenDefined('feedback-prompt');
      const launcher = await new Promise<HTMLElement>((resolve) => {
        const drawn = () => el.shadowRoot?.querySelector<HTMLElement>('[part=launcher]');
        if (drawn()) return resolve(drawn()!);
        new MutationObserver((_, observer) => drawn() && (observer.disconnect(), resolve(drawn()!))).observe(el.shadowRoot!, { childList: true, subtree: true });
      });
      return {
        attributes: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
        launcher: launcher.textContent!.trim(),
        left: launcher.getBoundingClientRect().left < innerWidth / 2,
      };
    }, preview.snippet);
    for (const name of [...ATTRIBUTES, 'context']) expect(mounted.attributes[name], name).to.equal(preview.attributes[name]);
    expect(mounted.attributes.endpoint).to.equal(preview.endpoint);
    expect(mounted.launcher).to.equal('Feedback');
    expect(mounted.left, 'bottom-left').to.equal(true);
  });
});
