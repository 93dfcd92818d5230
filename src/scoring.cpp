#include "mm/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <numeric>

namespace mm {

std::string to_string(QuestionStatus s) {
    switch (s) {
        case QuestionStatus::Answered: return "answered";
        case QuestionStatus::Unanswered: return "unanswered";
        case QuestionStatus::NotApplicable: return "n/a";
        case QuestionStatus::NotAsked: return "not-asked";
        case QuestionStatus::NeedsPerson: return "needs-person";
        case QuestionStatus::NotAssessed: return "not-assessed";
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

// What one question contributes to one level of its dimension.
struct Contribution {
    int level;
    double weight;
    double credit;
    bool defining;  // counts toward the level being met
    // From evidence: the question needs a person. Left out of every sum, but a level whose defining practices
    // all need a person is not shown by evidence, so it is not met.
    bool needs_person = false;
};

// Rule 2: for each dimension, which levels have at least one core question in the questionnaire. Such a level is
// defined by its core questions alone; a level without any is defined by all of its questions, so a questionnaire
// that opts into rule 2 without marking a level never gets that level for free.
std::vector<std::vector<bool>> levels_with_core(const Questionnaire& q) {
    std::vector<std::vector<bool>> has(q.dimensions.size(), std::vector<bool>(q.max_level() + 1, false));
    for (std::size_t di = 0; di < q.dimensions.size(); ++di)
        for (const Question& qu : q.dimensions[di].questions) {
            if (!qu.core) continue;
            if (qu.type == QuestionType::Practice) has[di][qu.level] = true;
            else
                for (const auto& o : qu.options) has[di][o.level] = true;
        }
    return has;
}

// Whether a question counts toward `level` being met (docs/scoring.md, "Levels").
bool defines(const Questionnaire& q, const Question& qu, int level, const std::vector<bool>& core_levels) {
    return q.scoring_rule == 1 || qu.core || !core_levels[static_cast<std::size_t>(level)];
}

// The highest level assessed: the answers' scope, or the top level.
int assessed_up_to(const Questionnaire& q, const AnswerSet& answers) {
    return answers.up_to_level ? std::clamp(*answers.up_to_level, 0, q.max_level()) : q.max_level();
}

// Stage 1: the status and credit of one question for this team.
// `top`: the highest level assessed (assessed_up_to).
QuestionResult evaluate_question(const Questionnaire& q, const Dimension& d, const Question& qu,
                                 const AnswerSet& answers, int top, bool from_evidence) {
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
        return r;
    }
    if (!in_scope(qu, top)) {
        r.status = QuestionStatus::NotAssessed;
        r.reason = not_assessed_reason(top);
        if (given != answers.answers.end()) r.answer_not_counted = given->second;
        return r;
    }
    // From evidence, a question no file can show needs a person, whether the scan left it open or only hinted at it
    // (a `suggests: partial` rule of a question that has no other kind): a hint is not a "partial", and no hint is
    // not a "no". An answer a person gave counts as given.
    // So does one the scan did not show in full (found nothing for, or only hinted at) when the practice usually
    // lives outside the repository (`if_not_shown: needs-person`): there, what the files lack says nothing.
    const bool from_scan = given == answers.answers.end() || r.source == AnswerSource::Evidence;
    const bool not_shown = given == answers.answers.end() || given->second.kind == AnswerKind::Partial;
    if (from_evidence && from_scan && (!qu.evidence_can_show() || (not_shown && qu.needs_person_if_not_shown))) {
        r.status = QuestionStatus::NeedsPerson;
    } else if (given == answers.answers.end()) {
        r.status = QuestionStatus::Unanswered;
    } else {
        r.answer = given->second;
        r.status = given->second.kind == AnswerKind::NotApplicable ? QuestionStatus::NotApplicable
                                                                   : QuestionStatus::Answered;
    }
    if (r.status == QuestionStatus::NotApplicable) return r;
    if (qu.type == QuestionType::Practice) {
        r.credit = r.status == QuestionStatus::Answered ? practice_credit(r.answer.kind) : 0.0;
    } else {
        // A choice answered k reaches each of its option levels l >= 1 with k >= l; its credit is the share reached
        // (of the levels assessed).
        const int k = r.status == QuestionStatus::Answered ? r.answer.choice_level : -1;
        int reached = 0, levels = 0;
        for (const auto& o : qu.options) {
            if (o.level < 1 || o.level > top) continue;
            reached += k >= o.level;
            ++levels;
        }
        r.credit = levels ? static_cast<double>(reached) / levels : 1.0;
    }
    return r;
}

bool counted(const QuestionResult& r) {
    return r.status == QuestionStatus::Answered || r.status == QuestionStatus::Unanswered ||
           r.status == QuestionStatus::NeedsPerson;
}

// What a counted question adds to the levels of its dimension: a practice to its level; a choice, as a practice
// met when k >= l, to each of its option levels l >= 1.
void contribute(const Questionnaire& q, const Question& qu, const QuestionResult& r,
                const std::vector<bool>& core_levels, int top, std::vector<Contribution>& out) {
    const bool person = r.status == QuestionStatus::NeedsPerson;
    if (qu.type == QuestionType::Practice) {
        out.push_back({qu.level, qu.weight, r.credit, defines(q, qu, qu.level, core_levels), person});
        return;
    }
    const int k = r.status == QuestionStatus::Answered ? r.answer.choice_level : -1;
    for (const auto& o : qu.options)
        if (o.level >= 1 && o.level <= top)
            out.push_back({o.level, qu.weight, k >= o.level ? 1.0 : 0.0, defines(q, qu, o.level, core_levels),
                           person});
}

// Rule 3 (docs/scoring.md, "Rule 3: levels vouched for from above"): a team that demonstrably works above a level
// is not held below it by what its answers leave unsaid. Works from the top down, so a level credited this way can
// vouch for the one below it. A level "met on its own" has at least one defining practice and all of them in place;
// a level met only because nothing at it applies vouches for nothing.
void credit_levels_from_above(std::vector<LevelResult>& levels, const std::vector<bool>& all_started) {
    const int max_level = static_cast<int>(levels.size());
    auto at = [&](int lvl) -> LevelResult& { return levels[static_cast<std::size_t>(lvl - 1)]; };
    // Above the top level nothing is met. The levels above `lvl` are final when it is looked at (top down).
    auto met = [&](int lvl) { return lvl <= max_level && at(lvl).met; };
    auto own = [&](int lvl) { return met(lvl) && !at(lvl).met_from_above && at(lvl).defining_practices > 0; };
    for (int lvl = max_level; lvl >= 1; --lvl) {
        LevelResult& lr = at(lvl);
        if (lr.met) continue;
        // 1. Defining practices all at least partly in place, and the next level met on its own. The top level
        //    never vouches alone: it is one or two optimisation practices, not evidence of the staircase.
        const bool started_and_next = all_started[static_cast<std::size_t>(lvl)] && own(lvl + 1) && lvl + 1 < max_level;
        // 2. The two levels above are met, at least one of them on its own.
        const bool two_above = met(lvl + 1) && met(lvl + 2) && (own(lvl + 1) || own(lvl + 2));
        lr.met = lr.met_from_above = started_and_next || two_above;
    }
}

// Stage 2: a dimension's levels. A staircase: a level that is not met caps the dimension whatever is done above it.
// Levels above `top` (the answers' scope) are not assessed: not met, so they cap it too, and vouch for nothing.
DimensionResult climb_staircase(const Questionnaire& q, const Dimension& d, const std::vector<Contribution>& cs,
                                int top) {
    DimensionResult dr;
    dr.id = d.id;
    dr.name = d.name;
    const int max_level = q.max_level();
    dr.assessed = !cs.empty();
    // Rule 3 needs to know, per level, whether every defining practice is at least partly in place.
    std::vector<bool> all_started(static_cast<std::size_t>(max_level) + 1, true);
    bool level1_unshowable = false;  // from evidence: every defining practice of level 1 needs a person
    for (int lvl = 1; lvl <= max_level; ++lvl) {
        LevelResult lr;
        lr.level = lvl;
        if (lvl > top) {
            lr.assessed = lr.met = false;
            lr.coverage = lr.defining_coverage = 0.0;
            dr.levels.push_back(lr);
            continue;
        }
        double w = 0.0, c = 0.0, dw = 0.0, dc = 0.0;
        bool by_a_person = false, defined_by_a_person = false;  // a (defining) practice here needs a person
        for (const auto& ct : cs) {
            if (ct.level != lvl) continue;
            if (ct.needs_person) {
                by_a_person = true;
                defined_by_a_person = defined_by_a_person || ct.defining;
                continue;
            }
            w += ct.weight;
            c += ct.weight * ct.credit;
            ++lr.practices;
            if (!ct.defining) continue;
            dw += ct.weight;
            dc += ct.weight * ct.credit;
            ++lr.defining_practices;
            if (ct.credit <= kEpsilon) all_started[static_cast<std::size_t>(lvl)] = false;
        }
        // From evidence, a level whose (defining) practices all need a person is not shown: coverage 0, not met.
        lr.coverage = w > 0 ? c / w : by_a_person ? 0.0 : 1.0;
        lr.defining_coverage = dw > 0 ? dc / dw : defined_by_a_person ? 0.0 : 1.0;
        lr.met = lr.defining_coverage + kEpsilon >= q.pass_threshold;
        if (lvl == 1) level1_unshowable = defined_by_a_person && lr.defining_practices == 0;
        dr.levels.push_back(lr);
    }
    if (q.scoring_rule >= 3) credit_levels_from_above(dr.levels, all_started);
    for (const auto& lr : dr.levels) {
        if (!lr.met) break;
        dr.level = lr.level;
    }
    // The files do not show level 1 (its defining practices all need a person) and none vouches for it from above (rule
    // 3): the dimension says nothing from evidence, a person must answer it. Levels above met from the files do vouch
    // for it, so it is shown then.
    dr.shown = !(level1_unshowable && dr.level == 0);
    dr.progress = dr.level < top  // top <= max_level
                      ? dr.level + dr.levels[static_cast<std::size_t>(dr.level)].coverage
                      : static_cast<double>(dr.level);
    return dr;
}

// Stage 3: the gap a counted question leaves, if its credit is below 1.
std::optional<Gap> gap_of(const Questionnaire& q, const Question& qu, const QuestionResult& r, const std::string& dim,
                          const std::vector<bool>& core_levels, int top) {
    if (!counted(r) || r.credit + kEpsilon >= 1.0) return std::nullopt;
    Gap g;
    g.question = qu.id;
    g.dimension = dim;
    g.text = qu.text;
    g.practice = qu.practice;
    g.tools = qu.tools;
    g.references = qu.references;
    g.weight = qu.weight;
    g.credit = r.credit;
    g.unanswered = r.status == QuestionStatus::Unanswered || r.status == QuestionStatus::NeedsPerson;
    if (qu.type == QuestionType::Practice) {
        g.level = qu.level;
    } else {
        const int k = g.unanswered ? 0 : r.answer.choice_level;
        const ChoiceOption* next = nullptr;
        for (const auto& o : qu.options)
            if (o.level > k) {
                next = &o;
                break;
            }
        if (!next || next->level > top) return std::nullopt;  // the next option is above the scope, or none
        g.level = next->level;
        g.next_option = next->level;
        g.next_option_text = next->text;
        if (!next->practice.empty()) g.practice = next->practice;
        else if (g.practice.empty()) g.practice = "Move to: " + next->text;
    }
    g.defining = defines(q, qu, g.level, core_levels);
    return g;
}

struct RankedGap {
    Gap gap;
    int dimension_level;
    std::size_t order;  // questionnaire order
};

// The order of docs/scoring.md, "Gaps and their order": each key reads like the rule it implements.
struct GapOrder {
    int overall_level;
    int rule;

    bool operator()(const RankedGap& x, const RankedGap& y) const {
        if (x.gap.within_target != y.gap.within_target) return x.gap.within_target;      // 0. within the target
        if (x.gap.blocking != y.gap.blocking) return x.gap.blocking;                      // 1. blocking first
        if (rule >= 2) {
            const bool xp = on_path(x), yp = on_path(y);
            if (xp != yp) return xp;                                    // 2. the weakest dimensions' path to the target
            if (x.gap.credit != y.gap.credit) return x.gap.credit > y.gap.credit;          // 3. partly done first
        }
        if (x.gap.level != y.gap.level) return x.gap.level < y.gap.level;                  // 4. lower level first
        const bool xw = x.dimension_level == overall_level, yw = y.dimension_level == overall_level;
        if (xw != yw) return xw;                                                          // 5. weakest dimensions
        if (rule >= 2 && x.gap.defining != y.gap.defining) return x.gap.defining;         // 6. defining first
        if (x.gap.weight != y.gap.weight) return x.gap.weight > y.gap.weight;             // 7. heavier first
        return x.order < y.order;                                                         // 8. questionnaire order
    }

    // A defining practice of a dimension that holds the overall level: the way up for the whole team.
    bool on_path(const RankedGap& g) const { return g.gap.defining && g.dimension_level == overall_level; }
};

// ---- the points method (docs/scoring.md, "Points (ML Test Score)") ----

struct Band {
    const char* id;
    double upper;  // the highest final score in the band (inclusive); the last band has none
    const char* text;
};

// The paper's bands: 0; (0, 1]; (1, 2]; (2, 3]; (3, 5]; above 5. Scores are sums of halves, so the edges are exact.
const Band kBands[] = {
    {"research-project", 0.0, "A research project: nothing is tested or monitored for production yet"},
    {"untested", 1.0, "Not wholly untested, but serious holes in reliability are likely"},
    {"first-productionization", 2.0, "A first pass at making it production-ready"},
    {"reasonably-tested", 3.0, "Reasonably tested; more of it could be automated"},
    {"strong", 5.0, "Strong automated testing and monitoring, enough for a system that must not fail"},
    {"exceptional", 1e300, "Exceptional testing and monitoring"},
};

// A section's score: the sum of its tests' credits (unanswered tests count 0). `results` are in questionnaire order.
SectionPoints section_points(const Dimension& d, const QuestionResult* results) {
    SectionPoints s{d.id, d.name, 0.0, static_cast<double>(d.questions.size())};
    for (std::size_t i = 0; i < d.questions.size(); ++i)
        if (results[i].status == QuestionStatus::Answered) s.score += results[i].credit;
    return s;
}

// Every section's points, the lowest of them as the final score, and its band.
PointsResult add_up_points(const Questionnaire& q, const std::vector<QuestionResult>& results) {
    std::vector<SectionPoints> sections;
    std::size_t first = 0;
    for (const auto& d : q.dimensions) {
        sections.push_back(section_points(d, results.data() + first));
        first += d.questions.size();
    }
    return points_of(std::move(sections));
}

// Under the points method there is no staircase to climb: no gap blocks a level, and the tests not at 1 are listed
// by section, the lowest section score first (ties in questionnaire order), each section's in questionnaire order.
void order_points_gaps(std::vector<RankedGap>& ranked, const PointsResult& p) {
    std::map<std::string, std::pair<double, std::size_t>> section_rank;
    for (std::size_t i = 0; i < p.sections.size(); ++i) section_rank[p.sections[i].id] = {p.sections[i].score, i};
    for (auto& r : ranked) {
        r.gap.blocking = false;
        r.gap.within_target = true;
        r.gap.group = GapGroup::Next;
    }
    std::stable_sort(ranked.begin(), ranked.end(), [&](const RankedGap& x, const RankedGap& y) {
        const auto& sx = section_rank[x.gap.dimension];
        const auto& sy = section_rank[y.gap.dimension];
        if (sx != sy) return sx < sy;
        return x.order < y.order;
    });
}

int bar_for(const std::vector<Bar>& gate, const std::string& dimension) {
    int level = 0;
    for (const auto& b : gate)
        if (b.dimension.empty() || b.dimension == dimension) level = std::max(level, b.level);
    return level;
}

}  // namespace

std::string points_band(double final_score) {
    for (const Band& b : kBands)
        if (final_score <= b.upper + kEpsilon) return b.id;
    return kBands[std::size(kBands) - 1].id;
}

std::string points_band_text(const std::string& band) {
    for (const Band& b : kBands)
        if (band == b.id) return b.text;
    return {};
}

const std::vector<std::string>& points_bands() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> v;
        for (const Band& b : kBands) v.emplace_back(b.id);
        return v;
    }();
    return ids;
}

