#include "mm/output.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/magic.h>
#include <sys/vfs.h>
#endif

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

std::string dir_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// What a name to write to stands for, once its chain of symbolic links is followed.
struct Destination {
    enum class Kind {
        Create,    // nothing there (or the end of a dangling link): a new file, made atomically
        Replace,   // a regular file: replaced atomically, keeping its owner, group and mode
        Node,      // a device, FIFO or socket: written into, never replaced
        OpenFile,  // a link in /proc (/dev/stdout, /dev/fd/N, >(...)): an open file of some process, written into
    };
    Kind kind;
    std::string path;  // Create, Replace: the name to rename onto; Node: the node; OpenFile: the name given
    struct stat st {};  // Replace: the file replaced
};

bool on_procfs(const std::string& dir) {
#ifdef __linux__
    struct statfs fs {};
    return ::statfs(dir.c_str(), &fs) == 0 && fs.f_type == PROC_SUPER_MAGIC;
#else
    (void)dir;
    return false;
#endif
}

// Following the links ourselves (to rename onto the target rather than over the link) must not undo what the
// kernel does when it follows them (fs.protected_symlinks): in a sticky directory that anyone may write, such as
// /tmp, a link is followed only when it belongs to the follower or to the directory's owner. Otherwise anyone
// could plant /tmp/report.json -> /etc/shadow and have root's next write replace that.
void refuse_planted_link(const std::string& path, const std::string& dir, const struct stat& link) {
    struct stat d {};
    if (::stat(dir.c_str(), &d) != 0) return;
    if ((d.st_mode & S_ISVTX) && (d.st_mode & S_IWOTH) && link.st_uid != ::geteuid() && link.st_uid != d.st_uid) {
        errno = EACCES;
        fail(path, "not following a symbolic link owned by another user in a shared directory");
    }
}

constexpr int kMaxLinks = 40;  // as the kernel (ELOOP)

Destination resolve(const std::string& path) {
    std::string cur = path;
    for (int hops = 0;; ++hops) {
        struct stat st {};
        // Missing, or not reachable (a missing or unreadable directory): mkstemp tells what is wrong.
        if (::lstat(cur.c_str(), &st) != 0) return {Destination::Kind::Create, cur, {}};
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            fail(path, "it is a directory");
        }
        if (S_ISREG(st.st_mode)) return {Destination::Kind::Replace, cur, st};
        if (!S_ISLNK(st.st_mode)) return {Destination::Kind::Node, cur, st};
        const std::string dir = dir_of(cur);
        // /proc/self/fd/1 and the like read as "pipe:[1234]" or a path that may be gone or in another mount
        // namespace; only opening them reaches the open file they stand for.
        if (on_procfs(dir)) return {Destination::Kind::OpenFile, path, st};
        if (hops == kMaxLinks) {
            errno = ELOOP;
            fail(path, "following symbolic links");
        }
        refuse_planted_link(path, dir, st);
        std::string target(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 255) + 1, '\0');
        ssize_t n;
        while ((n = ::readlink(cur.c_str(), target.data(), target.size())) >= static_cast<ssize_t>(target.size()))
            target.resize(target.size() * 2);
        if (n < 0) fail(path, "reading a symbolic link");
        target.resize(static_cast<std::size_t>(n));
        cur = !target.empty() && target.front() == '/' ? target : dir == "/" ? "/" + target : dir + "/" + target;
    }
}

// Writes into a device, FIFO or socket, or through a /proc link to an open file, as the shell's > would: no
// temporary file, no rename, nothing created or truncated. A FIFO is opened as sort -o and the shell's > do,
// waiting for a reader (an anonymous pipe behind /proc never waits: a write with no reader left is EPIPE). A
// regular file behind /proc (`-o /dev/stdout >>log`) is appended to, as standard output would be.
void write_into(const std::string& path, const Destination& dest, const std::string& content) {
    int flags = O_WRONLY | O_NOCTTY | O_CLOEXEC;
    // A node is opened by the name resolve() looked at; should someone swap a link in there since (in /tmp, a
    // FIFO for a link to /etc/passwd), the open fails rather than follow it past refuse_planted_link.
    if (dest.kind == Destination::Kind::Node) flags |= O_NOFOLLOW;
    struct stat st {};
    if (dest.kind == Destination::Kind::OpenFile && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
        flags |= O_APPEND;
    int fd = ::open(dest.path.c_str(), flags);
    if (fd < 0) fail(path, "opening it");
    bool ok = write_all(fd, content);
    int saved = ok ? 0 : errno;
    if (::close(fd) != 0 && ok) ok = false, saved = errno;
    if (!ok) {
        errno = saved;
        fail(path, "writing");
    }
}

}  // namespace

void write_file_atomic(const std::string& path, const std::string& content) {
    const Destination dest = resolve(path);
    if (dest.kind == Destination::Kind::Node || dest.kind == Destination::Kind::OpenFile) {
        write_into(path, dest, content);
        return;
    }
    const std::string& target = dest.path;  // the name to replace: `path`, or the end of its chain of links
    const std::string dir = dir_of(target);
    std::string tmpl = target + ".tmp.XXXXXX";  // next to the target: a rename cannot cross file systems
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) fail(path, "creating a temporary file");
    if (dest.kind == Destination::Kind::Replace) {
        // The new file takes the place of the old one, so it takes its owner, group and permissions too: a
        // private (0600) answers file stays private, someone else's file stays theirs. Only root may give a file
        // away; anyone may set a group of their own, so that is tried alone when both cannot be kept. Whatever
        // cannot be kept is the writer's, as with cp. Owner before mode: chown may clear mode bits.
        if (::fchown(fd, dest.st.st_uid, dest.st.st_gid) != 0)
            (void)::fchown(fd, static_cast<uid_t>(-1), dest.st.st_gid);
        // Setuid, setgid and sticky bits are dropped (cp without -p drops them too): they are never wanted on a
        // report, and keeping setuid on content someone else just wrote would be a hole.
        ::fchmod(fd, dest.st.st_mode & 0777);
    } else {
        // mkstemp creates 0600; a new report or answers file is an ordinary file: honour the umask as open() would.
        mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd, 0666 & ~mask);
    }
    bool ok = write_all(fd, content);
    int saved = ok ? 0 : errno;  // the errno of the first call that failed
    if (ok && ::fsync(fd) != 0) ok = false, saved = errno;
    if (::close(fd) != 0 && ok) ok = false, saved = errno;
    if (!ok) {
        ::unlink(tmpl.c_str());
        errno = saved;
        fail(path, "writing");
    }
    if (::rename(tmpl.c_str(), target.c_str()) != 0) {
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
    if (cleaned.insert(target).second) remove_stale_temp_files(dir, target);
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
