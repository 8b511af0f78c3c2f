// The embedded store: one SQLite file through better-sqlite3 (synchronous; every call below runs to
// completion on the event loop, so statements never interleave within this process).
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  emailKey,
  isoTimestamp,
  keysetStream,
  normaliseFilter,
  normaliseTags,
  pageSize,
  DELETE_CHUNK,
  SESSION_SWEEP_EVERY,
  type PendingInsert,
  type Row,
} from './answer-rows.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { GroupCommit } from './group-commit.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite.js';
import { OVERVIEW_SAMPLE, topWords } from './overview-words.js';
import { MANY_MATCHES, SETTING_KEYS, mergeSettings, type StoreOptions } from './options.js';
import { fts5Query, searchTerms } from './search-terms.js';
import { cleanAnswer, withoutNul } from './text.js';
import {
  StoreInputError,
  StoreUnavailableError,
  type AnswerFilter,
  type AnswerPatch,
  type InsertResult,
  type OutboxJob,
  type Overview,
  type Owner,
  type Page,
  type Reply,
  type Settings,
  type Store,
  type StoredAnswer,
  type WireAnswer,
} from './store.js';



export const SQLITE_FILE = 'answers.sqlite';

/** Errors that blame one row's data: a batch failing with one is retried one answer at a time. */
function blamesData(error: unknown): boolean {
  const cause = (error instanceof StoreUnavailableError ? error.cause : error) as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' && /^SQLITE_(CONSTRAINT|TOOBIG|MISMATCH)/.test(cause.code);
}

