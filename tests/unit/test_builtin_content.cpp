// Content rules for the built-in questionnaires (issue: questionnaires worth taking). Each must stand on its
// own and be complete enough that no level is met by default.
#include <algorithm>
#include <map>
#include <set>

#include "catch.hpp"
#include "helpers.hpp"

using namespace mm;

namespace {

// Whenever condition `a` holds, `b` holds too: every clause of `b` is in `a` with no more values. An empty
// condition always holds, so it is implied by anything and implies only another empty one.
bool implies(const Condition& a, const Condition& b) {
    for (const auto& [key, allowed] : b.clauses) {
        auto it = std::find_if(a.clauses.begin(), a.clauses.end(), [&](const auto& c) { return c.first == key; });
        if (it == a.clauses.end()) return false;
        for (const auto& v : it->second)
            if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) return false;
    }
    return true;
}

Questionnaire builtin(const std::string& id) {
    const BuiltinQuestionnaire* b = find_builtin(id);
    REQUIRE(b);
    return load_questionnaire({"builtin:" + id, std::string(b->text)});
}

}  // namespace

TEST_CASE("the built-in questionnaires are there, mlops first") {
    std::vector<std::string> ids;
    for (const auto& b : builtin_questionnaires()) ids.push_back(b.id);
    CHECK(ids == std::vector<std::string>{"mlops", "genaiops", "ml-test-score", "mlops-ct", "mlops-org"});
}

TEST_CASE("every built-in questionnaire meets the content rules") {
    for (const auto& b : builtin_questionnaires()) {
        INFO("questionnaire " << b.id);
        Questionnaire q = builtin(b.id);
        CHECK(lint_questionnaire(q).empty());
        CHECK(b.text.rfind("# yaml-language-server: $schema=", 0) == 0);
        // The points method has no staircase: no rule, no profile-driven target, no defining practices (its own
        // rules are in the ml-test-score test below).
        const bool staircase = q.scoring_method == ScoringMethod::Staircase;
        if (staircase) {
            CHECK(q.scoring_rule == 3);
            // The mlops family moved to rule 2 with its 2.0 and to rule 3 with 2.1; genaiops 1.0 was written for
            // rule 3.
            CHECK(q.version.rfind(b.id == "genaiops" ? "1." : "2.", 0) == 0);
            CHECK(q.dimensions.size() >= 5);
            CHECK_FALSE(q.profile.empty());
            REQUIRE_FALSE(q.target_rules.empty());
            CHECK(q.target_rules.back().when.empty());  // a fallback, so every team gets a target
        }
        for (const auto& l : q.levels) CHECK_FALSE(l.description.empty());
        for (const auto& p : q.profile)
            for (const auto& o : p.options)
                if (!o.see_also.empty()) CHECK(find_builtin(o.see_also));  // a pointer to nowhere helps nobody
        std::set<std::string> texts;
        for (const auto& d : q.dimensions) {
            INFO("dimension " << d.id);
            CHECK_FALSE(d.description.empty());
            auto always_asked = [&](const Question& qu) {
                return std::all_of(d.questions.begin(), d.questions.end(),
                                   [&](const Question& x) { return implies(x.applies_when, qu.applies_when); });
            };
            std::map<int, int> practices_at;
            for (const auto& qu : d.questions) {
                INFO("question " << qu.id);
                CHECK_FALSE(qu.help.empty());
                CHECK_FALSE(qu.practice.empty());
                CHECK_FALSE(qu.tools.empty());
                CHECK_FALSE(qu.references.empty());
                CHECK(texts.insert(qu.text).second);
                if (qu.type == QuestionType::Practice) {
                    // A question asked whenever the dimension is assessed (whenever any of its questions is
                    // asked), so no profile can leave a level of an assessed dimension empty. That is every
                    // unconditional question, and in a dimension that only some teams have (retrieval, agents)
                    // the questions under its widest condition.
                    if (always_asked(qu)) ++practices_at[qu.level];
                } else {
                    for (const auto& o : qu.options)
                        if (o.level > 0) CHECK_FALSE(o.practice.empty());
                }
            }
            for (int lvl = 1; lvl <= q.max_level(); ++lvl) {
                INFO("level " << lvl);
                CHECK(practices_at[lvl] >= 1);
            }
            // Rule 2: each level of each dimension names what defines it, so no level falls back to "every
            // question defines it" and no level is met by default.
            std::set<int> core_levels;
            for (const auto& qu : d.questions) {
                if (!staircase) break;
                if (!qu.core) continue;
                if (qu.type == QuestionType::Practice) core_levels.insert(qu.level);
                else
                    for (const auto& o : qu.options)
                        if (o.level > 0) core_levels.insert(o.level);
            }
            for (int lvl = 1; lvl <= q.max_level() && staircase; ++lvl) {
                INFO("level " << lvl << " has a core practice");
                CHECK(core_levels.count(lvl) == 1);
            }
        }
    }
}

