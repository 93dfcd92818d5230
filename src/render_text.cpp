// The human report for a terminal: headline, dimension table with bars, and the gaps in priority order.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "mm/render.hpp"
#include "render_util.hpp"

namespace mm {

std::string terminal_safe(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0x1b) {
            // Skip a whole escape sequence (CSI ... final byte, or OSC ... BEL/ST), not just the ESC.
            if (i + 1 < s.size() && s[i + 1] == '[') {
                i += 2;
                while (i < s.size() && !(s[i] >= 0x40 && s[i] <= 0x7e)) ++i;
            } else if (i + 1 < s.size() && s[i + 1] == ']') {
                i += 2;
                while (i < s.size() && s[i] != '\a' && !(s[i] == 0x1b && i + 1 < s.size() && s[i + 1] == '\\')) ++i;
                if (i < s.size() && s[i] == 0x1b) ++i;
            } else {
                ++i;
            }
            continue;
        }
        if (c == '\n' || c == '\t') { out += ' '; continue; }
        if (c < 0x20 || c == 0x7f) continue;
        // C1 controls (U+0080..U+009F) are two bytes in UTF-8: 0xC2 0x80..0x9F. U+009B is an 8-bit CSI and U+009D
        // an 8-bit OSC: skip their parameters too, as for ESC [ and ESC ].
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
            unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
            ++i;
            if (c1 == 0x9b) {
                while (i + 1 < s.size() && !(s[i + 1] >= 0x40 && s[i + 1] <= 0x7e)) ++i;
                if (i + 1 < s.size()) ++i;
            } else if (c1 == 0x9d) {
                while (i + 1 < s.size() && s[i + 1] != '\a' && !(static_cast<unsigned char>(s[i + 1]) == 0xC2 &&
                                                                 i + 2 < s.size() &&
                                                                 static_cast<unsigned char>(s[i + 2]) == 0x9c))
                    ++i;
                if (i + 1 < s.size()) i += s[i + 1] == '\a' ? 1 : 2;
            }
            continue;
        }
        // Bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069) can make text display in another
        // order than it reads ("Trojan Source"); line and paragraph separators (U+2028, U+2029) break lines.
        if (c == 0xE2 && i + 2 < s.size()) {
            unsigned char b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
            if (b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9)) { out += ' '; i += 2; continue; }
            if ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) { i += 2; continue; }
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string escape_controls(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0x1b) { out += "\\e"; continue; }
        if (c == '\a') { out += "\\a"; continue; }
        if (c == '\n') { out += "\\n"; continue; }
        if (c == '\r') { out += "\\r"; continue; }
        if (c == '\t') { out += "\\t"; continue; }
        if (c < 0x20 || c == 0x7f) { out += fmt::format("\\x{:02x}", c); continue; }
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
            out += fmt::format("\\u{{{:x}}}", static_cast<unsigned char>(s[i + 1]));
            ++i;
            continue;
        }
        if (c == 0xE2 && i + 2 < s.size()) {
            unsigned char b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
            if ((b1 == 0x80 && b2 >= 0xA8 && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
                unsigned cp = 0x2000u + ((b1 & 0x3Fu) << 6) + (b2 & 0x3Fu);
                out += fmt::format("\\u{{{:x}}}", cp);
                i += 2;
                continue;
            }
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string escape_json_controls(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(json[i]);
        if (c == 0xC2 && i + 1 < json.size() && static_cast<unsigned char>(json[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(json[i + 1]) <= 0x9f) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned char>(json[i + 1]));
            ++i;
            continue;
        }
        if (c == 0xE2 && i + 2 < json.size()) {
            unsigned char b1 = static_cast<unsigned char>(json[i + 1]), b2 = static_cast<unsigned char>(json[i + 2]);
            if ((b1 == 0x80 && b2 >= 0xA8 && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
                out += fmt::format("\\u{:04x}", 0x2000u + ((b1 & 0x3Fu) << 6) + (b2 & 0x3Fu));
                i += 2;
                continue;
            }
        }
        out += static_cast<char>(c);
    }
    return out;
}

namespace {

using namespace render_util;

struct Style {
    bool on;
    std::string bold(const std::string& s) const { return on ? "\033[1m" + s + "\033[0m" : s; }
    std::string dim(const std::string& s) const { return on ? "\033[2m" + s + "\033[0m" : s; }
    std::string red(const std::string& s) const { return on ? "\033[31m" + s + "\033[0m" : s; }
    std::string green(const std::string& s) const { return on ? "\033[32m" + s + "\033[0m" : s; }
    std::string yellow(const std::string& s) const { return on ? "\033[33m" + s + "\033[0m" : s; }
    std::string cyan(const std::string& s) const { return on ? "\033[36m" + s + "\033[0m" : s; }
    std::string level(int lvl, int max, const std::string& s) const {
        if (lvl <= 0) return red(s);
        if (lvl >= max) return green(s);
        return lvl * 2 >= max ? green(s) : yellow(s);
    }
};

}  // namespace

std::string render_text(const Report& r, const TextOptions& options) {
    const Style st{options.color};
    const Assessment& a = r.assessment;
    const QuestionnaireInfo& q = r.questionnaire;
    const int width = std::max(options.width, 60);
    const int max = q.max_level();
    std::string out;

    out += st.bold(terminal_safe(q.title)) +
           st.dim(fmt::format(" ({} {})", terminal_safe(q.id), terminal_safe(q.version))) + "\n";
    if (!r.team.empty()) out += "Team: " + terminal_safe(r.team) + "\n";
    out += "\n";
    out += st.bold("Overall level ") +
           st.level(a.overall_level, max,
                    st.bold(fmt::format("{}: {}", a.overall_level, terminal_safe(a.overall_name)))) +
           fmt::format("   (score {}, weakest dimension sets the level)\n", percent(a.overall_score));
    if (a.target) {
        out += wrap(fmt::format("Target level {}: {} ({}). {}", a.target->level,
                                terminal_safe(q.level_name(a.target->level)), target_source(*a.target),
                                terminal_safe(a.target->reason)),
                    width, 2) + "\n";
    }
    out += "\n";

    // Dimension table: name, level, bar, progress.
    int name_width = 10;
    for (const auto& d : a.dimensions) name_width = std::max(name_width, display_width(terminal_safe(d.name)));
    const int bar_cells = 16;
    name_width = std::min(name_width, width - (bar_cells + 22));
    out += st.bold(pad_right("Dimension", name_width) + "  Level  " + pad_right("Progress", bar_cells) + "  of " +
                   std::to_string(max)) + "\n";
    for (const auto& d : a.dimensions) {
        std::string name = truncate_to(terminal_safe(d.name), name_width);
        out += pad_right(name, name_width) + "  " +
               st.level(d.level, max, pad_right("  " + std::to_string(d.level), 5)) + "  " +
               st.cyan(bar(d.progress, max, bar_cells)) + "  " + one_decimal(d.progress) +
               (d.level == a.overall_level && d.level < max ? st.dim("  ← weakest") : "") + "\n";
    }
    out += "\n";

    // Gaps, grouped by priority.
    if (a.gaps.empty()) {
        out += st.green("No gaps: every applicable practice is in place.") + "\n";
    } else {
        std::size_t optional_count = 0;
        for (const auto& g : a.gaps) optional_count += g.group == GapGroup::Optional;
        out += st.bold(fmt::format("Next steps ({} gaps, in priority order)", a.gaps.size())) + "\n";
        GapGroup current = GapGroup::Next;
        bool first = true;
        for (const auto& g : a.gaps) {
            if (first || g.group != current) {
                current = g.group;
                first = false;
                std::string heading = current == GapGroup::Blocking ? "Blocking the next level"
                                      : current == GapGroup::Next   ? "Then"
                                                                    : "Beyond your target (optional)";
                out += "\n" + st.bold(heading) + "\n";
            }
            std::string status = g.unanswered ? ", unanswered" : g.credit > 0 ? ", partly in place" : "";
            std::string head = fmt::format("{:>3}. {} ", g.priority, terminal_safe(g.question));
            std::string where = st.dim(fmt::format("[{}, level {}{}]", terminal_safe(g.dimension), g.level, status));
            if (g.group == GapGroup::Optional && !options.show_all) {
                out += head + where + "\n";
                continue;
            }
            out += st.bold(head) + where + "\n";
            std::string practice = terminal_safe(g.practice);
            if (g.next_option) practice = "Next: " + terminal_safe(g.next_option_text) + ". " + practice;
            out += "     " + wrap(practice, width, 5) + "\n";
            if (!g.tools.empty()) {
                std::string tools;
                for (const auto& t : g.tools) tools += (tools.empty() ? "" : ", ") + terminal_safe(t);
                out += "     " + st.dim(wrap("Tools: " + tools, width, 5)) + "\n";
            }
        }
        if (optional_count > 0 && !options.show_all)
            out += "\n" + st.dim(fmt::format("{} practices beyond the target are listed by id; --all shows them in full.",
                                             optional_count)) + "\n";
    }

    std::size_t not_asked = 0, not_applicable = 0;
    for (const auto& qr : a.questions) {
        not_asked += qr.status == QuestionStatus::NotAsked;
        not_applicable += qr.status == QuestionStatus::NotApplicable;
    }
    if (!a.unanswered.empty() || not_asked || not_applicable) {
        out += "\n";
        if (!a.unanswered.empty())
            out += st.yellow(fmt::format("{} question{} unanswered (counted as not in place).", a.unanswered.size(),
                                         a.unanswered.size() == 1 ? "" : "s")) + "\n";
        if (not_asked)
            out += fmt::format("{} question{} not asked for this profile; {} answered n/a.\n", not_asked,
                               not_asked == 1 ? "" : "s", not_applicable);
        else if (not_applicable)
            out += fmt::format("{} question{} answered n/a.\n", not_applicable, not_applicable == 1 ? "" : "s");
    }

    if (r.contradictions && !r.contradictions->empty()) {
        out += "\n" + st.yellow(st.bold(fmt::format("Answers the repository contradicts ({})", r.contradictions->size()))) + "\n";
        for (const auto& c : *r.contradictions) {
            std::string why = c.kind == Contradiction::Kind::NoButEvidence ? "answered no, but evidence found"
                                                                           : "answered yes, no evidence found";
            if (!c.evidence.empty()) {
                const EvidenceHit& h = c.evidence.front();
                why += ": " + terminal_safe(h.path) + (h.line > 0 ? ":" + std::to_string(h.line) : "");
                if (c.evidence.size() > 1) why += fmt::format(" (+{} more)", c.evidence.size() - 1);
            }
            out += "  " + terminal_safe(c.question) + "  " + st.dim(why) + "\n";
        }
    }

    if (r.gate) {
        out += "\n";
        if (r.gate->passed)
            out += st.green("Gate passed") + " (" + gate_bars(*r.gate, terminal_safe, " >= ") + ")\n";
        else
            out += st.red("Gate failed") + ": " + gate_failures(*r.gate, terminal_safe) + "\n";
    }
    return out;
}

}  // namespace mm
