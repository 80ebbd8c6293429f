// `seshdb doctor`: check the database and, with --repair, rebuild the FTS
// indexes and build missing secondary indexes. Opens an existing database for writing (FTS checks need it).
#include "cli/commands.hpp"
#include "seshdb/output/printer.hpp"
#include "seshdb/store/database.hpp"
#include "seshdb/store/doctor.hpp"
#include "seshdb/store/secondary_indexes.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace seshdb::cli {

namespace {

struct DoctorOptions {
  bool json = false;
  bool repair = false;
};

struct Repairs {
  std::vector<std::string> fts_rebuilt;
  std::vector<std::string> indexes_built;
};

std::string json_list(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += (i ? ", " : "") + output::json_escape(values[i]);
  }
  return out + "]";
}

void print_json(Context& ctx, const std::string& path, const store::DoctorReport& report, const Repairs& repairs) {
  std::string out = fmt::format("{{\"format_version\": {}, \"command\": \"doctor\", \"database\": {}, \"ok\": {}, "
                                "\"schema_version\": {}, \"expected_schema_version\": {}, \"integrity_problems\": [",
                                output::k_json_format_version, output::json_escape(path), report.ok(),
                                report.schema_version, report.expected_schema_version);
  for (std::size_t i = 0; i < report.integrity_problems.size(); ++i) {
    out += (i ? ", " : "") + output::json_escape(report.integrity_problems[i]);
  }
  out += "], \"fts_problems\": {";
  for (std::size_t i = 0; i < report.fts_problems.size(); ++i) {
    out += (i ? ", " : "") + output::json_escape(report.fts_problems[i].first) + ": " +
           output::json_escape(report.fts_problems[i].second);
  }
  out += "}, \"missing_indexes\": " + json_list(report.missing_indexes);
  out += ", \"repaired\": " + json_list(repairs.fts_rebuilt);
  out += ", \"built_indexes\": " + json_list(repairs.indexes_built);
  out += ", \"row_counts\": {";
  for (std::size_t i = 0; i < report.row_counts.size(); ++i) {
    out += fmt::format("{}{}: {}", i ? ", " : "", output::json_escape(report.row_counts[i].first),
                       report.row_counts[i].second);
  }
  ctx.out << out << "}}\n";
}

void print_text(Context& ctx, const std::string& path, const store::DoctorReport& report, const Repairs& repairs) {
  ctx.out << fmt::format("database:        {}\n", path);
  ctx.out << fmt::format("schema version:  {}{}\n", report.schema_version,
                         report.schema_version == report.expected_schema_version
                             ? ""
                             : fmt::format(" (expected {})", report.expected_schema_version));
  ctx.out << fmt::format("integrity check: {}\n", report.integrity_problems.empty() ? "ok" : "FAILED");
  for (const auto& problem : report.integrity_problems) {
    ctx.out << "  " << problem << '\n';
  }
  ctx.out << fmt::format("fts indexes:     {}\n", report.fts_problems.empty() ? "ok" : "FAILED");
  for (const auto& [index, problem] : report.fts_problems) {
    ctx.out << fmt::format("  {}: {} (run `seshdb doctor --repair`)\n", index, problem);
  }
  if (report.missing_indexes.empty()) {
    ctx.out << "indexes:         ok\n";
  } else {
    ctx.out << fmt::format("indexes:         {} missing: {} (run `seshdb doctor --repair`, or any ingest)\n",
                           report.missing_indexes.size(), fmt::join(report.missing_indexes, ", "));
  }
  for (const auto& index : repairs.fts_rebuilt) {
    ctx.out << fmt::format("repaired:        {} rebuilt from its content table\n", index);
  }
  for (const auto& index : repairs.indexes_built) {
    ctx.out << fmt::format("repaired:        index {} built\n", index);
  }
  ctx.out << "rows:\n";
  for (const auto& [table, count] : report.row_counts) {
    ctx.out << fmt::format("  {:<14} {:>10}\n", table, count);
  }
  ctx.out << (report.ok() ? "ok\n" : "problems found\n");
}

} // namespace

void register_doctor(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<DoctorOptions>();
  auto* command = app.add_subcommand(
      "doctor", "Check the database: schema version, integrity, FTS and other indexes, row counts (--repair fixes them)");
  command->add_flag("--json", options->json, "Print the report as JSON");
  command->add_flag("--repair", options->repair, "Rebuild the FTS indexes from their tables and build missing indexes, then check again");
  command->callback([&ctx, options] {
    const auto path = ctx.db_path();
    auto db = store::open_database(path, store::OpenMode::read_write);
    Repairs repairs;
    if (options->repair) {
      repairs.indexes_built = store::create_missing_indexes(*db);
      repairs.fts_rebuilt = store::rebuild_fts_indexes(*db);
    }
    const auto report = store::check_database(*db);
    if (options->json) {
      print_json(ctx, path.string(), report, repairs);
    } else {
      print_text(ctx, path.string(), report, repairs);
    }
    if (!report.ok()) {
      ctx.exit = ExitCode::database;
    }
  });
}

} // namespace seshdb::cli
