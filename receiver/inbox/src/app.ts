// <feedback-inbox>: the page's state (who is signed in, which view, which answers) and the actions on it.
// The views in views/ are functions of this element; the forms with state of their own are elements.
import { html, nothing, type PropertyValues } from 'lit';
import { LightElement } from './light-element.js';
import { api, ApiError, onSignedOut, type Me, type Page, type StoredAnswer } from './api.js';
import { activeFilterCount, apiQuery, DEFAULT_FILTERS, readLocation, writeLocation, type Filters, type View } from './filters.js';
import { shortcutFor } from './shortcuts.js';
import { runShortcut } from './keyboard.js';
import { setRead } from './triage.js';
import { t, useLanguage } from '../i18n/index.js';
import { storeLanguage } from './language.js';
import { renderHeader } from './views/header.js';
import { renderList } from './views/list.js';
import './sign-in.js';
import './composer.js';
import './overview.js';
import './settings.js';
import './shortcuts-dialog.js';

export const PAGE_SIZE = 50;

/** GET /api/answers query of one page of a filtered view. */
export const pageQuery = (filters: Filters, cursor: string | null): URLSearchParams => {
  const query = apiQuery(filters);
  query.set('limit', String(PAGE_SIZE));
  if (cursor) query.set('cursor', cursor);
  return query;
};

/** Requests started before the language and the element are ready, so the first answers arrive sooner. */
export interface Boot {
  me: Promise<Me>;
  page: Promise<Page> | null;
}

export interface Toast {
  message: string;
  undo?: () => void;
  error?: boolean;
}

type Phase = 'loading' | 'signed-out' | 'unreachable' | 'ready';

export class InboxApp extends LightElement {
  static override properties = {
    phase: { state: true },
    me: { state: true },
    view: { state: true },
    filters: { state: true },
    answers: { state: true },
    next: { state: true },
    loading: { state: true },
    loadFailed: { state: true },
    selected: { state: true },
    openId: { state: true },
    composeId: { state: true },
    toast: { state: true },
    helpOpen: { state: true },
    filtersOpen: { state: true },
  };

  boot: Boot | null = null;
  phase: Phase = 'loading';
  me: Me | null = null;
  view: View = 'list';
  filters: Filters = DEFAULT_FILTERS;
  eraseEmail = '';
  answers: StoredAnswer[] = [];
  next: string | null = null;
  loading = false;
  loadFailed = false;
  /** index of the answer j/k move between and e, !, r… act on; -1 before the first move */
  selected = -1;
  openId: string | null = null;
  composeId: string | null = null;
  toast: Toast | null = null;
  helpOpen = false;
  filtersOpen = false;

