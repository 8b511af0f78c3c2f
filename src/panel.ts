import { html, nothing, type TemplateResult } from 'lit';
import type { TextKey } from './i18n/index.js';

export interface PanelProps {
  t: (key: TextKey) => string;
  inline: boolean;
  thanked: boolean;
  status: TextKey | '';
  /** The answer just given, shown to copy when it could not be kept. */
  lastText: string;
  form: () => TemplateResult;
  onKeydown: (e: KeyboardEvent) => void;
  onClose: () => void;
  onAnother: () => void;
}

/**
 * The panel: the question (or the thanks), the status line everyone hears, then the form or what
 * follows it. A floating panel starts following the visual viewport when focus first enters it
 * (open() moves focus in), so the field and Send stay above an on-screen keyboard.
 */
export const renderPanel = (p: PanelProps): TemplateResult => {
  const { t } = p;
  return html`<section
    id="panel"
    part="panel"
    role=${p.inline ? 'region' : 'dialog'}
    aria-labelledby="heading"
    @keydown=${p.onKeydown}
    @focusin=${p.inline ? nothing : onFocusIn}
  >
    ${p.inline
      ? nothing
      : html`<button class="close" type="button" aria-label=${t('close')} @click=${p.onClose}>
          <span aria-hidden="true">×</span>
        </button>`}
    <h2 id="heading" part="heading" tabindex="-1">${p.thanked ? t('thanks') : t('question')}</h2>
    <p class="status" role="status">${p.status ? t(p.status) : ''}</p>
    ${p.thanked ? thanks(p) : p.form()}
  </section>`;
};

/**
 * Once per panel: the panel is drawn anew on every open. The following is a file of its own
 * (viewport.ts), loaded only once a panel opens: a page whose panel never opens never downloads it.
 * Where it cannot load (the network dropped before the first open), the CSS fallbacks hold.
 */
const onFocusIn = {
  handleEvent: (e: FocusEvent): void => {
    const panel = e.currentTarget as HTMLElement;
    import('./viewport.js').then(({ followViewport }) => followViewport(panel), () => {});
  },
  once: true,
};

/** After sending: Close is the main action (the customer is done); writing another sits beside it. */
const thanks = (p: PanelProps): TemplateResult =>
  html`${p.status === 'notKept'
      ? html`<textarea readonly dir="auto" aria-label=${p.t('answerLabel')}>${p.lastText}</textarea>`
      : nothing}
    <div class="row">
      <button class="secondary" type="button" @click=${p.onAnother}>${p.t('another')}</button>
      ${p.inline ? nothing : html`<button class="primary" type="button" @click=${p.onClose}>${p.t('close')}</button>`}
    </div>`;
