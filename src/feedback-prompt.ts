import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { styles } from './feedback-prompt.styles.js';
import { FeedbackPromptSettings } from './feedback-prompt.settings.js';
import { createAnswer } from './delivery/answer.js';
import { QueueFullError, type QueueReport, type QueuedAnswer } from './delivery/queue.js';
import { openQueue, type QueueHandle } from './queue-handle.js';
import { clearDraft, loadDraft, saveDraft } from './draft.js';
import { armTrigger, snooze } from './triggers.js';
import { applyAccent } from './accent.js';
import { idle, nextTask, whenIdle } from './idle.js';
import { problemWith } from './answer-check.js';
import { choice, httpUrl, jsonObject, list, numberIn, TRIGGERS } from './options.js';
import { isRightToLeft, loadTranslation, translationFor, type TextKey } from './i18n/index.js';
import { renderFields } from './fields.js';
import { renderPanel } from './panel.js';

/** The settings whose change re-arms the automatic trigger. */
const TRIGGER_SETTINGS = ['trigger', 'delay', 'scrollPercent', 'sample', 'position'];

/**
 * Asks the shop's customers an open question and delivers every answer, even across reloads and
 * offline spells.
 *
 * @customElement feedback-prompt
 *
 * @fires feedback-open - The panel opened.
 * @fires feedback-close - The panel closed.
 * @fires feedback-submit - An answer was queued; `detail` is the answer as it will be sent.
 * @fires feedback-sent - The endpoint accepted an answer; `detail` is `{id}`.
 * @fires feedback-failed - A send failed; `detail` is `{id, status, retrying}`.
 * @fires feedback-expired - An answer waited more than 30 days and was dropped; `detail` is `{id}`.
 *
 * @csspart launcher - The floating button that opens the panel.
 * @csspart panel - The panel holding the question and the form.
 * @csspart heading - The question.
 * @csspart textarea - The answer field.
 * @csspart submit - The send button.
 *
 * @cssproperty --feedback-prompt-accent - Buttons and focus ring.
 * @cssproperty --feedback-prompt-background - Panel background.
 * @cssproperty --feedback-prompt-text - Text colour.
 * @cssproperty --feedback-prompt-radius - Panel corner radius.
 * @cssproperty --feedback-prompt-font - Font shorthand; the page's font does not leak in unless set here.
 * @cssproperty --feedback-prompt-z-index - Stacking of the launcher and panel.
 */
export class FeedbackPrompt extends FeedbackPromptSettings {
  static override styles = styles;

  // The settings' attributes come with the class Lit inherits them from; only the state is added here.
  static override properties: PropertyDeclarations = {
    _open: { state: true },
    _thanked: { state: true },
    _status: { state: true },
    _error: { state: true },
    _answer: { state: true },
    _email: { state: true },
  };

  declare private _open: boolean;
  declare private _thanked: boolean;
  declare private _status: TextKey | '';
  declare private _error: TextKey | '';
  declare private _answer: string;
  declare private _email: string;

  private _queue?: QueueHandle;
  private _disarm = () => {};
  private _pendingId = '';
  private _lastText = '';
  /** The endpoint value last reported as unusable; starts as a value no attribute can have. */
  private _reportedEndpoint: unknown = NaN;
  private _draftLoaded = false;
  private _submitting = false;
  /** The `.root` the accent was last applied to: a re-render that replaces it needs it again. */
  private _accentRoot?: HTMLElement;

  constructor() {
    super();
    this._open = false;
    this._thanked = false;
    this._status = '';
    this._error = '';
    this._answer = '';
    this._email = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // On the first connection delivery and the trigger start after the first render (below).
    if (this.hasUpdated) this._start();
  }

  protected override firstUpdated(): void {
    // A task after the launcher is drawn: the host page sees three short tasks, not one long one.
    void nextTask().then(() => this._start());
  }

  /**
   * The launcher's first render waits for idle time (within a second), after the host page's own
   * first frames, so it never makes one of them long. The inline form, part of the page's flow,
   * does not wait: the later it arrives, the more of the page it would shift.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    if (!this.hasUpdated && this._position !== 'inline') await idle(1000);
    return super.scheduleUpdate();
  }

  /** Starts delivery and the trigger once the element is on the page with a usable endpoint. */
  private _start(): void {
    if (!this._endpoint || this._queue || !this.isConnected) return;
    this._queue = openQueue(this._onReport);
    this._arm();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._disarm();
    this._queue?.close();
    this._queue = undefined;
  }

