// History rules (docs/questionnaire-format.md, "Evidence rules"; docs/scan.md, "Git history"): what a
// repository's commits add up to, how it is cited, and how a scan uses it, on repositories made here with commits
// at chosen dates.
#include <git2.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "commit_history.hpp"
#include "fixture_tree.hpp"
#include "mm/loading.hpp"
#include "mm/scan.hpp"
#include "scan_plan.hpp"

using namespace mm;
using namespace mm::scanning;
using mm::test::Tree;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t k2024 = 1704067200;  // 2024-01-01T00:00:00Z

// One commit of a history made by make_commits(): when, by whom, its message; `merged_branch` makes it a merge
// commit whose second parent is a commit of its own on a side branch.
struct Change {
    std::string message = "work";
    std::string author = "A. Author";
    bool merged_branch = false;
    AuthorTime when{};
    std::string email = "a@example.org";
};

// A git repository at `root` whose main line is `changes`, oldest first, every commit of the empty tree. Returns
// the main line's ids, oldest first.
std::vector<std::string> make_commits(const std::string& root, const std::vector<Change>& changes) {
    git_libgit2_init();
    git_repository* repo = nullptr;
    REQUIRE(git_repository_init(&repo, root.c_str(), 0) == 0);
    git_treebuilder* builder = nullptr;
    REQUIRE(git_treebuilder_new(&builder, repo, nullptr) == 0);
    git_oid tree_id;
    REQUIRE(git_treebuilder_write(&tree_id, builder) == 0);
    git_treebuilder_free(builder);
    git_tree* tree = nullptr;
    REQUIRE(git_tree_lookup(&tree, repo, &tree_id) == 0);
    std::vector<std::string> ids;
    git_commit* head = nullptr;
    for (const auto& c : changes) {
        git_signature* sig = nullptr;
        REQUIRE(git_signature_new(&sig, c.author.c_str(), c.email.c_str(), c.when.seconds, c.when.offset_minutes) == 0);
        git_oid id;
        if (c.merged_branch) {  // the branch's own commit, then the merge that brings it to the main line
            const git_commit* base[] = {head};
            git_oid side_id;
            REQUIRE(git_commit_create(&side_id, repo, nullptr, sig, sig, nullptr, "branch work", tree, head ? 1 : 0,
                                      base) == 0);
            git_commit* side = nullptr;
            REQUIRE(git_commit_lookup(&side, repo, &side_id) == 0);
            const git_commit* parents[] = {head, side};
            REQUIRE(git_commit_create(&id, repo, "HEAD", sig, sig, nullptr, c.message.c_str(), tree, 2, parents) == 0);
            git_commit_free(side);
        } else {
            const git_commit* parents[] = {head};
            REQUIRE(git_commit_create(&id, repo, "HEAD", sig, sig, nullptr, c.message.c_str(), tree, head ? 1 : 0,
                                      parents) == 0);
        }
        git_signature_free(sig);
        git_commit_free(head);
        REQUIRE(git_commit_lookup(&head, repo, &id) == 0);
        ids.push_back(git_oid_tostr_s(&id));
    }
    git_commit_free(head);
    git_tree_free(tree);
    git_repository_free(repo);
    git_libgit2_shutdown();
    return ids;
}

// One commit per author time, oldest first.
std::vector<std::string> make_history(const std::string& root, const std::vector<AuthorTime>& times) {
    std::vector<Change> changes;
    for (const auto& t : times) changes.push_back({"work", "A. Author", false, t});
    return make_commits(root, changes);
}

// `changes`, a day apart from 2024-01-02, at noon UTC.
void make_changes(const std::string& root, std::vector<Change> changes) {
    std::int64_t when = k2024 + 12 * 3600;
    for (auto& c : changes) c.when = {when += kDay, 0};
    make_commits(root, changes);
}

// `commits` commits spread evenly over `days` days from 2024-01-01, at noon UTC.
std::vector<AuthorTime> spread(int commits, int days) {
    std::vector<AuthorTime> times;
    for (int i = 0; i < commits; ++i) times.push_back({k2024 + (i % days) * kDay + 12 * 3600, 0});
    return times;
}

Questionnaire history_questionnaire() {
    return mm::test::scan_questionnaire("h", R"(      - id: committed
        level: 1
        text: Is code committed as the work happens?
        practice: Commit as you go.
        evidence:
          - all:
              - {history: {commits: 4, days: 3}}
              - {path: "*.py"}
          - all:
              - {path: ".git"}
              - {path: "*.py"}
            suggests: partial
)");
}

}  // namespace

