#include "seshdb/store/database_build.hpp"

#include "seshdb/errors.hpp"
#include "seshdb/store/database.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
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

// The first 8 characters of the kernel's boot id: a build made under another
// boot may have lost writes that were never synced.
const std::string& boot_tag() {
  static const std::string tag = [] {
    std::FILE* file = std::fopen("/proc/sys/kernel/random/boot_id", "r");
    char id[9] = {0};
    if (file != nullptr) {
      const std::size_t n = std::fread(id, 1, 8, file);
      std::fclose(file);
      id[n] = '\0';
    }
    std::string text(id);
    for (char c : text) {
      if (!std::isxdigit(static_cast<unsigned char>(c))) {
        return std::string("0");
      }
    }
    return text.empty() ? std::string("0") : text;
  }();
  return tag;
}

struct BuildName {
  std::string boot;
  long pid = 0;
};

// "<db>.building-<boot>-<pid>"; journals ("…-journal") are not builds.
std::optional<BuildName> parse_build_name(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix) || name.ends_with("-journal")) {
    return std::nullopt;
  }
  name.remove_prefix(prefix.size());
  const auto dash = name.find('-');
  if (dash == std::string_view::npos || dash == 0) {
    return std::nullopt;
  }
  BuildName parsed;
  parsed.boot = std::string(name.substr(0, dash));
  const std::string_view digits = name.substr(dash + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), parsed.pid);
  if (ec != std::errc() || end != digits.data() + digits.size() || parsed.pid <= 0) {
    return std::nullopt;
  }
  return parsed;
}

// Whether a live ingest holds the build's flock.
bool in_use(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  const bool locked = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  return locked;
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

bool exists_in_any_form(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type() != fs::file_type::not_found; // an unreadable status counts as there
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
  if (::link(from.c_str(), to.c_str()) == 0) {
    std::error_code ec;
    fs::remove(from, ec);
    return true;
  }
  if (errno == EEXIST) {
    return false;
  }
  if (errno != EPERM && errno != ENOSYS && errno != EOPNOTSUPP) {
    throw std::system_error(errno, std::generic_category());
  }
  // Nor hard links (some FUSE and network file systems): check, then rename.
  // Another ingest finishing in between is the only way to lose its work,
  // and on such a file system nothing better is possible.
  if (exists_in_any_form(to)) {
    return false;
  }
  if (::rename(from.c_str(), to.c_str()) != 0) {
    throw std::system_error(errno, std::generic_category());
  }
  return true;
}

// The sqlite3 shell, pointed at a database that does not exist yet, leaves an
// empty file there. Nothing was written to it (any SQLite writer writes a
// page at its first commit), so the build may take its place; it does so
// under an exclusive lock, and a writer that opened the empty file meanwhile
// gets SQLITE_READONLY_DBMOVED when it tries to write, not a silent loss.
bool replace_empty_file(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  if (fs::symlink_status(to, ec).type() != fs::file_type::regular || fs::file_size(to, ec) != 0 || ec ||
      exists_in_any_form(to.string() + "-wal") || exists_in_any_form(to.string() + "-journal")) {
    return false;
  }
  try {
    SQLite::Database lock(to.string(), SQLite::OPEN_READWRITE);
    lock.exec("BEGIN EXCLUSIVE");
    if (fs::file_size(to, ec) != 0 || ec || ::rename(from.c_str(), to.c_str()) != 0) {
      lock.exec("ROLLBACK");
      return false;
    }
    lock.exec("ROLLBACK");
    return true;
  } catch (const SQLite::Exception&) {
    return false; // someone holds a lock on it: leave it to them
  }
}

bool is_plain_file_name(const std::string& name) {
  return !name.empty() && name != ":memory:" && !name.starts_with("file:");
}

// Rolls back what a killed ingest left half-done in a build (SQLite does it
// when the file is next read), so that it can be renamed without its journal.
bool settle(const fs::path& path) {
  try {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.execAndGet("SELECT count(*) FROM sqlite_schema");
  } catch (const SQLite::Exception&) {
    return false;
  }
  std::error_code ec;
  fs::remove(path.string() + "-journal", ec);
  return true;
}

} // namespace

std::optional<long> building_pid(const fs::path& target) {
  const std::string prefix = build_prefix(target);
  std::error_code ec;
  for (fs::directory_iterator it(folder_of(target), ec), end; !ec && it != end; it.increment(ec)) {
    const auto name = parse_build_name(it->path().filename().string(), prefix);
    if (name && in_use(it->path())) {
      return name->pid;
    }
  }
  return std::nullopt;
}

