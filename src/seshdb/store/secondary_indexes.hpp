// The secondary indexes of the schema: every CREATE INDEX the migrations run
// (not the indexes SQLite makes for UNIQUE constraints). A bulk load into an
// empty database drops them and builds each once at the end, which is several
// times cheaper than keeping 15 indexes up to date row by row. If that load
// is killed, the rows it committed are complete and only the indexes are
// missing; the next ingest, or `seshdb doctor --repair`, builds them.
// So a future migration that drops one of these indexes must say
// DROP INDEX IF EXISTS: the database it upgrades may lack it.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>
#include <vector>

namespace seshdb::store {

struct IndexDefinition {
  std::string name;
  std::string sql; // the CREATE INDEX statement, as the migrations wrote it
};

// The indexes of the latest schema, read from the migrations applied to an
// in-memory database (so there is no second list to keep in step).
const std::vector<IndexDefinition>& schema_indexes();

// Indexes of the latest schema that this database lacks.
std::vector<IndexDefinition> missing_indexes(SQLite::Database& db);

// True for an index whose keys a load writes in ascending order (the
// session_id indexes), which is cheaper kept than rebuilt: callgrind, first
// ingest of 57 files of c10, 78 M instructions less to build the rest at the
// end for 51 M more to keep these while writing.
bool keys_arrive_in_order(const IndexDefinition& index);

// Drops the secondary indexes of the schema that a load had better build at
// its end (all but those keys_arrive_in_order). Call it inside the
// transaction that starts the bulk load, so a kill before the first commit
// leaves them in place.
void drop_secondary_indexes(SQLite::Database& db);

// Creates the missing ones in one transaction; returns their names.
std::vector<std::string> create_missing_indexes(SQLite::Database& db);

} // namespace seshdb::store
