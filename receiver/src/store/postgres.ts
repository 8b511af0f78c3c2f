// PostgreSQL through a pg.Pool: the store for several receiver instances behind a load balancer.
// Everything an instance knows lives here (answers, accounts, sessions, jobs), and every statement
// that more than one instance may run at once is safe to (unique id, SKIP LOCKED, advisory lock).
import pg from 'pg';
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
import { MIGRATION_LOCK, POSTGRES_MIGRATIONS } from './migrations/postgres.js';
import { OVERVIEW_SAMPLE, topWords } from './overview-words.js';
import { MANY_MATCHES, SETTING_KEYS, mergeSettings, type StoreOptions } from './options.js';
import { searchTerms, tsQuery } from './search-terms.js';
import { cleanAnswer, withoutNul } from './text.js';
import {
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



/** SQLSTATE classes that blame the data of a statement (22 data exception, 23 constraint): a batch
 * failing with one of these is retried one answer at a time so only the bad one fails. */
function blamesData(error: unknown): boolean {
  const code = (error instanceof StoreUnavailableError ? error.cause : error) as { code?: unknown } | undefined;
  return typeof code?.code === 'string' && /^2[23]/.test(code.code);
}

export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly inserts: GroupCommit<PendingInsert, InsertResult>;
  private readonly now: () => Date;
  private readonly manyMatches: number;
  private sessionWrites = 0;
  private closed = false;

  constructor(
    databaseUrl: string,
    private readonly options: StoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.manyMatches = options.manyMatches ?? MANY_MATCHES;
    this.pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 10,
      // An unreachable database answers 503 within seconds instead of holding requests.
      connectionTimeoutMillis: 5000,
      query_timeout: 30_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the next query gets a new connection or fails as StoreUnavailableError.
    this.pool.on('error', () => undefined);
    this.inserts = new GroupCommit((batch) => this.insertBatch(batch), 500, options.onCommit, blamesData);
  }

  /** Every query goes through here: driver errors become StoreUnavailableError (HTTP 503). */
  private async query(sql: string, params: unknown[] = [], client?: pg.PoolClient): Promise<Row[]> {
    if (this.closed) throw new StoreUnavailableError(new Error('the store is closed'));
    try {
      const result = await (client ?? this.pool).query(sql, params);
      return result.rows as Row[];
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
  }

  private async execute(sql: string, params: unknown[] = []): Promise<number> {
    if (this.closed) throw new StoreUnavailableError(new Error('the store is closed'));
    try {
      return (await this.pool.query(sql, params)).rowCount ?? 0;
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
  }

  async migrate(): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
    try {
      await this.query('BEGIN', [], client);
      // Taken before anything is read or created: a second instance waits here, then finds the
      // schema at the current version.
      await this.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK], client);
      await this.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)',
        [],
        client,
      );
      const [row] = await this.query('SELECT coalesce(max(version), 0) AS version FROM schema_migrations', [], client);
      const current = Number(row?.version ?? 0);
      for (const step of POSTGRES_MIGRATIONS) {
        if (step.version <= current) continue;
        await this.query(step.sql, [], client);
        await this.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [step.version, this.now()], client);
      }
      await this.query('COMMIT', [], client);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async schemaVersions(): Promise<number[]> {
    return (await this.query('SELECT version FROM schema_migrations ORDER BY version')).map((row) => Number(row.version));
  }

  insert(answer: WireAnswer, receivedAt: string, jobs: Omit<OutboxJob, 'id' | 'attempts'>[]): Promise<InsertResult> {
    try {
      if (this.closed) throw new StoreUnavailableError(new Error('the store is closed'));
      return this.inserts.submit({ answer: cleanAnswer(answer), receivedAt: isoTimestamp(receivedAt, 'receivedAt'), jobs });
    } catch (error) {
      return Promise.reject(error); // a rejection, like every other failure of the store
    }
  }

  /** One statement, hence one transaction and one WAL flush, for the whole batch: the answers go in
   * through unnest() (a fixed number of parameters whatever the batch size), ON CONFLICT skips ids
   * already stored, and the outbox rows are written only for the answers that were new. */
  private async insertBatch(batch: PendingInsert[]): Promise<InsertResult[]> {
    // The first of two equal ids in one batch is the one that may be stored.
    const seen = new Set<string>();
    const fresh = batch.filter(({ answer }) => !seen.has(answer.id) && seen.add(answer.id));
    const column = <T>(pick: (item: PendingInsert) => T) => fresh.map(pick);
    const jobs = fresh.flatMap(({ answer, receivedAt, jobs: list }) =>
      list.map((job) => ({ id: answer.id, kind: job.kind, payload: job.payload, at: receivedAt })),
    );
    const rows = await this.query(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[],
                              $8::text[], $9::text[], $10::text[], $11::text[], $12::timestamptz[])
           AS u(id, site, answer, email, email_key, rating, topic, lang, page, created_at, context, received_at)
       ), stored AS (
         INSERT INTO answers (id, site, answer, email, email_key, rating, topic, lang, page, created_at, context, received_at)
         SELECT id, site, answer, email, email_key, rating, topic, lang, page, created_at, context::jsonb, received_at
         FROM input
         ON CONFLICT (id) DO NOTHING
         RETURNING id
       ), jobs AS (
         INSERT INTO outbox (kind, payload, not_before, created_at)
         SELECT j.kind, j.payload, j.at, j.at
         FROM unnest($13::text[], $14::text[], $15::text[], $16::timestamptz[]) AS j(answer_id, kind, payload, at)
         WHERE j.answer_id IN (SELECT id FROM stored)
       )
       SELECT id FROM stored`,
      [
        column((p) => p.answer.id),
        column((p) => p.answer.site),
        column((p) => p.answer.answer),
        column((p) => p.answer.email),
        column((p) => emailKey(p.answer.email)),
        column((p) => p.answer.rating),
        column((p) => p.answer.topic),
        column((p) => p.answer.lang),
        column((p) => p.answer.page),
        column((p) => p.answer.createdAt),
        column((p) => JSON.stringify(p.answer.context)),
        column((p) => p.receivedAt),
        jobs.map((job) => job.id),
        jobs.map((job) => job.kind),
        jobs.map((job) => job.payload),
        jobs.map((job) => job.at),
      ],
    );
    const stored = new Set(rows.map((row) => String(row.id)));
    return batch.map(({ answer }) => {
      if (!stored.has(answer.id)) return 'duplicate';
      stored.delete(answer.id); // a second copy of the id in this batch is a duplicate
      return 'stored';
    });
  }

  async get(id: string): Promise<StoredAnswer | null> {
    const [row] = await this.query('SELECT * FROM answers WHERE id = $1', [id]);
    return row ? toAnswer(row) : null;
  }

  /** WHERE clause of a filter and the cursor's position; `setsOnly`: just the GIN-indexed conditions
   * (tag, search), for fewInSets(). */
  private where(filter: AnswerFilter, cursor: string | null, setsOnly = false): { sql: string; params: unknown[] } {
    const all = normaliseFilter(filter);
    const f: AnswerFilter = setsOnly ? { tag: all.tag, q: all.q } : all;
    if (setsOnly) cursor = null;
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (f.status !== undefined) conditions.push(`a.status = ${param(f.status)}`);
    if (f.site !== undefined) conditions.push(`a.site = ${param(f.site)}`);
    if (f.topic !== undefined) conditions.push(`a.topic = ${param(f.topic)}`);
    if (f.lang !== undefined) conditions.push(`a.lang = ${param(f.lang)}`);
    if (f.rating !== undefined) conditions.push(`a.rating = ${param(f.rating)}`);
    if (f.page !== undefined) conditions.push(`a.page = ${param(f.page)}`);
    if (f.tag !== undefined) conditions.push(`a.tags @> ARRAY[${param(f.tag)}]::text[]`);
    if (f.hasEmail !== undefined) conditions.push(f.hasEmail ? 'a.email_key IS NOT NULL' : 'a.email_key IS NULL');
    if (f.email !== undefined) conditions.push(`a.email_key = ${param(f.email)}`);
    if (f.q !== undefined) {
      const terms = searchTerms(f.q);
      if (terms.length > 0) conditions.push(`a.search @@ to_tsquery('simple', ${param(tsQuery(terms))})`);
    }
    if (f.since !== undefined) conditions.push(`a.received_at >= ${param(f.since)}::timestamptz`);
    if (f.until !== undefined) conditions.push(`a.received_at < ${param(f.until)}::timestamptz`);
    if (cursor !== null) {
      const key = decodeCursor(cursor);
      conditions.push(`(a.received_at, a.id) < (${param(key.receivedAt)}::timestamptz, ${param(key.id)})`);
    }
    return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
  }

  /**
   * Whether the filter holds a tag or a search with few matches. The planner guesses how many rows
   * a tag or a search matches, and a low guess for a newest-first page with a LIMIT makes it walk
   * the received_at index hoping to meet them soon: with a rare tag that is a walk through every
   * answer. So the matches are counted (up to MANY_MATCHES, through the GIN index), and a page of
   * few matches is read from them and sorted (see list()).
   */
  private async fewInSets(filter: AnswerFilter): Promise<boolean> {
    const sets = this.where(filter, null, true);
    if (sets.sql === '') return false;
    // MATERIALIZED: planned without the LIMIT (so for all its rows: the GIN index when they are
    // few), and read only as far as the LIMIT asks.
    const [row] = await this.query(
      `WITH m AS MATERIALIZED (SELECT 1 FROM answers a ${sets.sql})
       SELECT count(*)::int AS n FROM (SELECT 1 FROM m LIMIT ${this.manyMatches}) s`,
      sets.params,
    );
    return Number(row?.n ?? 0) < this.manyMatches;
  }

  async list(filter: AnswerFilter, limit: number, cursor: string | null): Promise<Page> {
    const size = pageSize(limit);
    const { sql, params } = this.where(filter, cursor);
    const order = `ORDER BY a.received_at DESC, a.id DESC LIMIT ${size + 1}`;
    const rows = await this.query(
      (await this.fewInSets(filter))
        ? `WITH m AS MATERIALIZED (SELECT a.* FROM answers a ${sql}) SELECT * FROM m a ${order}`
        : `SELECT a.* FROM answers a ${sql} ${order}`,
      params,
    );
    const answers = rows.slice(0, size).map(toAnswer);
    const last = answers[answers.length - 1];
    return { answers, next: rows.length > size && last ? encodeCursor(last) : null };
  }

  async count(filter: AnswerFilter): Promise<number> {
    const { sql, params } = this.where(filter, null);
    const [row] = await this.query(`SELECT count(*)::bigint AS n FROM answers a ${sql}`, params);
    return Number(row?.n ?? 0);
  }

  stream(filter: AnswerFilter): AsyncIterable<StoredAnswer> {
    return keysetStream((f, limit, cursor) => this.list(f, limit, cursor), filter);
  }

  async update(id: string, patch: AnswerPatch): Promise<StoredAnswer | null> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value);
      sets.push(`${column} = $${params.length}${cast}`);
    };
    if (patch.status !== undefined) set('status', patch.status);
    if (patch.read !== undefined) set('read', patch.read);
    if (patch.note !== undefined) set('note', withoutNul(patch.note));
    if (patch.tags !== undefined) set('tags', normaliseTags(patch.tags.map(withoutNul)), '::text[]');
    if (sets.length === 0) return this.get(id);
    const [row] = await this.query(`UPDATE answers SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, params);
    return row ? toAnswer(row) : null;
  }

  async addReply(id: string, reply: Reply): Promise<StoredAnswer | null> {
    const [row] = await this.query(
      `UPDATE answers SET replies = replies || jsonb_build_array($2::jsonb) WHERE id = $1 RETURNING *`,
      [id, JSON.stringify(withoutNul(reply))],
    );
    return row ? toAnswer(row) : null;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.execute('DELETE FROM answers WHERE id = $1', [id])) > 0;
  }

  async eraseByEmail(email: string): Promise<number> {
    const key = emailKey(email);
    if (key === null) return 0;
    return this.execute('DELETE FROM answers WHERE email_key = $1', [key]);
  }

  async deleteReceivedBefore(iso: string): Promise<number> {
    const before = isoTimestamp(iso, 'before');
    let total = 0;
    for (;;) {
      // chunks keep each transaction (and the locks and WAL it holds) small
      const deleted = await this.execute(
        'DELETE FROM answers WHERE id IN (SELECT id FROM answers WHERE received_at < $1 LIMIT $2)',
        [before, DELETE_CHUNK],
      );
      total += deleted;
      if (deleted < DELETE_CHUNK) return total;
    }
  }

  async overview(since: string): Promise<Overview> {
    const from = isoTimestamp(since, 'since');
    const [totalRows, topics, pages, texts] = await Promise.all([
      this.query('SELECT count(*)::bigint AS n FROM answers WHERE received_at >= $1', [from]),
      this.query(
        'SELECT topic, count(*)::bigint AS n FROM answers WHERE received_at >= $1 GROUP BY topic ORDER BY n DESC, topic LIMIT 50',
        [from],
      ),
      this.query(
        'SELECT page, count(*)::bigint AS n FROM answers WHERE received_at >= $1 GROUP BY page ORDER BY n DESC, page LIMIT 50',
        [from],
      ),
      this.query('SELECT answer FROM answers WHERE received_at >= $1 ORDER BY received_at DESC, id DESC LIMIT $2', [
        from,
        OVERVIEW_SAMPLE,
      ]),
    ]);
    return {
      since: from,
      total: Number(totalRows[0]?.n ?? 0),
      byTopic: topics.map((row) => ({ topic: (row.topic as string | null) ?? null, count: Number(row.n) })),
      byPage: pages.map((row) => ({ page: String(row.page), count: Number(row.n) })),
      words: topWords(texts.map((row) => String(row.answer))),
    };
  }

  async addOwner(email: string, passwordHash: string): Promise<void> {
    // Adding an existing owner again sets a new password: the CLI's way to reset one.
    await this.query(
      `INSERT INTO owners (email, password_hash, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash`,
      [emailKey(email), passwordHash, this.now()],
    );
  }

  async findOwner(email: string): Promise<(Owner & { passwordHash: string }) | null> {
    const [row] = await this.query('SELECT id, email, password_hash FROM owners WHERE email = $1', [emailKey(email)]);
    return row ? { id: Number(row.id), email: String(row.email), passwordHash: String(row.password_hash) } : null;
  }

  async countOwners(): Promise<number> {
    const [row] = await this.query('SELECT count(*) AS n FROM owners', []);
    return Number(row?.n ?? 0);
  }

  async addToken(name: string, tokenHash: string): Promise<void> {
    await this.query('INSERT INTO tokens (token_hash, name, created_at) VALUES ($1, $2, $3)', [tokenHash, name, this.now()]);
  }

  async findToken(tokenHash: string): Promise<{ name: string } | null> {
    const [row] = await this.query('SELECT name FROM tokens WHERE token_hash = $1', [tokenHash]);
    return row ? { name: String(row.name) } : null;
  }

  async getSession(sid: string): Promise<string | null> {
    const [row] = await this.query('SELECT data FROM sessions WHERE sid = $1 AND expires_at > $2', [sid, this.now()]);
    return row ? String(row.data) : null;
  }

  async setSession(sid: string, data: string, expiresAt: string): Promise<void> {
    const expires = isoTimestamp(expiresAt, 'expiresAt');
    await this.query(
      `INSERT INTO sessions (sid, data, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
      [sid, data, expires],
    );
    if (++this.sessionWrites % SESSION_SWEEP_EVERY === 0) {
      await this.query('DELETE FROM sessions WHERE expires_at <= $1', [this.now()]);
    }
  }

  async deleteSession(sid: string): Promise<void> {
    await this.query('DELETE FROM sessions WHERE sid = $1', [sid]);
  }

  async claimJobs(now: string, leaseUntil: string, limit: number): Promise<OutboxJob[]> {
    // SKIP LOCKED: two instances claiming at once take different rows instead of waiting or
    // sharing; a row leased by a process that died is due again once its lease has passed.
    const rows = await this.query(
      `UPDATE outbox SET lease_until = $1, attempts = attempts + 1
       WHERE id IN (SELECT id FROM outbox
                    WHERE not_before <= $2 AND (lease_until IS NULL OR lease_until <= $2)
                    ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, kind, payload, attempts - 1 AS attempts`,
      [isoTimestamp(leaseUntil, 'leaseUntil'), isoTimestamp(now, 'now'), Math.max(1, Math.floor(limit))],
    );
    return rows.map(toJob).sort((a, b) => a.id - b.id);
  }

  async completeJob(id: number): Promise<void> {
    await this.query('DELETE FROM outbox WHERE id = $1', [id]);
  }

  async retryJob(id: number, notBefore: string): Promise<void> {
    await this.query('UPDATE outbox SET not_before = $2, lease_until = NULL WHERE id = $1', [
      id,
      isoTimestamp(notBefore, 'notBefore'),
    ]);
  }

  async enqueueJob(job: Omit<OutboxJob, 'id' | 'attempts'>, notBefore: string): Promise<void> {
    await this.query('INSERT INTO outbox (kind, payload, not_before, created_at) VALUES ($1, $2, $3, $4)', [
      job.kind,
      withoutNul(job.payload),
      isoTimestamp(notBefore, 'notBefore'),
      this.now(),
    ]);
  }

  async getSettings(): Promise<Settings> {
    const rows = await this.query('SELECT key, value FROM settings');
    return mergeSettings(this.options.settingsDefaults, new Map(rows.map((row) => [String(row.key), row.value])));
  }

  async setSettings(settings: Partial<Settings>): Promise<Settings> {
    const given = SETTING_KEYS.filter((key) => settings[key] !== undefined);
    if (given.length > 0) {
      await this.query(
        `INSERT INTO settings (key, value) SELECT * FROM unnest($1::text[], $2::jsonb[])
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [given, given.map((key) => JSON.stringify(withoutNul(settings[key])))],
      );
    }
    return this.getSettings();
  }

  async healthy(): Promise<boolean> {
    // A real write: a read-only standby, a full disk or an unreachable server all show up here.
    try {
      await this.query(
        `INSERT INTO health (id, checked_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at`,
        [this.now()],
      );
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Answers already handed to insert() are committed before the pool closes.
    await this.inserts.idle();
    this.closed = true;
    await this.pool.end();
  }
}

function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
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
    context: (row.context as Record<string, unknown>) ?? {},
    receivedAt: iso(row.received_at),
    status: row.status as StoredAnswer['status'],
    read: row.read === true,
    tags: (row.tags as string[]) ?? [],
    note: String(row.note),
    replies: (row.replies as Reply[]) ?? [],
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
