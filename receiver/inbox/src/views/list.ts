import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { t, tn } from '../../i18n/index.js';
import { DEFAULT_FILTERS } from '../filters.js';
import type { InboxApp } from '../app.js';
import { renderFindBar } from './find-bar.js';
import { renderCard } from './card.js';

const filtered = (app: InboxApp): boolean =>
  JSON.stringify({ ...app.filters, status: 'new' }) !== JSON.stringify(DEFAULT_FILTERS);

function renderSummary(app: InboxApp) {
  if (app.loadFailed) {
    return html`<p class="notice notice-error">
      ${t('loadFailed')} <button type="button" @click=${() => void app.load(!app.answers.length)}>${t('tryAgain')}</button>
    </p>`;
  }
  if (!app.answers.length) {
    if (app.loading) return html`<p class="notice">${t('loading')}</p>`;
    return html`<p class="notice">${filtered(app) ? t('emptyFiltered') : t(app.filters.status === 'new' ? 'emptyNew' : 'emptyStatus')}</p>`;
  }
  return nothing;
}

export const renderList = (app: InboxApp) => html`
  <div class="list-head">
    <h1 id="view-heading" tabindex="-1">${t('answersHeading')}</h1>
    <p class="count" role="status">
      ${app.answers.length
        ? app.next
          ? tn('answersShownMore', app.answers.length)
          : tn('answersShown', app.answers.length)
        : nothing}
    </p>
  </div>
  ${renderFindBar(app)} ${renderSummary(app)}
  <ol class="answers" aria-labelledby="view-heading" aria-busy=${app.loading ? 'true' : 'false'}>
    ${repeat(
      app.answers,
      (answer) => answer.id,
      (answer, index) => renderCard(app, answer, index),
    )}
  </ol>
  ${app.next
    ? html`<div class="list-end">
        <button type="button" @click=${app.loadMore} ?disabled=${app.loading}>
          ${app.loading ? t('loading') : t('loadMore')}
        </button>
      </div>`
    : nothing}
`;
