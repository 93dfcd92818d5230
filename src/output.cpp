#include "mm/output.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <set>

#include "mm/diagnostics.hpp"

namespace mm {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw OutputError("cannot write " + path + ": " + what + ": " + std::strerror(errno));
}

bool write_all(int fd, const std::string& content) {
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

// Removes FILE.tmp.XXXXXX files (exactly what mkstemp makes for this output) that a killed earlier run left
// behind. Only those over an hour old: a younger one may belong to a concurrent writer of the same file, whose
// rename would fail if its temp file vanished. Best effort: errors are ignored.
void remove_stale_temp_files(const std::string& dir, const std::string& path) {
    const std::string base = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    const std::string prefix = base + ".tmp.";
    DIR* d = ::opendir(dir.c_str());
    if (!d) return;
    const time_t cutoff = ::time(nullptr) - 3600;
    while (const dirent* e = ::readdir(d)) {
        std::string name = e->d_name;
        if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) continue;
        bool random_suffix = std::all_of(name.begin() + static_cast<std::ptrdiff_t>(prefix.size()), name.end(),
                                         [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
        if (!random_suffix) continue;
        std::string full = dir == "/" ? "/" + name : dir + "/" + name;
        struct stat st {};
        if (::lstat(full.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime < cutoff) ::unlink(full.c_str());
    }
    ::closedir(d);
}

}  // namespace

void write_file_atomic(const std::string& path, const std::string& content) {
    std::string dir = ".";
    if (auto slash = path.rfind('/'); slash != std::string::npos) dir = slash == 0 ? "/" : path.substr(0, slash);
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        fail(path, "it is a directory");
    }
    std::string tmpl = path + ".tmp.XXXXXX";
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) fail(path, "creating a temporary file");
    // mkstemp creates 0600; a report or answers file is an ordinary file, so honour the umask as open() would.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    bool ok = write_all(fd, content);
    int saved = ok ? 0 : errno;  // the errno of the first call that failed
    if (ok && ::fsync(fd) != 0) ok = false, saved = errno;
    if (::close(fd) != 0 && ok) ok = false, saved = errno;
    if (!ok) {
        ::unlink(tmpl.c_str());
        errno = saved;
        fail(path, "writing");
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        saved = errno;
        ::unlink(tmpl.c_str());
        errno = saved;
        fail(path, "renaming the temporary file into place");
    }
    // Make the rename itself durable.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    // Once per output per run: the interactive mode saves after every key, and one look is enough.
    static std::set<std::string> cleaned;
    if (cleaned.insert(path).second) remove_stale_temp_files(dir, path);
}

void write_stdout(const std::string& content) {
    std::fflush(stdout);
    if (write_all(STDOUT_FILENO, content)) return;
    // The reader went away (`| head`, `| grep -q`): not an error, as for git or ripgrep. The output stops and the
    // exit code stays the command's own, so `assess --min-level 2 | head` still reports the gate. SIGPIPE is
    // ignored (cli::main) so that this is an EPIPE here rather than death by signal (exit 141).
    if (errno == EPIPE) return;
    fail("standard output", "writing");
}

void emit(const std::string& content, const std::string& path) {
    if (path.empty() || path == "-") write_stdout(content);
    else write_file_atomic(path, content);
}

}  // namespace mm
