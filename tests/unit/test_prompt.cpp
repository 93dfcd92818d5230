// The question walk, driven by a scripted terminal: whole sessions, key by key.
#include <unistd.h>

#include <cstdlib>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/answers_file.hpp"
#include "mm/prompt.hpp"
#include "mm/render.hpp"
#include "mm/terminal.hpp"

using namespace mm;

namespace {

// Plays back keys; once they run out it reports a closed terminal, so a walk can never wait forever.
class FakeTerminal final : public Terminal {
public:
    explicit FakeTerminal(const std::string& keys, int columns = 80) : columns_(columns) {
        for (char c : keys) keys_.push_back(Key::character(c));
    }
    void push(Key k) { keys_.push_back(k); }
    Key read_key() override {
        if (keys_.empty()) return Key{Key::Kind::Closed, 0};
        Key k = keys_.front();
        keys_.pop_front();
        return k;
    }
    void write(const std::string& text) override { out += text; }
    int width() override { return columns_; }
    bool color() const override { return false; }

    std::string out;
    int columns_;

private:
    std::deque<Key> keys_;
};

struct Session {
    Questionnaire q = test::questionnaire(read_source(test::data_file("valid/small.yaml")).text, "small.yaml");
    AnswerSet answers;
    std::vector<AnswerSet> saves;
    std::optional<ScoreOptions> offer_scope;  // assess on a terminal offers the scope; most tests leave it out
    WalkOutcome run(FakeTerminal& t, bool review = false) {
        WalkOptions o;
        o.review = review;
        o.offer_scope = offer_scope;
        o.save_path = "answers.yaml";
        return run_walk(q, answers, t, o, [this](const AnswerSet& a) { saves.push_back(a); });
    }
    std::string answer(const std::string& id) const {
        auto it = answers.answers.find(id);
        return it == answers.answers.end() ? "" : answer_text(it->second);
    }
};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// Every line the walk printed fits in `columns` terminal columns.
void check_lines_fit(const std::string& out, int columns) {
    std::size_t start = 0;
    while (start < out.size()) {
        std::size_t end = out.find('\n', start);
        if (end == std::string::npos) end = out.size();
        const std::string line = out.substr(start, end - start);
        INFO(line);
        CHECK(display_width(line) <= columns);
        start = end + 1;
    }
}

}  // namespace

TEST_CASE("walk: answering everything with single keys") {
    Session s;
    FakeTerminal t("2yn" "y2p");  // profile online, then the five questions in order
    REQUIRE(s.run(t) == WalkOutcome::Completed);
    CHECK(s.answers.profile.at("serving") == "online");
    CHECK(s.answer("data-documented") == "yes");
    CHECK(s.answer("data-versioned") == "no");
    CHECK(s.answer("release-documented") == "yes");
    CHECK(s.answer("release-path") == "2");
    CHECK(s.answer("latency-slo") == "partial");
    CHECK(s.answers.questionnaire_id == "small");
    CHECK(s.saves.size() == 6);  // one save per answer
    CHECK(s.saves[1].answers.size() == 1);
    // The intro, dimension headers and progress.
    CHECK(t.out.find("Small interactive model") != std::string::npos);
    // The count is the questionnaire's questions, as `list` counts them; the profile is counted apart.
    CHECK(t.out.find("5 questions, after 1 about your team (which may rule some out)") != std::string::npos);
    CHECK(t.out.find("about 2") != std::string::npos);  // minutes: 15 s a question
    CHECK(t.out.find("saved after every key to answers.yaml") != std::string::npos);
    CHECK(t.out.find("── Data (1 of 2)") != std::string::npos);
    CHECK(t.out.find("Where training data comes from") != std::string::npos);
    CHECK(t.out.find("[team 1/1] About your team") != std::string::npos);
    CHECK(t.out.find("[1/5] Data · level 1 (Repeatable)") != std::string::npos);
    CHECK(t.out.find("[5/5] Deployment · level 2 (Automated)") != std::string::npos);
    CHECK(t.out.find("    2  By a pipeline") != std::string::npos);
    CHECK(t.out.find("Done.") != std::string::npos);
}

