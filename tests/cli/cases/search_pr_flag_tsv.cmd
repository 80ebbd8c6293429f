"$SESHDB" --db "$DB" ingest "$FIXTURES" --exclude README.md -q && "$SESHDB" --db "$DB" search --pr 41 --color never --format tsv
