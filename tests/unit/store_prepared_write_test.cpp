// PreparedWrite: the ingest writer's statements bound by position. The names
// in the SQL are checked once, so a reordered statement fails at prepare
// time instead of writing values into the wrong columns.
#include "seshdb/errors.hpp"
#include "seshdb/store/prepared_write.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <string>

namespace seshdb::store {
namespace {

class PreparedWriteTest : public ::testing::Test {
protected:
  PreparedWriteTest() : db(":memory:", SQLite::OPEN_READWRITE) {
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT, score REAL)");
  }
  std::string row(std::int64_t id) {
    SQLite::Statement q(db, "SELECT name || '|' || coalesce(note, 'NULL') || '|' || coalesce(score, 'NULL') FROM t WHERE id = ?");
    q.bind(1, id);
    return q.executeStep() ? q.getColumn(0).getString() : "missing";
  }
  SQLite::Database db;
};

constexpr const char* k_insert = "INSERT INTO t (id, name, note, score) VALUES (:id, :name, :note, :score)";

TEST_F(PreparedWriteTest, BindsEachValueToTheParameterInItsPosition) {
  PreparedWrite insert(db.getHandle(), k_insert, {":id", ":name", ":note", ":score"});
  std::string kept = "kept without a copy";
  insert.add(std::int64_t{1}).add(kept).add(std::nullopt).add(2.5).run();
  insert.add(2).add(std::string("a temporary, copied")).add(std::optional<std::string>("n")).add(std::optional<double>()).run();
  EXPECT_EQ(row(1), "kept without a copy|NULL|2.5");
  EXPECT_EQ(row(2), "a temporary, copied|n|NULL");
}

TEST_F(PreparedWriteTest, RefusesNamesThatDoNotMatchTheSqlOrder) {
  EXPECT_THROW(PreparedWrite(db.getHandle(), k_insert, {":id", ":note", ":name", ":score"}), Fatal);
  EXPECT_THROW(PreparedWrite(db.getHandle(), k_insert, {":id", ":name", ":note"}), Fatal);
  EXPECT_THROW(PreparedWrite(db.getHandle(), k_insert, {":id", ":name", ":note", ":score", ":extra"}), Fatal);
}

TEST_F(PreparedWriteTest, RefusesARowWithTooFewOrTooManyValues) {
  PreparedWrite insert(db.getHandle(), k_insert, {":id", ":name", ":note", ":score"});
  insert.add(1).add("x");
  EXPECT_THROW(insert.run(), Fatal);
  // The statement is usable again after the refusal.
  insert.add(1).add("x").add(std::nullopt).add(1.0).run();
  EXPECT_EQ(row(1), "x|NULL|1.0");
  insert.add(2).add("y").add(std::nullopt).add(1.0);
  EXPECT_THROW(insert.add(5), Fatal);
  // The half-bound row is abandoned, not written.
  insert.add(3).add("z").add(std::nullopt).add(2.0).run();
  EXPECT_EQ(row(2), "missing");
  EXPECT_EQ(row(3), "z|NULL|2.0");
}

TEST_F(PreparedWriteTest, ReportsAConstraintFailureAsAnSqliteErrorAndStaysUsable) {
  PreparedWrite insert(db.getHandle(), k_insert, {":id", ":name", ":note", ":score"});
  insert.add(1).add("first").add(std::nullopt).add(std::nullopt).run();
  insert.add(1).add("same id").add(std::nullopt).add(std::nullopt);
  EXPECT_THROW(insert.run(), SQLite::Exception);
  insert.add(2).add("second").add(std::nullopt).add(std::nullopt).run();
  EXPECT_EQ(row(1), "first|NULL|NULL");
  EXPECT_EQ(row(2), "second|NULL|NULL");
}

} // namespace
} // namespace seshdb::store
