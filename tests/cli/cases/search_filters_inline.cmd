"$SESHDB" --db "$DB" ingest "$FIXTURES" --exclude README.md --project fixtures -q && "$SESHDB" --db "$DB" search 'importer branch:feat/* since:2025-12-01' --color never
