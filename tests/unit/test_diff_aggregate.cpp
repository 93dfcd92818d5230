// diff_reports, the Aggregator and the light report reader used by aggregate.
#include "catch.hpp"
#include "helpers.hpp"
#include "mm/aggregate.hpp"
#include "mm/diff.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"

using namespace mm;

namespace {

Report fixture(const std::string& name) {
    SourceText s = read_source(test::data_file("reports/" + name));
    return read_report(s.text, s.name);
}

// A report with dimensions {a, b} at the given levels and the given questions' statuses and gaps.
Report report(int overall, int a, int b, const std::vector<std::pair<std::string, QuestionStatus>>& questions,
              const std::vector<std::string>& gaps, const std::string& qid = "q") {
    Report r;
    r.questionnaire.id = qid;
    r.questionnaire.digest = "sha256:1";
    r.questionnaire.levels = {{0, "zero", ""}, {1, "one", ""}, {2, "two", ""}};
    r.assessment.overall_level = overall;
    r.assessment.dimensions = {{"a", "A", a, double(a), {}, {}}, {"b", "B", b, double(b), {}, {}}};
    for (const auto& [id, status] : questions) {
        QuestionResult qr;
        qr.question = id;
        qr.dimension = "a";
        qr.status = status;
        r.assessment.questions.push_back(qr);
    }
    int priority = 0;
    for (const auto& id : gaps) {
        Gap g;
        g.question = id;
        g.dimension = "a";
        g.level = 1;
        g.priority = ++priority;
        r.assessment.gaps.push_back(g);
    }
    return r;
}

std::vector<std::string> ids(const std::vector<PracticeChange>& v) {
    std::vector<std::string> out;
    for (const auto& p : v) out.push_back(p.question);
    return out;
}

constexpr auto Answered = QuestionStatus::Answered;
constexpr auto NotApplicable = QuestionStatus::NotApplicable;
constexpr auto NotAsked = QuestionStatus::NotAsked;
constexpr auto Unanswered = QuestionStatus::Unanswered;

}  // namespace

TEST_CASE("diff sorts practices into adopted, lost, still open, newly open and dropped") {
    Report old_r = report(1, 1, 2,
                          {{"adopt", Answered}, {"lose", Answered}, {"open", Unanswered}, {"new-q", NotAsked},
                           {"drop", Answered}},
                          {"adopt", "open", "drop"});
    Report new_r = report(1, 2, 2,
                          {{"adopt", Answered}, {"lose", Answered}, {"open", Answered}, {"new-q", Answered},
                           {"drop", NotApplicable}},
                          {"open", "lose", "new-q"});
    ReportDiff d = diff_reports(old_r, new_r);
    CHECK(ids(d.adopted) == std::vector<std::string>{"adopt"});
    CHECK(ids(d.lost) == std::vector<std::string>{"lose"});
    CHECK(ids(d.still_open) == std::vector<std::string>{"open"});
    CHECK(ids(d.newly_open) == std::vector<std::string>{"new-q"});
    CHECK(ids(d.dropped) == std::vector<std::string>{"drop"});
    CHECK(d.dimensions.size() == 2);
    CHECK(d.dimensions[0].change() == 1);
    CHECK_FALSE(d.regressed());
    CHECK_FALSE(d.digest_changed());
}

TEST_CASE("diff: a regression is any level going down, overall or in a dimension") {
    CHECK(diff_reports(report(1, 1, 1, {}, {}), report(0, 1, 1, {}, {})).regressed());
    CHECK(diff_reports(report(1, 1, 2, {}, {}), report(1, 1, 1, {}, {})).regressed());
    CHECK_FALSE(diff_reports(report(1, 1, 2, {}, {}), report(2, 2, 2, {}, {})).regressed());
    // A dimension that only one report has is reported, never a regression.
    Report fewer = report(1, 1, 2, {}, {});
    fewer.assessment.dimensions.pop_back();
    ReportDiff d = diff_reports(report(1, 1, 2, {}, {}), fewer);
    CHECK_FALSE(d.regressed());
    REQUIRE(d.dimensions.size() == 2);
    CHECK_FALSE(d.dimensions[1].in_new);
}

