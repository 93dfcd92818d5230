// Questionnaire and answers files: from the parsed document to the model, checking every rule of
// docs/questionnaire-format.md and docs/answers-format.md and reporting every violation with its position.
#include "mm/loading.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "mm/compiled.hpp"
#include "mm/document.hpp"
#include "mm/glob.hpp"
#include "mm/waivers.hpp"

namespace mm {

namespace {

bool is_slug(const std::string& s) {  // [a-z0-9-]+
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool is_question_id(const std::string& s) {  // letters, digits, '-', '_', '.'
    return !s.empty() && s.size() <= 128 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_' || c == '.';
    });
}

bool is_value_id(const std::string& s) {  // [a-z0-9-_]+
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

void error_at(DiagnosticSink& sink, const Node& n, std::string msg) {
    sink.error(n.pos.line, n.pos.column, std::move(msg));
}

// Reads the questionnaire's parts in document order; every reader records problems and carries on, so one
// `validate` run shows them all.
class QuestionnaireReader {
public:
    explicit QuestionnaireReader(DiagnosticSink& sink) : sink_(sink) {}

    Questionnaire read(const Node& root) {
        Questionnaire q;
        if (!expect_kind(root, Node::Kind::Map, sink_, "the questionnaire")) return q;
        check_keys(root, sink_,
                   {"id", "title", "version", "description", "levels", "scoring", "profile", "target",
                    "dimensions"},
                   "the questionnaire");
        if (const Node* n = field(root, "id", sink_, true, "the questionnaire")) {
            if (auto s = read_string(*n, sink_, "'id'")) {
                q.id = *s;
                if (!is_slug(q.id))
                    error_at(sink_, *n, "'id' must use only lowercase letters, digits and '-', not '" + q.id + "'");
            }
        }
        if (const Node* n = field(root, "title", sink_, true, "the questionnaire")) text(*n, "'title'", q.title);
        if (const Node* n = field(root, "version", sink_, true, "the questionnaire"))
            text(*n, "'version'", q.version);
        if (const Node* n = root.get("description")) text(*n, "'description'", q.description, true);
        if (const Node* n = field(root, "levels", sink_, true, "the questionnaire")) read_levels(*n, q);
        if (const Node* n = root.get("scoring")) read_scoring(*n, q);
        if (const Node* n = root.get("profile")) read_profile(*n, q);
        if (const Node* n = field(root, "dimensions", sink_, true, "the questionnaire")) read_dimensions(*n, q);
        if (q.scoring_method == ScoringMethod::Points) check_points_scale(q);
        // Target rules refer to the profile and the levels, so they are read last.
        if (const Node* n = root.get("target")) read_target(*n, q);
        return q;
    }

private:
    // A non-empty string; `optional_empty` allows "" (descriptions).
    bool text(const Node& n, std::string_view what, std::string& out, bool optional_empty = false) {
        auto s = read_string(n, sink_, what);
        if (!s) return false;
        if (!optional_empty && s->find_first_not_of(" \t\r\n") == std::string::npos) {
            error_at(sink_, n, std::string(what) + " must not be empty");
            return false;
        }
        out = *s;
        return true;
    }

    // A string that is a valid glob (path rules, 'in', 'except'); `out` is set even when invalid, as before.
    void glob(const Node& n, std::string_view what, std::string& out) {
        auto s = read_string(n, sink_, what);
        if (!s) return;
        out = *s;
        if (auto e = glob_error(out)) error_at(sink_, n, "invalid glob '" + out + "': " + *e);
    }

    // A string that compiles as an RE2 pattern ('content', 'unless'). Compiled here only to report a bad one
    // where it is written; the scanner compiles the patterns it uses.
    void pattern(const Node& n, std::string_view what, std::string& out) {
        auto s = read_string(n, sink_, what);
        if (!s) return;
        out = *s;
        RE2::Options opts;
        opts.set_log_errors(false);
        opts.set_max_mem(8 << 20);
        RE2 re(out, opts);
        if (!re.ok()) error_at(sink_, n, "invalid RE2 pattern '" + out + "': " + re.error());
    }

    void read_levels(const Node& n, Questionnaire& q) {
        if (!expect_kind(n, Node::Kind::Sequence, sink_, "'levels'")) return;
        for (const auto& item : n.items) {
            if (!expect_kind(item, Node::Kind::Map, sink_, "each level")) continue;
            check_keys(item, sink_, {"level", "name", "description"}, "a level");
            Level l;
            l.level = -1;
            if (const Node* v = field(item, "level", sink_, true, "a level"))
                if (auto i = read_int(*v, sink_, "'level'")) {
                    if (*i != static_cast<long long>(q.levels.size()))
                        error_at(sink_, *v,
                                 "levels must be numbered 0, 1, 2, ... in order; expected " +
                                     std::to_string(q.levels.size()) + " here, not " + std::to_string(*i));
                    l.level = static_cast<int>(*i);
                }
            if (const Node* v = field(item, "name", sink_, true, "a level")) text(*v, "'name'", l.name);
            if (const Node* v = item.get("description")) text(*v, "'description'", l.description, true);
            l.level = static_cast<int>(q.levels.size());
            q.levels.push_back(l);
        }
        if (q.levels.size() < kMinLevels || q.levels.size() > kMaxLevels)
            error_at(sink_, n, "'levels' must list from 2 to 5 levels (0 up to at most 4), not " +
                                   std::to_string(q.levels.size()));
    }

    void read_scoring(const Node& n, Questionnaire& q) {
        if (!expect_kind(n, Node::Kind::Map, sink_, "'scoring'")) return;
        check_keys(n, sink_, {"rule", "pass_threshold", "method"}, "'scoring'");
        if (const Node* v = n.get("method"))
            if (auto m = read_string(*v, sink_, "'method'")) {
                if (*m == "points") q.scoring_method = ScoringMethod::Points;
                else if (*m != "staircase")
                    error_at(sink_, *v, "'method' must be 'staircase' (the default) or 'points' (the ML Test Score; "
                                        "see docs/scoring.md), not '" + *m + "'");
            }
        if (const Node* v = n.get("rule"))
            if (auto r = read_int(*v, sink_, "'rule'")) {
                if (*r < 1 || *r > 3)
                    error_at(sink_, *v,
                             "'rule' must be 1, 2 or 3 (see docs/scoring.md), not " + std::string(v->scalar));
                else
                    q.scoring_rule = static_cast<int>(*r);
            }
        if (const Node* v = n.get("pass_threshold"))
            if (auto t = read_number(*v, sink_, "'pass_threshold'")) {
                if (*t <= 0.0 || *t > 1.0)
                    error_at(sink_, *v,
                             "'pass_threshold' must be above 0 and at most 1, not " + std::string(v->scalar));
                else
                    q.pass_threshold = *t;
            }
    }

    // The points method sums 0, 0.5 or 1 per test and compares sections by their sums (docs/scoring.md, "Points"),
    // so every question is a practice (answered not / manual / automated), of weight 1, asked of every team.
    void check_points_scale(const Questionnaire& q) {
        for (const auto& d : q.dimensions)
            for (const auto& qu : d.questions) {
                std::string why;
                if (qu.type == QuestionType::Choice) why = "is a choice question";
                else if (qu.weight != 1.0) why = "has a weight other than 1";
                else if (!qu.applies_when.empty()) why = "has 'applies_when'";
                if (why.empty()) continue;
                sink_.error(qu.pos.line, qu.pos.column,
                            "'" + qu.id + "' " + why + ": under 'method: points' every question is a practice of "
                            "weight 1, asked of every team, and scores 0, 0.5 or 1 (not / manual / automated)");
            }
    }

    bool claim_id(const Node& n, const std::string& id) {
        auto [it, inserted] = ids_.emplace(id, n.pos);
        if (!inserted) {
            error_at(sink_, n,
                     "duplicate id '" + id + "' (first used at line " + std::to_string(it->second.line) + ")");
            return false;
        }
        return true;
    }

    void read_profile(const Node& n, Questionnaire& q) {
        if (!expect_kind(n, Node::Kind::Sequence, sink_, "'profile'")) return;
        // A saved report lists the profile answers, and its reader refuses more than this many.
        if (n.items.size() > kMaxProfileQuestions)
            error_at(sink_, n.items[kMaxProfileQuestions],
                     "a questionnaire has at most " + std::to_string(kMaxProfileQuestions) + " profile questions, not " +
                         std::to_string(n.items.size()));
        for (const auto& item : n.items) {
            if (!expect_kind(item, Node::Kind::Map, sink_, "each profile question")) continue;
            check_keys(item, sink_, {"id", "text", "help", "options"}, "a profile question");
            ProfileQuestion p;
            p.pos = item.pos;
            if (const Node* v = field(item, "id", sink_, true, "a profile question"))
                if (auto s = read_string(*v, sink_, "'id'")) {
                    p.id = *s;
                    if (!is_question_id(p.id))
                        error_at(sink_, *v, "a profile question id uses letters, digits, '-', '_' and '.', not '" +
                                                p.id + "'");
                    claim_id(*v, p.id);
                }
            if (const Node* v = field(item, "text", sink_, true, "a profile question")) text(*v, "'text'", p.text);
            if (const Node* v = item.get("help")) text(*v, "'help'", p.help, true);
            if (const Node* v = field(item, "options", sink_, true, "a profile question")) {
                if (expect_kind(*v, Node::Kind::Sequence, sink_, "'options'")) {
                    std::set<std::string> values;
                    for (const auto& o : v->items) {
                        if (!expect_kind(o, Node::Kind::Map, sink_, "each option")) continue;
                        check_keys(o, sink_, {"value", "text", "see_also"}, "a profile option");
                        ProfileOption opt;
                        if (const Node* x = field(o, "value", sink_, true, "a profile option"))
                            if (auto s = read_string(*x, sink_, "'value'")) {
                                opt.value = *s;
                                if (!is_value_id(opt.value))
                                    error_at(sink_, *x, "an option value uses lowercase letters, digits, '-' and "
                                                        "'_', not '" + opt.value + "'");
                                else if (!values.insert(opt.value).second)
                                    error_at(sink_, *x, "duplicate option value '" + opt.value + "'");
                            }
                        if (const Node* x = field(o, "text", sink_, true, "a profile option"))
                            text(*x, "'text'", opt.text);
                        if (const Node* x = o.get("see_also"))
                            if (auto s = read_string(*x, sink_, "'see_also'")) {
                                opt.see_also = *s;
                                if (!is_slug(opt.see_also))
                                    error_at(sink_, *x, "'see_also' names a questionnaire id (lowercase letters, "
                                                        "digits and '-'), not '" + opt.see_also + "'");
                            }
                        p.options.push_back(opt);
                    }
                    if (v->items.size() < 2) error_at(sink_, *v, "a profile question needs at least two options");
                    // The interactive mode picks an option with one key, 1 to 9.
                    if (v->items.size() > 9)
                        error_at(sink_, v->items[9], "a profile question has at most 9 options (keys 1-9 in the "
                                                     "interactive mode), not " + std::to_string(v->items.size()));
                }
            }
            q.profile.push_back(std::move(p));
        }
    }

    // A condition: {profile-id: value | [values]}, checked against the profile.
    Condition read_condition(const Node& n, const Questionnaire& q, std::string_view what) {
        Condition c;
        if (!expect_kind(n, Node::Kind::Map, sink_, what)) return c;
        if (n.entries.empty()) error_at(sink_, n, std::string(what) + " must name at least one profile question");
        for (const auto& [key, value] : n.entries) {
            const std::string name(key.scalar);
            const ProfileQuestion* p = q.find_profile(name);
            if (!p) {
                std::vector<std::string> names;
                for (const auto& pq : q.profile) names.push_back(pq.id);
                std::string hint = nearest(name, names);
                error_at(sink_, key,
                         "'" + name + "' in " + std::string(what) + " is not a profile question" + did_you_mean(hint));
                continue;
            }
            std::vector<const Node*> value_nodes;
            if (value.is_seq()) {
                for (const auto& v : value.items) value_nodes.push_back(&v);
                if (value.items.empty()) error_at(sink_, value, "the list of values must not be empty");
            } else {
                value_nodes.push_back(&value);
            }
            std::vector<std::string> values;
            for (const Node* v : value_nodes) {
                auto s = read_string(*v, sink_, "a profile value");
                if (!s) continue;
                if (!p->option(*s)) {
                    std::string known;
                    for (const auto& o : p->options) known += (known.empty() ? "" : ", ") + o.value;
                    error_at(sink_, *v, "'" + *s + "' is not an option of profile question '" + p->id +
                                            "' (options: " + known + ")");
                    continue;
                }
                values.push_back(*s);
            }
            c.clauses.emplace_back(p->id, std::move(values));
        }
        return c;
    }

    void read_target(const Node& n, Questionnaire& q) {
        if (!expect_kind(n, Node::Kind::Sequence, sink_, "'target'")) return;
        for (const auto& item : n.items) {
            if (!expect_kind(item, Node::Kind::Map, sink_, "each target rule")) continue;
            check_keys(item, sink_, {"when", "level", "reason"}, "a target rule");
            TargetRule r;
            if (const Node* v = item.get("when")) r.when = read_condition(*v, q, "'when'");
            if (const Node* v = field(item, "level", sink_, true, "a target rule"))
                if (auto i = read_int(*v, sink_, "'level'")) {
                    if (*i < 0 || *i > q.max_level())
                        error_at(sink_, *v, "target level " + std::to_string(*i) +
                                                " is outside the questionnaire's levels 0.." +
                                                std::to_string(q.max_level()));
                    r.level = static_cast<int>(*i);
                }
            if (const Node* v = field(item, "reason", sink_, true, "a target rule")) text(*v, "'reason'", r.reason);
            q.target_rules.push_back(std::move(r));
        }
    }

    void read_dimensions(const Node& n, Questionnaire& q) {
        if (!expect_kind(n, Node::Kind::Sequence, sink_, "'dimensions'")) return;
        if (n.items.empty()) error_at(sink_, n, "'dimensions' must list at least one dimension");
        std::map<std::string, SourcePos> dim_ids;
        for (const auto& item : n.items) {
            if (!expect_kind(item, Node::Kind::Map, sink_, "each dimension")) continue;
            check_keys(item, sink_, {"id", "name", "description", "questions"}, "a dimension");
            Dimension d;
            d.pos = item.pos;
            if (const Node* v = field(item, "id", sink_, true, "a dimension"))
                if (auto s = read_string(*v, sink_, "'id'")) {
                    d.id = *s;
                    if (!is_slug(d.id))
                        error_at(sink_, *v, "a dimension id uses lowercase letters, digits and '-', not '" + d.id + "'");
                    auto [it, inserted] = dim_ids.emplace(d.id, v->pos);
                    if (!inserted)
                        error_at(sink_, *v, "duplicate dimension id '" + d.id + "' (first used at line " +
                                                std::to_string(it->second.line) + ")");
                }
            if (const Node* v = field(item, "name", sink_, true, "a dimension")) text(*v, "'name'", d.name);
            if (const Node* v = item.get("description")) text(*v, "'description'", d.description, true);
            if (const Node* v = field(item, "questions", sink_, true, "a dimension")) {
                if (expect_kind(*v, Node::Kind::Sequence, sink_, "'questions'")) {
                    if (v->items.empty()) error_at(sink_, *v, "'questions' must list at least one question");
                    for (const auto& qn : v->items) d.questions.push_back(read_question(qn, q));
                }
            }
            q.dimensions.push_back(std::move(d));
        }
    }

    Question read_question(const Node& n, const Questionnaire& q) {
        Question qu;
        qu.pos = n.pos;
        if (!expect_kind(n, Node::Kind::Map, sink_, "each question")) return qu;
        check_keys(n, sink_,
                   {"id", "type", "level", "text", "help", "practice", "core", "tools", "weight", "references",
                    "options", "applies_when", "evidence", "if_not_shown"},
                   "a question");
        if (const Node* v = field(n, "id", sink_, true, "a question"))
            if (auto s = read_string(*v, sink_, "'id'")) {
                qu.id = *s;
                if (!is_question_id(qu.id))
                    error_at(sink_, *v, "a question id uses letters, digits, '-', '_' and '.', not '" + qu.id + "'");
                claim_id(*v, qu.id);
            }
        if (const Node* v = n.get("type")) {
            if (auto s = read_string(*v, sink_, "'type'")) {
                if (*s == "choice") qu.type = QuestionType::Choice;
                else if (*s != "practice")
                    error_at(sink_, *v, "'type' must be 'practice' or 'choice', not '" + *s + "'");
            }
        }
        const std::string max = std::to_string(q.max_level());
        if (qu.type == QuestionType::Practice) {
            if (const Node* v = field(n, "level", sink_, true, "a practice question"))
                if (auto i = read_int(*v, sink_, "'level'")) {
                    if (*i < 1 || *i > q.max_level())
                        error_at(sink_, *v, "level " + std::to_string(*i) +
                                                " is outside the questionnaire's levels: a practice belongs to a level "
                                                "from 1 to " + max);
                    qu.level = static_cast<int>(*i);
                }
            if (const Node* v = n.get("options"))
                error_at(sink_, *v, "'options' belongs to choice questions: add 'type: choice' or remove it");
        } else {
            if (const Node* v = n.get("level"))
                error_at(sink_, *v, "a choice question takes its levels from its options: remove 'level'");
            if (const Node* v = field(n, "options", sink_, true, "a choice question")) read_options(*v, q, qu);
        }
        if (const Node* v = field(n, "text", sink_, true, "a question")) {
            if (text(*v, "'text'", qu.text)) {
                auto [it, inserted] = texts_.emplace(qu.text, v->pos);
                if (!inserted)
                    error_at(sink_, *v, "the same question text is already asked at line " +
                                            std::to_string(it->second.line));
            }
        }
        if (const Node* v = n.get("help")) text(*v, "'help'", qu.help, true);
        // A choice question may leave 'practice' out: each option can carry its own, and otherwise the gap says
        // which option to move to.
        if (const Node* v = field(n, "practice", sink_, qu.type == QuestionType::Practice, "a question"))
            text(*v, "'practice'", qu.practice);
        if (const Node* v = n.get("core"))
            if (auto b = read_bool(*v, sink_, "'core'")) qu.core = *b;
        if (const Node* v = n.get("tools"))
            if (auto l = read_string_list(*v, sink_, "'tools'")) qu.tools = *l;
        if (const Node* v = n.get("references"))
            if (auto l = read_string_list(*v, sink_, "'references'")) qu.references = *l;
        if (const Node* v = n.get("weight"))
            if (auto w = read_number(*v, sink_, "'weight'")) {
                if (*w <= 0 || *w > 1000)
                    error_at(sink_, *v, "'weight' must be above 0 and at most 1000, not " + std::string(v->scalar));
                else
                    qu.weight = *w;
            }
        if (const Node* v = n.get("applies_when")) qu.applies_when = read_condition(*v, q, "'applies_when'");
        if (const Node* v = n.get("evidence")) {
            if (expect_kind(*v, Node::Kind::Sequence, sink_, "'evidence'"))
                for (const auto& r : v->items) {
                    qu.evidence.push_back(read_evidence(r, true));
                    check_suggests(r, qu, qu.evidence.back());
                }
        }
        if (const Node* v = n.get("if_not_shown")) read_if_not_shown(*v, qu);
        return qu;
    }

    // `if_not_shown: no | needs-person`: what a scan that does not show the practice in full means. Only a question
    // whose rules can show it has a choice to make: without them it needs a person anyway
    // (Question::evidence_can_show).
    void read_if_not_shown(const Node& v, Question& qu) {
        auto s = read_string(v, sink_, "'if_not_shown'");
        if (!s) return;
        if (*s != "no" && *s != "needs-person") {
            error_at(sink_, v, "'if_not_shown' must be 'no' (the default: nothing found counts as not in place, a "
                               "hint as partial) or 'needs-person' (nothing found, or only a hint, leaves the question "
                               "to a person), not '" + *s + "'");
            return;
        }
        if (!qu.evidence_can_show()) {
            error_at(sink_, v, "'if_not_shown' needs evidence rules that can show the practice (a rule without "
                               "'suggests: partial'): without them a scan always leaves the question to a person; "
                               "remove 'if_not_shown'");
            return;
        }
        qu.needs_person_if_not_shown = *s == "needs-person";
    }

    // `suggests:` says yes or partial on a practice question, and names an option (its level) on a choice one.
    void check_suggests(const Node& n, const Question& qu, const EvidenceRule& r) {
        const Node* s = n.get("suggests");
        if (!s) return;
        std::string levels;
        for (const auto& o : qu.options) levels += (levels.empty() ? "" : ", ") + std::to_string(o.level);
        if (qu.type == QuestionType::Practice) {
            if (r.suggests_option)
                error_at(sink_, *s, "a number in 'suggests' names an option of a choice question; a practice "
                                    "question's rule suggests 'yes' or 'partial'");
        } else if (!r.suggests_option) {
            error_at(sink_, *s, "on a choice question 'suggests' names the option the rule suggests, by its level: "
                                "one of " + levels);
        } else if (!qu.option_at(*r.suggests_option)) {
            error_at(sink_, *s, "no option of this question has level " + std::to_string(*r.suggests_option) +
                                    " (its options: " + levels + ")");
        }
    }

    void read_options(const Node& n, const Questionnaire& q, Question& qu) {
        if (!expect_kind(n, Node::Kind::Sequence, sink_, "'options'")) return;
        if (n.items.size() < 2) error_at(sink_, n, "a choice question needs at least two options");
        for (const auto& o : n.items) {
            if (!expect_kind(o, Node::Kind::Map, sink_, "each option")) continue;
            check_keys(o, sink_, {"level", "text", "practice"}, "an option");
            ChoiceOption opt;
            opt.level = -1;
            if (const Node* v = field(o, "level", sink_, true, "an option"))
                if (auto i = read_int(*v, sink_, "'level'")) {
                    if (*i < 0 || *i > q.max_level())
                        error_at(sink_, *v, "option level " + std::to_string(*i) +
                                                " is outside the questionnaire's levels 0.." +
                                                std::to_string(q.max_level()));
                    else if (qu.option_at(static_cast<int>(*i)))
                        error_at(sink_, *v, "two options of this question have level " + std::to_string(*i));
                    else
                        opt.level = static_cast<int>(*i);
                }
            if (const Node* v = field(o, "text", sink_, true, "an option")) text(*v, "'text'", opt.text);
            if (const Node* v = o.get("practice")) text(*v, "'practice'", opt.practice);
            if (opt.level >= 0) qu.options.push_back(opt);
        }
        std::sort(qu.options.begin(), qu.options.end(),
                  [](const ChoiceOption& a, const ChoiceOption& b) { return a.level < b.level; });
    }

    EvidenceRule read_evidence(const Node& n, bool top_level) {
        EvidenceRule r;
        r.pos = n.pos;
        if (!expect_kind(n, Node::Kind::Map, sink_, "an evidence rule")) return r;
        if (top_level)
            check_keys(n, sink_,
                       {"path", "content", "in", "all", "history", "suggests", "except", "unless", "ignore_case"},
                       "an evidence rule");
        else
            check_keys(n, sink_, {"path", "content", "in", "all", "history", "except", "unless", "ignore_case"},
                       "an evidence rule inside 'all'");
        const Node* path = n.get("path");
        const Node* content = n.get("content");
        const Node* all = n.get("all");
        const Node* history = n.get("history");
        int kinds = (path != nullptr) + (content != nullptr) + (all != nullptr) + (history != nullptr);
        if (kinds != 1) {
            error_at(sink_, n, "an evidence rule has exactly one of 'path', 'content' (with 'in'), 'all' or 'history'");
            return r;
        }
        if (const Node* in = n.get("in"); in && !content)
            error_at(sink_, *in, "'in' goes with 'content'");
        if (const Node* u = n.get("unless"); u && !content)
            error_at(sink_, *u, "'unless' goes with 'content'");
        if (const Node* x = n.get("except"); x && all)
            error_at(sink_, *x, "'except' goes with 'path' or 'content', not 'all' (put it on the sub-rules)");
        if (const Node* c = n.get("ignore_case"); c && all)
            error_at(sink_, *c, "'ignore_case' goes with 'path' or 'content', not 'all' (put it on the sub-rules)");
        if (const Node* x = n.get("except"); x && history)
            error_at(sink_, *x, "'except' goes with 'path' or 'content'");
        if (const Node* c = n.get("ignore_case"); c && history)
            error_at(sink_, *c, "'ignore_case' goes with 'path' or 'content'");
        if (path) {
            r.kind = EvidenceRule::Kind::Path;
            glob(*path, "'path'", r.glob);
        } else if (content) {
            r.kind = EvidenceRule::Kind::Content;
            pattern(*content, "'content'", r.pattern);
            if (const Node* u = n.get("unless")) pattern(*u, "'unless'", r.unless);
            if (const Node* in = field(n, "in", sink_, true, "a content rule")) glob(*in, "'in'", r.glob);
        } else if (history) {
            r.kind = EvidenceRule::Kind::History;
            read_history(*history, r);
        } else {
            r.kind = EvidenceRule::Kind::All;
            if (expect_kind(*all, Node::Kind::Sequence, sink_, "'all'")) {
                if (all->items.empty()) error_at(sink_, *all, "'all' must list at least one rule");
                for (const auto& sub : all->items) r.all.push_back(read_evidence(sub, false));
            }
        }
        if (const Node* x = n.get("except"); x && (path || content)) glob(*x, "'except'", r.except);
        if (const Node* c = n.get("ignore_case"); c && (path || content)) {
            if (auto b = read_bool(*c, sink_, "'ignore_case'")) r.ignore_case = *b;
        }
        if (const Node* s = n.get("suggests")) {
            if (auto v = read_string(*s, sink_, "'suggests'")) {
                // A number names a choice option; check_suggests() checks it against the question's options.
                int level = -1;
                if (!v->empty() && v->size() <= 2 && std::all_of(v->begin(), v->end(), [](char c) {
                        return c >= '0' && c <= '9';
                    }))
                    level = std::stoi(*v);
                if (level >= 0) r.suggests_option = level;
                else if (*v == "partial") r.suggests_partial = true;
                else if (*v != "yes")
                    error_at(sink_, *s, "'suggests' must be 'yes' or 'partial' (or, on a choice question, an option "
                                        "level), not '" + *v + "'");
            }
        }
        return r;
    }

    // `history: {commits: N, days: D, merged_requests: M, merged_share: P, authors: A}`: at least one of them, each a
    // whole number from 1 to kMaxHistoryThreshold (P, a percentage, to 100).
    void read_history(const Node& n, EvidenceRule& r) {
        if (!expect_kind(n, Node::Kind::Map, sink_, "'history'")) return;
        check_keys(n, sink_, {"commits", "days", "merged_requests", "merged_share", "authors"}, "'history'");
        if (!n.get("commits") && !n.get("days") && !n.get("merged_requests") && !n.get("merged_share") &&
            !n.get("authors")) {
            error_at(sink_, n,
                     "'history' needs at least one of 'commits', 'days', 'merged_requests', 'merged_share' or "
                     "'authors'");
            return;
        }
        auto threshold = [&](const char* key, int& out) {
            const std::string name = std::string("'") + key + "'";
            const Node* v = n.get(key);
            if (!v) return;
            if (auto i = read_int(*v, sink_, name)) {
                if (*i < 1 || *i > kMaxHistoryThreshold)
                    error_at(sink_, *v,
                             name + " must be a whole number from 1 to " + std::to_string(kMaxHistoryThreshold) +
                                 ", not " + std::string(v->scalar) + " (a scan reads at most the newest " +
                                 std::to_string(kMaxHistoryThreshold) + " commits)");
                else
                    out = static_cast<int>(*i);
            }
        };
        threshold("commits", r.history.commits);
        threshold("days", r.history.days);
        threshold("merged_requests", r.history.merged_requests);
        threshold("authors", r.history.authors);
        if (const Node* v = n.get("merged_share"))
            if (auto i = read_int(*v, sink_, "'merged_share'")) {
                if (*i < 1 || *i > 100)
                    error_at(sink_, *v,
                             "'merged_share' is a percentage of the main line's changes, from 1 to 100, not " +
                                 std::string(v->scalar));
                else
                    r.history.merged_share = static_cast<int>(*i);
            }
        if (r.history.commits > 0 && r.history.days > r.history.commits)
            error_at(sink_, n,
                     "'days' (" + std::to_string(r.history.days) + ") cannot exceed 'commits' (" +
                         std::to_string(r.history.commits) + "): each commit has one day");
    }

    DiagnosticSink& sink_;
    std::map<std::string, SourcePos> ids_;    // question and profile ids share one namespace
    std::map<std::string, SourcePos> texts_;  // question texts, to catch copy-paste duplicates
};

}  // namespace

Questionnaire load_questionnaire(const SourceText& source) {
    Questionnaire q;
    {
        const Document doc = parse_yaml(source.text, source.name);
        DiagnosticSink sink(source.name);
        q = QuestionnaireReader(sink).read(doc.root());
        sink.throw_if_errors();
    }  // the document goes before the questionnaire is indexed
    q.source_name = source.name;
    q.digest = content_digest(source.text);
    q.index_questions();
    return q;
}

Questionnaire load_builtin(const BuiltinQuestionnaire& builtin) { return decode_questionnaire(builtin.compiled); }

Questionnaire open_questionnaire(const std::string& spec) {
    if (const BuiltinQuestionnaire* b = find_builtin(spec)) return load_builtin(*b);
    return load_questionnaire(resolve_questionnaire(spec));
}

std::vector<Diagnostic> lint_questionnaire(const Questionnaire& q) {
    DiagnosticSink sink(q.source_name);
    for (const auto& d : q.dimensions) {
        for (int lvl = 1; lvl <= q.max_level(); ++lvl) {
            bool any = false;
            for (const auto& qu : d.questions)
                any = any || (qu.type == QuestionType::Practice ? qu.level == lvl : qu.option_at(lvl) != nullptr);
            if (!any) {
                sink.warning(d.pos.line, d.pos.column,
                             "dimension '" + d.id + "' has no question at level " + std::to_string(lvl) +
                                 ", so that level is met by default");
                continue;
            }
            // Rule 2 falls back to "every question defines the level" where none is core: legal, but almost
            // always a level someone forgot to mark.
            bool core = false;
            for (const auto& qu : d.questions)
                core = core || (qu.core && (qu.type == QuestionType::Practice ? qu.level == lvl
                                                                              : qu.option_at(lvl) != nullptr));
            if (q.scoring_rule >= 2 && !core)
                sink.warning(d.pos.line, d.pos.column,
                             "dimension '" + d.id + "' marks no question at level " + std::to_string(lvl) +
                                 " as core, so under rules 2 and 3 every question at that level defines it; mark the "
                                 "practices that define the level with 'core: true'");
        }
    }
    return sink.all();
}

// ---- answers ----

bool parse_answer_value(const std::string& text, bool quoted, Answer& out) {
    std::string v = text;
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // not / manual / automated: the ML Test Score's scale (docs/scoring.md, "Points"), the same credits 0, 0.5, 1.
    if (v == "yes" || v == "y" || v == "true" || v == "automated") { out.kind = AnswerKind::Yes; return true; }
    if (v == "partial" || v == "partly" || v == "partially" || v == "manual") {
        out.kind = AnswerKind::Partial;
        return true;
    }
    if (v == "no" || v == "n" || v == "false" || v == "not") { out.kind = AnswerKind::No; return true; }
    if (v == "n/a" || v == "na") { out.kind = AnswerKind::NotApplicable; return true; }
    (void)quoted;  // "2" and 2 both name choice level 2: nobody means anything else by a quoted digit
    if (!v.empty() && v.size() <= 2 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        out.kind = AnswerKind::Choice;
        out.choice_level = std::stoi(v);
        return true;
    }
    return false;
}

namespace {

std::string invalid_answer(const std::string& id, const std::string& shown) {
    return "invalid answer " + shown + " for '" + id + "': expected yes, partial, no, n/a, or a choice level (0-4)";
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

const std::initializer_list<std::string_view> kAnswersKeys = {"questionnaire", "team", "answers", "notes", "profile",
                                                              "scope", "waivers", "respondent"};

// "'a'", "'a' and 'b'", "'a' and 3 more": the first few of many ids, for one message about all of them.
std::string some_ids(const std::vector<std::string>& ids) {
    if (ids.empty()) return {};
    if (ids.size() == 1) return "'" + ids[0] + "'";
    if (ids.size() == 2) return "'" + ids[0] + "' and '" + ids[1] + "'";
    if (ids.size() == 3) return "'" + ids[0] + "', '" + ids[1] + "' and '" + ids[2] + "'";
    return "'" + ids[0] + "', '" + ids[1] + "' and " + std::to_string(ids.size() - 2) + " more";
}

}  // namespace

AnswerSet load_answers(const SourceText& source) {
    const Document doc = parse_yaml(source.text, source.name);
    const Node& root = doc.root();
    DiagnosticSink sink(source.name);
    AnswerSet set;
    set.source_name = source.name;
    if (!expect_kind(root, Node::Kind::Map, sink, "an answers file")) sink.throw_if_errors();
    // Question ids at the top level (the 'answers:' line left out, or the answers indented wrongly) are one
    // mistake, not one per question: an unknown top-level key whose value is blank or an answer (yes, 2, n/a...)
    // and that is no typo of a known key is taken for such an answer, and all of them get one error.
    std::vector<std::string> misplaced;
    const Node* first_misplaced = nullptr;
    for (const auto& [key, value] : root.entries) {
        if (std::find(kAnswersKeys.begin(), kAnswersKeys.end(), key.scalar) != kAnswersKeys.end()) continue;
        const std::string id(key.scalar);
        std::vector<std::string> names(kAnswersKeys.begin(), kAnswersKeys.end());
        // 'scope' takes a mapping: a blank or scalar value under a key near it ('scale:', a profile question of the
        // built-ins) is a misplaced answer, not a typo of it.
        if (!value.is_map()) names.erase(std::find(names.begin(), names.end(), "scope"));
        std::string hint = sink.full() ? std::string() : nearest(id, names);
        Answer looks_like;
        if (hint.empty() &&
            (value.is_null() ||
             (value.is_scalar() &&
              (is_blank(value.scalar) || parse_answer_value(std::string(value.scalar), value.quoted, looks_like))))) {
            if (!first_misplaced) first_misplaced = &key;
            misplaced.push_back(id);
            continue;
        }
        std::string msg = "unknown key '" + id + "' in the answers file";
        msg += hint.empty() ? " (expected one of: questionnaire team respondent answers notes profile scope waivers)"
                            : did_you_mean(hint);
        sink.error(key.pos.line, key.pos.column, msg);
    }
    if (first_misplaced)
        sink.error(first_misplaced->pos.line, first_misplaced->pos.column,
                   "the answers must be under 'answers:': " + some_ids(misplaced) +
                       (misplaced.size() == 1 ? " is" : " are") +
                       " at the top level of the file (add a line 'answers:' above the answers and indent them "
                       "by two spaces)");
    if (const Node* n = root.get("questionnaire"))
        if (auto s = read_string(*n, sink, "'questionnaire'")) {
            set.questionnaire_id = *s;
            set.positions["questionnaire"] = n->pos;
        }
    if (const Node* n = root.get("team"); n && !n->is_null())
        if (auto s = read_string(*n, sink, "'team'")) set.team = *s;
    if (const Node* n = root.get("respondent"); n && !n->is_null())
        if (auto s = read_string(*n, sink, "'respondent'")) set.respondent = *s;
    // `scope: {up_to_level: N}`: the questionnaire's top level is checked by check_answers.
    if (const Node* n = root.get("scope"); n && !n->is_null())
        if (expect_kind(*n, Node::Kind::Map, sink, "'scope'")) {
            check_keys(*n, sink, {"up_to_level"}, "'scope'");
            if (const Node* v = n->get("up_to_level"); v && !v->is_null())
                if (auto i = read_int(*v, sink, "'up_to_level'")) {
                    if (*i < 1 || *i > static_cast<long long>(kMaxLevels) - 1) {
                        error_at(sink, *v,
                                 "'up_to_level' must be a level from 1 to the questionnaire's top level, not " +
                                     std::string(v->scalar));
                    } else {
                        set.up_to_level = static_cast<int>(*i);
                        set.positions["scope"] = v->pos;
                    }
                }
        }
    if (const Node* n = root.get("answers"); n && !n->is_null()) {
        if (expect_kind(*n, Node::Kind::Map, sink, "'answers'")) {
            for (const auto& [key, value] : n->entries) {
                // Left blank (as in a template) or written as "": unanswered, the same either way
                // (docs/answers-format.md).
                if (value.is_null() || (value.is_scalar() && is_blank(value.scalar))) continue;
                Answer a;
                a.pos = value.pos;
                std::string id(key.scalar);
                if (!value.is_scalar()) {
                    error_at(sink, value, invalid_answer(id, kind_name(value.kind)));
                    continue;
                }
                std::string written(value.scalar);
                if (!parse_answer_value(written, value.quoted, a)) {
                    set.rejected[std::move(id)] = {value.pos, "'" + written + "'", written, key.pos};
                    continue;
                }
                a.pos = key.pos;
                set.answers[std::move(id)] = a;
            }
        }
    }
    if (const Node* n = root.get("notes"); n && !n->is_null()) {
        if (expect_kind(*n, Node::Kind::Map, sink, "'notes'"))
            for (const auto& [key, value] : n->entries) {
                if (value.is_null()) continue;
                if (auto s = read_string(value, sink, "a note")) {
                    const std::string id(key.scalar);
                    set.notes[id] = *s;
                    set.positions["notes." + id] = key.pos;
                }
            }
    }
    if (const Node* n = root.get("profile"); n && !n->is_null()) {
        if (expect_kind(*n, Node::Kind::Map, sink, "'profile'"))
            for (const auto& [key, value] : n->entries) {
                if (value.is_null()) continue;
                if (auto s = read_string(value, sink, "a profile answer")) {
                    const std::string id(key.scalar);
                    set.profile[id] = *s;
                    set.positions["profile." + id] = value.pos;
                    set.positions["profile-key." + id] = key.pos;
                }
            }
    }
    if (const Node* n = root.get("waivers")) read_waivers(*n, sink, set.waivers);
    if (sink.has_errors())  // the file is refused here, so report every problem in it now
        for (const auto& [id, r] : set.rejected) sink.error(r.pos.line, r.pos.column, invalid_answer(id, r.shown));
    sink.throw_if_errors();
    return set;
}

namespace {

std::vector<std::string> all_question_ids(const Questionnaire& q) {
    std::vector<std::string> ids;
    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions) ids.push_back(qu.id);
    return ids;
}

std::string unknown_question(const std::string& id, const std::vector<std::string>& ids, const Questionnaire& q,
                             bool suggest) {
    std::string msg = "unknown question '" + id + "' for questionnaire '" + q.id + "'";
    msg += did_you_mean(suggest ? nearest(id, ids) : std::string());
    return msg;
}

// Option texts are sentences; a message lists all options of a question on one line, so each is cut short.
std::string short_text(const std::string& text, std::size_t max = 48) {
    if (text.size() <= max) return text;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a UTF-8 boundary
    return text.substr(0, cut) + "...";
}

// "0 = By hand; 1 = By a script; 2 = By a pipeline"
std::string option_list(const Question& qu) {
    std::string out;
    for (const auto& o : qu.options)
        out += (out.empty() ? "" : "; ") + std::to_string(o.level) + " = " + short_text(o.text);
    return out;
}

const std::vector<std::string> kPracticeValues = {"yes", "partial", "no", "n/a"};

const std::vector<std::string> kPointsValues = {"not", "manual", "automated"};

std::string practice_values(const Questionnaire& q, const std::string& written) {
    const bool points = q.scoring_method == ScoringMethod::Points;
    std::string msg = points ? "a test takes not, manual or automated (or no, partial, yes)"
                             : "a practice question takes yes, partial, no or n/a";
    std::string lower = written;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    msg += did_you_mean(lower.empty() ? std::string() : nearest(lower, points ? kPointsValues : kPracticeValues));
    return msg;
}

std::string choice_values(const Question& qu) {
    return "a choice question takes the level of one of its options (" + option_list(qu) + ") or n/a";
}

}  // namespace

void check_answers(const Questionnaire& q, const AnswerSet& answers) {
    DiagnosticSink sink(answers.source_name);
    auto at = [&](const std::string& key) {
        auto it = answers.positions.find(key);
        return it == answers.positions.end() ? SourcePos{} : it->second;
    };
    // Answers for another questionnaire: every id would be unknown, so that one line is all there is to say.
    if (!answers.questionnaire_id.empty() && answers.questionnaire_id != q.id) {
        sink.error(at("questionnaire").line, at("questionnaire").column,
                   "these answers are for questionnaire '" + answers.questionnaire_id + "', not '" + q.id +
                       "' (choose it with -q " + answers.questionnaire_id + ")");
        sink.throw_if_errors();
    }
    const auto ids = all_question_ids(q);
    if (answers.up_to_level && *answers.up_to_level > q.max_level())
        sink.error(at("scope").line, at("scope").column,
                   "'up_to_level' is " + std::to_string(*answers.up_to_level) + ", above the top level of '" + q.id +
                       "' (" + std::to_string(q.max_level()) + "); use 1 to " + std::to_string(q.max_level()) +
                       ", or remove 'scope:' to assess every level");

    // Question ids under 'profile:' (the 'answers:' line left out below the profile): one error for all of them.
    std::vector<std::pair<SourcePos, std::string>> under_profile;
    for (const auto& [id, value] : answers.profile)
        if (!q.find_profile(id) && q.find_question(id)) under_profile.emplace_back(at("profile-key." + id), id);
    if (!under_profile.empty()) {
        std::sort(under_profile.begin(), under_profile.end(), [](const auto& x, const auto& y) {
            return x.first.line != y.first.line ? x.first.line < y.first.line : x.first.column < y.first.column;
        });
        std::vector<std::string> misplaced;
        for (const auto& [pos, id] : under_profile) misplaced.push_back(id);
        sink.error(under_profile[0].first.line, under_profile[0].first.column,
                   "the answers must be under 'answers:': " + some_ids(misplaced) +
                       (misplaced.size() == 1 ? " is a question" : " are questions") +
                       " under 'profile:' (is the line 'answers:' missing above them?)");
    }

    // Checked in the order of the file, so that the errors shown (the first few) are the first ones in it.
    std::vector<std::pair<SourcePos, std::function<void()>>> checks;
    for (const auto& [id_, r_] : answers.rejected) {
        const std::string& id = id_;
        const AnswerSet::Rejected& r = r_;
        checks.emplace_back(r.pos, [&, id, r] {
            const Question* qu = q.find_question(id);
            if (q.find_profile(id))
                sink.error(r.pos.line, r.pos.column,
                           "'" + id + "' is a profile question: answer it under 'profile:', not 'answers:'");
            else if (!qu)
                sink.error(r.key_pos.line, r.key_pos.column, unknown_question(id, ids, q, !sink.full()));
            else if (qu->type == QuestionType::Practice)
                sink.error(r.pos.line, r.pos.column,
                           "invalid answer " + r.shown + " for '" + id + "': " + practice_values(q, r.value));
            else
                sink.error(r.pos.line, r.pos.column,
                           "invalid answer " + r.shown + " for '" + id + "': " + choice_values(*qu));
        });
    }
    for (const auto& [id_, a_] : answers.answers) {
        const std::string& id = id_;
        const Answer& a = a_;
        checks.emplace_back(a.pos, [&] {
            const Question* qu = q.find_question(id);
            if (!qu) {
                if (q.find_profile(id))
                    sink.error(a.pos.line, a.pos.column, "'" + id + "' is a profile question: answer it under 'profile:'");
                else
                    sink.error(a.pos.line, a.pos.column, unknown_question(id, ids, q, !sink.full()));
                return;
            }
            if (a.kind == AnswerKind::NotApplicable) {
                // The paper compares sections by their sums out of the same tests: a test left out would lower a
                // section's maximum and flatter it (docs/scoring.md, "Points").
                if (q.scoring_method == ScoringMethod::Points)
                    sink.error(a.pos.line, a.pos.column,
                               "'" + id + "' is a test of a points questionnaire, which has no n/a: answer not, "
                               "manual or automated (a test that cannot apply to your system scores as not done)");
                return;
            }
            if (qu->type == QuestionType::Practice && a.kind == AnswerKind::Choice) {
                sink.error(a.pos.line, a.pos.column,
                           "'" + id + "' is a practice question: answer yes, partial, no or n/a, not " +
                               std::to_string(a.choice_level));
            } else if (qu->type == QuestionType::Choice) {
                if (a.kind != AnswerKind::Choice)
                    sink.error(a.pos.line, a.pos.column,
                               "'" + id + "' is a choice question: answer with the level of an option (" +
                                   option_list(*qu) + ") or n/a, not " + answer_text(a));
                else if (!qu->option_at(a.choice_level))
                    sink.error(a.pos.line, a.pos.column,
                               "'" + id + "' has no option at level " + std::to_string(a.choice_level) +
                                   " (its options: " + option_list(*qu) + ")");
            }
        });
    }
    for (const auto& [id_, note] : answers.notes) {
        const std::string& id = id_;
        SourcePos p = at("notes." + id);
        checks.emplace_back(p, [&, id, p] {
            if (!q.find_question(id))
                sink.error(p.line, p.column, "a note for " + unknown_question(id, ids, q, !sink.full()));
        });
    }
    for (const auto& [id_, value_] : answers.profile) {
        const std::string& id = id_;
        const std::string& value = value_;
        SourcePos pos = at("profile." + id);
        checks.emplace_back(pos, [&, pos] {
            const ProfileQuestion* p = q.find_profile(id);
            if (!p) {
                if (q.find_question(id)) return;  // reported above, once for all
                std::vector<std::string> pids;
                for (const auto& pq : q.profile) pids.push_back(pq.id);
                std::string hint = sink.full() ? std::string() : nearest(id, pids);
                sink.error(pos.line, pos.column, "unknown profile question '" + id + "'" + did_you_mean(hint));
            } else if (!p->option(value)) {
                std::string known;
                for (const auto& o : p->options) known += (known.empty() ? "" : ", ") + o.value;
                sink.error(pos.line, pos.column,
                           "'" + value + "' is not an option of profile question '" + id + "' (options: " + known + ")");
            }
        });
    }
    std::stable_sort(checks.begin(), checks.end(), [](const auto& x, const auto& y) {
        return x.first.line != y.first.line ? x.first.line < y.first.line : x.first.column < y.first.column;
    });
    for (const auto& c : checks) c.second();
    sink.throw_if_errors();
    check_waivers(q, answers);
}

void apply_answer_overrides(const Questionnaire& q, AnswerSet& answers, const std::vector<std::string>& overrides) {
    DiagnosticSink sink("--answer");
    AnswerSet given;  // checked on its own, so that messages name the option rather than the answers file
    given.source_name = "--answer";
    for (const auto& o : overrides) {
        auto eq = o.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::string msg = "'" + o + "' is not ID=VALUE";
            // `--answer answers.yaml` is `--answers` with its last letter lost.
            auto ends_with = [&](std::string_view ext) {
                return o.size() > ext.size() && o.compare(o.size() - ext.size(), ext.size(), ext) == 0;
            };
            if (eq == std::string::npos && (ends_with(".yaml") || ends_with(".yml") || ends_with(".json") || o == "-"))
                msg += " (did you mean '--answers " + o + "'? --answers reads an answers file)";
            sink.error(0, 0, msg);
            continue;
        }
        std::string id = o.substr(0, eq), value = o.substr(eq + 1);
        if (q.find_profile(id)) {
            given.profile[id] = value;
            continue;
        }
        Answer a;
        if (!parse_answer_value(value, false, a)) {
            given.rejected[id] = {{}, "'" + value + "'", value, {}};  // check_answers says what the question takes
            continue;
        }
        given.answers[id] = a;
    }
    sink.throw_if_errors();
    check_answers(q, given);
    for (const auto& [id, a] : given.answers) {
        answers.answers[id] = a;
        answers.sources.erase(id);
        answers.evidence.erase(id);
    }
    for (const auto& [id, v] : given.profile) answers.profile[id] = v;
}

}  // namespace mm
