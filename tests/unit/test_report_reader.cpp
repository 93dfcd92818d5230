// The saved-report readers: read_report (`report`, `diff`) and read_report_summary (the streaming reader behind
// `aggregate`). A saved report is untrusted input: every value is checked against the ranges of
// docs/schemas/report.schema.json and against the report's own level list, and every error names the JSON path
// of the element, indices included. Each case starts from a valid report (the basic-level1 golden: levels 0..3)
// and changes one value.
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/aggregate.hpp"
#include "mm/report.hpp"
#include "report_summary.hpp"

using namespace mm;
using mm::test::first_error;
using ojson = nlohmann::ordered_json;

namespace {

const ojson& base() {
    static const ojson j = ojson::parse(read_source(test::data_file("golden/basic-level1.json")).text);
    return j;
}

// The base report with the value at `pointer` (RFC 6901) set to `value` (or removed when `value` is discarded).
std::string with(const std::string& pointer, const ojson& value) {
    ojson j = base();
    const ojson::json_pointer p(pointer);
    if (value.is_discarded()) j[p.parent_pointer()].erase(p.back());
    else j[p] = value;
    return j.dump(2);
}

std::string without(const std::string& pointer) { return with(pointer, ojson(ojson::value_t::discarded)); }

std::string full_error(const std::string& text) { return first_error([&] { read_report(text, "r.json"); }); }
std::string summary_error(const std::string& text) { return first_error([&] { read_report_summary(text, "r.json"); }); }

struct Case {
    std::string pointer;
    ojson value;
    std::string message;  // after "r.json: error: "
    bool summary_reads;   // read_report_summary reads this field too, and must refuse it the same way
};

void check_cases(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        const std::string text = c.value.is_discarded() ? without(c.pointer) : with(c.pointer, c.value);
        INFO(c.pointer << " = " << c.value.dump());
        CHECK(full_error(text) == "r.json: error: " + c.message);
        if (c.summary_reads) CHECK(summary_error(text) == "r.json: error: " + c.message);
    }
}

ojson levels(int n) {
    ojson out = ojson::array();
    for (int i = 0; i < n; ++i) out.push_back({{"level", i}, {"name", "L" + std::to_string(i)}});
    return out;
}

}  // namespace

TEST_CASE("the base report reads with both readers") {
    CHECK(full_error(base().dump()).empty());
    CHECK(summary_error(base().dump()).empty());
}

TEST_CASE("numbers outside the schema's ranges are refused, with the element's path") {
    check_cases({
        {"/dimensions/0/progress", 1e18, "dimensions[0].progress: 1e+18 is outside 0 to 3 (the questionnaire's levels)", false},
        {"/dimensions/0/progress", -1e18, "dimensions[0].progress: -1e+18 is outside 0 to 3 (the questionnaire's levels)", false},
        {"/dimensions/1/progress", 4611686018427387904.0, "dimensions[1].progress: 4.611686018427388e+18 is outside 0 to 3 (the questionnaire's levels)", false},
        {"/dimensions/1/progress", -1e308, "dimensions[1].progress: -1e+308 is outside 0 to 3 (the questionnaire's levels)", false},
        {"/dimensions/0/progress", 5, "dimensions[0].progress: 5 is outside 0 to 3 (the questionnaire's levels)", false},
        {"/dimensions/0/progress", -1, "dimensions[0].progress: -1 is outside 0 to 3 (the questionnaire's levels)", false},
        {"/dimensions/0/progress", 3.5, "dimensions[0].progress: 3.5 is outside 0 to 3 (the questionnaire's levels)", false},
        {"/overall/score", 2, "overall.score: 2 is outside 0 to 1", true},
        {"/overall/score", -0.5, "overall.score: -0.5 is outside 0 to 1", true},
        {"/dimensions/0/levels/1/coverage", 1.5, "dimensions[0].levels[1].coverage: 1.5 is outside 0 to 1", false},
        {"/gaps/0/credit", -0.25, "gaps[0].credit: -0.25 is outside 0 to 1", false},
        {"/gaps/0/weight", 0, "gaps[0].weight: expected a number above 0, not 0", false},
        {"/gaps/0/weight", -2.5, "gaps[0].weight: expected a number above 0, not -2.5", false},
        {"/gaps/0/priority", 0, "gaps[0].priority: expected a whole number from 1 to 1000000, not 0", false},
        {"/dimensions/1/levels/0/practices", -1, "dimensions[1].levels[0].practices: expected a whole number from 0 to 1000000, not -1", false},
    });
}