TEST_CASE("diff refuses reports of different questionnaires and notices a changed one") {
    CHECK(test::first_error([] { diff_reports(report(0, 0, 0, {}, {}), report(0, 0, 0, {}, {}, "other"), "a.json", "b.json"); }) ==
          "b.json: error: is a report of questionnaire 'other', but a.json is of 'q': diff compares two assessments "
          "of the same questionnaire");
    Report changed = report(0, 0, 0, {}, {});
    changed.questionnaire.digest = "sha256:2";
    CHECK(diff_reports(report(0, 0, 0, {}, {}), changed).digest_changed());
}

TEST_CASE("diff renders as JSON, text and Markdown") {
    ReportDiff d = diff_reports(fixture("acme-q1.json"), fixture("acme-q2.json"));
    CHECK(render_diff_json(d).find("\"regressed\": true") != std::string::npos);
    TextOptions to;
    std::string text = render_diff_text(d, to);
    CHECK(text.find("Overall level 0: No MLOps → 1: DevOps but no MLOps  ▲ +1") != std::string::npos);
    CHECK(text.find("Newly adopted (5)") != std::string::npos);
    CHECK(text.find("Newly lost (2)") != std::string::npos);
    std::string md = render_diff_markdown(d);
    CHECK(md.find("- [x] ") != std::string::npos);
}

TEST_CASE("a team's name falls back to the file's base name") {
    CHECK(team_name_from_path("reports/ml-a.json") == "ml-a");
    CHECK(team_name_from_path("ml-b.report.json") == "ml-b.report");
    CHECK(team_name_from_path("/x/y/noext") == "noext");
    CHECK(team_name_from_path(".hidden") == ".hidden");
    CHECK(team_name_from_path("<stdin>") == "<stdin>");
}

TEST_CASE("the Aggregator counts levels per dimension and the practices missing most often") {
    auto summary = [](const std::string& team, int overall, int a, std::vector<std::pair<std::string, GapGroup>> gaps) {
        ReportSummary s;
        s.team = team;
        s.questionnaire.id = "q";
        s.questionnaire.digest = "sha256:1";
        s.questionnaire.levels = {{0, "zero", ""}, {1, "one", ""}, {2, "two", ""}};
        s.overall_level = overall;
        s.dimensions = {{"a", "A", a}};
        for (auto& [id, group] : gaps) s.gaps.push_back({id, "a", 1, id + "?", "do " + id, group});
        return s;
    };
    Aggregator agg;
    agg.add(summary("t1", 0, 0, {{"x", GapGroup::Blocking}, {"y", GapGroup::Optional}}), "t1.json");
    agg.add(summary("", 1, 1, {{"x", GapGroup::Next}, {"y", GapGroup::Optional}, {"z", GapGroup::Optional}}),
            "dir/t2.json");
    ReportSummary third = summary("t3", 2, 2, {{"y", GapGroup::Optional}});
    third.dimensions.push_back({"b", "B", 1});  // a dimension the others lack
    agg.add(third, "t3.json");
    CHECK(test::first_error([&] { agg.add(summary("t4", 0, 0, {}), "t4.json"); }) == "");
    ReportSummary other = summary("t5", 0, 0, {});
    other.questionnaire.id = "other";
    CHECK(test::first_error([&] { agg.add(other, "t5.json"); }) ==
          "t5.json: error: is a report of questionnaire 'other', but t1.json is of 'q': aggregate compares reports of "
          "one questionnaire");

    Aggregate a = std::move(agg).finish(2);
    REQUIRE(a.teams.size() == 4);
    CHECK(a.teams[1].team == "t2");
    CHECK(a.overall_distribution == std::vector<std::size_t>{2, 1, 1});
    REQUIRE(a.dimensions.size() == 2);
    CHECK(a.dimensions[0].distribution == std::vector<std::size_t>{2, 1, 1});
    CHECK(a.dimensions[0].mean == Approx(0.75));
    CHECK(a.dimensions[1].distribution == std::vector<std::size_t>{0, 1, 0});
    CHECK(a.teams[0].levels == std::vector<int>{0, -1});  // padded
    CHECK(a.teams[2].levels == std::vector<int>{2, 1});
    // x is needed by two teams (once blocking); y is missing in three but never needed; top 2 of 3.
    CHECK(a.practices_missing == 3);
    REQUIRE(a.most_missing.size() == 2);
    CHECK(a.most_missing[0].question == "x");
    CHECK(a.most_missing[0].needed == 2);
    CHECK(a.most_missing[0].blocking == 1);
    CHECK(a.most_missing[1].question == "y");
    CHECK(a.most_missing[1].missing == 3);
    CHECK(a.most_missing[1].needed == 0);
    CHECK(a.digests == 1);
}

