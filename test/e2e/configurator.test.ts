import { expect } from '@open-wc/testing';
import { Tab, waitFor } from '../support/helpers.js';

const ATTRIBUTES = ['site', 'question', 'lang', 'position', 'trigger', 'delay', 'scroll', 'snooze-days', 'sample', 'ask-email', 'rating', 'topics', 'privacy-url', 'max-length', 'accent'];

describe('the configurator', () => {
  afterEach(() => Tab.closeAll());

  it('previews the settings live, and its snippet pasted into a blank page gives that same widget', async () => {
    const configurator = await Tab.openPath('/demo/configure.html');
    await waitFor(() => configurator.eval(() => !!document.querySelector('#snippet')?.textContent), 'the configurator');
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
      await new Promise((r) => setTimeout(r, 50));
      const el = document.querySelector('#preview feedback-prompt')!;
      return {
        attributes: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
        endpoint: new URL(el.getAttribute('endpoint')!, location.href).href,
        snippet: document.getElementById('snippet')!.textContent!,
      };
    });
    expect(preview.attributes).to.include({ site: 'kettle-42', lang: 'nl', position: 'bottom-left', trigger: 'delay', delay: '12', rating: '', 'ask-email': '' });
    expect(preview.snippet).to.contain('data-question="Wat mist u bij ons?"');

    // Pasted into a blank page, as a shop owner would (a script added by markup runs; innerHTML would not).
    const blank = await Tab.openPath('/test/support/blank.html');
    const mounted = await blank.eval(async (snippet: string) => {
      const parsed = new DOMParser().parseFromString(snippet, 'text/html').querySelector('script')!;
      const script = document.createElement('script');
      for (const a of parsed.attributes) script.setAttribute(a.name, a.value);
      document.body.append(script);
      await new Promise((resolve) => script.addEventListener('load', resolve));
      const el = document.querySelector('feedback-prompt')!;
      await customElements.whenDefined('feedback-prompt');
      for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('[part=launcher]'); i++) await new Promise((r) => setTimeout(r, 20));
      return {
        attributes: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
        launcher: el.shadowRoot!.querySelector('[part=launcher]')!.textContent!.trim(),
        left: el.shadowRoot!.querySelector('[part=launcher]')!.getBoundingClientRect().left < innerWidth / 2,
      };
    }, preview.snippet);
    for (const name of ATTRIBUTES) expect(mounted.attributes[name], name).to.equal(preview.attributes[name]);
    expect(mounted.attributes.endpoint).to.equal(preview.endpoint);
    expect(mounted.launcher).to.equal('Feedback');
    expect(mounted.left, 'bottom-left').to.equal(true);
  });
});
