// SQLite schema, one entry per version; applied in order by SqliteStore.migrate() inside one
// BEGIN IMMEDIATE transaction, so two processes starting at once apply each step once.
// Timestamps are ISO strings (toISOString(): fixed width, 'Z'), which sort as text.

export const SQLITE_MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE answers (
  seq INTEGER PRIMARY KEY,          -- rowid, the key of the full-text index
  id TEXT NOT NULL UNIQUE,          -- the widget's id: a second POST of it is a 409
  site TEXT NOT NULL,
  answer TEXT NOT NULL,
  email TEXT,
  email_key TEXT,                   -- trimmed, lower-cased: erase and the email filter
  rating INTEGER,
  topic TEXT,
  lang TEXT NOT NULL,
  page TEXT NOT NULL,
  created_at TEXT NOT NULL,         -- as the widget sent it
  context TEXT NOT NULL,            -- JSON
  received_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'handled', 'spam')),
  read INTEGER NOT NULL DEFAULT 0,
  tags TEXT NOT NULL DEFAULT '[]',  -- JSON, what is shown; answer_tags is what is filtered on
  note TEXT NOT NULL DEFAULT '',
  replies TEXT NOT NULL DEFAULT '[]'
);
-- newest first everywhere: every filter index ends in (received_at, id) so a filtered first page
-- is read in order from the index, never sorted.
CREATE INDEX answers_received ON answers (received_at, id);
CREATE INDEX answers_status ON answers (status, received_at, id);
CREATE INDEX answers_site ON answers (site, received_at, id);
CREATE INDEX answers_topic ON answers (topic, received_at, id);
CREATE INDEX answers_lang ON answers (lang, received_at, id);
CREATE INDEX answers_rating ON answers (rating, received_at, id);
CREATE INDEX answers_email ON answers (email_key);

CREATE TABLE answer_tags (
  answer_seq INTEGER NOT NULL REFERENCES answers (seq) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (answer_seq, tag)
) WITHOUT ROWID;
CREATE INDEX answer_tags_tag ON answer_tags (tag, answer_seq);

-- External-content FTS5: the text lives once, in answers; the triggers keep the index in step.
-- unicode61 with remove_diacritics 2: "cafe" finds "café".
CREATE VIRTUAL TABLE answers_fts USING fts5 (
  answer, content = 'answers', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER answers_fts_insert AFTER INSERT ON answers BEGIN
  INSERT INTO answers_fts (rowid, answer) VALUES (new.seq, new.answer);
END;
CREATE TRIGGER answers_fts_delete AFTER DELETE ON answers BEGIN
  INSERT INTO answers_fts (answers_fts, rowid, answer) VALUES ('delete', old.seq, old.answer);
END;
CREATE TRIGGER answers_fts_update AFTER UPDATE OF answer ON answers BEGIN
  INSERT INTO answers_fts (answers_fts, rowid, answer) VALUES ('delete', old.seq, old.answer);
  INSERT INTO answers_fts (rowid, answer) VALUES (new.seq, new.answer);
END;

CREATE TABLE owners (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,       -- lower-cased
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE tokens (
  token_hash TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE sessions (
  sid TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL               -- JSON
);
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  not_before TEXT NOT NULL,
  lease_until TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox (not_before);
CREATE TABLE health (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at TEXT NOT NULL
);
`,
  },
  {
    // the page filter (the overview's links to a page's answers), newest first like the others
    version: 2,
    sql: `CREATE INDEX answers_page ON answers (page, received_at, id);`,
  },
];