TEST_CASE("walk: the profile comes first and rules questions out") {
    Session s;
    FakeTerminal t("1yyy1");  // batch: latency-slo does not apply
    REQUIRE(s.run(t) == WalkOutcome::Completed);
    CHECK(s.answers.profile.at("serving") == "batch");
    CHECK(s.answers.answers.count("latency-slo") == 0);
    CHECK(t.out.find("latency objective") == std::string::npos);
    CHECK(t.out.find("[4/4]") != std::string::npos);
    CHECK(t.out.find("[5/") == std::string::npos);
}

TEST_CASE("walk: back shows the previous answer and lets it change") {
    Session s;
    FakeTerminal t("1y" "b" "n" "yy1");
    REQUIRE(s.run(t) == WalkOutcome::Completed);
    CHECK(s.answer("data-documented") == "no");
    CHECK(s.answer("data-versioned") == "yes");
    CHECK(t.out.find("Current answer: yes (Enter keeps it)") != std::string::npos);
    // Back twice from the first question only says so.
    Session s2;
    FakeTerminal t2("bq");
    CHECK(s2.run(t2) == WalkOutcome::Quit);
    CHECK(t2.out.find("this is the first question") != std::string::npos);
}

TEST_CASE("walk: the left arrow goes back, Enter keeps an answer") {
    Session s;
    FakeTerminal t("1y");
    t.push(Key{Key::Kind::Left, 0});
    t.push(Key::character('\n'));
    for (char c : std::string("nyq")) t.push(Key::character(c));
    CHECK(s.run(t) == WalkOutcome::Quit);
    CHECK(s.answer("data-documented") == "yes");
    CHECK(s.answer("data-versioned") == "no");
    CHECK(s.answer("release-documented") == "yes");
    CHECK(t.out.find("kept") != std::string::npos);
}

TEST_CASE("walk: help shows the help text, practice and tools, then the same question") {
    Session s;
    FakeTerminal t("1?y");
    s.run(t);
    CHECK(t.out.find("Help: Yes when every training data source has an owner") != std::string::npos);
    CHECK(t.out.find("Practice: Document every data source.") != std::string::npos);
    CHECK(t.out.find("Tools: Markdown, DataHub") != std::string::npos);
    CHECK(s.answer("data-documented") == "yes");
}

TEST_CASE("walk: skip leaves a question unanswered") {
    Session s;
    FakeTerminal t("1sy" "s1");
    REQUIRE(s.run(t) == WalkOutcome::Completed);
    CHECK(s.answers.answers.count("data-documented") == 0);
    CHECK(s.answer("data-versioned") == "yes");
    CHECK(s.answers.answers.count("release-documented") == 0);
    CHECK(t.out.find("2 questions left unanswered") != std::string::npos);
    Session one;
    FakeTerminal t1("1s" "yy1");
    REQUIRE(one.run(t1) == WalkOutcome::Completed);
    CHECK(t1.out.find("Done. 1 question left unanswered") != std::string::npos);
}

TEST_CASE("walk: the key legend names the number keys as this questionnaire uses them") {
    Session s;
    FakeTerminal t("q");
    s.run(t);
    // small.yaml: two profile options, choice options 0-2.
    CHECK(t.out.find("1-2 an answer about your team") != std::string::npos);
    CHECK(t.out.find("0-2 a choice's option") != std::string::npos);
    CHECK(t.out.find("0-4") == std::string::npos);
}

TEST_CASE("walk: a question's header fits one line of 80 columns") {
    Session s;
    s.q.dimensions[0].name = "Experimentation and reproducibility of every training run";
    s.q.levels[1].name = "Automated model deployment with gradual rollout";
    FakeTerminal t("1" "s" "q", 80);
    s.run(t);
    check_lines_fit(t.out, 80);
    // Too long with the level's name: the name goes, the dimension and level stay.
    CHECK(t.out.find("[1/4] Experimentation and reproducibility of every training run · level 1\n") !=
          std::string::npos);
    FakeTerminal narrow("1" "q", 50);
    Session s2;
    s2.q.dimensions[0].name = s.q.dimensions[0].name;
    s2.run(narrow);
    check_lines_fit(narrow.out, 50);
    CHECK(narrow.out.find("[1/4] Experimentation and reproducibility of eve…\n") != std::string::npos);
}

