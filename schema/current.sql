-- seshdb schema snapshot: the full schema as the migrations build it.
-- A test checks that migrating an empty database yields exactly this.
-- Readable reference; the migrations in migrations/ are what runs.
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

-- List item text is not stored twice either: an item whose text is a
-- verbatim slice of its body line stores the span, and text only otherwise
-- (inline markup or entities removed). The `items` view below gives the text.
CREATE TABLE item_spans (
  id          INTEGER PRIMARY KEY,
  section_id  INTEGER,
  session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  source_id   INTEGER NOT NULL,
  text        TEXT,
  body_offset INTEGER,
  body_bytes  INTEGER,
  done        INTEGER,
  depth       INTEGER NOT NULL,
  line        INTEGER NOT NULL
);
CREATE INDEX item_spans_session ON item_spans(session_id);

CREATE VIEW items AS
SELECT it.id, it.section_id, it.session_id, it.source_id,
       coalesce(it.text,
                (SELECT CAST(substr(CAST(s.body AS BLOB), it.body_offset + 1, it.body_bytes) AS TEXT)
                 FROM sessions s WHERE s.id = it.session_id)) AS text,
       it.done, it.depth, it.line
FROM item_spans it;

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


-- Sessions by date, with where they came from.
CREATE VIEW v_timeline AS
SELECT s.id AS session_id, s.local_date, s.local_start, s.local_end, s.timezone, s.started_at, s.ended_at,
       s.duration_minutes, src.project, s.branch, s.focus, s.title, src.path, s.line_start
FROM sessions s JOIN sources src ON src.id = s.source_id;

-- Each PR number (per repo when known): first and last mention, sessions, last known action.
CREATE VIEW v_prs AS
SELECT p.number,
       max(p.repo) AS repo,
       min(s.local_date) AS first_mention,
       max(s.local_date) AS last_mention,
       count(DISTINCT p.session_id) AS sessions,
       (SELECT p2.action FROM pr_refs p2 LEFT JOIN sessions s2 ON s2.id = p2.session_id
         WHERE p2.number = p.number AND p2.action IS NOT NULL
         ORDER BY s2.local_date DESC, p2.id DESC LIMIT 1) AS last_action,
       group_concat(DISTINCT src.project) AS projects
FROM pr_refs p
LEFT JOIN sessions s ON s.id = p.session_id
JOIN sources src ON src.id = p.source_id
GROUP BY p.number;

-- Each commit mention: the session, its date and branch, and the line that names it.
CREATE VIEW v_commits AS
SELECT c.sha, c.session_id, s.local_date, src.project, s.branch, s.title AS session_title, src.path, c.line, c.context
FROM commit_refs c
LEFT JOIN sessions s ON s.id = c.session_id
JOIN sources src ON src.id = c.source_id;

