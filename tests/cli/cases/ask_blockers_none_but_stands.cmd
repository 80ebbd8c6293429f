# "- None, but CI is flaky" names a blocker: it stands. A bare "- None" is no item.
printf '# P\n\n## 2025-03-07 Session 1\n\n### Blockers\n- Staging DB locked by migration\n\n## 2025-03-08 Session 2\n\n### Blockers\n- None, but CI is flaky and blocks merges\n- None\n' | "$SESHDB" --db "$DB" ingest - --name p.md -q && "$SESHDB" --db "$DB" ask blockers --color never
