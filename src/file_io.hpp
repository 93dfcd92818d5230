// Reading files that are untrusted (a scanned checkout, a repository's `.git`) without being tricked: descriptors
// closed by RAII, reads retried when interrupted, and small files read whole without following a link or
// blocking on a FIFO. Private to the library; shared by the scan and the Git readers.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <string>
#include <utility>

namespace mm {

// A file descriptor, closed when it goes out of scope.
class Fd {
public:
    explicit Fd(int fd = -1) noexcept : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(other.release()) {}
    Fd& operator=(Fd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = other.release();
        }
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    // Gives the descriptor up (to fdopendir, which closes it with the directory).
    int release() { return std::exchange(fd_, -1); }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
};

// Reads `fd` into `buf` until `want` bytes or the end of the file, retrying interrupted reads; `got` is what
// was read. Returns 0, or the errno of the read that failed.
int read_all(int fd, char* buf, std::size_t want, std::size_t& got);

// Whether `path` is a directory (or a link to one).
bool is_directory(const std::string& path);

// The whole text of the regular file `path` under `dirfd` (AT_FDCWD: `path` as given), never followed through a
// link in its last part and never blocking (a FIFO is not read); empty when it is absent, not a regular file or
// larger than `max` (what a failed read left is kept).
std::string read_small_file(int dirfd, const char* path, std::size_t max);

}  // namespace mm
