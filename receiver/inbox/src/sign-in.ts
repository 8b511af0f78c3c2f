// <inbox-sign-in>: e-mail and password; a wrong password and "too many attempts" each get a clear message.
import { html, nothing } from 'lit';
import { LightElement } from './light-element.js';
import { api, ApiError } from './api.js';
import { t, tn } from '../i18n/index.js';

export class InboxSignIn extends LightElement {
  static override properties = { error: { state: true }, busy: { state: true } };
  error = '';
  busy = false;

  override firstUpdated(): void {
    this.querySelector<HTMLInputElement>('#sign-in-email')?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.error = '';
    try {
      await api.signIn(String(data.get('email') ?? '').trim(), String(data.get('password') ?? ''));
      this.dispatchEvent(new CustomEvent('signed-in', { bubbles: true }));
    } catch (error) {
      this.error = this.messageFor(error);
      await this.updateComplete;
      this.querySelector<HTMLInputElement>('#sign-in-password')?.select();
    } finally {
      this.busy = false;
    }
  }

  private messageFor(error: unknown): string {
    if (!(error instanceof ApiError)) return t('signInUnreachable');
    if (error.status === 429) return tn('tooManyAttempts', Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)));
    if (error.status === 401 || error.status === 400) return t('wrongPassword');
    return t('signInFailed');
  }

  protected override render() {
    return html`<main class="sign-in">
      <h1>${t('appName')}</h1>
      <form @submit=${this.submit} aria-describedby=${this.error ? 'sign-in-error' : nothing}>
        <div class="field">
          <label for="sign-in-email">${t('emailLabel')}</label>
          <input id="sign-in-email" name="email" type="email" autocomplete="username" required />
        </div>
        <div class="field">
          <label for="sign-in-password">${t('passwordLabel')}</label>
          <input id="sign-in-password" name="password" type="password" autocomplete="current-password" required
            aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'sign-in-error' : nothing} />
        </div>
        <p id="sign-in-error" class="form-error" role="alert">${this.error}</p>
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t('signingIn') : t('signIn')}</button>
      </form>
    </main>`;
  }
}

customElements.define('inbox-sign-in', InboxSignIn);
