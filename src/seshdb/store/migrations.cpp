#include "seshdb/store/migrations.hpp"

#include "seshdb/errors.hpp"
#include "seshdb/util/embedded_files.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace seshdb::store {

namespace {

constexpr std::string_view k_prefix = "migrations/";

std::vector<Migration> load_migrations() {
  std::vector<Migration> result;
  for (const auto& file : embedded::files()) {
    if (!file.name.starts_with(k_prefix)) {
      continue;
    }
    const auto base = file.name.substr(k_prefix.size());
    int version = 0;
    const auto [end, ec] = std::from_chars(base.data(), base.data() + base.size(), version);
    if (ec != std::errc{} || end == base.data() || version <= 0) {
      throw Fatal(fmt::format("embedded migration '{}' does not start with a number", file.name));
    }
    result.push_back({version, base, file.text});
  }
  std::sort(result.begin(), result.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (std::size_t i = 0; i < result.size(); ++i) {
    if (result[i].version != static_cast<int>(i) + 1) {
      throw Fatal(fmt::format("migrations are not numbered 1..N without gaps at '{}'", result[i].name));
    }
  }
  return result;
}

} // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> k_migrations = load_migrations();
  return k_migrations;
}

int latest_schema_version() {
  return migrations().empty() ? 0 : migrations().back().version;
}

int schema_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

void check_not_newer(SQLite::Database& db, std::string_view path) {
  const int found = schema_version(db);
  if (found > latest_schema_version()) {
    throw DatabaseError(fmt::format(
        "{}: database schema version {} is newer than this seshdb understands ({}); "
        "upgrade seshdb or point --db at another database",
        path, found, latest_schema_version()));
  }
}

int migrate(SQLite::Database& db) {
  int applied = 0;
  for (const auto& migration : migrations()) {
    // Re-read inside the transaction: another process may have migrated
    // between our check and taking the write lock.
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    const int current = schema_version(db);
    if (current > latest_schema_version()) {
      check_not_newer(db, db.getFilename());
    }
    if (current >= migration.version) {
      continue;
    }
    db.exec(std::string(migration.sql));
    db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
    transaction.commit();
    ++applied;
  }
  return applied;
}

} // namespace seshdb::store
