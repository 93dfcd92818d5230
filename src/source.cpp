#include "mm/source.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
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
    if (path == "-") {
        std::string text;
        char buf[65536];
        while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
            text.append(buf, static_cast<std::size_t>(std::cin.gcount()));
            if (text.size() > max_bytes) fail("<stdin>", too_large(max_bytes));
        }
        return {"<stdin>", std::move(text)};
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) fail(path, std::string("cannot read: ") + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) fail(path, "is a directory, not a file");
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode))
        fail(path, "is not a regular file");
    if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes) fail(path, too_large(max_bytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, std::string("cannot read: ") + std::strerror(errno));
    std::string text;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes) fail(path, too_large(max_bytes));
    }
    if (in.bad()) fail(path, "cannot read: I/O error");
    return {path, std::move(text)};
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
