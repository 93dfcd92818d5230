// A profile option's `see_also`: the loader reads and checks it, scoring carries the chosen ones into the
// assessment in profile order, the JSON report writes and reads them back, and every report format shows them.
#include "catch.hpp"
#include "helpers.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"
#include "mm/scoring.hpp"

using namespace mm;

namespace {

const char* kYaml = R"(id: q
title: Q
version: "1"
levels: [{level: 0, name: zero}, {level: 1, name: one}]
profile:
  - id: llm
    text: LLM apps?
    options:
      - {value: "yes", text: We build LLM applications, see_also: genaiops}
      - {value: "no", text: No LLM applications}
  - id: tests
    text: ML tests?
    options:
      - {value: "yes", text: We test ML systems, see_also: ml-test-score}
      - {value: "no", text: No}
dimensions:
  - id: d
    name: D
    questions:
      - {id: p, level: 1, text: "P?", practice: Do p.}
)";

Assessment scored(const std::string& profile) {
    Questionnaire q = test::questionnaire(kYaml);
    return score(q, test::answers("questionnaire: q\nprofile: " + profile + "\nanswers: {p: \"yes\"}\n"));
}

}  // namespace

TEST_CASE("see_also: the chosen options' pointers, in profile order, with the option text as the reason") {
    Assessment a = scored("{tests: \"yes\", llm: \"yes\"}");
    REQUIRE(a.see_also.size() == 2);
    CHECK(a.see_also[0].questionnaire == "genaiops");
    CHECK(a.see_also[0].because == "We build LLM applications");
    CHECK(a.see_also[1].questionnaire == "ml-test-score");
    CHECK(scored("{llm: \"no\", tests: \"no\"}").see_also.empty());
    CHECK(scored("{}").see_also.empty());  // unanswered profile: nothing assumed
}

TEST_CASE("see_also must be a questionnaire id") {
    std::string bad = kYaml;
    bad.replace(bad.find("see_also: genaiops"), 18, "see_also: Gen AI");
    CHECK(test::first_error([&] { test::questionnaire(bad); }) ==
          "q.yaml:9:67: error: 'see_also' names a questionnaire id (lowercase letters, digits and '-'), not 'Gen AI'");
}

TEST_CASE("see_also in the JSON report reads back, and every format shows one line per pointer") {
    Questionnaire q = test::questionnaire(kYaml);
    Report r = make_report(q, scored("{llm: \"yes\", tests: \"no\"}"));
    const std::string json = render_json(r);
    CHECK(json.find(R"("see_also": [)") != std::string::npos);
    Report back = read_report(json, "r.json");
    REQUIRE(back.assessment.see_also.size() == 1);
    CHECK(back.assessment.see_also[0].questionnaire == "genaiops");
    CHECK(back.assessment.see_also[0].because == "We build LLM applications");
    CHECK(render_json(back) == json);

    TextOptions plain;
    CHECK(render_text(r, plain).find("See also: mlops-maturity assess -q genaiops (We build LLM applications).") !=
          std::string::npos);
    CHECK(render_markdown(r).find("**See also:** mlops-maturity assess -q `genaiops` (We build LLM applications)") !=
          std::string::npos);
    CHECK(render_html(r).find("<code>mlops-maturity assess -q genaiops</code> (We build LLM applications)") !=
          std::string::npos);

    // Absent when no answer points anywhere: reports without it stay byte-for-byte as before.
    Report none = make_report(q, scored("{llm: \"no\"}"));
    CHECK(render_json(none).find("see_also") == std::string::npos);
    CHECK(render_text(none, plain).find("See also") == std::string::npos);
}

TEST_CASE("see_also in a saved report must be a list of {questionnaire, because}") {
    Questionnaire q = test::questionnaire(kYaml);
    std::string json = render_json(make_report(q, scored("{llm: \"yes\"}")));
    std::string bad = json;
    bad.replace(bad.find(R"("questionnaire": "genaiops")"), 27, R"("questionnaire": 7)");
    CHECK(test::first_error([&] { read_report(bad, "r.json"); }).find("see_also[0].questionnaire") !=
          std::string::npos);
}
