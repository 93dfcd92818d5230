// Projects inside a repository (docs/scan.md): which directories are projects of their own, which are teaching
// material, and which repository-level CI runs a given project. Pure functions; the walk (scan.cpp) records the
// DirInfo values.
#include "mm/layout.hpp"

#include "mm/glob.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace mm {

std::string to_string(LayoutKind kind) {
    switch (kind) {
        case LayoutKind::Single: return "single";
        case LayoutKind::Projects: return "projects";
        case LayoutKind::Course: return "course";
    }
    return "?";
}

namespace {

// Thresholds (docs/scan.md): two components of one system (training/ and serving/, each with its requirements)
// are common in a single project; three or more independent projects are a monorepo or a gallery. A numbered
// folder or two is a project's own ordering; three sibling modules are a course's weeks.
constexpr std::size_t kMinProjects = 3;
constexpr std::size_t kMinModules = 3;
constexpr std::size_t kMinTeachingDirs = 2;

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x | 0x20) == (y | 0x20);
           });
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Directories whose manifests belong to something other than a project of its own: documentation sites, tests,
// CI and editor set-ups.
bool not_a_project(std::string_view name) {
    static const char* const names[] = {"docs", "doc", "documentation", "website", "site", "tests", "test",
                                        ".github", ".devcontainer", ".circleci", ".gitlab"};
    for (const char* n : names)
        if (iequals(name, n)) return true;
    return false;
}

std::string_view basename(std::string_view rel) {
    std::size_t slash = rel.rfind('/');
    return slash == std::string_view::npos ? rel : rel.substr(slash + 1);
}

std::string_view parent(std::string_view rel) {
    std::size_t slash = rel.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : rel.substr(0, slash);
}

bool any_component(std::string_view rel, bool (*pred)(std::string_view)) {
    for (std::size_t start = 0;;) {
        std::size_t slash = rel.find('/', start);
        if (pred(rel.substr(start, slash == std::string_view::npos ? rel.npos : slash - start))) return true;
        if (slash == std::string_view::npos) return false;
        start = slash + 1;
    }
}

}  // namespace

bool is_pipeline_file(std::string_view name) { return name == "dvc.yaml" || name == "MLproject"; }

int manifest_strength(std::string_view name) {
    if (name == "pyproject.toml" || name == "setup.py") return 2;
    // A DVC or MLflow pipeline file runs code; on its own in a directory (`pipelines/bertmesh/dvc.yaml`, whose
    // stages call the repository's package) it is a pipeline of the code base around it, not a project.
    if (name == "requirements.txt" || name == "environment.yml" || name == "environment.yaml" || name == "conda.yaml" ||
        name == "conda.yml" || name == "Pipfile" || name == "Dockerfile" || is_pipeline_file(name))
        return 1;
    return 0;
}

bool is_code_file(std::string_view name) {
    static const char* const exts[] = {".py", ".ipynb", ".R", ".scala", ".java", ".go", ".jl"};
    for (const char* e : exts)
        if (ends_with(name, e)) return true;
    return false;
}

bool is_teaching_dir(std::string_view name) {
    static const char* const names[] = {"homework",  "homeworks", "solution",       "solutions",  "exercise",
                                        "exercises", "exercise_files", "assignment", "assignments"};
    for (const char* n : names)
        if (iequals(name, n)) return true;
    return false;
}

bool is_numbered_module(std::string_view name) {
    // 01-intro, 2_setup, 3.basics (a letter after the separator: "3.0" is a version, not a module), or a unit
    // word and its number: week1, week-2, module_3, lesson3, lecture-4, day5, unit6, chapter7.
    static const RE2 pattern(
        "(?i)(?:[0-9]{1,2}[-_.][a-z].*|(?:week|module|lesson|lecture|day|unit|chapter)[-_ ]?[0-9]{1,2}(?:[-_. ].*)?)");
    return RE2::FullMatch(re2::StringPiece(name.data(), name.size()), pattern);
}

bool is_dependency_manifest(std::string_view path) {
    const std::string_view name = basename(path);
    if (name == "pyproject.toml" || name == "setup.py" || name == "setup.cfg" || name == "Pipfile") return true;
    if (name == "Dockerfile") return true;  // the packages its `pip install` commands name
    // requirements*.txt, pip-tools' requirements*.in, and any .txt in a requirements/ folder (base.txt, prod.txt)
    if (starts_with(name, "requirements") && (ends_with(name, ".txt") || ends_with(name, ".in"))) return true;
    return ends_with(name, ".txt") && basename(parent(path)) == "requirements";
}

std::vector<std::string> local_path_dependencies(std::string_view text) {
    // `path = "../core"` (a TOML table: Poetry, uv sources, PDM, Pipenv), `@ file:../core` (PEP 508, and PDM's
    // `file:///${PROJECT_ROOT}/../core`), and a requirements line that is a path, editable or not, bare or as a
    // `file:` URL, with extras or an `#egg=` fragment after it (`-e ..[serving]`, `-e file:..#egg=lib`).
    static const RE2 pattern(
        "(?m)(?:\\bpath\\s*=\\s*[\"'](\\.{1,2}(?:/[^\"'\\n]*)?)[\"']|"
        "@\\s*file:(?://(?:/\\$\\{PROJECT_ROOT\\}/)?)?(\\.{1,2}(?:/[^\\s\"',;\\]]*)?)|"
        "^[ \\t]*(?:(?:-e|--editable)[ \\t]+)?(?:file:)?(\\.{1,2}(?:/[^\\s#;\\[]*)?)(?:[ \\t#;\\[]|$))");
    std::vector<std::string> out;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece toml, pep508, line;
    while (RE2::FindAndConsume(&input, pattern, &toml, &pep508, &line)) {
        const re2::StringPiece& p = !toml.empty() ? toml : !pep508.empty() ? pep508 : line;
        std::string path(p.data(), p.size());
        while (path.size() > 1 && path.back() == '/') path.pop_back();
        if (path != "." && path != "./") out.push_back(std::move(path));
    }
    return out;
}

