// <inbox-shortcuts>: the visible list of keyboard shortcuts, and the switch that turns them off.
import { html, type PropertyValues } from 'lit';
import { LightElement } from './light-element.js';
import { SHORTCUTS, setShortcutsEnabled, shortcutsEnabled } from './shortcuts.js';
import { t } from '../i18n/index.js';

export class InboxShortcuts extends LightElement {
  static override properties = { open: { type: Boolean } };
  open = false;

  protected override updated(changed: PropertyValues): void {
    const dialog = this.querySelector('dialog');
    if (!dialog || !changed.has('open')) return;
    if (this.open && !dialog.open) dialog.showModal();
    if (!this.open && dialog.open) dialog.close();
  }

  private closed = (): void => {
    this.open = false;
    this.dispatchEvent(new CustomEvent('close', { bubbles: true }));
  };

  protected override render() {
    return html`<dialog class="shortcuts" aria-labelledby="shortcuts-h" @close=${this.closed}>
      <h2 id="shortcuts-h">${t('shortcutsTitle')}</h2>
      <dl class="shortcut-list">
        ${SHORTCUTS.map((shortcut) => html`<div><dt><kbd>${shortcut.key}</kbd></dt><dd>${t(shortcut.label)}</dd></div>`)}
        <div><dt><kbd>${t('keyEnter')}</kbd></dt><dd>${t('shortcutEnter')}</dd></div>
      </dl>
      <label class="check">
        <input type="checkbox" ?checked=${shortcutsEnabled()} @change=${(e: Event) => setShortcutsEnabled((e.target as HTMLInputElement).checked)} />
        ${t('shortcutsEnabled')}
      </label>
      <form method="dialog"><button class="primary">${t('close')}</button></form>
    </dialog>`;
  }
}

customElements.define('inbox-shortcuts', InboxShortcuts);
