-- seshdb schema, version 3: FTS5 settings for bulk ingest.
--
-- These are stock FTS5 configuration options (stored in sessions_fts_config;
-- any SQLite with FTS5 reads them), not a schema change. Measured on the
-- 100 MiB benchmark corpus, indexing every session in one transaction:
--   defaults (1 MiB pending terms, automerge 4, crisismerge 16)   2.76 s
--   hashsize 4 MiB, automerge 16, crisismerge 64                  1.83 s
-- with the same index size (73 MiB) and the same query times (rare word,
-- common word, phrase). A larger in-memory hash means fewer, larger level-0
-- segments; a higher automerge merges them in bigger, rarer steps. The cost
-- is up to 4 MiB more memory while ingesting.
INSERT INTO sessions_fts(sessions_fts, rank) VALUES('hashsize', 4194304);
INSERT INTO sessions_fts(sessions_fts, rank) VALUES('automerge', 16);
INSERT INTO sessions_fts(sessions_fts, rank) VALUES('crisismerge', 64);