TEST_CASE("question_progress: the questions that apply and those left") {
    Session s;
    QuestionProgress p = question_progress(s.q, s.answers);
    CHECK(p.applicable == 5);
    CHECK(p.left == 5);
    s.answers = test::answers("questionnaire: small\nprofile: {serving: batch}\nanswers: {data-documented: yes}\n");
    p = question_progress(s.q, s.answers);
    CHECK(p.applicable == 4);
    CHECK(p.left == 3);
}

TEST_CASE("walk: quit and interrupt stop with the answers so far saved") {
    Session s;
    FakeTerminal t("2yq");
    CHECK(s.run(t) == WalkOutcome::Quit);
    REQUIRE(!s.saves.empty());
    CHECK(s.saves.back().answers.size() == 1);

    Session s2;
    FakeTerminal t2("2y");
    t2.push(Key{Key::Kind::Interrupt, 0});
    t2.push(Key::character('n'));  // never read
    CHECK(s2.run(t2) == WalkOutcome::Interrupted);
    CHECK(s2.saves.size() == 2);
    CHECK(s2.answers.answers.count("data-versioned") == 0);

    Session s3;
    FakeTerminal t3("2");  // then the terminal closes
    CHECK(s3.run(t3) == WalkOutcome::Interrupted);
}

TEST_CASE("walk: an invalid key gets a hint and the same question") {
    Session s;
    FakeTerminal t("x2" "7y" "\n" "n");
    t.push(Key{Key::Kind::Other, 0});
    t.push(Key::character('q'));
    s.run(t);
    CHECK(s.answers.profile.at("serving") == "online");
    CHECK(t.out.find("press 1-2 to choose") != std::string::npos);
    CHECK(t.out.find("press y, p, n or a to answer") != std::string::npos);
    CHECK(s.answer("data-documented") == "yes");
    CHECK(s.answer("data-versioned") == "no");
    CHECK(count(t.out, "[team 1/1]") == 1);  // the question is not printed again, only its key line
    // A choice question takes only its option levels and n/a.
    Session c;
    FakeTerminal tc("1sss" "y" "9" "a");
    c.run(tc);
    CHECK(tc.out.find("press 0-2 to choose an option, or a for n/a") != std::string::npos);
    CHECK(c.answer("release-path") == "n/a");
}

TEST_CASE("walk: resuming asks only what is unanswered") {
    Session s;
    s.answers = test::answers("questionnaire: small\nprofile: {serving: online}\n"
                              "answers: {data-documented: yes, release-path: 1}\n");
    CHECK(questions_to_ask(s.q, s.answers, false) == 3);
    CHECK(questions_to_ask(s.q, s.answers, true) == 6);
    FakeTerminal t("nyy");
    REQUIRE(s.run(t) == WalkOutcome::Completed);
    // Resumed: what is left of the questions that apply, and the progress where the session stands.
    CHECK(t.out.find("3 of 5 questions left;") != std::string::npos);
    CHECK(t.out.find("[2/5] Data · level 2") != std::string::npos);
    CHECK(t.out.find("[1/") == std::string::npos);
    CHECK(t.out.find("How do your models deliver") == std::string::npos);
    CHECK(t.out.find("Are data sources documented?") == std::string::npos);
    CHECK(s.answer("data-documented") == "yes");
    CHECK(s.answer("release-path") == "1");
    CHECK(s.answer("data-versioned") == "no");
    CHECK(s.answer("release-documented") == "yes");
    CHECK(s.answer("latency-slo") == "yes");
}

