// The evidence scan (docs/scan.md): walk a repository, match the questionnaire's evidence rules, and turn what
// was found into suggested answers. scan_tree() does the I/O; everything after it is pure functions of plain
// values, so assess, the interactive mode and tests share them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mm/layout.hpp"
#include "mm/model.hpp"

namespace mm {

struct ScanOptions {
    std::uint64_t max_file_size = 4u << 20;  // larger files are not read (counted as skipped)
    int threads = 2;
    std::size_t max_hits_per_question = 20;  // hits kept per question (all are counted)
    std::vector<std::string> exclude;        // --exclude: .gitignore patterns relative to the root, never walked
    // --project: a directory relative to the root; only it is walked, with the repository-level files that
    // apply to it (docs/scan.md, "Projects inside a repository").
    std::string project;
};

struct ScanStats {
    std::uint64_t files = 0;            // regular files seen (outside skipped and ignored directories)
    std::uint64_t directories = 0;      // directories entered
    std::uint64_t files_read = 0;       // files whose content was searched
    std::uint64_t bytes_read = 0;
    std::uint64_t ignored = 0;          // entries ignored by the root .gitignore
    std::uint64_t skipped_dirs = 0;     // .git, node_modules, virtual envs, build outputs...
    std::uint64_t skipped_binary = 0;   // a NUL byte in the first 8 KiB
    std::uint64_t skipped_large = 0;    // over max_file_size
    std::uint64_t skipped_symlinks = 0; // directory symlinks, and file symlinks leading out of the tree
    std::uint64_t unreadable = 0;       // files or directories that could not be read (warnings)
    std::uint64_t excluded = 0;         // entries left out by --exclude, or outside --project
    std::uint64_t inert_workflows = 0;  // GitHub workflows whose every trigger is commented out: never evidence

    std::uint64_t skipped() const { return skipped_binary + skipped_large + skipped_symlinks + unreadable; }
};

// What the scan found for one question.
struct QuestionEvidence {
    std::string question;
    std::string dimension;
    std::size_t rules = 0;                  // top-level evidence rules of the question
    std::optional<AnswerKind> suggestion;   // Yes or Partial (Choice: suggested_option); none when nothing matched
    int suggested_option = 0;               // suggestion Choice: the option's level
    std::vector<EvidenceHit> hits;          // from the rules that matched, sorted by path and line, capped
    std::size_t hit_count = 0;              // all hits, before the cap
};

struct ScanResult {
    std::string root;                        // the directory as given
    std::string project;                     // --project, normalised ("" for the whole tree)
    Layout layout;                           // one project, several, or a course (of what was walked)
    std::vector<QuestionEvidence> questions; // questions with at least one rule, in questionnaire order
    ScanStats stats;
    std::vector<std::string> warnings;       // unreadable files and directories, sorted
    std::string history_problem;             // why the history rules saw no history ("" when they did or were
                                             // none); its warning, history_unreadable(), is among `warnings`

    // The evidence for a question, or nullptr when it has no rules. For the interactive mode: show `hits`
    // under the question and offer `suggestion` as the default.
    const QuestionEvidence* find(const std::string& question) const;
};

// Walks `root` and evaluates every evidence rule of `q` (docs/scan.md: what is skipped, symlinks, limits).
// Throws InputError when `root` is not a readable directory; anything unreadable below it is a warning.
ScanResult scan_tree(const Questionnaire& q, const std::string& root, const ScanOptions& options = {});

// The warning a scan gives when the history rules cannot read the history, for `problem`.
std::string history_unreadable(const std::string& problem);

// ---- pure functions over the result ----

// The suggested answers as an answers set: suggestion, source Evidence, the hits, and a note listing them
// ("evidence: dvc.yaml; src/train.py:3"). Practice questions only (a suggestion is yes or partial).
AnswerSet suggested_answers(const Questionnaire& q, const ScanResult& scan);

// The note written for a question's evidence: "evidence: dvc.yaml; src/train.py:3 (+2 more)".
std::string evidence_note(const QuestionEvidence& e, std::size_t shown = 3);

// Fills the practice questions that `answers` does not answer with the scan's suggestions (source Evidence),
// and attaches the hits to given answers too. Given answers always win.
void prefill_answers(const Questionnaire& q, const ScanResult& scan, AnswerSet& answers);

// Given answers that disagree with the repository: a "no" where evidence exists (likely out of date), and a
// "yes" on a question that has rules but where none matched (unverified). Answers whose source is Evidence are
// not checked. In questionnaire order.
std::vector<Contradiction> find_contradictions(const Questionnaire& q, const AnswerSet& answers,
                                               const ScanResult& scan);

// --require-evidence: every unverified "yes" counts as "no"; the note says why. Returns how many changed.
std::size_t apply_require_evidence(AnswerSet& answers, const std::vector<Contradiction>& contradictions);

// ---- rendering (layout only) ----

// What was scanned, in words: "one project", "24 projects (a, b, c and 21 more)", "a course or example gallery
// (teaching folders: 01-intro, 02-setup, homework and 9 more)". Raw text: the caller escapes it.
std::string layout_text(const ScanResult& scan);
std::string render_scan_text(const Questionnaire& q, const ScanResult& scan, bool color, int width);
std::string render_scan_json(const Questionnaire& q, const ScanResult& scan, const std::string& tool_version);

}  // namespace mm