TEST_CASE("mlops: five levels, nine dimensions, at least 60 practice questions, a third with evidence") {
    Questionnaire q = builtin("mlops");
    REQUIRE(q.levels.size() == 5);
    CHECK(q.levels[0].name == "No MLOps");
    CHECK(q.levels[1].name == "DevOps but no MLOps");
    CHECK(q.levels[2].name == "Automated training");
    CHECK(q.levels[3].name == "Automated model deployment");
    CHECK(q.levels[4].name == "Full MLOps automated operations");
    CHECK(q.dimensions.size() >= 9);
    std::size_t practices = 0, choices = 0, with_evidence = 0;
    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions) {
            (qu.type == QuestionType::Practice ? practices : choices) += 1;
            with_evidence += !qu.evidence.empty();
        }
    CHECK(practices >= 60);
    CHECK(choices >= 1);
    CHECK(with_evidence * 3 >= q.question_count());
}

TEST_CASE("mlops-ct and mlops-org have their own ladders and questions") {
    Questionnaire ct = builtin("mlops-ct"), org = builtin("mlops-org"), base = builtin("mlops");
    CHECK(ct.max_level() == 3);
    CHECK(org.max_level() == 4);
    CHECK(org.levels[4].name == "Optimized");
    std::set<std::string> base_texts;
    for (const auto& d : base.dimensions)
        for (const auto& qu : d.questions) base_texts.insert(qu.text);
    for (const Questionnaire* q : {&ct, &org})
        for (const auto& d : q->dimensions)
            for (const auto& qu : d.questions) {
                INFO(q->id << ": " << qu.id);
                CHECK(base_texts.count(qu.text) == 0);
            }
}

TEST_CASE("built-in tools are current: no shut-down services, no end-of-sale products, no closed licence first") {
    // Neptune's hosted service and WhyLabs are shut down, Opsgenie is end of sale, Seldon Core left open source
    // (2026): recommending them would send teams to a dead end. Evidence rules may still recognise their files.
    for (const auto& b : builtin_questionnaires()) {
        Questionnaire q = builtin(b.id);
        for (const auto& d : q.dimensions)
            for (const auto& qu : d.questions) {
                INFO(b.id << ": " << qu.id);
                for (const auto& tool : qu.tools) {
                    std::string lower = tool;
                    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
                    CHECK(lower.find("neptune") == std::string::npos);
                    CHECK(lower.find("whylabs") == std::string::npos);
                    CHECK(lower.find("opsgenie") == std::string::npos);
                    CHECK(lower.find("seldon") == std::string::npos);
                }
            }
    }
}

