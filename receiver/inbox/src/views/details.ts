// An open answer: its context, tags, the private note, the replies sent, the composer.
import { html, nothing } from 'lit';
import { t, tn } from '../../i18n/index.js';
import { contextSize, contextText, fullDate } from '../format.js';
import { DEFAULT_FILTERS, writeLocation } from '../filters.js';
import type { StoredAnswer } from '../api.js';
import type { InboxApp } from '../app.js';
import { addTag, removeTag, saveNote, setRead } from '../triage.js';

function renderContext(answer: StoredAnswer) {
  const size = contextSize(answer.context);
  if (!size) return nothing;
  const { text, truncated } = contextText(answer.context);
  return html`<details class="context">
    <summary>${tn('contextSummary', size)}</summary>
    <pre>${text}</pre>
    ${truncated ? html`<p class="hint">${t('contextTruncated')}</p>` : nothing}
  </details>`;
}

function renderTags(app: InboxApp, answer: StoredAnswer) {
  const inputId = `tag-${answer.id}`;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('tag') as HTMLInputElement;
    addTag(app, answer, input.value);
    input.value = '';
  };
  return html`<section class="tags" aria-labelledby="tags-h-${answer.id}">
    <h2 class="section-title" id="tags-h-${answer.id}">${t('tags')}</h2>
    ${answer.tags.length
      ? html`<ul class="tag-list">
          ${answer.tags.map(
            (tag) => html`<li class="tag">
              <a href=${writeLocation('list', { ...DEFAULT_FILTERS, status: 'all', tag })} title=${t('showTagged', { tag })}>${tag}</a>
              <button type="button" class="remove-tag" aria-label=${t('removeTag', { tag })} @click=${() => removeTag(app, answer, tag)}></button>
            </li>`,
          )}
        </ul>`
      : html`<p class="hint">${t('noTags')}</p>`}
    <form class="inline-form" @submit=${onSubmit}>
      <label for=${inputId}>${t('addTag')}</label>
      <input id=${inputId} name="tag" maxlength="40" autocomplete="off" aria-keyshortcuts="t" />
      <button type="submit">${t('add')}</button>
    </form>
  </section>`;
}

function renderNote(app: InboxApp, answer: StoredAnswer) {
  const id = `note-${answer.id}`;
  const save = (event: Event) => {
    event.preventDefault();
    const form = (event.target as HTMLElement).closest('form')!;
    void saveNote(app, answer, (form.elements.namedItem('note') as HTMLTextAreaElement).value);
  };
  return html`<form class="note" @submit=${save}>
    <label class="section-title" for=${id}>${t('note')}</label>
    <span class="hint" id="${id}-hint">${t('noteHint')}</span>
    <textarea id=${id} name="note" rows="3" aria-describedby="${id}-hint" aria-keyshortcuts="n" .value=${answer.note}></textarea>
    <button type="submit">${t('saveNote')}</button>
  </form>`;
}

function renderReplies(answer: StoredAnswer) {
  if (!answer.replies.length) return nothing;
  return html`<section class="replies" aria-labelledby="replies-h-${answer.id}">
    <h2 class="section-title" id="replies-h-${answer.id}">${t('replies')}</h2>
    <ol>
      ${answer.replies.map(
        (reply) => html`<li>
          <p class="hint">${t(reply.via === 'smtp' ? 'repliedBySmtp' : 'repliedByMailto', { who: reply.by, when: fullDate(reply.at) })}</p>
          <p class="reply-subject">${reply.subject}</p>
          <pre class="reply-body">${reply.body}</pre>
        </li>`,
      )}
    </ol>
  </section>`;
}

export function renderDetails(app: InboxApp, answer: StoredAnswer) {
  return html`
    ${renderContext(answer)}
    <div class="details-grid">${renderTags(app, answer)} ${renderNote(app, answer)}</div>
    ${renderReplies(answer)}
    ${app.composeId === answer.id
      ? html`<inbox-composer .answer=${answer} .smtp=${app.me?.smtp ?? false}></inbox-composer>`
      : nothing}
    <p class="details-footer">
      <button type="button" class="link-button" @click=${() => void setRead(app, answer, false)}>${t('markUnread')}</button>
      ${answer.email
        ? html`<a href=${writeLocation('settings', DEFAULT_FILTERS, { erase: answer.email })}>${t('eraseCustomer')}</a>`
        : nothing}
    </p>
  `;
}
