# lint --refs lists the references found; --json gives one object per file.
"$SESHDB" lint --refs "$FIXTURES/single-session-date-field.md" && "$SESHDB" lint --json "$FIXTURES/chinese-log.md"
