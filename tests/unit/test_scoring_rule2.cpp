// Scoring rule 2 (docs/scoring.md, "Two rules"): the defining (core) practices of a level decide it; supporting
// practices count in the score and the gaps but never hold a team below a level. One test per rule.
#include <algorithm>
#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/scoring.hpp"
#include "scoring_helpers.hpp"

using namespace mm;

namespace {

// Dimension a: level 1 defined by a1 (core), with hygiene h1; level 2 defined by a2 (core), with support s2; level 3
// defined by a3 and a3n (core). Dimension b: no core question at level 1 (falls back to all), a core choice.
const char* kRule2 = R"(id: m
title: M
version: "2.0"
scoring: {rule: 2}
levels:
  - {level: 0, name: Zero}
  - {level: 1, name: One}
  - {level: 2, name: Two}
  - {level: 3, name: Three}
dimensions:
  - id: a
    name: A
    questions:
      - {id: a1, core: true, level: 1, text: "A1?", practice: "Do A1."}
      - {id: h1, level: 1, text: "H1?", practice: "Do H1."}
      - {id: h1b, level: 1, text: "H1b?", practice: "Do H1b."}
      - {id: a2, core: true, level: 2, text: "A2?", practice: "Do A2."}
      - {id: s2, level: 2, text: "S2?", practice: "Do S2.", weight: 5}
      - {id: a3, core: true, level: 3, text: "A3?", practice: "Do A3."}
      - {id: a3n, core: true, level: 3, text: "A3n?", practice: "Do A3n."}
  - id: b
    name: B
    questions:
      - {id: b1, level: 1, text: "B1?", practice: "Do B1."}
      - {id: b1b, level: 1, text: "B1b?", practice: "Do B1b."}
      - id: bc
        type: choice
        core: true
        text: BC?
        options:
          - {level: 0, text: Nothing}
          - {level: 2, text: Scheduled}
          - {level: 3, text: Triggered by metrics}
)";

Assessment run(const std::string& answers_yaml, const std::string& model = kRule2, ScoreOptions options = {}) {
    return mm::test::score_answers(model, answers_yaml, options);
}

using mm::test::dim;
using mm::test::gap_ids;
using mm::test::gap;

const char* kAllIn = "answers: {a1: yes, h1: yes, h1b: yes, a2: yes, s2: yes, a3: yes, a3n: yes, b1: yes, b1b: yes, bc: 3}";

std::string with(const std::string& id, const std::string& value) {
    std::string s = kAllIn;
    auto at = s.find(" " + id + ": ");
    REQUIRE(at != std::string::npos);
    auto from = at + id.size() + 3;
    auto to = s.find_first_of(",}", from);
    return s.replace(from, to - from, value);
}

}  // namespace

TEST_CASE("rule 2 is opted into with scoring: {rule: 2} and recorded") {
    CHECK(mm::test::questionnaire(kRule2).scoring_rule == 2);
    CHECK(run(kAllIn).rule == 2);
    CHECK(run(kAllIn).overall_level == 3);
}

TEST_CASE("rule 2: a supporting practice not in place never lowers a level") {
    Assessment a = run(with("h1", "no"));
    CHECK(dim(a, "a").level == 3);
    CHECK(dim(a, "a").levels[0].met);
    CHECK(dim(a, "a").levels[0].coverage == Approx(2.0 / 3.0));
    CHECK(dim(a, "a").levels[0].defining_coverage == Approx(1.0));
    CHECK(dim(a, "a").levels[0].defining_practices == 1);
    // ...but it lowers the score and is a gap, not blocking and not defining.
    CHECK(a.overall_score < 1.0);
    CHECK_FALSE(gap(a, "h1").defining);
    CHECK_FALSE(gap(a, "h1").blocking);
}

TEST_CASE("rule 2: a defining practice not in place holds its level, and a partial one too") {
    CHECK(dim(run(with("a2", "no")), "a").level == 1);
    Assessment partial = run(with("a2", "partial"));
    CHECK(dim(partial, "a").level == 1);
    CHECK(gap(partial, "a2").blocking);
    CHECK(dim(partial, "a").missing_for_next == std::vector<std::string>{"a2"});
    CHECK(partial.held_by == std::vector<std::string>{"a"});
    // Unanswered counts as not in place.
    std::string unanswered = kAllIn;
    unanswered.replace(unanswered.find("a1: yes, "), 9, "");
    CHECK(dim(run(unanswered), "a").level == 0);
}

TEST_CASE("rule 2: a defining practice that is n/a is left out, a level whose defining practices are all n/a is met") {
    Assessment a = run(with("a3n", "n/a"));
    CHECK(dim(a, "a").level == 3);
    std::string both = with("a3n", "n/a");
    both.replace(both.find("a3: yes"), 7, "a3: n/a");
    Assessment b = run(both);
    CHECK(dim(b, "a").levels[2].defining_practices == 0);
    CHECK(dim(b, "a").levels[2].met);
}

TEST_CASE("rule 2: a level with no core question is defined by all its questions") {
    Assessment a = run(with("b1b", "no"));
    CHECK(dim(a, "b").level == 0);
    CHECK(gap(a, "b1b").defining);
    CHECK(gap(a, "b1b").blocking);
}

