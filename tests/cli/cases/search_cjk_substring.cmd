"$SESHDB" --db "$DB" ingest "$FIXTURES" --exclude README.md --project fixtures -q && "$SESHDB" --db "$DB" search '数据库' --color never