TEST_CASE("levels are the questionnaire's: 2 to 5 of them, numbered in order, and every level in the report is one") {
    check_cases({
        {"/questionnaire/levels", ojson::array(), "questionnaire.levels: a questionnaire has 2 to 5 levels (0 up to at most 4), not 0", true},
        {"/questionnaire/levels", levels(1), "questionnaire.levels: a questionnaire has 2 to 5 levels (0 up to at most 4), not 1", true},
        {"/questionnaire/levels", levels(6), "questionnaire.levels[5]: a questionnaire has 2 to 5 levels (0 up to at most 4), not more", true},
        {"/questionnaire/levels/2/level", 7, "questionnaire.levels[2].level: levels are numbered 0, 1, 2, ... in order; expected 2 here, not 7", true},
        {"/questionnaire/levels/0/level", -1, "questionnaire.levels[0].level: levels are numbered 0, 1, 2, ... in order; expected 0 here, not -1", true},
        {"/overall/level", 99, "overall.level: 99 is not a level of this questionnaire (0 to 3)", true},
        {"/overall/level", -1, "overall.level: -1 is not a level of this questionnaire (0 to 3)", true},
        {"/overall/level", 4, "overall.level: 4 is not a level of this questionnaire (0 to 3)", true},
        {"/overall/level", 99999999999, "overall.level: 99999999999 is not a level of this questionnaire (0 to 3)", true},
        // Beyond 64 bits (as nlohmann reads an unsigned number) it counts as the largest whole number, not as -1.
        {"/overall/level", 18446744073709551615ULL, "overall.level: 9223372036854775807 is not a level of this questionnaire (0 to 3)", true},
        {"/target/level", 4, "target.level: 4 is not a level of this questionnaire (0 to 3)", true},
        {"/dimensions/1/level", -2, "dimensions[1].level: -2 is not a level of this questionnaire (0 to 3)", true},
        {"/dimensions/1/level", 4, "dimensions[1].level: 4 is not a level of this questionnaire (0 to 3)", true},
        {"/dimensions", ojson::array(), "dimensions: a report has at least one dimension", true},
        {"/dimensions/0/levels/1/level", 3, "dimensions[0].levels[1].level: expected 2 here (levels 1 to 3 in order), not 3", false},
        {"/dimensions/0/levels/0/level", 0, "dimensions[0].levels[0].level: expected 1 here (levels 1 to 3 in order), not 0", false},
        {"/dimensions/1/levels", ojson::array(), "dimensions[1].levels: expected levels 1 to 3 (one entry each, in order), not 0 entries", false},
        {"/gaps/2/level", 0, "gaps[2].level: 0 is not a level a practice can be at (1 to 3)", true},
        {"/gaps/2/level", 4, "gaps[2].level: 4 is not a level a practice can be at (1 to 3)", true},
        {"/gaps/1/next_option/level", 9, "gaps[1].next_option.level: 9 is not a level of this questionnaire (0 to 3)", false},
        {"/answers/5/answer", 9, "answers[5].answer: 9 is not a level of this questionnaire (0 to 3)", false},
        {"/answers/5/answer", -1, "answers[5].answer: -1 is not a level of this questionnaire (0 to 3)", false},
        {"/not_asked/0/answer", 4, "not_asked[0].answer: 4 is not a level of this questionnaire (0 to 3)", false},
        {"/gate", {{"passed", false}, {"bars", {{{"level", 2}}, {{"dimension", "data"}, {"level", 5}}}}, {"failures", ojson::array()}},
         "gate.bars[1].level: 5 is not a level of this questionnaire (0 to 3)", false},
    });
}

