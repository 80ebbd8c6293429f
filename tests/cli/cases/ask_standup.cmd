sh "$FIXTURES/../tests/cli/ingest_fixtures.sh" && SESHDB_TODAY=2026-01-15 "$SESHDB" --db "$DB" ask standup --days 60 --project inventory --color never
