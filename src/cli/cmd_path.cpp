// `seshdb path`: the database file the other commands would use.
#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

namespace seshdb::cli {

void register_path(CLI::App& app, Context& ctx) {
  auto* command = app.add_subcommand("path", "Print the database path seshdb would use (--db, $SESHDB_DB, XDG)");
  command->callback([&ctx] { ctx.out << ctx.db_path().string() << '\n'; });
}

} // namespace seshdb::cli