  /** Opens the panel and moves focus to the answer field. */
  open(): void {
    if (!this._endpoint || this._open) return;
    this._disarm();
    this._open = true;
    this._restoreDraft();
    this._emit('feedback-open');
    void this.updateComplete.then(() => this._focus('textarea'));
  }

  /** Closes the panel; counts as a dismiss for `snooze-days`. Focus returns to the launcher. */
  close(): void {
    if (!this._open || this._position === 'inline') return;
    const hadFocus = this.shadowRoot?.activeElement;
    this._open = false;
    snooze(this._snoozeDays);
    if (this._thanked) this._reset();
    this._emit('feedback-close');
    if (hadFocus) void this.updateComplete.then(() => this._focus('[part=launcher]'));
  }

  /** Sends whatever is queued now. */
  flush(): Promise<void> {
    this._start();
    return this._queue?.queue.flush(true) ?? Promise.resolve();
  }

  /** Answers the endpoint refused (a 4xx other than 408/409/425/429), kept for a later look. */
  failed(): Promise<QueuedAnswer[]> {
    this._start();
    return this._queue?.queue.failed() ?? Promise.resolve([]);
  }

  /** Sends a refused answer again, e.g. after the endpoint was fixed. */
  resend(id: string): Promise<void> {
    this._start();
    return this._queue?.queue.resend(id) ?? Promise.resolve();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const endpoint = this._endpoint;
    if (endpoint) {
      // An endpoint given after connecting (set later by a script or a framework) starts delivery now.
      if (!this._queue) {
        // Before the first render delivery and the trigger wait for firstUpdated (see there).
        if (this.hasUpdated) this._start();
      } else if (TRIGGER_SETTINGS.some((key) => changed.has(key))) this._arm();
    } else if (!Object.is(this.endpoint, this._reportedEndpoint)) {
      this._reportedEndpoint = this.endpoint;
      console.error(
        `feedback-prompt: the "endpoint" attribute must be an http(s) URL (got ${JSON.stringify(this.endpoint ?? null)}); nothing is shown and no answer is kept.`,
      );
    }
    if (!translationFor(this._language)) void loadTranslation(this._language).then(() => this.requestUpdate());
    // The inline form is always open: bring back a draft from an earlier page view at once.
    if (endpoint && this._position === 'inline') this._restoreDraft();
  }

  protected override updated(changed: PropertyValues): void {
    const root = this.renderRoot.querySelector<HTMLElement>('.root');
    if (!root) return;
    const fresh = this._accentRoot !== root;
    if (!fresh && !changed.has('accent')) return;
    this._accentRoot = root;
    // Reading the computed colour forces a style pass. Without an `accent` attribute, leave it out
    // of the page's first render (a page-set --feedback-prompt-accent is checked in idle time);
    // until then the CSS defaults hold, right for the built-in accents.
    if (this.accent || !fresh) applyAccent(root, this.accent);
    else whenIdle(() => root.isConnected && applyAccent(root, this.accent));
  }

  protected override render(): TemplateResult | typeof nothing {
    const lang = this._language;
    if (!this._endpoint || !translationFor(lang)) return nothing;
    const position = this._position;
    const inline = position === 'inline';
    const rtl = isRightToLeft(lang);
    // Mirrors for right-to-left: the default corner becomes the reading start, bottom-left.
    const start = position === 'bottom-left' || (rtl && !this.position);
    const classes = `root ${inline ? 'inline' : ''} ${start ? 'start' : ''} ${rtl ? 'rtl' : ''}`;
    return html`<div class=${classes} dir=${rtl ? 'rtl' : 'ltr'} lang=${lang}>
      ${inline
        ? nothing
        : html`<button
            part="launcher"
            type="button"
            aria-expanded=${this._open}
            aria-controls="panel"
            @click=${() => (this._open ? this.close() : this.open())}
          >
            ${this._t('launcher')}
          </button>`}
      ${inline || this._open
        ? renderPanel({
            t: (key) => this._t(key),
            inline,
            thanked: this._thanked,
            status: this._status,
            lastText: this._lastText,
            form: () => this._form(),
            onKeydown: this._onKeydown,
            onClose: () => this.close(),
            onAnother: this._another,
          })
        : nothing}
    </div>`;
  }

