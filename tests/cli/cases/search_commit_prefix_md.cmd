"$SESHDB" --db "$DB" ingest "$FIXTURES" --exclude README.md --project fixtures -q && "$SESHDB" --db "$DB" search 'commit:48ab' --color never --format md
