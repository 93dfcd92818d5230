// The points method (docs/scoring.md, "Points (ML Test Score)"), on hand-computed examples: section sums, the
// lowest section as the final score, the paper's bands and their edges, the gap order, the gate, the loader's
// checks and the JSON round trip.
#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"
#include "scoring_helpers.hpp"

using namespace mm;
using namespace mm::test;

namespace {

// Four sections of two tests each (the rubric's seven are shortened to keep examples readable), and a third
// section question to show that sections may differ in size.
const std::string kModel = R"(id: tiny-tests
title: Tiny test score
version: "1.0"
scoring: {method: points}
levels:
  - {level: 0, name: Not every test automated}
  - {level: 1, name: Every test automated}
dimensions:
  - id: data
    name: Data
    questions:
      - {id: d1, level: 1, text: "Data test one?", practice: Do data test one.}
      - {id: d2, level: 1, text: "Data test two?", practice: Do data test two.}
  - id: model
    name: Model
    questions:
      - {id: m1, level: 1, text: "Model test one?", practice: Do model test one.}
      - {id: m2, level: 1, text: "Model test two?", practice: Do model test two.}
  - id: infra
    name: Infrastructure
    questions:
      - {id: i1, level: 1, text: "Infra test one?", practice: Do infra test one.}
      - {id: i2, level: 1, text: "Infra test two?", practice: Do infra test two.}
      - {id: i3, level: 1, text: "Infra test three?", practice: Do infra test three.}
  - id: monitor
    name: Monitoring
    questions:
      - {id: n1, level: 1, text: "Monitoring test one?", practice: Do monitoring test one.}
      - {id: n2, level: 1, text: "Monitoring test two?", practice: Do monitoring test two.}
)";

const SectionPoints& section(const Assessment& a, const std::string& id) {
    REQUIRE(a.points);
    for (const auto& s : a.points->sections)
        if (s.id == id) return s;
    FAIL("no section " << id);
    throw;
}

}  // namespace

TEST_CASE("points: a section is the sum of its tests and the final score the lowest section") {
    // Data 1 + 0.5 = 1.5; model 1 + 1 = 2; infrastructure 1 + 1 + 0.5 = 2.5; monitoring 0.5 + 0 = 0.5.
    Assessment a = score_answers(kModel, R"(answers:
  d1: automated
  d2: manual
  m1: automated
  m2: yes
  i1: automated
  i2: automated
  i3: partial
  n1: manual
  n2: not
)");
    REQUIRE(a.points);
    CHECK(section(a, "data").score == 1.5);
    CHECK(section(a, "data").max == 2);
    CHECK(section(a, "model").score == 2.0);
    CHECK(section(a, "infra").score == 2.5);
    CHECK(section(a, "infra").max == 3);
    CHECK(section(a, "monitor").score == 0.5);
    CHECK(a.points->final_score == 0.5);
    CHECK(a.points->band == "untested");
    REQUIRE(weakest_section(*a.points));
    CHECK(weakest_section(*a.points)->id == "monitor");
}

TEST_CASE("points: the paper's worked example scores 1.5 in the first-productionization band") {
    // Breck et al.: data 4, model 3, infrastructure 5, monitoring 1.5 give 1.5. The final score is the minimum.
    std::vector<SectionPoints> sections;
    for (auto [id, s] : {std::pair{"data", 4.0}, {"model", 3.0}, {"infra", 5.0}, {"monitor", 1.5}})
        sections.push_back({id, id, s, 7});
    const PointsResult p = points_of(sections);
    CHECK(p.final_score == 1.5);
    CHECK(p.band == "first-productionization");
    CHECK(points_band(1.5) == "first-productionization");
    REQUIRE(weakest_section(p));
    CHECK(weakest_section(p)->id == "monitor");
    CHECK(points_ceiling(p) == 7);
    CHECK(is_weakest_section(p, p.sections[3]));
    CHECK_FALSE(is_weakest_section(p, p.sections[1]));
    CHECK(points_of({}).final_score == 0.0);
    CHECK(points_of({}).band == "research-project");
}