TEST_CASE("history: commits and the days they were authored on, in the author's time zone") {
    CommitActivity none = summarise_commits({});
    CHECK(none.commits == 0);
    CHECK(none.days == 0);
    CHECK(none.first.empty());

    // Two commits on one UTC day, a third the next day: 3 commits on 2 days.
    CommitActivity a = summarise_commits({{k2024 + 3600, 0}, {k2024 + 7200, 0}, {k2024 + kDay + 60, 0}});
    CHECK(a.commits == 3);
    CHECK(a.days == 2);
    CHECK(a.first == "2024-01-01");
    CHECK(a.last == "2024-01-02");

    // 23:30 UTC is the next morning at +02:00 and the same evening at -05:00: the author's own day counts.
    CHECK(summarise_commits({{k2024 + 23 * 3600 + 1800, 120}}).first == "2024-01-02");
    CHECK(summarise_commits({{k2024 + 23 * 3600 + 1800, -300}}).first == "2024-01-01");
    CHECK(summarise_commits({{k2024 + 3600, -120}}).first == "2023-12-31");  // across a year, backwards
    CHECK(summarise_commits({{-kDay / 2, 0}}).first == "1969-12-31");        // before the epoch
    CHECK(summarise_commits({{951782400, 0}}).first == "2000-02-29");        // a leap day
    // Forged dates are held within about 300,000 years of 1970, never overflowing (UBSan watches).
    CHECK(summarise_commits({{INT64_MAX, INT32_MAX}}).first == "318857-07-29");
    CHECK(summarise_commits({{INT64_MIN, INT32_MIN}}).first == "-314918-06-04");
    // Any order.
    CommitActivity b = summarise_commits({{k2024 + 40 * kDay, 0}, {k2024, 0}, {k2024 + 10 * kDay, 0}});
    CHECK(b.first == "2024-01-01");
    CHECK(b.last == "2024-02-10");
}

TEST_CASE("history: the cited summary says how many, over what time, and what cut it short") {
    CommitActivity a = summarise_commits(spread(85, 19));
    CHECK(describe(a) == "85 commits on 19 days, 2024-01-01 to 2024-01-19");
    CHECK(describe(summarise_commits({{k2024, 0}})) == "1 commit on 1 day, 2024-01-01");
    CommitActivity team = summarise_commits(spread(10, 5));
    team.authors = 3;
    CHECK(describe(team) == "10 commits on 5 days by 3 authors, 2024-01-01 to 2024-01-05");
    CHECK(author_id("A. Author", "A.Author@Example.ORG") == "a.author@example.org");
    CHECK(author_id("A. Author", "") == "a. author");
    a.capped = true;
    a.read = 90;  // 5 of them by bots
    a.shallow = true;
    CHECK(describe(a) ==
          "85 of the newest 90 commits on 19 days, 2024-01-01 to 2024-01-19 (a shallow clone: older commits are not "
          "here)");
}

TEST_CASE("history: a rule matches when the history reaches both of its thresholds") {
    Questionnaire q = mm::test::scan_questionnaire("t", R"(      - id: a
        level: 1
        text: A?
        practice: A.
        evidence:
          - {history: {commits: 20, days: 10}}
      - id: b
        level: 1
        text: B?
        practice: B.
        evidence:
          - {history: {commits: 20, days: 10}}
          - {history: {commits: 5, days: 2}, suggests: partial}
)");
    const Plan plan = make_plan(q);
    CHECK(plan.history_leaves.size() == 2);  // the same thresholds are one leaf
    auto hits = [&](int commits, int days) { return history_hits(plan, summarise_commits(spread(commits, days))); };
    CHECK(hits(20, 10).size() == 2);
    CHECK(hits(19, 10).size() == 1);  // a commit short of the first rule
    CHECK(hits(100, 9).size() == 1);  // a day short
    CHECK(hits(5, 2).size() == 1);
    CHECK(hits(4, 2).empty());
    const auto found = hits(20, 10);
    CHECK(found.at(0).path == ".git");
    CHECK(found.at(0).line == 0);
    CHECK(found.at(0).excerpt == "20 commits on 10 days, 2024-01-01 to 2024-01-10");

    auto evidence = evaluate(q, plan, hits(6, 3), 20);
    REQUIRE(evidence.size() == 2);
    CHECK_FALSE(evidence[0].suggestion.has_value());
    CHECK(evidence[1].suggestion == AnswerKind::Partial);
}

