sh "$FIXTURES/../tests/cli/ingest_fixtures.sh" && SESHDB_TODAY=2026-01-15 "$SESHDB" --db "$DB" ask timeline --project inventory --since 2025-12-01 --format json