std::string package_name(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == '-' || c == '_' || c == '.') {
            if (out.empty() || out.back() != '-') out += '-';
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

namespace {

// The lines of `text`, each without its line break (and a CR before it).
template <typename Visit>
void for_each_line(std::string_view text, Visit visit) {
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        visit(line);
        start = end + 1;
    }
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// A character of a name or path segment: a letter, a digit, `_`, `-` or `.` (PEP 508 names, directory names).
bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
}

// The table a TOML or INI header line opens (`[tool.poetry]` -> "tool.poetry", `[[x]]` -> "[x]"); nullopt for
// any other line.
std::optional<std::string_view> section_header(std::string_view line) {
    line = trim(line);
    if (line.empty() || line.front() != '[') return std::nullopt;
    const std::size_t last = line.find(']');
    if (last == std::string_view::npos) return std::nullopt;
    return trim(line.substr(1, last - 1));
}

// The name a requirement line starts with (`name`, `name[extra]==1.0`, `name ; marker`, `name  # why`), or empty.
// By hand, not with a pattern: a requirements file can hold a hundred thousand lines, each looked at once.
std::string_view requirement_name(std::string_view line) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    std::size_t i = 0;
    while (i < line.size() && blank(line[i])) ++i;
    const std::size_t start = i;
    if (i == line.size() || !name_char(line[i]) || line[i] == '.' || line[i] == '_' || line[i] == '-') return {};
    while (i < line.size() && name_char(line[i])) ++i;
    const std::string_view name = line.substr(start, i - start);
    while (i < line.size() && blank(line[i])) ++i;
    if (i < line.size() && line[i] == '[') {  // extras
        const std::size_t close = line.find(']', i);
        if (close == std::string_view::npos) return {};
        i = close + 1;
        while (i < line.size() && blank(line[i])) ++i;
    }
    if (i == line.size()) return name;
    return std::string_view("<>=!~;@#").find(line[i]) != std::string_view::npos ? name : std::string_view();
}

// Whether a line of a TOML array closes it: a `]` outside quotes (`"x[extra]>=1"` holds one inside).
bool closes_array(std::string_view line) {
    char quote = 0;
    for (char c : line) {
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#') {
            return false;  // a comment
        } else if (c == ']') {
            return true;
        }
    }
    return false;
}

// The call each `name=` keyword argument of a setup.py is given to, in order: `setup`, `Extension`, ... (the last
// dotted part of the callee). Strings and comments are skipped, so a `(` in either opens no call.
struct NameArgument {
    std::string_view call;
    std::size_t at;  // the offset of `name`
};
std::vector<NameArgument> name_arguments(std::string_view text) {
    std::vector<NameArgument> out;
    std::vector<std::string_view> calls;  // the callee of each open bracket; empty for a bracket that is no call
    auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '#') {
            while (i < text.size() && text[i] != '\n') ++i;
        } else if (c == '"' || c == '\'') {
            const bool triple = i + 2 < text.size() && text[i + 1] == c && text[i + 2] == c;
            const std::string_view close = text.substr(i, triple ? 3 : 1);  // a string ends as it opened
            for (i += close.size(); i < text.size() && text.compare(i, close.size(), close) != 0; ++i)
                if (text[i] == '\\') ++i;
            i += close.size() - 1;
        } else if (c == '(' || c == '[' || c == '{') {
            std::size_t end = i;
            while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
            std::size_t start = end;
            while (start > 0 && word_char(text[start - 1])) --start;
            calls.push_back(c == '(' ? text.substr(start, end - start) : std::string_view());
        } else if (c == ')' || c == ']' || c == '}') {
            if (!calls.empty()) calls.pop_back();
        } else if (c == 'n' && !calls.empty() && text.compare(i, 4, "name") == 0 &&
                   (i == 0 || !word_char(text[i - 1])) && (i + 4 == text.size() || !word_char(text[i + 4]))) {
            out.push_back({calls.back(), i});
        }
    }
    return out;
}

// The distribution a setup.py declares: the `name=` given to `setup(`, a literal or a variable assigned one
// (`NAME = 'acme'` ... `setup(name=NAME)`, as the well-known setup.py template has it); failing that, the first
// literal `name=` given to anything but a C extension (`Extension(name='pkg._impl')` names a module of it).
std::string setup_py_name(std::string_view text) {
    static const RE2 argument(
        "\\s*=\\s*(?:[\"']([A-Za-z0-9][A-Za-z0-9._-]*)[\"']|([A-Za-z_][A-Za-z0-9_]*)\\s*[,)\\n])");
    // A line that assigns a name literal to a variable (`NAME = 'acme'  # the distribution`).
    static const RE2 assignment(
        "(?m)^[ \\t]*([A-Za-z_][A-Za-z0-9_]*)[ \\t]*=[ \\t]*[\"']([A-Za-z0-9][A-Za-z0-9._-]*)[\"'][ \\t]*(?:#.*)?$");
    auto assigned_to = [&](const re2::StringPiece& variable) -> std::string {
        re2::StringPiece input(text.data(), text.size());
        re2::StringPiece name;
        re2::StringPiece value;
        while (RE2::FindAndConsume(&input, assignment, &name, &value))
            if (name == variable) return std::string(value.data(), value.size());
        return {};
    };
    std::string fallback;
    for (const NameArgument& named : name_arguments(text)) {
        re2::StringPiece rest(text.data() + named.at + 4, text.size() - named.at - 4);
        re2::StringPiece literal;
        re2::StringPiece variable;
        if (!RE2::Consume(&rest, argument, &literal, &variable)) continue;
        if (named.call == "setup") {
            if (!literal.empty()) return std::string(literal.data(), literal.size());
            if (std::string value = assigned_to(variable); !value.empty()) return value;
            continue;
        }
        if (fallback.empty() && !literal.empty() && !ends_with(named.call, "Extension"))
            fallback.assign(literal.data(), literal.size());
    }
    return fallback;
}

}  // namespace

