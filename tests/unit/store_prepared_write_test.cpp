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

// Rows held and written several to a statement (the writer's small rows).
constexpr const char* k_insert_or_fail = "INSERT OR FAIL INTO t (id, name, note, score) VALUES (:id, :name, :note, :score)";

class HeldRowsTest : public PreparedWriteTest {
protected:
  std::int64_t count() { return db.execAndGet("SELECT count(*) FROM t").getInt64(); }
};

TEST_F(HeldRowsTest, WritesEveryFullGroupAtOnceAndTheRestAtFlush) {
  PreparedWrite insert(db.getHandle(), k_insert_or_fail, {":id", ":name", ":note", ":score"}, 3);
  std::string kept = "a view, not copied";
  for (int id = 1; id <= 7; ++id) {
    insert.add(id).add(id == 2 ? std::string("a temporary, copied") : std::string(kept));
    insert.add(id % 2 == 0 ? std::optional<std::string>("even") : std::nullopt).add(id * 0.5).run();
    EXPECT_EQ(count(), id / 3 * 3) << "after row " << id;
  }
  insert.add(8).add(kept).add(std::nullopt).add(std::nullopt).run();
  EXPECT_EQ(count(), 6);
  insert.flush();
  EXPECT_EQ(count(), 8);
  EXPECT_EQ(row(1), "a view, not copied|NULL|0.5");
  EXPECT_EQ(row(2), "a temporary, copied|even|1.0");
  EXPECT_EQ(row(7), "a view, not copied|NULL|3.5");
  EXPECT_EQ(row(8), "a view, not copied|NULL|NULL");
  insert.flush(); // nothing held: nothing written twice
  EXPECT_EQ(count(), 8);
}

TEST_F(HeldRowsTest, DiscardForgetsTheHeldRows) {
  PreparedWrite insert(db.getHandle(), k_insert_or_fail, {":id", ":name", ":note", ":score"}, 4);
  insert.add(1).add("one").add(std::nullopt).add(std::nullopt).run();
  insert.add(2).add("two").add(std::nullopt).add(std::nullopt).run();
  insert.discard();
  insert.add(3).add("three").add(std::nullopt).add(std::nullopt).run();
  insert.flush();
  EXPECT_EQ(count(), 1);
  EXPECT_EQ(row(3), "three|NULL|NULL");
}

TEST_F(HeldRowsTest, ARefusedRowGoesAndTheHeldOnesStay) {
  PreparedWrite insert(db.getHandle(), k_insert_or_fail, {":id", ":name", ":note", ":score"}, 4);
  insert.add(1).add("kept").add(std::nullopt).add(std::nullopt).run();
  insert.add(2).add("half");
  EXPECT_THROW(insert.run(), Fatal);
  insert.add(3).add("too").add(std::nullopt).add(std::nullopt);
  EXPECT_THROW(insert.add(9), Fatal);
  insert.add(4).add("after").add(std::nullopt).add(std::nullopt).run();
  insert.flush();
  EXPECT_EQ(count(), 2);
  EXPECT_EQ(row(1), "kept|NULL|NULL");
  EXPECT_EQ(row(4), "after|NULL|NULL");
}

TEST_F(HeldRowsTest, AConstraintFailureDropsTheGroupAndTheStatementStaysUsable) {
  PreparedWrite insert(db.getHandle(), k_insert_or_fail, {":id", ":name", ":note", ":score"}, 2);
  insert.add(1).add("first").add(std::nullopt).add(std::nullopt).run();
  insert.add(2).add("second").add(std::nullopt).add(std::nullopt).run();
  insert.add(2).add("same id").add(std::nullopt).add(std::nullopt).run();
  EXPECT_THROW(insert.add(3).add("third").add(std::nullopt).add(std::nullopt).run(), SQLite::Exception);
  insert.add(5).add("fifth").add(std::nullopt).add(std::nullopt).run();
  insert.flush();
  EXPECT_EQ(row(2), "second|NULL|NULL");
  EXPECT_EQ(row(5), "fifth|NULL|NULL");
  // OR FAIL keeps what the failed statement wrote before the failure; the
  // writer rolls the whole source or batch back after any failure.
  EXPECT_EQ(count(), 3);
}

TEST_F(HeldRowsTest, RefusesToHoldRowsForAnInsertThatMayAbort) {
  // A multi-row INSERT that may ABORT opens a statement journal, and FTS5
  // flushes its pending terms into a new segment at each one.
  EXPECT_THROW(PreparedWrite(db.getHandle(), k_insert, {":id", ":name", ":note", ":score"}, 4), Fatal);
  EXPECT_NO_THROW(PreparedWrite(db.getHandle(), k_insert, {":id", ":name", ":note", ":score"}));
}

TEST_F(HeldRowsTest, HeldRowsDoNotMakeFts5FlushItsPendingTerms) {
  db.exec("CREATE VIRTUAL TABLE f USING fts5(body)");
  db.exec("INSERT INTO f(f, rank) VALUES('automerge', 0)");
  auto segments_after = [&](int rows_per_step, const char* sql) {
    db.exec("DELETE FROM t; DELETE FROM f");
    const std::int64_t before = db.execAndGet("SELECT count(*) FROM f_data").getInt64();
    PreparedWrite insert(db.getHandle(), sql, {":id", ":name", ":note", ":score"}, rows_per_step);
    db.exec("BEGIN");
    for (int id = 1; id <= 40; ++id) {
      db.exec("INSERT INTO f(body) VALUES ('alpha beta " + std::to_string(id) + "')");
      insert.add(id).add("row").add(std::nullopt).add(std::nullopt).run();
    }
    insert.flush();
    db.exec("COMMIT");
    return db.execAndGet("SELECT count(*) FROM f_data").getInt64() - before;
  };
  const std::int64_t one_at_a_time = segments_after(1, k_insert);
  EXPECT_EQ(segments_after(4, k_insert_or_fail), one_at_a_time);
}

} // namespace
} // namespace seshdb::store
