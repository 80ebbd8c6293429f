// What every subcommand gets: the global options, where to write, and where
// to put its exit code. Only the CLI reads the environment; the core never does.
#pragma once

#include "seshdb/errors.hpp"
#include "seshdb/output/printer.hpp"

#include <filesystem>
#include <iostream>
#include <string>

namespace CLI {
class App;
}

namespace seshdb::cli {

struct Context {
  std::string db_flag;  // --db, empty when not given
  ExitCode exit = ExitCode::ok;
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;

  // --db, else $SESHDB_DB, else $XDG_DATA_HOME/seshdb/seshdb.db,
  // else ~/.local/share/seshdb/seshdb.db.
  std::filesystem::path db_path() const;
};

// Prints `path:line: message` style warnings and notes to stderr.
void warn(Context& ctx, const std::string& message);

// Adds --format (table|json|jsonl|csv|tsv|md) to a subcommand.
void add_format_option(CLI::App& command, std::string& format);
output::Format resolve_format(const std::string& format);

// Printer options for stdout: long table cells are cut only on a terminal;
// piped output keeps every character.
output::PrintOptions print_options(output::Format format, std::string command);

} // namespace seshdb::cli
