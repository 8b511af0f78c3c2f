// One answer in the list: the customer's words first and large, then what came with them.
import { html, nothing } from 'lit';
import { t, type Key } from '../../i18n/index.js';
import { fullDate, languageName, pageLabel, relativeDate, safePageUrl } from '../format.js';
import type { StoredAnswer } from '../api.js';
import type { InboxApp } from '../app.js';
import { renderDetails } from './details.js';
import { setStatus } from '../triage.js';

const STATUS_BADGE: Record<StoredAnswer['status'], Key | null> = { new: null, handled: 'statusHandled', spam: 'statusSpam' };

const meta = (label: Key, value: unknown) => html`<div class="meta-item"><dt>${t(label)}</dt><dd>${value}</dd></div>`;

function renderPage(page: string) {
  const url = safePageUrl(page);
  if (!url) return html`<span class="page-text">${pageLabel(page)}</span>`;
  return html`<a href=${url.href} target="_blank" rel="noopener noreferrer nofollow">${pageLabel(page)}</a>`;
}

export function renderCard(app: InboxApp, answer: StoredAnswer, index: number) {
  const open = app.openId === answer.id;
  const badge = STATUS_BADGE[answer.status];
  const classes = ['card', answer.read ? '' : 'unread', open ? 'open' : '', index === app.selected ? 'selected' : '', `status-${answer.status}`]
    .filter(Boolean)
    .join(' ');
  return html`
    <li class=${classes}>
      <article
        data-answer-id=${answer.id}
        tabindex="-1"
        aria-labelledby="text-${answer.id}"
        aria-describedby="flags-${answer.id}"
        @focusin=${() => {
          if (app.selected !== index) app.select(index, { focus: false });
        }}
        @keydown=${(event: KeyboardEvent) => {
          // Enter on the answer itself (not on one of its buttons or links) opens or closes it.
          if (event.key === 'Enter' && event.target === event.currentTarget) {
            event.preventDefault();
            app.toggleOpen(answer);
          }
        }}
      >
        <p class="flags" id="flags-${answer.id}">
          ${answer.read ? nothing : html`<span class="badge badge-unread">${t('unread')}</span>`}
          ${badge ? html`<span class="badge badge-${answer.status}">${t(badge)}</span>` : nothing}
          ${answer.replies.length ? html`<span class="badge badge-replied">${t('replied')}</span>` : nothing}
          ${answer.tags.map((tag) => html`<span class="badge badge-tag">${tag}</span>`)}
        </p>
        <p class="answer-text" id="text-${answer.id}" lang=${answer.lang || nothing} dir="auto">${answer.answer}</p>
        <dl class="meta">
          ${meta('when', html`<time datetime=${answer.receivedAt} title=${fullDate(answer.receivedAt)}>${relativeDate(answer.receivedAt)}</time>`)}
          ${meta('page', renderPage(answer.page))}
          ${answer.topic ? meta('topic', html`<span dir="auto">${answer.topic}</span>`) : nothing}
          ${answer.rating !== null ? meta('rating', t('ratingValue', { n: answer.rating })) : nothing}
          ${meta('language', languageName(answer.lang))}
          ${answer.email ? meta('email', html`<span class="email">${answer.email}</span>`) : nothing}
          ${meta('site', html`<span dir="auto">${answer.site}</span>`)}
        </dl>
        <div class="actions">
          <button
            type="button"
            aria-pressed=${answer.status === 'handled' ? 'true' : 'false'}
            aria-keyshortcuts="e"
            @click=${() => void setStatus(app, answer, answer.status === 'handled' ? 'new' : 'handled')}
          >
            ${t('markHandled')}
          </button>
          <button
            type="button"
            class="quiet"
            aria-pressed=${answer.status === 'spam' ? 'true' : 'false'}
            aria-keyshortcuts="!"
            @click=${() => void setStatus(app, answer, answer.status === 'spam' ? 'new' : 'spam')}
          >
            ${t('markSpam')}
          </button>
          ${answer.email
            ? html`<button type="button" class="quiet" aria-keyshortcuts="r" @click=${() => app.openComposer(answer)}>${t('reply')}</button>`
            : nothing}
          <button
            type="button"
            class="quiet"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls="details-${answer.id}"
            aria-keyshortcuts="o"
            @click=${() => app.toggleOpen(answer)}
          >
            ${open ? t('closeDetails') : t('openDetails')}
          </button>
        </div>
        <div class="details" id="details-${answer.id}" ?hidden=${!open}>${open ? renderDetails(app, answer) : nothing}</div>
      </article>
    </li>
  `;
}
