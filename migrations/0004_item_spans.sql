-- seshdb schema, version 4: list item text is a span of its session's body.
--
-- Most list items are a verbatim slice of one body line ("- Fixed the parser"
-- -> "Fixed the parser"), so storing their text again doubled the body: on the
-- 100 MiB benchmark corpus items took 110 MiB of a 458 MiB database. Like
-- sections, an item now stores where its text sits in the body; text is kept
-- only when it differs from the slice (inline markup or entities removed).
-- `items` becomes a view with the same columns as the table it replaces, so
-- queries written against it keep working.
--
-- Rows already in the database keep their text (body_offset NULL); the next
-- `seshdb ingest --force` stores them as spans.

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

INSERT INTO item_spans (id, section_id, session_id, source_id, text, done, depth, line)
SELECT id, section_id, session_id, source_id, text, done, depth, line FROM items;

DROP INDEX items_session;
DROP TABLE items;
CREATE INDEX item_spans_session ON item_spans(session_id);

-- The text is cut from the body only when a query reads it: a subquery, not a
-- join, so counting or filtering items never touches the sessions table.
CREATE VIEW items AS
SELECT it.id, it.section_id, it.session_id, it.source_id,
       coalesce(it.text,
                (SELECT CAST(substr(CAST(s.body AS BLOB), it.body_offset + 1, it.body_bytes) AS TEXT)
                 FROM sessions s WHERE s.id = it.session_id)) AS text,
       it.done, it.depth, it.line
FROM item_spans it;
