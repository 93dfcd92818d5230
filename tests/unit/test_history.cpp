// history: ordering by date, the level table, adopted and lost practices, and the notes that say when reports are
// not comparable.
#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/history.hpp"
#include "mm/render.hpp"
#include "mm/scoring.hpp"

using namespace mm;

namespace {

const char* kModel = R"(id: m
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
  - id: b
    name: B
    questions:
      - {id: b1, level: 1, text: "B1?", practice: "Do B1."}
)";

NamedReport report(const std::string& source, const std::string& date, const std::string& answers,
                   const std::string& team = "t", const std::string& model = kModel) {
    const Questionnaire q = mm::test::questionnaire(model);
    Report r = make_report(q, score(q, mm::test::answers(answers)));
    r.date = date;
    r.team = team;
    return {source, std::move(r)};
}

}  // namespace

TEST_CASE("history orders reports by date and not by the order given") {
    History h = build_history({report("z.json", "2026-03-01", "answers: {a1: yes, a2: yes, b1: yes}"),
                               report("y.json", "2026-01-01", "answers: {a1: no, b1: yes}")});
    REQUIRE(h.points.size() == 2);
    CHECK(h.points[0].source == "y.json");
    CHECK(h.points[1].source == "z.json");
    CHECK(h.points[0].overall_level == 0);
    CHECK(h.points[1].overall_level == 2);
    CHECK(h.points[0].levels == std::vector<int>{0, 2});  // b has no level-2 practice: met by default
    REQUIRE(h.steps.size() == 1);
    REQUIRE(h.steps[0].adopted.size() == 2);
    CHECK(h.steps[0].adopted[0].question == "a1");
    CHECK(h.steps[0].adopted[1].question == "a2");
    CHECK(h.notes.empty());
}

TEST_CASE("history lists practices lost between consecutive reports") {
    History h = build_history({report("1.json", "2026-01-01", "answers: {a1: yes, b1: yes}"),
                               report("2.json", "2026-02-01", "answers: {a1: no, b1: yes}")});
    REQUIRE(h.steps[0].lost.size() == 1);
    CHECK(h.steps[0].lost[0].question == "a1");
}

TEST_CASE("history says when reports are of several teams") {
    History h = build_history({report("1.json", "2026-01-01", "answers: {}", "alpha"),
                               report("2.json", "2026-02-01", "answers: {}", "beta")});
    REQUIRE(h.notes.size() == 1);
    CHECK(h.notes[0] == "the reports are of 2 teams: 'alpha' (1.json) and 'beta' (2.json); a history is one "
                        "team's, so levels may not be comparable");
}

TEST_CASE("history says when reports are of several questionnaire versions or scoring rules") {
    std::string v2 = kModel;
    v2.replace(v2.find("version: \"1\""), 12, "version: \"2\"\nscoring: {rule: 2}");
    History h = build_history({report("1.json", "2026-01-01", "answers: {}"),
                               report("2.json", "2026-02-01", "answers: {}", "t", v2)});
    REQUIRE(h.notes.size() == 2);
    CHECK(h.notes[0].find("the reports are of 2 questionnaire versions: '1' (1.json) and '2' (2.json)") == 0);
    CHECK(h.notes[1].find("the reports were scored by 2 scoring rules: rule 1 (1.json) and rule 2 (2.json)") == 0);
}

TEST_CASE("history says when reports of one version come from different questionnaire files") {
    std::string changed = kModel;
    changed.replace(changed.find("\"B1?\""), 5, "\"B1, changed?\"");
    History h = build_history({report("1.json", "2026-01-01", "answers: {}"),
                               report("2.json", "2026-02-01", "answers: {}", "t", changed)});
    REQUIRE(h.notes.size() == 1);
    CHECK(h.notes[0] == "the reports are of 2 different questionnaire files with the same version: a level may move "
                        "because the questions changed");
}

TEST_CASE("history refuses a report without a date") {
    const std::string e = mm::test::first_error(
        [] { build_history({report("1.json", "2026-01-01", "answers: {}"), report("2.json", "", "answers: {}")}); });
    CHECK(e.find("2.json: error: the report has no date") == 0);
}

TEST_CASE("history refuses reports of another questionnaire") {
    std::string other = kModel;
    other.replace(0, 5, "id: n");
    const std::string e = mm::test::first_error([&] {
        build_history({report("1.json", "2026-01-01", "answers: {}"),
                       report("2.json", "2026-02-01", "answers: {}", "t", other)});
    });
    CHECK(e.find("a history follows one questionnaire") != std::string::npos);
}

TEST_CASE("the history page is one document with an SVG line chart and no script") {
    History h = build_history({report("1.json", "2026-01-01", "answers: {a1: no}"),
                               report("2.json", "2026-02-01", "answers: {a1: yes, b1: yes}")});
    const std::string html = render_history_html(h);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<svg class=\"chart\"") != std::string::npos);
    CHECK(html.find("<polyline") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("adopted <code>a1</code>") != std::string::npos);
}

TEST_CASE("the history text table shows each report's levels in date order") {
    History h = build_history({report("2.json", "2026-02-01", "answers: {a1: yes, b1: yes}"),
                               report("1.json", "2026-01-01", "answers: {a1: no, b1: yes}")});
    const std::string text = render_history_text(h, TextOptions{});
    CHECK(text.find("         2026-01-01  2026-02-01\n"
                    "overall  0           1 ▲\n") != std::string::npos);
    CHECK(text.find("a        0           1 ▲\n") != std::string::npos);
}
