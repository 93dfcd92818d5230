#include <algorithm>
#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/scoring.hpp"
#include "scoring_helpers.hpp"

using namespace mm;

namespace {

// Three levels, one dimension "a" with questions at levels 1-3 (weights given), and a dimension "b".
const char* kModel = R"(id: m
title: M
version: "1"
levels:
  - {level: 0, name: Zero}
  - {level: 1, name: One}
  - {level: 2, name: Two}
  - {level: 3, name: Three}
dimensions:
  - id: a
    name: A
    questions:
      - {id: a1, level: 1, text: "A1?", practice: "Do A1."}
      - {id: a2, level: 2, text: "A2?", practice: "Do A2.", weight: 3}
      - {id: a2b, level: 2, text: "A2b?", practice: "Do A2b."}
      - {id: a3, level: 3, text: "A3?", practice: "Do A3."}
  - id: b
    name: B
    questions:
      - {id: b1, level: 1, text: "B1?", practice: "Do B1."}
      - id: bc
        type: choice
        text: BC?
        practice: Climb BC.
        options:
          - {level: 0, text: Nothing}
          - {level: 1, text: Manual}
          - {level: 3, text: Automated, practice: Automate BC.}
)";

Assessment run(const std::string& answers_yaml, const std::string& model = kModel, ScoreOptions options = {}) {
    return mm::test::score_answers(model, answers_yaml, options);
}

using mm::test::dim;
using mm::test::gap_ids;

}  // namespace

TEST_CASE("everything in place reaches the top level with no gaps") {
    Assessment a = run("answers: {a1: yes, a2: yes, a2b: yes, a3: yes, b1: yes, bc: 3}");
    CHECK(a.overall_level == 3);
    CHECK(a.overall_name == "Three");
    CHECK(a.overall_score == Approx(1.0));
    CHECK(a.gaps.empty());
    CHECK(dim(a, "a").progress == Approx(3.0));
}

TEST_CASE("the staircase: a gap at level 1 caps the dimension at 0 whatever is above") {
    Assessment a = run("answers: {a1: no, a2: yes, a2b: yes, a3: yes, b1: yes, bc: 3}");
    CHECK(dim(a, "a").level == 0);
    CHECK(dim(a, "a").levels[1].met);  // level 2 itself is covered...
    CHECK(dim(a, "a").progress == Approx(0.0));
    CHECK(a.overall_level == 0);       // ...but the weakest link decides
}

TEST_CASE("partial counts half and weights weigh") {
    // Level 2 of a: a2 (weight 3) partial = 1.5, a2b (weight 1) yes = 1 -> 2.5 / 4.
    Assessment a = run("answers: {a1: yes, a2: partial, a2b: yes, a3: no, b1: yes, bc: 3}");
    CHECK(dim(a, "a").levels[1].coverage == Approx(0.625));
    CHECK_FALSE(dim(a, "a").levels[1].met);
    CHECK(dim(a, "a").level == 1);
    CHECK(dim(a, "a").progress == Approx(1.625));
}

TEST_CASE("pass_threshold below 1 lets a level be met with partial coverage") {
    std::string lenient = kModel;
    lenient.replace(lenient.find("levels:"), 7, "scoring: {pass_threshold: 0.6}\nlevels:");
    Assessment a = run("answers: {a1: yes, a2: partial, a2b: yes, a3: no, b1: yes, bc: 3}", lenient);
    CHECK(dim(a, "a").levels[1].met);  // 0.625 >= 0.6
    CHECK(dim(a, "a").level == 2);
}

TEST_CASE("n/a is left out of every sum, a level with nothing applicable is met") {
    Assessment a = run("answers: {a1: yes, a2: n/a, a2b: n/a, a3: yes, b1: yes, bc: 3}");
    CHECK(dim(a, "a").levels[1].practices == 0);
    CHECK(dim(a, "a").levels[1].met);
    CHECK(dim(a, "a").level == 3);
    // Score: a1, a3, b1 and bc's two option levels, all met.
    CHECK(a.overall_score == Approx(1.0));
}

TEST_CASE("unanswered counts zero and is reported") {
    Assessment a = run("answers: {a1: yes, a2: yes, a2b: yes, b1: yes, bc: 3}");
    CHECK(a.unanswered == std::vector<std::string>{"a3"});
    CHECK(dim(a, "a").level == 2);
    REQUIRE(a.gaps.size() == 1);
    CHECK(a.gaps[0].question == "a3");
    CHECK(a.gaps[0].unanswered);
}

