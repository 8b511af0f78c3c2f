import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { choice, httpUrl, jsonObject, numberIn, POSITIONS, type Position, type Trigger } from './options.js';
import { requestedLang, supported, text, translationFor, type TextKey } from './i18n/index.js';

/**
 * The attributes a shop owner sets, as reactive properties, and their validated readings.
 * `FeedbackPrompt` adds the behaviour; keeping them apart keeps each file to one concern.
 */
export class FeedbackPromptSettings extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: {},
    site: {},
    question: {},
    lang: {},
    position: {},
    trigger: {},
    delay: {},
    scrollPercent: { attribute: 'scroll' },
    snoozeDays: { attribute: 'snooze-days' },
    sample: {},
    askEmail: { type: Boolean, attribute: 'ask-email' },
    rating: { type: Boolean },
    topics: {},
    privacyUrl: { attribute: 'privacy-url' },
    maxLength: { attribute: 'max-length' },
    accent: {},
    context: {},
    texts: {},
  };

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
  /**
   * Percent of the page scrolled before `trigger="scroll"` opens the panel (attribute `scroll`;
   * the property has its own name so it does not hide the DOM's `scroll()` method).
   */
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

  /** The endpoint as an absolute http(s) URL, or undefined when missing or unusable. */
  protected get _endpoint(): string | undefined {
    return httpUrl(this.endpoint, document.baseURI);
  }

  protected get _position(): Position {
    return choice('position', this.position, POSITIONS, 'bottom-right');
  }

  protected get _maxLength(): number {
    return Math.floor(numberIn('max-length', this.maxLength, 2000, 1));
  }

  /** Days automatic triggers stay quiet after an answer or a dismiss. */
  protected get _snoozeDays(): number {
    return numberIn('snooze-days', this.snoozeDays, 30, 0);
  }

  /** The built-in language in use, worked out once per update (see `lang` in the README). */
  protected _language = 'en';
  /** The shop owner's texts, parsed when `texts` or `question` change rather than per lookup. */
  private _overrides: Partial<Record<TextKey, string>> = {};

  protected override willUpdate(changed: PropertyValues): void {
    // The property first: Lit does not copy `el.lang = 'de'` back to the attribute.
    this._language = supported(requestedLang(this, this.lang || this.getAttribute('lang')));
    if (changed.has('texts') || changed.has('question')) {
      this._overrides = { ...jsonObject<Record<TextKey, string>>('texts', this.texts) };
      if (this.question) this._overrides.question = this.question;
    }
  }

  protected _t(key: TextKey, n?: number): string {
    return text(translationFor(this._language)!, this._overrides, key, n);
  }
}
