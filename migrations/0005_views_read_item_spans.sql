-- seshdb schema, version 5: the question views read item_spans directly.
--
-- Since version 4, `items` cuts an item's text out of its session's body in a
-- subquery per row. v_section_items and v_findings already join the session,
-- so they now cut the text from the row they hold. v_findings also tests the
-- rare condition first (the finding's title inside the item) and only then
-- whether the item is done or says fixed/resolved, so the text is cut about
-- once per item rather than three times. Same columns, same rows: on the
-- 10 MiB benchmark corpus `seshdb ask findings` went from 2.7 s (1.45 s
-- before version 4) to the figure in docs/benchmarks.md. v_decisions,
-- v_next_steps and v_blockers read v_section_items by name and need no change.

DROP VIEW v_section_items;
CREATE VIEW v_section_items AS
SELECT it.id AS item_id, sp.kind, sp.title AS section_title,
       coalesce(it.text, CAST(substr(CAST(s.body AS BLOB), it.body_offset + 1, it.body_bytes) AS TEXT)) AS text,
       it.done, it.depth, it.line,
       s.id AS session_id, s.local_date, s.started_at, src.project, s.branch, s.title AS session_title, src.path
FROM item_spans it
JOIN section_spans sp ON sp.id = it.section_id
JOIN sessions s ON s.id = it.session_id
JOIN sources src ON src.id = s.source_id;

DROP VIEW v_findings;
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

-- completed_in: among equally early work items the lowest item id, so the
-- answer no longer depends on the order SQLite happens to scan them in
-- (`seshdb ask next-steps` computes the same rule without the view, see
-- src/seshdb/query/step_completion.hpp).
DROP VIEW v_next_steps;
CREATE VIEW v_next_steps AS
SELECT n.item_id, n.local_date, n.project, n.branch, n.session_title, n.text, n.done, n.path, n.line, n.session_id,
       (n.session_id IN (SELECT session_id FROM v_latest_sessions)) AS latest,
       (SELECT w.session_id FROM v_section_items w
         WHERE w.kind = 'work_completed' AND w.project = n.project AND w.local_date > n.local_date
           AND length(n.text) >= 8 AND instr(lower(w.text), lower(n.text)) > 0
         ORDER BY w.local_date, w.item_id LIMIT 1) AS completed_in
FROM v_section_items n WHERE n.kind = 'next_steps';