TEST_CASE("unanswered_summary counts the questions that apply and names the first few") {
    CHECK(unanswered_summary(run("answers: {a1: yes, a2: yes, a2b: yes, a3: no, b1: yes, bc: 3}")).empty());
    CHECK(unanswered_summary(run("answers: {a1: yes, a2: yes, a2b: yes, b1: yes, bc: 3}")) ==
          "1 of 6 questions is unanswered (a3)");
    CHECK(unanswered_summary(run("answers: {a1: yes, a2: yes, b1: yes, bc: 3}")) ==
          "2 of 6 questions are unanswered (a2b and a3)");
    CHECK(unanswered_summary(run("answers: {}")) == "6 of 6 questions are unanswered (a1, a2, a2b and 3 more)");
    // n/a is an answer; "" and a blank are not.
    CHECK(unanswered_summary(run("answers: {a1: n/a, a2: yes, a2b: yes, a3: '', b1: yes, bc: }")) ==
          "2 of 6 questions are unanswered (a3 and bc)");
}

TEST_CASE("a choice answered k counts at each of its option levels") {
    Assessment manual = run("answers: {a1: yes, a2: yes, a2b: yes, a3: yes, b1: yes, bc: 1}");
    // bc has options at levels 1 and 3: level 1 met, level 3 not; level 2 of b has no practice, so it is met.
    CHECK(dim(manual, "b").levels[0].met);
    CHECK(dim(manual, "b").levels[1].practices == 0);
    CHECK(dim(manual, "b").levels[1].met);
    CHECK_FALSE(dim(manual, "b").levels[2].met);
    CHECK(dim(manual, "b").level == 2);
    REQUIRE(manual.gaps.size() == 1);
    const Gap& g = manual.gaps[0];
    CHECK(g.question == "bc");
    CHECK(g.level == 3);  // the next option above the answer
    CHECK(g.next_option == 3);
    CHECK(g.next_option_text == "Automated");
    CHECK(g.practice == "Automate BC.");  // the option's own practice wins
    CHECK(g.credit == Approx(0.5));

    Assessment nothing = run("answers: {a1: yes, a2: yes, a2b: yes, a3: yes, b1: yes, bc: 0}");
    CHECK(dim(nothing, "b").level == 0);
    CHECK(nothing.gaps[0].level == 1);
    CHECK(nothing.gaps[0].practice == "Climb BC.");  // no practice on the option: the question's
}

TEST_CASE("overall level is the lowest dimension, overall score is weighted credit") {
    Assessment a = run("answers: {a1: yes, a2: yes, a2b: yes, a3: yes, b1: no, bc: 3}");
    CHECK(dim(a, "a").level == 3);
    CHECK(dim(a, "b").level == 0);
    CHECK(a.overall_level == 0);
    // Weights: a1 1, a2 3, a2b 1, a3 1, b1 1, bc at levels 1 and 3: 1 + 1 -> 9 in all; b1 missing -> 8/9.
    CHECK(a.overall_score == Approx(8.0 / 9.0));
}

TEST_CASE("gap order: blocking, lower level, weakest dimension, weight, questionnaire order") {
    // a: level 1 (a2 and a2b missing at level 2, a3 at 3); b: level 0 (b1 missing; bc at 1).
    Assessment a = run("answers: {a1: yes, a2: no, a2b: no, a3: no, b1: no, bc: 1}");
    CHECK(dim(a, "a").level == 1);
    CHECK(dim(a, "b").level == 0);
    // Blocking: b1 (level 1 of b at 0) and a2, a2b (level 2 of a at 1). Lower level first -> b1; then a2 (weight 3)
    // before a2b. Not blocking: a3 (level 3), bc (level 3): both level 3; bc's dimension is the weakest -> bc first.
    CHECK(gap_ids(a) == std::vector<std::string>{"b1", "a2", "a2b", "bc", "a3"});
    CHECK(a.gaps[0].blocking);
    CHECK(a.gaps[0].group == GapGroup::Blocking);
    CHECK_FALSE(a.gaps[3].blocking);
    CHECK(a.gaps[0].priority == 1);
    CHECK(a.gaps[4].priority == 5);
}

