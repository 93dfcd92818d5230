// Hostile input: terminal escapes, JSON escapes, the reader's refusals and the fuzz-found regressions.
#include <cmath>
#include <limits>
#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/aggregate.hpp"
#include "mm/answers_file.hpp"
#include "mm/document.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"
#include "render_util.hpp"

using namespace mm;
using mm::test::first_error;

TEST_CASE("terminal_safe removes controls, escape sequences and bidi overrides") {
    CHECK(terminal_safe("a\x1b[2J\x1b[31mb") == "ab");
    CHECK(terminal_safe("a\x1b]0;title\x07" "b") == "ab");
    CHECK(terminal_safe("a\x1b]0;title\x1b\\b") == "ab");
    CHECK(terminal_safe("a\xc2\x9b" "6nb") == "ab");                // 8-bit CSI with its parameters
    CHECK(terminal_safe("a\xc2\x9d" "0;t\x07" "b") == "ab");         // 8-bit OSC up to BEL
    CHECK(terminal_safe("a\xc2\x9d" "0;t\xc2\x9c" "b") == "ab");     // 8-bit OSC up to ST
    CHECK(terminal_safe("a\xe2\x80\xae" "b\xe2\x81\xa6" "c") == "abc");  // RLO, LRI
    CHECK(terminal_safe("line\xe2\x80\xa8next") == "line next");       // U+2028
    CHECK(terminal_safe("a\rb\x07\x08\x7f" "c\td\ne") == "abc d e");
    CHECK(terminal_safe("caf\xc3\xa9 \xe2\x86\x92 ok") == "caf\xc3\xa9 \xe2\x86\x92 ok");  // ordinary UTF-8 stays
    CHECK(terminal_safe("\x1b") == "");
    CHECK(terminal_safe("\x1b[") == "");
}

// Invalid UTF-8 reaches the terminal from file names and file contents (scan), which no YAML reader checked: a
// lone byte 0x9B or 0x9D is an 8-bit CSI or OSC to a terminal that reads 8-bit controls, so every invalid byte
// becomes U+FFFD, as in the other escapers.
TEST_CASE("terminal_safe replaces invalid UTF-8, so no lone C1 byte reaches the terminal") {
    CHECK(terminal_safe("a\x9b" "6nb") == "a\xef\xbf\xbd" "6nb");          // a lone 8-bit CSI byte
    CHECK(terminal_safe("a\x9d" "0;t\x07" "b") == "a\xef\xbf\xbd" "0;tb");  // a lone 8-bit OSC byte
    CHECK(terminal_safe("caf\xe9 \xff\xfe") == "caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd");
    CHECK(terminal_safe("\xc2") == "\xef\xbf\xbd");                         // cut off at the end
    CHECK(terminal_safe("\xc0\x9b") == "\xef\xbf\xbd\xef\xbf\xbd");        // overlong: not U+001B or U+009B
    CHECK(terminal_safe("\xe2\x80") == "\xef\xbf\xbd\xef\xbf\xbd");
    CHECK(terminal_safe("ok \xf0\x9f\x98\x80") == "ok \xf0\x9f\x98\x80");  // 4-byte UTF-8 stays
}

TEST_CASE("escape_controls shows what terminal_safe would drop") {
    CHECK(escape_controls("a\x1b[2Jb") == "a\\e[2Jb");
    CHECK(escape_controls("\x07\x01\n\r\t") == "\\a\\x01\\n\\r\\t");
    CHECK(escape_controls("a\xc2\x9b" "6n") == "a\\u{9b}6n");
    CHECK(escape_controls("\xe2\x80\xae" "x") == "\\u{202e}x");
    CHECK(escape_controls("caf\xc3\xa9") == "caf\xc3\xa9");
}

TEST_CASE("escape_controls shows invalid UTF-8 bytes as hex escapes") {
    CHECK(escape_controls("a\x9b" "6n") == "a\\x9b6n");
    CHECK(escape_controls("\x9d" "0;t\x07") == "\\x9d0;t\\a");
    CHECK(escape_controls("caf\xe9") == "caf\\xe9");
    CHECK(escape_controls("\xc2") == "\\xc2");
    CHECK(escape_controls("ok \xf0\x9f\x98\x80") == "ok \xf0\x9f\x98\x80");
}