TEST_CASE("words from a fixed list are checked against it") {
    check_cases({
        {"/gaps/0/group", "urgent", "gaps[0].group: unknown group 'urgent' (expected blocking, next or optional)", true},
        {"/answers/1/source", "magic", "answers[1].source: unknown source 'magic' (expected given or evidence)", false},
        {"/answers/1/answer", "maybe", "answers[1].answer: unknown answer 'maybe' (expected yes, partial, no, n/a or a choice level)", false},
        {"/answers/1/evidence", {{{"path", "a.py"}, {"line", 0}}}, "answers[1].evidence[0].line: expected a whole number from 1 to 2147483647, not 0", false},
    });
    // Evidence lines are those of files up to the scan's size bound (1 GiB): millions are fine.
    CHECK(full_error(with("/answers/1/evidence", {{{"path", "a.py"}, {"line", 3000000}}})).empty());
}

TEST_CASE("date and commit, when present, are a calendar date and a full commit hash in both readers") {
    check_cases({
        {"/date", "2026-02-30", "date: '2026-02-30' is not a date (YYYY-MM-DD)", true},
        {"/date", "", "date: '' is not a date (YYYY-MM-DD)", true},  // present but empty is not absent
        {"/date", 20260331, "date: expected a string", true},
        {"/commit", "0123abc", "commit: expected a full commit hash (40 or 64 lowercase hex digits)", false},
        {"/commit", "", "commit: expected a full commit hash (40 or 64 lowercase hex digits)", false},
    });
    CHECK(full_error(with("/date", "2026-03-31")).empty());
    CHECK(summary_error(with("/date", "2026-03-31")).empty());
    CHECK(full_error(with("/commit", std::string(40, 'a'))).empty());
}

TEST_CASE("a profile has at most as many entries as a questionnaire has profile questions") {
    ojson profile = ojson::object();
    for (int i = 0; i < 100; ++i) profile["p" + std::to_string(i)] = "v";
    CHECK(full_error(with("/profile", profile)).empty());
    profile["p100"] = "v";
    CHECK(full_error(with("/profile", profile)) ==
          "r.json: error: profile: more than 100 entries; a questionnaire has at most 100 profile questions");
}

TEST_CASE("structure errors name the element, with its indices") {
    check_cases({
        {"/gaps/2/tools", {"DVC", 7}, "gaps[2].tools: expected strings", false},
        {"/gaps/1/references", "https://x", "gaps[1].references: expected an array", false},
        {"/gaps/2/question", 7, "gaps[2].question: expected a string", true},
        {"/gaps/1", 7, "gaps[1]: expected an object", true},
        {"/dimensions/1/id", {"x"}, "dimensions[1].id: expected a string", true},
        {"/dimensions/1/levels/2/met", "yes", "dimensions[1].levels[2].met: expected true or false", false},
        {"/dimensions/0/levels/2", "x", "dimensions[0].levels[2]: expected an object", false},
        {"/questionnaire/levels/3/name", 3, "questionnaire.levels[3].name: expected a string", true},
        {"/questionnaire/levels/1", "one", "questionnaire.levels[1]: expected an object", true},
        {"/answers/3/note", 1, "answers[3].note: expected a string", false},
        {"/answers/4/answer", {{"x", 1}}, "answers[4].answer: expected an answer (yes, partial, no, n/a or a choice level)", false},
        {"/not_asked/0/reason", nullptr, "not_asked[0].reason: expected a string", false},
        {"/unanswered", {"a", 2}, "unanswered: expected strings", false},
        {"/profile/serving", 1, "profile.serving: expected a string", false},
        {"/gaps/1/next_option/text", false, "gaps[1].next_option.text: expected a string", false},
        {"/overall/score", "high", "overall.score: expected a number", true},
        {"/overall/level", 1.5, "overall.level: expected a whole number", true},
        {"/team", {"a"}, "team: expected a string", true},
        {"/schema_version", {{"v", 1}}, "schema_version: expected a whole number", true},
        {"/target", nullptr, "target: expected an object", true},
        {"/questionnaire/levels", {{"level", 0}}, "questionnaire.levels: expected an array", true},
    });
    check_cases({
        {"/dimensions/1/progress", ojson(ojson::value_t::discarded), "dimensions[1]: missing 'progress'", false},
        {"/dimensions/1/level", ojson(ojson::value_t::discarded), "dimensions[1]: missing 'level'", true},
        {"/gaps/2/practice", ojson(ojson::value_t::discarded), "gaps[2]: missing 'practice'", true},
        {"/questionnaire/levels/2/name", ojson(ojson::value_t::discarded), "questionnaire.levels[2]: missing 'name'", true},
        {"/overall/score", ojson(ojson::value_t::discarded), "overall: missing 'score'", true},
        {"/target/level", ojson(ojson::value_t::discarded), "target: missing 'level'", true},
        {"/gaps", ojson(ojson::value_t::discarded), "the report: missing 'gaps'", true},
    });
    ojson contradiction = {{"question", "q"}, {"kind", "yes-unverified"}, {"evidence", {{{"path", "a"}}, {{"path", 3}}}}};
    check_cases({
        {"/contradictions", {contradiction}, "contradictions[0].evidence[1].path: expected a string", false},
        {"/unanswered_notes", {{{"question", "q"}, {"note", 2}}}, "unanswered_notes[0].note: expected a string", false},
    });
}

