-- seshdb schema, version 6: v_metrics, the view behind `seshdb ask metrics`,
-- and v_blockers finds the latest session that lists blockers by its section.
--
-- v_metrics: every metric reading with the session and file it came from, so
-- a trend ("how did coverage move?") is one query from any SQLite client. A
-- reading outside every session has no date, branch or session title.
--
-- v_blockers: a blocker stands when it is in the latest session of its
-- project that lists blockers. That session was found among the blocker
-- items, and parser version 3 no longer stores "- None" as an item, so a
-- session whose "### Blockers" says only "- None" did not count and an older
-- blocker stood again. It is now found among the blockers sections.

CREATE VIEW v_metrics AS
SELECT m.id AS metric_id, m.name, m.value, m.unit, m.raw, s.local_date, src.project, s.branch,
       s.title AS session_title, m.session_id, src.path, m.line
FROM metrics m
LEFT JOIN sessions s ON s.id = m.session_id
JOIN sources src ON src.id = m.source_id;

DROP VIEW v_blockers;
CREATE VIEW v_blockers AS
SELECT b.item_id, b.local_date, b.project, b.branch, b.session_title, b.text, b.path, b.line, b.session_id,
       (b.session_id = (SELECT s.id FROM section_spans sp
                         JOIN sessions s ON s.id = sp.session_id
                         JOIN sources src ON src.id = s.source_id
                         WHERE sp.kind = 'blockers' AND src.project = b.project
                         ORDER BY s.local_date DESC, s.started_at DESC, s.id DESC LIMIT 1)
        AND coalesce(b.done, 0) = 0
        AND lower(b.text) NOT LIKE 'none%' AND lower(b.text) NOT IN ('n/a', '-')) AS standing
FROM v_section_items b WHERE b.kind = 'blockers';
