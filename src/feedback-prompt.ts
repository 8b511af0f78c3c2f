import { html, LitElement, nothing, type PropertyDeclaration, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { styles } from './feedback-prompt.styles.js';
import { ATTRIBUTES, propertyOf, type Position, type Trigger } from './settings/attributes.js';
import { readSettings, type Settings } from './settings/read.js';
import { createAnswer } from './delivery/answer.js';
import { QueueFullError, type QueueReport, type QueuedAnswer } from './delivery/queue.js';
import { DeliveryController } from './delivery/controller.js';
import { clearDraft, loadDraft, saveDraft } from './draft.js';
import { armTrigger, snooze } from './triggers.js';
import { applyAccent } from './accent.js';
import { idle, nextTask, whenIdle } from './idle.js';
import { problemWith } from './answer-check.js';
import type { FeedbackPromptEventMap } from './events.js';
import { isRightToLeft, loadTranslation, text, translationFor, type TextKey } from './i18n/index.js';
import { renderFields } from './fields.js';
import { renderPanel } from './panel.js';

/** Every attribute of the table as a reactive property; booleans follow the attribute's presence. */
const attributeProperties = (): PropertyDeclarations =>
  Object.fromEntries(
    ATTRIBUTES.map((spec) => [propertyOf(spec), { attribute: spec.name, type: spec.type === 'boolean' ? Boolean : undefined }]),
  );

/** The properties that are settings: a change to one makes the settings be read again. */
const SETTINGS = new Set<PropertyKey | undefined>(ATTRIBUTES.map(propertyOf));

type Detail<K extends keyof FeedbackPromptEventMap> = FeedbackPromptEventMap[K]['detail'];

/**
 * Asks the shop's customers an open question and delivers every answer, even across reloads and
 * offline spells. Attributes: src/settings/attributes.ts (and the README); what the element
 * promises: docs/widget-contract.md.
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
export class FeedbackPrompt extends LitElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    ...attributeProperties(),
    _open: { state: true },
    _thanked: { state: true },
    _error: { state: true },
    _answer: { state: true },
    _email: { state: true },
  };

  // The public properties, typed for TypeScript users; their attributes, defaults and checks are
  // in src/settings/attributes.ts. Any value is accepted and checked: a wrong one warns and falls back.
  /** URL that answers are POSTed to; relative URLs resolve against the page. Required. */
  declare endpoint: string;
  /** The shop's identifier, sent with every answer. */
  declare site: string;
  /** The heading; defaults to the localised "What could we do for you?". */
  declare question: string;
  /** `bottom-right`, `bottom-left` or `inline`. */
  declare position: Position;
  /** `button`, `delay`, `scroll`, `exit` or `manual`. */
  declare trigger: Trigger;
  /** Seconds before `trigger="delay"` opens the panel. */
  declare delay: number | string;
  /** Percent of the page scrolled before `trigger="scroll"` opens the panel (attribute `scroll`). */
  declare scrollPercent: number | string;
  /** Days automatic triggers stay quiet after an answer or a dismiss. */
  declare snoozeDays: number | string;
  /** Fraction (0..1) of page views on which automatic triggers may fire. */
  declare sample: number | string;
  /** Offer an optional e-mail field. */
  declare askEmail: boolean;
  /** Offer an optional 1–5 rating. */
  declare rating: boolean;
  /** Comma-separated choices the customer may pick one of. */
  declare topics: string;
  /** Link shown under the form: what happens with the answer. */
  declare privacyUrl: string;
  /** Characters allowed in the answer. */
  declare maxLength: number | string;
  /** CSS colour for buttons and focus ring. */
  declare accent: string;
  /** Sent with every answer: an object, or JSON in the attribute. */
  declare context: Record<string, unknown> | string;
  /** Overrides for any built-in text, by key: an object, or JSON in the attribute. */
  declare texts: Partial<Record<TextKey, string>> | string;

  declare private _open: boolean;
  declare private _thanked: boolean;
  declare private _error: TextKey | '';
  declare private _answer: string;
  declare private _email: string;

  /** The settings as last read and checked (once per update, see willUpdate). */
  private _settings?: Settings;
  private readonly _delivery = new DeliveryController(this, {
    endpoint: () => this._current.endpoint,
    report: (report) => this._onReport(report),
  });
  private _disarm = () => {};
  /** The trigger settings the trigger is armed with; '' while disarmed. */
  private _armedWith = '';
  /** Set a task after the first render: the trigger waits for it, as the host page comes first. */
  private _ready = false;
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
    this._error = '';
    this._answer = '';
    this._email = '';
  }

  /** The settings now: read again only when a setting changed since (a method called between updates). */
  private get _current(): Settings {
    return (this._settings ??= readSettings(this));
  }

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    if (SETTINGS.has(name)) this._settings = undefined;
    super.requestUpdate(name, oldValue, options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._arm();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._disarm();
    this._armedWith = '';
  }

  protected override firstUpdated(): void {
    // A task after the launcher is drawn: the host page sees short tasks, not one long one.
    void nextTask().then(() => {
      this._ready = true;
      this._arm();
    });
  }

  /**
   * The launcher's first render waits for idle time (within a second), after the host page's own
   * first frames, so it never makes one of them long. The inline form, part of the page's flow,
   * does not wait: the later it arrives, the more of the page it would shift.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    if (!this.hasUpdated && this._current.position !== 'inline') await idle(1000);
    return super.scheduleUpdate();
  }

  /** Opens the panel and moves focus to the answer field. */
  open(): void {
    if (!this._current.endpoint || this._open) return;
    this._disarm();
    this._open = true;
    this._restoreDraft();
    this._emit('feedback-open');
    void this.updateComplete.then(() => this._focus('textarea'));
  }

  /** Closes the panel; counts as a dismiss for `snooze-days`. Focus returns to the launcher. */
  close(): void {
    if (!this._open || this._current.position === 'inline') return;
    const hadFocus = this.shadowRoot?.activeElement;
    this._open = false;
    snooze(this._current.snoozeDays);
    if (this._thanked) this._reset();
    this._emit('feedback-close');
    if (hadFocus) void this.updateComplete.then(() => this._focus('[part=launcher]'));
  }

  /** Sends whatever is queued now. */
  flush(): Promise<void> {
    return this._delivery.queue()?.flush(true) ?? Promise.resolve();
  }

  /** Answers the endpoint refused (a 4xx other than 408/409/425/429), kept for a later look. */
  failed(): Promise<QueuedAnswer[]> {
    return this._delivery.queue()?.failed() ?? Promise.resolve([]);
  }

  /** Sends a refused answer again, e.g. after the endpoint was fixed. */
  resend(id: string): Promise<void> {
    return this._delivery.queue()?.resend(id) ?? Promise.resolve();
  }

  protected override willUpdate(): void {
    // Once per update: the language may follow an ancestor's lang, which is no property of ours.
    const settings = (this._settings = readSettings(this));
    if (!settings.endpoint && !Object.is(this.endpoint, this._reportedEndpoint)) {
      this._reportedEndpoint = this.endpoint;
      console.error(
        `feedback-prompt: the "endpoint" attribute must be an http(s) URL (got ${JSON.stringify(this.endpoint ?? null)}); nothing is shown and no answer is kept.`,
      );
    }
    const lang = settings.lang;
    if (!translationFor(lang)) void loadTranslation(lang).then(() => this.requestUpdate());
    // The inline form is always open: bring back a draft from an earlier page view at once.
    if (settings.endpoint && settings.position === 'inline') this._restoreDraft();
  }

  protected override updated(changed: PropertyValues): void {
    this._arm();
    const root = this.renderRoot.querySelector<HTMLElement>('.root');
    if (!root) return;
    const fresh = this._accentRoot !== root;
    if (!fresh && !changed.has('accent')) return;
    this._accentRoot = root;
    const { accent } = this._current;
    // Reading the computed colour forces a style pass. Without an `accent` attribute, leave it out
    // of the page's first render (a page-set --feedback-prompt-accent is checked in idle time);
    // until then the CSS defaults hold, right for the built-in accents.
    if (accent || !fresh) applyAccent(root, accent);
    else whenIdle(() => root.isConnected && applyAccent(root, accent));
  }

  protected override render(): TemplateResult | typeof nothing {
    const settings = this._current;
    const { lang, position } = settings;
    if (!settings.endpoint || !translationFor(lang)) return nothing;
    const inline = position === 'inline';
    const rtl = isRightToLeft(lang);
    // Mirrors for right-to-left: the default corner becomes the reading start, bottom-left.
    const start = position === 'bottom-left' || (rtl && !this.position);
    const classes = `root ${inline ? 'inline' : ''} ${start ? 'start' : ''}`;
    const status = this._thanked && this._delivery.status;
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
            // DeliveryStatus names are text keys: the status becomes words here, and only here.
            status: status || '',
            lastText: this._lastText,
            form: () => this._form(settings),
            onKeydown: this._onKeydown,
            onClose: () => this.close(),
            onAnother: this._another,
          })
        : nothing}
    </div>`;
  }

  private _form(settings: Settings): TemplateResult {
    return html`<form novalidate @submit=${this._submit}>
      ${renderFields({
        t: (key, n) => this._t(key, n),
        answer: this._answer,
        email: this._email,
        left: settings.maxLength - this._answer.length,
        error: this._error,
        askEmail: settings.askEmail,
        rating: settings.rating,
        topics: settings.topics,
        privacyUrl: settings.privacyUrl,
        onInput: this._onInput,
      })}
    </form>`;
  }

  /** A text in the language in use, with the shop owner's `texts` and `question` over it. */
  private _t(key: TextKey, n?: number): string {
    const { lang, texts, question } = this._current;
    return text(translationFor(lang)!, question ? { ...texts, question } : texts, key, n);
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
    if (e.key === 'Escape' && this._current.position !== 'inline') {
      e.stopPropagation();
      // close() hands focus back to the launcher.
      this.close();
    }
  };

  private _submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    // A second tap while the first is being stored would make a second answer with a new id.
    if (this._submitting) return;
    const settings = this._current;
    const data = new FormData(e.target as HTMLFormElement);
    // Bots fill every field they find; people never see this one. Pretend all went well.
    if (data.get('website')) return this._showThanks();
    const answer = this._answer;
    const email = this._email.trim();
    const problem = problemWith(answer, email, settings.maxLength);
    if (problem) {
      this._error = problem.error;
      // After the render, so the field is already marked invalid and described by its error.
      return void this.updateComplete.then(() => this._focus(problem.field));
    }
    const record = createAnswer(
      {
        site: settings.site,
        answer,
        email: email || null,
        rating: data.get('rating') ? Number(data.get('rating')) : null,
        topic: (data.get('topic') as string | null) || null,
        lang: settings.lang,
        context: settings.context,
      },
      location.href,
    );
    this._submitting = true;
    try {
      await this._delivery.submit(record);
    } catch (error) {
      this._error = error instanceof QueueFullError ? 'queueFull' : 'notKept';
      return;
    } finally {
      this._submitting = false;
    }
    this._lastText = answer;
    this._emit('feedback-submit', record);
    // After the event: the answer is safe, and the page hears of it without waiting on localStorage.
    clearDraft();
    this._showThanks();
    // After feedback-submit, so the page never hears of a send before it heard of the answer.
    void this.flush();
  };

  private _showThanks(): void {
    snooze(this._current.snoozeDays);
    this._thanked = true;
    this._answer = this._email = this._error = '';
    void this.updateComplete.then(() => this._focus('#heading'));
  }

  private _another = (): void => {
    this._reset();
    void this.updateComplete.then(() => this._focus('textarea'));
  };

  private _reset(): void {
    this._thanked = false;
    this._error = '';
    this._delivery.forget();
  }

  /** A report's fields besides its type are the event's detail: `{id}`, or `{id, status, retrying}` (see QueueReport). */
  private _onReport({ type, ...detail }: QueueReport): void {
    this._emit(`feedback-${type}`, detail as Detail<'feedback-failed'>);
  }

  private _restoreDraft(): void {
    if (this._draftLoaded) return;
    this._draftLoaded = true;
    const draft = loadDraft();
    if (draft && !this._answer) {
      this._answer = draft.answer;
      this._email = draft.email ?? '';
    }
  }

  /** Arms the automatic trigger once the element is ready, again when its settings change; disarms off the page. */
  private _arm(): void {
    const { endpoint, position, trigger, delay, scrollPercent: scroll, sample } = this._current;
    const armed = this._ready && this.isConnected && endpoint && position !== 'inline' ? `${trigger} ${delay} ${scroll} ${sample}` : '';
    if (armed === this._armedWith) return;
    this._disarm();
    this._armedWith = armed;
    if (armed) this._disarm = armTrigger({ trigger, delay, scroll, sample }, () => this.open());
  }

  private _focus(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private _emit<K extends keyof FeedbackPromptEventMap>(type: K, ...[detail]: Detail<K> extends undefined ? [] : [Detail<K>]): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'feedback-prompt': FeedbackPrompt;
  }
}
