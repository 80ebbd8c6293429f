// Versions the rest of the code compares against.
#pragma once

namespace seshdb {

inline constexpr const char* k_version = "0.1.0";

// Bumped whenever the parser's output for some input changes, so `ingest`
// re-parses every source written by an older parser. The probe_scores test
// fails when the output changes and this does not (tests/probes/README.md).
inline constexpr int k_parser_version = 18;

} // namespace seshdb
