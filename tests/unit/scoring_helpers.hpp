// Shared by the scoring tests: score answers against a questionnaire given as YAML, and find results by id.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/scoring.hpp"

namespace mm::test {

inline Assessment score_answers(const std::string& model, const std::string& answers_yaml, ScoreOptions options = {}) {
    Questionnaire q = questionnaire(model);
    AnswerSet a = answers(answers_yaml);
    check_answers(q, a);
    return score(q, a, options);
}

inline const DimensionResult& dim(const Assessment& a, const std::string& id) {
    auto it = std::find_if(a.dimensions.begin(), a.dimensions.end(), [&](const auto& d) { return d.id == id; });
    REQUIRE(it != a.dimensions.end());
    return *it;
}

inline const Gap& gap(const Assessment& a, const std::string& id) {
    auto it = std::find_if(a.gaps.begin(), a.gaps.end(), [&](const auto& g) { return g.question == id; });
    REQUIRE(it != a.gaps.end());
    return *it;
}

// The gaps' question ids, in priority order.
inline std::vector<std::string> gap_ids(const Assessment& a) {
    std::vector<std::string> ids;
    for (const auto& g : a.gaps) ids.push_back(g.question);
    return ids;
}

}  // namespace mm::test
