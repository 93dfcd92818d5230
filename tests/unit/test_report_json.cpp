// The JSON report's round trip: a saved report read back and written again reads back to the same value
// (read_report(render_json(r)) == r), over the example reports, the golden reports in tests/data, and a report
// with every optional part the fixtures lack (scope, evidence, waivers, respondents, notes of unanswered questions).
#include <nlohmann/json.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "catch.hpp"
#include "helpers.hpp"
#include "json_text.hpp"
#include "mm/report.hpp"

// Equality of the report's values, member by member (what the JSON holds; an answer's position in an answers
// file is not part of a report).
namespace mm {
inline bool operator==(const Level& a, const Level& b) {
    return std::tie(a.level, a.name, a.description) == std::tie(b.level, b.name, b.description);
}
inline bool operator==(const QuestionnaireInfo& a, const QuestionnaireInfo& b) {
    return std::tie(a.id, a.title, a.version, a.digest, a.levels) == std::tie(b.id, b.title, b.version, b.digest, b.levels);
}
inline bool operator==(const LevelResult& a, const LevelResult& b) {
    return std::tie(a.level, a.coverage, a.met, a.practices, a.defining_coverage, a.defining_practices,
                    a.met_from_above, a.assessed) ==
           std::tie(b.level, b.coverage, b.met, b.practices, b.defining_coverage, b.defining_practices,
                    b.met_from_above, b.assessed);
}
inline bool operator==(const DimensionResult& a, const DimensionResult& b) {
    return std::tie(a.id, a.name, a.level, a.progress, a.levels, a.missing_for_next, a.assessed, a.shown) ==
           std::tie(b.id, b.name, b.level, b.progress, b.levels, b.missing_for_next, b.assessed, b.shown);
}
inline bool operator==(const Answer& a, const Answer& b) {
    return std::tie(a.kind, a.choice_level) == std::tie(b.kind, b.choice_level);
}
inline bool operator==(const EvidenceHit& a, const EvidenceHit& b) {
    return std::tie(a.path, a.line, a.excerpt) == std::tie(b.path, b.line, b.excerpt);
}
inline bool operator==(const QuestionResult& a, const QuestionResult& b) {
    return std::tie(a.question, a.dimension, a.status, a.answer, a.credit, a.note, a.reason, a.answer_not_counted,
                    a.source, a.evidence) ==
           std::tie(b.question, b.dimension, b.status, b.answer, b.credit, b.note, b.reason, b.answer_not_counted,
                    b.source, b.evidence);
}
inline bool operator==(const Gap& a, const Gap& b) {
    return std::tie(a.question, a.dimension, a.level, a.text, a.practice, a.tools, a.references, a.weight, a.credit,
                    a.unanswered, a.defining, a.blocking, a.within_target, a.group, a.priority, a.next_option,
                    a.next_option_text) ==
           std::tie(b.question, b.dimension, b.level, b.text, b.practice, b.tools, b.references, b.weight, b.credit,
                    b.unanswered, b.defining, b.blocking, b.within_target, b.group, b.priority, b.next_option,
                    b.next_option_text);
}
inline bool operator==(const Target& a, const Target& b) {
    return std::tie(a.level, a.source, a.reason) == std::tie(b.level, b.source, b.reason);
}
inline bool operator==(const SeeAlso& a, const SeeAlso& b) {
    return std::tie(a.questionnaire, a.because) == std::tie(b.questionnaire, b.because);
}
inline bool operator==(const SectionPoints& a, const SectionPoints& b) {
    return std::tie(a.id, a.name, a.score, a.max) == std::tie(b.id, b.name, b.score, b.max);
}
inline bool operator==(const PointsResult& a, const PointsResult& b) {
    return std::tie(a.sections, a.final_score, a.band) == std::tie(b.sections, b.final_score, b.band);
}
inline bool operator==(const Assessment& a, const Assessment& b) {
    return std::tie(a.rule, a.overall_level, a.overall_name, a.overall_score, a.dimensions, a.gaps, a.questions,
                    a.unanswered, a.target, a.profile, a.see_also, a.held_by, a.from_evidence, a.needs_person,
                    a.up_to_level, a.points) ==
           std::tie(b.rule, b.overall_level, b.overall_name, b.overall_score, b.dimensions, b.gaps, b.questions,
                    b.unanswered, b.target, b.profile, b.see_also, b.held_by, b.from_evidence, b.needs_person,
                    b.up_to_level, b.points);
}
inline bool operator==(const Bar& a, const Bar& b) { return std::tie(a.dimension, a.level) == std::tie(b.dimension, b.level); }
inline bool operator==(const GateResult& a, const GateResult& b) {
    return std::tie(a.passed, a.bars, a.failures, a.min_score) == std::tie(b.passed, b.bars, b.failures, b.min_score);
}
inline bool operator==(const Contradiction& a, const Contradiction& b) {
    return std::tie(a.question, a.kind, a.evidence) == std::tie(b.question, b.kind, b.evidence);
}
inline bool operator==(const WaiverResult& a, const WaiverResult& b) {
    return std::tie(a.question, a.dimension, a.reason, a.owner, a.expires, a.status, a.days_left) ==
           std::tie(b.question, b.dimension, b.reason, b.owner, b.expires, b.status, b.days_left);
}
inline bool operator==(const WaiverSummary& a, const WaiverSummary& b) {
    return std::tie(a.today, a.overall_level, a.overall_name, a.dimensions, a.entries) ==
           std::tie(b.today, b.overall_level, b.overall_name, b.dimensions, b.entries);
}
inline bool operator==(const Disagreement& a, const Disagreement& b) {
    return std::tie(a.question, a.answers, a.merged) == std::tie(b.question, b.answers, b.merged);
}
inline bool operator==(const Report& a, const Report& b) {
    return std::tie(a.schema_version, a.tool_name, a.tool_version, a.team, a.date, a.commit, a.questionnaire,
                    a.assessment, a.gate, a.contradictions, a.waivers, a.respondents, a.disagreements) ==
           std::tie(b.schema_version, b.tool_name, b.tool_version, b.team, b.date, b.commit, b.questionnaire,
                    b.assessment, b.gate, b.contradictions, b.waivers, b.respondents, b.disagreements);
}
}  // namespace mm

