#include "cli/run.hpp"

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "seshdb/errors.hpp"
#include "seshdb/version.hpp"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <array>
#include <iostream>
#include <string_view>

namespace seshdb::cli {

namespace {

using Registrar = void (*)(CLI::App&, Context&);

struct Command {
  std::array<std::string_view, 2> names; // the subcommands the registrar adds
  Registrar add;
};

// The subcommands, in the order --help lists them.
constexpr Command k_commands[] = {
    {{"ingest"}, register_ingest}, {{"search"}, register_search}, {{"ask"}, register_ask},
    {{"sql", "schema"}, register_sql}, {{"init"}, register_init}, {{"path"}, register_path},
    {{"doctor"}, register_doctor}, {{"lint"}, register_lint},
};

// The command named on the command line: the first argument that is neither
// an option nor the value of --db. Only that command is set up, because
// building every subcommand's options (ask alone has 13 subcommands) was
// most of seshdb's start-up time, and a search is often over in 5 ms.
// Anything else (no command, --help, a typo) sets up all of them, so help
// and error messages list every command.
const Command* named_command(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--db") {
      ++i;
      continue;
    }
    if (arg.starts_with("-")) {
      continue;
    }
    for (const auto& command : k_commands) {
      for (const auto name : command.names) {
        if (!name.empty() && name == arg) {
          return &command;
        }
      }
    }
    return nullptr;
  }
  return nullptr;
}

int report(Context& ctx, const std::string& message, ExitCode code) {
  ctx.err << "seshdb: error: " << message << '\n';
  return static_cast<int>(code);
}

} // namespace

int run(int argc, char** argv) {
  Context ctx;
  CLI::App app{"seshdb: developer session logs into a SQLite database with full-text search.\n"
               "Ingest markdown logs, then search them or ask the canned questions.",
               "seshdb"};
  app.set_version_flag("--version,-V", fmt::format("seshdb {}", k_version));
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", ctx.db_flag,
                 "Database file (default: $SESHDB_DB, else $XDG_DATA_HOME/seshdb/seshdb.db, "
                 "else ~/.local/share/seshdb/seshdb.db)");
  app.footer("Exit codes: 0 success, 1 nothing found, 2 usage or input error, 3 database error.\n"
             "Run `seshdb COMMAND --help` for the options of one command.");
  if (const Command* command = named_command(argc, argv)) {
    command->add(app, ctx);
  } else {
    for (const auto& each : k_commands) {
      each.add(app, ctx);
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    ctx.out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    ctx.out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    ctx.out << app.version() << '\n';
    return 0;
  } catch (const CLI::ParseError& e) {
    // CLI11 reports help for a subcommand as a ParseError subclass too.
    if (e.get_exit_code() == 0) {
      return app.exit(e, ctx.out, ctx.err);
    }
    std::string message = e.what();
    return report(ctx, message + "; see `seshdb --help`", ExitCode::usage);
  } catch (const Error& e) {
    return report(ctx, e.what(), e.code());
  } catch (const SQLite::Exception& e) {
    return report(ctx, fmt::format("database: {}", e.what()), ExitCode::database);
  } catch (const std::exception& e) {
    return report(ctx, fmt::format("internal error: {} (please report this)", e.what()), ExitCode::database);
  }
  return static_cast<int>(ctx.exit);
}

} // namespace seshdb::cli