// The answers writer (init, autosave, scan -f yaml) must write files every YAML reader takes: YAML 1.2 allows only
// printable characters raw (not C0 but tab and newlines, DEL, C1, U+FFFE, U+FFFF), PyYAML folds U+0085, U+2028
// and U+2029 as line breaks, and a bidi override shows a reviewer other text than the file holds.
TEST_CASE("yaml_quote escapes what YAML forbids, folds or hides, and replaces invalid UTF-8") {
    CHECK(yaml_quote("a\"b\\c\n\t\r\x01\x7f") == "\"a\\\"b\\\\c\\n\\t\\r\\x01\\x7f\"");
    CHECK(yaml_quote("csi \xc2\x9b" "6n osc \xc2\x9d") == "\"csi \\u009b6n osc \\u009d\"");
    CHECK(yaml_quote("nel\xc2\x85") == "\"nel\\u0085\"");
    CHECK(yaml_quote("ls\xe2\x80\xa8" "ps\xe2\x80\xa9") == "\"ls\\u2028ps\\u2029\"");
    CHECK(yaml_quote("rlo\xe2\x80\xae" "lri\xe2\x81\xa6") == "\"rlo\\u202elri\\u2066\"");
    CHECK(yaml_quote("\xef\xbf\xbe\xef\xbf\xbf") == "\"\\ufffe\\uffff\"");
    CHECK(yaml_quote("lone\x9b" "6n \x9d x\xff") == "\"lone\xef\xbf\xbd" "6n \xef\xbf\xbd x\xef\xbf\xbd\"");
    CHECK(yaml_quote("caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80 \xef\xbb\xbf") ==
          "\"caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80 \xef\xbb\xbf\"");  // printable stays as it is
}

TEST_CASE("answers files written with hostile notes and texts read back as written") {
    const Questionnaire q = test::questionnaire(R"(id: tiny
title: "Tiny \ufffe\uffff \u009b6n \u202e title"
version: "1"
levels:
  - {level: 0, name: None}
  - {level: 1, name: Some}
dimensions:
  - id: d
    name: "D \ufffe"
    questions:
      - id: q1
        level: 1
        text: "Q1 \uffff?"
        practice: Do Q1.
)");
    AnswerSet a;
    a.questionnaire_id = "tiny";
    a.notes["q1"] = "evidence: data/lone\x9b" "6n.dvc; c1\xc2\x9b" "6n \xc2\x85 \xe2\x80\xa8 \xe2\x80\xae \xef\xbf\xbe end";
    const std::string file = render_answers_file(q, a);
    // Nothing YAML forbids or folds, and no bidi control, is written raw; the file is valid UTF-8.
    CHECK(valid_utf8(file) == file);
    for (const char* raw : {"\xc2\x9b", "\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xae", "\xef\xbf\xbe", "\xef\xbf\xbf"})
        CHECK(file.find(raw) == std::string::npos);
    CHECK(file.find("# Answers for \"Tiny    title\"") != std::string::npos);  // comments drop them
    const AnswerSet back = test::answers(file);
    CHECK(back.notes.at("q1") == "evidence: data/lone\xef\xbf\xbd" "6n.dvc; c1\xc2\x9b" "6n \xc2\x85 \xe2\x80\xa8 "
                                 "\xe2\x80\xae \xef\xbf\xbe end");
}

TEST_CASE("escape_json_controls escapes C1 controls and bidi overrides inside JSON strings") {
    CHECK(escape_json_controls("{\"a\": \"x\xc2\x9by\xe2\x80\xaez\xc3\xa9\"}") ==
          "{\"a\": \"x\\u009by\\u202ez\xc3\xa9\"}");
}

TEST_CASE("the reader names encodings and unclosed quotes") {
    CHECK(first_error([] { parse_yaml("\xff\xfe" "a\0:\0", "u.yaml"); }) ==
          "u.yaml:1:1: error: the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8");
    CHECK(first_error([] { parse_yaml(std::string("a: \0b", 5), "n.yaml"); }).find("n.yaml:1:4: error: a NUL byte") == 0);
    CHECK(first_error([] { parse_yaml("a: caf\xe9\n", "l.yaml"); }).find("l.yaml:1:7: error: invalid UTF-8 (is the file") == 0);
    CHECK(first_error([] { parse_yaml("a: \xe2\x82", "c.yaml"); }).find("cut off at the end") != std::string::npos);
    CHECK(first_error([] { parse_yaml("a: \"1.0\nb: x\n", "q.yaml"); }) ==
          "q.yaml:1:4: error: invalid YAML: this quoted value is never closed (add the closing \")");
    CHECK(first_error([] { parse_yaml("a: 'it''s\nb: x\n", "q.yaml"); }).find("never closed") != std::string::npos);
    // Closed quotes, escaped quotes and quotes inside other scalars are fine.
    CHECK_NOTHROW(parse_yaml("a: \"say \\\"hi\\\"\"\nb: 'it''s'\nc: don't\nd: [\"x\", 'y']\n", "ok.yaml"));
}

TEST_CASE("deep nesting of every kind stops at 64 levels with a position") {
    std::string block_lists, block_maps;
    for (int i = 0; i < 200; ++i) {
        block_lists += std::string(static_cast<std::size_t>(2 * i), ' ') + "-\n";
        block_maps += std::string(static_cast<std::size_t>(2 * i), ' ') + "k:\n";
    }
    std::string flow_lists, flow_maps, flow_keys;
    for (int i = 0; i < 20000; ++i) {
        flow_lists += "[";
        flow_maps += "{";
        flow_keys += "{a: ";
    }
    for (const std::string* text : {&flow_lists, &flow_maps, &flow_keys, &block_lists, &block_maps}) {
        std::string msg = first_error([&] { parse_yaml(*text, "deep.yaml"); });
        CAPTURE(text->substr(0, 20));
        CHECK(msg.find("nesting is deeper than 64 levels") != std::string::npos);
        CHECK(msg.rfind("deep.yaml:", 0) == 0);
    }
}

