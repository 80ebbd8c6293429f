// `seshdb sql`: raw SQL over the database, read-only unless --write.
// `seshdb schema`: the documented schema.
#include "cli/commands.hpp"
#include "seshdb/output/printer.hpp"
#include "seshdb/query/raw_sql.hpp"
#include "seshdb/store/database.hpp"
#include "seshdb/util/embedded_files.hpp"
#include "seshdb/util/files.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <iterator>

namespace seshdb::cli {

namespace {

struct SqlOptions {
  std::string statement;
  std::string file;
  std::vector<std::string> params;
  bool write = false;
  std::string format = "table";
};

std::string embedded_text(std::string_view name) {
  for (const auto& file : embedded::files()) {
    if (file.name == name) {
      return std::string(file.text);
    }
  }
  throw Fatal(fmt::format("{} is not embedded", name));
}

} // namespace

void register_sql(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SqlOptions>();
  auto* command = app.add_subcommand("sql", "Run SQL on the database (read-only unless --write); every output format");
  command->add_option("statement", o->statement, "SQL, or - to read it from stdin");
  command->add_option("--file", o->file, "Read the SQL from this file");
  command->add_option("--param,-p", o->params, "Named parameter NAME=VALUE, used as :NAME (repeatable)")
      ->allow_extra_args(false); // one value per flag, so a following path or statement is not swallowed
  command->add_flag("--write", o->write, "Allow statements that change the database");
  add_format_option(*command, o->format);
  command->footer("Examples:\n"
                  "  seshdb sql \"SELECT local_date, title FROM v_timeline ORDER BY local_date DESC LIMIT 5\"\n"
                  "  seshdb sql -p sev=P1 \"SELECT * FROM v_findings WHERE severity = :sev AND status = 'open'\"\n"
                  "`seshdb schema` documents every table and view.");
  command->callback([&ctx, o] {
    std::string sql = o->statement;
    if (!o->file.empty()) {
      std::string error;
      auto bytes = util::read_file_bytes(o->file, error);
      if (!bytes) {
        throw Error(fmt::format("{}: cannot read: {}", o->file, error));
      }
      sql = std::move(*bytes);
    } else if (sql == "-") {
      sql.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    if (sql.find_first_not_of(" \t\r\n;") == std::string::npos) {
      throw Error("sql needs a statement: seshdb sql \"SELECT ...\", --file F, or - for stdin");
    }
    std::map<std::string, std::string> params;
    for (const auto& param : o->params) {
      const auto eq = param.find('=');
      if (eq == std::string::npos || eq == 0) {
        throw Error(fmt::format("--param {}: write NAME=VALUE", param));
      }
      params[param.substr(0, eq)] = param.substr(eq + 1);
    }
    const auto format = resolve_format(o->format);
    auto db = store::open_database(ctx.db_path(), o->write ? store::OpenMode::read_write : store::OpenMode::read_only);
    const auto results = query::run_sql(*db, sql, params, o->write);
    bool any_rows = false;
    bool first = true;
    for (const auto& result : results) {
      if (!result.returns_rows) {
        if (o->write) {
          ctx.err << fmt::format("seshdb: {} row(s) changed\n", result.changes);
        }
        continue;
      }
      if (!first && format == output::Format::table) {
        ctx.out << '\n';
      }
      first = false;
      any_rows |= !result.table.rows.empty();
      output::print(ctx.out, result.table, print_options(format, "sql"));
    }
    ctx.exit = any_rows || o->write ? ExitCode::ok : ExitCode::not_found;
  });

  auto schema_sql = std::make_shared<bool>(false);
  auto* schema = app.add_subcommand("schema", "Print the documented schema (every table, view and column); --sql for DDL");
  schema->add_flag("--sql", *schema_sql, "Print the schema as SQL (schema/current.sql)");
  schema->callback([&ctx, schema_sql] {
    ctx.out << embedded_text(*schema_sql ? "schema/current.sql" : "docs/schema.md");
  });
}

} // namespace seshdb::cli
