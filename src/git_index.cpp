// The files a repository tracks (src/git_index.hpp), read from the index as Git documents it
// (Documentation/gitformat-index.txt): paths only, every length checked against what is left of the file.
#include "git_index.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <utility>

#include "file_io.hpp"
#include "git_files.hpp"

namespace mm::scanning {

namespace {

constexpr std::size_t kHeader = 12;          // "DIRC", version, entry count
constexpr std::size_t kStatData = 40;        // ctime, mtime, dev, ino, mode, uid, gid, size: 32 bits each
constexpr std::size_t kObjectName = 20;      // SHA-1 (a SHA-256 repository's index is refused: see the trailer)
constexpr std::uint16_t kExtended = 0x4000;  // the entry has a second flags word (version 3 and later)
constexpr std::size_t kMaxPath = 4096;       // longer than any path a file system holds

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

std::uint16_t be16(const unsigned char* p) { return static_cast<std::uint16_t>((p[0] << 8) | p[1]); }

// Git's variable-length offset (version 4's prefix length): 7 bits a byte, high bit set on all but the last, each
// continuation adding one. false when it runs past `end` or overflows.
bool read_varint(const unsigned char*& p, const unsigned char* end, std::size_t& value) {
    if (p == end) return false;
    unsigned char c = *p++;
    value = c & 0x7f;
    while ((c & 0x80) != 0) {
        if (p == end || value > (SIZE_MAX >> 8)) return false;
        c = *p++;
        value = ((value + 1) << 7) | (c & 0x7f);
    }
    return true;
}

}  // namespace

bool parse_index_paths(std::string_view bytes, std::vector<std::string>& paths, std::string& problem) {
    paths.clear();
    const auto* begin = reinterpret_cast<const unsigned char*>(bytes.data());
    const unsigned char* end = begin + bytes.size();
    if (bytes.size() < kHeader || bytes.compare(0, 4, "DIRC") != 0) {
        problem = "not a git index (no DIRC signature)";
        return false;
    }
    const std::uint32_t version = be32(begin + 4);
    if (version < 2 || version > 4) {
        problem = "index version " + std::to_string(version) + ", which this tool does not read";
        return false;
    }
    const std::uint32_t count = be32(begin + 8);
    // Each entry takes at least its fixed part and a NUL: a forged count cannot reserve more than the file holds.
    const std::size_t fixed = kStatData + kObjectName + 2;
    if (count > bytes.size() / (fixed + 1)) {
        problem = "the index is damaged (more entries than it has room for)";
        return false;
    }
    paths.reserve(count);
    // Version 4 writes each path as an edit of the one before, so a few bytes can repeat a 4 KiB path: the paths
    // may take at most twice the file's size (real indexes take half of it), or a forged one could take gigabytes.
    const std::size_t path_budget = 2 * bytes.size() + (1u << 20);
    std::size_t path_bytes = 0;
    const unsigned char* p = begin + kHeader;
    std::string previous;  // version 4 writes each path as an edit of the one before
    for (std::uint32_t i = 0; i < count; ++i) {
        const unsigned char* entry = p;
        if (static_cast<std::size_t>(end - p) < fixed) break;
        const std::uint16_t flags = be16(p + kStatData + kObjectName);
        p += fixed;
        if ((flags & kExtended) != 0) {
            if (version < 3 || end - p < 2) break;
            p += 2;
        }
        std::string path;
        if (version == 4) {
            std::size_t strip = 0;
            if (!read_varint(p, end, strip) || strip > previous.size()) break;
            const auto* nul = static_cast<const unsigned char*>(std::memchr(p, 0, static_cast<std::size_t>(end - p)));
            if (nul == nullptr) break;
            path.assign(previous, 0, previous.size() - strip);
            path.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(nul - p));
            p = nul + 1;
        } else {
            const auto* nul = static_cast<const unsigned char*>(std::memchr(p, 0, static_cast<std::size_t>(end - p)));
            if (nul == nullptr) break;
            path.assign(reinterpret_cast<const char*>(p), static_cast<std::size_t>(nul - p));
            // Padded with NULs to a multiple of 8 bytes from the entry's start, at least one.
            const std::size_t length = static_cast<std::size_t>(nul + 1 - entry);
            const std::size_t padded = (length + 7) & ~std::size_t{7};
            if (padded > static_cast<std::size_t>(end - entry)) break;
            p = entry + padded;
        }
        // (empty: a split index's entry, whose name is in the shared index; said below)
        if (path.size() > kMaxPath) {
            problem = "the index is damaged (entry " + std::to_string(i + 1) + " has a path over 4 KiB)";
            paths.clear();
            return false;
        }
        path_bytes += path.size();
        if (path_bytes > path_budget) {
            problem = "the index is damaged (its paths take more than twice its size)";
            paths.clear();
            return false;
        }
        previous = path;
        paths.push_back(std::move(path));
    }
    if (paths.size() != count) {
        problem = "the index is damaged (entry " + std::to_string(paths.size() + 1) + " of " + std::to_string(count) +
                  " runs past its end)";
        paths.clear();
        return false;
    }
    // Extensions follow: a split index ("link") keeps most entries in another file, which this reader does not
    // follow, so the paths read are not all of them.
    // Each extension: a 4-letter signature and a 32-bit size; the file ends with its 20-byte checksum.
    while (end - p >= 8 + static_cast<std::ptrdiff_t>(kObjectName) &&
           std::all_of(p, p + 4, [](unsigned char c) { return std::isalpha(c) != 0; })) {
        const std::uint32_t size = be32(p + 4);
        if (std::equal(p, p + 4, "link")) {
            paths.clear();
            problem = "a split index (core.splitIndex), which this tool does not read";
            return false;
        }
        if (size > static_cast<std::size_t>(end - p) - 8) break;
        p += 8 + size;
    }
    // What is left is the checksum, 20 bytes for SHA-1. Anything else is an extension this reader could not step
    // over (a forged size could hide a split index's `link` behind it), or a SHA-256 repository's index, whose
    // longer object names shift every entry: neither is read.
    if (end - p != static_cast<std::ptrdiff_t>(kObjectName)) {
        paths.clear();
        problem =
            "the index is damaged, or of a SHA-256 repository (it does not end where its entries and "
            "extensions say)";
        return false;
    }
    if (std::any_of(paths.begin(), paths.end(), [](const std::string& f) { return f.empty(); })) {
        paths.clear();
        problem = "the index is damaged (an entry without a path)";
        return false;
    }
    return true;
}

