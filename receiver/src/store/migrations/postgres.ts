// PostgreSQL schema, one entry per version; applied by PostgresStore.migrate() in one transaction
// holding pg_advisory_xact_lock, so instances starting together apply each step exactly once.

/** Key of the advisory lock that serialises migrations (any constant shared by all instances). */
export const MIGRATION_LOCK = 4_242_017;

export const POSTGRES_MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE answers (
  id text COLLATE "C" PRIMARY KEY,   -- the widget's id; "C" so ids order bytewise, as in SQLite
  site text NOT NULL,
  answer text NOT NULL,
  email text,
  email_key text,                    -- trimmed, lower-cased: erase and the email filter
  rating smallint,
  topic text,
  lang text NOT NULL,
  page text NOT NULL,
  created_at text NOT NULL,          -- as the widget sent it
  context jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'handled', 'spam')),
  read boolean NOT NULL DEFAULT false,
  tags text[] NOT NULL DEFAULT '{}',
  note text NOT NULL DEFAULT '',
  replies jsonb NOT NULL DEFAULT '[]',
  -- 'simple': lower-cased words, no stemming and no stop words, because answers come in many
  -- languages and one language's stemmer would mangle the others.
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', answer)) STORED
);
-- newest first everywhere: each filter index ends in (received_at, id), so a filtered first page is
-- read in order from the index, never sorted.
CREATE INDEX answers_received ON answers (received_at, id);
CREATE INDEX answers_status ON answers (status, received_at, id);
CREATE INDEX answers_site ON answers (site, received_at, id);
CREATE INDEX answers_topic ON answers (topic, received_at, id);
CREATE INDEX answers_lang ON answers (lang, received_at, id);
CREATE INDEX answers_rating ON answers (rating, received_at, id);
CREATE INDEX answers_email ON answers (email_key);
CREATE INDEX answers_tags ON answers USING gin (tags);
CREATE INDEX answers_search ON answers USING gin (search);

CREATE TABLE owners (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,        -- lower-cased
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE tokens (
  token_hash text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE sessions (
  sid text PRIMARY KEY,
  data text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  not_before timestamptz NOT NULL,
  lease_until timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX outbox_due ON outbox (not_before);
CREATE TABLE health (
  id integer PRIMARY KEY CHECK (id = 1),
  checked_at timestamptz NOT NULL
);
`,
  },
  {
    // the page filter (the overview's links to a page's answers), newest first like the others.
    // Built inside the migration's transaction (CONCURRENTLY cannot be): writes wait while it is
    // built, once, at the first start of this version.
    version: 2,
    sql: `CREATE INDEX answers_page ON answers (page, received_at, id);`,
  },
];