TEST_CASE("history: read from the repository at the root, never above it, and never fatal") {
    Tree t;
    std::string error;
    // No repository: nothing, and no error.
    CHECK_FALSE(read_commit_activity(t.root, error).has_value());
    CHECK(error.empty());

    // A repository with no commit yet: nothing, and no error.
    make_history(t.root, {});
    CHECK_FALSE(read_commit_activity(t.root, error).has_value());
    CHECK(error.empty());

    // Commits at chosen dates; a sub-directory is not a repository of its own (no search upward).
    Tree r;
    make_history(r.root, spread(6, 4));
    auto a = read_commit_activity(r.root, error);
    REQUIRE(a.has_value());
    CHECK(a->commits == 6);
    CHECK(a->days == 4);
    CHECK_FALSE(a->shallow);
    CHECK_FALSE(a->capped);
    r.dir("sub");
    CHECK_FALSE(read_commit_activity(r.path("sub"), error).has_value());

    // A .git without HEAD is no repository, as git sees it (no error), and a loose branch that is a link is not
    // read in place of its packed line, it is an error.
    Tree headless;
    make_history(headless.root, spread(2, 2));
    std::filesystem::remove(headless.path(".git/HEAD"));
    CHECK_FALSE(read_commit_activity(headless.root, error).has_value());
    CHECK(error.empty());
    Tree linked;
    make_history(linked.root, spread(2, 2));
    std::filesystem::rename(linked.path(".git/refs/heads/master"), linked.path(".git/refs/heads/real"));
    linked.link("real", ".git/refs/heads/master");
    CHECK_FALSE(read_commit_activity(linked.root, error).has_value());
    CHECK(error == "refs/heads/master cannot be read (a link, not a regular file, empty or over 4 KiB)");

    // A long history is read up to the newest kMaxHistoryThreshold commits, and says so.
    Tree long_history;
    make_history(long_history.root, spread(kMaxHistoryThreshold + 1, 30));
    auto capped = read_commit_activity(long_history.root, error);
    REQUIRE(capped.has_value());
    CHECK(capped->commits == kMaxHistoryThreshold);
    CHECK(capped->capped);
    CHECK(describe(*capped).rfind("1000 of the newest 1000 commits on 30 days", 0) == 0);

    // HEAD naming a commit that is not there: no history, and the reason.
    Tree broken;
    make_history(broken.root, spread(2, 2));
    broken.file(".git/HEAD", "0123456789abcdef0123456789abcdef01234567\n");
    CHECK_FALSE(read_commit_activity(broken.root, error).has_value());
    CHECK_FALSE(error.empty());
}

TEST_CASE("history: changes that came through a pull or merge request, as each forge writes them") {
    CHECK(came_through_request("Merge pull request #12 from team/feature\n\nAdd the drift check"));
    CHECK(came_through_request("Add the drift check (#12)"));
    CHECK(came_through_request("Add the drift check (#12)  \n\n* first\n* second"));
    CHECK(came_through_request("Add the drift check\n\nSee merge request ml/churn!34"));
    CHECK(came_through_request("Merged in feature/drift (pull request #7)\n\nApproved-by: B"));
    CHECK(came_through_request("Merged PR 41: Add the drift check"));
    CHECK(came_through_request("Add (#12)\nthe body, which ends otherwise"));  // the subject ends at its line
    CHECK(
        came_through_request("Add the drift check\n\nChange-Id: I12ab\nReviewed-on: https://gerrit.example.org/c/1\n"));

    CHECK_FALSE(came_through_request("Merge branch 'main' into feature"));
    CHECK_FALSE(came_through_request("Fix #12 in the drift check"));                    // an issue named, not a request
    CHECK_FALSE(came_through_request("Add the drift check (#12) and tests"));           // not at the end of the subject
    CHECK_FALSE(came_through_request("Squashed\n\n* Merge pull request #3 from a/b"));  // a squashed list
    CHECK_FALSE(came_through_request("Add the drift check\nSee merge request in the wiki"));
    CHECK_FALSE(came_through_request("Reviewed-on: in the subject"));  // trailers are in the body
    CHECK_FALSE(came_through_request(""));
}

TEST_CASE("history: a message is read as git shows it, leading blank lines dropped") {
    Tree t;
    make_changes(t.root, {{"Initial"}, {"\n\nChange the drift check (#9)"}});
    std::string error;
    auto a = read_commit_activity(t.root, error);
    REQUIRE(a.has_value());
    CHECK(a->merged_requests == 1);
}