std::string declared_package(std::string_view file, std::string_view text) {
    static const RE2 toml_name("^[ \\t]*name[ \\t]*=[ \\t]*[\"']([A-Za-z0-9][A-Za-z0-9._-]*)[\"']");
    static const RE2 ini_name("^[ \\t]*name[ \\t]*[=:][ \\t]*([A-Za-z0-9][A-Za-z0-9._-]*)[ \\t]*$");
    const std::string_view base = basename(file);
    std::string name;
    if (base == "setup.py") return package_name(setup_py_name(text));
    const bool toml = base == "pyproject.toml";
    if (!toml && base != "setup.cfg") return {};
    std::string_view table;
    for_each_line(text, [&](std::string_view line) {
        if (!name.empty()) return;
        if (auto header = section_header(line)) {
            table = *header;
            return;
        }
        const bool named_here = toml ? table == "project" || table == "tool.poetry" : table == "metadata";
        re2::StringPiece found;
        if (named_here &&
            RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), toml ? toml_name : ini_name, &found))
            name.assign(found.data(), found.size());
    });
    return package_name(name);
}

namespace {

// The names a Dockerfile's `pip install` commands install (`RUN pip install ml4h`, `python -m pip install
// --no-cache-dir "ml4h==1.2"`, `uv pip install x`), up to the end of each command (`&&`, `;`, `|`, a line not
// continued by `\`), in instructions, not comments. Options, their values, paths, URLs and variables are not names
// (`-r requirements.txt`, `.`, `$PKG`).
std::vector<std::string_view> pip_install_names(std::string_view text) {
    static const RE2 pip_install("(?m)^[^#\\n]*?\\bpip[0-9.]*[ \\t]+install\\b((?:[^\\n&;|\\\\]|\\\\\\n|\\\\[^\\n])*)");
    static const RE2 token("[ \\t\\\\\\n]*([^ \\t\\\\\\n]+)");
    // pip's options that take a value, each between spaces.
    constexpr std::string_view kTakesValue =
        " -r --requirement -c --constraint -e --editable -i --index-url --extra-index-url -f --find-links -t --target"
        " --prefix --root --platform --python-version --trusted-host --src --upgrade-strategy --progress-bar"
        " --cache-dir ";
    std::vector<std::string_view> out;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece args;
    while (RE2::FindAndConsume(&input, pip_install, &args)) {
        re2::StringPiece rest = args;
        re2::StringPiece word;
        bool skip_value = false;
        while (RE2::Consume(&rest, token, &word)) {
            std::string_view w(word.data(), word.size());
            if (skip_value) {
                skip_value = false;
                continue;
            }
            if (w.front() == '-') {
                skip_value = kTakesValue.find(" " + std::string(w) + " ") != std::string_view::npos;
                continue;
            }
            if (w.size() >= 2 && (w.front() == '"' || w.front() == '\'') && w.back() == w.front())
                w = w.substr(1, w.size() - 2);
            if (w.find_first_of("/$:") != std::string_view::npos) continue;  // a path, a URL, a variable
            if (const std::string_view name = requirement_name(w); !name.empty()) out.push_back(name);
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> required_packages(std::string_view file, std::string_view text) {
    // "name", "name[extra]>=1", "name ; marker", "name @ url": a quoted string that starts with a requirement.
    static const RE2 quoted("[\"']([A-Za-z0-9][A-Za-z0-9._-]*)[ \\t]*(?:\\[[^\\]\"'\\n]*\\])?[ \\t]*[<>=!~;@\"']");
    // A key of Poetry's dependency tables: `name = "^1.0"`, `name = {version = ...}`.
    static const RE2 table_key("^[ \\t]*([A-Za-z0-9][A-Za-z0-9._-]*)[ \\t]*=[ \\t]*[\"'{]");
    // A TOML key whose value is an array: `dependencies = [`, `dev = [` (the key, and what follows the bracket).
    static const RE2 array_key("^[ \\t]*[\"']?([A-Za-z0-9._-]+)[\"']?[ \\t]*=[ \\t]*\\[(.*)$");
    // setup.py's requirement arguments, up to the first closing bracket or brace (a list, or extras' dict).
    // Lists assigned to variables named for requirements count too (`install_requires_base = [...]`,
    // `decoder_pypi_dep = [...]`, the template's `REQUIRED = [...]`): setup.py often builds the argument from them.
    static const RE2 setup_py_requires(
        "(?si)\\b\\w*?(?:require[sd]?|requirements?|deps?|dependencies)(?:_\\w+)?\\s*=\\s*[\\[{](.*?)[\\]}]");
    // A setup.cfg option (`install_requires = numpy`), whose value continues on indented lines.
    static const RE2 cfg_option("^([A-Za-z0-9_.-]+)[ \\t]*=[ \\t]*(.*)$");
    const std::string_view base = basename(file);
    std::vector<std::string> out;  // each name once, in the order first met
    std::unordered_set<std::string> seen;
    auto add_name = [&](std::string_view name) {
        std::string normalised = package_name(name);
        if (seen.insert(normalised).second) out.push_back(std::move(normalised));
    };
    auto add = [&](const re2::StringPiece& name) { add_name({name.data(), name.size()}); };
    auto add_line = [&](std::string_view line) {
        if (const std::string_view name = requirement_name(line); !name.empty()) add_name(name);
    };
    auto add_quoted = [&](std::string_view part) {
        re2::StringPiece input(part.data(), part.size());
        re2::StringPiece found;
        while (RE2::FindAndConsume(&input, quoted, &found)) add(found);
    };
    if (base == "Dockerfile") {
        for (const std::string_view name : pip_install_names(text)) add_name(name);
        return out;
    }
    if (base == "setup.py") {
        // Only in install_requires, its kin and lists named for requirements: `package_dir={'': 'src'}` names a
        // folder, not a requirement.
        re2::StringPiece input(text.data(), text.size());
        re2::StringPiece inside;
        while (RE2::FindAndConsume(&input, setup_py_requires, &inside)) add_quoted({inside.data(), inside.size()});
        return out;
    }
    const bool toml = base == "pyproject.toml";
    const bool cfg = base == "setup.cfg";
    std::string_view table;
    bool in_array = false;   // inside a TOML array of requirements, after its line
    bool in_option = false;  // inside a setup.cfg requirement option, on its indented lines
    for_each_line(text, [&](std::string_view line) {
        const re2::StringPiece piece(line.data(), line.size());
        re2::StringPiece found;
        if (!toml && !cfg) {  // a requirements file: each line a requirement
            add_line(line);
            return;
        }
        if (in_array) {
            add_quoted(line);
            in_array = !closes_array(line);
            return;
        }
        if (cfg && in_option) {
            if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
                add_line(line);
                return;
            }
            in_option = false;
        }
        if (auto header = section_header(line)) {
            table = *header;
            return;
        }
        if (cfg) {
            // [options] install_requires, [options.extras_require] any key: `name>=1` on the same or the next lines.
            re2::StringPiece key;
            re2::StringPiece value;
            if (RE2::FullMatch(piece, cfg_option, &key, &value) &&
                ((table == "options" && (key == "install_requires" || key == "tests_require")) ||
                 table == "options.extras_require")) {
                add_line({value.data(), value.size()});
                in_option = true;
            }
            return;
        }
        // pyproject.toml: the arrays of requirements (`dependencies`, `*-dependencies`, any key of a table of them:
        // `[project.optional-dependencies]`, `[dependency-groups]`), and the keys of Poetry's dependency tables.
        const bool requirement_table = ends_with(table, "dependencies") || table == "dependency-groups";
        re2::StringPiece key;
        re2::StringPiece rest;
        if (RE2::FullMatch(piece, array_key, &key, &rest) &&
            (requirement_table || ends_with({key.data(), key.size()}, "dependencies") || key == "requires")) {
            add_quoted({rest.data(), rest.size()});
            in_array = !closes_array({rest.data(), rest.size()});
        } else if (requirement_table && RE2::PartialMatch(piece, table_key, &found)) {
            add(found);
        }
    });
    return out;
}

Workspace uv_workspace(std::string_view file, std::string_view text) {
    Workspace out;
    if (basename(file) != "pyproject.toml") return out;
    // `members = [` or `exclude = [` (the key, and what follows the bracket), in the workspace's table only.
    static const RE2 array_key("^[ \\t]*(members|exclude)[ \\t]*=[ \\t]*\\[(.*)$");
    static const RE2 quoted("[\"']([^\"'\\n]+)[\"']");
    constexpr std::size_t kMaxGlobs = 256;  // each a path pattern; no real workspace lists more
    std::string_view table;
    std::vector<std::string>* into = nullptr;  // the array being read, across lines
    auto add_quoted = [&](std::string_view part) {
        re2::StringPiece input(part.data(), part.size());
        re2::StringPiece found;
        while (into && into->size() < kMaxGlobs && RE2::FindAndConsume(&input, quoted, &found))
            into->emplace_back(found.data(), found.size());
    };
    for_each_line(text, [&](std::string_view line) {
        if (into) {
            add_quoted(line);
            if (closes_array(line)) into = nullptr;
            return;
        }
        if (auto header = section_header(line)) {
            table = *header;
            return;
        }
        if (table != "tool.uv.workspace") return;
        re2::StringPiece key;
        re2::StringPiece rest;
        if (!RE2::FullMatch(re2::StringPiece(line.data(), line.size()), array_key, &key, &rest)) return;
        into = key == "members" ? &out.members : &out.excludes;
        const std::string_view after(rest.data(), rest.size());
        add_quoted(after);
        if (closes_array(after)) into = nullptr;
    });
    return out;
}

namespace {

// A line of a README that is decoration, not words: HTML (a centred logo), a badge or image, a rule.
bool decoration(std::string_view line) {
    return line.front() == '<' || line.compare(0, 2, "[!") == 0 || line.compare(0, 2, "![") == 0 ||
           line.find_first_not_of("=-*_~`#^+ ") == std::string_view::npos;
}

}  // namespace

std::string readme_title(std::string_view text) {
    std::string_view first_text;
    std::string_view previous;  // the line before, for a reStructuredText or setext underline
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = trim(text.substr(start, end - start));
        start = end + 1;
        if (line.empty()) { previous = {}; continue; }
        if (line[0] == '#') {
            // A line of `#` alone (an empty heading) has no title: the next one may.
            const std::size_t words = line.find_first_not_of('#');
            const std::string_view heading =
                words == std::string_view::npos ? std::string_view() : trim(line.substr(words));
            if (!heading.empty()) return std::string(heading);
            continue;
        }
        if (!previous.empty() && line.size() >= 3 && line.find_first_not_of(line[0]) == std::string_view::npos &&
            (line[0] == '=' || line[0] == '-'))
            return std::string(previous);
        if (decoration(line)) { previous = {}; continue; }
        if (first_text.empty()) first_text = line;
        previous = line;
    }
    return std::string(first_text);
}

bool is_coursework_title(std::string_view title) {
    static const RE2 pattern(
        "(?i)\\b(?:home\\s*works?|assignments?|course\\s*works?|problem\\s+sets?|"
        "(?:hw|lab|exercise)\\s*[-_#.]?\\s*[0-9]{1,2})\\b");
    return RE2::PartialMatch(re2::StringPiece(title.data(), title.size()), pattern);
}

namespace {

// A directory named for a gallery: examples, samples, demos, tutorials, notebooks, projects, solutions, use cases,
// a cookbook, recipes, a showcase.
bool gallery_name(std::string_view name) {
    static const RE2 gallery(
        "(?i)(examples?|samples?|demos?|tutorials?|notebooks?|projects?|solutions?|use[-_]?cases?|cookbooks?|"
        "recipes?|galler(y|ies)|showcases?)");
    return RE2::FullMatch(re2::StringPiece(name.data(), name.size()), gallery);
}

// Below a gallery folder (`examples/churn`), not the folder itself (redbox's `notebooks/` is one component).
bool in_gallery(std::string_view rel) { return any_component(parent(rel), gallery_name); }

// A folder that holds a team's models, one folder each: models, model, model_zoo, model-zoo, modelzoo (any case).
bool model_zoo_name(std::string_view name) {
    static const RE2 zoo("(?i)(models?|model[-_]?zoo)");
    return RE2::FullMatch(re2::StringPiece(name.data(), name.size()), zoo);
}

// A directory importable from the top of the scanned tree: every directory from the top down to it (below the top,
// or below a top-level `src/` in the src layout) holds `__init__.py` and is named as Python can import it. Such a
// directory is a package of the repository's one code base (OLMo's `evaluation/`, a team monorepo's
// `src/models/articlequality/` beside its shared `python/` library), never an independent project. Examples,
// samples, demos and tutorials stay what they are even when packaged (`examples/__init__.py`): a gallery.
// `packages` is sorted.
bool importable_from_top(std::string_view rel, const std::vector<std::string>& packages) {
    static const RE2 identifier("[A-Za-z_][A-Za-z0-9_]*");
    for (std::string_view dir = rel; !dir.empty(); dir = parent(dir)) {
        if (dir == "src" && dir != rel) return true;  // src layout: the import root is src/
        const std::string_view name = basename(dir);
        const re2::StringPiece piece(name.data(), name.size());
        if (!RE2::FullMatch(piece, identifier) || gallery_name(name)) return false;
        if (!std::binary_search(packages.begin(), packages.end(), dir)) return false;
    }
    return true;
}

// Whether `rel` lies inside a Python package at the top of the tree (ml4h's `ml4h/applications/ingest/`, below
// the `ml4h` package): files the package's own source tree holds, whatever the folders between (not a gallery's).
bool inside_top_package(std::string_view rel, const std::vector<std::string>& packages) {
    static const RE2 identifier("[A-Za-z_][A-Za-z0-9_]*");
    const std::size_t slash = rel.find('/');
    if (slash == std::string_view::npos) return false;
    const std::string_view top = rel.substr(0, slash);
    const re2::StringPiece piece(top.data(), top.size());
    if (!RE2::FullMatch(piece, identifier) || gallery_name(top) || any_component(rel, gallery_name)) return false;
    return std::binary_search(packages.begin(), packages.end(), top);
}

// `path` (relative, '/'-separated) from the directory `dir` of the scanned tree, normalised; false when it
// leaves the tree. The top of the tree is "".
bool resolve(std::string_view dir, std::string_view path, std::string& out) {
    std::vector<std::string_view> parts;
    auto push = [&parts](std::string_view all) {
        for (std::size_t start = 0; start <= all.size();) {
            std::size_t slash = all.find('/', start);
            if (slash == std::string_view::npos) slash = all.size();
            const std::string_view part = all.substr(start, slash - start);
            start = slash + 1;
            if (part.empty() || part == ".") continue;
            if (part == "..") {
                if (parts.empty()) return false;
                parts.pop_back();
            } else {
                parts.push_back(part);
            }
        }
        return true;
    };
    if (!push(dir) || !push(path)) return false;
    out.clear();
    for (const auto& part : parts) {
        if (!out.empty()) out += '/';
        out += part;
    }
    return true;
}

// `rel` lies strictly below the directory `dir` (`a/b` below `a`, not `ab`).
bool below(std::string_view rel, std::string_view dir) {
    return rel.size() > dir.size() && rel.compare(0, dir.size(), dir) == 0 && rel[dir.size()] == '/';
}
// `rel` is `dir` or lies below it.
bool inside_or_equal(std::string_view rel, std::string_view dir) { return rel == dir || below(rel, dir); }

// A union-find over the project roots: roots that depend on one another by a local path are one code base.
struct Groups {
    std::vector<std::size_t> parent;
    explicit Groups(std::size_t n) : parent(n) {
        for (std::size_t i = 0; i < n; ++i) parent[i] = i;
    }
    std::size_t find(std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

}  // namespace

namespace {

// Per text, the roots (their indexes, ascending) it names as names_path() does, gallery roots left out. Each text
// is read once, whatever the number of roots (a checkout is untrusted: thousands of roots searched one by one in
// megabytes of CI text took seconds): every path-like token is cut at its slashes, and each run of at most
// kLayoutDepth segments (no root is deeper) is looked up among the roots.
std::vector<std::vector<std::size_t>> roots_named(const std::vector<std::string>& texts,
                                                  const std::vector<std::string>& roots) {
    std::vector<std::vector<std::size_t>> out(texts.size());
    std::unordered_map<std::string_view, std::size_t> by_path;
    for (std::size_t i = 0; i < roots.size(); ++i)
        if (!in_gallery(roots[i])) by_path.emplace(roots[i], i);
    if (by_path.empty()) return out;
    for (std::size_t t = 0; t < texts.size(); ++t) {
        const std::string_view text = texts[t];
        std::vector<bool> named(roots.size(), false);
        for (std::size_t at = 0; at < text.size();) {
            // A comment (`#` at the start of a line or after a blank, `//` likewise) says nothing deployed.
            const bool line_start = at == 0 || text[at - 1] == '\n' || text[at - 1] == ' ' || text[at - 1] == '\t';
            if (line_start && (text[at] == '#' || text.compare(at, 2, "//") == 0)) {
                const std::size_t eol = text.find('\n', at);
                at = eol == std::string_view::npos ? text.size() : eol;
                continue;
            }
            if (!name_char(text[at]) && text[at] != '/') {
                ++at;
                continue;
            }
            std::size_t stop = at;
            while (stop < text.size() && (name_char(text[stop]) || text[stop] == '/')) ++stop;
            const std::string_view token = text.substr(at, stop - at);
            at = stop;
            // Only a path counts (`./churn`, `src/predict`, `churn/Dockerfile`), never a bare word (a matrix entry,
            // a job name), nor a glob's stem (`'fraud/**'` in a path filter, which says what triggers the run).
            if (token.find('/') == std::string_view::npos || (stop < text.size() && text[stop] == '*')) continue;
            // A root starts the token or follows a slash, and ends it, a slash, or a `.` that ends a sentence.
            for (std::size_t begin = 0; begin < token.size(); ++begin) {
                if (begin > 0 && token[begin - 1] != '/') continue;
                int segments = 0;
                for (std::size_t end = begin; end <= token.size() && segments < kLayoutDepth; ++end) {
                    const bool boundary = end == token.size() || token[end] == '/' ||
                                          (token[end] == '.' && (end + 1 == token.size() || token[end + 1] == '/'));
                    if (!boundary) continue;
                    if (end > begin)
                        if (auto it = by_path.find(token.substr(begin, end - begin)); it != by_path.end())
                            named[it->second] = true;
                    if (end < token.size() && token[end] == '/') ++segments;
                }
            }
        }
        for (std::size_t i = 0; i < roots.size(); ++i)
            if (named[i]) out[t].push_back(i);
    }
    return out;
}

}  // namespace

Layout detect_layout(std::vector<DirInfo> dirs, std::string_view readme,
                     const std::vector<std::string>& deploy_pipelines) {
    std::sort(dirs.begin(), dirs.end(), [](const DirInfo& a, const DirInfo& b) { return a.rel < b.rel; });
    Layout out;
    std::vector<std::string> packages;  // sorted, as dirs is
    for (const auto& d : dirs)
        if (d.package && !d.rel.empty()) packages.push_back(d.rel);
    std::vector<std::string> roots;  // every project root not inside another one
    std::vector<bool> code_base;     // per root: a package of the repository's code base, not a project of its own
    // Pipelines without code of their own (`pipeline/dvc.yaml` whose stages are `pipeline/train/`, ...): each
    // encloses the roots below it and becomes their one root; alone, it is a pipeline of the code base around it.
    std::vector<std::string> pipelines;
    std::map<std::string, std::vector<std::string>> modules;  // parent -> numbered modules in it
    for (const auto& d : dirs) {
        if (d.rel.empty()) continue;
        const std::string_view name = basename(d.rel);
        if (is_teaching_dir(name)) out.teaching.push_back(d.rel);
        if (is_numbered_module(name)) modules[std::string(parent(d.rel))].push_back(d.rel);
        if (any_component(d.rel, not_a_project)) continue;
        // Independent: not inside another project (sorted, so an enclosing project comes first).
        if (std::any_of(roots.begin(), roots.end(), [&](const std::string& r) { return below(d.rel, r); })) continue;
        if (!(d.strong || (d.weak && d.code))) {
            if (d.pipeline) pipelines.push_back(d.rel);
            continue;
        }
        std::string root = d.rel;  // or the outermost pipeline that encloses it
        for (auto p = pipelines.rbegin(); p != pipelines.rend(); ++p)
            if (below(d.rel, *p)) root = *p;
        roots.push_back(root);  // encloses the roots below it, whether or not it is a project of its own
        code_base.push_back(importable_from_top(root, packages) || inside_top_package(root, packages));
    }
    // Roots that depend on one another by a local path (redbox's django_app/, streamlit_app/ and notebooks/ on
    // ../redbox-core) are components of one system; a root that depends on code outside every root (the top's
    // package, a shared folder) is part of the repository's code base. Independent projects share no code.
    auto root_of = [&roots](std::string_view rel) -> std::size_t {
        for (std::size_t i = 0; i < roots.size(); ++i)
            if (inside_or_equal(rel, roots[i])) return i;
        return roots.size();
    };
    Groups groups(roots.size());
    std::string target;
    for (const auto& d : dirs) {
        const std::size_t from = d.uses.empty() ? roots.size() : root_of(d.rel);
        if (from == roots.size()) continue;
        for (const auto& use : d.uses) {
            if (!resolve(d.rel, use, target)) continue;  // out of the tree: nothing here to join
            const std::size_t to = root_of(target);
            if (to != roots.size())
                groups.join(from, to);
            else if (!in_gallery(roots[from]))  // a gallery's examples that install the library stay a gallery
                code_base[from] = true;
        }
    }
    // Roots that require one another's package by name (anemoi-core's training/ requires anemoi-models, the
    // distribution models/ declares) are components of one system too, released together. A name two roots
    // declare (two homework folders both called `hw`) names neither; a gallery's examples stay a gallery.
    constexpr std::size_t kAmbiguous = static_cast<std::size_t>(-1);
    std::map<std::string, std::size_t, std::less<>> declared;  // package -> its root (roots.size(): the top)
    for (const auto& d : dirs) {
        if (d.provides.empty()) continue;
        const std::size_t at = d.rel.empty() ? roots.size() : root_of(d.rel);
        if (at == roots.size() && !d.rel.empty()) continue;  // a manifest outside every root and below the top
        auto [it, added] = declared.emplace(d.provides, at);
        if (!added && it->second != at) it->second = kAmbiguous;
    }
    for (const auto& d : dirs) {
        // The top requires a root's package (ol-data-platform's dev group lists ol-dbt-cli, which src/ol_dbt_cli
        // declares): that root is one of the top's own libraries, part of the code base.
        if (d.rel.empty()) {
            for (const auto& required : d.requires_packages) {
                const auto it = declared.find(required);
                if (it != declared.end() && it->second != kAmbiguous && it->second != roots.size() &&
                    !in_gallery(roots[it->second]))
                    code_base[it->second] = true;
            }
            continue;
        }
        const std::size_t from = d.requires_packages.empty() ? roots.size() : root_of(d.rel);
        if (from == roots.size() || in_gallery(roots[from])) continue;
        for (const auto& required : d.requires_packages) {
            const auto it = declared.find(required);
            if (it == declared.end() || it->second == kAmbiguous || it->second == from) continue;
            if (it->second == roots.size())
                code_base[from] = true;  // the top's own package
            else
                groups.join(from, it->second);
        }
    }
    // A uv workspace's members share one lock file and are developed together: the members of the top's workspace
    // are its code base. (A root's own workspace has its members inside it, where they belong to it anyway.)
    for (const auto& d : dirs) {
        if (!d.rel.empty() || d.workspace_members.empty()) continue;
        auto compile = [](const std::vector<std::string>& globs) {
            GlobSet set;
            for (std::string rel : globs) {
                while (rel.compare(0, 2, "./") == 0) rel.erase(0, 2);
                while (!rel.empty() && rel.back() == '/') rel.pop_back();
                if (!rel.empty() && !glob_error(rel)) set.add(rel);  // not `.` (the top itself), and a glob
            }
            set.compile();
            return set;
        };
        const GlobSet members = compile(d.workspace_members);
        const GlobSet excludes = compile(d.workspace_excludes);
        std::vector<int> hits;
        auto matches = [&hits](const GlobSet& set, const std::string& path) {
            if (set.size() == 0) return false;
            set.match(path, hits);
            return !hits.empty();
        };
        for (std::size_t i = 0; i < roots.size(); ++i)
            if (!in_gallery(roots[i]) && matches(members, roots[i]) && !matches(excludes, roots[i]))
                code_base[i] = true;
    }
    // The roots inside the models folder at the top of a repository that is a project itself (a manifest at its
    // top: ocp-ci-analysis's models/<name>/, each a model server with its requirements, beside its Pipfile; ml4h's
    // model_zoo/<name>/ beside its setup.py) are that project's models, not projects of their own. Without a
    // project at the top, a models folder may be a gallery of unrelated models, and is read like any other folder.
    const bool top_is_project =
        std::any_of(dirs.begin(), dirs.end(), [](const DirInfo& d) { return d.rel.empty() && (d.strong || d.weak); });
    std::map<std::string_view, std::size_t> models_folders;  // a models folder -> its first root
    for (std::size_t i = 0; i < roots.size() && top_is_project; ++i) {
        const std::size_t slash = roots[i].find('/');
        if (slash == std::string::npos) continue;
        const std::string_view folder = std::string_view(roots[i]).substr(0, slash);
        if (!model_zoo_name(folder)) continue;
        const auto [it, first] = models_folders.emplace(folder, i);
        if (!first) groups.join(i, it->second);
    }
    for (std::size_t i = 0; i < roots.size(); ++i)
        if (code_base[i]) code_base[groups.find(i)] = true;
    // Roots that one of the repository's pipelines deploys together (AirQo's deploy-apis-to-production.yml builds
    // and ships src/predict/api, src/calibrate, src/spatial, ...) are one team's system, and the repository is
    // that system: the rest are its libraries and tools. Nobody deploys the examples of a gallery together.
    // The numbered modules of the directory that has most of them (a course's weeks are siblings).
    const std::vector<std::string>* best = nullptr;
    for (const auto& [p, ms] : modules)
        if (!best || ms.size() > best->size()) best = &ms;
    const std::size_t teaching_dirs = out.teaching.size();
    const bool course = teaching_dirs >= kMinTeachingDirs || (best && best->size() >= kMinModules);
    std::vector<std::size_t> deployed;  // a root of each group some pipeline deploys together (not in a course)
    for (const auto& named : course ? std::vector<std::vector<std::size_t>>{} : roots_named(deploy_pipelines, roots)) {
        if (named.size() < 2) continue;
        for (std::size_t i : named) groups.join(i, named.front());
        deployed.push_back(named.front());
    }
    // One system deployed together is the repository's; two or more (churn's pipeline, fraud's pipeline) are
    // separate systems, each counted once among the projects.
    std::optional<std::size_t> system;
    for (std::size_t d : deployed)
        if (!system)
            system = groups.find(d);
        else if (*system != groups.find(d))
            system = kAmbiguous;
    // A group is listed as its first root, the one to pick with --project; a models group as its folder.
    auto listed_as = [&](std::size_t i) {
        for (const auto& [folder, first_root] : models_folders)
            if (first_root == i) return std::string(folder);
        return roots[i];
    };
    std::vector<std::string> independent;  // one root per group of roots that is not part of the code base
    std::vector<bool> listed(roots.size(), false);
    for (std::size_t i = 0; i < roots.size(); ++i) {
        const std::size_t g = groups.find(i);
        if (code_base[g] || listed[g]) continue;
        listed[g] = true;
        independent.push_back(listed_as(i));
    }
    if (system && *system != kAmbiguous) {
        independent.clear();
        for (std::size_t i = 0; i < roots.size() && !code_base[*system]; ++i)
            if (groups.find(i) == *system) {
                independent.push_back(listed_as(i));  // its first root, as for every group
                break;
            }
    }
    if (best && best->size() >= kMinModules) out.teaching.insert(out.teaching.end(), best->begin(), best->end());
    out.projects = std::move(independent);
    if (course)
        out.kind = LayoutKind::Course;
    else if (out.projects.size() >= kMinProjects) out.kind = LayoutKind::Projects;
    if (out.kind != LayoutKind::Course && teaching_dirs < kMinTeachingDirs) out.teaching.clear();
    // A student's single submission has no teaching folders, but its README says what it is ("MLOps HW #4").
    if (std::string title = readme_title(readme); is_coursework_title(title)) {
        out.kind = LayoutKind::Course;
        out.coursework = std::move(title);
    }
    return out;
}

namespace {

// The root entries that belong to the whole repository (docs/scan.md, "--project DIR"), and where CI pipelines
// are among them: the entry itself (a file), any file below it, or files below one of its subdirectories.
enum class Pipelines { None, Itself, Below };
struct RepositoryEntry {
    std::string_view name;
    Pipelines pipelines;
    std::string_view under = {};  // Below: only under this subdirectory (.github/workflows)
};
constexpr RepositoryEntry kRepositoryLevel[] = {
    {".git", Pipelines::None},
    {".github", Pipelines::Below, "workflows"},
    {".gitlab", Pipelines::Below},
    {".gitlab-ci.yml", Pipelines::Itself},
    {"Jenkinsfile", Pipelines::Itself},
    {".circleci", Pipelines::Below},
    {"azure-pipelines.yml", Pipelines::Itself},
    {"azure-pipelines.yaml", Pipelines::Itself},
    {".azure-pipelines", Pipelines::Below},
    {".buildkite", Pipelines::Below},
    {"bitbucket-pipelines.yml", Pipelines::Itself},
    {".pre-commit-config.yaml", Pipelines::None},
    {"CODEOWNERS", Pipelines::None},
};

const RepositoryEntry* repository_entry(std::string_view root_entry) {
    for (const auto& e : kRepositoryLevel)
        if (e.name == root_entry) return &e;
    return nullptr;
}

}  // namespace

bool is_repository_level(std::string_view e) { return repository_entry(e) != nullptr; }

bool is_ci_pipeline(std::string_view rel) {
    const std::size_t slash = rel.find('/');
    const RepositoryEntry* e = repository_entry(rel.substr(0, slash));
    if (!e || e->pipelines == Pipelines::None) return false;
    if (e->pipelines == Pipelines::Itself) return slash == std::string_view::npos;
    if (slash == std::string_view::npos) return false;
    const std::string_view below = rel.substr(slash + 1);
    if (e->under.empty()) return !below.empty();
    return below.size() > e->under.size() && below.compare(0, e->under.size(), e->under) == 0 &&
           below[e->under.size()] == '/';
}

bool names_path(std::string_view text, std::string_view path) {
    for (std::size_t at = text.find(path); !path.empty() && at != text.npos; at = text.find(path, at + 1)) {
        const bool starts = at == 0 || !name_char(text[at - 1]);
        const std::size_t end = at + path.size();
        const bool ends = end == text.size() || !name_char(text[end]) ||
                          (text[end] == '.' && (end + 1 == text.size() || !name_char(text[end + 1])));
        if (starts && ends) return true;
    }
    return false;
}

bool deploys_from_ci(std::string_view text) {
    // The words the deployment rules of the built-in questionnaire read in CI files (questionnaires/mlops.yaml).
    static const RE2 deploy("(?i:\\b(deploy|deployment|promote|rollout)\\b)|\\b(deploy|promote|rollout)_[a-z0-9]");
    // Documentation sites (a static site host, a book builder too) and package releases (to PyPI or npm) deploy no
    // system.
    static const RE2 docs(
        "(?i)(gh-pages|deploy-pages|upload-pages-artifact|github[- ]pages|gh-deploy|mkdocs|sphinx|jekyll|docusaurus|"
        "netlify|jupyter-book|quarto\\s+publish|"
        "readthedocs|gh-action-pypi-publish|\\btwine\\s+upload|\\bnpm\\s+publish|\\b(poetry|uv|flit|hatch)\\s+"
        "publish\\b|"
        "uses:\\s*\\S*pypi\\S*\\.ya?ml)");
    const re2::StringPiece piece(text.data(), text.size());
    return RE2::PartialMatch(piece, deploy) && !RE2::PartialMatch(piece, docs);
}

bool ci_runs_project(std::string_view text, std::string_view project) {
    // The project's path as a whole path: "04-deployment" in "cd 04-deployment/web" or "'04-deployment/**'",
    // but not in "04-deployment-old".
    if (names_path(text, project)) return true;
    // No path filter: it runs on every change of the repository, the project's included.
    static const RE2 filter("(?m)^[ \\t-]*(?:paths|changes)[ \\t]*:|\\bchangeset\\b");
    return !RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), filter);
}

bool is_pipeline_definition(std::string_view rel) {
    const std::string_view name = basename(rel);
    return is_ci_pipeline(rel) && (ends_with(name, ".yml") || ends_with(name, ".yaml") || name == "Jenkinsfile");
}

bool is_github_workflow(std::string_view rel) {
    constexpr std::string_view dir = ".github/workflows/";
    if (rel.size() <= dir.size() || rel.compare(0, dir.size(), dir) != 0) return false;
    const std::string_view name = rel.substr(dir.size());
    auto ends_with = [name](std::string_view s) {
        return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    return name.find('/') == std::string_view::npos && (ends_with(".yml") || ends_with(".yaml"));
}

bool github_workflow_never_runs(std::string_view text) {
    // The top-level trigger key: `on`, quoted, or `true` (what YAML 1.1 reads `on` as).
    static const RE2 key("(?m)(^(?:on|\"on\"|'on'|true)[ \\t]*:)");
    re2::StringPiece found;
    if (!RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), key, &found)) return false;
    // Meaningful text is anything but blanks and a `#` comment (`#` starts one at the start or after a blank).
    auto has_content = [](std::string_view s) {
        const std::size_t first = s.find_first_not_of(" \t\r");
        return first != std::string_view::npos && s[first] != '#';
    };
    std::size_t at = static_cast<std::size_t>(found.data() - text.data()) + found.size();
    std::size_t eol = text.find('\n', at);
    if (has_content(text.substr(at, eol == text.npos ? text.npos : eol - at))) return false;  // `on: push`
    // The block under `on:`: the lines up to the next top-level key. Any event left in it runs the workflow.
    while (eol != text.npos) {
        const std::size_t begin = eol + 1;
        eol = text.find('\n', begin);
        const std::string_view line = text.substr(begin, eol == text.npos ? text.npos : eol - begin);
        if (!has_content(line)) continue;
        // A document marker (`---`, `...`) or the next top-level key ends the block: no event was left.
        if (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") return true;
        if (line[0] != ' ' && line[0] != '\t' && line[0] != '-') return true;
        return false;
    }
    return true;
}

}  // namespace mm