std::unique_ptr<DatabaseBuild> DatabaseBuild::begin_if_new(const fs::path& target) {
  std::error_code size_ec;
  const bool empty_file = fs::symlink_status(target, size_ec).type() == fs::file_type::regular &&
                          fs::file_size(target, size_ec) == 0 && !size_ec;
  if (!is_plain_file_name(target.string()) || (exists_in_any_form(target) && !empty_file) ||
      exists_in_any_form(target.string() + "-wal") || exists_in_any_form(target.string() + "-journal")) {
    return nullptr;
  }
  // Builds of dead ingests: the newest from this boot is taken over, the rest deleted.
  const std::string prefix = build_prefix(target);
  std::optional<fs::path> newest;
  fs::file_time_type newest_time{};
  std::vector<fs::path> stale;
  std::error_code ec;
  for (fs::directory_iterator it(folder_of(target), ec), end; !ec && it != end; it.increment(ec)) {
    const auto name = parse_build_name(it->path().filename().string(), prefix);
    if (!name || in_use(it->path())) {
      continue;
    }
    std::error_code time_ec;
    const auto time = fs::last_write_time(it->path(), time_ec);
    if (name->boot != boot_tag() || time_ec) {
      stale.push_back(it->path());
    } else if (!newest || time > newest_time) {
      if (newest) {
        stale.push_back(*newest);
      }
      newest = it->path();
      newest_time = time;
    } else {
      stale.push_back(it->path());
    }
  }
  for (const auto& path : stale) {
    remove_build_files(path);
  }

  const fs::path path = target.string() + ".building-" + boot_tag() + "-" + std::to_string(::getpid());
  if (newest) {
    const int fd = ::open(newest->c_str(), O_RDWR | O_CLOEXEC);
    if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      if (settle(*newest) && ::rename(newest->c_str(), path.c_str()) == 0) {
        return std::unique_ptr<DatabaseBuild>(new DatabaseBuild(target, path, fd, true));
      }
      remove_build_files(*newest);
    }
    if (fd >= 0) {
      ::close(fd);
    }
  }
  remove_build_files(path);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0 || ::flock(fd, LOCK_EX) != 0) {
    const std::string reason = std::strerror(errno);
    if (fd >= 0) {
      ::close(fd);
      remove_build_files(path);
    }
    throw DatabaseError(fmt::format("{}: cannot create the database: {} ({})", target.string(), reason, path.string()));
  }
  return std::unique_ptr<DatabaseBuild>(new DatabaseBuild(target, path, fd, false));
}

DatabaseBuild::DatabaseBuild(fs::path target, fs::path path, int lock_fd, bool resumed)
  : m_target(std::move(target)), m_path(std::move(path)), m_lock_fd(lock_fd), m_resumed(resumed) {
  try {
    m_db = open_database(m_path, OpenMode::build);
  } catch (const Error& e) {
    remove_build_files(m_path);
    ::close(m_lock_fd);
    throw DatabaseError(fmt::format("{}: cannot create the database ({})", m_target.string(), e.what()));
  }
}

DatabaseBuild::~DatabaseBuild() {
  m_db.reset(); // before the flock's descriptor: closing any descriptor of a
                // file drops the process's fcntl locks on it, SQLite's too
  ::close(m_lock_fd);
}

bool DatabaseBuild::publish() {
  try {
    // WAL is a property of the file: readers of the published database get it.
    m_db->exec("PRAGMA journal_mode = WAL");
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(fmt::format("{}: could not finish the new database ({}); what was written is kept in {}, and "
                                    "the next ingest into {} carries on from it",
                                    m_target.string(), e.what(), m_path.string(), m_target.string()));
  }
  m_db.reset();
  sync_path(m_path, O_RDONLY);
  bool moved = false;
  try {
    moved = move_unless_exists(m_path, m_target) || replace_empty_file(m_path, m_target);
  } catch (const std::system_error& e) {
    throw DatabaseError(fmt::format("{}: could not move the new database into place from {} ({}); the next ingest "
                                    "into {} carries on from it",
                                    m_target.string(), m_path.string(), e.code().message(), m_target.string()));
  }
  if (!moved) {
    remove_build_files(m_path);
    return false;
  }
  std::error_code ec;
  fs::remove(m_path.string() + "-journal", ec);
  sync_path(folder_of(m_target), O_RDONLY | O_DIRECTORY);
  return true;
}

} // namespace seshdb::store
