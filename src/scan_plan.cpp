// The pure part of a scan: the plan of a questionnaire's evidence rules, the line a match cites, and the evidence
// each question gets from the hits of the plan's leaves.
#include "scan_plan.hpp"

#include <algorithm>
#include <optional>

#include "mm/diagnostics.hpp"

namespace mm::scanning {

namespace {

constexpr std::size_t kExcerptMax = 160;

// Whether a glob may match a directory: only when its last segment names one literally (`.git`,
// `**/great_expectations`, `{a,b}` of literal names). A wildcard in the last segment (`**/*.dvc`,
// `**/train*.py`, `x/**`) names files, so `.dvc/` (made by `dvc init`) is not a `*.dvc` file.
bool glob_names_directories(const std::string& glob) {
    std::size_t last = 0;
    int depth = 0;
    for (std::size_t i = 0; i < glob.size(); ++i) {
        char c = glob[i];
        if (c == '\\') ++i;
        else if (c == '{') ++depth;
        else if (c == '}') --depth;
        else if (c == '/' && depth == 0) last = i + 1;
    }
    for (std::size_t i = last; i < glob.size(); ++i) {
        char c = glob[i];
        if (c == '\\') ++i;
        else if (c == '*' || c == '?' || c == '[') return false;
    }
    return true;
}

std::string excerpt_of(std::string_view line) {
    std::size_t b = 0, e = line.size();
    while (b < e && (line[b] == ' ' || line[b] == '\t')) ++b;
    while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t' || line[e - 1] == '\r')) --e;
    std::string_view s = line.substr(b, e - b);
    if (s.size() <= kExcerptMax) return std::string(s);
    std::size_t cut = kExcerptMax;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // a UTF-8 boundary
    return std::string(s.substr(0, cut)) + "...";
}

struct Evaluated {
    bool matched = false;
    std::vector<EvidenceHit> hits;
};

// Whether rule `r` matched, and its hits: `next` is the plan's leaf of the next path or content rule.
Evaluated evaluate_rule(const EvidenceRule& r, const Plan& plan, std::size_t& next,
                        const std::vector<std::vector<EvidenceHit>>& leaf_hits) {
    Evaluated out;
    if (r.kind == EvidenceRule::Kind::All) {
        out.matched = true;
        for (const auto& sub : r.all) {  // every sub-rule is visited, to keep `next` in step
            Evaluated e = evaluate_rule(sub, plan, next, leaf_hits);
            out.matched = out.matched && e.matched;
            out.hits.insert(out.hits.end(), e.hits.begin(), e.hits.end());
        }
        if (!out.matched) out.hits.clear();
        return out;
    }
    const auto& hits = leaf_hits[static_cast<std::size_t>(plan.order[next++])];
    out.matched = !hits.empty();
    out.hits = hits;
    return out;
}

}  // namespace

int Plan::glob_id(const std::string& g, bool ignore_case) {
    auto [it, fresh] = glob_ids.emplace(std::make_pair(g, ignore_case), static_cast<int>(glob_ids.size()));
    if (fresh) {
        globs.add_regex((ignore_case ? "(?i)" : "") + glob_to_regex(g));
        path_leaves.emplace_back();
        content_leaves.emplace_back();
        dir_ok.push_back(glob_names_directories(g));
    }
    return it->second;
}

int Plan::pattern_id(const std::string& p) {
    auto [it, fresh] = pattern_ids.emplace(p, static_cast<int>(patterns.size()));
    if (fresh) patterns.push_back("(?m)" + p);
    return it->second;
}

void Plan::add(const EvidenceRule& r) {
    if (r.kind == EvidenceRule::Kind::All) {
        for (const auto& sub : r.all) add(sub);
        return;
    }
    if (r.kind == EvidenceRule::Kind::History) {
        auto [it, fresh] = history_leaf_ids.emplace(r.history, static_cast<int>(leaves.size()));
        if (fresh) {
            Leaf leaf;
            leaf.history = r.history;
            leaves.push_back(leaf);
            history_leaves.push_back(it->second);
        }
        order.push_back(it->second);
        return;
    }
    Leaf leaf;
    leaf.content = r.kind == EvidenceRule::Kind::Content;
    leaf.glob = glob_id(r.glob, r.ignore_case);
    if (leaf.content) leaf.pattern = pattern_id(r.pattern);
    if (!r.except.empty()) leaf.except = glob_id(r.except, r.ignore_case);
    if (leaf.content && !r.unless.empty()) leaf.unless = pattern_id(r.unless);
    auto [it, fresh] = leaf_ids.emplace(
        std::make_tuple(leaf.content, leaf.glob, leaf.pattern, leaf.except, leaf.unless),
        static_cast<int>(leaves.size()));
    if (fresh) {
        leaves.push_back(leaf);
        auto& by_glob = leaf.content ? content_leaves : path_leaves;
        by_glob[static_cast<std::size_t>(leaf.glob)].push_back(it->second);
    }
    order.push_back(it->second);
}

Plan make_plan(const Questionnaire& q) {
    Plan plan;
    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions)
            for (const auto& r : qu.evidence) plan.add(r);
    std::string error;
    if (!plan.globs.compile(&error)) throw InputError(Diagnostic{q.source_name, 0, 0, error});
    for (const auto& p : plan.patterns) {
        plan.single.push_back(std::make_unique<RE2>(p, content_options()));
        if (!plan.single.back()->ok())
            throw InputError(Diagnostic{q.source_name, 0, 0, "invalid RE2 pattern '" + p + "': " +
                                                                 plan.single.back()->error()});
    }
    return plan;
}