std::string points_text(double points) {
    if (!std::isfinite(points) || std::fabs(points) >= 1e15) return std::to_string(points);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", std::round(points * 100.0) / 100.0 + 0.0);
    std::string s = buf;
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

PointsResult points_of(std::vector<SectionPoints> sections) {
    PointsResult p;
    p.sections = std::move(sections);
    p.final_score = p.sections.empty() ? 0.0 : p.sections.front().score;
    for (const auto& s : p.sections) p.final_score = std::min(p.final_score, s.score);
    p.band = points_band(p.final_score);
    return p;
}

double points_ceiling(const PointsResult& p) {
    double m = p.sections.empty() ? 0.0 : p.sections.front().max;
    for (const auto& s : p.sections) m = std::min(m, s.max);
    return m;
}

bool is_weakest_section(const PointsResult& p, const SectionPoints& s) { return s.score <= p.final_score + kEpsilon; }

const SectionPoints* weakest_section(const PointsResult& p) {
    for (const auto& s : p.sections)
        if (is_weakest_section(p, s)) return &s;
    return nullptr;
}

bool in_scope(const Question& question, std::optional<int> up_to_level) {
    if (!up_to_level) return true;
    if (question.type == QuestionType::Practice) return question.level <= *up_to_level;
    bool above_zero = false;
    for (const auto& o : question.options) {
        if (o.level < 1) continue;
        if (o.level <= *up_to_level) return true;
        above_zero = true;
    }
    return !above_zero;  // a choice with no option above 0 counts at no level: nothing to leave out
}

std::string not_assessed_reason(int up_to_level) {
    return "not assessed: above level " + std::to_string(up_to_level);
}

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

std::optional<Target> effective_target(std::optional<Target> chosen, const std::vector<Bar>& gate) {
    int bar = -1;
    for (const auto& b : gate)
        if (b.dimension.empty()) bar = std::max(bar, b.level);
    if (bar < 0 || (chosen && chosen->level >= bar)) return chosen;
    std::string reason = "required by --min-level " + std::to_string(bar);
    if (chosen) reason += "; the " + chosen->source + " target was " + std::to_string(chosen->level);
    return Target{bar, "gate", reason};
}

Assessment score(const Questionnaire& q, const AnswerSet& answers, const ScoreOptions& options) {
    Assessment a;
    a.rule = q.scoring_rule;
    a.profile = answers.profile;
    for (const auto& p : q.profile) {
        auto it = answers.profile.find(p.id);
        const ProfileOption* o = it == answers.profile.end() ? nullptr : p.option(it->second);
        if (o && !o->see_also.empty()) a.see_also.push_back({o->see_also, o->text});
    }
    a.target = effective_target(choose_target(q, answers.profile, options), options.gate);
    const int max_level = q.max_level();
    const int top = assessed_up_to(q, answers);
    if (top < max_level) a.up_to_level = top;
    const auto core_levels = levels_with_core(q);

    // Stage 1: every question, and what it contributes to its dimension's levels and the score.
    double total_weight = 0.0, total_credit = 0.0;
    std::vector<std::vector<Contribution>> per_dimension(q.dimensions.size());
    a.questions.reserve(q.question_count());  // grown one by one, a large questionnaire's results took 1.3x the room
    for (std::size_t di = 0; di < q.dimensions.size(); ++di) {
        const Dimension& d = q.dimensions[di];
        for (const Question& qu : d.questions) {
            QuestionResult r = evaluate_question(q, d, qu, answers, top, options.from_evidence);
            if (r.status == QuestionStatus::Unanswered) a.unanswered.push_back(qu.id);
            if (r.status == QuestionStatus::NeedsPerson) a.needs_person.push_back(qu.id);
            if (options.from_evidence && r.source == AnswerSource::Evidence) a.from_evidence = true;
            if (counted(r)) contribute(q, qu, r, core_levels[di], top, per_dimension[di]);
            a.questions.push_back(std::move(r));
        }
    }
    for (const auto& cs : per_dimension)
        for (const auto& ct : cs) {
            if (ct.needs_person) continue;  // neither yes nor no
            total_weight += ct.weight;
            total_credit += ct.weight * ct.credit;
        }

    // From evidence when something rests on the scan: an answer it gave, or a question left open.
    a.from_evidence = a.from_evidence || (options.from_evidence && (!a.unanswered.empty() || !a.needs_person.empty()));

    // Stage 2: the staircase of each dimension; the overall level is the weakest dimension's.
    for (std::size_t di = 0; di < q.dimensions.size(); ++di)
        a.dimensions.push_back(climb_staircase(q, q.dimensions[di], per_dimension[di], top));
    // A dimension the files do not show is left out of a level from evidence, unless no dimension can be shown at all.
    const bool any_shown = std::any_of(a.dimensions.begin(), a.dimensions.end(), [](const auto& dr) { return dr.shown; });
    auto holds_overall = [&](const DimensionResult& dr) { return dr.shown || !any_shown; };
    a.overall_level = max_level;
    for (const auto& dr : a.dimensions)
        if (holds_overall(dr)) a.overall_level = std::min(a.overall_level, dr.level);
    a.overall_name = q.level_name(a.overall_level);
    a.overall_score = total_weight > 0 ? total_credit / total_weight : 1.0;
    // At the scope's level nothing above is known, so nothing holds the level there (as at the top level).
    if (a.overall_level < top)
        for (const auto& dr : a.dimensions)
            if (dr.level == a.overall_level && holds_overall(dr)) a.held_by.push_back(dr.id);

    if (q.scoring_method == ScoringMethod::Points) a.points = add_up_points(q, a.questions);

    // Stage 3: the gaps, what each dimension misses for its next level, and their order.
    std::vector<RankedGap> ranked;
    std::size_t qi = 0;
    for (std::size_t di = 0; di < q.dimensions.size(); ++di) {
        DimensionResult& dr = a.dimensions[di];
        const int dimension_target = std::max(a.target ? a.target->level : 0, bar_for(options.gate, dr.id));
        for (const Question& qu : q.dimensions[di].questions) {
            const QuestionResult& r = a.questions[qi];
            const std::size_t order = ++qi;
            auto g = gap_of(q, qu, r, dr.id, core_levels[di], top);
            if (!g) continue;
            g->blocking = g->defining && g->level == dr.level + 1;
            if (g->blocking) dr.missing_for_next.push_back(g->question);
            g->within_target = !a.target || g->level <= dimension_target;
            g->group = !g->within_target ? GapGroup::Optional : g->blocking ? GapGroup::Blocking : GapGroup::Next;
            ranked.push_back({std::move(*g), dr.level, order});
        }
    }
    std::stable_sort(ranked.begin(), ranked.end(), GapOrder{a.overall_level, a.rule});
    if (a.points) {
        order_points_gaps(ranked, *a.points);
        for (auto& dr : a.dimensions) dr.missing_for_next.clear();  // nothing blocks: there is no next level
    }
    int priority = 0;
    a.gaps.reserve(ranked.size());
    for (auto& r : ranked) {
        r.gap.priority = ++priority;
        a.gaps.push_back(std::move(r.gap));
    }
    return a;
}

namespace {

// "final score 1.5 is below the required 2 (weakest section: Monitoring, 1.5 of 7)".
std::string points_failure(const PointsResult& p, double min_score) {
    const auto num = points_text;
    std::string out = "final score " + num(p.final_score) + " is below the required " + num(min_score);
    if (const SectionPoints* w = weakest_section(p))
        out += " (weakest section: " + w->name + ", " + num(w->score) + " of " + num(w->max) + ")";
    return out;
}

}  // namespace

GateResult check_gate(const Assessment& a, const std::vector<Bar>& bars, std::optional<double> min_score) {
    GateResult g;
    g.bars = bars;
    g.min_score = min_score;
    if (min_score && a.points && a.points->final_score + kEpsilon < *min_score)
        g.failures.push_back(points_failure(*a.points, *min_score));
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

std::string unanswered_summary(const Assessment& a) {
    if (a.unanswered.empty()) return {};
    std::size_t applicable = 0;
    for (const auto& r : a.questions)
        applicable += r.status != QuestionStatus::NotAsked && r.status != QuestionStatus::NotAssessed;
    const std::size_t n = a.unanswered.size();
    std::string out = std::to_string(n) + " of " + std::to_string(applicable) + " question" +
                      (applicable == 1 ? "" : "s") + (n == 1 ? " is" : " are") + " unanswered (";
    // The first few ids say where to start; all of them would be a wall of text.
    const std::size_t shown = std::min<std::size_t>(n, 3);
    for (std::size_t i = 0; i < shown; ++i)
        out += (i == 0 ? "" : i + 1 == shown && n == shown ? " and " : ", ") + a.unanswered[i];
    if (n > shown) out += " and " + std::to_string(n - shown) + " more";
    return out + ")";
}

int required_level(const Assessment& a, const std::optional<GateResult>& gate, const DimensionResult& d) {
    int bar = -1;
    if (gate)
        for (const auto& b : gate->bars)
            if (b.dimension.empty() || b.dimension == d.id) bar = std::max(bar, b.level);
    if (bar >= 0) return bar;
    if (a.target) return a.target->level;
    return d.level + 1;
}

}  // namespace mm
