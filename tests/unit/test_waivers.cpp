// Waivers: reading, checking, judging on a date, the levels with and without them, and the gate.
#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/answers_file.hpp"
#include "mm/provenance.hpp"
#include "mm/report.hpp"
#include "mm/waivers.hpp"

using namespace mm;

namespace {

const char* kModel = R"(id: m
title: M
version: "1"
levels:
  - {level: 0, name: Zero}
  - {level: 1, name: One}
  - {level: 2, name: Two}
profile:
  - id: serving
    text: Serving?
    options:
      - {value: batch, text: Batch}
      - {value: online, text: Online}
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
      - id: bc
        type: choice
        text: BC?
        practice: Climb BC.
        options:
          - {level: 0, text: Nothing}
          - {level: 1, text: Manual}
          - {level: 2, text: Automated}
)";

// a1 and b1 in place; a2 and bc (at 1) are the gaps that hold both dimensions at level 1.
const std::string kAnswers = R"(questionnaire: m
answers: {a1: yes, a2: no, b1: yes, bc: 1}
waivers:
  - question: a2
    reason: "Migrating the registry first"
    owner: alice
    expires: 2026-12-31
)";

struct Run {
    Questionnaire q;
    AnswerSet answers;
    Assessment unwaived;
    Waived waived;
};

Run run(const std::string& answers_yaml, const std::string& today, std::vector<Bar> bars = {}) {
    Run r{mm::test::questionnaire(kModel), mm::test::answers(answers_yaml), {}, {}};
    check_answers(r.q, r.answers);
    ScoreOptions so;
    so.gate = std::move(bars);
    r.unwaived = score(r.q, r.answers, so);
    r.waived = apply_waivers(r.q, r.answers, r.unwaived, today, so);
    return r;
}

}  // namespace

TEST_CASE("a waiver is read with its question reason owner and expiry") {
    AnswerSet a = mm::test::answers(kAnswers);
    REQUIRE(a.waivers.size() == 1);
    CHECK(a.waivers[0].question == "a2");
    CHECK(a.waivers[0].reason == "Migrating the registry first");
    CHECK(a.waivers[0].owner == "alice");
    CHECK(a.waivers[0].expires == "2026-12-31");
    CHECK(a.waivers[0].expires_pos.line == 7);
}

TEST_CASE("a waiver without a reason or an owner is a located error") {
    const std::string no_reason = mm::test::first_error([] {
        mm::test::answers("waivers:\n  - question: a2\n    owner: alice\n    expires: 2026-12-31\n");
    });
    CHECK(no_reason == "a.yaml:2:5: error: a waiver needs 'reason': why the gap is accepted for now");
    const std::string blank_owner = mm::test::first_error([] {
        mm::test::answers("waivers:\n  - {question: a2, reason: r, owner: \"  \", expires: 2026-12-31}\n");
    });
    CHECK(blank_owner.find("a.yaml:2:") == 0);
    CHECK(blank_owner.find("a waiver needs 'owner'") != std::string::npos);
}

TEST_CASE("a malformed expiry date is a located error") {
    const std::string e = mm::test::first_error([] {
        mm::test::answers("waivers:\n  - {question: a2, reason: r, owner: o, expires: 2026-02-30}\n");
    });
    CHECK(e.find("a.yaml:2:") == 0);
    CHECK(e.find("'expires' must be a date written YYYY-MM-DD") != std::string::npos);
    CHECK(e.find("not '2026-02-30'") != std::string::npos);
}

TEST_CASE("an unknown key in a waiver is an error with a suggestion") {
    const std::string e = mm::test::first_error([] {
        mm::test::answers("waivers:\n  - {question: a2, reason: r, owner: o, expiry: 2026-12-31}\n");
    });
    CHECK(e == "a.yaml:2:41: error: unknown key 'expiry' in a waiver (did you mean 'expires'?)");
}

TEST_CASE("a waiver for an unknown question says which id was meant") {
    const Questionnaire q = mm::test::questionnaire(kModel);
    const AnswerSet a = mm::test::answers("waivers:\n  - {question: a22, reason: r, owner: o, expires: 2026-12-31}\n");
    const std::string e = mm::test::first_error([&] { check_answers(q, a); });
    CHECK(e == "a.yaml:2:16: error: waiver for unknown question 'a22' of questionnaire 'm' (did you mean 'a2'?)");
}

