"$SESHDB" --db "$DB" ingest "$FIXTURES" --exclude README.md -q && "$SESHDB" --db "$DB" search 'commit:48ab' --color never --format md
