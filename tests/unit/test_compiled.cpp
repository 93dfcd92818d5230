// The compiled form of the built-in questionnaires (include/mm/compiled.hpp): what the tool reads at run time must
// be exactly what loading the embedded YAML gives, field by field, so the two can never drift apart.
#include <stdexcept>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/compiled.hpp"

using namespace mm;

namespace {

// Which fields away from their defaults the comparison met, so a test passing on defaults alone shows.
struct Seen {
    bool ignore_case = false, all = false, except = false, unless = false, suggests_option = false,
         suggests_partial = false, applies_when = false, choice = false, core = false, weight = false, see_also = false,
         target_when = false, points = false, rule = false, references = false, tools = false, if_not_shown = false,
         history = false, merged = false;
};

void same(const SourcePos& a, const SourcePos& b) {
    CHECK(a.line == b.line);
    CHECK(a.column == b.column);
}

void same(const Condition& a, const Condition& b, bool& seen) {
    CHECK(a.clauses == b.clauses);
    seen = seen || !a.empty();
}

void same(const EvidenceRule& a, const EvidenceRule& b, Seen& seen) {
    CHECK(a.kind == b.kind);
    CHECK(a.glob == b.glob);
    CHECK(a.pattern == b.pattern);
    CHECK(a.except == b.except);
    CHECK(a.unless == b.unless);
    CHECK(a.ignore_case == b.ignore_case);
    CHECK(a.suggests_partial == b.suggests_partial);
    CHECK(a.suggests_option == b.suggests_option);
    CHECK(a.history == b.history);
    same(a.pos, b.pos);
    REQUIRE(a.all.size() == b.all.size());
    for (std::size_t i = 0; i < a.all.size(); ++i) same(a.all[i], b.all[i], seen);
    seen.ignore_case |= a.ignore_case;
    seen.all |= a.kind == EvidenceRule::Kind::All;
    seen.history |= a.kind == EvidenceRule::Kind::History && a.history.commits > 0 && a.history.days > 0;
    seen.merged |= a.kind == EvidenceRule::Kind::History && a.history.merged_requests > 0 && a.history.merged_share > 0;
    seen.except |= !a.except.empty();
    seen.unless |= !a.unless.empty();
    seen.suggests_option |= a.suggests_option.has_value();
    seen.suggests_partial |= a.suggests_partial;
}

void same(const Question& a, const Question& b, Seen& seen) {
    INFO("question " << a.id);
    CHECK(a.id == b.id);
    CHECK(a.type == b.type);
    CHECK(a.level == b.level);
    CHECK(a.text == b.text);
    CHECK(a.help == b.help);
    CHECK(a.practice == b.practice);
    CHECK(a.tools == b.tools);
    CHECK(a.references == b.references);
    CHECK(a.weight == b.weight);
    CHECK(a.core == b.core);
    CHECK(a.needs_person_if_not_shown == b.needs_person_if_not_shown);
    REQUIRE(a.options.size() == b.options.size());
    for (std::size_t i = 0; i < a.options.size(); ++i) {
        CHECK(a.options[i].level == b.options[i].level);
        CHECK(a.options[i].text == b.options[i].text);
        CHECK(a.options[i].practice == b.options[i].practice);
    }
    same(a.applies_when, b.applies_when, seen.applies_when);
    REQUIRE(a.evidence.size() == b.evidence.size());
    for (std::size_t i = 0; i < a.evidence.size(); ++i) same(a.evidence[i], b.evidence[i], seen);
    same(a.pos, b.pos);
    seen.choice |= a.type == QuestionType::Choice;
    seen.core |= a.core;
    seen.if_not_shown |= a.needs_person_if_not_shown;
    seen.weight |= a.weight != 1.0;
    seen.references |= !a.references.empty();
    seen.tools |= !a.tools.empty();
}

void same(const Questionnaire& a, const Questionnaire& b, Seen& seen) {
    CHECK(a.id == b.id);
    CHECK(a.title == b.title);
    CHECK(a.version == b.version);
    CHECK(a.description == b.description);
    REQUIRE(a.levels.size() == b.levels.size());
    for (std::size_t i = 0; i < a.levels.size(); ++i) {
        CHECK(a.levels[i].level == b.levels[i].level);
        CHECK(a.levels[i].name == b.levels[i].name);
        CHECK(a.levels[i].description == b.levels[i].description);
    }
    CHECK(a.pass_threshold == b.pass_threshold);
    CHECK(a.scoring_rule == b.scoring_rule);
    CHECK(a.scoring_method == b.scoring_method);
    REQUIRE(a.profile.size() == b.profile.size());
    for (std::size_t i = 0; i < a.profile.size(); ++i) {
        const ProfileQuestion& x = a.profile[i];
        const ProfileQuestion& y = b.profile[i];
        INFO("profile " << x.id);
        CHECK(x.id == y.id);
        CHECK(x.text == y.text);
        CHECK(x.help == y.help);
        REQUIRE(x.options.size() == y.options.size());
        for (std::size_t j = 0; j < x.options.size(); ++j) {
            CHECK(x.options[j].value == y.options[j].value);
            CHECK(x.options[j].text == y.options[j].text);
            CHECK(x.options[j].see_also == y.options[j].see_also);
            seen.see_also |= !x.options[j].see_also.empty();
        }
        same(x.pos, y.pos);
    }
    REQUIRE(a.target_rules.size() == b.target_rules.size());
    for (std::size_t i = 0; i < a.target_rules.size(); ++i) {
        same(a.target_rules[i].when, b.target_rules[i].when, seen.target_when);
        CHECK(a.target_rules[i].level == b.target_rules[i].level);
        CHECK(a.target_rules[i].reason == b.target_rules[i].reason);
    }
    REQUIRE(a.dimensions.size() == b.dimensions.size());
    for (std::size_t i = 0; i < a.dimensions.size(); ++i) {
        const Dimension& x = a.dimensions[i];
        const Dimension& y = b.dimensions[i];
        INFO("dimension " << x.id);
        CHECK(x.id == y.id);
        CHECK(x.name == y.name);
        CHECK(x.description == y.description);
        same(x.pos, y.pos);
        REQUIRE(x.questions.size() == y.questions.size());
        for (std::size_t j = 0; j < x.questions.size(); ++j) same(x.questions[j], y.questions[j], seen);
    }
    CHECK(a.source_name == b.source_name);
    CHECK(a.digest == b.digest);
    CHECK(a.question_index == b.question_index);
    seen.points |= a.scoring_method == ScoringMethod::Points;
    seen.rule |= a.scoring_rule != 1;
}

}  // namespace