TEST_CASE("rule 2: a core choice defines each of its option levels, its gap says which option is next") {
    Assessment a = run(with("bc", "2"));
    CHECK(dim(a, "b").level == 2);
    const Gap& g = gap(a, "bc");
    CHECK(g.level == 3);
    CHECK(g.defining);
    CHECK(g.blocking);
    CHECK(g.practice == "Move to: Triggered by metrics");  // neither the option nor the question has a practice
    CHECK(dim(run(with("bc", "0")), "b").level == 1);    // level 2 of b is the choice's
}

TEST_CASE("rule 2 gap order: the holding dimension's way up first, then partly in place before not started") {
    // a at level 1 (a2 missing); a3, a3n at 3; s2 (supporting, weight 5) at 2; h1 partial and h1b no at level 1.
    std::string answers = "answers: {a1: yes, h1: no, h1b: partial, a2: no, s2: no, a3: no, a3n: no, b1: yes, "
                          "b1b: yes, bc: 3}";
    Assessment a = run(answers);
    // Blocking a2 first; then the rest of a's way up (a holds the overall level): a3, a3n; then the supporting
    // practices: h1b (partial) before h1 (no), then s2 (level 2).
    CHECK(gap_ids(a) == std::vector<std::string>{"a2", "a3", "a3n", "h1b", "h1", "s2"});
}

TEST_CASE("rule 2 gap order: a defining gap comes before a heavier supporting one at the same level") {
    // b holds the overall level at 0; in a (level 1), x3 (core) and s3 (supporting, weight 5) are both at level 3,
    // neither blocking nor on b's way up: only "defining first" tells them apart.
    const char* model = R"(id: m
title: M
version: "2.0"
scoring: {rule: 2}
levels:
  - {level: 0, name: Zero}
  - {level: 1, name: One}
  - {level: 2, name: Two}
  - {level: 3, name: Three}
dimensions:
  - id: a
    name: A
    questions:
      - {id: a1, core: true, level: 1, text: "A1?", practice: "Do A1."}
      - {id: a2, core: true, level: 2, text: "A2?", practice: "Do A2."}
      - {id: s3, level: 3, text: "S3?", practice: "Do S3.", weight: 5}
      - {id: x3, core: true, level: 3, text: "X3?", practice: "Do X3."}
  - id: b
    name: B
    questions:
      - {id: b1, core: true, level: 1, text: "B1?", practice: "Do B1."}
      - {id: b2, core: true, level: 2, text: "B2?", practice: "Do B2."}
      - {id: b3, core: true, level: 3, text: "B3?", practice: "Do B3."}
)";
    Assessment a = run("answers: {a1: yes, a2: no, s3: no, x3: no, b1: no, b2: yes, b3: yes}", model);
    CHECK(gap_ids(a) == std::vector<std::string>{"b1", "a2", "x3", "s3"});
}

TEST_CASE("the rule is checked when loading: only 1, 2 or 3, core takes true or false") {
    for (const char* rule : {"{rule: 4}", "{rule: 0}"}) {
        std::string bad_rule = kRule2;
        bad_rule.replace(bad_rule.find("{rule: 2}"), 9, rule);
        CHECK(mm::test::first_error([&] { mm::test::questionnaire(bad_rule); }).find("'rule' must be 1, 2 or 3") !=
              std::string::npos);
    }
    std::string bad_core = kRule2;
    bad_core.replace(bad_core.find("core: true"), 10, "core: yes");
    CHECK(mm::test::first_error([&] { mm::test::questionnaire(bad_core); })
              .find("'core' must be true or false, not 'yes'") != std::string::npos);
}

TEST_CASE("validate warns about a rule-2 level with no core question") {
    auto warnings = lint_questionnaire(mm::test::questionnaire(kRule2));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].message.find("dimension 'b' marks no question at level 1 as core") != std::string::npos);
}

TEST_CASE("rule 2 gap order: a practice partly in place comes before one not started, even at a lower level") {
    // s2 (level 2, supporting) is half done; h1 (level 1, supporting) is not started.
    Assessment a = run("answers: {a1: yes, h1: no, h1b: yes, a2: no, s2: partial, a3: no, a3n: no, b1: yes, "
                       "b1b: yes, bc: 3}");
    CHECK(gap_ids(a) == std::vector<std::string>{"a2", "a3", "a3n", "s2", "h1"});
}

TEST_CASE("a dimension where nothing applies is not assessed, and never holds the overall level") {
    // Every question of b is n/a: b's levels are met by default, so it is not assessed.
    Assessment a = run("answers: {a1: yes, h1: yes, h1b: yes, a2: no, s2: yes, a3: no, a3n: no, b1: n/a, "
                       "b1b: n/a, bc: n/a}");
    CHECK_FALSE(dim(a, "b").assessed);
    CHECK(dim(a, "a").assessed);
    CHECK(a.overall_level == 1);
    CHECK(a.held_by == std::vector<std::string>{"a"});
    // With every dimension not assessed, the overall level is the top one (nothing holds it).
    Assessment none = run("answers: {a1: n/a, h1: n/a, h1b: n/a, a2: n/a, s2: n/a, a3: n/a, a3n: n/a, b1: n/a, "
                          "b1b: n/a, bc: n/a}");
    CHECK(none.overall_level == 3);
    CHECK(none.held_by.empty());
}
