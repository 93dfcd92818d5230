// The roadmap view (`--roadmap`): for every level above the current one, what reaching it takes. A level is
// reached overall when every dimension meets it, so each level lists the defining practices still missing at
// that level, by dimension, and counts the supporting ones (they raise the score, not the level).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "mm/render.hpp"
#include "render_util.hpp"

namespace mm {

namespace {

using namespace render_util;

struct RoadmapLevel {
    int level = 0;
    // Per dimension, in report order: the defining practices missing at this level.
    std::vector<std::pair<std::string, std::vector<std::string>>> defining;
    std::size_t supporting = 0;
};

// The levels from the one above the overall level up to the top (or the answers' scope: nothing above it was
// assessed), each with its gaps (JSON has the same data in gaps[].level and gaps[].defining).
std::vector<RoadmapLevel> roadmap(const Report& r) {
    const Assessment& a = r.assessment;
    std::vector<RoadmapLevel> out;
    const int top = a.up_to_level ? std::min(*a.up_to_level, r.questionnaire.max_level()) : r.questionnaire.max_level();
    for (int level = a.overall_level + 1; level <= top; ++level) {
        RoadmapLevel rl;
        rl.level = level;
        for (const auto& d : a.dimensions) {
            std::vector<std::string> ids;
            for (const auto& g : a.gaps)
                if (g.dimension == d.id && g.level == level && g.defining) ids.push_back(g.question);
            if (!ids.empty()) rl.defining.emplace_back(d.id, std::move(ids));
        }
        for (const auto& g : a.gaps) rl.supporting += g.level == level && !g.defining;
        out.push_back(std::move(rl));
    }
    return out;
}

std::string level_title(const Report& r, int level) {
    const std::string name = r.questionnaire.level_name(level);
    std::string out = fmt::format("Level {}", level) + (name.empty() ? "" : ": " + name);
    return out;
}

const char* target_mark(const Report& r, int level) {
    return r.assessment.target && r.assessment.target->level == level ? " (target)" : "";
}

std::string supporting_line(std::size_t n) {
    return "plus " + plural(n, "supporting practice", "supporting practices") + " (they raise the score, not the level)";
}

}  // namespace

std::string render_roadmap_text(const Report& r, const TextOptions& options) {
    const Assessment& a = r.assessment;
    const int width = std::max(options.width, 60);
    auto bold = [&](const std::string& s) { return styled(Ansi::Bold, s, options.color); };
    std::string out = bold(fmt::format("Roadmap from level {}: {}", a.overall_level, terminal_safe(a.overall_name))) +
                      "\n";
    if (a.up_to_level) out += "Capped: " + scope_note(a) + "\n";
    const std::vector<RoadmapLevel> levels = roadmap(r);
    if (levels.empty())
        return out + (a.up_to_level ? "Nothing is missing up to that level.\n" : "This is the top level: nothing above it.\n");
    int name_width = 8;
    for (const auto& d : a.dimensions) name_width = std::max(name_width, display_width(terminal_safe(d.id)));
    name_width = std::min(name_width, width / 3);
    for (const auto& rl : levels) {
        out += "\n" + bold(terminal_safe(level_title(r, rl.level)) + target_mark(r, rl.level)) + "\n";
        if (rl.defining.empty())
            out += "  no defining practice missing at this level: the levels below are what it waits for\n";
        for (const auto& [dim, ids] : rl.defining) {
            std::string list;
            for (const auto& id : ids) list += (list.empty() ? "" : ", ") + terminal_safe(id);
            out += "  " + pad_right(truncate_to(terminal_safe(dim), name_width), name_width) + "  " +
                   wrap(list, width, name_width + 4) + "\n";
        }
        if (rl.supporting) out += "  " + wrap(supporting_line(rl.supporting), width, 2) + "\n";
    }
    return out;
}

std::string render_roadmap_markdown(const Report& r) {
    const Assessment& a = r.assessment;
    const Index index(r);
    std::string out = fmt::format("## Roadmap from level {}: {}\n", a.overall_level, markdown_escape(a.overall_name));
    if (a.up_to_level) out += "\n**Capped:** " + scope_note(a) + "\n";
    const std::vector<RoadmapLevel> levels = roadmap(r);
    if (levels.empty())
        return out + (a.up_to_level ? "\nNothing is missing up to that level.\n" : "\nThis is the top level: nothing above it.\n");
    for (const auto& rl : levels) {
        out += "\n### " + markdown_escape(level_title(r, rl.level)) + target_mark(r, rl.level) + "\n\n";
        if (rl.defining.empty())
            out += "No defining practice missing at this level: the levels below are what it waits for.\n";
        for (const auto& [dim, ids] : rl.defining) {
            std::string list;
            for (const auto& id : ids) list += (list.empty() ? "" : ", ") + markdown_code(id);
            out += "- **" + markdown_escape(index.dimension_name(dim)) + "**: " + list + "\n";
        }
        if (rl.supporting) out += (rl.defining.empty() ? "\n" : "") + std::string("- ") + supporting_line(rl.supporting) + "\n";
    }
    return out;
}

}  // namespace mm