using namespace mm;
using ojson = nlohmann::ordered_json;

namespace {

// The streaming writer agrees with nlohmann: the report's JSON is what nlohmann's dump (json_text) prints for the
// document it holds, byte for byte.
void check_as_nlohmann_prints(const std::string& written) { CHECK(written == json_text(ojson::parse(written))); }

// The report of `text` written and read back; it must be the report read, and written again, the same bytes.
void check_round_trip(const std::string& text, const std::string& name) {
    INFO(name);
    const Report r = read_report(text, name);
    const std::string written = render_json(r);
    check_as_nlohmann_prints(written);
    const Report back = read_report(written, name);
    CHECK(back == r);
    CHECK(render_json(back) == written);
}

// The basic golden report with the parts no fixture has: a scope with a question above it, notes of unanswered
// questions, an assessment from evidence with evidence cited, waivers and several respondents.
std::string with_every_part() {
    ojson j = ojson::parse(read_source(test::data_file("golden/basic-level1.json")).text);
    j["scope"] = {{"up_to_level", 3}};
    j["not_assessed"] = {{{"question", "canary-2"}, {"dimension", "deploy"}, {"answer", 2}, {"note", "later"}}};
    j["answers"][0]["source"] = "evidence";
    j["answers"][0]["evidence"] = {{{"path", "dvc.yaml"}}, {{"path", "src/a.py"}, {"line", 7}, {"excerpt", "# x"}}};
    j["answers"][1]["source"] = "given";
    j["unanswered"] = {"q-open"};
    j["unanswered_notes"] = {{{"question", "q-open"}, {"note", "asked the data team"}}};
    j["from_evidence"] = {{"level", j["overall"]["level"]}, {"needs_person", {"q-person"}}};
    j["contradictions"] = {{{"question", "data-documented"}, {"kind", "yes-unverified"}, {"evidence", ojson::array()}}};
    j["respondents"] = {"ana", "ben"};
    j["disagreements"] = {{{"question", "data-documented"},
                           {"answers", {{{"respondent", "ana"}, {"answer", "yes"}}, {{"respondent", "ben"}, {"answer", "no"}}}},
                           {"merged", "no"}}};
    j["waivers"] = {{"today", "2026-01-10"},
                    {"overall", {{"level", 2}, {"name", "Automated"}}},
                    {"dimensions", {{{"id", "data"}, {"level", 2}}}},
                    {"entries",
                     {{{"question", j["gaps"][0]["question"]}, {"dimension", "data"}, {"reason", "r"}, {"owner", "o"},
                       {"expires", "2026-02-01"}, {"status", "valid"}, {"days_left", 22}},
                      {{"question", "gone"}, {"reason", "r"}, {"owner", "o"}, {"expires", "2025-02-01"},
                       {"status", "not-a-gap"}, {"days_left", -343}}}}};
    return j.dump(2);
}

}  // namespace