TEST_CASE("points: band edges follow the paper: 0 and then upper bounds 1 2 3 5 inclusive") {
    CHECK(points_band(0.0) == "research-project");
    CHECK(points_band(0.5) == "untested");
    CHECK(points_band(1.0) == "untested");
    CHECK(points_band(1.5) == "first-productionization");
    CHECK(points_band(2.0) == "first-productionization");
    CHECK(points_band(2.5) == "reasonably-tested");
    CHECK(points_band(3.0) == "reasonably-tested");
    CHECK(points_band(3.5) == "strong");
    CHECK(points_band(5.0) == "strong");
    CHECK(points_band(5.5) == "exceptional");
    CHECK(points_band(7.0) == "exceptional");
    CHECK(points_bands().size() == 6);
    for (const auto& b : points_bands()) CHECK_FALSE(points_band_text(b).empty());
}

TEST_CASE("points: unanswered tests count 0 and a section with nothing done holds the final score at 0") {
    Assessment a = score_answers(kModel, "answers:\n  d1: automated\n  d2: automated\n  m1: automated\n");
    CHECK(section(a, "data").score == 2.0);
    CHECK(section(a, "model").score == 1.0);
    CHECK(section(a, "monitor").score == 0.0);
    CHECK(a.points->final_score == 0.0);
    CHECK(a.points->band == "research-project");
    CHECK(a.unanswered.size() == 6);
}

TEST_CASE("points: the gap list holds the tests not at 1 with the lowest section first") {
    // Sections: data 1.5, model 2, infrastructure 1, monitoring 1.5. Lowest first; ties in questionnaire order.
    Assessment a = score_answers(kModel, R"(answers:
  d1: automated
  d2: manual
  m1: automated
  m2: automated
  i1: automated
  i2: not
  i3: not
  n1: automated
  n2: manual
)");
    CHECK(gap_ids(a) == std::vector<std::string>{"i2", "i3", "d2", "n2"});
    for (const auto& g : a.gaps) {
        CHECK_FALSE(g.blocking);
        CHECK(g.group == GapGroup::Next);
    }
    for (const auto& d : a.dimensions) CHECK(d.missing_for_next.empty());
}

TEST_CASE("points: the staircase stays the default for a questionnaire without a method") {
    std::string staircase = kModel;
    staircase.replace(staircase.find("scoring: {method: points}\n"), 26, "");
    Assessment a = score_answers(staircase, "answers:\n  d1: automated\n");
    CHECK_FALSE(a.points);
    std::string named = kModel;
    named.replace(named.find("method: points"), 14, "method: staircase");
    CHECK_FALSE(score_answers(named, "answers:\n  d1: yes\n").points);
}

TEST_CASE("points: the gate fails below --min-score and names the weakest section") {
    Assessment a = score_answers(kModel, R"(answers:
  d1: automated
  d2: automated
  m1: automated
  m2: automated
  i1: automated
  i2: automated
  i3: automated
  n1: automated
  n2: manual
)");
    CHECK(a.points->final_score == 1.5);
    GateResult pass = check_gate(a, {}, 1.5);
    CHECK(pass.passed);
    GateResult fail = check_gate(a, {}, 2.0);
    CHECK_FALSE(fail.passed);
    REQUIRE(fail.failures.size() == 1);
    CHECK(fail.failures[0] == "final score 1.5 is below the required 2 (weakest section: Monitoring, 1.5 of 2)");
    CHECK(check_gate(a, {}).passed);  // no --min-score: nothing to fail
}

TEST_CASE("points: the loader refuses an unknown method with its location") {
    std::string bad = kModel;
    bad.replace(bad.find("method: points"), 14, "method: pionts");
    CHECK(first_error([&] { questionnaire(bad); }) ==
          "q.yaml:4:19: error: 'method' must be 'staircase' (the default) or 'points' (the ML Test Score; see "
          "docs/scoring.md), not 'pionts'");
}

