"$SESHDB" --db "$DB" ingest "$FIXTURES" --exclude README.md -q && "$SESHDB" --db "$DB" search merged -l
