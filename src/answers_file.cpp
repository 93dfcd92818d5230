#include "mm/answers_file.hpp"

#include <fmt/format.h>

#include "mm/render.hpp"

namespace mm {

std::string yaml_quote(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
                else out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

namespace {

// Comments hold one line of text from the questionnaire: no line breaks or control characters.
std::string comment(const std::string& s) { return terminal_safe(s); }

}  // namespace

std::string render_answers_file(const Questionnaire& q, const AnswerSet& answers) {
    std::string out;
    out += fmt::format("# Answers for \"{}\" ({} {}).\n", comment(q.title), q.id, comment(q.version));
    out += "# Answer each question: yes | partial | no | n/a (a choice question takes the level of an option).\n";
    out += "# Blank answers count as unanswered. Check with:\n";
    out += fmt::format("#   mlops-maturity assess -q {} --answers THIS_FILE --min-level N\n", q.id);
    out += "questionnaire: " + q.id + "\n";
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
    return out;
}

}  // namespace mm