TEST_CASE("points: the loader refuses questions off the 0 0.5 1 scale") {
    std::string choice = kModel + R"(      - id: n3
        type: choice
        text: "How is monitoring done?"
        options:
          - {level: 0, text: By hand}
          - {level: 1, text: By alerts}
)";
    CHECK(first_error([&] { questionnaire(choice); }).rfind("q.yaml:30:9: error: 'n3' is a choice question: under "
                                                            "'method: points' every question is a practice",
                                                            0) == 0);
    std::string weighted = kModel + "      - {id: n3, level: 1, weight: 2, text: 'Heavy test?', practice: Do it.}\n";
    CHECK(first_error([&] { questionnaire(weighted); }).find("'n3' has a weight other than 1") != std::string::npos);
    std::string conditional = kModel;
    conditional.replace(conditional.find("dimensions:"), 11,
                        "profile:\n  - id: serving\n    text: 'Served?'\n    options:\n      - {value: batch, text: "
                        "Batch}\n      - {value: online, text: Online}\ndimensions:");
    conditional += "      - {id: n3, level: 1, text: 'Online test?', practice: Do it., applies_when: {serving: online}}\n";
    CHECK(first_error([&] { questionnaire(conditional); }).find("'n3' has 'applies_when'") != std::string::npos);
}

TEST_CASE("points: answers take not manual automated and refuse n/a with its location") {
    Questionnaire q = questionnaire(kModel);
    AnswerSet a = answers("answers:\n  d1: automated\n  d2: Manual\n  m1: NOT\n");
    check_answers(q, a);
    CHECK(a.answers.at("d1").kind == AnswerKind::Yes);
    CHECK(a.answers.at("d2").kind == AnswerKind::Partial);
    CHECK(a.answers.at("m1").kind == AnswerKind::No);
    AnswerSet na = answers("answers:\n  d1: automated\n  d2: n/a\n");
    CHECK(first_error([&] { check_answers(q, na); }).rfind("a.yaml:3:3: error: 'd2' is a test of a points "
                                                           "questionnaire, which has no n/a",
                                                           0) == 0);
    AnswerSet typo = answers("answers:\n  d1: automatd\n");
    CHECK(first_error([&] { check_answers(q, typo); }) ==
          "a.yaml:2:7: error: invalid answer 'automatd' for 'd1': a test takes not, manual or automated (or no, "
          "partial, yes) (did you mean 'automated'?)");
}

TEST_CASE("points: the JSON report carries the points and reads them back exactly") {
    Questionnaire q = questionnaire(kModel);
    AnswerSet as = answers("answers:\n  d1: automated\n  d2: manual\n  m1: automated\n  n1: automated\n");
    check_answers(q, as);
    Assessment a = score(q, as);
    Report r = make_report(q, a, check_gate(a, {}, 1.0));
    r.tool_version = "test";
    const std::string json = render_json(r);
    CHECK(json.find(R"("points": {)") != std::string::npos);
    CHECK(json.find(R"("band": "research-project")") != std::string::npos);
    CHECK(json.find(R"("min_score": 1.0)") != std::string::npos);
    Report back = read_report(json, "r.json");
    REQUIRE(back.assessment.points);
    CHECK(back.assessment.points->final_score == 0.0);
    CHECK(back.assessment.points->sections.size() == 4);
    CHECK(back.gate->min_score == 1.0);
    CHECK(render_json(back) == json);
    CHECK(render_text(back, {}) == render_text(r, {}));
}

