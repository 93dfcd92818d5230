// Comparing two reports of one questionnaire: level changes and which practices moved (include/mm/diff.hpp).
#include "mm/diff.hpp"

#include <map>

#include "mm/diagnostics.hpp"

namespace mm {

bool ReportDiff::regressed() const {
    if (by_points()) {
        if (new_points->final_score < old_points->final_score) return true;
        for (const auto& n : new_points->sections)
            for (const auto& o : old_points->sections)
                if (o.id == n.id && n.score < o.score) return true;
        return false;
    }
    if (overall.change() < 0) return true;
    for (const auto& d : dimensions)
        if (d.in_old && d.in_new && d.change() < 0) return true;
    return false;
}

namespace {

PracticeChange change_of(const Gap& g) {
    PracticeChange c;
    c.question = g.question;
    c.dimension = g.dimension;
    c.level = g.level;
    c.text = g.text;
    c.practice = g.practice;
    return c;
}

std::map<std::string, QuestionStatus> statuses(const Assessment& a) {
    std::map<std::string, QuestionStatus> out;
    for (const auto& q : a.questions) out[q.question] = q.status;
    return out;
}

}  // namespace

ReportDiff diff_reports(const Report& o, const Report& n, const std::string& old_name, const std::string& new_name) {
    if (o.questionnaire.id != n.questionnaire.id)
        throw InputError(Diagnostic{new_name, 0, 0,
                                    "is a report of questionnaire '" + n.questionnaire.id + "', but " + old_name +
                                        " is of '" + o.questionnaire.id +
                                        "': diff compares two assessments of the same questionnaire"});
    ReportDiff d;
    d.questionnaire = n.questionnaire;
    d.old_digest = o.questionnaire.digest;
    d.new_digest = n.questionnaire.digest;
    d.old_version = o.questionnaire.version;
    d.new_version = n.questionnaire.version;
    d.old_rule = o.assessment.rule;
    d.new_rule = n.assessment.rule;
    d.old_team = o.team;
    d.new_team = n.team;
    d.old_date = o.date;
    d.new_date = n.date;
    const Assessment& oa = o.assessment;
    const Assessment& na = n.assessment;
    d.overall.name = "Overall";
    d.overall.old_level = oa.overall_level;
    d.overall.new_level = na.overall_level;
    d.overall.old_progress = oa.overall_score;
    d.overall.new_progress = na.overall_score;
    d.old_score = oa.overall_score;
    d.new_score = na.overall_score;
    d.old_points = oa.points;
    d.new_points = na.points;

    std::map<std::string, const DimensionResult*> old_dims;
    for (const auto& dim : oa.dimensions) old_dims.emplace(dim.id, &dim);
    for (const auto& dim : na.dimensions) {
        LevelChange c;
        c.id = dim.id;
        c.name = dim.name;
        c.new_level = dim.level;
        c.new_progress = dim.progress;
        auto it = old_dims.find(dim.id);
        if (it == old_dims.end()) {
            c.in_old = false;
            c.old_level = dim.level;
        } else {
            c.old_level = it->second->level;
            c.old_progress = it->second->progress;
            old_dims.erase(it);
        }
        d.dimensions.push_back(std::move(c));
    }
    for (const auto& dim : oa.dimensions) {
        if (!old_dims.count(dim.id)) continue;
        LevelChange c;
        c.id = dim.id;
        c.name = dim.name;
        c.old_level = c.new_level = dim.level;
        c.old_progress = dim.progress;
        c.in_new = false;
        d.dimensions.push_back(std::move(c));
    }

    std::map<std::string, const Gap*> old_gaps, new_gaps;
    for (const auto& g : oa.gaps) old_gaps.emplace(g.question, &g);
    for (const auto& g : na.gaps) new_gaps.emplace(g.question, &g);
    const auto old_status = statuses(oa);
    const auto new_status = statuses(na);
    auto answered = [](const std::map<std::string, QuestionStatus>& s, const std::string& id) {
        auto it = s.find(id);
        return it != s.end() && it->second == QuestionStatus::Answered;
    };
    // New gaps in the new report's priority order, so "lost" and "still open" read as a to-do list.
    for (const auto& g : na.gaps) {
        auto it = old_gaps.find(g.question);
        PracticeChange c = change_of(g);
        if (it != old_gaps.end()) {
            c.old_level = it->second->level;
            d.still_open.push_back(std::move(c));
        } else if (answered(old_status, g.question)) {
            d.lost.push_back(std::move(c));
        } else {
            d.newly_open.push_back(std::move(c));
        }
    }
    for (const auto& g : oa.gaps) {
        if (new_gaps.count(g.question)) continue;
        PracticeChange c = change_of(g);
        if (answered(new_status, g.question)) d.adopted.push_back(std::move(c));
        else d.dropped.push_back(std::move(c));
    }
    return d;
}

std::vector<std::string> diff_warnings(const ReportDiff& d) {
    std::vector<std::string> out;
    // A report without a team says nothing about whose it is: only two different names are a mismatch.
    if (!d.old_team.empty() && !d.new_team.empty() && d.old_team != d.new_team)
        out.push_back("the reports are of different teams ('" + d.old_team + "' and '" + d.new_team +
                      "'); the diff compares two teams, not one team over time");
    if (d.old_version != d.new_version)
        out.push_back("the reports are of different versions of questionnaire '" + d.questionnaire.id + "' (" +
                      d.old_version + " -> " + d.new_version + "); some changes may come from the questionnaire, " +
                      "not the team");
    else if (d.digest_changed())
        out.push_back("the questionnaire '" + d.questionnaire.id + "' changed between the two reports (digest " +
                      d.old_digest + " -> " + d.new_digest + "); some changes may come from the questionnaire, " +
                      "not the team");
    if (d.rule_changed())
        out.push_back("the reports were scored by different rules (rule " + std::to_string(d.old_rule) + " -> rule " +
                      std::to_string(d.new_rule) + ", see docs/scoring.md); a level change may come from the rule, " +
                      "not the team");
    if (!d.old_date.empty() && !d.new_date.empty() && d.new_date < d.old_date)
        out.push_back("NEW is dated " + d.new_date + ", before OLD (" + d.old_date +
                      "): are the two reports given in the wrong order?");
    return out;
}

}  // namespace mm
