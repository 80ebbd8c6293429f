-- seshdb schema snapshot: the full schema as the migrations build it.
-- A test checks that migrating an empty database yields exactly this.
-- Readable reference; the migrations in migrations/ are what runs.
--
-- Ids are deterministic: a row's id is (source id << 32) + its position among
-- the rows of its kind in that source, so re-ingesting an unchanged file, or
-- the same inputs in another order, leaves every id as it was.

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
CREATE INDEX section_spans_source ON section_spans(source_id);

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
CREATE INDEX items_section ON items(section_id);
CREATE INDEX items_source ON items(source_id);

CREATE TABLE fields (
  id         INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  source_id  INTEGER NOT NULL,
  key        TEXT NOT NULL,
  value      TEXT NOT NULL,
  line       INTEGER NOT NULL
);
CREATE INDEX fields_session ON fields(session_id);
CREATE INDEX fields_source ON fields(source_id);

CREATE TABLE commit_refs (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
  sha        TEXT NOT NULL,
  line       INTEGER NOT NULL
);
CREATE INDEX commit_refs_sha ON commit_refs(sha);
CREATE INDEX commit_refs_source ON commit_refs(source_id);
CREATE INDEX commit_refs_session ON commit_refs(session_id);

CREATE TABLE pr_refs (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
  number     INTEGER NOT NULL,
  repo       TEXT,
  action     TEXT,
  line       INTEGER NOT NULL
);
CREATE INDEX pr_refs_number ON pr_refs(number);
CREATE INDEX pr_refs_source ON pr_refs(source_id);
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
CREATE INDEX issues_source ON issues(source_id);
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
CREATE INDEX file_refs_source ON file_refs(source_id);
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
CREATE INDEX metrics_source ON metrics(source_id);
CREATE INDEX metrics_session ON metrics(session_id);

-- Full-text index over sessions. External content, spelled content="sessions"
-- so sqlite-utils and Datasette detect it; column names match the sessions
-- columns they index. Kept in sync by the triggers below (sqlite-utils'
-- _ai/_ad/_au convention), so any client that writes sessions keeps it right.
CREATE VIRTUAL TABLE sessions_fts USING fts5(
  title, branch, focus, body,
  content="sessions", content_rowid="id",
  tokenize='porter unicode61'
);
CREATE TRIGGER sessions_ai AFTER INSERT ON sessions BEGIN
  INSERT INTO sessions_fts(rowid, title, branch, focus, body)
  VALUES (new.id, new.title, new.branch, new.focus, new.body);
END;
CREATE TRIGGER sessions_ad AFTER DELETE ON sessions BEGIN
  INSERT INTO sessions_fts(sessions_fts, rowid, title, branch, focus, body)
  VALUES ('delete', old.id, old.title, old.branch, old.focus, old.body);
END;
CREATE TRIGGER sessions_au AFTER UPDATE OF id, title, branch, focus, body ON sessions BEGIN
  INSERT INTO sessions_fts(sessions_fts, rowid, title, branch, focus, body)
  VALUES ('delete', old.id, old.title, old.branch, old.focus, old.body);
  INSERT INTO sessions_fts(rowid, title, branch, focus, body)
  VALUES (new.id, new.title, new.branch, new.focus, new.body);
END;

-- Text outside every session (preambles, footers, files with no sessions)
-- stays searchable through its own index over sources.
CREATE VIRTUAL TABLE sources_fts USING fts5(
  path, project, outside_text,
  content="sources", content_rowid="id",
  tokenize='porter unicode61'
);
CREATE TRIGGER sources_ai AFTER INSERT ON sources BEGIN
  INSERT INTO sources_fts(rowid, path, project, outside_text)
  VALUES (new.id, new.path, new.project, new.outside_text);
END;
CREATE TRIGGER sources_ad AFTER DELETE ON sources BEGIN
  INSERT INTO sources_fts(sources_fts, rowid, path, project, outside_text)
  VALUES ('delete', old.id, old.path, old.project, old.outside_text);
END;
CREATE TRIGGER sources_au AFTER UPDATE OF path, project, outside_text ON sources BEGIN
  INSERT INTO sources_fts(sources_fts, rowid, path, project, outside_text)
  VALUES ('delete', old.id, old.path, old.project, old.outside_text);
  INSERT INTO sources_fts(rowid, path, project, outside_text)
  VALUES (new.id, new.path, new.project, new.outside_text);
END;
