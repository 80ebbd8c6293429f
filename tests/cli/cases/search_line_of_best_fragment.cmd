# path:line is the line of the snippet's first marked word (found in the body
# from the snippet); --all-hits gives one row per section with a match.
printf '# Log\n\n## Session 2025-03-01 10:00\n\nA quiet mention of the zebra, once.\n\nFiller line one.\nFiller line two.\n\n### Notes\n\n- Zebra zebra: the zebra crossing, zebra stripes.\n' | "$SESHDB" --db "$DB" ingest - --name zebra.md -q && "$SESHDB" --db "$DB" search zebra --color never && "$SESHDB" --db "$DB" search 'crossing stripes' --color never && "$SESHDB" --db "$DB" search zebra --all-hits --format tsv
