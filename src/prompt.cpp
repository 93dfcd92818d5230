#include "mm/prompt.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <vector>

#include "mm/text.hpp"
#include "mm/scoring.hpp"

namespace mm {

namespace {

constexpr int kSecondsPerQuestion = 15;
constexpr int kMaxWidth = 100;  // longer lines are hard to read, however wide the terminal
constexpr std::size_t kHitsShown = 3;  // evidence hits listed under a question; the rest are counted

// One thing the walk can ask: a profile question or a practice/choice question.
struct Item {
    const ProfileQuestion* profile = nullptr;
    const Question* question = nullptr;
    const Dimension* dimension = nullptr;
    std::size_t dimension_index = 0;

    const std::string& id() const { return profile ? profile->id : question->id; }
};

std::vector<Item> all_items(const Questionnaire& q) {
    std::vector<Item> items;
    for (const auto& p : q.profile) items.push_back(Item{&p, nullptr, nullptr, 0});
    for (std::size_t di = 0; di < q.dimensions.size(); ++di)
        for (const auto& qu : q.dimensions[di].questions)
            items.push_back(Item{nullptr, &qu, &q.dimensions[di], di});
    return items;
}

bool answered(const AnswerSet& a, const Item& it) {
    return it.profile ? a.profile.count(it.profile->id) > 0 : a.answers.count(it.question->id) > 0;
}

struct Style {
    bool on;
    std::string bold(const std::string& s) const { return styled(Ansi::Bold, s, on); }
    std::string dim(const std::string& s) const { return styled(Ansi::Dim, s, on); }
    std::string cyan(const std::string& s) const { return styled(Ansi::Cyan, s, on); }
    std::string green(const std::string& s) const { return styled(Ansi::Green, s, on); }
    std::string yellow(const std::string& s) const { return styled(Ansi::Yellow, s, on); }
    std::string red(const std::string& s) const { return styled(Ansi::Red, s, on); }
};

// "1 question", "2 questions".
std::string count_of(std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string minutes(std::size_t questions) {
    const std::size_t seconds = questions * kSecondsPerQuestion;
    if (seconds < 60) return "under a minute";
    const std::size_t m = (seconds + 59) / 60;
    return fmt::format("about {} minute{}", m, m == 1 ? "" : "s");
}

class Walk {
public:
    Walk(const Questionnaire& q, AnswerSet& answers, Terminal& term, const WalkOptions& options,
         const SaveAnswers& save)
        : q_(q), answers_(answers), term_(term), options_(options), save_(save), items_(all_items(q)),
          style_{term.color()} {
        for (const auto& it : items_)
            if (!answered(answers_, it)) unanswered_at_start_.insert(it.id());
    }

    WalkOutcome run();
    std::size_t count_due() const { return count_due_before(items_.size()); }

private:
    enum class Step { Next, Back, Stay, Quit, Stop };

    // A question that applies to the profile given so far and lies within the answers' scope.
    bool asked(const Question& qu) const {
        return applies(q_, qu, answers_.profile) && in_scope(qu, answers_.up_to_level);
    }
    bool due(std::size_t i) const {
        const Item& it = items_[i];
        if (!options_.review && !unanswered_at_start_.count(it.id())) return false;
        return it.profile || asked(*it.question);
    }
    std::size_t next_due(std::size_t from) const {
        while (from < items_.size() && !due(from)) ++from;
        return from;
    }
    std::size_t count_due_before(std::size_t end) const {
        std::size_t n = 0;
        for (std::size_t i = 0; i < end; ++i) n += due(i) ? 1 : 0;
        return n;
    }
    // A question (not a profile question) that applies to the profile given so far, answered or not. The
    // progress counts these, so "[12/44]" means the same in a fresh, a resumed and a reviewing session.
    bool applicable(std::size_t i) const { return items_[i].question && asked(*items_[i].question); }
    std::size_t count_applicable_before(std::size_t end) const {
        std::size_t n = 0;
        for (std::size_t i = 0; i < end; ++i) n += applicable(i) ? 1 : 0;
        return n;
    }
    int width() const { return std::min(term_.width(), kMaxWidth); }
    // `text` wrapped to the terminal, every line indented by `indent`.
    std::string para(const std::string& text, int indent) const {
        return std::string(static_cast<std::size_t>(indent), ' ') + wrap(text, width(), indent) + "\n";
    }
    // "    2  By a pipeline", the text wrapped under itself.
    std::string option_line(std::size_t number, const std::string& text) const {
        return fmt::format("    {}  ", number) + wrap(terminal_safe(text), width(), 7) + "\n";
    }
    // Short entries packed into indented lines no wider than the terminal.
    std::string packed(const std::vector<std::string>& entries) const {
        std::string out, line;
        for (const auto& e : entries) {
            if (!line.empty() && static_cast<int>(2 + line.size() + 3 + e.size()) > width()) {
                out += "  " + line + "\n";
                line.clear();
            }
            line += (line.empty() ? "" : "   ") + e;
        }
        return out + "  " + line + "\n";
    }
    std::string rule(const std::string& full_title) const {
        const std::string title = truncate_to(full_title, std::max(width() - 5, 10));  // one line, always
        std::string head = "── " + title + " ";
        int used = 3 + display_width(title) + 1;
        std::string line;
        for (int i = used; i < std::min(width() - 1, 79); ++i) line += "─";
        return style_.bold(head) + style_.dim(line) + "\n";
    }

    // The scan's findings for a question, or nullptr.
    const Suggestion* suggestion(const Item& it) const {
        if (!it.question) return nullptr;
        auto found = options_.suggestions.find(it.question->id);
        return found == options_.suggestions.end() ? nullptr : &found->second;
    }
    // The answer Enter takes: the suggestion, for a practice question not answered yet.
    std::optional<AnswerKind> default_answer(const Item& it) const {
        const Suggestion* sg = suggestion(it);
        if (!sg || !sg->answer || it.question->type != QuestionType::Practice || answered(answers_, it)) return {};
        return sg->answer;
    }
    std::string evidence_lines(const Suggestion& sg) const;

    // "Up to the target": the target once the profile is answered, and how many questions still to ask lie
    // above it; none when there is nothing to offer (no offer asked for, a scope already set, by an answer to
    // the offer or in the file, a target of 0 or the top level, or nothing above it left to ask).
    struct ScopeOffer {
        Target target;
        std::size_t saved = 0;
    };
    std::optional<ScopeOffer> scope_offer() const;
    Step ask_scope(const ScopeOffer& offer);
    bool go_back(std::size_t& i);

    void intro();
    void show(std::size_t i);
    void show_prompt(const Item& it);
    void show_help(const Item& it);
    std::string current_answer(const Item& it) const;
    Step handle(std::size_t i, const Key& key);
    void hint(const Item& it);
    void answer_with(const Item& it, const Answer* a, const std::string* profile_value, bool from_evidence = false);
    // An answer's text echoed after the prompt, cut to what is left of the line (an option's text can be long).
    std::string echo_fit(const std::string& text) const {
        return truncate_to(text, std::max(width() - 1 - prompt_width_, 10));
    }

    const Questionnaire& q_;
    AnswerSet& answers_;
    Terminal& term_;
    const WalkOptions& options_;
    const SaveAnswers& save_;
    std::vector<Item> items_;
    Style style_;
    std::set<std::string> unanswered_at_start_;
    std::vector<std::size_t> history_;  // items asked before the current one, for `b`
    const Dimension* shown_dimension_ = nullptr;
    bool shown_profile_header_ = false;
    int prompt_width_ = 0;  // columns the last prompt line took, where the echoed answer starts
};

void Walk::intro() {
    const std::size_t questions = q_.question_count();
    const std::size_t applicable_now = count_applicable_before(items_.size());
    std::size_t profile_due = 0;
    for (std::size_t i = 0; i < items_.size(); ++i) profile_due += due(i) && items_[i].profile ? 1 : 0;
    const std::size_t due_now = count_due();
    const std::size_t questions_due = due_now - profile_due;
    std::string out = "\n" + style_.bold(terminal_safe(q_.title)) +
                      fmt::format(" ({} {})\n", terminal_safe(q_.id), terminal_safe(q_.version));
    const std::string team = profile_due ? fmt::format(", after {} about your team", profile_due) : "";
    std::string count;
    if (options_.review)
        count = "Reviewing " + count_of(questions_due, "question", "questions") + team + ", with the current answers";
    else if (questions_due < questions && (questions_due < applicable_now || profile_due < q_.profile.size()))
        // A resumed session: what is left of the questions that apply, not a fresh count from 1.
        count = fmt::format("{} of {} left", questions_due, count_of(applicable_now, "question", "questions")) + team;
    else
        count = count_of(questions, "question", "questions") + team;
    if (profile_due && !options_.review && questions_due == questions) count += " (which may rule some out)";
    out += para(count + "; " + minutes(due_now) + ".", 0);
    out += "One key answers, no Enter needed:\n";
    // The ML Test Score's scale for a points questionnaire, which has no n/a (docs/scoring.md, "Points").
    if (q_.scoring_method == ScoringMethod::Points) out += packed({"a automated", "m manual", "n not done"});
    else out += packed({"y yes", "p partial", "n no", "a not applicable"});
    // The number keys as this questionnaire uses them: 1-N picks a profile option, a choice's option is its level.
    std::vector<std::string> numbers;
    std::size_t profile_options = 0;
    for (const auto& p : q_.profile) profile_options = std::max(profile_options, p.options.size());
    if (profile_options) numbers.push_back(fmt::format("1-{} an answer about your team", profile_options));
    int lowest = -1, highest = -1;
    for (const auto& d : q_.dimensions)
        for (const auto& qu : d.questions)
            if (qu.type == QuestionType::Choice)
                for (const auto& o : qu.options) {
                    lowest = lowest < 0 ? o.level : std::min(lowest, o.level);
                    highest = std::max(highest, o.level);
                }
    if (highest >= 0) numbers.push_back(fmt::format("{}-{} a choice's option", lowest, highest));
    if (!numbers.empty()) out += packed(numbers);
    out += packed({"? help", "b back", "s skip", "q quit (nothing is lost; resume later)"});
    if (!options_.suggestions.empty()) {
        std::size_t suggested = 0;
        for (std::size_t i = 0; i < items_.size(); ++i) suggested += due(i) && default_answer(items_[i]) ? 1 : 0;
        std::string root = options_.evidence_root.empty() ? "the repository" : terminal_safe(options_.evidence_root);
        out += para(fmt::format("Evidence in {} suggests an answer to {} of these questions: it is shown under "
                                "the question, Enter accepts it, another key overrides it.",
                                root, suggested),
                    0);
    }
    out += para("Answers are saved after every key to " + terminal_safe(options_.save_path) + ".", 0);
    term_.write(out);
}

std::string Walk::current_answer(const Item& it) const {
    if (it.profile) {
        auto found = answers_.profile.find(it.profile->id);
        if (found == answers_.profile.end()) return "";
        const ProfileOption* o = it.profile->option(found->second);
        return o ? terminal_safe(o->text) : terminal_safe(found->second);
    }
    auto found = answers_.answers.find(it.question->id);
    if (found == answers_.answers.end()) return "";
    const Answer& a = found->second;
    if (a.kind == AnswerKind::Choice) {
        const ChoiceOption* o = it.question->option_at(a.choice_level);
        return std::to_string(a.choice_level) + (o ? " " + terminal_safe(o->text) : std::string());
    }
    return a.kind == AnswerKind::NotApplicable ? "not applicable" : to_string(a.kind);
}

void Walk::show(std::size_t i) {
    const Item& it = items_[i];
    std::string out;
    if (it.profile && !shown_profile_header_) {
        shown_profile_header_ = true;
        out += "\n" + rule("About your team");
        out += para("These answers decide which questions apply and the level worth aiming for.", 0);
    } else if (it.dimension && it.dimension != shown_dimension_) {
        out += "\n" + rule(fmt::format("{} ({} of {})", terminal_safe(it.dimension->name), it.dimension_index + 1,
                                       q_.dimensions.size()));
        if (!it.dimension->description.empty()) out += para(terminal_safe(it.dimension->description), 0);
    }
    if (it.dimension) shown_dimension_ = it.dimension;

    std::string where, progress;
    if (it.profile) {
        where = "About your team";
        progress = fmt::format("[team {}/{}]", i + 1, q_.profile.size());  // profile items come first
    } else {
        progress = fmt::format("[{}/{}]", count_applicable_before(i + 1), count_applicable_before(items_.size()));
        if (it.question->type == QuestionType::Choice) {
            where = terminal_safe(it.dimension->name) + " · choice";
        } else {
            where = fmt::format("{} · level {}", terminal_safe(it.dimension->name), it.question->level);
            // The level's name only when the header still fits one line; then the dimension is cut.
            const std::string name = q_.level_name(it.question->level);
            const std::string named = where + " (" + terminal_safe(name) + ")";
            if (!name.empty() && display_width(progress) + 1 + display_width(named) <= width() - 1) where = named;
        }
    }
    where = truncate_to(where, std::max(width() - 2 - display_width(progress), 10));
    out += "\n" + style_.cyan(progress) + " " + style_.dim(where) + "\n";
    out += style_.bold(para(terminal_safe(it.profile ? it.profile->text : it.question->text), 2));
    if (it.profile) {
        for (std::size_t k = 0; k < it.profile->options.size(); ++k)
            out += option_line(k + 1, it.profile->options[k].text);
    } else {
        for (const auto& o : it.question->options) out += option_line(static_cast<std::size_t>(o.level), o.text);
    }
    if (const Suggestion* sg = suggestion(it)) out += evidence_lines(*sg);
    const std::string now = current_answer(it);
    if (!now.empty()) out += para("Current answer: " + now + " (Enter keeps it)", 2);
    term_.write(out);
    show_prompt(it);
}

// "  Evidence (suggests yes):" and the first hits, "path:line", then "+N more".
std::string Walk::evidence_lines(const Suggestion& sg) const {
    if (sg.hits.empty()) return "";
    const std::string head = sg.answer ? "Evidence (suggests " + to_string(*sg.answer) + "):" : "Evidence:";
    std::string out = "  " + style_.dim(head) + "\n";
    const std::size_t shown = std::min(kHitsShown, sg.hits.size());
    for (std::size_t k = 0; k < shown; ++k) {
        const EvidenceHit& h = sg.hits[k];
        std::string where = h.path + (h.line > 0 ? ":" + std::to_string(h.line) : std::string());
        if (h.line == 0 && !h.excerpt.empty()) where += ": " + h.excerpt;  // a history rule's summary
        out += para(terminal_safe(where), 4);
    }
    const std::size_t total = std::max(sg.hit_count, sg.hits.size());
    if (total > shown) out += "    " + style_.dim(fmt::format("+{} more", total - shown)) + "\n";
    return out;
}

void Walk::show_prompt(const Item& it) {
    const bool narrow = term_.width() < 76;
    const std::optional<AnswerKind> def = default_answer(it);
    // The default key in upper case ("Y/p/n/a"), said in words on the line above.
    auto key = [&](char c, AnswerKind k) {
        return std::string(1, def == k ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    };
    if (def) term_.write("  " + style_.bold("Enter = " + to_string(*def)) + " (suggested by the evidence)\n");
    std::string keys;
    if (it.profile) {
        keys = fmt::format("1-{} choose", it.profile->options.size());
    } else if (it.question->type == QuestionType::Choice) {
        const auto& opts = it.question->options;
        keys = fmt::format("{}-{} choose{}a n/a", opts.front().level, opts.back().level, narrow ? " " : "  ");
    } else if (q_.scoring_method == ScoringMethod::Points) {
        const std::string y = key('a', AnswerKind::Yes), p = key('m', AnswerKind::Partial);
        keys = narrow ? y + "/" + p + "/n" : y + " automated  " + p + " manual  n not";
    } else {
        const std::string y = key('y', AnswerKind::Yes), p = key('p', AnswerKind::Partial);
        keys = narrow ? y + "/" + p + "/n/a" : y + " yes  " + p + " partial  n no  a n/a";
    }
    keys += narrow ? "  ? b s q" : "   ? help  b back  s skip  q quit";
    prompt_width_ = 2 + display_width(keys) + 3;
    term_.write("  " + style_.dim(keys) + " > ");
}

void Walk::show_help(const Item& it) {
    std::string out = "\n";
    const std::string& help = it.profile ? it.profile->help : it.question->help;
    if (!help.empty()) out += para("Help: " + terminal_safe(help), 4);
    if (it.question) {
        if (!it.question->practice.empty()) out += para("Practice: " + terminal_safe(it.question->practice), 4);
        if (!it.question->tools.empty()) {
            std::string tools;
            for (const auto& t : it.question->tools) tools += (tools.empty() ? "" : ", ") + terminal_safe(t);
            out += para("Tools: " + tools, 4);
        }
        if (!it.question->references.empty()) {
            std::string refs;
            for (const auto& r : it.question->references) refs += (refs.empty() ? "" : "; ") + terminal_safe(r);
            out += para("References: " + refs, 4);
        }
    }
    if (out == "\n") out += "  No help for this question.\n";
    term_.write(out);
}

void Walk::hint(const Item& it) {
    std::string h;
    if (it.profile)
        h = fmt::format("press 1-{} to choose", it.profile->options.size());
    else if (it.question->type == QuestionType::Choice)
        h = fmt::format("press {}-{} to choose an option, or a for n/a", it.question->options.front().level,
                        it.question->options.back().level);
    else if (q_.scoring_method == ScoringMethod::Points)
        h = "press a (automated), m (manual) or n (not done) to answer";
    else
        h = "press y, p, n or a to answer";
    if (const std::optional<AnswerKind> def = default_answer(it)) h += " (Enter: " + to_string(*def) + ")";
    term_.write("\n" + style_.yellow(para(h + "; ? for help, s to skip, q to quit", 2)));
}

void Walk::answer_with(const Item& it, const Answer* a, const std::string* profile_value, bool from_evidence) {
    std::string echo;
    const bool points = q_.scoring_method == ScoringMethod::Points;
    if (a) {
        const std::string& id = it.question->id;
        answers_.answers[id] = *a;
        // Where the answer came from: the suggestion (with its hits and note), or the user (given).
        if (const Suggestion* sg = suggestion(it)) {
            auto note = answers_.notes.find(id);
            if (from_evidence) {
                answers_.sources[id] = AnswerSource::Evidence;
                if (note == answers_.notes.end() && !sg->note.empty()) answers_.notes[id] = sg->note;
            } else {
                answers_.sources.erase(id);
                if (note != answers_.notes.end() && note->second == sg->note) answers_.notes.erase(note);
            }
            if (!sg->hits.empty()) answers_.evidence[id] = sg->hits;
        } else {
            answers_.sources.erase(id);
        }
        switch (a->kind) {
            case AnswerKind::Yes: echo = style_.green(points ? "automated" : "yes"); break;
            case AnswerKind::Partial: echo = style_.yellow(points ? "manual" : "partial"); break;
            case AnswerKind::No: echo = style_.red(points ? "not" : "no"); break;
            case AnswerKind::NotApplicable: echo = "not applicable"; break;
            case AnswerKind::Choice: echo = echo_fit(current_answer(it)); break;
        }
    } else {
        answers_.profile[it.profile->id] = *profile_value;
        echo = echo_fit(current_answer(it));
    }
    if (answers_.questionnaire_id.empty()) answers_.questionnaire_id = q_.id;
    term_.write(echo + "\n");
    save_(answers_);
}

Walk::Step Walk::handle(std::size_t i, const Key& key) {
    const Item& it = items_[i];
    switch (key.kind) {
        case Key::Kind::Interrupt:
        case Key::Kind::Closed: return Step::Stop;
        case Key::Kind::Left: term_.write("back\n"); return Step::Back;
        case Key::Kind::Other: hint(it); show_prompt(it); return Step::Stay;
        case Key::Kind::Char: break;
    }
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(key.ch)));
    switch (c) {
        case 'q': term_.write("quit\n"); return Step::Quit;
        case 'b': term_.write("back\n"); return Step::Back;
        case 's': term_.write(style_.dim("skipped") + "\n"); return Step::Next;
        case '?': show_help(it); show_prompt(it); return Step::Stay;
        case '\n':
            if (answered(answers_, it)) {
                term_.write(style_.dim("kept") + "\n");
                return Step::Next;
            }
            if (const std::optional<AnswerKind> def = default_answer(it)) {
                Answer a;
                a.kind = *def;
                answer_with(it, &a, nullptr, true);
                return Step::Next;
            }
            break;
        default: break;
    }
    if (it.profile) {
        if (c >= '1' && c <= '9') {
            const std::size_t k = static_cast<std::size_t>(c - '1');
            if (k < it.profile->options.size()) {
                answer_with(it, nullptr, &it.profile->options[k].value);
                return Step::Next;
            }
        }
    } else {
        Answer a;
        bool ok = true;
        const bool points = q_.scoring_method == ScoringMethod::Points;
        if (points && (c == 'a' || c == 'm')) {  // automated, manual; y, p and n still work
            a.kind = c == 'a' ? AnswerKind::Yes : AnswerKind::Partial;
        } else if (c == 'a') {
            a.kind = AnswerKind::NotApplicable;
        } else if (it.question->type == QuestionType::Choice) {
            ok = c >= '0' && c <= '9' && it.question->option_at(c - '0');
            a.kind = AnswerKind::Choice;
            a.choice_level = c - '0';
        } else if (c == 'y') {
            a.kind = AnswerKind::Yes;
        } else if (c == 'p') {
            a.kind = AnswerKind::Partial;
        } else if (c == 'n') {
            a.kind = AnswerKind::No;
        } else {
            ok = false;
        }
        if (ok) {
            answer_with(it, &a, nullptr);
            return Step::Next;
        }
    }
    hint(it);
    show_prompt(it);
    return Step::Stay;
}

std::optional<Walk::ScopeOffer> Walk::scope_offer() const {
    if (!options_.offer_scope || answers_.up_to_level) return std::nullopt;
    const std::optional<Target> target =
        effective_target(choose_target(q_, answers_.profile, *options_.offer_scope), options_.offer_scope->gate);
    // A target of 0 would leave nothing to assess; at the top level nothing lies above it.
    if (!target || target->level < 1 || target->level >= q_.max_level()) return std::nullopt;
    ScopeOffer offer{*target, 0};
    for (std::size_t i = 0; i < items_.size(); ++i)
        offer.saved += due(i) && items_[i].question && !in_scope(*items_[i].question, target->level) ? 1 : 0;
    if (offer.saved == 0) return std::nullopt;
    return offer;
}

Walk::Step Walk::ask_scope(const ScopeOffer& offer) {
    const Target& t = offer.target;
    const std::string why = t.source == "given" ? "given with --target-level"
                            : t.source == "gate" ? "required by --min-level"
                                                 : "recommended for your team";
    std::string out = "\n" + rule("Up to your target");
    out += para(fmt::format("Your target is level {} ({}), {}.", t.level, terminal_safe(q_.level_name(t.level)), why), 0);
    out += style_.bold(para(fmt::format("Skip the {} above level {}?", count_of(offer.saved, "question", "questions"),
                                        t.level),
                            0));
    out += para(fmt::format("They stay unanswered, and the report shows the levels above {} as not assessed, not as "
                            "gaps (every level is capped at {}). Remove 'scope:' from the answers file to answer "
                            "them later.",
                            t.level, t.level),
                0);
    term_.write(out);
    const std::string keys = term_.width() < 76 ? "y/N  b q" : "y skip them  n ask them (Enter)   b back  q quit";
    for (;;) {
        prompt_width_ = 2 + display_width(keys) + 3;
        term_.write("  " + style_.dim(keys) + " > ");
        const Key key = term_.read_key();
        if (key.kind == Key::Kind::Interrupt || key.kind == Key::Kind::Closed) return Step::Stop;
        if (key.kind == Key::Kind::Left) {
            term_.write("back\n");
            return Step::Back;
        }
        const char c = key.kind == Key::Kind::Char ? static_cast<char>(std::tolower(static_cast<unsigned char>(key.ch)))
                                                   : '\0';
        if (c == 'y' || c == 'n' || c == '\n') {
            // Declining is saved too (a scope of the top level changes nothing), so a resumed session does not
            // ask again.
            const bool skip = c == 'y';
            answers_.up_to_level = skip ? t.level : q_.max_level();
            if (answers_.questionnaire_id.empty()) answers_.questionnaire_id = q_.id;
            term_.write(skip ? "skipping them\n" : "asking every level\n");
            save_(answers_);
            return Step::Next;
        }
        if (c == 'b') {
            term_.write("back\n");
            return Step::Back;
        }
        if (c == 'q') {
            term_.write("quit\n");
            return Step::Quit;
        }
        term_.write("\n" + style_.yellow(para("press y to skip them, n or Enter to answer them; q to quit", 2)));
    }
}

// Back to the question asked before the current one; false (and a note) at the first.
bool Walk::go_back(std::size_t& i) {
    // Questions asked earlier may no longer apply after a profile answer changed.
    while (!history_.empty() && !due(history_.back())) history_.pop_back();
    if (history_.empty()) {
        term_.write("  " + style_.yellow("this is the first question") + "\n");
        return false;
    }
    i = history_.back();
    history_.pop_back();
    return true;
}

WalkOutcome Walk::run() {
    intro();
    std::size_t i = next_due(0);
    bool fresh = true;  // show the whole question (not just the prompt line) before reading a key
    while (i < items_.size()) {
        // Entering the questions with the profile answered: the offer to stop at the target, once per target.
        if (fresh && items_[i].question)
            if (const std::optional<ScopeOffer> offer = scope_offer()) {
                switch (ask_scope(*offer)) {
                    case Step::Quit: return WalkOutcome::Quit;
                    case Step::Stop: term_.write("\n"); return WalkOutcome::Interrupted;
                    case Step::Back: go_back(i); break;
                    default: i = next_due(i); break;  // the scope may rule this question out
                }
                continue;
            }
        if (fresh) show(i);
        fresh = true;
        switch (handle(i, term_.read_key())) {
            case Step::Stay: fresh = false; break;
            case Step::Next:
                history_.push_back(i);
                i = next_due(i + 1);
                break;
            case Step::Back:
                if (!go_back(i)) {
                    show_prompt(items_[i]);
                    fresh = false;
                }
                break;
            case Step::Quit: return WalkOutcome::Quit;
            case Step::Stop: term_.write("\n"); return WalkOutcome::Interrupted;
        }
    }
    std::size_t skipped = 0;
    for (std::size_t k = 0; k < items_.size(); ++k)
        if (due(k) && !answered(answers_, items_[k])) ++skipped;
    term_.write("\n" + style_.bold("Done.") +
                (skipped ? " " + wrap(count_of(skipped, "question", "questions") +
                                          " left unanswered (they count as the scoring rule says).",
                                      width() - 6, 0) + "\n"
                         : std::string("\n")) +
                "\n");
    return WalkOutcome::Completed;
}

}  // namespace

QuestionProgress question_progress(const Questionnaire& q, const AnswerSet& answers) {
    QuestionProgress p;
    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions)
            if (applies(q, qu, answers.profile) && in_scope(qu, answers.up_to_level)) {
                ++p.applicable;
                p.left += answers.answers.count(qu.id) ? 0 : 1;
            }
    return p;
}

std::size_t questions_to_ask(const Questionnaire& q, const AnswerSet& answers, bool review) {
    AnswerSet copy = answers;
    struct NullTerminal final : Terminal {
        Key read_key() override { return Key{Key::Kind::Closed, 0}; }
        void write(const std::string&) override {}
        int width() override { return 80; }
        bool color() const override { return false; }
    } null_terminal;
    WalkOptions options;
    options.review = review;
    SaveAnswers none = [](const AnswerSet&) {};
    return Walk(q, copy, null_terminal, options, none).count_due();
}

WalkOutcome run_walk(const Questionnaire& q, AnswerSet& answers, Terminal& term, const WalkOptions& options,
                     const SaveAnswers& save) {
    return Walk(q, answers, term, options, save).run();
}

}  // namespace mm
