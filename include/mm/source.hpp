// Getting input text: files, standard input and the questionnaires built into the binary.
#pragma once

#include <string>
#include <string_view>
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
    std::string_view text;      // the YAML as written in questionnaires/
    std::string_view compiled;  // the model loaded from it at build time (include/mm/compiled.hpp)
};
// The questionnaires embedded at build time, in a stable order (the default first).
const std::vector<BuiltinQuestionnaire>& builtin_questionnaires();
const BuiltinQuestionnaire* find_builtin(const std::string& id);

// A built-in id when `spec` names one, else a path: the rule behind `-q NAME|FILE`. For the model, use
// open_questionnaire (include/mm/loading.hpp), which reads a built-in's compiled form instead of its text.
SourceText resolve_questionnaire(const std::string& spec);

}  // namespace mm
