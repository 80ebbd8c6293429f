// The seshdb command line: parses arguments, runs one subcommand, and turns
// every error into one `seshdb: error: ...` line and a documented exit code.
#pragma once

namespace seshdb::cli {

int run(int argc, char** argv);

} // namespace seshdb::cli
