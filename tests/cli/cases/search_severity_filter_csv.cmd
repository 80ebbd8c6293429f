"$SESHDB" --db "$DB" ingest "$FIXTURES" --exclude README.md --project fixtures -q && "$SESHDB" --db "$DB" search 'severity:P1' --color never --format csv
