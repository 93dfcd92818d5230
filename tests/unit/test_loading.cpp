#include <algorithm>
#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/answers_file.hpp"
#include "mm/document.hpp"

using namespace mm;
using mm::test::all_errors;
using mm::test::first_error;
using mm::test::questionnaire;

namespace {

const char* kMinimal = R"(id: tiny
title: Tiny
version: "1"
levels:
  - {level: 0, name: None}
  - {level: 1, name: Some}
dimensions:
  - id: d
    name: D
    questions:
      - id: q1
        level: 1
        text: Q1?
        practice: Do Q1.
)";

std::string with(const std::string& from, const std::string& to) {
    std::string s = kMinimal;
    auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
    return s;
}

}  // namespace

TEST_CASE("a minimal questionnaire loads with defaults") {
    Questionnaire q = questionnaire(kMinimal);
    CHECK(q.id == "tiny");
    CHECK(q.max_level() == 1);
    CHECK(q.pass_threshold == 1.0);
    REQUIRE(q.dimensions.size() == 1);
    CHECK(q.dimensions[0].questions[0].weight == 1.0);
    CHECK(q.dimensions[0].questions[0].type == QuestionType::Practice);
    CHECK(q.digest.rfind("sha256:", 0) == 0);
    CHECK(q.digest == content_digest(kMinimal));
}

