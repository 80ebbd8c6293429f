sh "$FIXTURES/../tests/cli/ingest_fixtures.sh" && SESHDB_TODAY=2026-01-15 "$SESHDB" --db "$DB" ask blockers --project queue --color never
