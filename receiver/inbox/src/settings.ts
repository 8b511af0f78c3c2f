// <inbox-settings>: what an owner changes without a restart (GET/PATCH /api/settings), and erasure.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { api, ApiError, type Settings } from './api.js';
import { t } from '../i18n/index.js';
import './erase.js';

export class InboxSettings extends LightElement {
  static override properties = {
    erase: { type: String },
    settings: { state: true },
    status: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  erase = '';
  settings: Settings | null = null;
  status = '';
  error = '';
  busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.settings = await api.settings();
    } catch {
      this.error = t('loadFailed');
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const notifyEmail = String(data.get('notifyEmail') ?? '').trim();
    const retention = String(data.get('retentionDays') ?? '').trim();
    const patch: Partial<Settings> = {
      notifyEmail: notifyEmail || null,
      digest: data.get('digest') ? 'daily' : 'off',
      retentionDays: retention ? Number(retention) : null,
    };
    this.busy = true;
    this.status = '';
    this.error = '';
    try {
      this.settings = await api.saveSettings(patch);
      this.status = t('settingsSaved');
    } catch (error) {
      // The receiver's message names the field (e.g. "retentionDays must be …").
      this.error = error instanceof ApiError && error.status === 400 ? error.message : t('actionFailed');
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const settings = this.settings;
    return html`<h1 id="view-heading" tabindex="-1">${t('settingsHeading')}</h1>
      <section class="panel" aria-labelledby="notify-h">
        <h2 id="notify-h">${t('settingsNotifications')}</h2>
        ${settings
          ? html`<form class="settings-form" @submit=${this.save}>
              <div class="field">
                <label for="notify-email">${t('notifyEmail')}</label>
                <span class="hint" id="notify-email-hint">${t('notifyEmailHint')}</span>
                <input id="notify-email" name="notifyEmail" type="email" autocomplete="email" .value=${settings.notifyEmail ?? ''} aria-describedby="notify-email-hint" />
              </div>
              <label class="check">
                <input type="checkbox" name="digest" ?checked=${settings.digest === 'daily'} />
                ${t('digest')}
              </label>
              <div class="field">
                <label for="retention">${t('retentionDays')}</label>
                <span class="hint" id="retention-hint">${t('retentionHint')}</span>
                <input id="retention" name="retentionDays" type="number" min="1" step="1" inputmode="numeric" .value=${settings.retentionDays === null ? '' : String(settings.retentionDays)} aria-describedby="retention-hint" />
              </div>
              <p class="form-error" role="alert">${this.error}</p>
              <p class="form-status" role="status">${this.status}</p>
              <button type="submit" class="primary" ?disabled=${this.busy}>${t('saveSettings')}</button>
            </form>`
          : html`<p class="notice" role="status">${this.error || t('loading')}</p>`}
      </section>
      <inbox-erase .email=${this.erase}></inbox-erase>`;
  }
}

customElements.define('inbox-settings', InboxSettings);
