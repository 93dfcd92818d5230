// A team's levels over time (include/mm/history.hpp): ordering, the table of levels, and what changed between
// consecutive reports (by diff_reports, so `history` and `diff` agree on "adopted" and "lost").
#include "mm/history.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "mm/diagnostics.hpp"

namespace mm {

namespace {

// "'a' (x.json, y.json) and 'b' (z.json)": the distinct values of `key` and the reports that have each.
template <typename Key>
std::vector<std::pair<std::string, std::vector<std::string>>> distinct(const std::vector<NamedReport>& reports,
                                                                       Key key) {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (const auto& r : reports) {
        const std::string v = key(r.report);
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == v; });
        if (it == out.end()) out.push_back({v, {r.source}});
        else it->second.push_back(r.source);
    }
    return out;
}

std::string listing(const std::vector<std::pair<std::string, std::vector<std::string>>>& values,
                    const std::string& empty_name, bool quote = true) {
    std::vector<std::string> items;
    for (const auto& [value, sources] : values) {
        std::string item = value.empty() ? empty_name : quote ? "'" + value + "'" : value;
        item += " (";
        const std::size_t shown = std::min<std::size_t>(sources.size(), 2);
        for (std::size_t j = 0; j < shown; ++j) item += (j ? ", " : "") + sources[j];
        if (sources.size() > shown) item += " and " + std::to_string(sources.size() - shown) + " more";
        items.push_back(item + ")");
    }
    return join_list(items, " and ");
}

}  // namespace

History build_history(std::vector<NamedReport> reports) {
    if (reports.empty())
        throw InputError(Diagnostic{"history", 0, 0, "no reports given: name JSON reports or a directory of them"});
    for (const auto& r : reports) {
        if (r.report.date.empty())
            throw InputError(Diagnostic{r.source, 0, 0,
                                        "the report has no date, so it has no place in a history; assess again "
                                        "with --date YYYY-MM-DD (the day it was assessed)"});
        if (r.report.questionnaire.id != reports.front().report.questionnaire.id)
            throw InputError(Diagnostic{r.source, 0, 0,
                                        "the report is of questionnaire '" + r.report.questionnaire.id + "', " +
                                            reports.front().source + " of '" + reports.front().report.questionnaire.id +
                                            "': a history follows one questionnaire"});
    }
    std::stable_sort(reports.begin(), reports.end(), [](const NamedReport& a, const NamedReport& b) {
        return a.report.date != b.report.date ? a.report.date < b.report.date : a.source < b.source;
    });

    History h;
    h.questionnaire = reports.back().report.questionnaire;
    // Dimensions: the latest report's order, then any only older reports have (removed since).
    std::set<std::string> seen;
    for (auto it = reports.rbegin(); it != reports.rend(); ++it)
        for (const auto& d : it->report.assessment.dimensions)
            if (seen.insert(d.id).second) h.dimensions.emplace_back(d.id, d.name);
    for (const auto& r : reports) {
        const Assessment& a = r.report.assessment;
        HistoryPoint p;
        p.source = r.source;
        p.date = r.report.date;
        p.team = r.report.team;
        p.questionnaire_version = r.report.questionnaire.version;
        p.rule = a.rule;
        p.overall_level = a.overall_level;
        p.score = a.overall_score;
        for (const auto& dimension : h.dimensions) {
            // Not a structured binding: C++17 lambdas cannot capture one (clang refuses; the fuzz build uses clang).
            const std::string& id = dimension.first;
            auto d = std::find_if(a.dimensions.begin(), a.dimensions.end(), [&](const auto& x) { return x.id == id; });
            p.levels.push_back(d == a.dimensions.end() || !d->assessed || !d->shown ? -1 : d->level);
        }
        h.points.push_back(std::move(p));
    }
    for (std::size_t i = 1; i < reports.size(); ++i) {
        ReportDiff d = diff_reports(reports[i - 1].report, reports[i].report, reports[i - 1].source, reports[i].source);
        h.steps.push_back({i - 1, i, std::move(d.adopted), std::move(d.lost)});
    }

    const auto teams = distinct(reports, [](const Report& r) { return r.team; });
    if (teams.size() > 1)
        h.notes.push_back("the reports are of " + std::to_string(teams.size()) + " teams: " +
                          listing(teams, "no team") + "; a history is one team's, so levels may not be comparable");
    const auto versions = distinct(reports, [](const Report& r) { return r.questionnaire.version; });
    const auto digests = distinct(reports, [](const Report& r) { return r.questionnaire.digest; });
    if (versions.size() > 1)
        h.notes.push_back("the reports are of " + std::to_string(versions.size()) + " questionnaire versions: " +
                          listing(versions, "no version") + "; a level may move because the questions changed");
    else if (digests.size() > 1)
        h.notes.push_back("the reports are of " + std::to_string(digests.size()) +
                          " different questionnaire files with the same version: a level may move because the "
                          "questions changed");
    const auto rules = distinct(reports, [](const Report& r) { return std::to_string(r.assessment.rule); });
    if (rules.size() > 1) {
        std::vector<std::pair<std::string, std::vector<std::string>>> named;
        for (const auto& [rule, sources] : rules) named.push_back({"rule " + rule, sources});
        h.notes.push_back("the reports were scored by " + std::to_string(rules.size()) + " scoring rules: " +
                          listing(named, "", false) + " (docs/scoring.md); a level may move because the rule changed");
    }
    return h;
}

}  // namespace mm
