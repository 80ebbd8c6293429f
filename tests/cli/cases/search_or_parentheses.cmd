"$SESHDB" --db "$DB" ingest "$FIXTURES" --exclude README.md -q && "$SESHDB" --db "$DB" search '(jwt OR upload) size' --color never
