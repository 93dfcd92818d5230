// Scoring rule 3 (docs/scoring.md, "Rule 3: levels vouched for from above"): what rule 2 does, and a level below
// levels the team demonstrably meets is not held by what its answers leave unsaid. One test per clause.
#include <string>
#include <vector>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/report.hpp"
#include "mm/scoring.hpp"
#include "scoring_helpers.hpp"

using namespace mm;

namespace {

// One dimension, four levels, one defining practice (pN) and one supporting practice (sN) per level; a second
// dimension whose level 3 has only an n/a-able practice, to show that a vacuous level vouches for nothing.
const char* kRule3 = R"(id: m
title: M
version: "1.0"
scoring: {rule: 3}
levels:
  - {level: 0, name: Zero}
  - {level: 1, name: One}
  - {level: 2, name: Two}
  - {level: 3, name: Three}
  - {level: 4, name: Four}
dimensions:
  - id: a
    name: A
    questions:
      - {id: p1, core: true, level: 1, text: "P1?", practice: "Do P1."}
      - {id: s1, level: 1, text: "S1?", practice: "Do S1."}
      - {id: p2, core: true, level: 2, text: "P2?", practice: "Do P2."}
      - {id: p3, core: true, level: 3, text: "P3?", practice: "Do P3."}
      - {id: p4, core: true, level: 4, text: "P4?", practice: "Do P4."}
)";

std::string as_rule(int rule) {
    std::string model = kRule3;
    model.replace(model.find("{rule: 3}"), 9, "{rule: " + std::to_string(rule) + "}");
    return model;
}

Assessment run(const std::string& answers, int rule = 3) {
    return mm::test::score_answers(as_rule(rule), "answers: {" + answers + "}");
}

int level_of(const std::string& answers, int rule = 3) { return mm::test::dim(run(answers, rule), "a").level; }

using mm::test::dim;
using mm::test::gap;

}  // namespace

TEST_CASE("rule 3 is opted into with scoring: {rule: 3} and recorded") {
    CHECK(mm::test::questionnaire(kRule3).scoring_rule == 3);
    CHECK(run("p1: yes, s1: yes, p2: yes, p3: yes, p4: yes").rule == 3);
}

TEST_CASE("rule 3, clause 2: two levels met above a missing practice vouch for its level") {
    const std::string answers = "p1: yes, s1: yes, p2: no, p3: yes, p4: yes";
    CHECK(level_of(answers, 2) == 1);
    const Assessment a = run(answers);
    CHECK(dim(a, "a").level == 4);
    CHECK(dim(a, "a").levels[1].met);
    CHECK(dim(a, "a").levels[1].met_from_above);
    CHECK_FALSE(dim(a, "a").levels[2].met_from_above);  // met on its own
    // The practice is still a gap, never blocking.
    CHECK(gap(a, "p2").level == 2);
    CHECK_FALSE(gap(a, "p2").blocking);
}

TEST_CASE("rule 3, clause 2 chains down: a vouched-for level and one met on its own vouch for the level below") {
    // The platform of docs/scoring.md's worked example: basics unsaid, levels 3 and 4 stated.
    CHECK(level_of("p1: partial, s1: no, p2: no, p3: yes, p4: yes", 2) == 0);
    CHECK(level_of("p1: partial, s1: no, p2: no, p3: yes, p4: yes") == 4);
    CHECK(level_of("p1: no, s1: no, p2: no, p3: yes, p4: yes") == 4);
}

TEST_CASE("rule 3, clause 1: a level partly in place is vouched for by the next level met on its own") {
    CHECK(level_of("p1: yes, s1: yes, p2: partial, p3: yes, p4: no", 2) == 1);
    const Assessment a = run("p1: yes, s1: yes, p2: partial, p3: yes, p4: no");
    CHECK(dim(a, "a").level == 3);
    CHECK(dim(a, "a").levels[1].met_from_above);
}

TEST_CASE("rule 3: one level above is not enough for a practice that is missing, not partial") {
    CHECK(level_of("p1: yes, s1: yes, p2: no, p3: yes, p4: no") == 1);
    CHECK(level_of("p1: yes, s1: yes, p3: yes, p4: no") == 1);  // p2 unanswered counts as missing
}

TEST_CASE("rule 3: the top level alone never vouches, even for a partial below it") {
    CHECK(level_of("p1: yes, s1: yes, p2: yes, p3: partial, p4: yes") == 2);
}

TEST_CASE("rule 3: a level met only because nothing at it applies vouches for nothing") {
    // Level 3's only defining practice is n/a: it is met, but not on its own, so it cannot lift a partial level 2
    // (the staircase would otherwise run on to level 3).
    CHECK(level_of("p1: yes, s1: yes, p2: partial, p3: n/a, p4: no") == 1);
    // With level 4 met on its own, the two levels above level 2 are met and one of them on its own (clause 2).
    CHECK(level_of("p1: yes, s1: yes, p2: no, p3: n/a, p4: yes") == 4);
}

TEST_CASE("rule 3: supporting practices never count as evidence from above") {
    // s1 is supporting: a yes on it does not make level 1 met on its own.
    CHECK(level_of("p1: no, s1: yes, p2: no, p3: no, p4: no") == 0);
}

TEST_CASE("rule 3: met_from_above is written to the JSON report and read back") {
    const Questionnaire q = mm::test::questionnaire(kRule3);
    const Assessment a = run("p1: partial, s1: no, p2: no, p3: yes, p4: yes");
    Report r = make_report(q, a);
    const std::string text = render_json(r);
    CHECK(text.find("\"met_from_above\": true") != std::string::npos);
    const Report back = read_report(text, "report.json");
    CHECK(back.assessment.rule == 3);
    CHECK(mm::test::dim(back.assessment, "a").levels[0].met_from_above);
    CHECK(mm::test::dim(back.assessment, "a").levels[1].met_from_above);
    CHECK_FALSE(mm::test::dim(back.assessment, "a").levels[2].met_from_above);
}
