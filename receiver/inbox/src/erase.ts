// <inbox-erase>: a customer's right to erasure. First how many answers would go, then a confirmation.
import { html, nothing } from 'lit';
import { LightElement } from './light-element.js';
import { api, ApiError } from './api.js';
import { t, tn } from '../i18n/index.js';

export class InboxErase extends LightElement {
  static override properties = {
    email: { type: String },
    pending: { state: true },
    message: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  email = '';
  /** the address and count awaiting confirmation */
  pending: { email: string; count: number } | null = null;
  message = '';
  error = '';
  busy = false;

  private async check(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email') ?? '').trim();
    if (!email) return;
    this.busy = true;
    this.message = this.error = '';
    try {
      const { count } = await api.count(new URLSearchParams({ email }));
      this.pending = count ? { email, count } : null;
      if (!count) this.message = t('eraseNone', { email });
    } catch (error) {
      this.error = error instanceof ApiError && error.status === 400 ? error.message : t('actionFailed');
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.querySelector<HTMLElement>(this.pending ? '#erase-confirm' : '#erase-email')?.focus();
  }

  private async confirm(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.busy = true;
    try {
      const { deleted } = await api.erase(pending.email);
      this.message = tn('erased', deleted);
      this.pending = null;
      this.email = '';
    } catch {
      this.error = t('actionFailed');
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.querySelector<HTMLElement>('#erase-email')?.focus();
  }

  private cancel(): void {
    this.pending = null;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#erase-email')?.focus());
  }

  protected override render() {
    const pending = this.pending;
    return html`<section class="panel" aria-labelledby="erase-h">
      <h2 id="erase-h">${t('eraseHeading')}</h2>
      <p class="hint" id="erase-hint">${t('eraseHint')}</p>
      <form class="inline-form" @submit=${this.check}>
        <label for="erase-email">${t('emailLabel')}</label>
        <input id="erase-email" name="email" type="email" required .value=${this.email} aria-describedby="erase-hint" />
        <button type="submit" ?disabled=${this.busy}>${t('eraseCheck')}</button>
      </form>
      ${pending
        ? html`<div class="confirm" role="alert">
            <p>${tn('eraseConfirm', pending.count, { email: pending.email })}</p>
            <div class="actions">
              <button id="erase-confirm" type="button" class="danger" ?disabled=${this.busy} @click=${() => void this.confirm()}>
                ${tn('eraseButton', pending.count)}
              </button>
              <button type="button" class="quiet" @click=${() => this.cancel()}>${t('cancel')}</button>
            </div>
          </div>`
        : nothing}
      <p class="form-status" role="status">${this.message}</p>
      <p class="form-error" role="alert">${this.error}</p>
    </section>`;
  }
}

customElements.define('inbox-erase', InboxErase);
