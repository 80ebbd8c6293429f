"$SESHDB" --help
