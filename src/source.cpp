#include "mm/source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>
#include <sstream>

#include "mm/diagnostics.hpp"

namespace mm {

namespace {

[[noreturn]] void fail(const std::string& file, const std::string& message) {
    throw InputError(Diagnostic{file, 0, 0, message});
}

std::string too_large(std::size_t max_bytes) {
    return "the file is larger than " + std::to_string(max_bytes >> 20) + " MiB; is it the right file?";
}

}  // namespace

SourceText read_source(const std::string& path, std::size_t max_bytes) {
    SourceText out;
    read_source_into(path, out, max_bytes);
    return out;
}

void read_source_into(const std::string& path, SourceText& out, std::size_t max_bytes) {
    std::string& text = out.text;
    if (path == "-") {
        text.clear();
        char buf[65536];
        while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
            text.append(buf, static_cast<std::size_t>(std::cin.gcount()));
            if (text.size() > max_bytes) fail("<stdin>", too_large(max_bytes));
        }
        out.name = "<stdin>";
        return;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) fail(path, std::string("cannot read: ") + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) fail(path, "is a directory, not a file");
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode))
        fail(path, "is not a regular file");
    if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes) fail(path, too_large(max_bytes));
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, std::string("cannot read: ") + std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    // Read straight into the string: a regular file in one read of its size (the read after it finds the end),
    // a FIFO or device into a string that grows as it fills. The string is only grown, never cleared first: what
    // it held (the previous file, when `out` is reused) is overwritten, and growing it fills only the new bytes.
    const std::size_t want = S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) + 1 : 65536;
    if (text.size() < want) text.resize(want);
    std::size_t n = 0;
    for (;;) {
        if (n == text.size()) text.resize(2 * n);
        const ssize_t got = ::read(fd, &text[n], text.size() - n);
        if (got < 0) {
            if (errno == EINTR) continue;
            fail(path, "cannot read: I/O error");
        }
        if (got == 0) break;
        n += static_cast<std::size_t>(got);
        if (n > max_bytes) fail(path, too_large(max_bytes));
    }
    text.resize(n);
    out.name = path;
}

const BuiltinQuestionnaire* find_builtin(const std::string& id) {
    for (const auto& b : builtin_questionnaires())
        if (b.id == id) return &b;
    return nullptr;
}

SourceText resolve_questionnaire(const std::string& spec) {
    if (const auto* b = find_builtin(spec)) return {"builtin:" + b->id, std::string(b->text)};
    if (spec.find('/') == std::string::npos && spec.find('.') == std::string::npos) {
        struct stat st {};
        if (::stat(spec.c_str(), &st) != 0) {
            std::string msg = "no built-in questionnaire or file named '" + spec + "'; built-in ones:";
            for (const auto& b : builtin_questionnaires()) msg += " " + b.id;
            throw InputError(Diagnostic{spec, 0, 0, msg});
        }
    }
    return read_source(spec);
}

}  // namespace mm
