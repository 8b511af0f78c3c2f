import { html, nothing, type TemplateResult } from 'lit';
import type { TextKey } from './i18n/index.js';
import { RATING_SCALE } from './settings/attributes.js';

export interface FieldsProps {
  t: (key: TextKey, n?: number) => string;
  answer: string;
  email: string;
  /** Characters left; negative when over the limit. */
  left: number;
  error: TextKey | '';
  askEmail: boolean;
  rating: boolean;
  topics: string[];
  privacyUrl: string | undefined;
  onInput: (e: Event) => void;
}

/**
 * The counter shows once the customer has typed and a tenth of the allowed characters (or 20) is
 * left, and past the limit: before that, "2000 characters left" is noise. Its region is always
 * there, empty until then, so screen readers announce it (politely) when it appears.
 */
const nearLimit = (left: number, used: number): boolean => used > 0 && left <= Math.max(20, (left + used) / 10);

/** The form's fields, in the order a customer meets them: open question first, the optional rest after. */
export const renderFields = (p: FieldsProps): TemplateResult => {
  const { t, error } = p;
  const counter = nearLimit(p.left, p.answer.length);
  const answerError = error === 'empty' || error === 'tooLong';
  const emailError = error === 'emailInvalid';
  const formError = error && !answerError && !emailError;
  return html`<p class="hint" id="intro">${t('intro')}</p>
    <label class="sr" for="answer">${t('answerLabel')}</label>
    <textarea
      id="answer"
      name="answer"
      part="textarea"
      dir="auto"
      aria-describedby="intro count ${answerError ? 'answer-error' : ''}"
      aria-invalid=${answerError ? 'true' : 'false'}
      .value=${p.answer}
      @input=${p.onInput}
    ></textarea>
    <p class="count ${p.left < 0 ? 'error' : ''}" id="count" aria-live="polite">${counter
      ? p.left < 0
        ? t('tooLong', -p.left)
        : t('remaining', p.left)
      : ''}</p>
    ${answerError ? html`<p class="error" id="answer-error">${t(error, -p.left)}</p>` : nothing}
    ${p.topics.length
      ? html`<label for="topic">${t('topic')}</label>
          <select id="topic" name="topic">
            <option value="">${t('chooseTopic')}</option>
            ${p.topics.map((topic) => html`<option>${topic}</option>`)}
          </select>`
      : nothing}
    ${p.rating ? ratingScale(t) : nothing}
    ${p.askEmail
      ? html`<label for="email">${t('email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            aria-describedby="email-why ${emailError ? 'email-error' : ''}"
            aria-invalid=${emailError ? 'true' : 'false'}
            .value=${p.email}
            @input=${p.onInput}
          />
          <p class="hint" id="email-why">${t('emailWhy')}</p>
          ${emailError ? html`<p class="error" id="email-error">${t('emailInvalid')}</p>` : nothing}`
      : nothing}
    <div class="trap" aria-hidden="true">
      <input name="website" tabindex="-1" autocomplete="off" />
    </div>
    ${formError ? html`<p class="error" role="alert">${t(error)}</p>` : nothing}
    ${p.privacyUrl
      ? html`<p class="privacy"><a href=${p.privacyUrl} target="_blank" rel="noopener">${t('privacy')}</a></p>`
      : nothing}
    <div class="row"><button part="submit" type="submit">${t('send')}</button></div>`;
};

/**
 * The points come from RATING_SCALE; a translation's `ratings` only names them (a missing name shows
 * the number). Each is named for screen readers; the words at both ends are shown to everyone.
 */
const ratingScale = (t: FieldsProps['t']): TemplateResult => {
  const labels = t('ratings').split('|');
  return html`<fieldset>
    <legend>${t('rating')}</legend>
    <div class="scale">
      ${Array.from({ length: RATING_SCALE }, (_, i) => labels[i] ?? String(i + 1)).map(
        (label, i) =>
          html`<label title=${label}
            ><input type="radio" name="rating" value=${i + 1} /><span aria-hidden="true">${i + 1}</span
            ><span class="sr">${label}</span></label
          >`,
      )}
    </div>
    <div class="ends" aria-hidden="true"><span>${labels[0]}</span><span>${labels[RATING_SCALE - 1]}</span></div>
  </fieldset>`;
};