RE2::Options content_options() {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(64 << 20);
    return o;
}

Found locate(const RE2& pattern, std::string_view text, const CommentStyle& style) {
    constexpr int kMaxCandidates = 1000;
    // A multi-line match that starts in a comment is retried from the next line, so code after a commented-out
    // line is still found (each retry searches the rest of the text: bounded apart from the candidates).
    constexpr int kMaxCommentRetries = 64;
    int comment_retries = 0;
    re2::StringPiece piece(text.data(), text.size()), m;
    int best = -1;
    std::size_t best_off = 0, best_start = 0, best_stop = 0;
    std::size_t pos = 0;
    for (int n = 0; n < kMaxCandidates && pos <= text.size(); ++n) {
        if (!pattern.Match(piece, pos, piece.size(), RE2::UNANCHORED, &m, 1)) break;
        std::size_t off = static_cast<std::size_t>(m.data() - text.data());
        std::size_t end = off + m.size();
        // A match that starts with blank lines ((?m)^\s*...) belongs to the line where its text starts.
        while (off < end && (text[off] == '\n' || text[off] == '\r' || text[off] == ' ' || text[off] == '\t')) ++off;
        if (off == end) off = static_cast<std::size_t>(m.data() - text.data());
        std::size_t start = off == 0 ? std::string_view::npos : text.rfind('\n', off - 1);
        start = start == std::string_view::npos ? 0 : start + 1;
        std::size_t stop = text.find('\n', off);
        if (stop == std::string_view::npos) stop = text.size();
        // A match on one line is judged at its last byte: a pattern anchored at the start of the line
        // (`^[^@\n]*x\(`) starts before the comment marker it covers. A match that spans lines is judged where its
        // text starts: its first line runs to the line's end, so a trailing comment there (`import schedule  #
        // in-process`) is not where the match is.
        std::size_t last = std::max(off, std::min(end, stop));
        if (last > off) --last;
        const bool commented = in_comment(text, end > stop ? off : last, style);
        if (!commented) {
            int strength = hit_strength(text.substr(start, stop - start), off - start, std::min(end, stop) - start);
            if (strength > best) {
                best = strength;
                best_off = off;
                best_start = start;
                best_stop = stop;
            }
            if (strength >= 3) break;
        }
        // The next line, or past a match that spans lines; but a spanning match that starts in a comment may
        // cover real code after it (`# df = pd.read_csv(old)` above the training script's own read).
        pos = commented && end > stop && comment_retries++ < kMaxCommentRetries ? stop + 1 : std::max(stop + 1, end);
    }
    if (best < 0) return {};
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(best_off), '\n'));
    return {line, excerpt_of(text.substr(best_start, best_stop - best_start))};
}

std::vector<LeafHit> history_hits(const Plan& plan, const CommitActivity& activity) {
    std::vector<LeafHit> out;
    for (int id : plan.history_leaves) {
        if (reaches(activity, plan.leaves[static_cast<std::size_t>(id)].history))
            out.push_back({id, ".git", 0, describe(activity)});
    }
    return out;
}

std::vector<QuestionEvidence> evaluate(const Questionnaire& q, const Plan& plan, std::vector<LeafHit> hits,
                                       std::size_t max_hits) {
    std::sort(hits.begin(), hits.end(), [](const LeafHit& a, const LeafHit& b) {
        return std::tie(a.leaf, a.path, a.line) < std::tie(b.leaf, b.path, b.line);
    });
    std::vector<std::vector<EvidenceHit>> leaf_hits(plan.leaves.size());
    for (auto& h : hits) leaf_hits[static_cast<std::size_t>(h.leaf)].push_back({std::move(h.path), h.line, std::move(h.excerpt)});

    std::vector<QuestionEvidence> out;
    std::size_t next = 0;
    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions) {
            if (qu.evidence.empty()) continue;
            QuestionEvidence e;
            e.question = qu.id;
            e.dimension = d.id;
            e.rules = qu.evidence.size();
            bool full = false, partial = false;
            std::optional<int> option;  // choice questions: the highest option a matched rule names
            for (const auto& r : qu.evidence) {
                Evaluated ev = evaluate_rule(r, plan, next, leaf_hits);
                if (!ev.matched) continue;
                if (qu.type == QuestionType::Choice) {
                    if (r.suggests_option) option = std::max(option.value_or(-1), *r.suggests_option);
                } else {
                    (r.suggests_partial ? partial : full) = true;
                }
                e.hits.insert(e.hits.end(), ev.hits.begin(), ev.hits.end());
            }
            if (option) {
                e.suggestion = AnswerKind::Choice;
                e.suggested_option = *option;
            } else if (full) {
                e.suggestion = AnswerKind::Yes;
            } else if (partial) {
                e.suggestion = AnswerKind::Partial;
            }
            std::sort(e.hits.begin(), e.hits.end(), [](const EvidenceHit& a, const EvidenceHit& b) {
                return std::tie(a.path, a.line) < std::tie(b.path, b.line);
            });
            e.hits.erase(std::unique(e.hits.begin(), e.hits.end(),
                                     [](const EvidenceHit& a, const EvidenceHit& b) {
                                         return a.path == b.path && a.line == b.line;
                                     }),
                         e.hits.end());
            e.hit_count = e.hits.size();
            if (e.hits.size() > max_hits) e.hits.resize(max_hits);
            out.push_back(std::move(e));
        }
    return out;
}

}  // namespace mm::scanning