TEST_CASE("read_report_summary reads what summarize(read_report(...)) would") {
    for (const char* name : {"acme-q1.json", "acme-q2-gate.json", "beta.json", "gamma.json", "hostile.json"}) {
        SourceText s = read_source(test::data_file(std::string("reports/") + name));
        ReportSummary fast = read_report_summary(s.text, s.name);
        ReportSummary full = summarize(read_report(s.text, s.name));
        INFO(name);
        CHECK(fast.team == full.team);
        CHECK(fast.questionnaire.id == full.questionnaire.id);
        CHECK(fast.questionnaire.title == full.questionnaire.title);
        CHECK(fast.questionnaire.version == full.questionnaire.version);
        CHECK(fast.questionnaire.digest == full.questionnaire.digest);
        REQUIRE(fast.questionnaire.levels.size() == full.questionnaire.levels.size());
        for (std::size_t i = 0; i < fast.questionnaire.levels.size(); ++i)
            CHECK(fast.questionnaire.levels[i].name == full.questionnaire.levels[i].name);
        CHECK(fast.overall_level == full.overall_level);
        CHECK(fast.score == full.score);
        CHECK(fast.target == full.target);
        REQUIRE(fast.dimensions.size() == full.dimensions.size());
        for (std::size_t i = 0; i < fast.dimensions.size(); ++i) {
            CHECK(fast.dimensions[i].id == full.dimensions[i].id);
            CHECK(fast.dimensions[i].name == full.dimensions[i].name);
            CHECK(fast.dimensions[i].level == full.dimensions[i].level);
        }
        REQUIRE(fast.gaps.size() == full.gaps.size());
        for (std::size_t i = 0; i < fast.gaps.size(); ++i) {
            CHECK(fast.gaps[i].question == full.gaps[i].question);
            CHECK(fast.gaps[i].dimension == full.gaps[i].dimension);
            CHECK(fast.gaps[i].level == full.gaps[i].level);
            CHECK(fast.gaps[i].text == full.gaps[i].text);
            CHECK(fast.gaps[i].practice == full.gaps[i].practice);
            CHECK(fast.gaps[i].group == full.gaps[i].group);
        }
    }
}

