# Every metric name in the fixtures, with how often it was read and its latest value.
sh "$FIXTURES/../tests/cli/ingest_fixtures.sh" && "$SESHDB" --db "$DB" ask metrics --color never
