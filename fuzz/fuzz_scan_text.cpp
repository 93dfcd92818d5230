// libFuzzer target: arbitrary bytes as the text of a scanned file (scanned files are untrusted). The scan's
// text judgements must never read out of bounds or throw: the decoding of UTF-16 and BOMs (text_encoding),
// comments per language, hit strength, whether a GitHub workflow can start, whether a CI pipeline runs a
// --project, and the line a pattern cites; and the layout's reading of manifests (the package declared and those
// required) and of the pipelines that deploy (the roots they name). The last byte picks the file name (and so the
// comment syntax); offsets are sampled so each input stays linear.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "evidence_text.hpp"
#include "mm/layout.hpp"
#include "scan_plan.hpp"
#include "text_encoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static constexpr std::array<std::string_view, 8> kNames = {
        ".github/workflows/ci.yml", "src/train.py",   "Jenkinsfile", "infra/main.tf",
        "sql/features.sql",         "notebook.ipynb", "Dockerfile",  "README.md"};
    if (size == 0) return 0;
    // The last byte picks the name, so a seed's text keeps its first line.
    const std::string_view name = kNames[data[size - 1] % kNames.size()];
    // The text as the scan sees it: transcoded from UTF-16 when the bytes start with its BOM.
    std::string decoded;
    const std::string_view text =
        mm::utf8_text(std::string_view(reinterpret_cast<const char*>(data), size - 1), decoded);
    const mm::CommentStyle style = mm::comment_style(name);
    const std::size_t step = std::max<std::size_t>(1, text.size() / 64);
    for (std::size_t off = 0; off < text.size(); off += step) (void)mm::in_comment(text, off, style);
    // hit_strength sees one line and a match inside it, as the scan gives it.
    for (std::size_t begin = 0; begin < text.size();) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(begin, end - begin);
        const std::size_t a = line.size() / 3;
        (void)mm::hit_strength(line, a, std::min(line.size(), a + 1 + line.size() / 4));
        begin = end + 1;
    }
    // The cited line of a pattern's strongest hit outside comments (scan_plan's locate), for patterns shaped like
    // the rules': line-anchored, multi-line, empty-matching, and a call.
    static const std::array<RE2, 4> kPatterns = {RE2("(?m)^\\s*on\\s*:"), RE2("(?s)train.*save"), RE2("x*"),
                                                 RE2("^[^#\\n]*\\bmlflow\\.\\w+\\(")};
    for (const RE2& p : kPatterns) (void)mm::scanning::locate(p, text, style);
    (void)mm::is_github_workflow(name);
    (void)mm::github_workflow_never_runs(text);
    (void)mm::ci_runs_project(text, "proj");
    // The layout: the same bytes as each kind of manifest, and as a pipeline that deploys roots of a tree.
    for (const char* manifest : {"pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", "Dockerfile"}) {
        (void)mm::declared_package(manifest, text);
        (void)mm::required_packages(manifest, text);
        (void)mm::local_path_dependencies(text);
    }
    (void)mm::deploys_from_ci(text);
    (void)mm::names_path(text, "src/predict");
    std::vector<mm::DirInfo> dirs = {{"src/predict", true}, {"src/calibrate", true}, {"a/b/c", true}, {"x", true}};
    dirs[0].requires_packages = mm::required_packages("requirements.txt", text);
    dirs[1].provides = mm::declared_package("pyproject.toml", text);
    // The top's own manifest: the packages it requires and its uv workspace's globs, matched against the roots.
    mm::DirInfo top{"", true};
    top.requires_packages = mm::required_packages("pyproject.toml", text);
    mm::Workspace workspace = mm::uv_workspace("pyproject.toml", text);
    top.workspace_members = std::move(workspace.members);
    top.workspace_excludes = std::move(workspace.excludes);
    dirs.push_back(std::move(top));
    (void)mm::detect_layout(dirs, text, {std::string(text)});
    return 0;
}