export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly inserts: GroupCommit<PendingInsert, InsertResult>;
  private readonly now: () => Date;
  private readonly manyMatches: number;
  private sessionWrites = 0;
  private closed = false;

  constructor(
    readonly file: string,
    private readonly options: StoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.manyMatches = options.manyMatches ?? MANY_MATCHES;
    try {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      this.db = new Database(file);
      // Answers hold customers' e-mail addresses: readable by this user only (SQLite gives the
      // -wal and -shm files the database file's permissions).
      chmodSync(file, 0o600);
      this.db.pragma('journal_mode = WAL');
      // WAL with synchronous=NORMAL survives a crash of this process but may lose the last commits
      // on a power cut or an OS crash: their WAL frames are not yet fsync'd. A 201 promises the
      // answer is on disk, so FULL fsyncs the WAL at every commit; group commit makes that one
      // fsync per batch of answers rather than one per answer.
      this.db.pragma('synchronous = FULL');
      // Another process (add-owner while the server runs) may hold the write lock for a moment.
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('foreign_keys = ON');
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
    this.inserts = new GroupCommit((batch) => this.insertBatch(batch), 500, options.onCommit, blamesData);
  }

  /** Runs database work, turning any driver error into a StoreUnavailableError (HTTP 503). */
  private guard<T>(work: () => T): T {
    if (this.closed) throw new StoreUnavailableError(new Error('the store is closed'));
    try {
      return work();
    } catch (error) {
      if (error instanceof StoreUnavailableError || error instanceof StoreInputError) throw error;
      throw new StoreUnavailableError(error);
    }
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async migrate(): Promise<void> {
    this.guard(() => {
      this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      // IMMEDIATE takes the write lock before reading the version: a second process waits, then
      // finds the steps applied.
      this.db
        .transaction(() => {
          const row = this.db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as Row;
          const current = Number(row.version ?? 0);
          for (const step of SQLITE_MIGRATIONS) {
            if (step.version <= current) continue;
            this.db.exec(step.sql);
            this.db
              .prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)')
              .run(step.version, this.now().toISOString());
          }
        })
        .immediate();
    });
  }

  /** Versions applied so far (tests check that migrating twice changes nothing). */
  async schemaVersions(): Promise<number[]> {
    return this.guard(() =>
      (this.statement('SELECT version FROM schema_migrations ORDER BY version').all() as Row[]).map((row) =>
        Number(row.version),
      ),
    );
  }

  insert(answer: WireAnswer, receivedAt: string, jobs: Omit<OutboxJob, 'id' | 'attempts'>[]): Promise<InsertResult> {
    try {
      if (this.closed) throw new StoreUnavailableError(new Error('the store is closed'));
      return this.inserts.submit({ answer: cleanAnswer(answer), receivedAt: isoTimestamp(receivedAt, 'receivedAt'), jobs });
    } catch (error) {
      return Promise.reject(error); // a rejection, like every other failure of the store
    }
  }

  private insertBatch(batch: PendingInsert[]): InsertResult[] {
    return this.guard(() => {
      const insertAnswer = this.statement(
        `INSERT INTO answers (id, site, answer, email, email_key, rating, topic, lang, page, created_at, context, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      );
      const insertJob = this.statement('INSERT INTO outbox (kind, payload, not_before, created_at) VALUES (?, ?, ?, ?)');
      return this.db.transaction(() =>
        batch.map(({ answer: a, receivedAt, jobs }): InsertResult => {
          const { changes } = insertAnswer.run(
            a.id,
            a.site,
            a.answer,
            a.email,
            emailKey(a.email),
            a.rating,
            a.topic,
            a.lang,
            a.page,
            a.createdAt,
            JSON.stringify(a.context),
            receivedAt,
          );
          if (changes === 0) return 'duplicate';
          for (const job of jobs) insertJob.run(job.kind, job.payload, receivedAt, receivedAt);
          return 'stored';
        }),
      )();
    });
  }

  async get(id: string): Promise<StoredAnswer | null> {
    return this.guard(() => {
      const row = this.statement('SELECT * FROM answers WHERE id = ?').get(id) as Row | undefined;
      return row ? toAnswer(row) : null;
    });
  }

  /** WHERE clause of a filter (and the cursor's position), with its parameters in order. */
  private where(filter: AnswerFilter, cursor: string | null, ordered = true): { sql: string; params: unknown[] } {
    const f = normaliseFilter(filter);
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, ...values: unknown[]) => {
      conditions.push(condition);
      params.push(...values);
    };
    if (f.status !== undefined) add('a.status = ?', f.status);
    if (f.site !== undefined) add('a.site = ?', f.site);
    if (f.topic !== undefined) add('a.topic = ?', f.topic);
    if (f.lang !== undefined) add('a.lang = ?', f.lang);
    if (f.rating !== undefined) add('a.rating = ?', f.rating);
    if (f.page !== undefined) add('a.page = ?', f.page);
    // A set of answers from another index (a tag's, the full-text index): with few members, the
    // query is driven by the set and sorts them; with many, it walks answers newest first and keeps
    // the members (the unary + stops SQLite from looking rows up by the set), which fills a page long
    // before it has looked at every member. A count has no order to follow: always set-driven.
    const many = (setSql: string, value: unknown) =>
      ordered &&
      Number((this.statement(`SELECT count(*) AS n FROM (${setSql} LIMIT ?)`).get(value, this.manyMatches) as Row).n) >=
        this.manyMatches;
    const inSet = (setSql: string, value: unknown) => add(`${many(setSql, value) ? '+a.seq' : 'a.seq'} IN (${setSql})`, value);
    if (f.tag !== undefined) {
      const tagged = 'SELECT answer_seq FROM answer_tags WHERE tag = ?';
      // a common tag is checked row by row through the (answer_seq, tag) key: no set to build
      if (many(tagged, f.tag)) add('EXISTS (SELECT 1 FROM answer_tags t WHERE t.answer_seq = a.seq AND t.tag = ?)', f.tag);
      else add(`a.seq IN (${tagged})`, f.tag);
    }
    if (f.hasEmail !== undefined) add(f.hasEmail ? 'a.email_key IS NOT NULL' : 'a.email_key IS NULL');
    if (f.email !== undefined) add('a.email_key = ?', f.email);
    if (f.q !== undefined) {
      const terms = searchTerms(f.q);
      if (terms.length > 0) inSet('SELECT rowid FROM answers_fts WHERE answers_fts MATCH ?', fts5Query(terms));
    }
    if (f.since !== undefined) add('a.received_at >= ?', f.since);
    if (f.until !== undefined) add('a.received_at < ?', f.until);
    if (cursor !== null) {
      const key = decodeCursor(cursor);
      add('(a.received_at, a.id) < (?, ?)', key.receivedAt, key.id);
    }
    return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
  }

  async list(filter: AnswerFilter, limit: number, cursor: string | null): Promise<Page> {
    const size = pageSize(limit);
    return this.guard(() => {
      const { sql, params } = this.where(filter, cursor);
      const rows = this.statement(
        `SELECT a.* FROM answers a ${sql} ORDER BY a.received_at DESC, a.id DESC LIMIT ?`,
      ).all(...params, size + 1) as Row[];
      const answers = rows.slice(0, size).map(toAnswer);
      const last = answers[answers.length - 1];
      return { answers, next: rows.length > size && last ? encodeCursor(last) : null };
    });
  }

  async count(filter: AnswerFilter): Promise<number> {
    return this.guard(() => {
      const { sql, params } = this.where(filter, null, false);
      return Number((this.statement(`SELECT count(*) AS n FROM answers a ${sql}`).get(...params) as Row).n);
    });
  }

  stream(filter: AnswerFilter): AsyncIterable<StoredAnswer> {
    return keysetStream((f, limit, cursor) => this.list(f, limit, cursor), filter);
  }

  async update(id: string, patch: AnswerPatch): Promise<StoredAnswer | null> {
    return this.guard(() =>
      this.db.transaction(() => {
        const row = this.statement('SELECT seq FROM answers WHERE id = ?').get(id) as Row | undefined;
        if (!row) return null;
        const sets: string[] = [];
        const params: unknown[] = [];
        const set = (column: string, value: unknown) => {
          sets.push(`${column} = ?`);
          params.push(value);
        };
        if (patch.status !== undefined) set('status', patch.status);
        if (patch.read !== undefined) set('read', patch.read ? 1 : 0);
        if (patch.note !== undefined) set('note', withoutNul(patch.note));
        if (patch.tags !== undefined) {
          const tags = normaliseTags(patch.tags.map(withoutNul));
          set('tags', JSON.stringify(tags));
          this.statement('DELETE FROM answer_tags WHERE answer_seq = ?').run(row.seq);
          const addTag = this.statement('INSERT INTO answer_tags (answer_seq, tag) VALUES (?, ?)');
          for (const tag of tags) addTag.run(row.seq, tag);
        }
        if (sets.length > 0) this.db.prepare(`UPDATE answers SET ${sets.join(', ')} WHERE seq = ?`).run(...params, row.seq);
        return toAnswer(this.statement('SELECT * FROM answers WHERE seq = ?').get(row.seq) as Row);
      })(),
    );
  }

  async addReply(id: string, reply: Reply): Promise<StoredAnswer | null> {
    return this.guard(() => {
      const { changes } = this.statement(
        `UPDATE answers SET replies = json_insert(replies, '$[#]', json(?)) WHERE id = ?`,
      ).run(JSON.stringify(withoutNul(reply)), id);
      if (changes === 0) return null;
      return toAnswer(this.statement('SELECT * FROM answers WHERE id = ?').get(id) as Row);
    });
  }

  async delete(id: string): Promise<boolean> {
    return this.guard(() => this.statement('DELETE FROM answers WHERE id = ?').run(id).changes > 0);
  }

  async eraseByEmail(email: string): Promise<number> {
    const key = emailKey(email);
    if (key === null) return 0;
    return this.guard(() => this.statement('DELETE FROM answers WHERE email_key = ?').run(key).changes);
  }

  async deleteReceivedBefore(iso: string): Promise<number> {
    const before = isoTimestamp(iso, 'before');
    let total = 0;
    for (;;) {
      const deleted = this.guard(
        () =>
          this.statement(
            'DELETE FROM answers WHERE seq IN (SELECT seq FROM answers WHERE received_at < ? ORDER BY received_at LIMIT ?)',
          ).run(before, DELETE_CHUNK).changes,
      );
      total += deleted;
      if (deleted < DELETE_CHUNK) return total;
      // let requests (and their group commits) in between chunks
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async overview(since: string): Promise<Overview> {
    const from = isoTimestamp(since, 'since');
    return this.guard(() => {
      const total = Number((this.statement('SELECT count(*) AS n FROM answers WHERE received_at >= ?').get(from) as Row).n);
      const byTopic = (
        this.statement(
          'SELECT topic, count(*) AS n FROM answers WHERE received_at >= ? GROUP BY topic ORDER BY n DESC, topic LIMIT 50',
        ).all(from) as Row[]
      ).map((row) => ({ topic: (row.topic as string | null) ?? null, count: Number(row.n) }));
      const byPage = (
        this.statement(
          'SELECT page, count(*) AS n FROM answers WHERE received_at >= ? GROUP BY page ORDER BY n DESC, page LIMIT 50',
        ).all(from) as Row[]
      ).map((row) => ({ page: String(row.page), count: Number(row.n) }));
      const texts = (
        this.statement(
          'SELECT answer FROM answers WHERE received_at >= ? ORDER BY received_at DESC, id DESC LIMIT ?',
        ).all(from, OVERVIEW_SAMPLE) as Row[]
      ).map((row) => String(row.answer));
      return { since: from, total, byTopic, byPage, words: topWords(texts) };
    });
  }

  async addOwner(email: string, passwordHash: string): Promise<void> {
    // Adding an existing owner again sets a new password: the CLI's way to reset one.
    this.guard(() =>
      this.statement(
        `INSERT INTO owners (email, password_hash, created_at) VALUES (?, ?, ?)
         ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash`,
      ).run(emailKey(email), passwordHash, this.now().toISOString()),
    );
  }

  async findOwner(email: string): Promise<(Owner & { passwordHash: string }) | null> {
    return this.guard(() => {
      const row = this.statement('SELECT id, email, password_hash FROM owners WHERE email = ?').get(emailKey(email)) as
        | Row
        | undefined;
      return row ? { id: Number(row.id), email: String(row.email), passwordHash: String(row.password_hash) } : null;
    });
  }

  async countOwners(): Promise<number> {
    return this.guard(() => Number((this.statement('SELECT count(*) AS n FROM owners').get() as Row).n));
  }

  async addToken(name: string, tokenHash: string): Promise<void> {
    this.guard(() =>
      this.statement('INSERT INTO tokens (token_hash, name, created_at) VALUES (?, ?, ?)').run(
        tokenHash,
        name,
        this.now().toISOString(),
      ),
    );
  }

  async findToken(tokenHash: string): Promise<{ name: string } | null> {
    return this.guard(() => {
      const row = this.statement('SELECT name FROM tokens WHERE token_hash = ?').get(tokenHash) as Row | undefined;
      return row ? { name: String(row.name) } : null;
    });
  }

  async getSession(sid: string): Promise<string | null> {
    return this.guard(() => {
      const row = this.statement('SELECT data FROM sessions WHERE sid = ? AND expires_at > ?').get(
        sid,
        this.now().toISOString(),
      ) as Row | undefined;
      return row ? String(row.data) : null;
    });
  }

  async setSession(sid: string, data: string, expiresAt: string): Promise<void> {
    const expires = isoTimestamp(expiresAt, 'expiresAt');
    this.guard(() => {
      this.statement(
        `INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
      ).run(sid, data, expires);
      if (++this.sessionWrites % SESSION_SWEEP_EVERY === 0) {
        this.statement('DELETE FROM sessions WHERE expires_at <= ?').run(this.now().toISOString());
      }
    });
  }

  async deleteSession(sid: string): Promise<void> {
    this.guard(() => this.statement('DELETE FROM sessions WHERE sid = ?').run(sid));
  }

  async claimJobs(now: string, leaseUntil: string, limit: number): Promise<OutboxJob[]> {
    const at = isoTimestamp(now, 'now');
    const lease = isoTimestamp(leaseUntil, 'leaseUntil');
    // One statement takes the write lock, so a second process sharing the file cannot claim the
    // same rows: it waits, then sees them leased.
    return this.guard(() =>
      (
        this.statement(
          `UPDATE outbox SET lease_until = ?, attempts = attempts + 1
           WHERE id IN (SELECT id FROM outbox WHERE not_before <= ? AND (lease_until IS NULL OR lease_until <= ?)
                        ORDER BY id LIMIT ?)
           RETURNING id, kind, payload, attempts - 1 AS attempts`,
        ).all(lease, at, at, Math.max(1, Math.floor(limit))) as Row[]
      )
        .map(toJob)
        .sort((a, b) => a.id - b.id),
    );
  }

  async completeJob(id: number): Promise<void> {
    this.guard(() => this.statement('DELETE FROM outbox WHERE id = ?').run(id));
  }

  async retryJob(id: number, notBefore: string): Promise<void> {
    const at = isoTimestamp(notBefore, 'notBefore');
    this.guard(() => this.statement('UPDATE outbox SET not_before = ?, lease_until = NULL WHERE id = ?').run(at, id));
  }

  async enqueueJob(job: Omit<OutboxJob, 'id' | 'attempts'>, notBefore: string): Promise<void> {
    const at = isoTimestamp(notBefore, 'notBefore');
    this.guard(() =>
      this.statement('INSERT INTO outbox (kind, payload, not_before, created_at) VALUES (?, ?, ?, ?)').run(
        job.kind,
        job.payload,
        at,
        this.now().toISOString(),
      ),
    );
  }

  async getSettings(): Promise<Settings> {
    return this.guard(() => {
      const rows = this.statement('SELECT key, value FROM settings').all() as Row[];
      return mergeSettings(
        this.options.settingsDefaults,
        new Map(rows.map((row) => [String(row.key), JSON.parse(String(row.value)) as unknown])),
      );
    });
  }

  async setSettings(settings: Partial<Settings>): Promise<Settings> {
    this.guard(() => {
      const put = this.statement(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      );
      this.db.transaction(() => {
        for (const key of SETTING_KEYS) {
          if (settings[key] !== undefined) put.run(key, JSON.stringify(withoutNul(settings[key])));
        }
      })();
    });
    return this.getSettings();
  }

  async healthy(): Promise<boolean> {
    // A real write (and fsync): a read-only file, a full disk or a held lock all show up here.
    try {
      this.guard(() =>
        this.statement(
          'INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
        ).run(this.now().toISOString()),
      );
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Answers already handed to insert() are committed before the file is closed.
    await this.inserts.idle();
    this.closed = true;
    this.db.close();
  }
}

function parseJson<T>(text: unknown, fallback: T): T {
  try {
    return JSON.parse(String(text)) as T;
  } catch {
    return fallback;
  }
}

function toAnswer(row: Row): StoredAnswer {
  return {
    id: String(row.id),
    version: 1,
    site: String(row.site),
    answer: String(row.answer),
    email: (row.email as string | null) ?? null,
    rating: row.rating === null || row.rating === undefined ? null : Number(row.rating),
    topic: (row.topic as string | null) ?? null,
    lang: String(row.lang),
    page: String(row.page),
    createdAt: String(row.created_at),
    context: parseJson<Record<string, unknown>>(row.context, {}),
    receivedAt: String(row.received_at),
    status: row.status as StoredAnswer['status'],
    read: Number(row.read) === 1,
    tags: parseJson<string[]>(row.tags, []),
    note: String(row.note),
    replies: parseJson<Reply[]>(row.replies, []),
  };
}

function toJob(row: Row): OutboxJob {
  return {
    id: Number(row.id),
    kind: row.kind as OutboxJob['kind'],
    payload: String(row.payload),
    attempts: Number(row.attempts),
  };
}
