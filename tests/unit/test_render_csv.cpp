// The gap list as CSV: RFC 4180 quoting and cells that a spreadsheet would take for a formula.
#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/render.hpp"
#include "mm/scoring.hpp"
#include "render_escape_csv.hpp"

using namespace mm;

TEST_CASE("a csv cell is quoted when it holds a comma a quote or a line break") {
    CHECK(csv_cell("plain") == "plain");
    CHECK(csv_cell("a, b") == "\"a, b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(csv_cell("cr\rhere") == "\"cr\rhere\"");
}

TEST_CASE("a csv cell that would start a formula gets a leading quote") {
    CHECK(csv_cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_cell("+1") == "'+1");
    CHECK(csv_cell("-2") == "'-2");
    CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_cell("\t=1") == "'\t=1");
    CHECK(csv_cell("a=1") == "a=1");
}

TEST_CASE("a csv cell drops control characters and invalid UTF-8") {
    CHECK(csv_cell(std::string("a\x01" "b\x7f")) == "ab");
    CHECK(csv_cell("caf\xc3\xa9") == "caf\xc3\xa9");
    CHECK(csv_cell("\xff") == "\xef\xbf\xbd");
}

TEST_CASE("the csv report has a header and one row per gap in priority order") {
    const Questionnaire q = mm::test::questionnaire(R"(id: m
title: M
version: "1"
levels:
  - {level: 0, name: Zero}
  - {level: 1, name: One}
dimensions:
  - id: a
    name: A
    questions:
      - {id: a1, level: 1, text: "A1?", practice: "=cmd|' /C calc'!A0", tools: [DVC, "lake, FS"]}
      - {id: a2, level: 1, text: "A2?", practice: "Do A2."}
)");
    const Report r = make_report(q, score(q, mm::test::answers("answers: {a2: no}")));
    CHECK(render_csv(r) == "id,dimension,level,priority,practice,tools,waiver\r\n"
                           "a1,a,1,1,'=cmd|' /C calc'!A0,\"DVC, lake, FS\",\r\n"
                           "a2,a,1,2,Do A2.,,\r\n");
}
