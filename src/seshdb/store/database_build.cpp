#include "seshdb/store/database_build.hpp"

#include "seshdb/errors.hpp"
#include "seshdb/store/database.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <random>
#include <string_view>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
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

// "<db>.building-<boot>-<pid>-<nonce>", exactly: SQLite's "-journal",
// "-wal" and "-shm" beside a build are not builds.
std::optional<BuildName> parse_build_name(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix)) {
    return std::nullopt;
  }
  name.remove_prefix(prefix.size());
  const auto is_hex = [](std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
  };
  const auto first = name.find('-');
  const auto second = first == std::string_view::npos ? first : name.find('-', first + 1);
  if (second == std::string_view::npos || !is_hex(name.substr(0, first)) || !is_hex(name.substr(second + 1))) {
    return std::nullopt;
  }
  BuildName parsed;
  parsed.boot = std::string(name.substr(0, first));
  const std::string_view digits = name.substr(first + 1, second - first - 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), parsed.pid);
  if (ec != std::errc() || end != digits.data() + digits.size() || parsed.pid <= 0) {
    return std::nullopt;
  }
  return parsed;
}

bool same_file(int fd, const fs::path& path) {
  struct stat open_file {};
  struct stat named {};
  return ::fstat(fd, &open_file) == 0 && ::stat(path.c_str(), &named) == 0 && open_file.st_dev == named.st_dev &&
         open_file.st_ino == named.st_ino;
}

// Whether a live ingest holds the build's flock. A file that cannot be opened
// for another reason than being gone counts as in use: better a stale file
// than another user's live build deleted.
bool in_use(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return errno != ENOENT;
  }
  const bool locked = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  return locked;
}

// The build at `path`, locked for this process when nobody else holds it and
// the name still leads to it; -1 otherwise. Retried briefly, since a reader's
// probe (in_use) holds a shared lock for an instant.
int lock_build(const fs::path& path) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
      return -1;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      if (same_file(fd, path)) {
        return fd;
      }
      ::close(fd);
      return -1;
    }
    ::close(fd);
    if (errno != EWOULDBLOCK) {
      return -1;
    }
    ::usleep(5000);
  }
  return -1;
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
  for (const char* suffix : {"-journal", "-wal", "-shm"}) {
    fs::remove(path.string() + suffix, ec);
  }
}

bool exists_in_any_form(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type() != fs::file_type::not_found; // an unreadable status counts as there
}

