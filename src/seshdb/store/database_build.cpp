#include "seshdb/store/database_build.hpp"

#include "seshdb/errors.hpp"
#include "seshdb/store/database.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <system_error>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

namespace seshdb::store {

namespace fs = std::filesystem;

namespace {

std::string build_prefix(const fs::path& target) {
  return target.filename().string() + ".building-";
}

fs::path folder_of(const fs::path& target) {
  return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

// The pid in "<db>.building-<pid>" or "<db>.building-<pid>-journal".
std::optional<long> pid_in(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix)) {
    return std::nullopt;
  }
  name.remove_prefix(prefix.size());
  long pid = 0;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), pid);
  const std::string_view rest(end, static_cast<std::size_t>(name.data() + name.size() - end));
  if (ec != std::errc() || pid <= 0 || !(rest.empty() || rest == "-journal")) {
    return std::nullopt;
  }
  return pid;
}

bool running(long pid) {
  return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

void sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

void remove_build_files(const fs::path& path) {
  std::error_code ec;
  fs::remove(path, ec);
  fs::remove(path.string() + "-journal", ec);
}

// Moves `from` to `to` unless `to` exists. False when it does.
bool move_unless_exists(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) {
    return true;
  }
  if (errno == EEXIST) {
    return false;
  }
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) {
    throw std::system_error(errno, std::generic_category());
  }
  // A file system without RENAME_NOREPLACE: a hard link fails on an existing
  // name just the same.
  if (::link(from.c_str(), to.c_str()) != 0) {
    if (errno == EEXIST) {
      return false;
    }
    throw std::system_error(errno, std::generic_category());
  }
  std::error_code ec;
  fs::remove(from, ec);
  return true;
}

bool is_plain_file_name(const std::string& name) {
  return !name.empty() && name != ":memory:" && !name.starts_with("file:");
}

} // namespace

std::optional<long> building_pid(const fs::path& target) {
  const std::string prefix = build_prefix(target);
  std::error_code ec;
  for (fs::directory_iterator it(folder_of(target), ec), end; !ec && it != end; it.increment(ec)) {
    const auto pid = pid_in(it->path().filename().string(), prefix);
    if (pid && running(*pid)) {
      return pid;
    }
  }
  return std::nullopt;
}

std::unique_ptr<DatabaseBuild> DatabaseBuild::begin_if_new(const fs::path& target) {
  std::error_code ec;
  if (!is_plain_file_name(target.string()) || fs::exists(target, ec) || ec ||
      fs::exists(target.string() + "-wal", ec)) {
    return nullptr;
  }
  // Builds left by killed ingests. A live pid keeps its file, even when the
  // number has since gone to another program: better a stale file than
  // another ingest's work deleted.
  const std::string prefix = build_prefix(target);
  for (fs::directory_iterator it(folder_of(target), ec), end; !ec && it != end; it.increment(ec)) {
    const auto pid = pid_in(it->path().filename().string(), prefix);
    if (pid && !running(*pid)) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
  }
  const fs::path path = target.string() + ".building-" + std::to_string(::getpid());
  remove_build_files(path);
  return std::unique_ptr<DatabaseBuild>(new DatabaseBuild(target, path));
}

DatabaseBuild::DatabaseBuild(fs::path target, fs::path path) : m_target(std::move(target)), m_path(std::move(path)) {
  try {
    m_db = open_database(m_path, OpenMode::build);
  } catch (...) {
    remove_build_files(m_path);
    throw;
  }
}

DatabaseBuild::~DatabaseBuild() {
  m_db.reset();
  if (!m_published) {
    remove_build_files(m_path);
  }
}

bool DatabaseBuild::publish() {
  try {
    // WAL is a property of the file: readers of the published database get it.
    m_db->exec("PRAGMA journal_mode = WAL");
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(fmt::format("{}: could not finish the new database ({}); nothing was written there; run the "
                                    "same command again",
                                    m_target.string(), e.what()));
  }
  m_db.reset();
  sync_path(m_path, O_RDONLY);
  bool moved = false;
  try {
    moved = move_unless_exists(m_path, m_target);
  } catch (const std::system_error& e) {
    throw DatabaseError(fmt::format("{}: could not move the new database into place from {} ({}); nothing was written "
                                    "there; run the same command again",
                                    m_target.string(), m_path.string(), e.code().message()));
  }
  if (!moved) {
    return false;
  }
  m_published = true;
  std::error_code ec;
  fs::remove(m_path.string() + "-journal", ec);
  sync_path(folder_of(m_target), O_RDONLY | O_DIRECTORY);
  return true;
}

} // namespace seshdb::store
