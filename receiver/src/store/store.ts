// The one storage interface. The HTTP layer, the notifier and the CLI depend on this file only;
// sqlite.ts and postgres.ts implement it, and test/store.test.ts runs the same contract against both.

/** The widget's wire record, version 1 (docs/wire-format.md; validated by ingest/answer-schema.ts). */
export interface WireAnswer {
  id: string;
  version: 1;
  site: string;
  answer: string;
  email: string | null;
  rating: number | null;
  topic: string | null;
  lang: string;
  page: string;
  createdAt: string;
  context: Record<string, unknown>;
}

export type AnswerStatus = 'new' | 'handled' | 'spam';

/** A reply sent to the customer from the inbox, recorded on the answer. */
export interface Reply {
  by: string;
  at: string;
  via: 'smtp' | 'mailto';
  subject: string;
  body: string;
}

/** What the authenticated API returns: the wire record plus what the receiver and the owner added. */
export interface StoredAnswer extends WireAnswer {
  receivedAt: string;
  status: AnswerStatus;
  /** Seen in the inbox; unread answers stand out there. */
  read: boolean;
  tags: string[];
  note: string;
  replies: Reply[];
}

/** Filters of GET /api/answers and the CSV export; every field optional, all combined with AND. */
export interface AnswerFilter {
  status?: AnswerStatus;
  site?: string;
  topic?: string;
  lang?: string;
  rating?: number;
  /** the page exactly as the widget sent it (the overview's "per page" links to these answers) */
  page?: string;
  tag?: string;
  /** true: only answers with an e-mail address; false: only without. */
  hasEmail?: boolean;
  /** exact e-mail address (case-insensitive), used by erase's preview count */
  email?: string;
  /** full-text search of the answer (SQLite FTS5 / PostgreSQL tsvector) */
  q?: string;
  /** ISO timestamps on receivedAt, since inclusive, until exclusive */
  since?: string;
  until?: string;
}

export interface Page {
  answers: StoredAnswer[];
  /** opaque cursor of the next page, or null on the last page */
  next: string | null;
}

export interface AnswerPatch {
  status?: AnswerStatus;
  read?: boolean;
  tags?: string[];
  note?: string;
}

export type InsertResult = 'stored' | 'duplicate';

export interface Owner {
  id: number;
  email: string;
}

/** Counts for the inbox's overview: a week of answers, to discuss with the team. */
export interface Overview {
  since: string;
  total: number;
  byTopic: { topic: string | null; count: number }[];
  byPage: { page: string; count: number }[];
  /** the most frequent words of the period, stop words left out */
  words: { word: string; count: number }[];
}

/** A durable notification job, written in the same transaction as the answer it is about. */
export interface OutboxJob {
  id: number;
  kind: 'webhook' | 'email' | 'digest';
  payload: string;
  /** how many times the job was claimed before this claim (0 on the first try); a claim whose
   * process died counts too, since its lease simply ran out */
  attempts: number;
}

/** Settings an owner changes in the inbox without a restart; secrets stay in the environment. */
export interface Settings {
  notifyEmail: string | null;
  digest: 'off' | 'daily';
  retentionDays: number | null;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Creates or upgrades the schema; safe to run from several processes at once. */
  migrate(): Promise<void>;
  /** Resolves only once the answer is durable; concurrent calls share one transaction (group commit).
   * `jobs` are outbox rows written in that same transaction. */
  insert(answer: WireAnswer, receivedAt: string, jobs: Omit<OutboxJob, 'id' | 'attempts'>[]): Promise<InsertResult>;
  get(id: string): Promise<StoredAnswer | null>;
  list(filter: AnswerFilter, limit: number, cursor: string | null): Promise<Page>;
  count(filter: AnswerFilter): Promise<number>;
  /** Streams matching answers newest first without holding them all in memory. */
  stream(filter: AnswerFilter): AsyncIterable<StoredAnswer>;
  update(id: string, patch: AnswerPatch): Promise<StoredAnswer | null>;
  addReply(id: string, reply: Reply): Promise<StoredAnswer | null>;
  delete(id: string): Promise<boolean>;
  eraseByEmail(email: string): Promise<number>;
  deleteReceivedBefore(iso: string): Promise<number>;
  overview(since: string): Promise<Overview>;

  addOwner(email: string, passwordHash: string): Promise<void>;
  findOwner(email: string): Promise<(Owner & { passwordHash: string }) | null>;
  /** How many inbox accounts exist: start-up says so when there are none. */
  countOwners(): Promise<number>;
  addToken(name: string, tokenHash: string): Promise<void>;
  findToken(tokenHash: string): Promise<{ name: string } | null>;

  /** Session records for @fastify/session's store: JSON text with an expiry. */
  getSession(sid: string): Promise<string | null>;
  setSession(sid: string, data: string, expiresAt: string): Promise<void>;
  deleteSession(sid: string): Promise<void>;

  /** Claims up to `limit` due jobs for this process (others cannot take them until `leaseUntil`). */
  claimJobs(now: string, leaseUntil: string, limit: number): Promise<OutboxJob[]>;
  completeJob(id: number): Promise<void>;
  retryJob(id: number, notBefore: string): Promise<void>;
  enqueueJob(job: Omit<OutboxJob, 'id' | 'attempts'>, notBefore: string): Promise<void>;

  getSettings(): Promise<Settings>;
  setSettings(settings: Partial<Settings>): Promise<Settings>;

  /** true while the store accepts writes (GET /healthz) */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** The database did not answer or refused a write: the HTTP layer answers 503 with Retry-After.
 * The driver's own error is kept as `cause` for the log. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`storage unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** A value handed to the store cannot be used (a malformed cursor, a timestamp that is not one):
 * the HTTP layer answers 400 naming `field`. */
export class StoreInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreInputError';
  }
}