TEST_CASE("a saved report reads back to the same value after it is written again") {
    std::vector<std::string> files = {"golden/basic-level1.json",         "golden/examples/platform.json",
                                      "golden/examples/research.json",    "golden/examples/startup.json",
                                      "reports/acme-q1.json",             "reports/acme-q2.json",
                                      "reports/acme-q2-gate.json",        "reports/beta.json",
                                      "reports/gamma.json",               "reports/hostile.json",
                                      "reports/legacy-before-rule2.json", "reports/scan.json",
                                      "reports/mts-m01.json",             "reports/mts-m02-gate.json",
                                      "reports/mts-m04.json"};
    for (const auto& f : files) check_round_trip(read_source(test::data_file(f)).text, f);
    check_round_trip(with_every_part(), "every-part.json");
}

TEST_CASE("the golden reports are written back byte for byte") {
    // What the tool wrote, it writes again the same from the value it reads (the old fixtures written before
    // later members, and the hostile one, are left out: reading fills in or cleans what they lack).
    for (const char* f : {"golden/basic-level1.json", "golden/examples/platform.json", "golden/examples/research.json",
                          "golden/examples/startup.json"}) {
        INFO(f);
        const std::string text = read_source(test::data_file(f)).text;
        CHECK(render_json(read_report(text, f)) == text);
    }
}

TEST_CASE("a report of hostile strings is written as nlohmann writes it, and reads back to what it says") {
    Report r = read_report(read_source(test::data_file("golden/examples/startup.json")).text, "startup.json");
    const std::string hostile = std::string("a\0\x01\x1b[2J\x7f\"\\/\b\f\n\r\t", 16) +
                                "\xc2\x85\xc2\x9b[31m"                      // C1 controls (0x9B: an 8-bit CSI)
                                "\xe2\x80\xa8\xe2\x80\xa9"                  // line and paragraph separators
                                "\xe2\x80\xae\xe2\x81\xa6"                  // bidi override and isolate
                                "\xf0\x9f\x9a\x80\xe6\xbc\xa2\xe5\xad\x97"  // an emoji, wide CJK
                                "\xff\xc0\x80\xed\xa0\x80\xe2\x82"
                                "A\xf0\x9f";  // invalid UTF-8, cut at the end
    Assessment& a = r.assessment;
    r.team = hostile;
    a.overall_name = hostile;
    a.profile[hostile] = hostile;
    a.held_by.push_back(hostile);
    a.dimensions.at(0).name = hostile;
    a.gaps.at(0).text = hostile;
    a.gaps.at(0).tools.push_back(hostile);
    for (auto& q : a.questions) {
        if (q.status != QuestionStatus::Answered) continue;
        q.note = hostile;
        q.source = AnswerSource::Evidence;
        q.evidence.push_back({hostile, 3, hostile});
        break;
    }
    const std::string written = render_json(r);
    check_as_nlohmann_prints(written);
    CHECK(written.find("\\u001b[2J") != std::string::npos);
    CHECK(written.find("\\u009b[31m\\u2028\\u2029\\u202e\\u2066\xf0\x9f\x9a\x80") != std::string::npos);
    CHECK(written.find("\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd") != std::string::npos);
    // Once written, the text is valid UTF-8: it reads back to a report that is written the same.
    CHECK(render_json(read_report(written, "hostile.json")) == written);
}

TEST_CASE("a contradiction's kind is one of the two the report writes") {
    ojson j = ojson::parse(read_source(test::data_file("reports/scan.json")).text);
    j["contradictions"][0]["kind"] = "maybe";
    CHECK(test::first_error([&] { read_report(j.dump(), "r.json"); }) ==
          "r.json: error: contradictions[0].kind: unknown kind 'maybe' (expected no-but-evidence or yes-unverified)");
}