TEST_CASE("genaiops: Microsoft's four GenAIOps levels over a level 0, eight dimensions, profile-scoped questions") {
    Questionnaire q = builtin("genaiops");
    REQUIRE(q.levels.size() == 5);
    CHECK(q.levels[1].name == "Initial");
    CHECK(q.levels[2].name == "Defined");
    CHECK(q.levels[3].name == "Managed");
    CHECK(q.levels[4].name == "Optimized");
    CHECK(q.dimensions.size() >= 7);
    std::size_t practices = 0, with_evidence = 0, core = 0;
    std::set<std::string> tools;
    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions) {
            practices += qu.type == QuestionType::Practice;
            with_evidence += !qu.evidence.empty();
            core += qu.core;
            for (const auto& t : qu.tools) tools.insert(t);
        }
    CHECK(practices >= 50);
    CHECK(with_evidence * 4 >= q.question_count());
    CHECK(core * 2 <= practices);  // defining practices are the few the public model names, not most of them
    // Retrieval questions only for RAG, agent questions only where the model calls tools, fine-tuning ones only
    // for teams that fine-tune: a chat assistant is never asked about an index it does not have.
    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions) {
            INFO(qu.id);
            if (d.id == "retrieval") {
                REQUIRE_FALSE(qu.applies_when.empty());
                CHECK(qu.applies_when.clauses.front().first == "retrieval");
            }
            if (d.id == "agents") {
                REQUIRE_FALSE(qu.applies_when.empty());
                CHECK(qu.applies_when.clauses.front().first == "agents");
            }
            if (qu.id.find("fine-tun") != std::string::npos) {
                REQUIRE_FALSE(qu.applies_when.empty());
                CHECK(qu.applies_when.clauses.front().first == "fine-tuning");
            }
        }
    // Stricter than the rule for every built-in: each level's defining practices include one asked whenever the
    // dimension is assessed, so no profile gets a level for free (human approval, asked only for agents that
    // act, is not the only defining practice of agents level 2: least-privilege tools is asked of every agent).
    for (const auto& d : q.dimensions) {
        std::set<int> core_levels;
        for (const auto& qu : d.questions) {
            const bool always_asked = std::all_of(d.questions.begin(), d.questions.end(), [&](const Question& x) {
                return implies(x.applies_when, qu.applies_when);
            });
            if (qu.core && always_asked) core_levels.insert(qu.level);
        }
        INFO(d.id);
        CHECK(core_levels.size() == static_cast<std::size_t>(q.max_level()));
    }
    for (const char* p : {"stage", "users", "regulated", "hosting", "retrieval", "agents", "fine-tuning"})
        CHECK(q.find_profile(p));
    // The 2026 tools the issue names, each suggested somewhere, in vendor-neutral lists.
    for (const char* t : {"MLflow tracing", "MLflow evaluation", "Langfuse", "Arize Phoenix", "promptfoo", "DeepEval",
                          "Ragas", "Inspect", "Guardrails AI", "NeMo Guardrails", "Llama Guard", "LiteLLM", "vLLM",
                          "OpenTelemetry GenAI semantic conventions"}) {
        INFO(t);
        CHECK(tools.count(t) == 1);
    }
}

TEST_CASE("ml-test-score: the 28 tests of the rubric in four sections of seven scored by points") {
    Questionnaire q = builtin("ml-test-score");
    CHECK(q.scoring_method == ScoringMethod::Points);
    CHECK(q.version.rfind("1.", 0) == 0);
    REQUIRE(q.dimensions.size() == 4);
    const std::vector<std::pair<std::string, std::string>> sections = {
        {"data", "Data"}, {"model", "Model"}, {"infrastructure", "Infra"}, {"monitoring", "Monitor"}};
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const Dimension& d = q.dimensions[i];
        INFO(d.id);
        CHECK(d.id == sections[i].first);
        REQUIRE(d.questions.size() == 7);
        for (std::size_t t = 0; t < d.questions.size(); ++t) {
            const Question& qu = d.questions[t];
            INFO(qu.id);
            CHECK(qu.type == QuestionType::Practice);
            CHECK(qu.level == 1);
            CHECK(qu.weight == 1.0);
            CHECK(qu.applies_when.empty());
            // Each test cites its place in the paper, in order: "ML Test Score Data 1" .. "Monitor 7".
            REQUIRE_FALSE(qu.references.empty());
            CHECK(qu.references.front() == "ML Test Score " + sections[i].second + " " + std::to_string(t + 1));
            // Help says what counts on the rubric's scale.
            for (const char* word : {"Automated:", "Manual:", "Not:"}) CHECK(qu.help.find(word) != std::string::npos);
        }
    }
}