TEST_CASE("read_report_summary rejects what read_report rejects, with a located message") {
    auto error = [](const std::string& text) { return test::first_error([&] { read_report_summary(text, "r.json"); }); };
    CHECK(error(R"({"schema_version": 2})") ==
          "r.json: error: report schema version 2 is not supported: this tool reads version 1 (a newer mlops-maturity "
          "may read it)");
    CHECK(error("[1]") == "r.json: error: the report: expected a JSON object");
    CHECK(error(R"({"schema_version": 1})") == "r.json: error: the report: missing 'questionnaire'");
    CHECK(error(R"({"schema_version": 1, "questionnaire": []})") == "r.json: error: questionnaire: expected an object");
    CHECK(error(R"({"schema_version": "1"})") == "r.json: error: schema_version: expected a whole number");
    CHECK(error("{\n  \"schema_version\": 1,\n  oops") .find("r.json:3:") == 0);
    const std::string questionnaire =
        R"("questionnaire":{"id":"q","title":"t","version":"1","digest":"d","levels":[{"level":0,"name":"z"},{"level":1,"name":"o"}]})";
    CHECK(error(R"({"schema_version":1,)" + questionnaire + R"(,
                   "overall":{"level":0,"name":"z","score":0},"dimensions":[{"id":"a","name":"A"}],"gaps":[]})") ==
          "r.json: error: dimensions[0]: missing 'level'");
    CHECK(error(R"({"schema_version":1,)" + questionnaire + R"(,
                   "overall":{"level":0,"name":"z","score":0},"dimensions":[],"gaps":[{"question":7}]})") ==
          "r.json: error: gaps[0].question: expected a string");
    std::string deep(40, '[');
    CHECK(error("{\"x\": " + deep).find("nests deeper than 32") != std::string::npos);
}

TEST_CASE("supersedes: the later date wins, undated counts as oldest, on a tie the report given later") {
    CHECK(supersedes("2026-06-30", "2026-03-31"));
    CHECK_FALSE(supersedes("2026-03-31", "2026-06-30"));
    CHECK(supersedes("2026-03-31", "2026-03-31"));
    CHECK(supersedes("", ""));
    CHECK(supersedes("2026-03-31", ""));
    CHECK_FALSE(supersedes("", "2026-03-31"));
}

TEST_CASE("the Aggregator keeps a team's latest report and counts only the reports it keeps") {
    auto summary = [](const std::string& team, const std::string& date, int level, const std::string& dim,
                      std::vector<std::pair<std::string, GapGroup>> gaps, const std::string& digest = "sha256:1") {
        ReportSummary s;
        s.team = team;
        s.date = date;
        s.questionnaire.id = "q";
        s.questionnaire.digest = digest;
        s.questionnaire.levels = {{0, "zero", ""}, {1, "one", ""}, {2, "two", ""}};
        s.overall_level = level;
        s.target = level + 1;
        s.dimensions = {{"a", "A", level}};
        if (!dim.empty()) s.dimensions.push_back({dim, dim, level});
        for (auto& [id, group] : gaps) s.gaps.push_back({id, "a", 1, id + "?", "do " + id, group});
        return s;
    };
    Aggregator agg;
    // x: newer, given first; then another team; then x's older report (left out), then a newer one (kept).
    agg.add(summary("x", "2026-06-30", 1, "", {{"p", GapGroup::Blocking}}), "x-q2.json");
    agg.add(summary("y", "", 0, "", {{"p", GapGroup::Next}}), "y.json");
    agg.add(summary("x", "2026-03-31", 0, "old-only", {{"q", GapGroup::Blocking}}, "sha256:2"), "x-q1.json");
    agg.add(summary("x", "2026-09-30", 2, "", {{"r", GapGroup::Optional}}), "x-q3.json");
    // Reports without a team name are named after their files and never merged.
    agg.add(summary("", "", 0, "", {}), "a/report.json");
    agg.add(summary("", "", 0, "", {}), "b/report.json");
    Aggregate a = std::move(agg).finish(10);

    REQUIRE(a.teams.size() == 4);
    CHECK(a.teams[0].team == "x");  // in the row of the team's first report
    CHECK(a.teams[0].source == "x-q3.json");
    CHECK(a.teams[0].date == "2026-09-30");
    CHECK(a.teams[0].overall_level == 2);
    CHECK(a.teams[0].target == 3);
    CHECK(a.teams[2].team == "report");
    CHECK(a.teams[3].team == "report");
    CHECK(a.overall_distribution == std::vector<std::size_t>{3, 0, 1});
    // The left-out reports count nowhere: no column of their own, no practice, no digest.
    REQUIRE(a.dimensions.size() == 1);
    CHECK(a.dimensions[0].distribution == std::vector<std::size_t>{3, 0, 1});
    CHECK(a.dimensions[0].mean == Approx(0.5));
    CHECK(a.digests == 1);
    CHECK(a.practices_missing == 2);
    REQUIRE(a.most_missing.size() == 2);
    CHECK(a.most_missing[0].question == "p");
    CHECK(a.most_missing[0].needed == 1);
    CHECK(a.most_missing[0].blocking == 0);
    CHECK(a.most_missing[1].question == "r");
    // What was left out, in the order given, each with the report kept in the end.
    REQUIRE(a.superseded.size() == 2);
    CHECK(a.superseded[0].source == "x-q1.json");
    CHECK(a.superseded[0].date == "2026-03-31");
    CHECK(a.superseded[0].kept_source == "x-q3.json");
    CHECK(a.superseded[1].source == "x-q2.json");
    CHECK(a.superseded[1].kept_date == "2026-09-30");
}

