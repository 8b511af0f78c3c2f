// <inbox-composer>: a reply to a customer who left an e-mail address. Prefilled in the customer's language
// when the inbox has it: a kind, plain opening and their words quoted. SMTP when the receiver has it,
// otherwise the owner's own e-mail app through a mailto: link; either way the reply is recorded.
import { html, nothing, type PropertyValues } from 'lit';
import { LightElement } from './light-element.js';
import { api, ApiError, type StoredAnswer } from './api.js';
import { supported, t, tIn, translationFor, uiLang } from '../i18n/index.js';
import { mailtoHref, quote } from './format.js';

export class InboxComposer extends LightElement {
  static override properties = {
    answer: { attribute: false },
    smtp: { type: Boolean },
    subject: { state: true },
    body: { state: true },
    busy: { state: true },
    error: { state: true },
    ready: { state: true },
  };
  answer!: StoredAnswer;
  smtp = false;
  subject = '';
  body = '';
  busy = false;
  error = '';
  /** The form appears only once the opening is written: an early mailto: link would open an empty e-mail. */
  ready = false;
  private cursor = 0;

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    if (this.ready) return; // moved in the page, not opened anew: keep what the owner typed
    const lang = supported(this.answer.lang) ?? uiLang();
    const texts = await translationFor(lang);
    const opening = `${tIn(texts, lang, 'replyGreeting')}\n\n${tIn(texts, lang, 'replyThanks')}\n\n${quote(this.answer.answer)}\n\n`;
    this.cursor = opening.length;
    this.subject = tIn(texts, lang, 'replySubject');
    this.body = `${opening}\n\n${tIn(texts, lang, 'replySignoff')}\n`;
    this.ready = true;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('body') && !changed.get('body') && this.body) {
      // Ready to type below the quote.
      const textarea = this.querySelector<HTMLTextAreaElement>('textarea');
      textarea?.focus();
      textarea?.setSelectionRange(this.cursor, this.cursor);
    }
  }

  private async record(via: 'smtp' | 'mailto'): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const answer = await api.reply(this.answer.id, { subject: this.subject, body: this.body, via });
      this.dispatchEvent(new CustomEvent('replied', { bubbles: true, detail: { answer, via } }));
    } catch (error) {
      // A 400 names what is wrong (an empty message, a subject too long); the rest are the server's.
      this.error =
        error instanceof ApiError && error.status === 503
          ? t('smtpFailed')
          : error instanceof ApiError && error.status === 400
            ? error.message
            : t('replyFailed');
    } finally {
      this.busy = false;
    }
  }

  private send = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.record('smtp');
  };

  // The link opens the owner's e-mail app by itself; the click also records the reply here.
  private openMailApp = (): void => {
    void this.record('mailto');
  };

  private cancel = (): void => {
    this.dispatchEvent(new CustomEvent('composer-close', { bubbles: true }));
  };

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.cancel();
    }
  };

  protected override render() {
    if (!this.ready) return nothing;
    const id = this.answer.id;
    const email = this.answer.email ?? '';
    const mailto = html`<a class="button ${this.smtp ? 'quiet' : 'primary'}" href=${mailtoHref(email, this.subject, this.body)} @click=${this.openMailApp}
      >${this.smtp ? t('useMailApp') : t('openMailApp')}</a
    >`;
    return html`<form class="composer" aria-labelledby="composer-h-${id}" @submit=${this.send} @keydown=${this.onKeydown}>
      <h2 class="section-title" id="composer-h-${id}">${t('replyTo', { email })}</h2>
      <div class="field">
        <label for="subject-${id}">${t('subject')}</label>
        <input id="subject-${id}" .value=${this.subject} @input=${(e: Event) => (this.subject = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="body-${id}">${t('message')}</label>
        <textarea id="body-${id}" rows="12" .value=${this.body} @input=${(e: Event) => (this.body = (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <p class="hint">${this.smtp ? t('composerHintSmtp') : t('composerHintMailto')}</p>
      <p class="form-error" role="alert">${this.error}</p>
      <div class="actions">
        ${this.smtp ? html`<button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t('sending') : t('send')}</button>` : nothing}
        ${mailto}
        <button type="button" class="quiet" @click=${this.cancel}>${t('cancel')}</button>
      </div>
    </form>`;
  }
}

customElements.define('inbox-composer', InboxComposer);