TEST_CASE("gate: overall and per-dimension bars") {
    Assessment a = run("answers: {a1: yes, a2: yes, a2b: yes, a3: no, b1: yes, bc: 1}");
    CHECK(check_gate(a, {{"", 2}}).passed);
    GateResult overall = check_gate(a, {{"", 3}});
    CHECK_FALSE(overall.passed);
    CHECK(overall.failures == std::vector<std::string>{"overall level 2 is below the required 3"});
    GateResult per_dim = check_gate(a, {{"a", 3}, {"b", 1}});
    CHECK(per_dim.failures == std::vector<std::string>{"a: level 2 < 3"});
    CHECK(check_gate(a, {}).passed);
}

TEST_CASE("profile: questions that do not apply are not asked and count as n/a") {
    Questionnaire q = mm::test::questionnaire(read_source(mm::test::data_file("valid/basic.yaml")).text);
    AnswerSet a = mm::test::answers(read_source(mm::test::data_file("answers/basic-level1.yaml")).text);
    Assessment r = score(q, a);
    auto canary = std::find_if(r.questions.begin(), r.questions.end(), [](auto& x) { return x.question == "canary"; });
    REQUIRE(canary != r.questions.end());
    CHECK(canary->status == QuestionStatus::NotAsked);
    CHECK(canary->reason == "not asked: Batch-only scoring");
    CHECK(r.unanswered.empty());
    // Unanswered profile: the question applies (nothing is assumed).
    a.profile.clear();
    Assessment open = score(q, a);
    CHECK(std::find(open.unanswered.begin(), open.unanswered.end(), "canary") != open.unanswered.end());
}

TEST_CASE("target: recommended from the profile, given overrides, gaps toward it first") {
    Questionnaire q = mm::test::questionnaire(read_source(mm::test::data_file("valid/basic.yaml")).text);
    AnswerSet a = mm::test::answers(read_source(mm::test::data_file("answers/basic-level1.yaml")).text);
    Assessment r = score(q, a);
    REQUIRE(r.target);
    CHECK(r.target->level == 2);
    CHECK(r.target->source == "recommended");
    CHECK(r.target->reason == "Automated training is the default target.");
    // data is at 1 (data-versioned partial), deploy at 2. Gaps: data-versioned (2, blocking) within the target;
    // release-path's next option (3, blocking for deploy) and data-lineage (3) are beyond it.
    CHECK(gap_ids(r) == std::vector<std::string>{"data-versioned", "release-path", "data-lineage"});
    CHECK(r.gaps[0].group == GapGroup::Blocking);
    CHECK(r.gaps[1].group == GapGroup::Optional);
    CHECK(r.gaps[2].group == GapGroup::Optional);
    CHECK(r.overall_score == Approx(6.0 / 9.0));

    a.profile["serving"] = "online";
    CHECK(score(q, a).target->level == 3);
    ScoreOptions given;
    given.target_level = 1;
    Assessment g = score(q, a, given);
    CHECK(g.target->level == 1);
    CHECK(g.target->source == "given");

    AnswerSet none;
    CHECK(score(q, none).target->level == 2);  // the fallback rule has no condition
}

// ---- each numbered rule of docs/scoring.md alone ----

TEST_CASE("gap order key 6: a heavier gap comes first even when it is later in the questionnaire") {
    // Both gaps at level 2 of a, both blocking, same dimension: only the weight (a2x: 5) tells them apart.
    const char* model = R"(id: m
title: M
version: "1"
levels:
  - {level: 0, name: Zero}
  - {level: 1, name: One}
  - {level: 2, name: Two}
dimensions:
  - id: a
    name: A
    questions:
      - {id: a1, level: 1, text: "A1?", practice: "Do A1."}
      - {id: a2, level: 2, text: "A2?", practice: "Do A2."}
      - {id: a2x, level: 2, text: "A2x?", practice: "Do A2x.", weight: 5}
)";
    Assessment a = run("answers: {a1: yes, a2: no, a2x: no}", model);
    CHECK(gap_ids(a) == std::vector<std::string>{"a2x", "a2"});
}

TEST_CASE("levels: comparisons allow for floating-point rounding") {
    // 0.3 / (0.3 + 0.1) is 0.7499999999999999 in doubles: with a threshold of 0.75 the level is met.
    const char* model = R"(id: m
title: M
version: "1"
scoring: {pass_threshold: 0.75}
levels:
  - {level: 0, name: Zero}
  - {level: 1, name: One}
dimensions:
  - id: a
    name: A
    questions:
      - {id: a1, level: 1, text: "A1?", practice: "Do A1.", weight: 0.3}
      - {id: a1b, level: 1, text: "A1b?", practice: "Do A1b.", weight: 0.1}
)";
    Assessment a = run("answers: {a1: yes, a1b: no}", model);
    CHECK(dim(a, "a").levels[0].coverage < 0.75);
    CHECK(dim(a, "a").levels[0].met);
    CHECK(a.overall_level == 1);
}