// A 0-byte regular file with no journal or WAL beside it: nothing was ever
// written to it, so it is not a database yet.
bool is_empty_file(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type() == fs::file_type::regular && fs::file_size(path, ec) == 0 && !ec &&
         !exists_in_any_form(path.string() + "-wal") && !exists_in_any_form(path.string() + "-journal");
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
  if (!is_empty_file(to)) {
    return false;
  }
  std::error_code ec;
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

// Deletes the builds for `target` nobody holds, except the newest one of this
// boot when `keep_newest`; returns that one, locked (and its descriptor).
std::optional<std::pair<fs::path, int>> sweep_builds(const fs::path& target, bool keep_newest) {
  const std::string prefix = build_prefix(target);
  std::vector<std::pair<fs::path, fs::file_time_type>> dead;
  std::error_code ec;
  std::vector<fs::path> orphans;
  for (fs::directory_iterator it(folder_of(target), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (parse_build_name(name, prefix)) {
      if (!in_use(it->path())) {
        std::error_code time_ec;
        dead.emplace_back(it->path(), fs::last_write_time(it->path(), time_ec));
      }
      continue;
    }
    // A journal, WAL or shared-memory file whose build is gone.
    for (std::string_view suffix : {"-journal", "-wal", "-shm"}) {
      if (name.ends_with(suffix)) {
        const fs::path owner = it->path().string().substr(0, it->path().string().size() - suffix.size());
        std::error_code exists_ec;
        if (parse_build_name(owner.filename().string(), prefix) && !fs::exists(owner, exists_ec) && !exists_ec) {
          orphans.push_back(it->path());
        }
      }
    }
  }
  for (const auto& orphan : orphans) {
    std::error_code remove_ec;
    fs::remove(orphan, remove_ec);
  }
  std::sort(dead.begin(), dead.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::optional<std::pair<fs::path, int>> kept;
  for (const auto& [path, time] : dead) {
    const int fd = lock_build(path);
    if (fd < 0) {
      continue; // taken by another ingest meanwhile
    }
    const auto name = parse_build_name(path.filename().string(), prefix);
    // A hard link to the target, left by a move killed halfway, is no build.
    if (keep_newest && !kept && name && name->boot == boot_tag() && !same_file(fd, target)) {
      kept.emplace(path, fd);
      continue;
    }
    remove_build_files(path);
    ::close(fd);
  }
  return kept;
}

std::string nonce() {
  std::random_device random;
  return fmt::format("{:06x}", random() & 0xffffffu);
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
  if (!is_plain_file_name(target.string())) {
    return nullptr;
  }
  const bool nothing_there = !exists_in_any_form(target) && !exists_in_any_form(target.string() + "-wal") &&
                             !exists_in_any_form(target.string() + "-journal");
  if (!nothing_there && !is_empty_file(target)) {
    // Builds that ingests left before this database existed would only bring
    // old files back if it were ever deleted.
    sweep_builds(target, false);
    return nullptr;
  }
  std::error_code ec;
  fs::create_directories(folder_of(target), ec);
  if (ec) {
    throw DatabaseError(fmt::format("{}: cannot create the database folder: {}", folder_of(target).string(), ec.message()));
  }

  const std::string base = target.string() + ".building-" + boot_tag() + "-" + std::to_string(::getpid()) + "-";
  if (auto dead = sweep_builds(target, true)) {
    const auto& [old_path, fd] = *dead;
    const fs::path path = base + nonce();
    if (settle(old_path) &&
        ::renameat2(AT_FDCWD, old_path.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0) {
      remove_build_files(old_path); // what SQLite may have left beside it under the old name
      try {
        return std::unique_ptr<DatabaseBuild>(new DatabaseBuild(target, path, fd, true));
      } catch (const DatabaseError&) {
        // One that cannot be opened now never will be (a newer seshdb's,
        // say), and the constructor has deleted it: start afresh rather than
        // fail every time.
      }
    } else {
      remove_build_files(old_path);
      ::close(fd);
    }
  }
  // A new name of our own, locked before anyone can see it: an unnamed file,
  // locked, then linked under the name (a reader or another ingest would
  // otherwise find it unlocked for an instant and take it for a dead build).
  // File systems without O_TMPFILE create it by name and lock it at once.
  for (int attempt = 0; attempt < 8; ++attempt) {
    const fs::path path = base + nonce();
    int fd = ::open(folder_of(target).c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0644);
    if (fd >= 0) {
      const std::string proc = "/proc/self/fd/" + std::to_string(fd);
      if (::flock(fd, LOCK_EX) != 0 ||
          ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EEXIST) {
          continue;
        }
        fd = -1; // no /proc, or linking refused: by name below
      } else {
        return std::unique_ptr<DatabaseBuild>(new DatabaseBuild(target, path, fd, false));
      }
    }
    fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
      if (errno == EEXIST) {
        continue;
      }
      throw DatabaseError(fmt::format("{}: cannot create the database: {} ({})", target.string(), std::strerror(errno),
                                      path.string()));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && same_file(fd, path)) {
      return std::unique_ptr<DatabaseBuild>(new DatabaseBuild(target, path, fd, false));
    }
    ::close(fd); // another ingest took it in the instant between: it is theirs now
  }
  throw DatabaseError(fmt::format("{}: cannot create the database: no free name for its build beside it",
                                  target.string()));
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
