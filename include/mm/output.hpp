// Writing results: atomically to a file, or to standard output, with write errors turned into OutputError.
#pragma once

#include <string>

namespace mm {

// Writes `content` to `path` through a temporary file in the same directory and a rename, so a reader (or a
// crash) sees either the old complete file or the new one. A replaced file keeps its mode (less setuid, setgid
// and sticky bits) and, where the process may set them, its owner and group. A symbolic link is followed and its
// target written (created, for a dangling link), the link kept; a device, FIFO or socket, and /dev/stdout and
// the like, are written into, never replaced. docs/limits.md, "Output files". Throws OutputError.
void write_file_atomic(const std::string& path, const std::string& content);

// Writes to standard output and flushes; throws OutputError when it fails (a full disk). A reader that closed
// the pipe (EPIPE) is not a failure: the rest of the output is dropped.
void write_stdout(const std::string& content);

// Writes to `path` atomically, or to standard output when `path` is empty or "-".
void emit(const std::string& content, const std::string& path);

}  // namespace mm
