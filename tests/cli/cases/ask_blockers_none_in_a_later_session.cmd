# A later session whose blockers section says only "- None" ends the earlier
# blocker: the latest session that lists blockers is found by its section.
printf '# P\n\n## 2025-03-07 Session 1\n\n### Blockers\n- Staging DB locked by migration\n\n## 2025-03-08 Session 2\n\n### Blockers\n- None\n' | "$SESHDB" --db "$DB" ingest - --name p.md -q && "$SESHDB" --db "$DB" ask blockers --all --color never && "$SESHDB" --db "$DB" ask blockers