TEST_CASE("points: a saved report whose points contradict themselves is refused") {
    Questionnaire q = questionnaire(kModel);
    AnswerSet as = answers("answers:\n  d1: automated\n  d2: automated\n  m1: automated\n  m2: automated\n"
                           "  i1: automated\n  i2: automated\n  i3: automated\n  n1: automated\n");
    check_answers(q, as);
    Report r = make_report(q, score(q, as));
    std::string json = render_json(r);
    REQUIRE(json.find(R"("final": 1.0,)") != std::string::npos);
    std::string wrong_final = json;
    wrong_final.replace(wrong_final.find(R"("final": 1.0,)"), 13, R"("final": 2.0,)");
    CHECK(first_error([&] { read_report(wrong_final, "r.json"); }).find("points.final") != std::string::npos);
    std::string wrong_band = json;
    wrong_band.replace(wrong_band.find(R"("band": "untested")"), 18, R"("band": "strong")");
    CHECK(first_error([&] { read_report(wrong_band, "r.json"); }).find("points.band") != std::string::npos);
    std::string wrong_id = json;
    wrong_id.replace(wrong_id.find(R"("id": "model")"), 13, R"("id": "modle")");
    CHECK(first_error([&] { read_report(wrong_id, "r.json"); }).find("points.sections[1].id") != std::string::npos);
    std::string too_many = json;
    const std::string full = "\"score\": 2.0,\n        \"max\": 2.0";
    REQUIRE(too_many.find(full) != std::string::npos);
    too_many.replace(too_many.find(full), full.size(), "\"score\": 2.5,\n        \"max\": 2.0");
    CHECK(first_error([&] { read_report(too_many, "r.json"); }).find("points.sections[0].score") != std::string::npos);
}

TEST_CASE("points: text and Markdown reports lead with the final score and the section points") {
    Questionnaire q = questionnaire(kModel);
    AnswerSet as = answers("answers:\n  d1: automated\n  d2: manual\n  m1: automated\n  m2: automated\n"
                           "  i1: automated\n  i2: automated\n  i3: automated\n  n1: automated\n  n2: manual\n");
    check_answers(q, as);
    Report r = make_report(q, score(q, as));
    TextOptions plain;
    plain.color = false;
    const std::string text = render_text(r, plain);
    CHECK(text.find("Final score 1.5 of 2: A first pass at making it production-ready") != std::string::npos);
    CHECK(text.find("Overall level") == std::string::npos);
    CHECK(text.find("2 tests not yet automated, lowest section first") != std::string::npos);
    CHECK(text.find("[data, manual]") != std::string::npos);
    const std::string md = render_markdown(r);
    CHECK(md.find("**Final score 1.5 of 2: A first pass at making it production-ready**") != std::string::npos);
    CHECK(md.find("| Monitoring ⬅ weakest | 1.5 |") != std::string::npos);
    const std::string junit = render_junit(r);
    CHECK(junit.find(R"(<property name="points" value="1.5"/>)") != std::string::npos);
    CHECK(junit.find("(manual: 0.5 of 1 point)") != std::string::npos);
    const std::string html = render_html(r);
    CHECK(html.find("Final score (the lowest section)") != std::string::npos);
}

TEST_CASE("points: the one-screen summary leads with the final score and explains no level") {
    // The levels are still computed (every section short of automated holds level 0), but a points report never
    // explains them: the summary once printed "Why level 0" with a row per section and nothing to say in it.
    Questionnaire q = questionnaire(kModel);
    AnswerSet as = answers("answers:\n  d1: automated\n  d2: manual\n  m1: automated\n  n1: manual\n");
    check_answers(q, as);
    Report r = make_report(q, score(q, as));
    REQUIRE_FALSE(r.assessment.held_by.empty());
    TextOptions plain;
    plain.color = false;
    const std::string summary = render_text_summary(r, plain, 3);
    CHECK(summary.find("Final score 0 of 2: ") != std::string::npos);
    CHECK(summary.find("Why level") == std::string::npos);
    CHECK(summary.find("Overall level") == std::string::npos);
    CHECK(summary.find("Target level") == std::string::npos);
    CHECK(render_text(r, plain).find("Why level") == std::string::npos);
    CHECK(render_markdown(r).find("Why level") == std::string::npos);
    CHECK(render_html(r).find("Why level") == std::string::npos);
}
