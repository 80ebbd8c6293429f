"$SESHDB" --version
