#!/bin/sh
# Builds the database the canned-question golden tests ask: the fixtures as
# three projects, so per-project answers have something to tell apart.
set -e
"$SESHDB" --db "$DB" ingest "$FIXTURES/journal-sessions.md" --project inventory -q
"$SESHDB" --db "$DB" ingest "$FIXTURES/tasks-and-tables.md" --project queue -q
"$SESHDB" --db "$DB" ingest "$FIXTURES" --exclude README.md --exclude journal-sessions.md \
  --exclude tasks-and-tables.md --project misc -q