TEST_CASE("each built-in compiled form is what loading its YAML gives: every field") {
    Seen seen;
    for (const auto& b : builtin_questionnaires()) {
        INFO(b.id);
        const Questionnaire loaded = load_questionnaire({"builtin:" + b.id, std::string(b.text)});
        const Questionnaire compiled = load_builtin(b);
        same(loaded, compiled, seen);
        // The same bytes again: nothing the encoder writes is lost or changed on the way back.
        CHECK(encode_questionnaire(loaded) == std::string(b.compiled));
        // And what `-q ID` gives is the compiled one, not the text loaded again.
        same(open_questionnaire(b.id), compiled, seen);
    }
    // The comparison above met every kind of field away from its default (else it proves less than it says).
    CHECK(seen.ignore_case);
    CHECK(seen.all);
    CHECK(seen.except);
    CHECK(seen.unless);
    // (No built-in has a choice rule naming an option today; its field is compared all the same.)
    CHECK(seen.suggests_partial);
    CHECK(seen.applies_when);
    CHECK(seen.choice);
    CHECK(seen.core);
    CHECK(seen.if_not_shown);
    CHECK(seen.history);
    CHECK(seen.merged);
    CHECK(seen.see_also);
    CHECK(seen.target_when);
    CHECK(seen.points);
    CHECK(seen.rule);
    CHECK(seen.references);
    CHECK(seen.tools);
}

TEST_CASE("a user questionnaire round-trips through the compiled form") {
    const Questionnaire q = load_questionnaire(read_source(mm::test::data_file("valid/basic.yaml")));
    Seen seen;
    same(q, decode_questionnaire(encode_questionnaire(q)), seen);
}

TEST_CASE("corrupt compiled bytes are a logic error and never a crash") {
    const std::string bytes = std::string(find_builtin("mlops")->compiled);
    CHECK_THROWS_AS(decode_questionnaire(""), std::logic_error);
    CHECK_THROWS_AS(decode_questionnaire("not a questionnaire"), std::logic_error);
    for (std::size_t cut : {std::size_t{20}, std::size_t{1000}, bytes.size() / 2, bytes.size() - 1})
        CHECK_THROWS_AS(decode_questionnaire(std::string_view(bytes).substr(0, cut)), std::logic_error);
    CHECK_THROWS_AS(decode_questionnaire(bytes + "x"), std::logic_error);
}
