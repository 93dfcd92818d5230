#include "mm/answers_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "mm/text.hpp"
#include "utf8.hpp"

namespace mm {

namespace {

// Code points an answers file never holds raw. Outside YAML's printable set: C1 controls (U+0080..U+009F; U+009B
// is an 8-bit CSI), U+FFFE and U+FFFF; PyYAML refuses the file ("special characters are not allowed"). U+0085,
// U+2028 and U+2029 are line breaks to YAML 1.1 readers (PyYAML), which fold them into spaces. Bidirectional
// embeddings, overrides and isolates are printable but show a reviewer other text than the file holds ("Trojan
// Source"). A double-quoted scalar writes each as a \u escape; comments leave them out. (C0 controls and DEL
// are escaped as \xNN by yaml_quote and removed from comments by terminal_safe.)
bool not_raw_in_yaml(char32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Comments hold one line of text from the questionnaire: no line breaks or control characters.
std::string comment(const std::string& s) {
    const std::string safe = terminal_safe(s);  // valid UTF-8, no controls, escapes or bidi controls
    std::string out;
    out.reserve(safe.size());
    for (std::size_t i = 0; i < safe.size();) {
        char32_t cp = 0;
        const std::size_t n = std::max<std::size_t>(utf8::decode(safe, i, cp), 1);
        if (!not_raw_in_yaml(cp)) out.append(safe, i, n);
        i += n;
    }
    return out;
}

}  // namespace

std::string yaml_quote(const std::string& s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t n = utf8::decode(s, i, cp);
        if (n == 0) {  // YAML is Unicode text: a byte that is no part of a UTF-8 character cannot be written
            out += kReplacement;
            ++i;
            continue;
        }
        switch (cp) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (cp < 0x20 || cp == 0x7f) out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
                else if (not_raw_in_yaml(cp)) out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
                else out.append(s, i, n);
        }
        i += n;
    }
    return out + "\"";
}

std::string render_answers_file(const Questionnaire& q, const AnswerSet& answers) {
    std::string out;
    out += fmt::format("# Answers for \"{}\" ({} {}).\n", comment(q.title), q.id, comment(q.version));
    out += "# Answer each question: yes | partial | no | n/a (a choice question takes the level of an option).\n";
    out += "# Blank answers count as unanswered. Check with:\n";
    out += fmt::format("#   mlops-maturity assess -q {} --answers THIS_FILE --min-level N\n", q.id);
    out += "questionnaire: " + q.id + "\n";
    if (!answers.team.empty()) out += "team: " + yaml_quote(answers.team) + "\n";
    if (!answers.respondent.empty()) out += "respondent: " + yaml_quote(answers.respondent) + "\n";
    if (!q.profile.empty()) {
        out += "\n# About the team: decides which questions apply and the recommended target level.\nprofile:\n";
        for (const auto& p : q.profile) {
            out += "  # " + comment(p.text) + "\n";
            std::string opts;
            for (const auto& o : p.options) opts += (opts.empty() ? "" : " | ") + o.value + " = " + comment(o.text);
            out += "  #   " + opts + "\n";
            auto it = answers.profile.find(p.id);
            out += "  " + p.id + ":" + (it != answers.profile.end() ? " " + it->second : "") + "\n";
        }
    }
    if (answers.up_to_level)
        out += fmt::format("\n# Assess the levels up to this one only: questions above it are reported as not assessed.\n"
                           "# Written when the interactive mode asked whether to skip the questions above the target.\n"
                           "scope:\n  up_to_level: {}\n",
                           *answers.up_to_level);
    out += "\nanswers:\n";
    for (const auto& d : q.dimensions) {
        out += "\n  # --- " + comment(d.name) + " ---\n";
        for (const auto& qu : d.questions) {
            if (qu.type == QuestionType::Practice) {
                out += fmt::format("  # [level {}] {}\n", qu.level, comment(qu.text));
                out += "  #   yes | partial | no | n/a\n";
            } else {
                out += "  # [choice] " + comment(qu.text) + "\n";
                for (const auto& o : qu.options) out += fmt::format("  #   {} = {}\n", o.level, comment(o.text));
            }
            auto it = answers.answers.find(qu.id);
            out += "  " + qu.id + ":" + (it != answers.answers.end() ? " " + answer_text(it->second) : "") + "\n";
        }
    }
    bool any_note = false;
    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions)
            if (answers.notes.count(qu.id)) any_note = true;
    if (any_note) {
        out += "\n# Free text per question, carried into the report.\nnotes:\n";
        for (const auto& d : q.dimensions)
            for (const auto& qu : d.questions)
                if (auto it = answers.notes.find(qu.id); it != answers.notes.end())
                    out += "  " + qu.id + ": " + yaml_quote(it->second) + "\n";
    }
    // Kept as they were, so an interactive session saving over a file never drops its waivers.
    if (!answers.waivers.empty()) {
        out += "\n# Gaps accepted for a while: a waived gap does not fail --min-level until the day after it expires.\n"
               "waivers:\n";
        for (const auto& w : answers.waivers)
            out += "  - question: " + w.question + "\n    reason: " + yaml_quote(w.reason) +
                   "\n    owner: " + yaml_quote(w.owner) + "\n    expires: " + w.expires + "\n";
    }
    return out;
}

}  // namespace mm
