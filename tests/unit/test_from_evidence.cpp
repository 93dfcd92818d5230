// An assessment from evidence (docs/scoring.md, "From evidence"): questions no file can show need a person and
// are never counted as "no"; choice questions suggested by an evidence rule's `suggests: LEVEL`.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/diagnostics.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"
#include "mm/scan.hpp"
#include "scoring_helpers.hpp"

using namespace mm;
using namespace mm::test;

namespace {

// Level 1: a checkable core practice and a core practice no file shows. Level 2: only a core practice no file
// shows. A choice question with a suggesting rule, and one without.
const char* kModel = R"(
id: fe
title: From evidence
version: "1"
scoring: {rule: 2}
levels:
  - {level: 0, name: None}
  - {level: 1, name: One}
  - {level: 2, name: Two}
dimensions:
  - id: d
    name: D
    questions:
      - id: tests
        level: 1
        core: true
        text: Tests?
        practice: p
        evidence:
          - path: "tests/**"
      - id: on-call
        level: 1
        core: true
        text: On-call?
        practice: p
      - id: kpis
        level: 2
        core: true
        text: KPIs?
        practice: p
  - id: e
    name: E
    questions:
      - id: retrain
        type: choice
        core: true
        text: Retraining?
        evidence:
          - {path: "train.py", suggests: 1}
          - {path: "dags/**", suggests: 2}
          - {path: "notes.md"}
        options:
          - {level: 0, text: by hand}
          - {level: 1, text: a script}
          - {level: 2, text: a scheduled pipeline}
      - id: backlog
        type: choice
        text: Backlog?
        evidence:
          - {path: "BACKLOG.md"}
        options:
          - {level: 0, text: none}
          - {level: 1, text: shared}
)";

ScoreOptions from_evidence() {
    ScoreOptions o;
    o.from_evidence = true;
    return o;
}

const QuestionResult& result(const Assessment& a, const std::string& id) {
    for (const auto& r : a.questions)
        if (r.question == id) return r;
    FAIL("no result for " << id);
    throw;
}

struct Tree {
    std::string root;
    Tree() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "mm-fe-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        root = tmpl;
    }
    ~Tree() {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    }
    void file(const std::string& rel) const {
        std::filesystem::create_directories(std::filesystem::path(root + "/" + rel).parent_path());
        std::ofstream(root + "/" + rel) << "x\n";
    }
};

}  // namespace

TEST_CASE("from evidence: which questions need a person is derived from their rules") {
    Questionnaire q = questionnaire(kModel);
    CHECK(q.find_question("tests")->evidence_can_show());
    CHECK_FALSE(q.find_question("on-call")->evidence_can_show());    // no rules
    CHECK(q.find_question("retrain")->evidence_can_show());          // a rule names an option
    CHECK_FALSE(q.find_question("backlog")->evidence_can_show());    // rules that name no option
}

TEST_CASE("from evidence: a question that needs a person is not a no") {
    const std::string ans = "answers:\n  tests: yes\n  retrain: 1\n";
    Assessment plain = score_answers(kModel, ans);
    CHECK(plain.overall_level == 0);  // on-call unanswered counts as not in place
    CHECK_FALSE(plain.from_evidence);
    CHECK(result(plain, "on-call").status == QuestionStatus::Unanswered);

    Assessment a = score_answers(kModel, ans, from_evidence());
    CHECK(a.from_evidence);
    CHECK(result(a, "on-call").status == QuestionStatus::NeedsPerson);
    CHECK(a.needs_person == std::vector<std::string>{"on-call", "kpis", "backlog"});
    CHECK(a.unanswered.empty());
    CHECK(dim(a, "d").level == 1);   // tests shows level 1; on-call is left to a person
    CHECK(dim(a, "e").level == 1);
    CHECK(a.overall_level == 1);
    // Left out of the score: only tests (1) and retrain (1 of 2 levels) count.
    CHECK(a.overall_score == Approx(2.0 / 3.0));
    // Still a step to confirm, listed as unanswered.
    CHECK(gap(a, "on-call").unanswered);
}

