// Getting input text: files, standard input and the questionnaires built into the binary.
#pragma once

#include <string>
#include <vector>

namespace mm {

struct SourceText {
    std::string name;  // what diagnostics call it: the path, "<stdin>", or "builtin:ID"
    std::string text;
};

// Reads a file, or standard input for "-". Refuses directories, unreadable files and files over `max_bytes`
// with an InputError naming the file.
SourceText read_source(const std::string& path, std::size_t max_bytes = 16u << 20);
// The same into `out`, whose text keeps its capacity from one file to the next (aggregate reads thousands).
void read_source_into(const std::string& path, SourceText& out, std::size_t max_bytes = 16u << 20);

struct BuiltinQuestionnaire {
    std::string id;
    std::string text;
};
// The questionnaires embedded at build time, in a stable order (the default first).
const std::vector<BuiltinQuestionnaire>& builtin_questionnaires();
const BuiltinQuestionnaire* find_builtin(const std::string& id);

// A built-in id when `spec` names one, else a path: the rule behind `-q NAME|FILE`.
SourceText resolve_questionnaire(const std::string& spec);

}  // namespace mm
