# lint: the sessions of each file with date, times, zone and the rule that
# chose it, duration and its source, branch; a year taken from a neighbour
# says so; the malformed file's warnings come with file:line.
"$SESHDB" lint "$FIXTURES/dev-journal-month-names.md" "$FIXTURES/start-end-log.md" "$FIXTURES/malformed.md"
