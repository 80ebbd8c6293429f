"$SESHDB" --db "$DB" ingest "$FIXTURES" --exclude README.md --project fixtures -q && "$SESHDB" --db "$DB" search '"bulk importer"' --color never
