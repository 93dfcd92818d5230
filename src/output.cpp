#include "mm/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

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
    bool ok = write_all(fd, content) && ::fsync(fd) == 0;
    int saved = errno;
    ok = (::close(fd) == 0) && ok;
    if (!ok) {
        ::unlink(tmpl.c_str());
        errno = saved ? saved : errno;
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
}

void write_stdout(const std::string& content) {
    std::fflush(stdout);
    if (!write_all(STDOUT_FILENO, content)) fail("standard output", "writing");
}

void emit(const std::string& content, const std::string& path) {
    if (path.empty() || path == "-") write_stdout(content);
    else write_file_atomic(path, content);
}

}  // namespace mm
