// <inbox-overview>: a week of answers to talk about as a team: how many, about what, on which pages,
// in which words. Each entry links to the list of those answers (a topic, a word, a page).
import { html, nothing } from 'lit';
import { LightElement } from './light-element.js';
import { api, type Overview } from './api.js';
import { t, tn } from '../i18n/index.js';
import { DEFAULT_FILTERS, writeLocation, type Filters } from './filters.js';
import { fullDate, pageLabel, safePageUrl } from './format.js';

export class InboxOverview extends LightElement {
  static override properties = { data: { state: true }, failed: { state: true } };
  data: Overview | null = null;
  failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.failed = false;
    try {
      this.data = await api.overview();
    } catch {
      this.failed = true;
    }
  }

  private link(change: Partial<Filters>) {
    return writeLocation('list', { ...DEFAULT_FILTERS, status: 'all', since: this.data?.since ?? '', ...change });
  }

  private bars(rows: { label: unknown; count: number; href?: string }[]) {
    const max = Math.max(1, ...rows.map((row) => row.count));
    return html`<ul class="bars">
      ${rows.map(
        (row) => html`<li>
          ${row.href ? html`<a href=${row.href}>${row.label}</a>` : html`<span>${row.label}</span>`}
          <span class="bar-count">${row.count.toLocaleString()}</span>
          <meter min="0" max=${max} value=${row.count} aria-hidden="true"></meter>
        </li>`,
      )}
    </ul>`;
  }

  protected override render() {
    const data = this.data;
    return html`<h1 id="view-heading" tabindex="-1">${t('overviewHeading')}</h1>
      ${this.failed
        ? html`<p class="notice notice-error">${t('loadFailed')} <button type="button" @click=${() => void this.load()}>${t('tryAgain')}</button></p>`
        : !data
          ? html`<p class="notice" role="status">${t('loading')}</p>`
          : html`
              <p class="overview-total">
                <a href=${this.link({})}>${tn('overviewTotal', data.total)}</a>
                <span class="hint">${t('overviewSince', { date: fullDate(data.since) })}</span>
              </p>
              <div class="overview-grid">
                <section aria-labelledby="ov-words">
                  <h2 id="ov-words">${t('overviewWords')}</h2>
                  ${data.words.length
                    ? html`<ul class="word-cloud">
                        ${data.words.map(
                          (word) => html`<li><a href=${this.link({ q: word.word })}>${word.word}</a> <span class="bar-count">${word.count.toLocaleString()}</span></li>`,
                        )}
                      </ul>`
                    : html`<p class="hint">${t('overviewNothing')}</p>`}
                </section>
                <section aria-labelledby="ov-topics">
                  <h2 id="ov-topics">${t('overviewTopics')}</h2>
                  ${data.byTopic.length
                    ? this.bars(
                        data.byTopic.map((row) => ({
                          label: row.topic ?? t('noTopic'),
                          count: row.count,
                          href: row.topic ? this.link({ topic: row.topic }) : undefined,
                        })),
                      )
                    : html`<p class="hint">${t('overviewNothing')}</p>`}
                </section>
                <section aria-labelledby="ov-pages">
                  <h2 id="ov-pages">${t('overviewPages')}</h2>
                  ${data.byPage.length
                    ? this.bars(
                        data.byPage.map((row) => ({
                          label: safePageUrl(row.page) ? pageLabel(row.page) : row.page,
                          count: row.count,
                          href: this.link({ page: row.page }),
                        })),
                      )
                    : html`<p class="hint">${t('overviewNothing')}</p>`}
                </section>
              </div>
            `}
      ${nothing}`;
  }
}

customElements.define('inbox-overview', InboxOverview);