TEST_CASE("history: a shallow clone read past its 1,000 newest commits is no warning") {
    // The boundary is the third commit: the walk reads the newest 1,000 and stops before it, so the history rules
    // saw as much as they ever read, and advising a full clone would be wrong.
    Tree t;
    t.file("train.py", "print('train')\n");
    const auto ids = make_history(t.root, spread(kMaxHistoryThreshold + 3, 40));
    t.file(".git/shallow", ids.at(2) + "\n");
    ScanResult r = scan_tree(history_questionnaire(), t.root);
    CHECK(r.find("committed")->suggestion == AnswerKind::Yes);
    CHECK(r.warnings.empty());
}

TEST_CASE("history: a bot's dependency updates are not the team's changes") {
    CHECK(made_by_bot("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "Bump x (#3)"));
    CHECK(made_by_bot("pre-commit-ci[bot]", "x@y", "[pre-commit.ci] auto update (#5)"));
    CHECK(made_by_bot("A. Maintainer", "a@example.org", "Merge pull request #9 from org/dependabot/pip/numpy-2"));
    CHECK(made_by_bot("A. Maintainer", "a@example.org", "Merge pull request #9 from org/renovate/all"));
    CHECK_FALSE(made_by_bot("A. Maintainer", "a@example.org", "Merge pull request #9 from org/feature"));
    CHECK_FALSE(made_by_bot("Robert", "bot@example.org", "Add the drift check (#12)"));
    CHECK(made_by_bot("A. Maintainer", "a@example.org", "Merge branch 'renovate/numpy-2.x' into 'main'"));  // GitLab
    CHECK_FALSE(
        made_by_bot("A. Maintainer", "a@example.org", "Merge pull request #9 from alice/feature/dependabot-docs"));
    CHECK_FALSE(made_by_bot("A. Maintainer", "a@example.org", "Merge pull request #9 from alice/renovate-config"));
}

TEST_CASE("history: the main line counts the changes that came through requests, not the branches' commits") {
    Tree t;
    make_changes(t.root, {{"Initial"},
                          {"Merge pull request #1 from team/drift", "A. Author", true},
                          {"Add the drift check (#2)"},
                          {"Bump numpy (#3)", "dependabot[bot]"},
                          {"Fix a typo"}});
    std::string error;
    auto a = read_commit_activity(t.root, error);
    REQUIRE(a.has_value());
    CHECK(a->commits == 5);   // the branch's own commit too, not the bot's
    CHECK(a->mainline == 4);  // neither the branch's commit nor the bot's
    CHECK(a->merged_requests == 2);
    CHECK(describe(*a) ==
          "5 commits on 4 days, 2024-01-02 to 2024-01-06, 2 of 4 on the main line through pull or merge requests");

    Questionnaire q = mm::test::scan_questionnaire("m", R"(      - id: at-least
        level: 1
        text: A?
        practice: A.
        evidence:
          - {history: {merged_requests: 2, merged_share: 50}}
      - id: one-more
        level: 1
        text: B?
        practice: B.
        evidence:
          - {history: {merged_requests: 3}}
      - id: larger-share
        level: 1
        text: C?
        practice: C.
        evidence:
          - {history: {merged_share: 51}}
)");
    const Plan plan = make_plan(q);
    const auto found = history_hits(plan, *a);
    REQUIRE(found.size() == 1);  // 2 of 4 is 50%: the first rule exactly, not the others
    CHECK(found[0].leaf == plan.order[0]);
    CommitActivity empty_line;
    CHECK(history_hits(plan, empty_line).empty());  // no main line: no share at all
}

TEST_CASE("scan: history rules cite the history, and a shallow or broken one is a warning") {
    Tree t;
    t.file("train.py", "print('train')\n");
    const std::vector<std::string> ids = make_history(t.root, spread(4, 3));
    ScanResult r = scan_tree(history_questionnaire(), t.root);
    const QuestionEvidence* e = r.find("committed");
    REQUIRE(e);
    CHECK(e->suggestion == AnswerKind::Yes);
    REQUIRE_FALSE(e->hits.empty());
    CHECK(e->hits.at(0).path == ".git");
    CHECK(e->hits.at(0).excerpt == "4 commits on 3 days, 2024-01-01 to 2024-01-03");
    CHECK(r.warnings.empty());

    // Its oldest commit gone, as in a shallow clone: the walk stops at the boundary the clone records, and the
    // scan says the history is cut. Without that record, the missing commit ends its line: what was read counts,
    // and the scan names the commit.
    std::filesystem::remove(t.path(".git/objects/" + ids.front().substr(0, 2) + "/" + ids.front().substr(2)));
    ScanResult cut = scan_tree(history_questionnaire(), t.root);
    CHECK(cut.find("committed")->suggestion == AnswerKind::Partial);
    REQUIRE(cut.warnings.size() == 1);
    CHECK(cut.warnings[0].find(".git: commit " + ids.front().substr(0, 12) + ": ") == 0);
    CHECK(cut.warnings[0].find("; the history behind it is not counted") != std::string::npos);
    t.file(".git/shallow", ids.at(1) + "\n");
    r = scan_tree(history_questionnaire(), t.root);
    CHECK(r.find("committed")->suggestion == AnswerKind::Partial);  // 3 commits: fewer than the rule asks
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0] ==
          ".git: a shallow clone (3 commits on 3 days, 2024-01-01 to 2024-01-03): history rules "
          "see only these commits; clone with the full history (actions/checkout: fetch-depth: 0; "
          "GitLab: GIT_DEPTH: 0)");

    // Fewer commits than the rule asks for: the repository alone is partial.
    Tree few;
    few.file("train.py", "print('train')\n");
    make_history(few.root, spread(3, 3));
    CHECK(scan_tree(history_questionnaire(), few.root).find("committed")->suggestion == AnswerKind::Partial);

    // A history that cannot be read: partial from the files, and a warning naming the cause.
    few.file(".git/HEAD", "0123456789abcdef0123456789abcdef01234567\n");
    ScanResult broken = scan_tree(history_questionnaire(), few.root);
    CHECK(broken.find("committed")->suggestion == AnswerKind::Partial);
    REQUIRE(broken.warnings.size() == 1);
    CHECK(broken.warnings[0].find(".git: cannot read the history (") == 0);

    // A questionnaire without history rules never reads it: no warning.
    const Questionnaire plain = mm::test::scan_questionnaire("p", R"(      - id: py
        level: 1
        text: Python?
        practice: Python.
        evidence:
          - {path: "*.py"}
)");
    CHECK(scan_tree(plain, few.root).warnings.empty());
}

TEST_CASE("built-in mlops: reviews from the main line, in a repository of code") {
    const Questionnaire mlops = open_questionnaire("mlops");
    auto reviewed = [&](const Tree& t) {
        const ScanResult r = scan_tree(mlops, t.root);
        const QuestionEvidence* e = r.find("model-code-reviewed");
        REQUIRE(e);
        return e->suggestion;
    };
    // Five requests in a main line of 50 (a tenth): partial. Four, or five in 51: nothing from the history.
    auto history = [](int requests, int direct) {
        std::vector<Change> changes;
        for (int i = 0; i < direct; ++i) changes.push_back({"work " + std::to_string(i)});
        for (int i = 1; i <= requests; ++i)
            changes.push_back({"Change " + std::to_string(i) + " (#" + std::to_string(i) + ")"});
        return changes;
    };
    Tree five;
    five.file("train.py", "print('train')\n");
    make_changes(five.root, history(5, 45));
    CHECK(reviewed(five) == AnswerKind::Partial);
    Tree four;
    four.file("train.py", "print('train')\n");
    make_changes(four.root, history(4, 10));
    CHECK_FALSE(reviewed(four).has_value());
    Tree thin;
    thin.file("train.py", "print('train')\n");
    make_changes(thin.root, history(5, 46));
    CHECK_FALSE(reviewed(thin).has_value());
    // Nine in ten of the main line through requests, by two authors: the branch takes changes only that way (yes);
    // by one person merging their own requests, no more than partial; 19 requests are too few to tell.
    // A repository of code whose main line is `direct` changes pushed by one author, then `requests` changes
    // through requests by `authors` people; what the history suggests for it.
    auto team = [&](int requests, int direct, int authors) {
        std::vector<Change> changes;
        for (int i = 0; i < direct; ++i) {
            Change c{"work " + std::to_string(i)};
            c.email = "dev0@example.org";
            changes.push_back(c);
        }
        for (int i = 1; i <= requests; ++i) {
            Change c{"Change " + std::to_string(i) + " (#" + std::to_string(i) + ")"};
            c.email = "dev" + std::to_string(i % authors) + "@example.org";
            changes.push_back(c);
        }
        Tree t;
        t.file("train.py", "print('train')\n");
        make_changes(t.root, changes);
        return reviewed(t);
    };
    CHECK(team(27, 3, 2) == AnswerKind::Yes);
    CHECK(team(27, 3, 1) == AnswerKind::Partial);
    CHECK(team(26, 4, 2) == AnswerKind::Partial);  // 26 of 30: under nine in ten
    CHECK(team(19, 0, 2) == AnswerKind::Partial);
    // A book or a list of links merged through pull requests says nothing of how model code is reviewed.
    Tree book;
    book.file("README.md", "# A book\n");
    make_changes(book.root, history(5, 5));
    CHECK_FALSE(reviewed(book).has_value());
}
