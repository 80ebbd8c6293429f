"$SESHDB" --db "$DB" ingest "$FIXTURES" --exclude README.md --project fixtures -q && "$SESHDB" --db "$DB" search 'NEAR(bulk importer, 3)' --fts --color never --format json --limit 2
