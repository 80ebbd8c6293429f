// One function per subcommand, each in its own cmd_<name>.cpp. Each adds its
// subcommand to the app, declares how it opens the database, and sets the
// callback that runs it.
#pragma once

#include "cli/context.hpp"

namespace CLI {
class App;
}

namespace seshdb::cli {

void register_init(CLI::App& app, Context& ctx);
void register_path(CLI::App& app, Context& ctx);
void register_doctor(CLI::App& app, Context& ctx);
void register_lint(CLI::App& app, Context& ctx);
void register_ingest(CLI::App& app, Context& ctx);
void register_search(CLI::App& app, Context& ctx);
void register_ask(CLI::App& app, Context& ctx);
void register_sql(CLI::App& app, Context& ctx);

} // namespace seshdb::cli