TEST_CASE("walk: review asks everything with the current answers shown") {
    Session s;
    s.answers = test::answers("questionnaire: small\nprofile: {serving: online}\n"
                              "answers: {data-documented: yes, release-path: 1}\n");
    // Enter keeps, p changes, Enter on an unanswered question only hints (s skips it), q quits.
    FakeTerminal t("\n" "\n" "p" "\n" "s" "\n" "q");
    CHECK(s.run(t, true) == WalkOutcome::Quit);
    CHECK(t.out.find("Reviewing 5 questions, after 1 about your team") != std::string::npos);
    CHECK(t.out.find("Current answer: Real-time serving") != std::string::npos);
    CHECK(t.out.find("Current answer: yes") != std::string::npos);
    CHECK(t.out.find("Current answer: 1 By a script") != std::string::npos);
    CHECK(s.answer("data-documented") == "yes");
    CHECK(s.answer("data-versioned") == "partial");
    CHECK(s.answers.answers.count("release-documented") == 0);
    CHECK(t.out.find("press y, p, n or a to answer") != std::string::npos);
    CHECK(s.answer("release-path") == "1");
}

TEST_CASE("walk: changing the profile on the way back changes what is asked") {
    Session s;
    // online, then back from the first question to the profile and switch to batch.
    FakeTerminal t("2" "b" "1" "yyy1");
    REQUIRE(s.run(t) == WalkOutcome::Completed);
    CHECK(s.answers.profile.at("serving") == "batch");
    CHECK(s.answers.answers.count("latency-slo") == 0);
    CHECK(t.out.find("[4/4]") != std::string::npos);
}

TEST_CASE("walk: text wraps to the terminal and is made safe") {
    Session s;
    s.q.dimensions[0].questions[0].text =
        "A very long question \033[31mwith an escape\033[0m that goes on and on past the edge of a narrow "
        "terminal so that it has to be wrapped onto more than one line";
    FakeTerminal t("1q", 50);
    s.run(t);
    CHECK(t.out.find('\033') == std::string::npos);
    check_lines_fit(t.out, 50);
}

TEST_CASE("color_policy: --color always and never decide, auto colours a terminal unless NO_COLOR or TERM=dumb") {
    struct Case {
        const char* mode;
        const char* no_color;
        const char* term;
        bool is_terminal;
        bool color;
    };
    const Case cases[] = {
        {"always", nullptr, nullptr, false, true}, {"always", "1", "dumb", false, true},
        {"never", nullptr, "xterm", true, false},  {"auto", nullptr, "xterm", true, true},
        {"auto", nullptr, nullptr, true, true},    {"auto", nullptr, "xterm", false, false},
        {"auto", "1", "xterm", true, false},       {"auto", "", "xterm", true, true},  // empty NO_COLOR: unset
        {"auto", nullptr, "dumb", true, false},    {"auto", nullptr, "dumber", true, true},
    };
    for (const Case& c : cases) {
        INFO(c.mode << " NO_COLOR=" << (c.no_color ? c.no_color : "(unset)")
                    << " TERM=" << (c.term ? c.term : "(unset)") << " terminal=" << c.is_terminal);
        CHECK(color_policy(c.mode, c.no_color, c.term, c.is_terminal) == c.color);
    }
    // use_color reads the environment and whether the descriptor is a terminal (a pipe never is).
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    CHECK_FALSE(use_color("auto", fds[1]));
    CHECK(use_color("always", fds[1]));
    ::close(fds[0]);
    ::close(fds[1]);
}

TEST_CASE("terminal_width: a terminal's columns, else $COLUMNS when it is a number from 1 to 9999, else 80") {
    // Standard input of the unit tests is not a terminal under CTest; a pipe never is.
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const char* saved = std::getenv("COLUMNS");
    const std::string old = saved ? saved : "";
    auto width_with = [&](const char* columns) {
        if (columns) ::setenv("COLUMNS", columns, 1);
        else ::unsetenv("COLUMNS");
        return terminal_width(fds[1]);
    };
    CHECK(width_with("120") == 120);
    CHECK(width_with("1") == 1);
    CHECK(width_with("9999") == 9999);
    CHECK(width_with(nullptr) == 80);
    CHECK(width_with("") == 80);
    CHECK(width_with("wide") == 80);
    CHECK(width_with("0") == 80);
    CHECK(width_with("-5") == 80);
    CHECK(width_with("10000") == 80);
    CHECK(width_with("99999999999999999999") == 80);
    if (saved) ::setenv("COLUMNS", old.c_str(), 1);
    else ::unsetenv("COLUMNS");
    ::close(fds[0]);
    ::close(fds[1]);
}

