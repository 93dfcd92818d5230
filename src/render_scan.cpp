// `scan` output: per question what was found and the suggested answer, as text or JSON. Layout only.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mm/render.hpp"
#include "mm/scan.hpp"
#include "json_text.hpp"

namespace mm {

namespace {

using ojson = nlohmann::ordered_json;

// yes, partial, or the option level a choice question's evidence suggests ("2").
std::string suggestion_text(const QuestionEvidence& e) {
    if (!e.suggestion) return "-";
    return *e.suggestion == AnswerKind::Choice ? std::to_string(e.suggested_option) : to_string(*e.suggestion);
}

std::string bytes_text(std::uint64_t n) {
    if (n >= (1u << 20)) return fmt::format("{:.1f} MiB", static_cast<double>(n) / (1u << 20));
    if (n >= (1u << 10)) return fmt::format("{:.1f} KiB", static_cast<double>(n) / (1u << 10));
    return fmt::format("{} B", n);
}

std::string clip(const std::string& s, std::size_t width) {
    if (s.size() <= width) return s;
    std::size_t cut = width > 3 ? width - 3 : 0;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "...";
}

std::string first_few(const std::vector<std::string>& names) {
    constexpr std::size_t kShown = 3;
    std::string out;
    const std::size_t n = std::min(names.size(), kShown);
    for (std::size_t i = 0; i < n; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > n) out += fmt::format(" and {} more", names.size() - n);
    return out;
}

}  // namespace

std::string layout_text(const ScanResult& scan) {
    const Layout& l = scan.layout;
    switch (l.kind) {
        case LayoutKind::Single: return "one project";
        case LayoutKind::Projects: return fmt::format("{} projects ({})", l.projects.size(), first_few(l.projects));
        case LayoutKind::Course:
            if (!l.coursework.empty()) return "homework or coursework (its README's title: \"" + l.coursework + "\")";
            return "a course or example gallery (teaching folders: " + first_few(l.teaching) + ")";
    }
    return {};
}

std::string render_scan_text(const Questionnaire& q, const ScanResult& scan, bool color, int width) {
    auto paint = [color](Ansi style, const std::string& s) { return styled(style, s, color); };
    const std::size_t cols = static_cast<std::size_t>(std::max(width, 60));
    std::string out = paint(Ansi::Bold, "Evidence in " + terminal_safe(scan.root)) +
                      fmt::format(" for {} ({} {})\n", terminal_safe(q.title), terminal_safe(q.id),
                                  terminal_safe(q.version));
    if (!scan.project.empty()) out += "Project: " + terminal_safe(scan.project) + " (with the repository's CI that runs it)\n";
    out += "Layout: " + terminal_safe(layout_text(scan)) + "\n";
    if (!scan.layout.coursework.empty())
        out += paint(Ansi::Yellow, "A student's work, not a team's practice: no answers are suggested from it "
                                   "(--whole-repo takes its evidence anyway).") + "\n";
    else if (scan.layout.mixed())
        out += paint(Ansi::Yellow, "Evidence from all of them is mixed here: not one team's practice. Scan one with "
                           "--project DIR, or leave folders out with --exclude GLOB.") + "\n";
    std::size_t with_evidence = 0, id_width = 0;
    for (const auto& e : scan.questions) id_width = std::max(id_width, terminal_safe(e.question).size());
    id_width = std::min<std::size_t>(id_width, 32);
    for (const auto& d : q.dimensions) {
        bool heading = false;
        for (const auto& qu : d.questions) {
            const QuestionEvidence* e = scan.find(qu.id);
            if (!e) continue;
            if (!heading) {
                out += "\n" + paint(Ansi::Bold, terminal_safe(d.name)) + "\n";
                heading = true;
            }
            std::string s = suggestion_text(*e);
            std::string label = fmt::format("  {:<8} ", s);
            label = e->suggestion ? paint(*e->suggestion == AnswerKind::Yes ? Ansi::Green : Ansi::Yellow, label)
                                  : paint(Ansi::Dim, label);
            std::string text = e->hits.empty() ? "no evidence" : terminal_safe(qu.text);
            if (!e->hits.empty()) ++with_evidence;
            std::string id = terminal_safe(qu.id);
            if (id.size() < id_width) id += std::string(id_width - id.size(), ' ');
            std::size_t room = cols > 11 + id.size() + 22 ? cols - 11 - id.size() - 2 : 20;
            out += label + id + "  " + paint(Ansi::Dim, clip(text, room)) + "\n";
            std::size_t shown = std::min<std::size_t>(e->hits.size(), 3);
            for (std::size_t i = 0; i < shown; ++i) {
                const EvidenceHit& h = e->hits[i];
                std::string line = terminal_safe(h.path);
                if (h.line > 0) line += fmt::format(":{}: {}", h.line, terminal_safe(h.excerpt));
                else if (!h.excerpt.empty())
                    line += ": " + terminal_safe(h.excerpt);  // a history rule's summary
                out += "           " + clip(line, cols - 11) + "\n";
            }
            if (e->hit_count > shown)
                out += paint(Ansi::Dim, fmt::format("           (+{} more)", e->hit_count - shown)) + "\n";
        }
    }
    const ScanStats& st = scan.stats;
    out += "\n" + paint(Ansi::Bold, "Summary") +
           fmt::format(": {} of {} questions with evidence rules have evidence ({} questions in all).\n",
                       with_evidence, scan.questions.size(), q.question_count());
    out += fmt::format("Files: {} scanned, {} read ({}), {} skipped ({} binary, {} over the size limit, {} "
                       "unreadable, {} symlinks); {} ignored by .gitignore; {} heavy directories not entered.\n",
                       st.files, st.files_read, bytes_text(st.bytes_read), st.skipped(), st.skipped_binary,
                       st.skipped_large, st.unreadable, st.skipped_symlinks, st.ignored, st.skipped_dirs);
    if (st.excluded) out += fmt::format("{} entries left out by --exclude or --project.\n", st.excluded);
    if (st.inert_workflows)
        out += fmt::format("{} GitHub workflow{} with every trigger commented out, never run: not evidence.\n",
                           st.inert_workflows, st.inert_workflows == 1 ? "" : "s");
    return out;
}

std::string render_scan_json(const Questionnaire& q, const ScanResult& scan, const std::string& tool_version) {
    ojson j;
    j["schema_version"] = 1;
    j["tool"] = {{"name", "mlops-maturity"}, {"version", tool_version}};
    j["questionnaire"] = {{"id", q.id}, {"title", q.title}, {"version", q.version}, {"digest", q.digest}};
    j["root"] = scan.root;
    j["project"] = scan.project.empty() ? ojson(nullptr) : ojson(scan.project);
    j["layout"] = {{"kind", to_string(scan.layout.kind)},
                   {"projects", scan.layout.projects},
                   {"teaching", scan.layout.teaching},
                   {"coursework", scan.layout.coursework.empty() ? ojson(nullptr) : ojson(scan.layout.coursework)}};
    ojson questions = ojson::array();
    std::size_t with_evidence = 0;
    for (const auto& e : scan.questions) {
        ojson hits = ojson::array();
        for (const auto& h : e.hits) {
            ojson hj{{"path", h.path}};
            if (h.line > 0) hj["line"] = h.line;
            if (!h.excerpt.empty()) hj["excerpt"] = h.excerpt;
            hits.push_back(std::move(hj));
        }
        if (!e.hits.empty()) ++with_evidence;
        questions.push_back({{"question", e.question},
                             {"dimension", e.dimension},
                             {"rules", e.rules},
                             {"suggested", !e.suggestion ? ojson(nullptr)
                                          : *e.suggestion == AnswerKind::Choice ? ojson(e.suggested_option)
                                                                                : ojson(to_string(*e.suggestion))},
                             {"evidence_count", e.hit_count},
                             {"evidence", hits}});
    }
    j["questions"] = questions;
    const ScanStats& st = scan.stats;
    j["summary"] = {{"questions", q.question_count()},
                    {"with_rules", scan.questions.size()},
                    {"with_evidence", with_evidence},
                    {"files", st.files},
                    {"directories", st.directories},
                    {"files_read", st.files_read},
                    {"bytes_read", st.bytes_read},
                    {"ignored", st.ignored},
                    {"skipped_directories", st.skipped_dirs},
                    {"excluded", st.excluded},
                    {"inert_workflows", st.inert_workflows},
                    {"skipped",
                     {{"total", st.skipped()},
                      {"binary", st.skipped_binary},
                      {"too_large", st.skipped_large},
                      {"symlinks", st.skipped_symlinks},
                      {"unreadable", st.unreadable}}}};
    j["warnings"] = scan.warnings;
    return json_text(j);
}

}  // namespace mm