TEST_CASE("from evidence: a level that only a person can show is not met") {
    Assessment a = score_answers(kModel, "answers:\n  tests: yes\n  retrain: 2\n", from_evidence());
    const DimensionResult& d = dim(a, "d");
    CHECK(d.level == 1);                         // level 2 has only kpis, which needs a person
    CHECK_FALSE(d.levels.at(1).met);
    CHECK(d.levels.at(1).coverage == 0.0);
    CHECK(d.levels.at(1).defining_coverage == 0.0);
    CHECK(d.progress == Approx(1.0));
    CHECK(d.missing_for_next == std::vector<std::string>{"kpis"});
}

TEST_CASE("from evidence: checkable questions without evidence still count as not in place") {
    Assessment a = score_answers(kModel, "answers:\n  retrain: 2\n", from_evidence());
    CHECK(result(a, "tests").status == QuestionStatus::Unanswered);
    CHECK(a.unanswered == std::vector<std::string>{"tests"});
    CHECK(dim(a, "d").level == 0);
}

TEST_CASE("from evidence: with every answer given it is an ordinary assessment") {
    Assessment a = score_answers(
        kModel, "answers:\n  tests: yes\n  on-call: no\n  kpis: no\n  retrain: 1\n  backlog: 0\n", from_evidence());
    CHECK_FALSE(a.from_evidence);
    CHECK(a.needs_person.empty());
    CHECK(a.overall_level == 0);  // on-call answered no is a no
}

TEST_CASE("from evidence: the JSON report carries it and reads it back") {
    Questionnaire q = questionnaire(kModel);
    AnswerSet ans = answers("answers:\n  tests: yes\n  retrain: 1\n");
    Report r = make_report(q, score(q, ans, from_evidence()), std::nullopt);
    r.tool_version = "test";
    const std::string json = render_report(r, "json", {});
    CHECK(json.find("\"from_evidence\": {\n    \"level\": 1,\n    \"needs_person\": [\n      \"on-call\"") !=
          std::string::npos);
    Report back = read_report(json, "r.json");
    CHECK(back.assessment.from_evidence);
    CHECK(back.assessment.needs_person == r.assessment.needs_person);
    CHECK(render_report(back, "json", {}) == json);
    CHECK(render_report(back, "text", {}).find("Level from evidence: 1; 3 questions need a person (not counted as no).") !=
          std::string::npos);
    CHECK(render_report(back, "markdown", {}).find("Level from evidence: 1; 3 questions need a person (not counted as no).") !=
          std::string::npos);
    CHECK(render_report(back, "junit", {}).find("needs a person") != std::string::npos);

    std::string wrong = json;
    wrong.replace(wrong.find("\"level\": 1,\n    \"needs_person\""), 10, "\"level\": 0");
    CHECK_THROWS_WITH(read_report(wrong, "r.json"), Catch::Contains("from_evidence.level"));

    Report plain = make_report(q, score(q, ans), std::nullopt);
    CHECK(render_report(plain, "json", {}).find("from_evidence") == std::string::npos);
}

// Files that can only hint at a practice (every rule `suggests: partial`), and a dimension whose level 1 no file
// can show.
const char* kHints = R"(
id: hints
title: Hints
version: "1"
scoring: {rule: 2}
levels:
  - {level: 0, name: None}
  - {level: 1, name: One}
dimensions:
  - id: code
    name: Code
    questions:
      - id: tests
        level: 1
        core: true
        text: Tests?
        practice: p
        evidence:
          - path: "tests/**"
          - {path: "test_*.py", suggests: partial}
  - id: people
    name: People
    questions:
      - id: owners
        level: 1
        core: true
        text: Owners?
        practice: p
        evidence:
          - {path: CODEOWNERS, suggests: partial}
      - id: kpis
        level: 1
        text: KPIs?
        practice: p
)";

// `answers_yaml` as the scan would give it: every answer from evidence but those `given` by a person; scored from
// evidence unless `evidence` is false.
Assessment scan_answers(const char* model, const std::string& answers_yaml, const std::vector<std::string>& given,
                        bool evidence = true) {
    Questionnaire q = questionnaire(model);
    AnswerSet s = answers(answers_yaml);
    for (const auto& [id, _] : s.answers)
        s.sources[id] = std::find(given.begin(), given.end(), id) == given.end() ? AnswerSource::Evidence
                                                                                  : AnswerSource::Given;
    return score(q, s, evidence ? from_evidence() : ScoreOptions{});
}

