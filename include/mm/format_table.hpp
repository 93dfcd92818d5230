// A view's output formats as one table: a row is a name and its renderer. The CLI's `-f` check (CLI::IsMember of
// format_names), the dispatch (find_format) and the tests that keep the shell completions in step all read the
// same rows, so adding a format is one renderer and one row (docs/architecture.md, "Adding a report format").
#pragma once

#include <string>
#include <vector>

#include "mm/diagnostics.hpp"

namespace mm {

struct TextOptions;

// One row: `render` lays `View` out; only the text formats read `options` (colour, width).
template <class View>
struct Format {
    const char* name;
    std::string (*render)(const View& view, const TextOptions& options);
};

template <class View>
using FormatTable = std::vector<Format<View>>;

// The names, in the table's order (the order `--help` lists them in).
template <class View>
std::vector<std::string> format_names(const FormatTable<View>& table) {
    std::vector<std::string> names;
    for (const auto& f : table) names.emplace_back(f.name);
    return names;
}

// The row named `name`; throws InputError (at "--format") for a name the table does not have.
template <class View>
const Format<View>& find_format(const FormatTable<View>& table, const std::string& name) {
    for (const auto& f : table)
        if (name == f.name) return f;
    throw InputError(Diagnostic{"--format", 0, 0, "unknown format '" + name + "'"});
}

}  // namespace mm
