import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Answer } from './answer.js';
import type { QueueReport } from './queue.js';
import { online } from './clock.js';
import { openPageQueue, type PageQueueHandle } from './page-queue.js';
import { nextTask } from '../idle.js';

/**
 * What became of the last answer submitted through this prompt, as the customer is told it:
 * `sending` (stored, on its way), `savedOffline` (stored, waiting for the network), `retrying`
 * (stored, the endpoint failed for now), `refused` (stored aside: the endpoint said no), `notKept`
 * (only in memory: storage is unavailable), `sent` (the endpoint has it).
 */
export type DeliveryStatus = 'sending' | 'savedOffline' | 'retrying' | 'refused' | 'notKept' | 'sent';

export interface DeliveryHost extends ReactiveControllerHost {
  readonly isConnected: boolean;
  readonly hasUpdated: boolean;
}

export interface DeliveryOptions {
  /** The usable endpoint now, or undefined: no delivery starts without one. */
  endpoint(): string | undefined;
  /** Every report for this prompt (its own answers, and those no other prompt on the page took). */
  report(report: QueueReport): void;
}

/**
 * The element's one link to delivery, as a Lit reactive controller: joins the page's queue a task
 * after the first render (the host page's own start comes first) or when a method needs it, and
 * leaves it when the element leaves the page. The status is data; the element turns it into text.
 */
export class DeliveryController implements ReactiveController {
  /** The last answer submitted here, while the customer sees its thanks; undefined otherwise. */
  status: DeliveryStatus | undefined;
  private _handle?: PageQueueHandle;
  private _pending = '';
  private _scheduled = false;

  constructor(
    private readonly _host: DeliveryHost,
    private readonly _options: DeliveryOptions,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    // On the first connection delivery waits for the first render (see hostUpdated).
    if (this._host.hasUpdated) this._join();
  }

  hostUpdated(): void {
    if (this._handle || this._scheduled || !this._options.endpoint()) return;
    this._scheduled = true;
    void nextTask().then(() => {
      this._scheduled = false;
      this._join();
    });
  }

  hostDisconnected(): void {
    this._handle?.close();
    this._handle = undefined;
  }

  /**
   * Stores the answer for the endpoint in use (only called while there is one: the form shows only
   * then); rejects (QueueFullError, or storage failing) when it could not be kept.
   */
  async submit(answer: Answer): Promise<void> {
    await this._join()!.enqueue(answer, this._options.endpoint()!);
    this._pending = answer.id;
    this._set(online() ? 'sending' : 'savedOffline');
  }

  /** The page's queue, joined if need be; undefined off the page or without a usable endpoint. */
  queue(): PageQueueHandle['queue'] | undefined {
    return this._join()?.queue;
  }

  /** The customer moved on (another answer, or closed the thanks): no status to show. */
  forget(): void {
    this._pending = '';
    this.status = undefined;
  }

  /** Joins the page's queue once the element is on the page with a usable endpoint. */
  private _join(): PageQueueHandle | undefined {
    if (!this._handle && this._host.isConnected && this._options.endpoint()) {
      this._handle = openPageQueue(this._onReport);
    }
    return this._handle;
  }

  private _onReport = (report: QueueReport): void => {
    this._options.report(report);
    if (report.id !== this._pending) return;
    this._set(
      report.type === 'sent'
        ? 'sent'
        : !this._handle?.queue.durable
          ? 'notKept'
          : report.type === 'failed' && !report.retrying
            ? 'refused'
            : online()
              ? 'retrying'
              : 'savedOffline',
    );
  };

  private _set(status: DeliveryStatus): void {
    this.status = status;
    this._host.requestUpdate();
  }
}