TEST_CASE("decode_key: single keys, Enter, arrows and escape sequences") {
    Key k;
    CHECK(decode_key("y", k) == 1);
    CHECK((k.kind == Key::Kind::Char && k.ch == 'y'));
    CHECK(decode_key("\r\n", k) == 2);
    CHECK(k.ch == '\n');
    CHECK(decode_key("\033[D", k) == 3);
    CHECK(k.kind == Key::Kind::Left);
    CHECK(decode_key("\033[1;5Ay", k) == 6);
    CHECK(k.kind == Key::Kind::Other);
    CHECK(decode_key("\x04", k) == 1);
    CHECK(k.ch == 'q');
    CHECK(decode_key("\xc3\xa9y", k) == 2);
    CHECK(k.kind == Key::Kind::Other);
}

// ---- assess --scan on a terminal: evidence under the question, the suggestion as the default ----

namespace {

Suggestion suggest(std::optional<AnswerKind> kind, std::vector<EvidenceHit> hits, std::size_t hit_count = 0) {
    Suggestion sg;
    sg.answer = kind;
    sg.hit_count = hit_count ? hit_count : hits.size();
    sg.hits = std::move(hits);
    sg.note = "evidence: " + sg.hits.front().path;
    return sg;
}

WalkOutcome run_with(Session& s, FakeTerminal& t, std::map<std::string, Suggestion> suggestions,
                     bool review = false) {
    WalkOptions o;
    o.review = review;
    o.save_path = "answers.yaml";
    o.suggestions = std::move(suggestions);
    o.evidence_root = "repo";
    return run_walk(s.q, s.answers, t, o, [&s](const AnswerSet& a) { s.saves.push_back(a); });
}

std::map<std::string, Suggestion> versioned_yes() {
    return {{"data-versioned",
             suggest(AnswerKind::Yes, {{"data/raw.dvc", 0, ""}, {"dvc.yaml", 0, ""}, {"src/train.py", 3, "import dvc"},
                                       {"src/z.py", 9, ""}},
                     6)}};
}

}  // namespace

TEST_CASE("walk with evidence: hits under the question, the suggestion is the default key") {
    Session s;
    FakeTerminal t("2yq");
    run_with(s, t, versioned_yes());
    CHECK(t.out.find("Evidence in repo suggests an answer to 1 of these questions") != std::string::npos);
    const std::size_t at = t.out.find("[2/5] Data · level 2");
    REQUIRE(at != std::string::npos);
    const std::string q = t.out.substr(at);
    CHECK(q.find("  Evidence (suggests yes):\n"
                 "    data/raw.dvc\n"
                 "    dvc.yaml\n"
                 "    src/train.py:3\n"
                 "    +3 more\n") != std::string::npos);  // three shown of six found
    CHECK(q.find("src/z.py") == std::string::npos);
    CHECK(q.find("  Enter = yes (suggested by the evidence)\n  Y yes  p partial  n no  a n/a") != std::string::npos);
    // A question without evidence shows none, and its keys stay lower case.
    const std::string before = t.out.substr(0, at);
    CHECK(before.find("Evidence (") == std::string::npos);
    CHECK(before.find("Enter =") == std::string::npos);
    CHECK(before.find("  y yes  p partial") != std::string::npos);
}

TEST_CASE("walk with evidence: a history hit shows what the history adds up to") {
    Session s;
    FakeTerminal t("2yq");
    run_with(s, t,
             {{"data-versioned",
               suggest(AnswerKind::Yes, {{".git", 0, "85 commits on 19 days, 2024-01-01 to 2024-02-20"}, {"a.py", 0, ""}},
                       2)}});
    CHECK(t.out.find("  Evidence (suggests yes):\n"
                     "    .git: 85 commits on 19 days, 2024-01-01 to 2024-02-20\n"
                     "    a.py\n") != std::string::npos);
}

