"$SESHDB" ask --list
