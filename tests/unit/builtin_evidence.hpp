// What a built-in questionnaire's evidence rules suggest on a small fixture tree: shared by the rule tests
// (test_evidence_rules*.cpp), one file per family of rules.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "fixture_tree.hpp"
#include "mm/loading.hpp"
#include "mm/scan.hpp"
#include "mm/source.hpp"

namespace mm::test {

using Files = std::vector<std::pair<std::string, std::string>>;

inline const Questionnaire& builtin_q(const std::string& id) {
    static std::map<std::string, Questionnaire> cache;
    auto it = cache.find(id);
    if (it == cache.end()) {
        const BuiltinQuestionnaire* b = find_builtin(id);
        REQUIRE(b != nullptr);
        it = cache.emplace(id, load_questionnaire({"builtin:" + id, std::string(b->text)})).first;
    }
    return it->second;
}

// A GitHub workflow started by `trigger` (push, pull_request...) whose one job `job` runs `steps` (lines indented
// as steps: "      - run: pytest\n"). A workflow needs a live trigger, or the scan ignores it.
inline std::string github_workflow(const std::string& trigger, const std::string& job, const std::string& steps) {
    return "on:\n  " + trigger + ":\njobs:\n  " + job + ":\n    runs-on: ubuntu-latest\n    steps:\n" + steps;
}

// What the questionnaire's rules suggest for `question` on a tree holding `files`: "yes", "partial" or "-".
inline std::string suggestion(const std::string& q, const std::string& question, const Files& files) {
    Tree t;
    for (const auto& [path, text] : files) t.file(path, text);
    ScanResult r = scan_tree(builtin_q(q), t.root);
    const QuestionEvidence* e = r.find(question);
    REQUIRE(e != nullptr);
    if (!e->suggestion) return "-";
    return *e->suggestion == AnswerKind::Yes ? "yes" : "partial";
}

}  // namespace mm::test
