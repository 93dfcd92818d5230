// The pure part of a scan (docs/scan.md): a questionnaire's evidence rules flattened into one plan (every glob in
// one GlobSet, every distinct pattern numbered), the line a pattern's match cites in a file's text, and the hits
// of the plan's leaves turned into each question's evidence. No file system. Private to the library.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "commit_history.hpp"
#include "evidence_text.hpp"
#include "mm/glob.hpp"
#include "mm/model.hpp"
#include "mm/scan.hpp"

namespace mm::scanning {

// The rules of a questionnaire flattened into leaves (path, content or history rules), deduplicated, with every
// glob in one GlobSet and every distinct pattern numbered.
struct Plan {
    struct Leaf {
        bool content = false;
        int glob = -1;
        int pattern = -1;
        int except = -1;  // a glob: paths it matches are not evidence for this leaf
        int unless = -1;  // a pattern: files where it matches (outside comments) are not evidence
        HistoryThresholds history;  // a history rule (glob -1): what the repository's history must reach
    };
    std::vector<Leaf> leaves;
    std::vector<int> order;           // leaf of each path/content/history rule, in questionnaire traversal order
    std::vector<int> history_leaves;  // the history rules' leaves: the scan reads the git history only for them
    GlobSet globs;
    std::vector<std::vector<int>> path_leaves;     // per glob
    std::vector<std::vector<int>> content_leaves;  // per glob
    std::vector<bool> dir_ok;                      // per glob: may match a directory
    std::vector<std::string> patterns;             // "(?m)" + pattern
    std::vector<std::unique_ptr<RE2>> single;      // per pattern, to locate the first match

    std::map<std::pair<std::string, bool>, int> glob_ids;
    std::map<std::string, int> pattern_ids;
    std::map<std::tuple<bool, int, int, int, int>, int> leaf_ids;
    std::map<HistoryThresholds, int> history_leaf_ids;

    int glob_id(const std::string& g, bool ignore_case);
    int pattern_id(const std::string& p);
    void add(const EvidenceRule& r);
};

// The plan of every evidence rule of `q`, its globs and patterns compiled; throws InputError (naming the
// questionnaire) for a glob or a pattern RE2 refuses.
Plan make_plan(const Questionnaire& q);

// RE2's options for content patterns: no log, at most 64 MiB per automaton.
RE2::Options content_options();

// The line cited for a pattern in one file (line 0: no match outside comments).
struct Found {
    int line = 0;
    std::string excerpt;
};

// The strongest match of `pattern` in `text` outside comments (hit_strength; the first of equals), as its line
// and that line as an excerpt; line 0 when every match is in a comment. At most 1000 lines are weighed, one
// match per line, so a file full of matches costs one pass.
Found locate(const RE2& pattern, std::string_view text, const CommentStyle& style);

// Evidence for one leaf of the plan: the path (relative to the scanned root) and, for content rules, the line.
struct LeafHit {
    int leaf;
    std::string path;
    int line;
    std::string excerpt;
};

// The hits of the plan's history rules that `activity` (the scanned root's git history) reaches: each cites
// `.git` with the activity described ("85 commits on 19 days, 2023-01-05 to 2023-02-20").
std::vector<LeafHit> history_hits(const Plan& plan, const CommitActivity& activity);

// Each question of `q` with evidence rules, in questionnaire order: what the hits of the plan's leaves (in any
// order) suggest, and at most `max_hits` of its hits (sorted by path and line; all of them counted).
std::vector<QuestionEvidence> evaluate(const Questionnaire& q, const Plan& plan, std::vector<LeafHit> hits,
                                       std::size_t max_hits);

}  // namespace mm::scanning
