// Parser throughput: reads every log under a folder into memory, then parses
// all of them on one thread, several rounds, and prints MB/s (best round).
// Not a test: bench/run calls it beside the ingest figures.
//   bench_parse_throughput DIR [ROUNDS]
#include "seshdb/parse/session_log_parser.hpp"
#include "seshdb/util/files.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [ROUNDS]\n", argv[0]);
    return 2;
  }
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") {
      continue;
    }
    std::string error;
    if (auto text = seshdb::util::read_file_bytes(entry.path(), error)) {
      bytes += text->size();
      texts.push_back(std::move(*text));
    }
  }
  double best = 0;
  std::size_t sessions = 0;
  for (int round = 0; round < rounds; ++round) {
    sessions = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& text : texts) {
      sessions += seshdb::parse::parse_session_log(text).sessions.size();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::max(best, static_cast<double>(bytes) / 1e6 / seconds);
  }
  std::printf("parsed %zu files, %.1f MB, %zu sessions: %.1f MB/s on one core (best of %d)\n", texts.size(),
              static_cast<double>(bytes) / 1e6, sessions, best, rounds);
  return 0;
}
