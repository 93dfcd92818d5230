#include "mm/scoring.hpp"

#include <algorithm>
#include <numeric>

namespace mm {

std::string to_string(QuestionStatus s) {
    switch (s) {
        case QuestionStatus::Answered: return "answered";
        case QuestionStatus::Unanswered: return "unanswered";
        case QuestionStatus::NotApplicable: return "n/a";
        case QuestionStatus::NotAsked: return "not-asked";
    }
    return "?";
}

std::string to_string(GapGroup g) {
    switch (g) {
        case GapGroup::Blocking: return "blocking";
        case GapGroup::Next: return "next";
        case GapGroup::Optional: return "optional";
    }
    return "?";
}

namespace {

// Credits are sums of halves and wholes; comparing with a tolerance keeps 0.1 + 0.2 style drift from
// turning a met threshold into a missed one.
constexpr double kEpsilon = 1e-9;

double practice_credit(AnswerKind kind) {
    switch (kind) {
        case AnswerKind::Yes: return 1.0;
        case AnswerKind::Partial: return 0.5;
        default: return 0.0;
    }
}

bool clause_holds(const std::pair<std::string, std::vector<std::string>>& clause,
                  const std::map<std::string, std::string>& profile, bool unanswered_holds) {
    auto it = profile.find(clause.first);
    if (it == profile.end()) return unanswered_holds;
    return std::find(clause.second.begin(), clause.second.end(), it->second) != clause.second.end();
}

// What one question contributes to each level: (level, weight, credit).
struct Contribution {
    int level;
    double weight;
    double credit;
};

}  // namespace

bool applies(const Questionnaire& q, const Question& question, const std::map<std::string, std::string>& profile,
             std::string* reason) {
    for (const auto& clause : question.applies_when.clauses) {
        if (clause_holds(clause, profile, true)) continue;
        if (reason) {
            const ProfileQuestion* p = q.find_profile(clause.first);
            const ProfileOption* o = p ? p->option(profile.at(clause.first)) : nullptr;
            *reason = "not asked: " + (o ? o->text : clause.first + " is " + profile.at(clause.first));
        }
        return false;
    }
    return true;
}

std::optional<Target> choose_target(const Questionnaire& q, const std::map<std::string, std::string>& profile,
                                    const ScoreOptions& options) {
    if (options.target_level)
        return Target{std::clamp(*options.target_level, 0, q.max_level()), "given", "set with --target-level"};
    for (const auto& rule : q.target_rules) {
        bool all = std::all_of(rule.when.clauses.begin(), rule.when.clauses.end(),
                               [&](const auto& c) { return clause_holds(c, profile, false); });
        if (all) return Target{rule.level, "recommended", rule.reason};
    }
    return std::nullopt;
}

Assessment score(const Questionnaire& q, const AnswerSet& answers, const ScoreOptions& options) {
    Assessment a;
    a.profile = answers.profile;
    a.target = choose_target(q, answers.profile, options);
    const int max_level = q.max_level();

    double total_weight = 0.0, total_credit = 0.0;
    std::vector<std::vector<Contribution>> per_dimension(q.dimensions.size());

    for (std::size_t di = 0; di < q.dimensions.size(); ++di) {
        const Dimension& d = q.dimensions[di];
        for (const Question& qu : d.questions) {
            QuestionResult r;
            r.question = qu.id;
            r.dimension = d.id;
            if (auto n = answers.notes.find(qu.id); n != answers.notes.end()) r.note = n->second;
            if (auto s = answers.sources.find(qu.id); s != answers.sources.end()) r.source = s->second;
            if (auto e = answers.evidence.find(qu.id); e != answers.evidence.end()) r.evidence = e->second;

            auto given = answers.answers.find(qu.id);
            if (!applies(q, qu, answers.profile, &r.reason)) {
                r.status = QuestionStatus::NotAsked;
                if (given != answers.answers.end()) r.answer_not_counted = given->second;
            } else if (given == answers.answers.end()) {
                r.status = QuestionStatus::Unanswered;
                a.unanswered.push_back(qu.id);
            } else {
                r.answer = given->second;
                r.status = given->second.kind == AnswerKind::NotApplicable ? QuestionStatus::NotApplicable
                                                                           : QuestionStatus::Answered;
            }
            const bool counted = r.status == QuestionStatus::Answered || r.status == QuestionStatus::Unanswered;
            if (counted) {
                if (qu.type == QuestionType::Practice) {
                    r.credit = r.status == QuestionStatus::Answered ? practice_credit(r.answer.kind) : 0.0;
                    per_dimension[di].push_back({qu.level, qu.weight, r.credit});
                    total_weight += qu.weight;
                    total_credit += qu.weight * r.credit;
                } else {
                    // A choice answered k counts, at each of its option levels l >= 1, as a practice met when k >= l.
                    const int k = r.status == QuestionStatus::Answered ? r.answer.choice_level : -1;
                    int reached = 0, counted_levels = 0;
                    for (const auto& o : qu.options) {
                        if (o.level < 1) continue;
                        double c = k >= o.level ? 1.0 : 0.0;
                        per_dimension[di].push_back({o.level, qu.weight, c});
                        total_weight += qu.weight;
                        total_credit += qu.weight * c;
                        reached += k >= o.level;
                        ++counted_levels;
                    }
                    r.credit = counted_levels ? static_cast<double>(reached) / counted_levels : 1.0;
                }
            }
            a.questions.push_back(std::move(r));
        }
    }

    // Levels per dimension: a staircase, so a gap low down caps the dimension whatever is done above it.
    for (std::size_t di = 0; di < q.dimensions.size(); ++di) {
        DimensionResult dr;
        dr.id = q.dimensions[di].id;
        dr.name = q.dimensions[di].name;
        bool climbing = true;
        for (int lvl = 1; lvl <= max_level; ++lvl) {
            LevelResult lr;
            lr.level = lvl;
            double w = 0.0, c = 0.0;
            for (const auto& ct : per_dimension[di])
                if (ct.level == lvl) {
                    w += ct.weight;
                    c += ct.weight * ct.credit;
                    ++lr.practices;
                }
            lr.coverage = w > 0 ? c / w : 1.0;
            lr.met = lr.coverage + kEpsilon >= q.pass_threshold;
            if (climbing && lr.met) dr.level = lvl;
            else climbing = false;
            dr.levels.push_back(lr);
        }
        dr.progress = dr.level < max_level ? dr.level + dr.levels[static_cast<std::size_t>(dr.level)].coverage
                                           : static_cast<double>(dr.level);
        a.dimensions.push_back(std::move(dr));
    }

    a.overall_level = max_level;
    for (const auto& dr : a.dimensions) a.overall_level = std::min(a.overall_level, dr.level);
    a.overall_name = q.level_name(a.overall_level);
    a.overall_score = total_weight > 0 ? total_credit / total_weight : 1.0;

    // Gaps: every counted question not fully in place.
    struct Ranked {
        Gap gap;
        int dimension_level;
        std::size_t order;
    };
    std::vector<Ranked> ranked;
    std::size_t order = 0, qi = 0;
    for (std::size_t di = 0; di < q.dimensions.size(); ++di) {
        for (const Question& qu : q.dimensions[di].questions) {
            const QuestionResult& r = a.questions[qi++];
            ++order;
            if (r.status != QuestionStatus::Answered && r.status != QuestionStatus::Unanswered) continue;
            if (r.credit + kEpsilon >= 1.0) continue;
            Gap g;
            g.question = qu.id;
            g.dimension = q.dimensions[di].id;
            g.text = qu.text;
            g.practice = qu.practice;
            g.tools = qu.tools;
            g.references = qu.references;
            g.weight = qu.weight;
            g.credit = r.credit;
            g.unanswered = r.status == QuestionStatus::Unanswered;
            if (qu.type == QuestionType::Practice) {
                g.level = qu.level;
            } else {
                const int k = g.unanswered ? 0 : r.answer.choice_level;
                const ChoiceOption* next = nullptr;
                for (const auto& o : qu.options)
                    if (o.level > k) { next = &o; break; }
                if (!next) continue;  // cannot happen when credit < 1, kept for safety
                g.level = next->level;
                g.next_option = next->level;
                g.next_option_text = next->text;
                if (!next->practice.empty()) g.practice = next->practice;
            }
            const int dim_level = a.dimensions[di].level;
            g.blocking = g.level == dim_level + 1;
            g.within_target = !a.target || g.level <= a.target->level;
            g.group = !g.within_target ? GapGroup::Optional : g.blocking ? GapGroup::Blocking : GapGroup::Next;
            ranked.push_back({std::move(g), dim_level, order});
        }
    }
    const int overall = a.overall_level;
    std::stable_sort(ranked.begin(), ranked.end(), [overall](const Ranked& x, const Ranked& y) {
        if (x.gap.within_target != y.gap.within_target) return x.gap.within_target;
        if (x.gap.blocking != y.gap.blocking) return x.gap.blocking;
        if (x.gap.level != y.gap.level) return x.gap.level < y.gap.level;
        bool xw = x.dimension_level == overall, yw = y.dimension_level == overall;
        if (xw != yw) return xw;
        if (x.gap.weight != y.gap.weight) return x.gap.weight > y.gap.weight;
        return x.order < y.order;
    });
    int priority = 0;
    for (auto& r : ranked) {
        r.gap.priority = ++priority;
        a.gaps.push_back(std::move(r.gap));
    }
    return a;
}

GateResult check_gate(const Assessment& a, const std::vector<Bar>& bars) {
    GateResult g;
    g.bars = bars;
    for (const auto& bar : bars) {
        if (bar.dimension.empty()) {
            if (a.overall_level < bar.level)
                g.failures.push_back("overall level " + std::to_string(a.overall_level) + " is below the required " +
                                     std::to_string(bar.level));
            continue;
        }
        for (const auto& d : a.dimensions)
            if (d.id == bar.dimension && d.level < bar.level)
                g.failures.push_back(d.id + ": level " + std::to_string(d.level) + " < " + std::to_string(bar.level));
    }
    g.passed = g.failures.empty();
    return g;
}

}  // namespace mm