-- Review findings by severity. status is 'fixed' when a later (or the same
-- day's other) session of the project has a done item, or one that says
-- fixed/resolved, containing the finding's title; else 'open'. The views
-- below read item_spans and cut the text from the session they join.
CREATE VIEW v_findings AS
SELECT i.id AS finding_id, i.severity, i.title, i.label, i.session_id, s.local_date, src.project, s.branch,
       s.title AS session_title, src.path, i.line,
       CAST(julianday('now') - julianday(s.local_date) AS INTEGER) AS age_days,
       CASE WHEN EXISTS (
         SELECT 1 FROM item_spans it
         JOIN sessions s2 ON s2.id = it.session_id
         JOIN sources src2 ON src2.id = s2.source_id
         WHERE src2.project = src.project AND it.session_id <> i.session_id
           AND coalesce(s2.local_date, '') >= coalesce(s.local_date, '')
           AND instr(lower(coalesce(it.text, CAST(substr(CAST(s2.body AS BLOB), it.body_offset + 1, it.body_bytes) AS TEXT))),
                     lower(i.title)) > 0
           AND (it.done = 1
                OR lower(coalesce(it.text, CAST(substr(CAST(s2.body AS BLOB), it.body_offset + 1, it.body_bytes) AS TEXT)))
                   LIKE '%fixed%'
                OR lower(coalesce(it.text, CAST(substr(CAST(s2.body AS BLOB), it.body_offset + 1, it.body_bytes) AS TEXT)))
                   LIKE '%resolved%')
       ) THEN 'fixed' ELSE 'open' END AS status
FROM issues i
LEFT JOIN sessions s ON s.id = i.session_id
JOIN sources src ON src.id = i.source_id;

-- Items of sections, with their session: the building block of the lists below.
CREATE VIEW v_section_items AS
SELECT it.id AS item_id, sp.kind, sp.title AS section_title,
       coalesce(it.text, CAST(substr(CAST(s.body AS BLOB), it.body_offset + 1, it.body_bytes) AS TEXT)) AS text,
       it.done, it.depth, it.line,
       s.id AS session_id, s.local_date, s.started_at, src.project, s.branch, s.title AS session_title, src.path
FROM item_spans it
JOIN section_spans sp ON sp.id = it.section_id
JOIN sessions s ON s.id = it.session_id
JOIN sources src ON src.id = s.source_id;

-- The decision log.
CREATE VIEW v_decisions AS
SELECT item_id, local_date, project, branch, session_title, text, path, line, session_id
FROM v_section_items WHERE kind = 'decisions';

-- The latest session of each project (by date, then start, then position).
CREATE VIEW v_latest_sessions AS
SELECT project, session_id FROM (
  SELECT src.project, s.id AS session_id,
         row_number() OVER (PARTITION BY src.project
                            ORDER BY s.local_date DESC, s.started_at DESC, s.source_id DESC, s.ordinal ASC) AS rn
  FROM sessions s JOIN sources src ON src.id = s.source_id
  WHERE s.local_date IS NOT NULL
) WHERE rn = 1;

-- Next steps; latest = 1 for the project's latest session; completed_in names
-- the earliest later session (then lowest item id) whose completed work
-- contains the step's text. `seshdb ask next-steps` computes the same rule
-- without comparing every pair (src/seshdb/query/step_completion.hpp).
CREATE VIEW v_next_steps AS
SELECT n.item_id, n.local_date, n.project, n.branch, n.session_title, n.text, n.done, n.path, n.line, n.session_id,
       (n.session_id IN (SELECT session_id FROM v_latest_sessions)) AS latest,
       (SELECT w.session_id FROM v_section_items w
         WHERE w.kind = 'work_completed' AND w.project = n.project AND w.local_date > n.local_date
           AND length(n.text) >= 8 AND instr(lower(w.text), lower(n.text)) > 0
         ORDER BY w.local_date, w.item_id LIMIT 1) AS completed_in
FROM v_section_items n WHERE n.kind = 'next_steps';

-- Blockers; standing = 1 when they are in the latest session of the project
-- that has a blockers section and are not ticked done ("- None" is no item).
CREATE VIEW v_blockers AS
SELECT b.item_id, b.local_date, b.project, b.branch, b.session_title, b.text, b.path, b.line, b.session_id,
       (b.session_id = (SELECT s.id FROM section_spans sp
                         JOIN sessions s ON s.id = sp.session_id
                         JOIN sources src ON src.id = s.source_id
                         WHERE sp.kind = 'blockers' AND src.project = b.project
                         ORDER BY s.local_date DESC, s.started_at DESC, s.id DESC LIMIT 1)
        AND coalesce(b.done, 0) = 0) AS standing
FROM v_section_items b WHERE b.kind = 'blockers';

-- Time spent, one row per session with a duration, with its day, week (the
-- Monday it starts on) and month.
CREATE VIEW v_time AS
SELECT s.id AS session_id, src.project, s.branch, s.local_date,
       date(s.local_date, '-6 days', 'weekday 1') AS week, substr(s.local_date, 1, 7) AS month,
       s.duration_minutes, round(s.duration_minutes / 60.0, 2) AS hours
FROM sessions s JOIN sources src ON src.id = s.source_id
WHERE s.duration_minutes IS NOT NULL AND s.local_date IS NOT NULL;

-- Files by how often sessions touch them.
CREATE VIEW v_files AS
SELECT f.path, count(*) AS mentions, count(DISTINCT f.session_id) AS sessions,
       max(s.local_date) AS last_date, group_concat(DISTINCT f.action) AS actions,
       group_concat(DISTINCT src.project) AS projects
FROM file_refs f
LEFT JOIN sessions s ON s.id = f.session_id
JOIN sources src ON src.id = f.source_id
GROUP BY f.path;

-- Every metric reading with its session and file (version 6).
CREATE VIEW v_metrics AS
SELECT m.id AS metric_id, m.name, m.value, m.unit, m.raw, s.local_date, src.project, s.branch,
       s.title AS session_title, m.session_id, src.path, m.line
FROM metrics m
LEFT JOIN sessions s ON s.id = m.session_id
JOIN sources src ON src.id = m.source_id;

-- The corpus at a glance, one row.
CREATE VIEW v_stats AS
SELECT (SELECT count(*) FROM sources) AS sources,
       (SELECT count(*) FROM sessions) AS sessions,
       (SELECT count(DISTINCT project) FROM sources) AS projects,
       (SELECT min(local_date) FROM sessions) AS first_date,
       (SELECT max(local_date) FROM sessions) AS last_date,
       (SELECT round(coalesce(sum(duration_minutes), 0) / 60.0, 1) FROM sessions) AS hours,
       (SELECT count(DISTINCT number) FROM pr_refs) AS prs,
       (SELECT count(DISTINCT sha) FROM commit_refs) AS commits,
       (SELECT count(*) FROM issues WHERE severity = 'P0') AS findings_p0,
       (SELECT count(*) FROM issues WHERE severity = 'P1') AS findings_p1,
       (SELECT count(*) FROM issues WHERE severity = 'P2') AS findings_p2,
       (SELECT count(*) FROM issues WHERE severity = 'P3') AS findings_p3;

-- Version 3: FTS5 settings for bulk ingest (rows of sessions_fts_config, not
-- schema; see migrations/0003_fts_merge_tuning.sql for the measurements).
INSERT INTO sessions_fts(sessions_fts, rank) VALUES('hashsize', 4194304);
INSERT INTO sessions_fts(sessions_fts, rank) VALUES('automerge', 16);
INSERT INTO sessions_fts(sessions_fts, rank) VALUES('crisismerge', 64);
