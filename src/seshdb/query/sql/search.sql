-- Statements of `seshdb search` (src/seshdb/query/search.cpp). Filters are
-- optional parameters: NULL means "not filtered". Ranking is bm25 with the
-- title weighted 10, focus 5, branch 3, body 1; ties go to the newest.

-- name: rank_sessions
SELECT s.id, bm25(sessions_fts, 10.0, 3.0, 5.0, 1.0) AS score
FROM sessions_fts
JOIN sessions s ON s.id = sessions_fts.rowid
JOIN sources src ON src.id = s.source_id
WHERE sessions_fts MATCH :match
  AND (:branch IS NULL OR s.branch LIKE :branch ESCAPE '\')
  AND (:project IS NULL OR src.project LIKE :project ESCAPE '\')
  AND (:since IS NULL OR s.local_date >= :since)
  AND (:until IS NULL OR s.local_date <= :until)
  AND (:section IS NULL OR EXISTS (SELECT 1 FROM section_spans sp WHERE sp.session_id = s.id AND sp.kind = :section))
  AND (:severity IS NULL OR EXISTS (SELECT 1 FROM issues i WHERE i.session_id = s.id AND i.severity = :severity))
  AND (:pr IS NULL OR EXISTS (SELECT 1 FROM pr_refs p WHERE p.session_id = s.id AND p.number = :pr))
  AND (:commit IS NULL OR EXISTS (SELECT 1 FROM commit_refs c WHERE c.session_id = s.id AND c.sha LIKE :commit || '%'))
  AND (:file IS NULL OR EXISTS (SELECT 1 FROM file_refs f WHERE f.session_id = s.id AND instr(f.path, :file) > 0))
ORDER BY
  CASE WHEN :sort = 'relevance' THEN score END ASC,
  CASE WHEN :sort = 'oldest' THEN coalesce(s.started_at, s.local_date) END ASC,
  coalesce(s.started_at, s.local_date) DESC,
  s.id DESC
LIMIT :limit OFFSET :offset;

-- Ranking on the index alone, for a relevance search with no filters: no
-- join per match (the caller takes a few more than it shows and breaks bm25
-- ties by recency itself). Measured on 100 MB: 45 ms with the joins, 19 without.
-- name: rank_sessions_unfiltered
SELECT rowid, bm25(sessions_fts, 10.0, 3.0, 5.0, 1.0) AS score
FROM sessions_fts
WHERE sessions_fts MATCH :match
ORDER BY score
LIMIT :limit OFFSET :offset;

-- The same with each hit's snippet, for prefix queries: expanding frob* is
-- what costs, and a second MATCH (session_snippets) would expand it again
-- (100 MB: 45 ms -> 29 ms). For plain words a snippet for every match costs
-- more than the second MATCH over the few hits shown, so they rank plainly.
-- name: rank_sessions_unfiltered_snippet
SELECT rowid, bm25(sessions_fts, 10.0, 3.0, 5.0, 1.0) AS score,
       snippet(sessions_fts, -1, char(1), char(2), '…', 14)
FROM sessions_fts
WHERE sessions_fts MATCH :match
ORDER BY score
LIMIT :limit OFFSET :offset;

-- name: count_sessions
SELECT count(*)
FROM sessions_fts
JOIN sessions s ON s.id = sessions_fts.rowid
JOIN sources src ON src.id = s.source_id
WHERE sessions_fts MATCH :match
  AND (:branch IS NULL OR s.branch LIKE :branch ESCAPE '\')
  AND (:project IS NULL OR src.project LIKE :project ESCAPE '\')
  AND (:since IS NULL OR s.local_date >= :since)
  AND (:until IS NULL OR s.local_date <= :until)
  AND (:section IS NULL OR EXISTS (SELECT 1 FROM section_spans sp WHERE sp.session_id = s.id AND sp.kind = :section))
  AND (:severity IS NULL OR EXISTS (SELECT 1 FROM issues i WHERE i.session_id = s.id AND i.severity = :severity))
  AND (:pr IS NULL OR EXISTS (SELECT 1 FROM pr_refs p WHERE p.session_id = s.id AND p.number = :pr))
  AND (:commit IS NULL OR EXISTS (SELECT 1 FROM commit_refs c WHERE c.session_id = s.id AND c.sha LIKE :commit || '%'))
  AND (:file IS NULL OR EXISTS (SELECT 1 FROM file_refs f WHERE f.session_id = s.id AND instr(f.path, :file) > 0));

-- Sessions by filters and substrings alone: for queries with no words, for
-- CJK text (unicode61 keeps a run of CJK characters as one token) and for
-- fragments of code-ish tokens the word index does not hold.
-- name: scan_sessions
SELECT s.id, 0.0 AS score
FROM sessions s
JOIN sources src ON src.id = s.source_id
WHERE (:needle1 IS NULL OR instr(lower(s.title || char(10) || s.body), lower(:needle1)) > 0)
  AND (:needle2 IS NULL OR instr(lower(s.title || char(10) || s.body), lower(:needle2)) > 0)
  AND (:needle3 IS NULL OR instr(lower(s.title || char(10) || s.body), lower(:needle3)) > 0)
  AND (:branch IS NULL OR s.branch LIKE :branch ESCAPE '\')
  AND (:project IS NULL OR src.project LIKE :project ESCAPE '\')
  AND (:since IS NULL OR s.local_date >= :since)
  AND (:until IS NULL OR s.local_date <= :until)
  AND (:section IS NULL OR EXISTS (SELECT 1 FROM section_spans sp WHERE sp.session_id = s.id AND sp.kind = :section))
  AND (:severity IS NULL OR EXISTS (SELECT 1 FROM issues i WHERE i.session_id = s.id AND i.severity = :severity))
  AND (:pr IS NULL OR EXISTS (SELECT 1 FROM pr_refs p WHERE p.session_id = s.id AND p.number = :pr))
  AND (:commit IS NULL OR EXISTS (SELECT 1 FROM commit_refs c WHERE c.session_id = s.id AND c.sha LIKE :commit || '%'))
  AND (:file IS NULL OR EXISTS (SELECT 1 FROM file_refs f WHERE f.session_id = s.id AND instr(f.path, :file) > 0))
ORDER BY
  CASE WHEN :sort = 'oldest' THEN coalesce(s.started_at, s.local_date) END ASC,
  coalesce(s.started_at, s.local_date) DESC,
  s.id DESC
LIMIT :limit OFFSET :offset;

-- name: session_details
SELECT s.id, s.local_date, s.local_start, src.project, s.branch, s.title, src.path, s.line_start, s.body,
       coalesce(s.started_at, s.local_date) AS recency
FROM sessions s JOIN sources src ON src.id = s.source_id
WHERE s.id = :id;

-- A snippet for every hit shown, in one pass: a MATCH per hit would expand
-- a prefix query (frob*) once per hit. :ids is a JSON array of session ids.
-- name: session_snippets
SELECT rowid, snippet(sessions_fts, -1, char(1), char(2), '…', 14)
FROM sessions_fts
WHERE sessions_fts MATCH :match AND rowid IN (SELECT value FROM json_each(:ids));

-- The same with the whole body marked, for --all-hits (one row per section
-- holding a match).
-- name: session_highlights
SELECT rowid, snippet(sessions_fts, -1, char(1), char(2), '…', 14), highlight(sessions_fts, 3, char(1), char(2))
FROM sessions_fts
WHERE sessions_fts MATCH :match AND rowid IN (SELECT value FROM json_each(:ids));

-- name: session_sections
SELECT title, kind, line_start, line_end FROM section_spans WHERE session_id = :id ORDER BY line_start;

-- Text outside every session (preambles, footers, files without sessions).
-- name: rank_outside
SELECT src.id, src.path, src.project, bm25(sources_fts, 0.0, 0.0, 1.0) AS score,
       snippet(sources_fts, 2, char(1), char(2), '…', 14), highlight(sources_fts, 2, char(1), char(2))
FROM sources_fts JOIN sources src ON src.id = sources_fts.rowid
WHERE sources_fts MATCH :match
  AND (:project IS NULL OR src.project LIKE :project ESCAPE '\')
ORDER BY score
LIMIT :limit;
