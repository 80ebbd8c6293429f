# One metric's readings, newest first: "Coverage: 81% → 84%" is two coverage
# readings, "Score: 7/10" a score; --until cuts the latest value too. A name
# no reading has says what to run.
printf '# Log\n\n## 2025-03-01\n- Coverage: 78%%\n- Score: 7/10\n\n## 2025-03-02\n- Coverage: 81%% → 84%%\n\n## 2025-03-03\n- **Test coverage**: 86%%\n- Note: 50%% of the time went to CI\n' | "$SESHDB" --db "$DB" ingest - --name coverage.md -q && "$SESHDB" --db "$DB" ask metrics --color never && "$SESHDB" --db "$DB" ask metrics '*coverage' --color never && "$SESHDB" --db "$DB" ask metrics coverage --since 2025-03-02 --format csv && "$SESHDB" --db "$DB" ask metrics --until 2025-03-01 --format csv && "$SESHDB" --db "$DB" ask metrics uptime