TEST_CASE("sha256 matches the standard test vectors") {
    CHECK(content_digest("") == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(content_digest("abc") == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(content_digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "sha256:248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(content_digest(std::string(1000000, 'a')) ==
          "sha256:cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("questionnaire errors are located and say what is expected") {
    CHECK(first_error([] { questionnaire(with("title: Tiny\n", "")); }) ==
          "q.yaml:1:1: error: missing required key 'title' in the questionnaire");
    CHECK(mm::test::all_errors([] { questionnaire(with("title: Tiny", "titel: Tiny")); }) ==
          "q.yaml:1:1: error: missing required key 'title' in the questionnaire\n"
          "q.yaml:2:1: error: unknown key 'titel' in the questionnaire (did you mean 'title'?)");
    CHECK(first_error([] { questionnaire(with("level: 1\n        text", "level: 7\n        text")); }) ==
          "q.yaml:12:16: error: level 7 is outside the questionnaire's levels: a practice belongs to a level from 1 to 1");
    CHECK(first_error([] { questionnaire(with("level: 1\n        text", "level: one\n        text")); }) ==
          "q.yaml:12:16: error: 'level' must be a whole number, not 'one'");
    CHECK(first_error([] { questionnaire(with("id: tiny", "id: Tiny Model")); }).find("lowercase letters") !=
          std::string::npos);
    CHECK(first_error([] { questionnaire(with("version: \"1\"\n", "version: \"1\"\nscoring: {pass_threshold: 1.5}\n")); })
              .find("'pass_threshold' must be above 0 and at most 1") != std::string::npos);
    CHECK(first_error([] { questionnaire(with("    questions:", "    questions: []\n    x:")); }).find("'questions'") !=
          std::string::npos);
}

TEST_CASE("duplicate ids and texts are errors") {
    std::string dup = std::string(kMinimal) +
                      "      - id: q1\n        level: 1\n        text: Another?\n        practice: P.\n";
    CHECK(first_error([&] { questionnaire(dup); }) ==
          "q.yaml:15:13: error: duplicate id 'q1' (first used at line 11)");
    std::string dup_text = std::string(kMinimal) +
                           "      - id: q2\n        level: 1\n        text: Q1?\n        practice: P.\n";
    CHECK(first_error([&] { questionnaire(dup_text); }).find("the same question text is already asked at line 13") !=
          std::string::npos);
}

TEST_CASE("choice questions need options with distinct levels") {
    std::string no_options = std::string(kMinimal) +
                             "      - id: c\n        type: choice\n        text: C?\n        practice: P.\n";
    CHECK(first_error([&] { questionnaire(no_options); }).find("missing required key 'options' in a choice question") !=
          std::string::npos);
    std::string dup_levels = std::string(kMinimal) +
                             "      - id: c\n        type: choice\n        text: C?\n        practice: P.\n"
                             "        options:\n          - {level: 1, text: A}\n          - {level: 1, text: B}\n";
    CHECK(first_error([&] { questionnaire(dup_levels); }).find("two options of this question have level 1") !=
          std::string::npos);
}

TEST_CASE("every error is reported, not just the first") {
    std::string bad = with("title: Tiny", "titel: Tiny");
    bad = bad.substr(0, bad.find("version"));  // also drops levels and dimensions
    try {
        questionnaire(bad);
        FAIL("expected an error");
    } catch (const InputError& e) {
        CHECK(e.diagnostics().size() >= 4);
    }
}

TEST_CASE("conditions and evidence are checked when the questionnaire loads") {
    Questionnaire q = questionnaire(read_source(mm::test::data_file("valid/basic.yaml")).text);
    CHECK(q.profile.size() == 1);
    CHECK(q.target_rules.size() == 2);
    const Question* canary = q.find_question("canary");
    REQUIRE(canary);
    REQUIRE(canary->applies_when.clauses.size() == 1);
    CHECK(canary->applies_when.clauses[0].second == std::vector<std::string>{"online"});

    std::string bad_condition = with("        practice: Do Q1.\n", "        practice: Do Q1.\n        applies_when: {sevring: x}\n");
    CHECK(first_error([&] { questionnaire(bad_condition); }).find("'sevring' in 'applies_when' is not a profile question") !=
          std::string::npos);
    std::string bad_re = with("        practice: Do Q1.\n",
                              "        practice: Do Q1.\n        evidence:\n          - {content: \"(unclosed\", in: \"**/*.py\"}\n");
    CHECK(first_error([&] { questionnaire(bad_re); }).find("invalid RE2 pattern '(unclosed'") != std::string::npos);
    std::string bad_glob = with("        practice: Do Q1.\n",
                                "        practice: Do Q1.\n        evidence:\n          - {path: \"src/[abc\"}\n");
    CHECK(first_error([&] { questionnaire(bad_glob); }).find("invalid glob 'src/[abc'") != std::string::npos);
    // A content rule's 'in' is a glob too, checked where it is written.
    std::string bad_in = with("        practice: Do Q1.\n",
                              "        practice: Do Q1.\n        evidence:\n          - {content: \"x\", in: \"src/[abc\"}\n");
    const std::string in_error = first_error([&] { questionnaire(bad_in); });
    CHECK(in_error.find("invalid glob 'src/[abc': '[' at position 5 is never closed") != std::string::npos);
    CHECK(in_error.find(":32: error:") != std::string::npos);  // at the value of 'in'
}

TEST_CASE("a history rule takes whole thresholds, and nothing a path rule takes") {
    auto rule = [](const std::string& r) {
        return with("        practice: Do Q1.\n",
                    "        practice: Do Q1.\n        evidence:\n          - " + r + "\n");
    };
    Questionnaire ok = questionnaire(rule("{history: {commits: 20, days: 10}}"));
    const EvidenceRule& r = ok.find_question("q1")->evidence.at(0);
    CHECK(r.kind == EvidenceRule::Kind::History);
    CHECK(r.history.commits == 20);
    CHECK(r.history.days == 10);
    // Inside 'all' too, beside the files that must be there.
    Questionnaire nested =
        questionnaire(rule("{all: [{history: {commits: 3, days: 1}}, {path: \"*.py\"}], suggests: partial}"));
    CHECK(nested.find_question("q1")->evidence.at(0).all.at(0).kind == EvidenceRule::Kind::History);

    // Any of the thresholds alone; each one given must hold.
    Questionnaire merged = questionnaire(rule("{history: {merged_requests: 5, merged_share: 10}}"));
    CHECK(merged.find_question("q1")->evidence.at(0).history.merged_requests == 5);
    CHECK(merged.find_question("q1")->evidence.at(0).history.merged_share == 10);
    CHECK(merged.find_question("q1")->evidence.at(0).history.commits == 0);
    CHECK(questionnaire(rule("{history: {commits: 20}}")).find_question("q1")->evidence.at(0).history.days == 0);
    CHECK(questionnaire(rule("{history: {merged_share: 90, authors: 2}}"))
              .find_question("q1")
              ->evidence.at(0)
              .history.authors == 2);
    // Each refused rule, and the one error that names its cause.
    const std::pair<const char*, const char*> refused[] = {
        {"{history: {}}",
         "'history' needs at least one of 'commits', 'days', 'merged_requests', 'merged_share' or 'authors'"},
        {"{history: {authors: 0}}", "'authors' must be a whole number from 1 to 1000, not 0"},
        {"{history: {merged_share: 0}}",
         "'merged_share' is a percentage of the main line's changes, from 1 to 100, not 0"},
        {"{history: {merged_share: 101}}", "from 1 to 100, not 101"},
        {"{history: {merged_requests: 1001}}", "'merged_requests' must be a whole number from 1 to 1000, not 1001"},
        {"{history: {commits: 0, days: 1}}", "'commits' must be a whole number from 1 to 1000, not 0"},
        {"{history: {commits: 1001, days: 1}}", "'commits' must be a whole number from 1 to 1000, not 1001"},
        {"{history: {commits: 5, days: many}}", "'days'"},
        {"{history: {commits: 5, days: 6}}", "'days' (6) cannot exceed 'commits' (5)"},
        {"{history: {commits: 5, days: 1, weeks: 2}}", "'weeks'"},
        {"{history: 20}", "'history'"},
        {"{history: {commits: 5, days: 1}, except: \"x/**\"}", "'except' goes with 'path' or 'content'"},
        {"{history: {commits: 5, days: 1}, ignore_case: true}", "'ignore_case' goes with 'path' or 'content'"},
        {"{history: {commits: 5, days: 1}, path: \".git\"}",
         "exactly one of 'path', 'content' (with 'in'), 'all' or 'history'"},
    };
    for (const auto& [bad, message] : refused) {
        INFO(bad);
        CHECK(first_error([&] { questionnaire(rule(bad)); }).find(message) != std::string::npos);
    }
}

TEST_CASE("lint warns about a level with no question") {
    std::string yaml = with("  - {level: 1, name: Some}\n", "  - {level: 1, name: Some}\n  - {level: 2, name: More}\n");
    Questionnaire q = questionnaire(yaml);
    auto warnings = lint_questionnaire(q);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].severity == Severity::Warning);
    CHECK(warnings[0].message == "dimension 'd' has no question at level 2, so that level is met by default");
}

TEST_CASE("answers: values, notes, profile") {
    AnswerSet a = mm::test::answers(
        "questionnaire: tiny\nanswers:\n  q1: yes\n  q2: partial\n  q3: n/a\n  q4: 2\n  q5: false\n  q6:\n"
        "notes:\n  q1: in CI\nprofile:\n  serving: batch\n");
    CHECK(a.questionnaire_id == "tiny");
    CHECK(a.answers.at("q1").kind == AnswerKind::Yes);
    CHECK(a.answers.at("q2").kind == AnswerKind::Partial);
    CHECK(a.answers.at("q3").kind == AnswerKind::NotApplicable);
    CHECK(a.answers.at("q4").kind == AnswerKind::Choice);
    CHECK(a.answers.at("q4").choice_level == 2);
    CHECK(a.answers.at("q5").kind == AnswerKind::No);
    CHECK(a.answers.count("q6") == 0);  // blank: unanswered
    CHECK(a.notes.at("q1") == "in CI");
    CHECK(a.profile.at("serving") == "batch");
    // A value that is not an answer is reported with the file's other problems, or by check_answers (which
    // knows whether the id is a profile question) when it is the only one.
    CHECK(first_error([] { mm::test::answers("answers:\n  q1: [yes]\n"); }) ==
          "a.yaml:2:7: error: invalid answer a list for 'q1': expected yes, partial, no, n/a, or a choice level (0-4)");
    CHECK(first_error([] { mm::test::answers("answers:\n  q1: maybe\nextra: 1\n"); }).find("invalid answer 'maybe'") !=
          std::string::npos);
    AnswerSet rejected = mm::test::answers("answers:\n  q1: maybe\n");
    CHECK(rejected.answers.count("q1") == 0);
    CHECK(rejected.rejected.at("q1").pos.line == 2);
}

TEST_CASE("answers are checked against the questionnaire") {
    Questionnaire q = questionnaire(read_source(mm::test::data_file("valid/basic.yaml")).text, "basic.yaml");
    auto check = [&](const std::string& yaml) { check_answers(q, mm::test::answers(yaml)); };
    CHECK(first_error([&] { check("answers:\n  data-versoned: yes\n"); }) ==
          "a.yaml:2:3: error: unknown question 'data-versoned' for questionnaire 'basic' (did you mean 'data-versioned'?)");
    CHECK(first_error([&] { check("answers:\n  release-path: 7\n"); }) ==
          "a.yaml:2:3: error: 'release-path' has no option at level 7 (its options: 0 = By hand; 1 = By a script; "
          "2 = By a pipeline; 3 = By CI/CD with canary)");
    CHECK(first_error([&] { check("answers:\n  release-path: yes\n"); }).find("is a choice question") != std::string::npos);
    CHECK(first_error([&] { check("answers:\n  data-versioned: 2\n"); }).find("is a practice question") !=
          std::string::npos);
    CHECK(first_error([&] { check("questionnaire: mlops\nanswers: {}\n"); }) ==
          "a.yaml:1:16: error: these answers are for questionnaire 'mlops', not 'basic' (choose it with -q mlops)");
    CHECK(first_error([&] { check("profile:\n  serving: streaming\n"); }) ==
          "a.yaml:2:12: error: 'streaming' is not an option of profile question 'serving' (options: batch, online)");
    CHECK(first_error([&] { check("answers:\n  serving: yes\n"); }).find("is a profile question") != std::string::npos);
    CHECK(first_error([&] { check("answers:\n  serving: batch\n"); }) ==
          "a.yaml:2:12: error: 'serving' is a profile question: answer it under 'profile:', not 'answers:'");
    CHECK(first_error([&] { check("answers:\n  data-versioned: maybe\n"); }) ==
          "a.yaml:2:19: error: invalid answer 'maybe' for 'data-versioned': a practice question takes yes, partial, no "
          "or n/a");
    CHECK(first_error([&] { check("notes:\n  nope: text\n"); }).find("a note for unknown question 'nope'") !=
          std::string::npos);
    CHECK_NOTHROW(check("questionnaire: basic\nanswers:\n  release-path: 3\n  canary: n/a\n"));
}

TEST_CASE("answer overrides (--answer) win and are checked") {
    Questionnaire q = questionnaire(read_source(mm::test::data_file("valid/basic.yaml")).text, "basic.yaml");
    AnswerSet a = mm::test::answers("answers:\n  data-versioned: no\n");
    apply_answer_overrides(q, a, {"data-versioned=yes", "serving=online"});
    CHECK(a.answers.at("data-versioned").kind == AnswerKind::Yes);
    CHECK(a.profile.at("serving") == "online");
    CHECK(first_error([&] { apply_answer_overrides(q, a, {"novalue"}); }) ==
          "mlops-maturity: error: --answer: 'novalue' is not ID=VALUE");
    CHECK(first_error([&] { apply_answer_overrides(q, a, {"nope=yes"}); }).find("unknown question 'nope'") !=
          std::string::npos);
}

TEST_CASE("answers that are not under 'answers:' are one error, not one per question") {
    Questionnaire q = questionnaire(read_source(mm::test::data_file("valid/basic.yaml")).text, "basic.yaml");
    auto check = [&](const std::string& yaml) { check_answers(q, mm::test::answers(yaml)); };
    // At the top level: the 'answers:' line left out.
    std::string top = all_errors([&] {
        check("questionnaire: basic\ndata-documented: yes\ndata-versioned: no\ndata-lineage:\nrelease-path: 2\n");
    });
    CHECK(top ==
          "a.yaml:2:1: error: the answers must be under 'answers:': 'data-documented', 'data-versioned' and 2 more are "
          "at the top level of the file (add a line 'answers:' above the answers and indent them by two spaces)");
    // A typo of a known key, or a value that is no answer, is still an unknown key.
    CHECK(all_errors([&] { check("answer:\n  data-documented: yes\n"); }) ==
          "a.yaml:1:1: error: unknown key 'answer' in the answers file (did you mean 'answers'?)");
    CHECK(all_errors([&] { check("owner: platform\n"); }).find("unknown key 'owner' in the answers file") !=
          std::string::npos);
    CHECK(all_errors([&] { check("team: platform\n"); }).empty());  // a known key (the team the answers are about)
    // Under 'profile:': the 'answers:' line commented out below the profile.
    std::string under = all_errors([&] {
        check("profile:\n  serving: batch\n# answers:\n  data-versioned: yes\n  data-documented: no\n");
    });
    CHECK(under == "a.yaml:4:3: error: the answers must be under 'answers:': 'data-versioned' and 'data-documented' "
                   "are questions under 'profile:' (is the line 'answers:' missing above them?)");
}

TEST_CASE("answers for another questionnaire stop at that one error") {
    Questionnaire q = questionnaire(read_source(mm::test::data_file("valid/basic.yaml")).text, "basic.yaml");
    std::string all = all_errors([&] {
        check_answers(q, mm::test::answers("questionnaire: mlops\nanswers:\n  data-versioning: yes\n  model-registry: no\n"));
    });
    CHECK(all == "a.yaml:1:16: error: these answers are for questionnaire 'mlops', not 'basic' (choose it with -q mlops)");
}

TEST_CASE("answer errors are shown in file order, ten at most") {
    Questionnaire q = questionnaire(read_source(mm::test::data_file("valid/basic.yaml")).text, "basic.yaml");
    std::string yaml = "answers:\n";
    for (int i = 0; i < 40; ++i) yaml += "  z" + std::to_string(100 - i) + ": yes\n";  // ids sort against lines
    std::string all = all_errors([&] { check_answers(q, mm::test::answers(yaml)); });
    CHECK(all.find("a.yaml:2:3: error: unknown question 'z100'") == 0);
    CHECK(all.find("a.yaml:11:3: error: unknown question 'z91'") != std::string::npos);
    CHECK(all.find("'z90'") == std::string::npos);
    CHECK(all.substr(all.rfind('\n') + 1) == "a.yaml: error: and 30 more errors (fix the ones above first)");
}

TEST_CASE("an invalid value says what the question takes") {
    Questionnaire q = questionnaire(read_source(mm::test::data_file("valid/basic.yaml")).text, "basic.yaml");
    auto check = [&](const std::string& yaml) { check_answers(q, mm::test::answers(yaml)); };
    CHECK(first_error([&] { check("answers:\n  data-versioned: yse\n"); }) ==
          "a.yaml:2:19: error: invalid answer 'yse' for 'data-versioned': a practice question takes yes, partial, no "
          "or n/a (did you mean 'yes'?)");
    CHECK(first_error([&] { check("answers:\n  data-versioned: Parital\n"); }).find("(did you mean 'partial'?)") !=
          std::string::npos);
    CHECK(first_error([&] { check("answers:\n  release-path: pipeline\n"); }) ==
          "a.yaml:2:17: error: invalid answer 'pipeline' for 'release-path': a choice question takes the level of one "
          "of its options (0 = By hand; 1 = By a script; 2 = By a pipeline; 3 = By CI/CD with canary) or n/a");
    CHECK(first_error([&] { check("answers:\n  release-path: yes\n"); }) ==
          "a.yaml:2:3: error: 'release-path' is a choice question: answer with the level of an option (0 = By hand; "
          "1 = By a script; 2 = By a pipeline; 3 = By CI/CD with canary) or n/a, not yes");
    // An unknown id is the problem, whatever its value.
    CHECK(first_error([&] { check("answers:\n  data-versoned: maybe\n"); }) ==
          "a.yaml:2:3: error: unknown question 'data-versoned' for questionnaire 'basic' (did you mean 'data-versioned'?)");
    // --answer says the same, and `--answer FILE` is taken for --answers.
    AnswerSet a;
    CHECK(first_error([&] { apply_answer_overrides(q, a, {"data-versioned=yse"}); }) ==
          "mlops-maturity: error: --answer: invalid answer 'yse' for 'data-versioned': a practice question takes yes, "
          "partial, no or n/a (did you mean 'yes'?)");
    CHECK(first_error([&] { apply_answer_overrides(q, a, {"answers.yaml"}); }) ==
          "mlops-maturity: error: --answer: 'answers.yaml' is not ID=VALUE (did you mean '--answers answers.yaml'? "
          "--answers reads an answers file)");
}

TEST_CASE("answer spellings: any case, partly and partially, blank and \"\" are unanswered") {
    Answer a;
    for (const char* v : {"partial", "Partial", "PARTIAL", "partly", "Partly", "partially", "Partially"}) {
        CAPTURE(v);
        REQUIRE(parse_answer_value(v, false, a));
        CHECK(a.kind == AnswerKind::Partial);
    }
    for (const char* v : {"Yes", "YES", "y", "True"}) CHECK((parse_answer_value(v, false, a) && a.kind == AnswerKind::Yes));
    for (const char* v : {"No", "NO", "n", "False"}) CHECK((parse_answer_value(v, false, a) && a.kind == AnswerKind::No));
    for (const char* v : {"N/A", "n/a", "NA"}) CHECK((parse_answer_value(v, false, a) && a.kind == AnswerKind::NotApplicable));
    AnswerSet set = mm::test::answers("answers:\n  q1:\n  q2: \"\"\n  q3: ''\n  q4: ~\n  q5: \" \"\n");
    CHECK(set.answers.empty());
    CHECK(set.rejected.empty());
}

TEST_CASE("every built-in questionnaire loads") {
    REQUIRE(builtin_questionnaires().size() >= 1);
    CHECK(builtin_questionnaires().front().id == "mlops");
    for (const auto& b : builtin_questionnaires()) {
        INFO(b.id);
        Questionnaire q = load_questionnaire({"builtin:" + b.id, std::string(b.text)});
        CHECK(q.id == b.id);
    }
}

TEST_CASE("scope: up_to_level is read, checked against the questionnaire, and written back") {
    Questionnaire q = questionnaire(read_source(mm::test::data_file("valid/basic.yaml")).text, "basic.yaml");
    AnswerSet a = mm::test::answers("scope:\n  up_to_level: 2\nanswers:\n  data-documented: yes\n");
    CHECK(a.up_to_level == 2);
    CHECK_NOTHROW(check_answers(q, a));
    CHECK_FALSE(mm::test::answers("scope:\nanswers: {}\n").up_to_level);  // blank: every level
    // Written back by the interactive autosave, and read again.
    const std::string written = render_answers_file(q, a);
    CHECK(written.find("scope:\n  up_to_level: 2\n") != std::string::npos);
    CHECK(mm::test::answers(written).up_to_level == 2);
    a.up_to_level.reset();
    CHECK(render_answers_file(q, a).find("scope:") == std::string::npos);
    // Mistakes, located.
    CHECK(all_errors([&] { mm::test::answers("scope:\n  up_to_level: 0\n"); }) ==
          "a.yaml:2:16: error: 'up_to_level' must be a level from 1 to the questionnaire's top level, not 0");
    CHECK(all_errors([&] { mm::test::answers("scope:\n  up_to: 2\n"); }).find("unknown key 'up_to'") !=
          std::string::npos);
    CHECK(all_errors([&] { mm::test::answers("scope: 2\n"); }).find("'scope'") != std::string::npos);
    CHECK(all_errors([&] { check_answers(q, mm::test::answers("scope: {up_to_level: 4}\n")); }) ==
          "a.yaml:1:22: error: 'up_to_level' is 4, above the top level of 'basic' (3); use 1 to 3, or remove "
          "'scope:' to assess every level");
}

TEST_CASE("find_question uses the loader's index and is never wrong when the index is stale") {
    Questionnaire q = questionnaire(read_source(mm::test::data_file("valid/basic.yaml")).text);
    REQUIRE(q.question_index.size() == q.question_count());  // the loader indexed every question
    const Dimension* dim = nullptr;
    const Question* first = &q.dimensions.at(0).questions.at(0);
    CHECK(q.find_question(first->id, &dim) == first);
    CHECK(dim == &q.dimensions.at(0));
    CHECK(q.find_question("no-such-question") == nullptr);
    // Changed by hand after loading: a moved question is still found, a removed one is not.
    const std::string moved = first->id;
    std::rotate(q.dimensions[0].questions.begin(), q.dimensions[0].questions.begin() + 1, q.dimensions[0].questions.end());
    REQUIRE(q.find_question(moved) != nullptr);
    CHECK(q.find_question(moved)->id == moved);
    q.dimensions[0].questions.erase(std::find_if(q.dimensions[0].questions.begin(), q.dimensions[0].questions.end(),
                                                 [&](const Question& x) { return x.id == moved; }));
    CHECK(q.find_question(moved) == nullptr);
}