TEST_CASE("a question waived twice is an error") {
    const Questionnaire q = mm::test::questionnaire(kModel);
    const AnswerSet a = mm::test::answers(
        "waivers:\n  - {question: a2, reason: r, owner: o, expires: 2026-12-31}\n"
        "  - {question: a2, reason: r, owner: o, expires: 2027-12-31}\n");
    const std::string e = mm::test::first_error([&] { check_answers(q, a); });
    CHECK(e.find("'a2' is waived twice (first on line 2)") != std::string::npos);
}

TEST_CASE("a valid waiver raises the level with waivers and leaves the level without them") {
    Run r = run(kAnswers, "2026-11-28");
    CHECK(r.unwaived.overall_level == 1);
    REQUIRE(r.waived.summary.entries.size() == 1);
    const WaiverResult& w = r.waived.summary.entries[0];
    CHECK(w.status == WaiverStatus::Valid);
    CHECK(w.days_left == 33);
    CHECK(w.dimension == "a");
    // Dimension a climbs to 2 with a2 waived; b stays at 1 (bc is a gap without a waiver).
    CHECK(r.waived.summary.dimensions == std::vector<std::pair<std::string, int>>{{"a", 2}, {"b", 1}});
    CHECK(r.waived.summary.overall_level == 1);
}

TEST_CASE("a waiver counts on its last day and expires the day after") {
    CHECK(run(kAnswers, "2026-12-31").waived.summary.entries[0].status == WaiverStatus::Valid);
    CHECK(run(kAnswers, "2026-12-31").waived.summary.entries[0].days_left == 0);
    const Run after = run(kAnswers, "2027-01-01");
    CHECK(after.waived.summary.entries[0].status == WaiverStatus::Expired);
    CHECK(after.waived.summary.entries[0].days_left == -1);
    CHECK(after.waived.summary.dimensions[0].second == 1);
}

TEST_CASE("the gate passes on a valid waiver and names the expired one after expiry") {
    const std::vector<Bar> bars{{"a", 2}};
    const Run before = run(kAnswers, "2026-12-31", bars);
    CHECK(check_gate(before.unwaived, bars).passed == false);  // without waivers it fails
    CHECK(check_gate_with_waivers(before.waived, bars).passed);
    const Run after = run(kAnswers, "2027-01-01", bars);
    const GateResult g = check_gate_with_waivers(after.waived, bars);
    CHECK_FALSE(g.passed);
    REQUIRE(g.failures.size() == 2);
    CHECK(g.failures[0] == "a: level 1 < 2");
    CHECK(g.failures[1] == "the waiver for 'a2' (owner alice) expired on 2026-12-31: its gap counts again");
}

TEST_CASE("an expired waiver of another dimension is not blamed for a failed bar") {
    const std::vector<Bar> bars{{"b", 2}};
    const GateResult g = check_gate_with_waivers(run(kAnswers, "2027-01-01", bars).waived, bars);
    CHECK_FALSE(g.passed);
    CHECK(g.failures == std::vector<std::string>{"b: level 1 < 2"});
}

TEST_CASE("a waiver on a choice question counts its top option") {
    const std::string answers = "answers: {a1: yes, a2: yes, b1: yes, bc: 1}\nwaivers:\n"
                                "  - {question: bc, reason: r, owner: o, expires: 2027-01-01}\n";
    const Run r = run(answers, "2026-11-28", {{"", 2}});
    CHECK(r.unwaived.overall_level == 1);
    CHECK(r.waived.summary.overall_level == 2);
    CHECK(check_gate_with_waivers(r.waived, {{"", 2}}).passed);
}

