sh "$FIXTURES/../tests/cli/ingest_fixtures.sh" && SESHDB_TODAY=2026-01-15 "$SESHDB" --db "$DB" ask blame fix/dlq-ack --color never
