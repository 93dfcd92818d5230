// The interactive assessment: the question walk as a small state machine over a Terminal.
// Profile questions come first (they decide which questions apply), then the questions dimension by dimension;
// every answer is handed to `save` at once. No I/O of its own beyond the Terminal and the callback.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mm/model.hpp"
#include "mm/scoring.hpp"
#include "mm/terminal.hpp"

namespace mm {

// What the repository shows for one question (assess --scan), worked out by the caller: the walk shows the
// first hits under the question and, when the question has no answer yet, makes the suggestion the default
// (Enter takes it). An answer taken that way is recorded with source Evidence, the hits and `note`.
struct Suggestion {
    std::optional<AnswerKind> answer;  // Yes or Partial, for practice questions; none: evidence shown only
    std::vector<EvidenceHit> hits;     // sorted, maybe capped
    std::size_t hit_count = 0;         // all hits, for "+N more"
    std::string note;                  // "evidence: dvc.yaml; src/train.py:3", kept unless a note exists
};

struct WalkOptions {
    // Ask every applicable question, showing its current answer; otherwise only those unanswered at the start.
    bool review = false;
    std::string save_path;  // shown before the first question
    // Per question id; empty without a scan. `evidence_root` (the directory scanned) is named in the intro.
    std::map<std::string, Suggestion> suggestions;
    std::string evidence_root;
    // With a value: once the profile is answered, offer (one y/N question) to skip the questions above the team's
    // target, chosen as scoring chooses it from the profile and these options (--target-level, --min-level).
    // Accepted, the answers get the scope `up_to_level` = the target (docs/scoring.md, "Scope").
    std::optional<ScoreOptions> offer_scope;
};

enum class WalkOutcome {
    Completed,    // walked to the end (some questions may have been skipped)
    Quit,         // the user pressed q
    Interrupted,  // a signal (Ctrl-C, SIGTERM, SIGHUP) or the terminal went away
};

// Called after every change with the full answer set; expected to write it to disk (and throw on failure).
using SaveAnswers = std::function<void(const AnswerSet&)>;

// How many questions a walk would ask now: the profile questions and the questions that apply to the profile
// given so far, all of them with `review`, else only the unanswered ones.
std::size_t questions_to_ask(const Questionnaire& q, const AnswerSet& answers, bool review);

// The questions (not the profile questions) that apply to the profile given so far and lie within the answers'
// scope, and how many of them are unanswered: the count the walk's progress, its intro and its stop message use.
struct QuestionProgress {
    std::size_t applicable = 0;
    std::size_t left = 0;
};
QuestionProgress question_progress(const Questionnaire& q, const AnswerSet& answers);

// Walks the user through the questionnaire, updating `answers` and calling `save` after each change.
WalkOutcome run_walk(const Questionnaire& q, AnswerSet& answers, Terminal& term, const WalkOptions& options,
                     const SaveAnswers& save);

}  // namespace mm