TEST_CASE("syntax errors and numbers beyond a double are located by line and column in both readers") {
    const std::string text = "{\"schema_version\": 1,\n \"x\": [1, -1e400]}";
    CHECK(full_error(text) == "r.json:2:16: error: invalid JSON: a number is too large to represent");
    CHECK(summary_error(text) == "r.json:2:16: error: invalid JSON: a number is too large to represent");
    CHECK(full_error("{\n  \"a\": tru }").rfind("r.json:2:", 0) == 0);
    CHECK(summary_error("{\n  \"a\": tru }").rfind("r.json:2:", 0) == 0);
}

TEST_CASE("a member given twice counts once, with its last value, in both readers") {
    // The document keeps the last value of a repeated key; the streaming reader must not add the two up (two
    // lists of 4 levels would make 8, and a report of levels 0..3 one of levels 0..7).
    std::string text = base().dump();
    const std::string levels = "\"levels\":" + base()["questionnaire"]["levels"].dump();
    const std::string dims = "\"dimensions\":" + base()["dimensions"].dump();
    const std::string gaps = "\"gaps\":" + base()["gaps"].dump();
    for (const std::string* member : {&levels, &dims, &gaps}) {
        const auto at = text.find(*member);
        REQUIRE(at != std::string::npos);
        text.insert(at, *member + ",");
    }
    const Report full = read_report(text, "r.json");
    const ReportSummary fast = read_report_summary(text, "r.json");
    CHECK(full.questionnaire.levels.size() == 4);
    CHECK(fast.questionnaire.levels.size() == 4);
    CHECK(fast.dimensions.size() == full.assessment.dimensions.size());
    CHECK(fast.gaps.size() == full.assessment.gaps.size());
    CHECK(fast.gaps.size() == 3);
}

namespace {

// What a reader makes of a text: the summary, or the first error message.
std::string outcome(const std::function<ReportSummary()>& read) {
    try {
        return summary_dump(read());
    } catch (const InputError& e) {
        return "error: " + e.diagnostics().front().str();
    }
}

}  // namespace

