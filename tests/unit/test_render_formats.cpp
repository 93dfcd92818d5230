// The Markdown, HTML and JUnit renderers and their escaping of untrusted text.
#include <algorithm>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"

using namespace mm;

namespace {

Report fixture(const std::string& name) {
    SourceText s = read_source(test::data_file("reports/" + name));
    return read_report(s.text, s.name);
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

// A small report: one dimension, two practices (one a gap at level 2), target and gate optional.
Report small_report() {
    Report r;
    r.tool_version = "1.2.3";
    r.questionnaire.id = "q";
    r.questionnaire.title = "Q";
    r.questionnaire.levels = {{0, "zero", ""}, {1, "one", ""}, {2, "two", ""}, {3, "three", ""}};
    Assessment& a = r.assessment;
    a.overall_level = 1;
    a.overall_name = "one";
    a.dimensions.push_back({"d", "Dim", 1, 1.5, {{1, 1.0, true, 1}, {2, 0.5, false, 2}, {3, 0.0, false, 1}}, {}});
    for (const char* id : {"p1", "p2", "p3", "p4"}) {
        QuestionResult qr;
        qr.question = id;
        qr.dimension = "d";
        qr.status = QuestionStatus::Answered;
        a.questions.push_back(qr);
    }
    a.questions[3].status = QuestionStatus::NotApplicable;
    Gap g2;
    g2.question = "p2";
    g2.dimension = "d";
    g2.level = 2;
    g2.text = "Second?";
    g2.practice = "Do the second.";
    g2.group = GapGroup::Blocking;
    g2.priority = 1;
    Gap g3 = g2;
    g3.question = "p3";
    g3.level = 3;
    g3.group = GapGroup::Next;
    g3.priority = 2;
    a.gaps = {g2, g3};
    return r;
}

}  // namespace

TEST_CASE("valid_utf8 replaces invalid sequences and keeps valid text") {
    CHECK(valid_utf8("plain") == "plain");
    CHECK(valid_utf8("caf\xC3\xA9 \xE2\x9C\x93") == "caf\xC3\xA9 \xE2\x9C\x93");
    CHECK(valid_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");              // overlong '/'
    CHECK(valid_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
    CHECK(valid_utf8("\xE2\x9C") == "\xEF\xBF\xBD\xEF\xBF\xBD");              // truncated
}

TEST_CASE("xml_escape makes untrusted text safe for HTML and XML content and attributes") {
    CHECK(xml_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(xml_escape("a & b \"q\" 'r'") == "a &amp; b &quot;q&quot; &#39;r&#39;");
    CHECK(xml_escape("]]> -->") == "]]&gt; --&gt;");
    // Characters XML 1.0 forbids are dropped; tab and newline stay; CR is kept as a reference.
    CHECK(xml_escape(std::string("a\x01\x1b[31mb\tc\nd\re", 14)) == "a[31mb\tc\nd&#13;e");
    CHECK(xml_escape("\xEF\xBF\xBE|\xEF\xBF\xBF") == "|");  // U+FFFE, U+FFFF
    CHECK(xml_escape("\xC2\x85") == "");                   // a C1 control
    CHECK(xml_escape("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
    CHECK(xml_escape("ünïcødé ✓") == "ünïcødé ✓");
}

TEST_CASE("markdown_escape keeps untrusted text literal on one line") {
    CHECK(markdown_escape("a | b") == "a \\| b");
    CHECK(markdown_escape("`code`") == "\\`code\\`");
    CHECK(markdown_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(markdown_escape("*bold* _it_ # h ~s~ $x$") == "\\*bold\\* \\_it\\_ \\# h \\~s\\~ \\$x\\$");
    CHECK(markdown_escape("![img](http://x/y.png)") == "\\!\\[img\\](http://x/y.png)");
    CHECK(markdown_escape("a \\ b") == "a \\\\ b");
    CHECK(markdown_escape("&amp; \"q\"") == "&amp;amp; &quot;q&quot;");
    // Line breaks and runs of spaces collapse: a note cannot start a heading, a list or a code block.
    CHECK(markdown_escape("line one\n# two\n\n    - three\n") == "line one \\# two - three");
    CHECK(markdown_escape(std::string("bell\x07 esc\x1b[0m", 14)) == "bell esc\\[0m");
}

TEST_CASE("the HTML report of a hostile questionnaire shows its text and runs nothing") {
    const std::string html = render_html(fixture("hostile.json"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "<img"));
    CHECK_FALSE(contains(html, "<iframe"));
    CHECK_FALSE(contains(html, "<b>"));
    CHECK_FALSE(contains(html, "href=\"javascript:"));
    CHECK(contains(html, "<h1>Hostile &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; | pipes `ticks`</h1>"));
    CHECK(contains(html, "Team: &lt;script&gt;alert(1)&lt;/script&gt; &quot;Team&quot; | `tick` &amp; co"));
    CHECK(contains(html, "Note: &lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt; | `note` &quot;quoted&quot;"));
    CHECK(contains(html, "See: javascript:alert(4) · <a href=\"https://example.org/?a=1&amp;b=%222%22\""));
    // Self-contained: a CSP that allows no fetch, no external resource.
    CHECK(contains(html, "default-src 'none'"));
    CHECK_FALSE(contains(html, "src=\""));  // (the text "src=x" from the questionnaire is shown, escaped)
    CHECK_FALSE(contains(html, "<link"));
    // Two dimensions: a bar chart, not a radar.
    CHECK(contains(html, "<svg class=\"chart bars\""));
}

// A reference is a link only when it is an http(s) URL with a host a browser takes as written; its href is
// percent-encoded where a URL may not hold a character raw (the W3C Nu checker's rules), and the link text shows
// the reference as written. tests/e2e/test_html_validator.sh checks the same hrefs with the checker itself.
TEST_CASE("HTML references: links only for http(s) URLs, hrefs percent-encoded, the rest as text") {
    auto refs = [](const std::string& ref) {
        Report r = small_report();
        r.assessment.gaps[0].references = {ref};
        const std::string html = render_html(r);
        const std::size_t at = html.find("<p class=\"refs\">See: ");
        REQUIRE(at != std::string::npos);
        return html.substr(at + 21, html.find("</p>", at) - at - 21);
    };
    auto link = [](const std::string& href, const std::string& text) {
        return "<a href=\"" + href + "\" rel=\"noopener noreferrer\">" + text + "</a>";
    };
    CHECK(refs("https://example.org/a?b=1&c=2#d") ==
          link("https://example.org/a?b=1&amp;c=2#d", "https://example.org/a?b=1&amp;c=2#d"));
    CHECK(refs("http://example.org:8080/x") == link("http://example.org:8080/x", "http://example.org:8080/x"));
    CHECK(refs("http://[::1]:8080/ok") == link("http://[::1]:8080/ok", "http://[::1]:8080/ok"));
    CHECK(refs("https://example.org") == link("https://example.org", "https://example.org"));
    CHECK(refs("http://[::ffff:192.0.2.1]/") == link("http://[::ffff:192.0.2.1]/", "http://[::ffff:192.0.2.1]/"));
    // Percent-encoded: quotes, <>, space, the characters a URL never holds raw, a second '#', a stray '%',
    // controls and everything beyond ASCII; "%41" and the sub-delimiters stay.
    CHECK(refs("https://example.org/?a=1&b=\"2\"") ==
          link("https://example.org/?a=1&amp;b=%222%22", "https://example.org/?a=1&amp;b=&quot;2&quot;"));
    CHECK(refs("https://example.org/<x>") == link("https://example.org/%3Cx%3E", "https://example.org/&lt;x&gt;"));
    CHECK(refs("https://example.org/a b{c}|d^e`f\\g[h]") ==
          link("https://example.org/a%20b%7Bc%7D%7Cd%5Ee%60f%5Cg%5Bh%5D", "https://example.org/a b{c}|d^e`f\\g[h]"));
    CHECK(refs("https://example.org/a#b#c") == link("https://example.org/a#b%23c", "https://example.org/a#b#c"));
    CHECK(refs("https://example.org/%zz%41%4") ==
          link("https://example.org/%25zz%41%254", "https://example.org/%zz%41%4"));
    CHECK(refs("https://example.org/t\tn\n") == link("https://example.org/t%09n%0A", "https://example.org/t\tn\n"));
    CHECK(refs(std::string("https://example.org/a\0b", 23)) == link("https://example.org/a%00b", "https://example.org/ab"));
    CHECK(refs("https://example.org/caf\xc3\xa9\xe2\x80\xae") ==
          link("https://example.org/caf%C3%A9%E2%80%AE", "https://example.org/caf\xc3\xa9"));
    CHECK(refs("https://example.org/!$&'()*+,;=:@~-._/?") ==
          link("https://example.org/!$&amp;&#39;()*+,;=:@~-._/?", "https://example.org/!$&amp;&#39;()*+,;=:@~-._/?"));
    // Text, never a link: other schemes, and http(s) without a host a browser takes as written.
    CHECK(refs("javascript:alert(1)") == "javascript:alert(1)");
    CHECK(refs("data:text/html,<script>") == "data:text/html,&lt;script&gt;");
    CHECK(refs("//example.org/x") == "//example.org/x");
    CHECK(refs("ftp://example.org/x") == "ftp://example.org/x");
    CHECK(refs("https://") == "https://");
    CHECK(refs("https:///path") == "https:///path");
    CHECK(refs("https://exa mple.org/") == "https://exa mple.org/");
    CHECK(refs("https://ex<a>mple.org/") == "https://ex&lt;a&gt;mple.org/");
    CHECK(refs("https://user:pw@example.org/") == "https://user:pw@example.org/");  // credentials
    CHECK(refs("https://evil.example\\@example.org/") == "https://evil.example\\@example.org/");
    CHECK(refs("http://example.org:8o/") == "http://example.org:8o/");  // a port is digits
    CHECK(refs("http://[::1/") == "http://[::1/");
    CHECK(refs("http://[]/") == "http://[]/");
    CHECK(refs("http://[::g]/") == "http://[::g]/");
    CHECK(refs("http://[::1]x/") == "http://[::1]x/");
}

TEST_CASE("the HTML report draws a radar for three or more dimensions and has print styles") {
    const std::string html = render_html(fixture("acme-q2-gate.json"));
    // Two charts: the wide one, and the narrow one (numbered axes) that narrow screens show instead.
    CHECK(contains(html, "<svg class=\"chart radar wide\""));
    CHECK(contains(html, "<svg class=\"chart radar narrow\""));
    CHECK(count(html, "<circle class=\"dot\"") == 18);
    CHECK(count(html, "<ol class=\"radar-key\">") == 1);
    CHECK(contains(html, "<polygon class=\"target\""));  // the report has a target
    CHECK(contains(html, "@media print"));
    CHECK(contains(html, "Gate failed: testing: level 1 &lt; 2"));
    CHECK(count(html, "<li class=\"gap\">") == fixture("acme-q2-gate.json").assessment.gaps.size());
}

TEST_CASE("the Markdown report of a hostile questionnaire cannot break its table or inject HTML") {
    const std::string md = render_markdown(fixture("hostile.json"));
    CHECK_FALSE(contains(md, "<script"));
    CHECK_FALSE(contains(md, "<img"));
    CHECK_FALSE(contains(md, "<iframe"));
    // A dimension row keeps exactly its five cell separators: the pipe in the name is escaped.
    CHECK(contains(md, "| Pipes \\| and \\`backticks\\` | 1 | "));
    CHECK(contains(md, "## Hostile &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; \\| pipes \\`ticks\\`"));
    CHECK(contains(md, "Note: &lt;script&gt;alert('note')&lt;/script&gt; \\| \\`note\\` &quot;quoted&quot;"));
    CHECK(contains(md, "- [ ] **Do you run &lt;script&gt;alert(1)&lt;/script&gt; in &quot;production&quot;?**"));
    // No line of the report starts with text from the questionnaire (which could start a heading or list).
    CHECK_FALSE(contains(md, "\n# "));
    CHECK_FALSE(contains(md, "\n- not a list"));
}

TEST_CASE("the Markdown report has the headline, a dimension table and a checklist") {
    const Report r = fixture("acme-q2.json");
    const std::string md = render_markdown(r);
    CHECK(contains(md, "**Overall level 1: DevOps but no MLOps** (of 4)"));
    CHECK(contains(md, "**Target level 3: Automated model deployment** (recommended)"));
    CHECK(contains(md, "| Dimension | Level | Progress | |\n|:--|:-:|:--|--:|\n"));
    CHECK(count(md, "- [ ] ") == r.assessment.gaps.size());
    CHECK(contains(md, "<details><summary>"));  // gaps beyond the target are folded
}

TEST_CASE("JUnit: the required level is the gate's bar, else the target, else the next level") {
    Report r = small_report();
    auto failures = [](const std::string& xml) { return count(xml, "<failure "); };

    SECTION("neither gate nor target: the level above the dimension's (2)") {
        std::string xml = render_junit(r);
        CHECK(failures(xml) == 1);
        CHECK(contains(xml, "name=\"p2\" time=\"0\">\n      <failure message=\"Second? (level 2 practice not in place; required: level 2)\""));
        CHECK(contains(xml, "name=\"p3\" time=\"0\">\n      <system-out>Not required yet: level 3 is above level 2."));
        CHECK(contains(xml, "tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"1\""));
    }
    SECTION("a target of 3 makes both gaps failures") {
        r.assessment.target = Target{3, "given", ""};
        CHECK(failures(render_junit(r)) == 2);
    }
    SECTION("a gate wins over the target: the highest bar that applies to the dimension") {
        r.assessment.target = Target{3, "given", ""};
        r.gate = GateResult{false, {{"", 1}, {"other", 3}}, {}, std::nullopt};
        CHECK(failures(render_junit(r)) == 0);  // overall bar 1; the bar for another dimension does not apply
        r.gate->bars.push_back({"d", 2});
        CHECK(failures(render_junit(r)) == 1);
    }
    SECTION("n/a and not asked are skipped") {
        r.assessment.questions[0].status = QuestionStatus::NotAsked;
        r.assessment.questions[0].reason = "not asked: batch only";
        std::string xml = render_junit(r);
        CHECK(count(xml, "<skipped ") == 2);
        CHECK(contains(xml, "<skipped message=\"not asked: batch only\"/>"));
        CHECK(contains(xml, "<skipped message=\"answered n/a\"/>"));
    }
}

TEST_CASE("JUnit test case names are the question ids, stable as answers change") {
    const std::string xml = render_junit(fixture("acme-q2.json"));
    CHECK(contains(xml, "<testcase classname=\"mlops.data\" name=\"data-sources-documented\" time=\"0\"/>"));
    CHECK(contains(xml, "<testcase classname=\"mlops.data\" name=\"data-lineage\" time=\"0\">"));
    CHECK(count(xml, "<testsuite ") == 9);
    CHECK(count(xml, "<testcase ") == 77);
}

TEST_CASE("every report format is offered by assess and report") {
    const auto formats = format_names(report_formats());
    for (const char* f : {"text", "json", "markdown", "html", "junit"})
        CHECK(std::find(formats.begin(), formats.end(), f) != formats.end());
    const Report r = small_report();
    TextOptions to;
    for (const auto& f : formats) CHECK_FALSE(render_report(r, f, to).empty());
    CHECK_THROWS_AS(render_report(r, "pdf", to), InputError);
}

// ---- contradictions (assess --scan), bidirectional controls and @mentions ----

namespace {

const std::string kRlo = "\xE2\x80\xAE";   // U+202E RIGHT-TO-LEFT OVERRIDE
const std::string kLri = "\xE2\x81\xA6";   // U+2066 LEFT-TO-RIGHT ISOLATE
const std::string kPdi = "\xE2\x81\xA9";   // U+2069 POP DIRECTIONAL ISOLATE
const std::string kLre = "\xE2\x80\xAA";   // U+202A LEFT-TO-RIGHT EMBEDDING
const std::string kZwsp = "\xE2\x80\x8B";  // U+200B ZERO WIDTH SPACE

bool has_bidi(const std::string& s) {
    for (const std::string& c : {kRlo, kLri, kPdi, kLre, std::string("\xE2\x80\xAB"), std::string("\xE2\x80\xAC"),
                                 std::string("\xE2\x80\xAD"), std::string("\xE2\x81\xA7"), std::string("\xE2\x81\xA8")})
        if (contains(s, c)) return true;
    return false;
}

Report report_with_contradictions() {
    Report r = small_report();
    r.contradictions = std::vector<Contradiction>{
        {"p1", Contradiction::Kind::NoButEvidence,
         {{"src/<b>x</b>|`y`.py", 3, ""}, {"dvc.yaml", 0, ""}, {"data/raw.dvc", 0, ""}}},
        {"p2", Contradiction::Kind::YesUnverified, {}},
        {"p3", Contradiction::Kind::NoButEvidence, {{"dvc.yaml", 0, ""}}},
    };
    return r;
}

}  // namespace

TEST_CASE("escapers drop bidirectional overrides, embeddings and isolates") {
    const std::string s = "a" + kRlo + "b" + kLri + "c" + kPdi + "d" + kLre + "e\xE2\x80\xAC" "f";
    CHECK(xml_escape(s) == "abcdef");
    CHECK(markdown_escape(s) == "abcdef");
    // Neighbours of the range stay: U+2029 is not a bidi control here, nor U+206A; right-to-left text stays.
    CHECK(xml_escape("\xE2\x80\xA9|\xE2\x81\xAA") == "\xE2\x80\xA9|\xE2\x81\xAA");
    CHECK(xml_escape("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D") == "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");  // Hebrew
}

TEST_CASE("markdown_escape keeps @mentions from notifying, and reads the same") {
    CHECK(markdown_escape("ask @alice") == "ask @" + kZwsp + "alice");
    CHECK(markdown_escape("@acme/ml-team") == "@" + kZwsp + "acme/ml-team");
    CHECK(markdown_escape("(@bob)") == "(@" + kZwsp + "bob)");
    // No mention, nothing inserted: an e-mail address, a lone '@', '@' before punctuation.
    CHECK(markdown_escape("me@example.com") == "me@example.com");
    CHECK(markdown_escape("a @ b @-x @") == "a @ b @-x @");
}

TEST_CASE("the Markdown and HTML reports list the answers the repository contradicts") {
    const Report r = report_with_contradictions();
    const std::string md = render_markdown(r);
    CHECK(contains(md, "\n### Answers the repository contradicts (3)\n\n"
                       "- `p1`: answered no, but evidence exists: src/&lt;b&gt;x&lt;/b&gt;\\|\\`y\\`.py:3 (+2 more)\n"
                       "- `p2`: answered yes, nothing in the repository shows it\n"
                       "- `p3`: answered no, but evidence exists: dvc.yaml\n"));
    const std::string html = render_html(r);
    CHECK(contains(html, "<h2>Answers the repository contradicts (3)</h2>\n<ul class=\"contradictions\">\n"
                         "<li><code>p1</code> · answered no, but evidence exists: "
                         "<code>src/&lt;b&gt;x&lt;/b&gt;|`y`.py:3</code> (+2 more)</li>\n"
                         "<li><code>p2</code> · answered yes, nothing in the repository shows it</li>\n"
                         "<li><code>p3</code> · answered no, but evidence exists: <code>dvc.yaml</code></li>\n"
                         "</ul>\n"));
    CHECK_FALSE(contains(html, "<b>x"));
    // Only when there are some: absent without a scan, and after a scan that found none.
    Report none = small_report();
    CHECK_FALSE(contains(render_markdown(none), "contradicts"));
    CHECK_FALSE(contains(render_html(none), "Answers the repository contradicts"));
    none.contradictions = std::vector<Contradiction>{};
    CHECK_FALSE(contains(render_markdown(none), "contradicts"));
    CHECK_FALSE(contains(render_html(none), "Answers the repository contradicts"));
}

TEST_CASE("Markdown and HTML reports carry no bidi controls and Markdown pings no one") {
    Report r = report_with_contradictions();
    r.team = "ML " + kRlo + "team" + kPdi + " @acme/ml-platform";
    r.questionnaire.title = "Q " + kLri + "title";
    r.contradictions->front().question = "p1" + kRlo;
    r.contradictions->front().evidence.front().path = "evil" + kRlo + "txt.exe";
    r.assessment.gaps.front().text = "Ask @carol " + kLre + "first";
    r.assessment.questions.front().note = "cc @dave";
    const std::string md = render_markdown(r);
    const std::string html = render_html(r);
    CHECK_FALSE(has_bidi(md));
    CHECK_FALSE(has_bidi(html));
    CHECK(contains(md, "## Q title: ML team @" + kZwsp + "acme/ml-platform"));
    CHECK(contains(md, "Ask @" + kZwsp + "carol first"));
    CHECK(contains(md, "evidence exists: eviltxt.exe:3 (+2 more)"));
    CHECK_FALSE(contains(md, "@carol"));
    CHECK_FALSE(contains(md, "@acme"));
    // HTML is not where GitHub looks for mentions: '@' stays as it is there.
    CHECK(contains(html, "Team: ML team @acme/ml-platform"));
    CHECK(contains(html, "<code>eviltxt.exe:3</code>"));
}

TEST_CASE("every report format rounds progress and scores the same way") {
    // 1.25 and 0.625 sit on rounding boundaries: printf-style rounding would show 1.2 and 62%, the other
    // formats 1.3 and 63%; every format must agree, and agree with a report read back from its JSON.
    Report r = small_report();
    r.assessment.dimensions[0].progress = 1.25;
    r.assessment.overall_score = 0.625;
    const std::string text = render_text(r, TextOptions{});
    const std::string md = render_markdown(r);
    const std::string html = render_html(r);
    CHECK(contains(text, "  1.3"));
    CHECK(contains(text, "score 63%"));
    CHECK(contains(md, "| 1.3 / 3 |"));
    CHECK(contains(md, "score 63%"));
    CHECK(contains(html, "Score 63%"));
    const Report back = read_report(render_json(r), "r.json");
    CHECK(contains(render_text(back, TextOptions{}), "  1.3"));
    CHECK(contains(render_markdown(back), "| 1.3 / 3 |"));
}

TEST_CASE("a level short of complete never shows as complete, in the JSON or on screen") {
    // 1000 : 0.01 of the weight is done: coverage 0.99999, which plain rounding to 4 decimals would store as 1.
    const Questionnaire q = test::questionnaire(R"(id: w
title: W
version: "1"
levels: [{level: 0, name: Zero}, {level: 1, name: One}]
dimensions:
  - id: d
    name: D
    questions:
      - {id: big, level: 1, text: "Big?", practice: "Do big.", weight: 1000}
      - {id: tiny, level: 1, text: "Tiny?", practice: "Do tiny.", weight: 0.01}
)");
    const Report r = make_report(q, score(q, test::answers("answers: {big: yes, tiny: no}\n")));
    const std::string json = render_json(r);
    CHECK(contains(json, "\"coverage\": 0.9999"));
    CHECK(contains(json, "\"met\": false"));
    CHECK(contains(json, "\"score\": 0.9999"));
    const std::string text = render_text(r, TextOptions{});
    CHECK(contains(text, "score 99%"));
    CHECK(contains(text, "  0.9"));
    CHECK(contains(render_markdown(r), "score 99%"));

    CHECK(round_within_whole(0.99996) == Approx(0.9999));
    CHECK(round_within_whole(1.99996) == Approx(1.9999));
    CHECK(round_within_whole(0.33335) == Approx(0.3334));
    CHECK(round_within_whole(2.0) == Approx(2.0));
    CHECK(round_within_whole(1.96, 10.0) == Approx(1.9));
    CHECK(round_within_whole(1.25, 10.0) == Approx(1.3));
}

TEST_CASE("a report scored with a scope marks the cap in every format and reads back the same") {
    Questionnaire q = test::questionnaire(read_source(test::data_file("valid/small.yaml")).text, "small.yaml");
    AnswerSet answers = test::answers(
        "profile: {serving: batch}\n"
        "answers: {data-documented: yes, release-documented: yes, release-path: 1, data-versioned: no}\n"
        "scope: {up_to_level: 1}\n");
    check_answers(q, answers);
    Report r = make_report(q, score(q, answers));
    r.tool_version = "1.2.3";
    REQUIRE(r.assessment.up_to_level == 1);
    const std::string mark = "levels above 1 not assessed (1 question left out)";  // data-versioned
    CHECK(contains(render_text(r, TextOptions{}), "Capped: " + mark));
    CHECK(contains(render_text_summary(r, TextOptions{}, 5), "Capped: " + mark));
    CHECK(contains(render_markdown(r), "**Capped:** " + mark));
    CHECK(contains(render_html(r), "<strong>capped:</strong> " + mark));
    CHECK(contains(render_roadmap_text(r, TextOptions{}), "Capped: " + mark));
    CHECK(contains(render_junit(r), "<skipped message=\"not assessed: above level 1\"/>"));
    const std::string json = render_json(r);
    CHECK(contains(json, "\"scope\": {\n    \"up_to_level\": 1\n  }"));
    CHECK(contains(json, "\"not_assessed\": [\n    {\n      \"question\": \"data-versioned\""));
    CHECK(contains(json, "\"answer\": \"no\""));  // given anyway: kept, not counted
    CHECK(contains(json, "\"assessed\": false"));  // level 2 of each dimension
    // Read back: the same report, byte for byte, in every format.
    const Report back = read_report(json, "r.json");
    CHECK(back.assessment.up_to_level == 1);
    CHECK(render_json(back) == json);
    CHECK(render_text(back, TextOptions{}) == render_text(r, TextOptions{}));
    CHECK(render_markdown(back) == render_markdown(r));
    CHECK(render_html(back) == render_html(r));
    CHECK(render_junit(back) == render_junit(r));
    // Without a scope, none of it.
    AnswerSet all = answers;
    all.up_to_level.reset();
    Report plain = make_report(q, score(q, all));
    CHECK_FALSE(contains(render_json(plain), "\"scope\""));
    CHECK_FALSE(contains(render_json(plain), "not_assessed"));
    CHECK_FALSE(contains(render_text(plain, TextOptions{}), "not assessed"));
}

TEST_CASE("a saved report's scope is checked") {
    Report r;
    r.tool_version = "1";
    r.questionnaire.id = "q";
    r.questionnaire.levels = {{0, "zero", ""}, {1, "one", ""}, {2, "two", ""}};
    r.assessment.dimensions.push_back({"d", "D", 0, 0.0, {{1, 0.0, false, 1}, {2, 0.0, false, 1}}, {}});
    std::string json = render_json(r);
    auto error = [](const std::string& text) { return test::first_error([&] { read_report(text, "r.json"); }); };
    const std::string at = "\"not_asked\": []";
    REQUIRE(contains(json, at));
    std::string unscoped = json;
    unscoped.replace(unscoped.find(at), at.size(), at + ", \"not_assessed\": []");
    CHECK(error(unscoped) == "r.json: error: not_assessed: is only written with 'scope', which this report lacks");
    std::string bad = json;
    bad.replace(bad.find(at), at.size(), at + ", \"scope\": {\"up_to_level\": 7}");
    CHECK(contains(error(bad), "scope.up_to_level"));
}

// "Why level N": who holds the level, worded once (render_util's held_by_text) and laid out per format; the text
// report names a single dimension that holds it.
TEST_CASE("every format says why the level is what it is: all dimensions, one, or several") {
    Report r = small_report();
    Assessment& a = r.assessment;
    a.dimensions[0].missing_for_next = {"p2"};
    a.held_by = {"d"};
    const TextOptions plain;
    // One dimension, which holds the level: every dimension is at it.
    CHECK(contains(render_text(r, plain), "Why level 1: every dimension is at level 1. Level 2 (two) needs:\n"
                                          "  d         p2\n"));
    CHECK(contains(render_markdown(r), "**Why level 1:** every dimension is at level 1. Level 2 (two) needs:\n\n"
                                       "- Dim: `p2`\n"));
    CHECK(contains(render_html(r), "<div class=\"why\"><strong>Why level 1:</strong> every dimension is at level 1. "
                                   "Level 2 (two) needs:<ul>\n<li>Dim: <code>p2</code></li>\n</ul></div>"));
    // Two dimensions, one holds it: named in text, counted elsewhere.
    a.dimensions.push_back({"e", "Else", 2, 2.0, {{1, 1.0, true, 1}, {2, 1.0, true, 1}, {3, 0.0, false, 1}}, {"p6"}});
    CHECK(contains(render_text(r, plain), "Why level 1: held by Dim. Level 2 (two) needs:\n"));
    CHECK(contains(render_markdown(r), "**Why level 1:** held by 1 dimension. Level 2 (two) needs:\n"));
    CHECK(contains(render_html(r), "<strong>Why level 1:</strong> held by 1 dimension. Level 2 (two) needs:<ul>"));
    // Three dimensions, two hold it.
    a.dimensions.push_back({"f", "Far", 1, 1.0, {{1, 1.0, true, 1}, {2, 0.0, false, 1}, {3, 0.0, false, 1}}, {"p5"}});
    a.held_by = {"d", "f"};
    for (const std::string& out : {render_text(r, plain), render_markdown(r), render_html(r)})
        CHECK(contains(out, "held by 2 dimensions. Level 2 (two) needs:"));
    CHECK(contains(render_markdown(r), "- Dim: `p2`\n- Far: `p5`\n"));
    // At the overall level's top, or with nothing holding it, no "Why level".
    a.held_by.clear();
    CHECK_FALSE(contains(render_text(r, plain), "Why level"));
    CHECK_FALSE(contains(render_markdown(r), "Why level"));
    CHECK_FALSE(contains(render_html(r), "Why level"));
}