TEST_CASE("the first 10 errors are shown, the rest counted") {
    DiagnosticSink sink("f.yaml");
    // Recorded out of order: the ten kept are shown in source order.
    for (int i = 500; i >= 1; --i) sink.error(i, 1, "e" + std::to_string(i));
    CHECK(sink.error_count() == 500);
    CHECK(sink.full());
    try {
        sink.throw_if_errors();
        FAIL("errors should throw");
    } catch (const InputError& e) {
        REQUIRE(e.diagnostics().size() == 11);
        CHECK(e.diagnostics().front().line <= e.diagnostics()[9].line);
        CHECK(e.diagnostics().back().str() == "f.yaml: error: and 490 more errors (fix the ones above first)");
    }
    DiagnosticSink exact("g.yaml");
    for (int i = 1; i <= DiagnosticSink::kMaxShown; ++i) exact.error(i, 1, "e");
    CHECK(exact.full());
    try {
        exact.throw_if_errors();
        FAIL("errors should throw");
    } catch (const InputError& e) {
        CHECK(e.diagnostics().size() == 10);  // nothing left over: no "and 0 more"
    }
    DiagnosticSink one_more("h.yaml");
    for (int i = 1; i <= DiagnosticSink::kMaxShown + 1; ++i) one_more.error(i, 1, "e");
    const std::string all = mm::test::all_errors([&] { one_more.throw_if_errors(); });
    CHECK(all.substr(all.rfind('\n') + 1) == "h.yaml: error: and 1 more error (fix the ones above first)");
}

TEST_CASE("nearest gives no suggestion for huge words") {
    CHECK(nearest("data-versionin", {"data-versioning"}) == "data-versioning");
    CHECK(nearest(std::string(300, 'd'), {std::string(299, 'd')}).empty());
}

TEST_CASE("fuzz regression: saved reports with numbers out of range are bad input, not internal errors") {
    const std::string report = R"({"schema_version": 1e999, "tool": {"name": "x", "version": "1"}})";
    CHECK(first_error([&] { read_report(report, "r.json"); }).find("r.json") == 0);
    CHECK(first_error([&] { read_report_summary(report, "r.json"); }).find("r.json") == 0);
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(first_error([&] { read_report(deep, "d.json"); }).find("nests deeper than 32 levels") != std::string::npos);
    CHECK_FALSE(first_error([&] { read_report_summary(deep, "d.json"); }).empty());
}

TEST_CASE("one_decimal, percent and bar lay out any double, however large, without overflowing") {
    // A saved report once carried a progress of 1e18: one_decimal overflowed lround, then labs(LONG_MIN), and
    // wrote outside to_chars' buffer (SIGSEGV in the text, HTML and Markdown reports).
    using namespace render_util;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(one_decimal(1.25) == "1.3");
    CHECK(one_decimal(1.99996) == "1.9");  // never up to the next whole number
    CHECK(one_decimal(0.0) == "0.0");
    CHECK(one_decimal(-0.0) == "0.0");
    CHECK(one_decimal(-1.5) == "-1.5");
    CHECK(one_decimal(1e18) == "1000000000000000000.0");
    CHECK(one_decimal(-1e18) == "-1000000000000000000.0");
    CHECK(one_decimal(std::ldexp(1.0, 62)) == "4611686018427387904.0");
    CHECK(one_decimal(-std::ldexp(1.0, 62)) == "-4611686018427387904.0");
    CHECK(one_decimal(std::ldexp(1.0, 63)) == "9223372036854775808.0");
    CHECK(one_decimal(1e308).size() == 311);  // 309 digits and ".0"
    CHECK(one_decimal(-1e308).size() == 312);
    CHECK(one_decimal(nan) == "nan");
    CHECK(one_decimal(inf) == "inf");
    CHECK(one_decimal(-inf) == "-inf");
    CHECK(percent(0.625) == "63%");
    CHECK(percent(0.99996) == "99%");
    CHECK(percent(1.0) == "100%");
    CHECK(percent(-0.0) == "0%");
    CHECK(percent(1e18) == "100000000000000000000%");
    CHECK(percent(-1e300).size() == 305);  // "-", 303 digits and "%"
    CHECK(percent(1e308) == "inf%");  // a hundred times 1e308 is beyond a double
    CHECK(percent(nan) == "nan%");
    CHECK(percent(inf) == "inf%");
    const std::string empty = "░░░░", full = "████";
    CHECK(bar(nan, 4, 4) == empty);
    CHECK(bar(-1e308, 4, 4) == empty);
    CHECK(bar(1e308, 4, 4) == full);
    CHECK(bar(inf, 4, 4) == full);
    CHECK(bar(2.0, 4, 4) == "██░░");
}