TEST_CASE("a waiver on a practice in place waives nothing and warns") {
    const std::string answers = "answers: {a1: yes, a2: no, b1: yes, bc: 1}\nwaivers:\n"
                                "  - {question: a1, reason: r, owner: o, expires: 2027-01-01}\n";
    const Run r = run(answers, "2026-11-28");
    CHECK(r.waived.summary.entries[0].status == WaiverStatus::NotAGap);
    const auto warnings = waiver_warnings(r.answers, r.waived.summary);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].severity == Severity::Warning);
    CHECK(warnings[0].str() ==
          "a.yaml:3:16: warning: the waiver for 'a1' waives nothing: it is answered yes, so it is not a gap; "
          "remove the waiver");
}

TEST_CASE("an expired waiver warns at its date") {
    const Run r = run(kAnswers, "2027-01-03");
    const auto warnings = waiver_warnings(r.answers, r.waived.summary);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].str().find("a.yaml:7:14: warning: the waiver for 'a2' (owner alice) expired on 2026-12-31 "
                                 "(3 days ago)") == 0);
}

TEST_CASE("waiver text says the days left and the owner") {
    WaiverResult w{"a2", "a", "why", "alice", "2026-12-31", WaiverStatus::Valid, 1};
    CHECK(waiver_text(w) == "waived until 2026-12-31 (1 day left), owner alice: why");
    w.days_left = 0;
    CHECK(waiver_text(w) == "waived until 2026-12-31 (last day), owner alice: why");
    w.status = WaiverStatus::Expired;
    w.days_left = -2;
    CHECK(waiver_text(w) == "waiver expired on 2026-12-31 (2 days ago), owner alice: why");
}

TEST_CASE("today comes from the option then SOURCE_DATE_EPOCH then the clock") {
    CHECK(resolve_today("2026-01-02", "0", "2030-01-01") == "2026-01-02");
    CHECK(resolve_today("", "86400", "2030-01-01") == "1970-01-02");
    CHECK(resolve_today("", nullptr, "2030-01-01") == "2030-01-01");
    CHECK(mm::test::first_error([] { resolve_today("none", nullptr, "2030-01-01"); })
              .find("--today: 'none' is not a date") != std::string::npos);
}

TEST_CASE("day numbers count days across months and leap years") {
    CHECK(day_number("1970-01-01") == 0);
    CHECK(day_number("2024-03-01") - day_number("2024-02-28") == 2);
    CHECK(day_number("2023-03-01") - day_number("2023-02-28") == 1);
    CHECK(day_number("2027-01-01") - day_number("2026-12-31") == 1);
}

TEST_CASE("the JSON report keeps waivers through a round trip") {
    Run r = run(kAnswers, "2026-11-28");
    Report rep = make_report(r.q, r.unwaived);
    rep.waivers = r.waived.summary;
    const std::string json = render_json(rep);
    CHECK(json.find("\"waived\": true") != std::string::npos);
    const Report back = read_report(json, "r.json");
    REQUIRE(back.waivers);
    CHECK(back.waivers->today == "2026-11-28");
    CHECK(back.waivers->entries.size() == 1);
    CHECK(back.waivers->entries[0].days_left == 33);
    CHECK(render_json(back) == json);
}

TEST_CASE("a saved report with an unknown waiver status is refused") {
    Run r = run(kAnswers, "2026-11-28");
    Report rep = make_report(r.q, r.unwaived);
    rep.waivers = r.waived.summary;
    std::string json = render_json(rep);
    json.replace(json.find("\"valid\""), 7, "\"ok\"");
    CHECK(mm::test::first_error([&] { read_report(json, "r.json"); }).find("waivers.entries[0].status") !=
          std::string::npos);
}

TEST_CASE("an answers file written back keeps its waivers") {
    const Questionnaire q = mm::test::questionnaire(kModel);
    const AnswerSet a = mm::test::answers(kAnswers);
    const std::string written = render_answers_file(q, a);
    const AnswerSet back = mm::test::answers(written);
    REQUIRE(back.waivers.size() == 1);
    CHECK(back.waivers[0].reason == a.waivers[0].reason);
    CHECK(back.waivers[0].expires == "2026-12-31");
    CHECK(back.waivers[0].question == "a2");
    CHECK(back.waivers[0].owner == "alice");
    // And stays valid for the questionnaire: the written file is read back as it was given.
    check_answers(q, back);
    CHECK(render_answers_file(q, back) == written);
}