  private _form(): TemplateResult {
    const max = this._maxLength;
    const left = max - this._answer.length;
    return html`<form novalidate @submit=${this._submit}>
      ${renderFields({
        t: (key, n) => this._t(key, n),
        answer: this._answer,
        email: this._email,
        left,
        error: this._error,
        askEmail: this.askEmail,
        rating: this.rating,
        topics: list(this.topics),
        privacyUrl: httpUrl(this.privacyUrl, document.baseURI),
        onInput: this._onInput,
      })}
    </form>`;
  }

  private _onInput = (e: Event): void => {
    const field = e.target as HTMLInputElement;
    if (field.name === 'answer') this._answer = field.value;
    else if (field.name === 'email') this._email = field.value;
    else return;
    if (this._error) this._error = '';
    saveDraft({ answer: this._answer, email: this._email });
  };

  private _onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this._position !== 'inline') {
      e.stopPropagation();
      // close() hands focus back to the launcher.
      this.close();
    }
  };

  private _submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    // A second tap while the first is being stored would make a second answer with a new id.
    if (this._submitting) return;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    // Bots fill every field they find; people never see this one. Pretend all went well.
    if (data.get('website')) return this._showThanks('');
    const answer = this._answer;
    const email = this._email.trim();
    const problem = problemWith(answer, email, this._maxLength);
    if (problem) {
      this._error = problem.error;
      // After the render, so the field is already marked invalid and described by its error.
      return void this.updateComplete.then(() => this._focus(problem.field));
    }
    const record = createAnswer(
      {
        site: this.site ?? '',
        answer,
        email: email || null,
        rating: data.get('rating') ? Number(data.get('rating')) : null,
        topic: (data.get('topic') as string | null) || null,
        lang: this._language,
        context: jsonObject<Record<string, unknown>>('context', this.context),
      },
      location.href,
    );
    // A script may submit in the same task as the first render, before delivery has started.
    this._start();
    const handle = this._queue!;
    this._submitting = true;
    try {
      await handle.enqueue(record, this._endpoint!);
    } catch (error) {
      this._error = error instanceof QueueFullError ? 'queueFull' : 'notKept';
      return;
    } finally {
      this._submitting = false;
    }
    this._lastText = answer;
    this._pendingId = record.id;
    this._emit('feedback-submit', record);
    // After the event: the answer is safe, and the page hears of it without waiting on localStorage.
    clearDraft();
    this._showThanks(navigator.onLine ? 'sending' : 'savedOffline');
    void handle.queue.flush(true);
  };

  private _showThanks(status: TextKey | ''): void {
    snooze(this._snoozeDays);
    this._thanked = true;
    this._status = status;
    this._answer = this._email = this._error = '';
    void this.updateComplete.then(() => this._focus('#heading'));
  }

  private _another = (): void => {
    this._reset();
    void this.updateComplete.then(() => this._focus('textarea'));
  };

  private _reset(): void {
    this._thanked = false;
    this._status = this._error = '';
    this._pendingId = '';
  }

  private _onReport = (report: QueueReport): void => {
    const { type, id } = report;
    this._emit(`feedback-${type}`, type === 'failed' ? { id, status: report.status, retrying: report.retrying } : { id });
    if (id !== this._pendingId) return;
    this._status =
      type === 'sent'
        ? 'sent'
        : !this._queue?.queue.durable
          ? 'notKept'
          : type === 'failed' && !report.retrying
            ? 'refused'
            : navigator.onLine
              ? 'retrying'
              : 'savedOffline';
  };

  private _restoreDraft(): void {
    if (this._draftLoaded) return;
    this._draftLoaded = true;
    const draft = loadDraft();
    if (draft && !this._answer) {
      this._answer = draft.answer;
      this._email = draft.email ?? '';
    }
  }

  private _arm(): void {
    this._disarm();
    if (this._position === 'inline') return;
    this._disarm = armTrigger(
      {
        trigger: choice('trigger', this.trigger, TRIGGERS, 'button'),
        delay: numberIn('delay', this.delay, 30, 0),
        scroll: numberIn('scroll', this.scrollPercent, 50, 0, 100),
        sample: numberIn('sample', this.sample, 1, 0, 1),
      },
      () => this.open(),
    );
  }

  private _focus(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private _emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'feedback-prompt': FeedbackPrompt;
  }
}
