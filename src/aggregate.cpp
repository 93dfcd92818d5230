// Aggregating many teams' reports (include/mm/aggregate.hpp). Linear in the number of reports and their gaps:
// dimensions and practices are found through hash maps, and only a summary of each report is kept.
#include "mm/aggregate.hpp"

#include <algorithm>

#include "mm/diagnostics.hpp"

namespace mm {

std::string team_name_from_path(const std::string& path) {
    std::string base = path;
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    if (auto slash = base.rfind('/'); slash != std::string::npos) base = base.substr(slash + 1);
    if (auto dot = base.rfind('.'); dot != std::string::npos && dot > 0) base = base.substr(0, dot);
    return base.empty() ? path : base;
}

ReportSummary summarize(const Report& r) {
    ReportSummary s;
    s.team = r.team;
    s.date = r.date;
    s.questionnaire = r.questionnaire;
    const Assessment& a = r.assessment;
    s.overall_level = a.overall_level;
    s.score = a.overall_score;
    if (a.target) s.target = a.target->level;
    s.by_points = a.points.has_value();
    for (const auto& d : a.dimensions) s.dimensions.push_back({d.id, d.name, d.level, d.assessed && d.shown});
    for (const auto& g : a.gaps) s.gaps.push_back({g.question, g.dimension, g.level, g.text, g.practice, g.group});
    return s;
}

namespace {

// The index `key` has in `index`, given `next` when it is new, and whether it is. Looked up before it is added:
// emplace would allocate a node, and copy the key, for each of the many keys it already holds.
std::pair<std::size_t, bool> index_of(std::unordered_map<std::string, std::size_t>& index, const std::string& key,
                                      std::size_t next) {
    if (const auto it = index.find(key); it != index.end()) return {it->second, false};
    index.emplace(key, next);
    return {next, true};
}

}  // namespace

bool supersedes(const std::string& later_date, const std::string& earlier_date) {
    // YYYY-MM-DD compares as text; "" (no date) sorts before every date.
    return later_date >= earlier_date;
}

void Aggregator::add(const ReportSummary& r, const std::string& source) {
    Aggregate& out = result_;
    out.by_points = out.by_points || r.by_points;
    if (out.teams.empty()) {
        out.questionnaire = r.questionnaire;
        first_source_ = source;
        out.overall_distribution.assign(static_cast<std::size_t>(std::max(0, r.questionnaire.max_level())) + 1, 0);
    } else if (r.questionnaire.id != out.questionnaire.id) {
        throw InputError(Diagnostic{source, 0, 0,
                                    "is a report of questionnaire '" + r.questionnaire.id + "', but " + first_source_ +
                                        " is of '" + out.questionnaire.id +
                                        "': aggregate compares reports of one questionnaire"});
    }

    // The same team again: keep the latest of the two in the team's row. Nothing is counted before finish(),
    // when each team's report is known, so a report left out never has to be taken back out of the counts.
    std::optional<std::size_t> replace;
    if (!r.team.empty()) {
        auto [it, inserted] = named_rows_.emplace(r.team, out.teams.size());
        if (!inserted) {
            const TeamRow& kept = out.teams[it->second];
            if (!supersedes(r.date, kept.date)) {
                left_out_.push_back({it->second, source, r.date});
                return;
            }
            left_out_.push_back({it->second, kept.source, kept.date});
            replace = it->second;
        }
    }

    TeamRow row;
    Contribution contribution;
    row.team = r.team.empty() ? team_name_from_path(source) : r.team;
    row.source = source;
    row.date = r.date;
    row.overall_level = r.overall_level;
    row.score = r.score;
    row.target = r.target;
    row.gaps = r.gaps.size();
    row.levels.assign(out.dimensions.size(), -1);
    for (const auto& d : r.dimensions) {
        const auto [index, inserted] = index_of(dimension_index_, d.id, out.dimensions.size());
        if (inserted) {
            DimensionColumn c;
            c.id = d.id;
            c.name = d.name;
            out.dimensions.push_back(std::move(c));
            row.levels.push_back(-1);
        }
        row.levels[index] = d.counted ? d.level : -1;
    }
    contribution.digest = r.questionnaire.digest;
    contribution.rule = r.rule;
    contribution.gaps.reserve(r.gaps.size());
    for (const auto& g : r.gaps) {
        const auto [index, inserted] = index_of(practice_index_, g.question, practices_.size());
        if (inserted) {
            MissingPractice p;
            p.question = g.question;
            p.dimension = g.dimension;
            p.level = g.level;
            p.text = g.text;
            p.practice = g.practice;
            practices_.push_back(std::move(p));
        }
        contribution.gaps.emplace_back(index, g.group);
    }
    if (replace) {
        out.teams[*replace] = std::move(row);
        contributions_[*replace] = std::move(contribution);
    } else {
        out.teams.push_back(std::move(row));
        contributions_.push_back(std::move(contribution));
    }
}

// Adds one row's levels, gaps and digest to the counts.
void Aggregator::count(const TeamRow& row, const Contribution& c) {
    Aggregate& out = result_;
    auto bump = [](std::vector<std::size_t>& v, int level) {
        std::size_t i = static_cast<std::size_t>(std::max(0, level));
        if (i >= v.size()) v.resize(i + 1, 0);
        ++v[i];
    };
    for (std::size_t i = 0; i < row.levels.size(); ++i) {
        if (row.levels[i] < 0) continue;
        DimensionColumn& col = out.dimensions[i];
        bump(col.distribution, row.levels[i]);
        col.mean += row.levels[i];  // a sum until the mean is taken
    }
    bump(out.overall_distribution, row.overall_level);
    for (const auto& [index, group] : c.gaps) {
        MissingPractice& p = practices_[index];
        ++p.missing;
        if (group != GapGroup::Optional) ++p.needed;
        if (group == GapGroup::Blocking) ++p.blocking;
    }
    digests_.insert(c.digest);
    if (std::find(out.rules.begin(), out.rules.end(), c.rule) == out.rules.end()) {
        out.rules.push_back(c.rule);
        std::sort(out.rules.begin(), out.rules.end());
    }
}

Aggregate Aggregator::finish(std::size_t top) && {
    // Rows added before a dimension first appeared are shorter; pad them. Then count each team's report kept.
    for (auto& row : result_.teams) row.levels.resize(result_.dimensions.size(), -1);
    for (std::size_t i = 0; i < result_.teams.size(); ++i) count(result_.teams[i], contributions_[i]);
    Aggregate out = std::move(result_);
    // A dimension only a left-out report had is no column: no team shown has it.
    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < out.dimensions.size(); ++i) {
        std::size_t have = 0;
        for (std::size_t n : out.dimensions[i].distribution) have += n;
        if (have > 0 || left_out_.empty()) keep.push_back(i);
    }
    if (keep.size() != out.dimensions.size()) {
        std::vector<DimensionColumn> dims;
        for (std::size_t i : keep) dims.push_back(std::move(out.dimensions[i]));
        out.dimensions = std::move(dims);
        for (auto& row : out.teams) {
            std::vector<int> levels;
            for (std::size_t i : keep) levels.push_back(row.levels[i]);
            row.levels = std::move(levels);
        }
    }
    for (const auto& l : left_out_) {
        const TeamRow& kept = out.teams[l.row];
        out.superseded.push_back({kept.team, l.source, l.date, kept.source, kept.date});
    }
    // Practices only left-out reports missed are missing in no team shown.
    practices_.erase(std::remove_if(practices_.begin(), practices_.end(),
                                    [](const MissingPractice& p) { return p.missing == 0; }),
                     practices_.end());
    for (std::size_t i = 0; i < out.dimensions.size(); ++i) {
        std::size_t have = 0;
        for (std::size_t n : out.dimensions[i].distribution) have += n;
        out.dimensions[i].mean = have ? out.dimensions[i].mean / static_cast<double>(have) : 0.0;
        const std::size_t max = out.overall_distribution.empty() ? 0 : out.overall_distribution.size() - 1;
        if (out.dimensions[i].distribution.size() < max + 1) out.dimensions[i].distribution.resize(max + 1, 0);
    }
    out.practices_missing = practices_.size();
    out.digests = digests_.size();
    std::size_t n = std::min(top, practices_.size());
    auto order = [](const MissingPractice& l, const MissingPractice& r) {
        if (l.needed != r.needed) return l.needed > r.needed;
        if (l.blocking != r.blocking) return l.blocking > r.blocking;
        if (l.missing != r.missing) return l.missing > r.missing;
        if (l.level != r.level) return l.level < r.level;
        return l.question < r.question;
    };
    std::partial_sort(practices_.begin(), practices_.begin() + static_cast<std::ptrdiff_t>(n), practices_.end(), order);
    practices_.resize(n);
    out.most_missing = std::move(practices_);
    return out;
}

}  // namespace mm
