import { html, nothing } from 'lit';
import { LANGUAGES, t, uiLang, type Key } from '../../i18n/index.js';
import { writeLocation, DEFAULT_FILTERS, type View } from '../filters.js';
import { ownLanguageName } from '../format.js';
import type { InboxApp } from '../app.js';

const NAV: [View, Key][] = [
  ['list', 'navAnswers'],
  ['overview', 'navOverview'],
  ['settings', 'navSettings'],
];

export const renderHeader = (app: InboxApp) => html`
  <a class="skip-link" href="#main">${t('skipToContent')}</a>
  <header class="top">
    <p class="brand">${t('appName')}</p>
    <nav class="main-nav" aria-label=${t('mainNavigation')}>
      ${NAV.map(
        ([view, label]) => html`<a
          href=${writeLocation(view, view === 'list' ? app.filters : DEFAULT_FILTERS)}
          aria-current=${app.view === view ? 'page' : nothing}
          >${t(label)}</a
        >`,
      )}
    </nav>
    <div class="account">
      <button type="button" class="quiet" aria-keyshortcuts="?" aria-haspopup="dialog" @click=${app.showHelp}>
        ${t('shortcuts')}
      </button>
      <label class="visually-hidden" for="ui-lang">${t('language')}</label>
      <select id="ui-lang" @change=${app.changeLanguage}>
        ${LANGUAGES.map(
          (code) => html`<option value=${code} lang=${code} ?selected=${code === uiLang()}>${ownLanguageName(code)}</option>`,
        )}
      </select>
      ${app.me?.email ? html`<span class="who">${app.me.email}</span>` : nothing}
      <button type="button" @click=${app.signOut}>${t('signOut')}</button>
    </div>
  </header>
`;
