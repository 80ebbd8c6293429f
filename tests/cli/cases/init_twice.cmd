"$SESHDB" --db "$DB" init && "$SESHDB" --db "$DB" init
