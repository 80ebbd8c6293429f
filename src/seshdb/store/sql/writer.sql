-- Statements of the ingest writer (src/seshdb/store/writer.cpp).
-- Every value is a bound parameter.

-- name: all_sources
SELECT id, path, size_bytes, mtime, content_hash, parser_version FROM sources;

-- name: any_source
SELECT EXISTS (SELECT 1 FROM sources);

-- The FTS indexes are external-content tables the writer keeps in step: the
-- old text is removed with FTS5's 'delete' command before rows change, and
-- the new text indexed after they are written. Every FTS write is a
-- single-row VALUES insert, never INSERT ... SELECT: a multi-row statement
-- opens a statement savepoint, and at each one FTS5 flushes the terms it is
-- holding in memory as a tiny segment (that alone cost 1.5 s of a 7.7 s
-- ingest of 100 MiB). The writer reads the old rows first, then deletes them
-- one by one.

-- name: find_source
SELECT id, path, project, outside_text FROM sources WHERE path = :path;

-- name: find_source_by_id
SELECT id, path, project, outside_text FROM sources WHERE id = :source;

-- name: old_sessions
SELECT id, title, branch, focus, body FROM sessions
WHERE id BETWEEN (:source << 32) AND (:source << 32) + 4294967295;

-- name: unindex_source
INSERT INTO sources_fts(sources_fts, rowid, path, project, outside_text)
VALUES ('delete', :source, :path, :project, :outside);

-- name: index_source
INSERT INTO sources_fts(rowid, path, project, outside_text) VALUES (:source, :path, :project, :outside);

-- name: unindex_session
INSERT INTO sessions_fts(sessions_fts, rowid, title, branch, focus, body)
VALUES ('delete', :id, :title, :branch, :focus, :body);

-- name: index_session
INSERT INTO sessions_fts(rowid, title, branch, focus, body) VALUES (:id, :title, :branch, :focus, :body);

-- A new source, and a source seen before (same id, so its row ids stay).
-- Two statements rather than one upsert: INSERT ... ON CONFLICT opens a
-- statement savepoint (see above) and cost 1.7 s of an ingest of 100 MiB.
-- name: insert_source
INSERT INTO sources (path, project, content_hash, size_bytes, mtime, ingested_at, parser_version,
                     session_count, warning_count, outside_text)
VALUES (:path, :project, :hash, :size, :mtime, :ingested_at, :parser_version, :sessions, :warnings, :outside);

-- name: update_source
UPDATE sources SET project = :project, content_hash = :hash, size_bytes = :size, mtime = :mtime,
                   ingested_at = :ingested_at, parser_version = :parser_version, session_count = :sessions,
                   warning_count = :warnings, outside_text = :outside
WHERE id = :id;

-- name: touch_source
UPDATE sources SET mtime = :mtime, size_bytes = :size WHERE id = :id;

-- A source's rows are the ids (source << 32) + 1 .. + 2^32 - 1.
-- name: delete_items
DELETE FROM item_spans WHERE id BETWEEN (:source << 32) AND (:source << 32) + 4294967295;
-- name: delete_fields
DELETE FROM fields WHERE id BETWEEN (:source << 32) AND (:source << 32) + 4294967295;
-- name: delete_section_spans
DELETE FROM section_spans WHERE id BETWEEN (:source << 32) AND (:source << 32) + 4294967295;
-- name: delete_commit_refs
DELETE FROM commit_refs WHERE id BETWEEN (:source << 32) AND (:source << 32) + 4294967295;
-- name: delete_pr_refs
DELETE FROM pr_refs WHERE id BETWEEN (:source << 32) AND (:source << 32) + 4294967295;
-- name: delete_issues
DELETE FROM issues WHERE id BETWEEN (:source << 32) AND (:source << 32) + 4294967295;
-- name: delete_file_refs
DELETE FROM file_refs WHERE id BETWEEN (:source << 32) AND (:source << 32) + 4294967295;
-- name: delete_metrics
DELETE FROM metrics WHERE id BETWEEN (:source << 32) AND (:source << 32) + 4294967295;
-- name: delete_sessions
DELETE FROM sessions WHERE id BETWEEN (:source << 32) AND (:source << 32) + 4294967295;
-- name: delete_source
DELETE FROM sources WHERE id = :source;

-- name: insert_session
INSERT INTO sessions (id, source_id, ordinal, title, started_at, ended_at, local_date, date_inferred,
                      local_start, local_end, timezone, utc_offset, tz_rule, time_approx, duration_minutes,
                      duration_source, branch, focus, line_start, line_end, body)
VALUES (:id, :source, :ordinal, :title, :started_at, :ended_at, :local_date, :date_inferred,
        :local_start, :local_end, :timezone, :utc_offset, :tz_rule, :approx, :duration,
        :duration_source, :branch, :focus, :line_start, :line_end, :body);

-- The rows of sessions' parts and of references are written 16 to a
-- statement (store/prepared_write.hpp). OR FAIL, because a multi-row INSERT
-- that may ABORT opens a statement savepoint, and FTS5 would flush at each
-- one; a failure still abandons the whole source or batch, as before.
-- name: insert_section
INSERT OR FAIL INTO section_spans (id, session_id, source_id, kind, title, level, line_start, line_end, body_offset, body_bytes)
VALUES (:id, :session, :source, :kind, :title, :level, :line_start, :line_end, :offset, :bytes);

-- An item's text is NULL when it is the body slice at :offset, :bytes.
-- name: insert_item
INSERT OR FAIL INTO item_spans (id, section_id, session_id, source_id, text, body_offset, body_bytes, done, depth, line)
VALUES (:id, :section, :session, :source, :text, :offset, :bytes, :done, :depth, :line);

-- name: insert_field
INSERT OR FAIL INTO fields (id, session_id, source_id, key, value, line)
VALUES (:id, :session, :source, :key, :value, :line);

-- name: insert_commit
INSERT OR FAIL INTO commit_refs (id, source_id, session_id, sha, line, context)
VALUES (:id, :source, :session, :sha, :line, :context);

-- name: insert_pr
INSERT OR FAIL INTO pr_refs (id, source_id, session_id, number, repo, action, line, context)
VALUES (:id, :source, :session, :number, :repo, :action, :line, :context);

-- name: insert_issue
INSERT OR FAIL INTO issues (id, source_id, session_id, severity, label, title, line)
VALUES (:id, :source, :session, :severity, :label, :title, :line);

-- name: insert_file
INSERT OR FAIL INTO file_refs (id, source_id, session_id, path, action, line)
VALUES (:id, :source, :session, :path, :action, :line);

-- name: insert_metric
INSERT OR FAIL INTO metrics (id, source_id, session_id, name, value, unit, raw, line)
VALUES (:id, :source, :session, :name, :value, :unit, :raw, :line);
