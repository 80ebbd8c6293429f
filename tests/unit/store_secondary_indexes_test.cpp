// Which indexes a first load drops and builds at its end, and which it keeps
// while it writes: those whose keys arrive in ascending order (session_id).
#include "seshdb/store/migrations.hpp"
#include "seshdb/store/secondary_indexes.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace seshdb::store {
namespace {

std::vector<std::string> names(const std::vector<IndexDefinition>& indexes) {
  std::vector<std::string> out;
  for (const auto& index : indexes) {
    out.push_back(index.name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(SecondaryIndexes, ALoadDropsTheIndexesOfUnorderedKeysAndKeepsTheSessionOnes) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  migrate(db);
  drop_secondary_indexes(db);
  const auto dropped = names(missing_indexes(db));
  EXPECT_EQ(dropped, (std::vector<std::string>{"commit_refs_sha", "file_refs_path", "issues_severity", "metrics_name",
                                                "pr_refs_number", "sessions_branch", "sessions_local_date"}));
  for (const auto& index : schema_indexes()) {
    const bool kept = std::find(dropped.begin(), dropped.end(), index.name) == dropped.end();
    EXPECT_EQ(kept, index.sql.find("(session_id)") != std::string::npos) << index.sql;
  }
  EXPECT_EQ(create_missing_indexes(db), dropped);
  EXPECT_TRUE(missing_indexes(db).empty());
}

} // namespace
} // namespace seshdb::store