TEST_CASE("diff_warnings: two teams, another questionnaire version or digest, another rule, dates out of order") {
    Report old_r = report(1, 1, 1, {}, {});
    Report new_r = report(1, 1, 1, {}, {});
    CHECK(diff_warnings(diff_reports(old_r, new_r)).empty());
    old_r.team = "a";
    CHECK(diff_warnings(diff_reports(old_r, new_r)).empty());  // one side says nothing about its team
    new_r.team = "b";
    old_r.date = "2026-06-30";
    new_r.date = "2026-03-31";
    new_r.questionnaire.version = "2";
    new_r.questionnaire.digest = "sha256:2";
    new_r.assessment.rule = 2;
    const auto w = diff_warnings(diff_reports(old_r, new_r));
    REQUIRE(w.size() == 4);
    CHECK(w[0] == "the reports are of different teams ('a' and 'b'); the diff compares two teams, not one team over "
                  "time");
    CHECK_THAT(w[1], Catch::StartsWith("the reports are of different versions of questionnaire 'q' ( -> 2)"));
    CHECK_THAT(w[2], Catch::StartsWith("the reports were scored by different rules (rule 1 -> rule 2"));
    CHECK(w[3] == "NEW is dated 2026-03-31, before OLD (2026-06-30): are the two reports given in the wrong order?");
    new_r.questionnaire.version = old_r.questionnaire.version;
    CHECK_THAT(diff_warnings(diff_reports(old_r, new_r))[1], Catch::StartsWith("the questionnaire 'q' changed"));
}

// With many dimensions the text heatmap heads its columns with the ids cut to one width; an id one column wider
// than that width is cut too, so every header lines up with the levels below it.
TEST_CASE("the aggregate text table cuts every column header to the column's width") {
    ReportSummary s;
    s.team = "t";
    s.questionnaire.id = "q";
    s.questionnaire.levels = {{0, "zero", ""}, {1, "one", ""}, {2, "two", ""}};
    // Thirteen ids of four letters whose first three tell them apart: 80 columns leave three for each.
    for (char c = 'a'; c < 'a' + 13; ++c) s.dimensions.push_back({std::string(3, c) + "x", "Name", 1});
    Aggregator agg;
    agg.add(s, "t.json");
    TextOptions to;
    to.width = 80;
    const std::string text = render_aggregate_text(std::move(agg).finish(10), to);
    const std::size_t header = text.find("Team ");
    REQUIRE(header != std::string::npos);
    const std::size_t row = text.find('\n', header) + 1;
    const std::string head_line = text.substr(header, row - 1 - header);
    const std::string team_line = text.substr(row, text.find('\n', row) - row);
    CHECK(head_line.size() == team_line.size());  // ASCII only: bytes are columns
    CHECK(head_line.size() <= 80);
    CHECK(head_line.find("Target aaa bbb ccc") != std::string::npos);
    CHECK(text.find("  aaa  aaax: Name\n") != std::string::npos);  // the legend spells the id out
}