TEST_CASE("overall score is 1 when nothing applies") {
    Assessment a = run("answers: {a1: n/a, a2: n/a, a2b: n/a, a3: n/a, b1: n/a, bc: n/a}");
    CHECK(a.overall_score == Approx(1.0));
    CHECK(a.overall_level == 3);
    CHECK(a.gaps.empty());
}

TEST_CASE("why this level: the dimensions at the overall level and what each misses next") {
    Assessment a = run("answers: {a1: yes, a2: no, a2b: yes, a3: no, b1: no, bc: 1}");
    CHECK(a.overall_level == 0);
    CHECK(a.held_by == std::vector<std::string>{"b"});
    CHECK(dim(a, "a").missing_for_next == std::vector<std::string>{"a2"});
    CHECK(dim(a, "b").missing_for_next == std::vector<std::string>{"b1"});
    Assessment top = run("answers: {a1: yes, a2: yes, a2b: yes, a3: yes, b1: yes, bc: 3}");
    CHECK(top.held_by.empty());
    CHECK(dim(top, "a").missing_for_next.empty());
}

TEST_CASE("rule 1 ignores core marks: every practice of a level defines it") {
    std::string marked = kModel;
    marked.replace(marked.find("{id: a2b, level: 2,"), 19, "{id: a2b, core: true, level: 2,");
    Assessment a = run("answers: {a1: yes, a2: no, a2b: yes, a3: yes, b1: yes, bc: 3}", marked);
    CHECK(a.rule == 1);
    CHECK(dim(a, "a").level == 1);  // a2 (not core) still holds level 2 under rule 1
    CHECK(a.gaps[0].defining);
}

TEST_CASE("the effective target: a --min-level bar above the target raises it, a dimension bar raises its gaps") {
    Questionnaire q = mm::test::questionnaire(read_source(mm::test::data_file("valid/basic.yaml")).text);
    AnswerSet a = mm::test::answers(read_source(mm::test::data_file("answers/basic-level1.yaml")).text);
    ScoreOptions gated;
    gated.gate = {{"", 3}};
    Assessment r = score(q, a, gated);
    REQUIRE(r.target);
    CHECK(r.target->level == 3);
    CHECK(r.target->source == "gate");
    CHECK(r.target->reason == "required by --min-level 3; the recommended target was 2");
    for (const auto& g : r.gaps) CHECK(g.group != GapGroup::Optional);  // nothing a failed gate needs is optional

    ScoreOptions low;
    low.gate = {{"", 1}};
    CHECK(score(q, a, low).target->source == "recommended");  // a lower bar changes nothing

    ScoreOptions per_dimension;
    per_dimension.gate = {{"data", 3}};
    Assessment d = score(q, a, per_dimension);
    CHECK(d.target->level == 2);
    for (const auto& g : d.gaps)
        if (g.dimension == "data") CHECK(g.group != GapGroup::Optional);
}

// ---- the answers' scope (docs/scoring.md, "Scope"): levels above N are not assessed ----

TEST_CASE("scope: questions above the scope are not assessed, neither gaps nor unanswered") {
    // Level 3 (a3) left blank and bc at 1: without a scope a3 and bc's level-3 option are gaps.
    const std::string answers = "answers: {a1: yes, a2: yes, a2b: yes, b1: yes, bc: 1}";
    Assessment full = run(answers);
    CHECK(full.overall_level == 2);
    CHECK(gap_ids(full) == std::vector<std::string>{"a3", "bc"});
    CHECK(full.unanswered == std::vector<std::string>{"a3"});
    CHECK_FALSE(full.up_to_level);

    Assessment a = run(answers + "\nscope: {up_to_level: 2}");
    CHECK(a.up_to_level == 2);
    CHECK(a.gaps.empty());  // a3 is above the scope, and bc's next option (level 3) too
    CHECK(a.unanswered.empty());
    CHECK(unanswered_summary(a).empty());  // so --require-complete does not ask for a3
    auto a3 = std::find_if(a.questions.begin(), a.questions.end(), [](const auto& r) { return r.question == "a3"; });
    REQUIRE(a3 != a.questions.end());
    CHECK(a3->status == QuestionStatus::NotAssessed);
    CHECK(a3->reason == "not assessed: above level 2");
    CHECK(to_string(a3->status) == "not-assessed");
    // bc has an option at level 1, so it is in scope; it counts at level 1 only, where it is met.
    auto bc = std::find_if(a.questions.begin(), a.questions.end(), [](const auto& r) { return r.question == "bc"; });
    CHECK(bc->status == QuestionStatus::Answered);
    CHECK(bc->credit == Approx(1.0));
    CHECK(a.overall_score == Approx(1.0));
}

