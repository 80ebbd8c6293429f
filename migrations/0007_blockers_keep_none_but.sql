-- seshdb schema, version 7: v_blockers no longer hides blockers that open with "None".
--
-- The view marked an item standing only when its text did not start with
-- "none" and was not "n/a" or "-", which kept "- None" from counting as a
-- blocker. Since parser version 3 such placeholder items are not stored at
-- all, and the items that remain are real blockers even when they open with
-- the word: "None, but CI is flaky and blocks merges", "None (except the
-- e2e test, #42)". The text test now hid exactly those, so it goes. (A
-- database last written by parser version 2 keeps its "None" items until
-- the next ingest re-parses it, which a new parser version does by itself.)

DROP VIEW v_blockers;
CREATE VIEW v_blockers AS
SELECT b.item_id, b.local_date, b.project, b.branch, b.session_title, b.text, b.path, b.line, b.session_id,
       (b.session_id = (SELECT s.id FROM section_spans sp
                         JOIN sessions s ON s.id = sp.session_id
                         JOIN sources src ON src.id = s.source_id
                         WHERE sp.kind = 'blockers' AND src.project = b.project
                         ORDER BY s.local_date DESC, s.started_at DESC, s.id DESC LIMIT 1)
        AND coalesce(b.done, 0) = 0) AS standing
FROM v_section_items b WHERE b.kind = 'blockers';