Assessment from_scan(const std::string& answers_yaml, const std::vector<std::string>& given = {}) {
    return scan_answers(kHints, answers_yaml, given);
}

TEST_CASE("from evidence: a practice files can only hint at needs a person, hint or not") {
    Questionnaire q = questionnaire(kHints);
    CHECK(q.find_question("tests")->evidence_can_show());        // one rule suggests yes
    CHECK_FALSE(q.find_question("owners")->evidence_can_show()); // every rule suggests partial
    for (const char* ans : {"answers:\n  tests: yes\n  owners: partial\n", "answers:\n  tests: yes\n"}) {
        CAPTURE(ans);
        Assessment a = from_scan(ans);
        CHECK(result(a, "owners").status == QuestionStatus::NeedsPerson);  // a hint is not a partial
        CHECK(a.needs_person == std::vector<std::string>{"owners", "kpis"});
        CHECK(gap(a, "owners").unanswered);                                // still a step to confirm
    }
    // A person's answer counts as given, and an ordinary partial holds the level.
    Assessment a = from_scan("answers:\n  tests: yes\n  owners: partial\n", {"owners"});
    CHECK(result(a, "owners").status == QuestionStatus::Answered);
    CHECK(dim(a, "people").shown);
    CHECK(dim(a, "people").level == 0);
    CHECK(a.overall_level == 0);
}

TEST_CASE("from evidence: a dimension whose level 1 no file can show is left out of the level") {
    Assessment a = from_scan("answers:\n  tests: yes\n  owners: partial\n");
    CHECK(dim(a, "code").shown);
    CHECK(dim(a, "code").level == 1);
    CHECK_FALSE(dim(a, "people").shown);
    CHECK(dim(a, "people").level == 0);  // not met: evidence never grants what it cannot show
    CHECK(a.overall_level == 1);         // but it does not hold the level from evidence
    CHECK(a.held_by.empty());
    // What the files do show still holds it.
    Assessment none = from_scan("answers: {}\n");
    CHECK(none.overall_level == 0);
    CHECK(none.held_by == std::vector<std::string>{"code"});
    // Without evidence, an ordinary assessment: every dimension counts.
    Assessment plain = score_answers(kHints, "answers:\n  tests: yes\n  owners: partial\n");
    CHECK(dim(plain, "people").shown);
    CHECK(plain.overall_level == 0);
}

// Rule 3 with four levels: level 1 of `exp` only a person can show (code committed as the work happens); levels 2
// and 3 files can show (tracking, a registry).
const char* kVouched = R"(
id: vouched
title: Vouched
version: "1"
scoring: {rule: 3}
levels:
  - {level: 0, name: None}
  - {level: 1, name: One}
  - {level: 2, name: Two}
  - {level: 3, name: Three}
  - {level: 4, name: Four}
dimensions:
  - id: exp
    name: Experiments
    questions:
      - id: vcs
        level: 1
        core: true
        text: Committed as you go?
        practice: p
        evidence:
          - {path: .gitignore, suggests: partial}
      - id: tracking
        level: 2
        core: true
        text: Tracking?
        practice: p
        evidence:
          - path: MLproject
      - id: registry
        level: 3
        core: true
        text: Registry?
        practice: p
        evidence:
          - path: registry.py
      - id: top
        level: 4
        core: true
        text: Top?
        practice: p
        evidence:
          - path: top.py
)";

TEST_CASE("from evidence: levels the files show above a level only a person can show vouch for it") {
    Questionnaire q = questionnaire(kVouched);
    AnswerSet s = answers("answers:\n  tracking: yes\n  registry: yes\n");
    for (auto& [id, _] : s.answers) s.sources[id] = AnswerSource::Evidence;
    Assessment a = score(q, s, from_evidence());
    CHECK(result(a, "vcs").status == QuestionStatus::NeedsPerson);
    CHECK(dim(a, "exp").levels.at(0).met_from_above);
    CHECK(dim(a, "exp").level == 3);
    CHECK(dim(a, "exp").shown);  // the files show levels 2 and 3: the dimension speaks from evidence
    CHECK(a.overall_level == 3);
    // Nothing above: level 1 stays a person's to show, and the dimension is left out.
    Assessment none = score(q, answers("answers: {}\n"), from_evidence());
    CHECK_FALSE(dim(none, "exp").shown);
}