TEST_CASE("diff: reports scored by points compare the final score and each section's points") {
    const Report m2 = fixture("mts-m02-gate.json"), m4 = fixture("mts-m04.json");
    ReportDiff up = diff_reports(m2, m4);
    REQUIRE(up.by_points());
    CHECK_FALSE(up.regressed());
    TextOptions plain;
    const std::string text = render_diff_text(up, plain);
    CHECK(text.find("Final score 1.5 → 5  ▲ +3.5   (band first-productionization → strong)") != std::string::npos);
    CHECK(text.find("Monitoring      1.5    5  ▲ +3.5") != std::string::npos);
    CHECK(text.find("Overall level") == std::string::npos);
    ReportDiff down = diff_reports(m4, m2);
    CHECK(down.regressed());  // the levels of both are 0: only the points show the fall
    CHECK(render_diff_markdown(down).find("| Monitoring | 5 | 1.5 | ▼ -3.5 |") != std::string::npos);
    const std::string json = render_diff_json(down);
    CHECK(json.find(R"("old_final": 5.0)") != std::string::npos);
    CHECK(json.find(R"("new_band": "first-productionization")") != std::string::npos);
    // A staircase diff has none of it.
    CHECK_FALSE(diff_reports(fixture("acme-q1.json"), fixture("acme-q2.json")).by_points());
}

TEST_CASE("aggregate: reports scored by points are flagged so the command can say it compares levels only") {
    auto summary = [](const std::string& name) {
        SourceText s = read_source(test::data_file("reports/" + name));
        return read_report_summary(s.text, s.name);
    };
    CHECK(summary("mts-m04.json").by_points);
    CHECK_FALSE(summary("acme-q1.json").by_points);
    CHECK(summarize(fixture("mts-m01.json")).by_points);  // the same from a whole report
    Aggregator agg;
    agg.add(summary("mts-m01.json"), "mts-m01.json");
    agg.add(summary("mts-m04.json"), "mts-m04.json");
    CHECK(std::move(agg).finish(5).by_points);
}

TEST_CASE("aggregate: a dimension a report gives no level to compare is no level in the table") {
    // From evidence, governance no file can show (shown: false); in a proof of concept, nothing of monitoring
    // applies (assessed: false). Both read back from JSON as not counted, so they are out of the means.
    Report r = fixture("acme-q1.json");
    REQUIRE(r.assessment.dimensions.size() >= 3);
    r.assessment.dimensions[0].shown = false;
    r.assessment.dimensions[1].assessed = false;
    const std::string json = render_report(r, "json", {});
    ReportSummary streamed = read_report_summary(json, "r.json");
    ReportSummary built = summarize(r);
    for (const ReportSummary* s : {&streamed, &built}) {
        REQUIRE(s->dimensions.size() == r.assessment.dimensions.size());
        CHECK_FALSE(s->dimensions[0].counted);
        CHECK_FALSE(s->dimensions[1].counted);
        CHECK(s->dimensions[2].counted);
        Aggregator agg;
        agg.add(*s, "r.json");
        Aggregate a = std::move(agg).finish(3);
        CHECK(a.teams[0].levels[0] == -1);
        CHECK(a.teams[0].levels[1] == -1);
        CHECK(a.teams[0].levels[2] == r.assessment.dimensions[2].level);
        CHECK(a.dimensions[0].distribution == std::vector<std::size_t>(a.dimensions[0].distribution.size(), 0));
    }
    // A wrong type is refused like any other bad value.
    std::string bad = json;
    bad.replace(bad.find("\"shown\": false"), 14, "\"shown\": 0");
    CHECK_THAT(test::first_error([&] { read_report_summary(bad, "r.json"); }), Catch::Contains("expected true or false"));
}