std::optional<TrackedPaths> read_tracked_paths(const std::string& root, std::string& problem) {
    problem.clear();
    const std::optional<GitDirs> dirs = find_git_dirs(root, GitSearch::here, problem);
    if (!dirs) return std::nullopt;             // no repository, or a .git that leads nowhere (`problem`)
    if (resolve_head(*dirs).id.size() == 64) {  // its index holds 32-byte object names
        problem = "a SHA-256 repository's index, which this tool does not read";
        return std::nullopt;
    }
    const std::string path = dirs->git + "/index";
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return std::nullopt;
    if (!S_ISREG(st.st_mode) || static_cast<std::size_t>(st.st_size) > kMaxIndexBytes) {
        problem = S_ISREG(st.st_mode) ? "the index is over 256 MiB" : "the index is not a regular file";
        return std::nullopt;
    }
    // Read bounded and without blocking, as every file of a checkout (a FIFO put there after the check is not read).
    const std::string bytes = read_small_file(AT_FDCWD, path.c_str(), kMaxIndexBytes);
    TrackedPaths tracked;
    if (!parse_index_paths(bytes, tracked.files, problem)) return std::nullopt;
    // A sparse index keeps a directory outside the sparse cone as one entry ("dir/"): nothing of it is checked
    // out, so it holds no file the walk could see.
    tracked.files.erase(std::remove_if(tracked.files.begin(), tracked.files.end(),
                                       [](const std::string& f) { return f.back() == '/'; }),
                        tracked.files.end());
    // Git keeps the entries sorted by path, a conflict's stages side by side; sorted again, so that a damaged or
    // forged order cannot make a lookup wrong.
    if (!std::is_sorted(tracked.files.begin(), tracked.files.end()))
        std::sort(tracked.files.begin(), tracked.files.end());
    tracked.files.erase(std::unique(tracked.files.begin(), tracked.files.end()), tracked.files.end());
    return tracked;
}

TrackedPathsReader::TrackedPathsReader(std::string root)
    : reading_(std::async(std::launch::async, [this, root = std::move(root)]() -> std::optional<TrackedPaths> {
          // An exception would reach the walk's thread that asks (get()), which cannot stop: said instead.
          try {
              return read_tracked_paths(root, problem_);
          } catch (const std::exception& e) {
              problem_ = std::string("the index cannot be read: ") + e.what();
              return std::nullopt;
          }
      })) {}

TrackedPathsReader::~TrackedPathsReader() {
    if (reading_.valid()) reading_.wait();
}

const TrackedPaths* TrackedPathsReader::get() {
    std::call_once(waited_, [this] {
        tracked_ = reading_.get();
        asked_ = true;
    });
    return tracked_ ? &*tracked_ : nullptr;
}

std::string TrackedPathsReader::problem() {
    if (!asked_) return {};
    return problem_;
}

}  // namespace mm::scanning