TEST_CASE("from evidence: when no dimension can be shown, every dimension counts") {
    const std::string only_people = std::string(kHints).substr(0, std::string(kHints).find("  - id: code")) +
                                    std::string(kHints).substr(std::string(kHints).find("  - id: people"));
    Questionnaire q = questionnaire(only_people);
    Assessment a = score(q, answers("answers: {}\n"), from_evidence());
    CHECK_FALSE(dim(a, "people").shown);
    CHECK(a.overall_level == 0);
    CHECK(a.held_by == std::vector<std::string>{"people"});
}

TEST_CASE("evidence: a choice question is suggested the highest option its matched rules name") {
    Questionnaire q = questionnaire(kModel);
    Tree t;
    t.file("train.py");
    t.file("notes.md");
    t.file("BACKLOG.md");
    ScanResult r = scan_tree(q, t.root);
    REQUIRE(r.find("retrain")->suggestion == AnswerKind::Choice);
    CHECK(r.find("retrain")->suggested_option == 1);
    CHECK_FALSE(r.find("backlog")->suggestion.has_value());  // evidence shown, no option named
    CHECK(r.find("backlog")->hits.size() == 1);
    t.file("dags/retrain.py");
    ScanResult r2 = scan_tree(q, t.root);
    CHECK(r2.find("retrain")->suggested_option == 2);
    AnswerSet s = suggested_answers(q, r2);
    REQUIRE(s.answers.count("retrain"));
    CHECK(s.answers["retrain"].kind == AnswerKind::Choice);
    CHECK(s.answers["retrain"].choice_level == 2);
    CHECK(s.sources["retrain"] == AnswerSource::Evidence);
    CHECK_FALSE(s.answers.count("backlog"));
}

TEST_CASE("questionnaire: 'suggests' names an option only on a choice question") {
    auto load_error = [](const std::string& yaml) -> std::string {
        try {
            questionnaire(yaml);
        } catch (const InputError& e) {
            return e.what();
        }
        return "";
    };
    const std::string head = "id: x\ntitle: X\nversion: '1'\nlevels:\n  - {level: 0, name: a}\n  - {level: 1, name: "
                             "b}\ndimensions:\n  - id: d\n    name: D\n    questions:\n";
    const std::string choice = head + "      - id: c\n        type: choice\n        text: C?\n        options:\n"
                                      "          - {level: 0, text: n}\n          - {level: 1, text: y}\n"
                                      "        evidence:\n";
    CHECK(load_error(choice + "          - {path: a, suggests: 1}\n").empty());
    CHECK_THAT(load_error(choice + "          - {path: a, suggests: 3}\n"),
               Catch::Contains("no option of this question has level 3 (its options: 0, 1)"));
    CHECK_THAT(load_error(choice + "          - {path: a, suggests: partial}\n"),
               Catch::Contains("on a choice question 'suggests' names the option"));
    const std::string practice = head + "      - id: p\n        level: 1\n        text: P?\n        practice: p\n"
                                        "        evidence:\n";
    CHECK(load_error(practice + "          - {path: a, suggests: partial}\n").empty());
    CHECK_THAT(load_error(practice + "          - {path: a, suggests: 1}\n"),
               Catch::Contains("a practice question's rule suggests 'yes' or 'partial'"));
}

// `if_not_shown: needs-person`: a practice files can show but that usually lives outside the repository
// (monitoring). Shown in full, it counts; not found or only hinted at, it needs a person instead of counting as
// "no" or "partial".
const char* kOutside = R"(
id: outside
title: Outside
version: "1"
scoring: {rule: 2}
levels:
  - {level: 0, name: None}
  - {level: 1, name: One}
dimensions:
  - id: code
    name: Code
    questions:
      - id: tests
        level: 1
        core: true
        text: Tests?
        practice: p
        evidence:
          - path: "tests/**"
  - id: watch
    name: Watch
    questions:
      - id: monitored
        level: 1
        core: true
        text: Monitored?
        practice: p
        if_not_shown: needs-person
        evidence:
          - path: "dashboards/**"
          - {path: "prometheus.yml", suggests: partial}
      - id: alerts
        level: 1
        text: Alerts?
        practice: p
        evidence:
          - path: "alerts/**"
)";