TEST_CASE("walk with evidence: Enter takes the suggestion, recorded as evidence with its hits") {
    Session s;
    FakeTerminal t("1y\nq");
    CHECK(run_with(s, t, versioned_yes()) == WalkOutcome::Quit);
    CHECK(s.answer("data-versioned") == "yes");
    CHECK(s.answers.sources.at("data-versioned") == AnswerSource::Evidence);
    REQUIRE(s.answers.evidence.at("data-versioned").size() == 4);
    CHECK(s.answers.evidence.at("data-versioned")[2].line == 3);
    CHECK(s.answers.notes.at("data-versioned") == "evidence: data/raw.dvc");
    CHECK(s.answers.sources.count("data-documented") == 0);  // typed: given
    REQUIRE(!s.saves.empty());
    CHECK(s.saves.back().sources.at("data-versioned") == AnswerSource::Evidence);
    // The note goes into the saved answers file, so the file says where the answer came from.
    CHECK(render_answers_file(s.q, s.saves.back()).find("data-versioned: \"evidence: data/raw.dvc\"") !=
          std::string::npos);
}

TEST_CASE("walk with evidence: another key overrides the suggestion and is given") {
    Session s;
    FakeTerminal t("1y" "N" "q");  // upper case works too
    run_with(s, t, versioned_yes());
    CHECK(s.answer("data-versioned") == "no");
    CHECK(s.answers.sources.count("data-versioned") == 0);
    CHECK(s.answers.notes.count("data-versioned") == 0);
    CHECK(s.answers.evidence.at("data-versioned").size() == 4);  // a given answer still carries what was found

    // Accepted, then back and changed: given again, and the evidence note goes with the suggestion.
    Session b;
    FakeTerminal tb("1y\n" "b" "p" "q");
    run_with(b, tb, versioned_yes());
    CHECK(b.answer("data-versioned") == "partial");
    CHECK(b.answers.sources.count("data-versioned") == 0);
    CHECK(b.answers.notes.count("data-versioned") == 0);
    CHECK(tb.out.find("Current answer: yes (Enter keeps it)") != std::string::npos);

    // A note written by hand is kept either way.
    Session n;
    n.answers.notes["data-versioned"] = "mine";
    FakeTerminal tn("1y\nq");
    run_with(n, tn, versioned_yes());
    CHECK(n.answers.sources.at("data-versioned") == AnswerSource::Evidence);
    CHECK(n.answers.notes.at("data-versioned") == "mine");
}

TEST_CASE("walk with evidence: a current answer wins over the suggestion") {
    Session s;
    s.answers = test::answers("questionnaire: small\nprofile: {serving: online}\nanswers: {data-versioned: no}\n");
    FakeTerminal t("\n" "s" "\n" "q");  // keep the profile, skip data-documented, Enter on data-versioned
    run_with(s, t, versioned_yes(), true);
    CHECK(s.answer("data-versioned") == "no");
    CHECK(s.answers.sources.count("data-versioned") == 0);
    CHECK(t.out.find("Evidence (suggests yes):") != std::string::npos);  // still shown
    CHECK(t.out.find("Current answer: no (Enter keeps it)") != std::string::npos);
    CHECK(t.out.find("Enter = yes") == std::string::npos);
    CHECK(t.out.find("Y yes") == std::string::npos);
}

TEST_CASE("walk with evidence: partial, narrow terminals, choice questions, hostile paths") {
    Session s;
    std::map<std::string, Suggestion> sg = {
        {"data-documented", suggest(AnswerKind::Partial, {{"docs/\033[31mdata\033[0m.md", 0, ""}})},
        {"release-path", suggest(std::nullopt, {{"deploy.sh", 2, ""}})},
    };
    FakeTerminal t("1" "\n" "sy" "\n" "1q", 60);
    run_with(s, t, sg);
    CHECK(s.answer("data-documented") == "partial");
    CHECK(s.answers.sources.at("data-documented") == AnswerSource::Evidence);
    CHECK(t.out.find("Enter = partial (suggested by the evidence)\n  y/P/n/a  ? b s q") != std::string::npos);
    CHECK(t.out.find('\033') == std::string::npos);
    CHECK(t.out.find("docs/[31mdata") == std::string::npos);
    // A choice question shows its evidence but has no default: Enter only hints.
    CHECK(t.out.find("  Evidence:\n    deploy.sh:2\n") != std::string::npos);
    CHECK(t.out.find("press 0-2 to choose an option") != std::string::npos);
    CHECK(s.answer("release-path") == "1");
    CHECK(s.answers.sources.count("release-path") == 0);
}