TEST_CASE("the fast scanner of read_report_summary agrees with nlohmann's reader on valid and damaged reports") {
    std::vector<std::string> texts;
    for (const char* name : {"reports/acme-q1.json", "reports/acme-q2-gate.json", "reports/beta.json",
                             "reports/gamma.json", "reports/hostile.json", "reports/mts-m01.json",
                             "reports/legacy-before-rule2.json", "golden/basic-level1.json"})
        texts.push_back(read_source(test::data_file(name)).text);
    // Valid reports take the fast way, and it reads what the reference reads.
    for (const std::string& t : texts) {
        const std::optional<ReportSummary> fast = read_report_summary_fast(t, "r.json");
        REQUIRE(fast);
        CHECK(summary_dump(*fast) == outcome([&] { return read_report_summary_reference(t, "r.json"); }));
    }
    // Damaged ones: whatever the fast scanner decides (a summary or an error) is what the reference decides; when it
    // leaves the text to nlohmann, read_report_summary gives the reference's answer.
    const std::string small = base().dump(1);
    const std::vector<std::string> bytes = {"\"", "\\", "{", "}", "[", "]", ",", ":", " ", "0", "-", "e", ".", "9",
                                            "t", std::string(1, '\0'), "\x1f", "\x80", "\xc3", "\xed\xa0\x80",
                                            "\xf4\x90\x80\x80", "\\u0041", "\\ud800", "1e999", "12345678901234567890"};
    std::size_t fast_count = 0, cases = 0;
    for (std::size_t at = 0; at < small.size(); at += 3) {
        std::vector<std::string> variants = {small.substr(0, at), small.substr(0, at) + small.substr(at + 1)};
        for (const std::string& b : bytes) {
            variants.push_back(small.substr(0, at) + b + small.substr(at + 1));
            variants.push_back(small.substr(0, at) + b + small.substr(at));
        }
        for (const std::string& v : variants) {
            ++cases;
            const std::string reference = outcome([&] { return read_report_summary_reference(v, "r.json"); });
            INFO("offset " << at << ": " << v);
            CHECK(outcome([&] { return read_report_summary(v, "r.json"); }) == reference);
            std::optional<ReportSummary> fast;
            const std::string fast_outcome = outcome([&] {
                fast = read_report_summary_fast(v, "r.json");
                return fast ? *fast : ReportSummary{};
            });
            if (fast_outcome.rfind("error: ", 0) == 0 || fast) {
                ++fast_count;
                CHECK(fast_outcome == reference);
            }
        }
    }
    // Much of the damage the fast scanner decides on its own (wrong values, bad strings in members it skips); the
    // rest is mostly syntax errors, which nlohmann locates.
    CHECK(fast_count > cases / 4);
    // Nesting: the reader's limit holds inside the members the scanner skips too.
    for (int depth : {30, 31, 32, 33, 40}) {
        const std::string deep = "{\"schema_version\": 1, \"x\": " + std::string(static_cast<std::size_t>(depth), '[') +
                                 std::string(static_cast<std::size_t>(depth), ']') + "}";
        CHECK(outcome([&] { return read_report_summary(deep, "r.json"); }) ==
              outcome([&] { return read_report_summary_reference(deep, "r.json"); }));
    }
}

namespace {

// The base report, compact, with `member` (raw JSON text: "key": value) first in the root object and in the first gap.
std::string inserted(const std::string& member) {
    std::string text = base().dump();
    text.insert(text.find("\"question\""), member + ",");
    text.insert(1, member + ",");
    return text;
}

}  // namespace