TEST_CASE("scope: every level is capped at the scope, with nothing holding it there") {
    // Everything in place: the top level without a scope, the scope's level with one.
    Assessment a = run("answers: {a1: yes, a2: yes, a2b: yes, a3: yes, b1: yes, bc: 3}\nscope: {up_to_level: 1}");
    CHECK(a.overall_level == 1);
    CHECK(a.overall_name == "One");
    CHECK(dim(a, "a").level == 1);
    CHECK(dim(a, "a").progress == Approx(1.0));  // progress stops at the scope
    CHECK(dim(a, "a").missing_for_next.empty());
    CHECK(a.held_by.empty());
    const auto& levels = dim(a, "a").levels;
    REQUIRE(levels.size() == 3);
    CHECK(levels[0].assessed);
    CHECK(levels[0].met);
    CHECK_FALSE(levels[1].assessed);
    CHECK_FALSE(levels[1].met);
    CHECK(levels[1].practices == 0);
    CHECK_FALSE(levels[2].assessed);
    // An answer given above the scope is kept for the record but does not count.
    auto a2 = std::find_if(a.questions.begin(), a.questions.end(), [](const auto& r) { return r.question == "a2"; });
    CHECK(a2->status == QuestionStatus::NotAssessed);
    REQUIRE(a2->answer_not_counted);
    CHECK(a2->answer_not_counted->kind == AnswerKind::Yes);
}

TEST_CASE("scope: below the scope the rule is unchanged, and a scope at the top level changes nothing") {
    // a1 missing holds dimension a at 0 with or without the scope; the gap is still there.
    Assessment a = run("answers: {a1: no, a2: yes, a2b: yes, b1: yes, bc: 3}\nscope: {up_to_level: 2}");
    CHECK(a.overall_level == 0);
    CHECK(a.held_by == std::vector<std::string>{"a"});
    CHECK(gap_ids(a) == std::vector<std::string>{"a1"});
    CHECK(dim(a, "a").missing_for_next == std::vector<std::string>{"a1"});

    const std::string answers = "answers: {a1: yes, a2: no, b1: yes, bc: 1}";
    Assessment full = run(answers);
    Assessment top = run(answers + "\nscope: {up_to_level: 3}");
    CHECK_FALSE(top.up_to_level);
    CHECK(gap_ids(top) == gap_ids(full));
    CHECK(top.overall_level == full.overall_level);
    CHECK(top.unanswered == full.unanswered);
}

TEST_CASE("scope: in_scope keeps a practice at or below N and a choice with an option from 1 to N") {
    Questionnaire q = mm::test::questionnaire(kModel);
    const Question* a3 = q.find_question("a3");
    const Question* bc = q.find_question("bc");
    CHECK(in_scope(*a3, std::nullopt));
    CHECK(in_scope(*a3, 3));
    CHECK_FALSE(in_scope(*a3, 2));
    CHECK(in_scope(*bc, 1));
    CHECK(in_scope(*bc, 2));
}

TEST_CASE("the level a dimension's gaps are required up to: the highest bar for it, else the target, else the next") {
    Assessment a;
    DimensionResult data;
    data.id = "data";
    data.level = 1;
    CHECK(required_level(a, std::nullopt, data) == 2);
    a.target = Target{3, "given", ""};
    CHECK(required_level(a, std::nullopt, data) == 3);
    GateResult gate;
    gate.bars = {{"", 1}, {"data", 2}, {"deploy", 4}};
    CHECK(required_level(a, gate, data) == 2);  // the deploy bar is not data's; a bar wins over the target
    gate.bars = {{"deploy", 4}};
    CHECK(required_level(a, gate, data) == 3);
}
