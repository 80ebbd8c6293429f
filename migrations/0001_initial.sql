-- seshdb schema, version 1: the public tables.
-- Every table, view and column is documented in docs/schema.md.
--
-- Ids are deterministic: a row's id is (source id << 32) + its position among
-- the rows of its kind in that source, so re-ingesting an unchanged file, or
-- the same inputs in another order, leaves every id as it was. All rows of a
-- source lie in one id range, so deleting them needs no source_id index.

CREATE TABLE sources (
  id             INTEGER PRIMARY KEY,
  path           TEXT NOT NULL UNIQUE,
  project        TEXT,
  content_hash   TEXT NOT NULL,
  size_bytes     INTEGER NOT NULL,
  mtime          INTEGER,
  ingested_at    TEXT NOT NULL,
  parser_version INTEGER NOT NULL,
  session_count  INTEGER NOT NULL DEFAULT 0,
  warning_count  INTEGER NOT NULL DEFAULT 0,
  outside_text   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sessions (
  id               INTEGER PRIMARY KEY,
  source_id        INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  ordinal          INTEGER NOT NULL,
  title            TEXT NOT NULL,
  started_at       TEXT,
  ended_at         TEXT,
  local_date       TEXT,
  date_inferred    INTEGER NOT NULL DEFAULT 0,
  local_start      TEXT,
  local_end        TEXT,
  timezone         TEXT,
  utc_offset       TEXT,
  tz_rule          TEXT,
  time_approx      INTEGER NOT NULL DEFAULT 0,
  duration_minutes INTEGER,
  duration_source  TEXT,
  branch           TEXT,
  focus            TEXT,
  line_start       INTEGER NOT NULL,
  line_end         INTEGER NOT NULL,
  body             TEXT NOT NULL,
  UNIQUE (source_id, ordinal)
);
CREATE INDEX sessions_local_date ON sessions(local_date);
CREATE INDEX sessions_branch ON sessions(branch);

-- Section text is not stored twice: a section is a byte span of its
-- session's body, and the `sections` view below cuts it out.
CREATE TABLE section_spans (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  source_id   INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  title       TEXT NOT NULL,
  level       INTEGER NOT NULL,
  line_start  INTEGER NOT NULL,
  line_end    INTEGER NOT NULL,
  body_offset INTEGER NOT NULL,
  body_bytes  INTEGER NOT NULL
);
CREATE INDEX section_spans_session ON section_spans(session_id);

CREATE VIEW sections AS
SELECT sp.id, sp.session_id, sp.kind, sp.title, sp.line_start,
       CAST(substr(CAST(s.body AS BLOB), sp.body_offset + 1, sp.body_bytes) AS TEXT) AS body,
       sp.line_end, sp.level
FROM section_spans sp JOIN sessions s ON s.id = sp.session_id;

CREATE TABLE items (
  id         INTEGER PRIMARY KEY,
  section_id INTEGER,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  source_id  INTEGER NOT NULL,
  text       TEXT NOT NULL,
  done       INTEGER,
  depth      INTEGER NOT NULL,
  line       INTEGER NOT NULL
);
CREATE INDEX items_session ON items(session_id);

CREATE TABLE fields (
  id         INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  source_id  INTEGER NOT NULL,
  key        TEXT NOT NULL,
  value      TEXT NOT NULL,
  line       INTEGER NOT NULL
);
CREATE INDEX fields_session ON fields(session_id);

CREATE TABLE commit_refs (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
  sha        TEXT NOT NULL,
  line       INTEGER NOT NULL,
  context    TEXT
);
CREATE INDEX commit_refs_sha ON commit_refs(sha);
CREATE INDEX commit_refs_session ON commit_refs(session_id);

CREATE TABLE pr_refs (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
  number     INTEGER NOT NULL,
  repo       TEXT,
  action     TEXT,
  line       INTEGER NOT NULL,
  context    TEXT
);
CREATE INDEX pr_refs_number ON pr_refs(number);
CREATE INDEX pr_refs_session ON pr_refs(session_id);

CREATE TABLE issues (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
  severity   TEXT NOT NULL,
  label      TEXT,
  title      TEXT NOT NULL,
  line       INTEGER NOT NULL
);
CREATE INDEX issues_severity ON issues(severity);
CREATE INDEX issues_session ON issues(session_id);

CREATE TABLE file_refs (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
  path       TEXT NOT NULL,
  action     TEXT,
  line       INTEGER NOT NULL
);
CREATE INDEX file_refs_path ON file_refs(path);
CREATE INDEX file_refs_session ON file_refs(session_id);

CREATE TABLE metrics (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  value      REAL,
  unit       TEXT,
  raw        TEXT NOT NULL,
  line       INTEGER NOT NULL
);
CREATE INDEX metrics_name ON metrics(name);
CREATE INDEX metrics_session ON metrics(session_id);

-- Full-text index over sessions. External content, spelled content="sessions"
-- so sqlite-utils and Datasette detect it; column names match the sessions
-- columns they index. seshdb's writer keeps it in sync (not triggers: a
-- trigger makes every insert open a statement savepoint, and FTS5 flushes
-- its pending terms at each one: a 20 MB corpus ingested in 4.4 s with triggers,
-- 2.7 s without). A
-- client that writes sessions itself rebuilds it with
--   INSERT INTO sessions_fts(sessions_fts) VALUES('rebuild');
-- or `seshdb doctor --repair`.
CREATE VIRTUAL TABLE sessions_fts USING fts5(
  title, branch, focus, body,
  content="sessions", content_rowid="id",
  tokenize='porter unicode61'
);

-- Text outside every session (preambles, footers, files with no sessions)
-- stays searchable through its own index over sources, kept like sessions_fts.
CREATE VIRTUAL TABLE sources_fts USING fts5(
  path, project, outside_text,
  content="sources", content_rowid="id",
  tokenize='porter unicode61'
);