  private request: AbortController | null = null;
  /** where the focus goes once the next render is done */
  focusNext: 'card' | 'heading' | 'tag' | 'note' | null = null;
  private observer: IntersectionObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    onSignedOut(() => this.signedOut());
    window.addEventListener('popstate', this.onPopState);
    document.addEventListener('keydown', this.onKey);
    this.addEventListener('click', this.onLinkClick);
    const location = readLocation(window.location.search);
    this.view = location.view;
    this.filters = location.filters;
    this.eraseEmail = location.erase;
    this.filtersOpen = activeFilterCount(this.filters) > 0;
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    document.removeEventListener('keydown', this.onKey);
    this.observer?.disconnect();
  }

  private async start(): Promise<void> {
    const boot = this.boot;
    this.boot = null;
    this.phase = 'loading';
    try {
      this.me = await (boot?.me ?? api.me());
    } catch (error) {
      this.phase = error instanceof ApiError && error.status === 401 ? 'signed-out' : 'unreachable';
      return;
    }
    this.phase = 'ready';
    if (this.view === 'list') await this.load(true, boot?.page ?? undefined);
  }

  // ——— loading the list ———

  async load(reset: boolean, prefetched?: Promise<Page>): Promise<void> {
    this.request?.abort();
    const controller = new AbortController();
    this.request = controller;
    this.loading = true;
    this.loadFailed = false;
    try {
      const page = await (prefetched ?? api.list(pageQuery(this.filters, reset ? null : this.next), controller.signal));
      if (controller.signal.aborted) return;
      if (reset) {
        this.answers = page.answers;
        this.selected = -1;
        this.openId = null;
        this.composeId = null;
      } else {
        const known = new Set(this.answers.map((answer) => answer.id));
        this.answers = [...this.answers, ...page.answers.filter((answer) => !known.has(answer.id))];
      }
      this.next = page.next;
    } catch (error) {
      if (controller.signal.aborted || (error instanceof ApiError && error.status === 401)) return;
      this.loadFailed = true;
    } finally {
      if (this.request === controller) {
        this.loading = false;
        this.request = null;
      }
    }
  }

  loadMore = (): void => {
    if (this.next && !this.loading) void this.load(false);
  };

  // ——— where we are: the URL ———

  /** Goes to a view or filtered list, kept in the URL (bookmarkable, back button works). */
  navigate(search: string, { replace = false } = {}): void {
    const target = search === '?' || search === '' ? window.location.pathname : search;
    if (replace) history.replaceState(null, '', target);
    else history.pushState(null, '', target);
    this.applyLocation();
  }

  setFilters(change: Partial<Filters>, options: { replace?: boolean } = {}): void {
    this.navigate(writeLocation('list', { ...this.filters, ...change }), options);
  }

  private applyLocation(): void {
    const location = readLocation(window.location.search);
    const viewChanged = location.view !== this.view;
    const filtersChanged = JSON.stringify(location.filters) !== JSON.stringify(this.filters);
    this.view = location.view;
    this.filters = location.filters;
    this.eraseEmail = location.erase;
    // Arriving from another view (an overview link) with filters on: show them, as a fresh load does.
    if (viewChanged && activeFilterCount(location.filters) > 0) this.filtersOpen = true;
    if (this.phase !== 'ready') return;
    if (location.view === 'list' && (filtersChanged || viewChanged)) void this.load(true);
    if (viewChanged) this.focusNext = 'heading';
  }

  private onPopState = (): void => this.applyLocation();

  /** Links to other views of the inbox stay in the page (no reload); everything else is left alone. */
  private onLinkClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest?.('a');
    if (!link || link.hasAttribute('download') || link.target || link.getAttribute('href')?.startsWith('#')) return;
    const url = new URL(link.href);
    if (url.origin !== window.location.origin || url.pathname !== window.location.pathname) return;
    event.preventDefault();
    this.navigate(url.search);
  };

  // ——— signing in and out ———

  private onSignedIn = (): void => {
    void this.start();
  };

  signOut = async (): Promise<void> => {
    try {
      await api.signOut();
    } catch {
      // Signed out on this page either way; the server forgets the session when it expires.
    }
    this.signedOut();
  };

  private signedOut(): void {
    this.request?.abort();
    this.phase = 'signed-out';
    this.me = null;
    this.answers = [];
    this.next = null;
    this.toast = null;
    this.openId = null;
    this.composeId = null;
  }

  changeLanguage = async (event: Event): Promise<void> => {
    const lang = (event.target as HTMLSelectElement).value;
    storeLanguage(lang);
    await useLanguage(lang);
    document.documentElement.lang = lang;
    document.title = t('appName');
    // Every element of the page shows text: each renders again in the new language.
    for (const element of [this, ...this.querySelectorAll('*')]) {
      if (element instanceof LightElement) element.requestUpdate();
    }
  };

  // ——— the selected answer ———

  get current(): StoredAnswer | undefined {
    return this.answers[this.selected];
  }

  select(index: number, { focus = true } = {}): void {
    if (!this.answers.length) return;
    this.selected = Math.max(0, Math.min(index, this.answers.length - 1));
    if (this.selected >= this.answers.length - 3) this.loadMore();
    if (focus) this.focusNext = 'card';
  }

  indexOf(id: string): number {
    return this.answers.findIndex((answer) => answer.id === id);
  }

  /** Replaces the answer with this id in the list (the server's or an optimistic version of it). */
  put(answer: StoredAnswer): void {
    this.answers = this.answers.map((each) => (each.id === answer.id ? answer : each));
  }

  toggleOpen(answer: StoredAnswer): void {
    this.select(this.indexOf(answer.id), { focus: false });
    if (this.openId === answer.id) {
      this.openId = null;
      this.composeId = null;
      return;
    }
    this.openId = answer.id;
    if (!answer.read) void setRead(this, answer, true);
  }

  undo = (): void => this.toast?.undo?.();

  openComposer(answer: StoredAnswer): void {
    if (!answer.email) return;
    this.select(this.indexOf(answer.id), { focus: false });
    if (this.openId !== answer.id) this.toggleOpen(answer);
    this.composeId = answer.id;
  }

  closeComposer = (): void => {
    this.composeId = null;
    this.focusNext = 'card';
  };

  private onReplied = (event: CustomEvent<{ answer: StoredAnswer; via: 'smtp' | 'mailto' }>): void => {
    const { answer, via } = event.detail;
    this.put(answer);
    this.composeId = null;
    this.focusNext = 'card';
    this.toast = { message: t(via === 'smtp' ? 'replySent' : 'replyRecorded', { email: answer.email ?? '' }) };
  };

  // ——— keyboard ———

  private onKey = (event: KeyboardEvent): void => {
    if (this.phase !== 'ready' || this.helpOpen) return;
    const action = shortcutFor(event);
    if (action && runShortcut(this, action) !== false) event.preventDefault();
  };

  showHelp = (): void => {
    this.helpOpen = true;
  };

  // ——— rendering ———

  protected override render() {
    if (this.phase === 'loading') return html`<p class="page-status" role="status">${t('loading')}</p>`;
    if (this.phase === 'signed-out') return html`<inbox-sign-in @signed-in=${this.onSignedIn}></inbox-sign-in>`;
    if (this.phase === 'unreachable') {
      return html`<main class="page-status">
        <h1>${t('unreachableTitle')}</h1>
        <p>${t('unreachableText')}</p>
        <button type="button" @click=${() => void this.start()}>${t('tryAgain')}</button>
      </main>`;
    }
    return html`${renderHeader(this)}
      <main id="main" class="main" @replied=${this.onReplied} @composer-close=${this.closeComposer}>
        ${this.view === 'overview'
          ? html`<inbox-overview></inbox-overview>`
          : this.view === 'settings'
            ? html`<inbox-settings .erase=${this.eraseEmail}></inbox-settings>`
            : renderList(this)}
      </main>
      ${this.renderToast()}
      <inbox-shortcuts .open=${this.helpOpen} @close=${() => (this.helpOpen = false)}></inbox-shortcuts>`;
  }

  private renderToast() {
    const toast = this.toast;
    return html`<div class="toast-region" role="status" aria-live="polite">
      ${toast
        ? html`<div class="toast ${toast.error ? 'toast-error' : ''}">
            <span>${toast.message}</span>
            ${toast.undo ? html`<button type="button" @click=${this.undo} aria-keyshortcuts="u">${t('undo')}</button>` : nothing}
            <button type="button" class="quiet" @click=${() => (this.toast = null)}>${t('dismiss')}</button>
          </div>`
        : nothing}
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const focus = this.focusNext;
    this.focusNext = null;
    if (focus === 'card' && this.current) {
      const card = this.querySelector<HTMLElement>(`[data-answer-id="${CSS.escape(this.current.id)}"]`);
      card?.focus({ preventScroll: true });
      card?.scrollIntoView({ block: 'nearest' });
    } else if (focus === 'tag' || focus === 'note') {
      this.querySelector<HTMLElement>(`#${focus}-${CSS.escape(this.current?.id ?? '')}`)?.focus();
    } else if (focus === 'heading') {
      // Overview and settings are elements of their own: their heading is there once they have rendered.
      const view = this.querySelector<LightElement>('inbox-overview, inbox-settings');
      void (view?.updateComplete ?? Promise.resolve()).then(() => this.querySelector<HTMLElement>('#view-heading')?.focus());
    }
    this.watchEndOfList();
  }

  /** Infinite scroll: the next page loads as the end of the list comes into view (a button does it too). */
  private watchEndOfList(): void {
    const sentinel = this.querySelector('.list-end');
    if (!sentinel) return;
    this.observer ??= new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.loadMore();
    }, { rootMargin: '600px' });
    this.observer.disconnect();
    this.observer.observe(sentinel);
  }
}

customElements.define('feedback-inbox', InboxApp);

declare global {
  interface HTMLElementTagNameMap {
    'feedback-inbox': InboxApp;
  }
}