Assessment outside(const std::string& answers_yaml, const std::vector<std::string>& given = {},
                   bool evidence = true) {
    return scan_answers(kOutside, answers_yaml, given, evidence);
}

TEST_CASE("from evidence: if_not_shown: needs-person leaves a practice the files do not show in full to a person") {
    CHECK(questionnaire(kOutside).find_question("monitored")->needs_person_if_not_shown);
    CHECK_FALSE(questionnaire(kOutside).find_question("alerts")->needs_person_if_not_shown);
    // Nothing found: not counted as no, and its dimension, whose level 1 it alone defines, is left out.
    Assessment a = outside("answers:\n  tests: yes\n");
    CHECK(result(a, "monitored").status == QuestionStatus::NeedsPerson);
    CHECK(result(a, "alerts").status == QuestionStatus::Unanswered);  // without the key: not found is "no"
    CHECK_FALSE(dim(a, "watch").shown);
    CHECK(a.overall_level == 1);
    CHECK(std::find(a.needs_person.begin(), a.needs_person.end(), "monitored") != a.needs_person.end());
    // Only hinted at (a rule that suggests partial), it still needs a person: the rest may live outside.
    Assessment hinted = outside("answers:\n  tests: yes\n  monitored: partial\n");
    CHECK(result(hinted, "monitored").status == QuestionStatus::NeedsPerson);
    CHECK_FALSE(dim(hinted, "watch").shown);
    CHECK(hinted.overall_level == 1);
    // Shown in full, it counts as shown.
    Assessment found = outside("answers:\n  tests: yes\n  monitored: yes\n");
    CHECK(result(found, "monitored").status == QuestionStatus::Answered);
    CHECK(dim(found, "watch").shown);
    CHECK(found.overall_level == 1);
    // A person's partial is a partial: it holds the level.
    Assessment said_partial = outside("answers:\n  tests: yes\n  monitored: partial\n", {"monitored"});
    CHECK(result(said_partial, "monitored").status == QuestionStatus::Answered);
    CHECK(said_partial.overall_level == 0);
    // A person's "no" is a no.
    Assessment said_no = outside("answers:\n  tests: yes\n  monitored: no\n", {"monitored"});
    CHECK(result(said_no, "monitored").status == QuestionStatus::Answered);
    CHECK(said_no.overall_level == 0);
    // Without evidence, an ordinary assessment: unanswered counts as not in place.
    Assessment plain = outside("answers:\n  tests: yes\n", {}, false);
    CHECK(result(plain, "monitored").status == QuestionStatus::Unanswered);
    CHECK(plain.overall_level == 0);
}

TEST_CASE("questionnaire: if_not_shown is 'no' or 'needs-person' on a question files can show") {
    auto load_error = [](const std::string& yaml) -> std::string {
        try {
            questionnaire(yaml);
        } catch (const InputError& e) {
            return e.what();
        }
        return "";
    };
    const std::string head = "id: x\ntitle: X\nversion: '1'\nlevels:\n  - {level: 0, name: a}\n  - {level: 1, name: "
                             "b}\ndimensions:\n  - id: d\n    name: D\n    questions:\n"
                             "      - id: p\n        level: 1\n        text: P?\n        practice: p\n";
    CHECK(load_error(head + "        if_not_shown: no\n        evidence:\n          - {path: a}\n").empty());
    CHECK(load_error(head + "        if_not_shown: needs-person\n        evidence:\n          - {path: a}\n").empty());
    CHECK_THAT(load_error(head + "        if_not_shown: maybe\n        evidence:\n          - {path: a}\n"),
               Catch::Contains("q.yaml:15:23: error: 'if_not_shown' must be 'no'") && Catch::Contains("not 'maybe'"));
    CHECK_THAT(load_error(head + "        if_not_shown: needs-person\n"),
               Catch::Contains("'if_not_shown' needs evidence rules that can show the practice"));
    CHECK_THAT(load_error(head + "        if_not_shown: needs-person\n        evidence:\n"
                                 "          - {path: a, suggests: partial}\n"),
               Catch::Contains("'if_not_shown' needs evidence rules that can show the practice"));
}
