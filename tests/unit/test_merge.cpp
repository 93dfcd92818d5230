// Several respondents: the lower median, n/a by majority, disagreements of a whole step, notes attributed.
#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/merge.hpp"

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
      - id: c
        type: choice
        text: C?
        practice: Climb C.
        options:
          - {level: 0, text: Nothing}
          - {level: 1, text: Manual}
          - {level: 2, text: Automated}
)";

MergedAnswers merge(const std::vector<std::pair<std::string, std::string>>& files) {
    const Questionnaire q = mm::test::questionnaire(kModel);
    std::vector<Respondent> rs;
    for (const auto& [name, yaml] : files) rs.push_back({name, mm::test::answers(yaml, name + ".yaml")});
    return merge_answers(q, rs);
}

std::string merged(const MergedAnswers& m, const std::string& id) {
    auto it = m.answers.answers.find(id);
    return it == m.answers.answers.end() ? "(unanswered)" : answer_text(it->second);
}

}  // namespace

TEST_CASE("merge takes the median of three answers") {
    const MergedAnswers m = merge({{"alice", "answers: {a1: yes, c: 2}"},
                                   {"bob", "answers: {a1: no, c: 0}"},
                                   {"carol", "answers: {a1: partial, c: 1}"}});
    CHECK(merged(m, "a1") == "partial");
    CHECK(merged(m, "c") == "1");
}

TEST_CASE("merge takes the lower of the two middle answers of an even count") {
    const MergedAnswers m = merge({{"alice", "answers: {a1: yes}"}, {"bob", "answers: {a1: partial}"}});
    CHECK(merged(m, "a1") == "partial");
}

TEST_CASE("merge leaves out respondents who did not answer a question") {
    const MergedAnswers m = merge({{"alice", "answers: {a1: yes}"}, {"bob", "answers: {a2: no}"}});
    CHECK(merged(m, "a1") == "yes");
    CHECK(merged(m, "a2") == "no");
    CHECK(merged(m, "c") == "(unanswered)");
}

TEST_CASE("merge answers n/a only when most respondents say so") {
    CHECK(merged(merge({{"a", "answers: {a1: n/a}"}, {"b", "answers: {a1: n/a}"}, {"c", "answers: {a1: no}"}}),
                 "a1") == "n/a");
    CHECK(merged(merge({{"a", "answers: {a1: n/a}"}, {"b", "answers: {a1: yes}"}, {"c", "answers: {a1: no}"}}),
                 "a1") == "no");
}

TEST_CASE("a disagreement is no beside yes and not partial beside yes") {
    const MergedAnswers m = merge({{"alice", "answers: {a1: yes, a2: yes, c: 2}"},
                                   {"bob", "answers: {a1: no, a2: partial, c: 1}"}});
    REQUIRE(m.disagreements.size() == 2);
    CHECK(m.disagreements[0].question == "a1");
    CHECK(m.disagreements[1].question == "c");
    CHECK(disagreement_lines(m.disagreements) ==
          std::vector<std::string>{"a1: alice yes, bob no (merged: no)", "c: alice 2, bob 1 (merged: 1)"});
}

TEST_CASE("n/a beside an answer is a disagreement") {
    const MergedAnswers m = merge({{"alice", "answers: {a1: n/a}"}, {"bob", "answers: {a1: yes}"}});
    REQUIRE(m.disagreements.size() == 1);
    CHECK(m.disagreements[0].answers[0] == std::make_pair(std::string("alice"), std::string("n/a")));
}

TEST_CASE("merge keeps every respondent's note with their name") {
    const MergedAnswers m = merge({{"alice", "answers: {a1: yes}\nnotes: {a1: DVC in the repo}"},
                                   {"bob", "answers: {a1: yes}\nnotes: {a1: only for one dataset}"}});
    CHECK(m.answers.notes.at("a1") == "alice: DVC in the repo; bob: only for one dataset");
}

TEST_CASE("merge refuses profiles that differ") {
    const std::string e = mm::test::first_error([] {
        merge({{"alice", "profile: {serving: batch}"}, {"bob", "profile: {serving: online}"}});
    });
    CHECK(e.find("'serving' is 'batch' for alice and 'online' for bob") != std::string::npos);
}

TEST_CASE("a respondent is named by the file or its respondent key") {
    CHECK(respondent_name(AnswerSet{}, "team/alice.yaml") == "alice");
    AnswerSet a = mm::test::answers("respondent: Alice Smith\n");
    CHECK(respondent_name(a, "team/a.yaml") == "Alice Smith");
}

TEST_CASE("merge keeps one waiver per question with the earliest expiry") {
    const MergedAnswers m =
        merge({{"alice", "waivers: [{question: a2, reason: later, owner: alice, expires: 2027-03-01}]"},
               {"bob", "waivers: [{question: a2, reason: sooner, owner: bob, expires: 2027-01-01},\n"
                       "          {question: a1, reason: other, owner: bob, expires: 2027-06-30}]"}});
    REQUIRE(m.answers.waivers.size() == 2);
    CHECK(m.answers.waivers[0].question == "a2");
    CHECK(m.answers.waivers[0].owner == "bob");
    CHECK(m.answers.waivers[0].expires == "2027-01-01");
    CHECK(m.answers.waivers[1].question == "a1");
}

TEST_CASE("merge takes the widest scope and none when a file has none") {
    const MergedAnswers scoped =
        merge({{"alice", "scope: {up_to_level: 1}"}, {"bob", "scope: {up_to_level: 2}"}});
    CHECK(scoped.answers.up_to_level == std::optional<int>(2));
    const MergedAnswers unscoped = merge({{"alice", "scope: {up_to_level: 1}"}, {"bob", "answers: {a1: yes}"}});
    CHECK_FALSE(unscoped.answers.up_to_level.has_value());
}
