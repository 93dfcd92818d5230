// Several respondents combined into one answer set (include/mm/merge.hpp).
#include "mm/merge.hpp"

#include <algorithm>
#include <map>

#include "mm/diagnostics.hpp"

namespace mm {

namespace {

// The position of an answer on its question's scale: no 0, partial 1, yes 2; a choice its option level.
int rank(const Answer& a) {
    switch (a.kind) {
        case AnswerKind::No: return 0;
        case AnswerKind::Partial: return 1;
        case AnswerKind::Yes: return 2;
        case AnswerKind::Choice: return a.choice_level;
        case AnswerKind::NotApplicable: return -1;
    }
    return 0;
}

}  // namespace

std::string respondent_name(const AnswerSet& answers, const std::string& path) {
    if (!answers.respondent.empty()) return answers.respondent;
    std::string name = path;
    if (auto slash = name.find_last_of('/'); slash != std::string::npos) name = name.substr(slash + 1);
    if (auto dot = name.find_last_of('.'); dot != std::string::npos && dot > 0) name = name.substr(0, dot);
    return name.empty() ? path : name;
}

MergedAnswers merge_answers(const Questionnaire& q, const std::vector<Respondent>& respondents) {
    MergedAnswers m;
    AnswerSet& out = m.answers;
    out.source_name = "merged answers";
    bool any_unscoped = false;
    for (const Respondent& r : respondents) {
        m.respondents.push_back(r.name);
        if (out.questionnaire_id.empty()) out.questionnaire_id = r.answers.questionnaire_id;
        if (out.team.empty()) out.team = r.answers.team;
        if (!r.answers.up_to_level) any_unscoped = true;
        else out.up_to_level = std::max(out.up_to_level.value_or(0), *r.answers.up_to_level);
    }
    if (any_unscoped) out.up_to_level.reset();

    // Profiles: one team has one profile; a difference is a question for the team, not for a rule.
    std::map<std::string, std::pair<std::string, std::string>> profile;  // id -> value, who said it
    for (const Respondent& r : respondents)
        for (const auto& [id, value] : r.answers.profile) {
            auto [it, fresh] = profile.emplace(id, std::make_pair(value, r.name));
            if (!fresh && it->second.first != value)
                throw InputError(Diagnostic{"", 0, 0,
                                            "the respondents' profiles differ: '" + id + "' is '" + it->second.first +
                                                "' for " + it->second.second + " and '" + value + "' for " + r.name +
                                                "; agree on the profile and write the same value in every file"});
        }
    for (const auto& [id, v] : profile) out.profile[id] = v.first;

    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions) {
            std::vector<std::pair<std::string, Answer>> given;
            for (const Respondent& r : respondents)
                if (auto it = r.answers.answers.find(qu.id); it != r.answers.answers.end())
                    given.emplace_back(r.name, it->second);
            std::string notes;
            for (const Respondent& r : respondents)
                if (auto it = r.answers.notes.find(qu.id); it != r.answers.notes.end() && !it->second.empty())
                    notes += (notes.empty() ? "" : "; ") + r.name + ": " + it->second;
            if (!notes.empty()) out.notes[qu.id] = notes;
            if (given.empty()) continue;

            std::vector<Answer> applicable;  // on the scale, lowest first
            for (const auto& [who, a] : given)
                if (a.kind != AnswerKind::NotApplicable) applicable.push_back(a);
            std::stable_sort(applicable.begin(), applicable.end(),
                             [](const Answer& x, const Answer& y) { return rank(x) < rank(y); });
            const std::size_t na = given.size() - applicable.size();
            // n/a by majority (everyone's n/a included); otherwise at least half answered, so there is a median.
            Answer merged;
            if (na * 2 > given.size()) merged.kind = AnswerKind::NotApplicable;
            else merged = applicable[(applicable.size() - 1) / 2];  // the lower median
            merged.pos = {};
            out.answers[qu.id] = merged;

            const int spread = applicable.empty() ? 0 : rank(applicable.back()) - rank(applicable.front());
            const bool step = spread >= (qu.type == QuestionType::Practice ? 2 : 1);
            if (step || (na > 0 && !applicable.empty())) {
                Disagreement dis{qu.id, {}, answer_text(merged)};
                for (const auto& [who, a] : given) dis.answers.emplace_back(who, answer_text(a));
                m.disagreements.push_back(std::move(dis));
            }
        }

    for (const Respondent& r : respondents)
        for (const Waiver& w : r.answers.waivers) {
            auto it = std::find_if(out.waivers.begin(), out.waivers.end(),
                                   [&](const Waiver& x) { return x.question == w.question; });
            if (it == out.waivers.end()) out.waivers.push_back(w);
            else if (w.expires < it->expires) *it = w;
        }
    return m;
}

std::vector<std::string> disagreement_lines(const std::vector<Disagreement>& disagreements) {
    std::vector<std::string> out;
    for (const auto& d : disagreements) {
        std::string line = d.question + ":";
        for (std::size_t i = 0; i < d.answers.size(); ++i)
            line += (i ? ", " : " ") + d.answers[i].first + " " + d.answers[i].second;
        out.push_back(line + " (merged: " + d.merged + ")");
    }
    return out;
}

}  // namespace mm
