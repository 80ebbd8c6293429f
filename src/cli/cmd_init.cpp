// `seshdb init`: create the database (or upgrade its schema) and say where it is.
#include "cli/commands.hpp"
#include "seshdb/store/database.hpp"
#include "seshdb/store/migrations.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace seshdb::cli {

void register_init(CLI::App& app, Context& ctx) {
  auto* command = app.add_subcommand("init", "Create the database, or bring its schema up to date");
  command->callback([&ctx] {
    const auto path = ctx.db_path();
    auto db = store::open_database(path, store::OpenMode::create);
    ctx.out << fmt::format("{}: ready, schema version {}\n", path.string(), store::schema_version(*db));
  });
}

} // namespace seshdb::cli
