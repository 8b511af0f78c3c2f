// The outbox worker: jobs are written with the answer in one transaction, so a stored answer is never
// without its notifications, and this loop delivers them later, never on the ingest path. Jobs are
// claimed with a lease, so several instances on one database share the work and a job whose process
// died is taken up again. A failure is retried with exponential backoff (the same webhook-id each time).

import type { FastifyBaseLogger } from 'fastify';
import type { SettingsService } from '../settings.js';
import type { OutboxJob, Store, StoredAnswer } from '../store/store.js';
import type { Mailer } from './mailer.js';
import { answerMail, digestMail, nextDigestAt } from './messages.js';
import { deliverWebhook, type Fetch, type WebhookJobPayload } from './webhook.js';

export interface OutboxOptions {
  store: Store;
  settings: SettingsService;
  log: FastifyBaseLogger;
  now: () => Date;
  fetch: Fetch;
  webhook: { url: string; secret: string } | null;
  mailer: Mailer | null;
  mailFrom: string | null;
  /** how often the outbox is looked at when nothing wakes the worker */
  pollMs?: number;
}

const LEASE_MS = 60_000;
const BATCH = 100;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 6 * 60 * 60 * 1000;
/** about four days of retries with the delays above */
export const MAX_ATTEMPTS = 20;

export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempts);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly abort = new AbortController();

  constructor(private readonly options: OutboxOptions) {}

  start(): void {
    this.wake();
  }

  /** Look at the outbox now (after an answer was stored), or right after the current round. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.round()
      .catch((error) => this.options.log.error({ err: error }, 'the outbox could not be read'))
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.wake();
        } else {
          this.timer = setTimeout(() => this.wake(), this.options.pollMs ?? 1000);
          this.timer.unref();
        }
      });
  }

  /** Runs a round now (after the one in progress) and resolves when it is done: the moment every due
   * job has been delivered, retried or parked. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    this.wake();
    await this.running;
  }

  /** Stops claiming, aborts deliveries in flight (their lease runs out and another round retries them). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
    await this.running;
  }

  private async round(): Promise<void> {
    const now = this.options.now();
    const jobs = await this.options.store.claimJobs(now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), BATCH);
    if (jobs.length === 0) return;
    const digest: OutboxJob[] = [];
    await Promise.all(
      jobs.map(async (job) => {
        if (job.kind === 'email' && (await this.options.settings.get()).digest === 'daily') digest.push(job);
        else await this.run(job, () => this.deliver(job));
      }),
    );
    if (digest.length > 0) await this.runDigest(digest);
    if (jobs.length === BATCH) this.again = true;
  }

  private async run(job: OutboxJob, deliver: () => Promise<void>): Promise<void> {
    const { store, log } = this.options;
    try {
      await deliver();
      await store.completeJob(job.id);
    } catch (error) {
      if (this.stopped) return;
      if (job.attempts + 1 >= MAX_ATTEMPTS) {
        log.error({ err: error }, `gave up a ${job.kind} notification after ${MAX_ATTEMPTS} attempts`);
        await store.completeJob(job.id);
        return;
      }
      const notBefore = new Date(this.options.now().getTime() + retryDelayMs(job.attempts));
      log.warn(`a ${job.kind} notification failed (${(error as Error).message}); retrying at ${notBefore.toISOString()}`);
      await store.retryJob(job.id, notBefore.toISOString());
    }
  }

  private async deliver(job: OutboxJob): Promise<void> {
    if (job.kind === 'webhook') {
      if (!this.options.webhook) return; // started without --webhook now: nothing to send it to
      const payload = JSON.parse(job.payload) as WebhookJobPayload;
      // Deleted or erased meanwhile: its data must not leave now.
      if (!(await this.options.store.get(payload.webhookId.replace(/^msg_/, '')))) return;
      await deliverWebhook(
        { ...this.options.webhook, fetch: this.options.fetch, now: this.options.now, signal: this.abort.signal },
        payload,
      );
      return;
    }
    const to = (await this.options.settings.get()).notifyEmail;
    const answer = await this.answerOf(job);
    if (!to || !this.options.mailer || !answer) return; // no address, no server, or the answer is gone
    await this.options.mailer.send({ from: this.options.mailFrom ?? to, to, ...answerMail(answer) });
  }

  private async answerOf(job: OutboxJob): Promise<StoredAnswer | null> {
    const { answerId } = JSON.parse(job.payload) as { answerId: string };
    return this.options.store.get(answerId);
  }

  /** Digest jobs wait (parked) until the next digest time, then all due ones go out in one e-mail. */
  private async runDigest(jobs: OutboxJob[]): Promise<void> {
    const parkUntil = nextDigestAt(this.options.now()).toISOString();
    const due = jobs.filter((job) => job.attempts > 0);
    await Promise.all(jobs.filter((job) => job.attempts === 0).map((job) => this.options.store.retryJob(job.id, parkUntil)));
    if (due.length === 0) return;
    const to = (await this.options.settings.get()).notifyEmail;
    const answers = (await Promise.all(due.map((job) => this.answerOf(job)))).filter((a): a is StoredAnswer => a !== null);
    try {
      if (to && this.options.mailer && answers.length > 0) {
        await this.options.mailer.send({ from: this.options.mailFrom ?? to, to, ...digestMail(answers) });
      }
      await Promise.all(due.map((job) => this.options.store.completeJob(job.id)));
    } catch (error) {
      this.options.log.warn(`the daily digest could not be sent (${(error as Error).message}); retrying`);
      const notBefore = new Date(this.options.now().getTime() + retryDelayMs(Math.min(...due.map((j) => j.attempts)))).toISOString();
      await Promise.all(due.map((job) => this.options.store.retryJob(job.id, notBefore)));
    }
  }
}
