// Reading untrusted files (src/file_io.hpp).
#include "file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>

namespace mm {

// The whole text of the regular file `path` under `dirfd`, never followed through a link; empty when it is absent,
// not a regular file or larger than `max` (what a failed read left is kept).
std::string read_small_file(int dirfd, const char* path, std::size_t max) {
    const Fd fd(::openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW));
    struct stat st {};
    if (!fd || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::size_t>(st.st_size) > max)
        return {};
    std::string text(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    read_all(fd.get(), text.data(), text.size(), got);
    text.resize(got);
    return text;
}

bool is_directory(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

int read_all(int fd, char* buf, std::size_t want, std::size_t& got) {
    got = 0;
    while (got < want) {
        const ssize_t n = ::read(fd, buf + got, want - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    return 0;
}

}  // namespace mm