// File names are bytes, not UTF-8: a lone 0x9B (8-bit CSI) or 0x9D (8-bit OSC) in a scanned path must not reach
// the terminal raw; it shows as U+FFFD.
TEST_CASE("walk with evidence: invalid UTF-8 in a path is replaced, never written raw") {
    Session s;
    std::map<std::string, Suggestion> sg = {
        {"data-documented", suggest(AnswerKind::Yes, {{"docs/a\x9b" "6n.md", 0, ""}, {"b\x9d" "0;x\x07.md", 2, ""}})},
    };
    FakeTerminal t("1" "q");
    run_with(s, t, sg);
    CHECK(t.out.find("    docs/a\xef\xbf\xbd" "6n.md\n") != std::string::npos);
    CHECK(t.out.find("    b\xef\xbf\xbd" "0;x.md:2\n") != std::string::npos);
    CHECK(valid_utf8(t.out) == t.out);  // no byte outside a valid UTF-8 character: no lone 0x9B or 0x9D
}

TEST_CASE("walk with evidence: every line fits 80 columns") {
    Session s;
    FakeTerminal t("1" "\n" "\n" "q", 80);
    run_with(s, t, {{"data-documented", suggest(AnswerKind::Partial, {{"a.md", 1, ""}})},
                    {"data-versioned", versioned_yes().at("data-versioned")}});
    check_lines_fit(t.out, 80);
    CHECK(s.answer("data-versioned") == "yes");
}

// ---- up to the target: after the profile, one y/N question skips the questions above the target ----

TEST_CASE("walk: after the profile, y skips the questions above the target and records the scope") {
    Session s;
    s.offer_scope = ScoreOptions{};
    FakeTerminal t("1" "y" "yy1");  // batch: target 1; data-versioned (level 2) is above it
    REQUIRE(s.run(t) == WalkOutcome::Completed);
    CHECK(t.out.find("Your target is level 1 (Repeatable), recommended for your team.") != std::string::npos);
    CHECK(t.out.find("Skip the 1 question above level 1?") != std::string::npos);
    CHECK(t.out.find("not as gaps (every level is capped at 1)") != std::string::npos);
    CHECK(t.out.find("> skipping them\n") != std::string::npos);
    CHECK(s.answers.up_to_level == 1);
    CHECK(s.saves.at(1).up_to_level == 1);  // saved at once, before the next question
    CHECK(s.answers.answers.count("data-versioned") == 0);
    CHECK(t.out.find("Are datasets versioned?") == std::string::npos);
    CHECK(t.out.find("[3/3]") != std::string::npos);  // the count follows the scope
    CHECK(s.answer("release-path") == "1");
    CHECK(question_progress(s.q, s.answers).applicable == 3);
    check_lines_fit(t.out, 80);
}

TEST_CASE("walk: n or Enter declines the scope, saved as the top level, and every level is asked") {
    for (const char* decline : {"n", "\n"}) {
        Session s;
        s.offer_scope = ScoreOptions{};
        FakeTerminal t(std::string("1") + decline + "yny1");
        REQUIRE(s.run(t) == WalkOutcome::Completed);
        CHECK(s.answers.up_to_level == 2);  // every level: a resumed session does not ask again
        CHECK(s.saves.at(1).up_to_level == 2);
        CHECK(t.out.find("asking every level") != std::string::npos);
        CHECK(s.answer("data-versioned") == "no");
        CHECK(t.out.find("[4/4]") != std::string::npos);
        CHECK(count(t.out, "Skip the 1 question") == 1);
    }
}

