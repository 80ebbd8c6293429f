"$SESHDB" --db "$TMP/none.db" doctor
