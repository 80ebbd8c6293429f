"$SESHDB" --db "$DB" search merged
