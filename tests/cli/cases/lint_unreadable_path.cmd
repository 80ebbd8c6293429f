# A path that does not exist: one error line, exit 2, the other file still read.
"$SESHDB" lint "$FIXTURES/no-such-log.md" "$FIXTURES/start-end-log.md"