TEST_CASE("the fast scanner agrees with nlohmann's reader on the forms its fast paths step over") {
    // Members the reader skips, with what could end a subtree early if it were skipped carelessly (quotes escaped,
    // brackets and braces inside strings, backslashes before the closing quote), and nesting at and past the limit.
    std::vector<std::string> members = {
        R"("x": "a \" ] } [ { b")",
        R"("x": ["\\", "\\\"", "]", "}", "{\"y\": [1]}", "\\\\"])",
        R"("x": {"k\"}": ["[", {"]": "}"}, "\u005d\u007d"], "z": {}})",
        R"("x": ["a\"", ["b\\", ["c\"]\"", []]], {}])",
        R"("x": "\"")",
        R"("x": ["]"])",
        R"("x": ["\"]"], "y": "]")",
        R"("x": ["unclosed \"])",
        R"("x": {"a": "b\" }, "c": 1})",
        R"("x": ["é", "\u00e9", "\ud83d\ude00"])",
    };
    for (int depth : {1, 8, 28, 29, 30, 31, 32}) {
        std::string deep = "\"x\": ";
        for (int i = 0; i < depth; ++i) deep += i % 2 ? "{\"a\\\"]\": " : "[\"}\", ";
        for (int i = depth - 1; i >= 0; --i) deep += i % 2 ? "}" : "]";
        members.push_back(deep);
    }
    // Strings the reader keeps (a gap's text) with a quote, backslash, escape, control character or byte above 0x7F at
    // every place in and around an eight-byte word, and runs of spaces of every length up to the end of the text.
    const std::vector<std::string> specials = {
        "\\\"", "\\\\", "\\n",  "\\u00e9", "\xc3\xa9", "\xe2\x80\x94", std::string(1, '\x01'),
        "\x7f", "\x80", "\xff", "\\x"};
    std::vector<std::string> texts;
    for (const std::string& m : members) texts.push_back(inserted(m));
    for (std::size_t at = 0; at < 18; ++at)
        for (const std::string& s : specials)
            texts.push_back(inserted("\"text\": \"" + std::string(at, 'a') + s + std::string(17 - at, 'b') + "\""));
    const std::string compact = base().dump();
    for (std::size_t n = 0; n < 20; ++n) {
        texts.push_back(compact + std::string(n, ' '));
        texts.push_back(std::string(n, ' ') + "\n" + std::string(n, ' ') + compact);
        texts.push_back(inserted("\"x\":" + std::string(n, ' ') + "[" + std::string(n, ' ') + "1" +
                                 std::string(n, ' ') + "]" + std::string(n, ' ')));
        texts.push_back(inserted("\"x\": [" + std::string(n, ' ') + "\t 1]"));
        texts.push_back(compact.substr(0, compact.size() - 1) + std::string(n, ' '));  // ends in spaces, unclosed
    }
    std::size_t fast_count = 0;
    for (const std::string& t : texts) {
        INFO(t);
        const std::string reference = outcome([&] { return read_report_summary_reference(t, "r.json"); });
        CHECK(outcome([&] { return read_report_summary(t, "r.json"); }) == reference);
        std::optional<ReportSummary> fast;
        const std::string fast_outcome = outcome([&] {
            fast = read_report_summary_fast(t, "r.json");
            return fast ? *fast : ReportSummary{};
        });
        if (fast_outcome.rfind("error: ", 0) == 0 || fast) {
            ++fast_count;
            CHECK(fast_outcome == reference);
        }
    }
    // Most of them the fast scanner decides itself (not by leaving them to nlohmann).
    CHECK(fast_count > texts.size() / 2);
}

TEST_CASE("read_report_summary_into a summary that holds another report reads what a fresh summary reads") {
    // Reports with and without team, date, target, points, scoring rule, dimensions not assessed; more and fewer
    // levels, dimensions and gaps than the one before; one the fast scanner leaves to nlohmann (a surrogate pair).
    std::vector<std::string> texts;
    for (const char* name : {"reports/acme-q1.json", "reports/gamma.json", "reports/mts-m01.json", "reports/beta.json",
                             "reports/legacy-before-rule2.json", "reports/hostile.json", "golden/basic-level1.json"})
        texts.push_back(read_source(test::data_file(name)).text);
    std::string surrogates = with("/team", "TEAM");
    surrogates.replace(surrogates.find("TEAM"), 4, "\\ud83d\\ude00 team");
    texts.push_back(surrogates);
    texts.push_back(with("/date", "2026-01-02"));
    texts.push_back(without("/target"));
    texts.push_back(with("/dimensions/0/assessed", false));
    texts.push_back(with("/dimensions/1/shown", false));
    texts.push_back(with("/gaps/0/group", "nonsense"));  // an error in between
    ReportSummary reused;
    for (int round = 0; round < 2; ++round) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const std::string& t = texts[round == 0 ? i : texts.size() - 1 - i];
            INFO("round " << round << ", report " << i);
            CHECK(outcome([&] {
                      read_report_summary_into(t, "r.json", reused);
                      return reused;
                  }) == outcome([&] { return read_report_summary(t, "r.json"); }));
        }
    }
}
