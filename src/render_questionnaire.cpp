// `show`: a questionnaire as text for people, or as JSON (the YAML's keys) for tooling.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mm/model.hpp"
#include "mm/render.hpp"
#include "json_text.hpp"

namespace mm {

using ojson = nlohmann::ordered_json;

namespace {

ojson condition_json(const Condition& c) {
    ojson out = ojson::object();
    for (const auto& [id, values] : c.clauses) out[id] = values;
    return out;
}

ojson evidence_json(const EvidenceRule& r, bool top) {
    ojson out = ojson::object();
    switch (r.kind) {
        case EvidenceRule::Kind::Path: out["path"] = r.glob; break;
        case EvidenceRule::Kind::Content:
            out["content"] = r.pattern;
            out["in"] = r.glob;
            break;
        case EvidenceRule::Kind::All: {
            ojson all = ojson::array();
            for (const auto& sub : r.all) all.push_back(evidence_json(sub, false));
            out["all"] = all;
            break;
        }
        case EvidenceRule::Kind::History:
            out["history"] = ojson::object();
            if (r.history.commits > 0) out["history"]["commits"] = r.history.commits;
            if (r.history.days > 0) out["history"]["days"] = r.history.days;
            if (r.history.merged_requests > 0) out["history"]["merged_requests"] = r.history.merged_requests;
            if (r.history.merged_share > 0) out["history"]["merged_share"] = r.history.merged_share;
            if (r.history.authors > 0) out["history"]["authors"] = r.history.authors;
            break;
    }
    if (!r.except.empty()) out["except"] = r.except;
    if (!r.unless.empty()) out["unless"] = r.unless;
    if (r.ignore_case) out["ignore_case"] = true;
    if (top && r.suggests_partial) out["suggests"] = "partial";
    if (top && r.suggests_option) out["suggests"] = *r.suggests_option;
    return out;
}

}  // namespace

std::string render_questionnaire_json(const Questionnaire& q) {
    ojson j;
    j["id"] = q.id;
    j["title"] = q.title;
    j["version"] = q.version;
    if (!q.description.empty()) j["description"] = q.description;
    ojson levels = ojson::array();
    for (const auto& l : q.levels) {
        ojson lj{{"level", l.level}, {"name", l.name}};
        if (!l.description.empty()) lj["description"] = l.description;
        levels.push_back(lj);
    }
    j["levels"] = levels;
    j["scoring"] = {{"pass_threshold", q.pass_threshold}};
    if (q.scoring_method == ScoringMethod::Points) j["scoring"]["method"] = "points";
    if (!q.profile.empty()) {
        ojson profile = ojson::array();
        for (const auto& p : q.profile) {
            ojson pj{{"id", p.id}, {"text", p.text}};
            if (!p.help.empty()) pj["help"] = p.help;
            ojson opts = ojson::array();
            for (const auto& o : p.options) {
                ojson oj{{"value", o.value}, {"text", o.text}};
                if (!o.see_also.empty()) oj["see_also"] = o.see_also;
                opts.push_back(std::move(oj));
            }
            pj["options"] = opts;
            profile.push_back(pj);
        }
        j["profile"] = profile;
    }
    if (!q.target_rules.empty()) {
        ojson target = ojson::array();
        for (const auto& r : q.target_rules) {
            ojson rj = ojson::object();
            if (!r.when.empty()) rj["when"] = condition_json(r.when);
            rj["level"] = r.level;
            rj["reason"] = r.reason;
            target.push_back(rj);
        }
        j["target"] = target;
    }
    ojson dims = ojson::array();
    for (const auto& d : q.dimensions) {
        ojson dj{{"id", d.id}, {"name", d.name}};
        if (!d.description.empty()) dj["description"] = d.description;
        ojson questions = ojson::array();
        for (const auto& qu : d.questions) {
            ojson qj{{"id", qu.id}};
            if (qu.type == QuestionType::Choice) qj["type"] = "choice";
            else qj["level"] = qu.level;
            qj["text"] = qu.text;
            if (!qu.help.empty()) qj["help"] = qu.help;
            qj["practice"] = qu.practice;
            if (!qu.tools.empty()) qj["tools"] = qu.tools;
            qj["weight"] = qu.weight;
            if (!qu.references.empty()) qj["references"] = qu.references;
            if (qu.type == QuestionType::Choice) {
                ojson opts = ojson::array();
                for (const auto& o : qu.options) {
                    ojson oj{{"level", o.level}, {"text", o.text}};
                    if (!o.practice.empty()) oj["practice"] = o.practice;
                    opts.push_back(oj);
                }
                qj["options"] = opts;
            }
            if (!qu.applies_when.empty()) qj["applies_when"] = condition_json(qu.applies_when);
            if (!qu.evidence.empty()) {
                ojson ev = ojson::array();
                for (const auto& r : qu.evidence) ev.push_back(evidence_json(r, true));
                qj["evidence"] = ev;
            }
            questions.push_back(qj);
        }
        dj["questions"] = questions;
        dims.push_back(dj);
    }
    j["dimensions"] = dims;
    return json_text(j);
}

std::string render_questionnaire_text(const Questionnaire& q, const TextOptions& options) {
    const int width = std::max(options.width, 60);
    auto bold = [&](const std::string& s) { return styled(Ansi::Bold, s, options.color); };
    std::string out;
    out += bold(terminal_safe(q.title)) + fmt::format(" ({} {}, {} questions)\n", q.id, terminal_safe(q.version),
                                                      q.question_count());
    if (!q.description.empty()) out += wrap(terminal_safe(q.description), width, 0) + "\n";
    out += "\n" + bold("Levels") + "\n";
    for (const auto& l : q.levels) {
        out += fmt::format("  {} {}\n", l.level, terminal_safe(l.name));
        if (!l.description.empty()) out += "    " + wrap(terminal_safe(l.description), width, 4) + "\n";
    }
    if (!q.profile.empty()) {
        out += "\n" + bold("Profile (asked first)") + "\n";
        for (const auto& p : q.profile) {
            out += "  " + wrap(terminal_safe(p.id) + ": " + terminal_safe(p.text), width, 4) + "\n";
            for (const auto& o : p.options)
                out += "    - " + terminal_safe(o.value) + ": " + terminal_safe(o.text) +
                       (o.see_also.empty() ? "" : " (see also: " + terminal_safe(o.see_also) + ")") + "\n";
        }
    }
    for (const auto& d : q.dimensions) {
        out += "\n" + bold(terminal_safe(d.name)) + fmt::format(" [{}]\n", terminal_safe(d.id));
        if (!d.description.empty()) out += "  " + wrap(terminal_safe(d.description), width, 2) + "\n";
        for (const auto& qu : d.questions) {
            std::string tag = qu.type == QuestionType::Choice ? "choice" : fmt::format("L{}", qu.level);
            out += fmt::format("  {:<6} {}\n", tag, terminal_safe(qu.id));
            out += "         " + wrap(terminal_safe(qu.text), width, 9) + "\n";
            for (const auto& o : qu.options)
                out += "         " + wrap(fmt::format("{} = {}", o.level, terminal_safe(o.text)), width, 13) + "\n";
        }
    }
    return out;
}

}  // namespace mm
