#include "cli/run.hpp"

int main(int argc, char** argv) {
  return seshdb::cli::run(argc, argv);
}