TEST_CASE("walk: the scope offer follows the target options, and is left out when nothing lies above") {
    {  // online: target 2, the top level: nothing to skip
        Session s;
        s.offer_scope = ScoreOptions{};
        FakeTerminal t("2" "q");
        s.run(t);
        CHECK(t.out.find("Skip the") == std::string::npos);
    }
    {  // --target-level 2 given: no offer for batch either
        Session s;
        s.offer_scope = ScoreOptions{};
        s.offer_scope->target_level = 2;
        FakeTerminal t("1" "q");
        s.run(t);
        CHECK(t.out.find("Skip the") == std::string::npos);
    }
    {  // a scope already in the answers (a resumed session): not offered again, and respected
        Session s;
        s.offer_scope = ScoreOptions{};
        s.answers.up_to_level = 1;
        FakeTerminal t("1" "yy1");
        REQUIRE(s.run(t) == WalkOutcome::Completed);
        CHECK(t.out.find("Skip the") == std::string::npos);
        CHECK(s.answers.answers.count("data-versioned") == 0);
    }
    {  // without offer_scope (the default), never
        Session s;
        FakeTerminal t("1" "q");
        s.run(t);
        CHECK(t.out.find("Skip the") == std::string::npos);
    }
}

TEST_CASE("walk: at the scope offer b goes back to the profile, q quits, other keys get a hint") {
    Session s;
    s.offer_scope = ScoreOptions{};
    FakeTerminal t("1" "x" "b" "2" "q");  // back, then online: target 2, so no offer
    REQUIRE(s.run(t) == WalkOutcome::Quit);
    CHECK(t.out.find("press y to skip them") != std::string::npos);
    CHECK(s.answers.profile.at("serving") == "online");
    CHECK(count(t.out, "Skip the") == 1);
    Session s2;
    s2.offer_scope = ScoreOptions{};
    FakeTerminal t2("1" "q");
    CHECK(s2.run(t2) == WalkOutcome::Quit);
    CHECK_FALSE(s2.answers.up_to_level);
}

TEST_CASE("walk: a long profile or choice answer echoed after the prompt fits 80 columns") {
    Session s;
    s.q.profile[0].options[0].text = "Batch-only scoring, run every night by a scheduler that a platform team owns";
    s.q.dimensions[1].questions[1].options[1].text = "By a script that an engineer runs by hand from a laptop, then checks";
    FakeTerminal t("1" "y" "n" "y" "1" "q", 80);
    s.run(t);
    check_lines_fit(t.out, 80);
    CHECK(t.out.find("> Batch-only scoring, run every") != std::string::npos);
    CHECK(t.out.find("…\n") != std::string::npos);
}

TEST_CASE("walk: a points questionnaire is answered on the scale automated manual not") {
    Session s;
    s.q = test::questionnaire(R"(id: tiny-tests
title: Tiny test score
version: "1.0"
scoring: {method: points}
levels:
  - {level: 0, name: Not every test automated}
  - {level: 1, name: Every test automated}
dimensions:
  - id: data
    name: Data
    questions:
      - {id: d1, level: 1, text: 'Data test one?', practice: Do data test one.}
      - {id: d2, level: 1, text: 'Data test two?', practice: Do data test two.}
      - {id: d3, level: 1, text: 'Data test three?', practice: Do data test three.}
      - {id: d4, level: 1, text: 'Data test four?', practice: Do data test four.}
)");
    FakeTerminal t("amny");  // a automated, m manual, n not; y still means automated
    REQUIRE(s.run(t) == WalkOutcome::Completed);
    CHECK(s.answer("d1") == "yes");
    CHECK(s.answer("d2") == "partial");
    CHECK(s.answer("d3") == "no");
    CHECK(s.answer("d4") == "yes");
    CHECK(t.out.find("a automated") != std::string::npos);
    CHECK(t.out.find("m manual") != std::string::npos);
    CHECK(t.out.find("not applicable") == std::string::npos);  // no n/a on the rubric's scale
}
