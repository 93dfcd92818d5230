// The JSON report, out and back in, side by side so the round trip stays exact (docs/report-format.md).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <string_view>

#include "json_writer.hpp"
#include "mm/diagnostics.hpp"
#include "mm/report.hpp"
#include "report_check.hpp"

namespace mm {

QuestionnaireInfo info_of(const Questionnaire& q) {
    return {q.id, q.title, q.version, q.digest, q.levels};
}

Report make_report(const Questionnaire& q, Assessment a, std::optional<GateResult> gate) {
    Report r;
    r.questionnaire = info_of(q);
    r.assessment = std::move(a);
    r.gate = std::move(gate);
    return r;
}

double round_within_whole(double x, double scale) {
    // From 2^52 on a double is a whole number: there is nothing to round, and x * scale could overflow to infinity.
    if (!(std::fabs(x) < 0x1p52)) return x;
    double r = std::round(x * scale) / scale;
    const double whole = std::floor(x);
    if (r >= whole + 1.0) r = whole + (scale - 1.0) / scale;
    return r;
}

namespace {

namespace rc = report_check;

// Four decimals are plenty for coverages and scores, and keep reports free of float noise (0.30000000000000004).
double rounded(double x) { return round_within_whole(x); }

// ---- the reader's document ----
// The reader's document: objects are std::maps, so building one of n members takes n log n (an ordered_json
// object is a list that each new member is compared against: a profile of 160,000 entries took three minutes).
using json = nlohmann::json;

// Builds the document from nlohmann's parse events, refusing as it goes what would make it big for nothing:
// nesting deeper than rc::kMaxDepth, a sixth questionnaire level, a 101st profile entry. (A report of 400,000
// levels stops at the sixth instead of taking 160 MB first.) nlohmann's parse(text, callback) could check the
// depth too, but its callback parser scans the enclosing array at the end of every object: 400,000 levels took
// over three minutes.
class DocumentBuilder {
public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    DocumentBuilder(std::string_view text, const std::string& file) : text_(text), file_(file), checks_(file) {}
    json take() { return std::move(root_); }

    bool null() { return put(nullptr); }
    bool boolean(bool v) { return put(v); }
    bool number_integer(number_integer_t v) { return put(v); }
    bool number_unsigned(number_unsigned_t v) { return put(v); }
    bool number_float(number_float_t v, const string_t&) { return put(v); }
    bool string(string_t& v) { return put(std::move(v)); }
    bool binary(binary_t& v) { return put(json::binary(std::move(v))); }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool key(string_t& k) {
        Open& o = stack_.back();
        if (o.bounded == Bounded::Profile) checks_.profile_entry("profile", o.count++);
        key_ = std::move(k);
        return true;
    }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t offset, const std::string&, const nlohmann::detail::exception& e) {
        rc::fail_syntax(file_, text_, offset, e);
    }

private:
    // The containers whose size is bounded while parsing.
    enum class Bounded { No, Root, Questionnaire, Levels, Profile };
    struct Open {
        json* value;  // an element's address is stable while it is open
        Bounded bounded;
        std::size_t count;  // Levels: elements so far; Profile: members so far
    };

    std::string_view text_;
    const std::string& file_;
    rc::Checks checks_;
    json root_;
    std::vector<Open> stack_;
    string_t key_;

    // What a container opening now is, from the object it opens in and the key it is under (only the report,
    // its questionnaire, the questionnaire's list of levels and the profile object matter).
    Bounded bounded_child(bool object) const {
        if (stack_.empty()) return object ? Bounded::Root : Bounded::No;
        const Bounded parent = stack_.back().bounded;
        if (parent == Bounded::Root && key_ == "questionnaire" && object) return Bounded::Questionnaire;
        if (parent == Bounded::Root && key_ == "profile" && object) return Bounded::Profile;
        if (parent == Bounded::Questionnaire && key_ == "levels" && !object) return Bounded::Levels;
        return Bounded::No;
    }

    // Puts a value where the parser is: the root, the next element of the open array, or the member named by the
    // last key of the open object (a repeated key keeps its last value, as nlohmann's own parser does).
    json* place(json v) {
        if (stack_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Open& o = stack_.back();
        json& parent = *o.value;
        if (parent.is_array()) {
            if (o.bounded == Bounded::Levels) checks_.level_entry("questionnaire.levels", o.count++);
            parent.push_back(std::move(v));
            return &parent.back();
        }
        json& slot = parent[key_];
        slot = std::move(v);
        return &slot;
    }
    bool put(json v) {
        place(std::move(v));
        return true;
    }
    bool open(json container) {
        if (stack_.size() >= rc::kMaxDepth) rc::fail_depth(file_);
        const Bounded bounded = bounded_child(container.is_object());
        stack_.push_back({place(std::move(container)), bounded, 0});
        return true;
    }
    bool close() {
        stack_.pop_back();
        return true;
    }
};

json parse_report(const std::string& text, const std::string& file) {
    DocumentBuilder builder(text, file);
    json::sax_parse(text, &builder, json::input_format_t::json, true);
    return builder.take();
}

// A report saved before rule 2 has no `held_by` or `missing_for_next`: they follow from what it has, as
// scoring derives them (the dimensions at the overall level; the blocking gaps of each dimension).
void derive_reasons(Report& r) {
    Assessment& a = r.assessment;
    a.held_by.clear();
    if (a.overall_level < r.questionnaire.max_level())
        for (const auto& d : a.dimensions)
            if (d.level == a.overall_level) a.held_by.push_back(d.id);
    std::map<std::string, DimensionResult*> by_id;
    for (auto& d : a.dimensions) {
        d.missing_for_next.clear();
        by_id.emplace(d.id, &d);
    }
    for (const auto& g : a.gaps)
        if (auto it = by_id.find(g.dimension); g.blocking && it != by_id.end())
            it->second->missing_for_next.push_back(g.question);
}

// ---- reading: typed access to a saved report's members ----

// Every member's type and range is checked, and every message names the JSON path of the element
// ("gaps[5].tools"); `path` arguments are the path of the object being read ("" for the report itself).
class In {
public:
    explicit In(const std::string& file) : file_(file), checks(file) {}

    const std::string& file_;
    rc::Checks checks;  // ranges, and levels against the questionnaire's (set by its from_json)

    [[noreturn]] void fail(const std::string& path, const std::string& what) const { checks.fail(path, what); }

    const json& member(const json& obj, const char* key, const std::string& path) const {
        if (!obj.is_object()) fail(path, "expected an object");
        auto it = obj.find(key);
        if (it == obj.end()) fail(path, std::string("missing '") + key + "'");
        return *it;
    }
    static const json* optional(const json& obj, const char* key) {
        auto it = obj.find(key);
        return it == obj.end() ? nullptr : &*it;
    }
    std::string str(const json& obj, const char* key, const std::string& path) const {
        const json& v = member(obj, key, path);
        if (!v.is_string()) fail(rc::member(path, key), "expected a string");
        return v.get<std::string>();
    }
    std::string opt_str(const json& obj, const char* key, const std::string& path) const {
        if (obj.is_object() && !obj.contains(key)) return {};
        return str(obj, key, path);
    }
    // A whole number as written; one beyond 64 bits reads as the largest, which every range check refuses.
    static long long whole_value(const json& v) {
        if (v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(LLONG_MAX))
            return LLONG_MAX;
        return v.get<long long>();
    }
    long long whole(const json& v, const std::string& path) const {
        if (!v.is_number_integer()) fail(path, "expected a whole number");
        return whole_value(v);
    }
    int count(const json& obj, const char* key, const std::string& path, long long min, long long max) const {
        const std::string at = rc::member(path, key);
        long long x = whole(member(obj, key, path), at);
        checks.whole(at, x, min, max);
        return static_cast<int>(x);
    }
    int level(const json& obj, const char* key, const std::string& path) const {
        const std::string at = rc::member(path, key);
        long long x = whole(member(obj, key, path), at);
        checks.level(at, x);
        return static_cast<int>(x);
    }
    double number(const json& obj, const char* key, const std::string& path) const {
        const json& v = member(obj, key, path);
        if (!v.is_number()) fail(rc::member(path, key), "expected a number");
        return v.get<double>();
    }
    double fraction(const json& obj, const char* key, const std::string& path) const {
        double x = number(obj, key, path);
        checks.fraction(rc::member(path, key), x);
        return x;
    }
    bool boolean(const json& obj, const char* key, const std::string& path) const {
        const json& v = member(obj, key, path);
        if (!v.is_boolean()) fail(rc::member(path, key), "expected true or false");
        return v.get<bool>();
    }
    // A member added after 1.0 of the format: `fallback` in reports written before it.
    bool opt_boolean(const json& obj, const char* key, const std::string& path, bool fallback) const {
        return optional(obj, key) ? boolean(obj, key, path) : fallback;
    }
    const json& array(const json& obj, const char* key, const std::string& path) const {
        const json& v = member(obj, key, path);
        if (!v.is_array()) fail(rc::member(path, key), "expected an array");
        return v;
    }
    std::vector<std::string> strings(const json& obj, const char* key, const std::string& path) const {
        std::vector<std::string> out;
        if (obj.is_object() && !obj.contains(key)) return out;
        for (const auto& v : array(obj, key, path)) {
            if (!v.is_string()) fail(rc::member(path, key), "expected strings");
            out.push_back(v.get<std::string>());
        }
        return out;
    }
};

// ---- each type: write_json and from_json side by side, so what is written is what is read ----
// write_json(w, x) writes x as one value (members in the order the format lists them); from_json(in, j, path, out)
// reads `j`, the value at `path`; members added after 1.0 of the format are optional.

// An answer: a choice level, or yes, partial, no, n/a.
void write_json(JsonWriter& w, const Answer& a) {
    if (a.kind == AnswerKind::Choice)
        w.value(a.choice_level);
    else
        w.value(to_string(a.kind));
}
void from_json(const In& in, const json& v, const std::string& path, Answer& a) {
    if (v.is_number_integer()) {
        const long long k = In::whole_value(v);
        in.checks.level(path, k);
        a.kind = AnswerKind::Choice;
        a.choice_level = static_cast<int>(k);
        return;
    }
    if (!v.is_string()) in.fail(path, "expected an answer (yes, partial, no, n/a or a choice level)");
    a.kind = in.checks.enum_value(path, "answer", v.get<std::string>(),
                                  {AnswerKind::Yes, AnswerKind::Partial, AnswerKind::No, AnswerKind::NotApplicable},
                                  "a choice level");
}

void write_json(JsonWriter& w, const std::vector<EvidenceHit>& hits) {
    w.begin_array();
    for (const auto& h : hits) {
        w.begin_object();
        w.member("path", h.path);
        if (h.line > 0) w.member("line", h.line);
        if (!h.excerpt.empty()) w.member("excerpt", h.excerpt);
        w.end_object();
    }
    w.end_array();
}
// The `evidence` member of the object `obj` at `path`, when it has one.
void evidence_from_json(const In& in, const json& obj, const std::string& path, std::vector<EvidenceHit>& out) {
    if (!In::optional(obj, "evidence")) return;
    const std::string evidence_path = rc::member(path, "evidence");
    const json& hits = in.array(obj, "evidence", path);
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const std::string hpath = rc::element(evidence_path, i);
        EvidenceHit h;
        h.path = in.str(hits[i], "path", hpath);
        // Lines of files up to the scan's size bound (1 GiB): millions are possible.
        if (In::optional(hits[i], "line")) h.line = in.count(hits[i], "line", hpath, 1, INT_MAX);
        h.excerpt = in.opt_str(hits[i], "excerpt", hpath);
        out.push_back(std::move(h));
    }
}

// First of the report's parts to be read, as every level elsewhere in the report must be one of these.
void write_json(JsonWriter& w, const QuestionnaireInfo& q) {
    w.begin_object();
    w.member("id", q.id);
    w.member("title", q.title);
    w.member("version", q.version);
    w.member("digest", q.digest);
    w.key("levels");
    w.begin_array();
    for (const auto& l : q.levels) {
        w.begin_object();
        w.member("level", l.level);
        w.member("name", l.name);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}
void from_json(In& in, const json& q, const std::string& path, QuestionnaireInfo& out) {
    out.id = in.str(q, "id", path);
    out.title = in.str(q, "title", path);
    out.version = in.str(q, "version", path);
    out.digest = in.str(q, "digest", path);
    const std::string levels_path = rc::member(path, "levels");
    const json& levels = in.array(q, "levels", path);
    for (std::size_t i = 0; i < levels.size(); ++i) {  // at most 5: parse_report refused a sixth
        const std::string lpath = rc::element(levels_path, i);
        const std::string at = rc::member(lpath, "level");
        const long long n = in.whole(in.member(levels[i], "level", lpath), at);
        in.checks.level_number(at, i, n);
        out.levels.push_back({static_cast<int>(n), in.str(levels[i], "name", lpath), ""});
    }
    in.checks.set_levels(levels_path, levels.size());
}

void write_json(JsonWriter& w, const Target& t) {
    w.begin_object();
    w.member("level", t.level);
    w.member("source", t.source);
    w.member("reason", t.reason);
    w.end_object();
}
void from_json(const In& in, const json& t, const std::string& path, Target& out) {
    out = Target{in.level(t, "level", path), in.str(t, "source", path), in.str(t, "reason", path)};
}

void write_json(JsonWriter& w, const std::map<std::string, std::string>& profile) {
    w.begin_object();
    for (const auto& [k, v] : profile) w.member(k, v);
    w.end_object();
}
void from_json(const In& in, const json& p, const std::string& path, std::map<std::string, std::string>& out) {
    if (!p.is_object()) in.fail(path, "expected an object");  // of at most 100 entries: see parse_report
    for (const auto& [k, v] : p.items()) {
        if (!v.is_string()) in.fail(rc::member(path, k), "expected a string");
        out[k] = v.get<std::string>();
    }
}

void write_json(JsonWriter& w, const std::vector<SeeAlso>& see_also) {
    w.begin_array();
    for (const auto& x : see_also) {
        w.begin_object();
        w.member("questionnaire", x.questionnaire);
        w.member("because", x.because);
        w.end_object();
    }
    w.end_array();
}
void from_json(const In& in, const json& s, const std::string& path, std::vector<SeeAlso>& out) {
    if (!s.is_array()) in.fail(path, "expected an array");
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::string at = rc::element(path, i);
        out.push_back({in.str(s[i], "questionnaire", at), in.str(s[i], "because", at)});
    }
}

// The points method's result: one section per dimension, in the same order; each score within 0 .. max; the
// final score the lowest of them and its band the one points_band gives, so a report cannot contradict itself.
void write_json(JsonWriter& w, const PointsResult& p) {
    w.begin_object();
    w.key("sections");
    w.begin_array();
    for (const auto& s : p.sections) {
        w.begin_object();
        w.member("id", s.id);
        w.member("name", s.name);
        w.member("score", rounded(s.score));
        w.member("max", rounded(s.max));
        w.end_object();
    }
    w.end_array();
    w.member("final", rounded(p.final_score));
    w.member("band", p.band);
    w.end_object();
}
void from_json(const In& in, const json& p, const std::string& path, const std::vector<DimensionResult>& dimensions,
               PointsResult& out) {
    if (!p.is_object()) in.fail(path, "expected an object");
    std::vector<SectionPoints> read;
    const std::string sections_path = rc::member(path, "sections");
    const json& sections = in.array(p, "sections", path);
    if (sections.size() != dimensions.size())
        in.fail(sections_path, "has " + std::to_string(sections.size()) + " sections for " +
                                   std::to_string(dimensions.size()) + " dimensions");
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const std::string spath = rc::element(sections_path, i);
        SectionPoints s{in.str(sections[i], "id", spath), in.str(sections[i], "name", spath),
                        in.number(sections[i], "score", spath), in.number(sections[i], "max", spath)};
        if (s.id != dimensions[i].id)
            in.fail(rc::member(spath, "id"), "'" + s.id + "' is not dimension '" + dimensions[i].id + "'");
        if (!(s.max >= 0.0 && s.max <= rc::kMaxCount)) in.fail(rc::member(spath, "max"), "must be a number of tests");
        if (!(s.score >= 0.0 && s.score <= s.max)) in.fail(rc::member(spath, "score"), "must be from 0 to its 'max'");
        read.push_back(std::move(s));
    }
    out = points_of(std::move(read));  // the final score and band the sections give
    const double lowest = out.final_score;
    out.final_score = in.number(p, "final", path);
    if (std::fabs(out.final_score - lowest) > 1e-9)
        in.fail(rc::member(path, "final"),
                points_text(out.final_score) + " is not the lowest section score " + points_text(lowest));
    out.band = in.str(p, "band", path);
    if (out.band != points_band(out.final_score))
        in.fail(rc::member(path, "band"), "'" + out.band + "' is not the band of " + points_text(out.final_score) +
                                              " ('" + points_band(out.final_score) + "')");
}

// A level of a dimension; the defining practices are written from rule 2 on (before it, all of them).
void write_json(JsonWriter& w, const LevelResult& l, int rule) {
    w.begin_object();
    w.member("level", l.level);
    w.member("coverage", rounded(l.coverage));
    w.member("met", l.met);
    w.member("practices", l.practices);
    if (rule >= 2) {
        w.member("defining_coverage", rounded(l.defining_coverage));
        w.member("defining_practices", l.defining_practices);
        if (l.met_from_above) w.member("met_from_above", true);
    }
    if (!l.assessed) w.member("assessed", false);  // above the scope
    w.end_object();
}
void from_json(const In& in, const json& l, const std::string& path, std::size_t index, LevelResult& out) {
    const std::string at = rc::member(path, "level");
    const long long n = in.whole(in.member(l, "level", path), at);
    in.checks.dimension_level_number(at, index, n);
    out = LevelResult{static_cast<int>(n), in.fraction(l, "coverage", path), in.boolean(l, "met", path),
                      in.count(l, "practices", path, 0, rc::kMaxCount)};
    out.defining_coverage =
        In::optional(l, "defining_coverage") ? in.fraction(l, "defining_coverage", path) : out.coverage;
    out.defining_practices = In::optional(l, "defining_practices")
                                 ? in.count(l, "defining_practices", path, 0, rc::kMaxCount)
                                 : out.practices;
    out.met_from_above = in.opt_boolean(l, "met_from_above", path, false);
    out.assessed = in.opt_boolean(l, "assessed", path, true);
}

void write_json(JsonWriter& w, const DimensionResult& d, int rule) {
    w.begin_object();
    w.member("id", d.id);
    w.member("name", d.name);
    w.member("level", d.level);
    w.member("progress", rounded(d.progress));
    w.key("levels");
    w.begin_array();
    for (const auto& l : d.levels) write_json(w, l, rule);
    w.end_array();
    w.member("missing_for_next", d.missing_for_next);
    if (!d.assessed) w.member("assessed", false);  // only when false: reports before it are all assessed
    if (!d.shown) w.member("shown", false);        // from evidence, the files do not show its level 1
    w.end_object();
}
void from_json(const In& in, const json& d, const std::string& path, DimensionResult& out) {
    out.id = in.str(d, "id", path);
    out.name = in.str(d, "name", path);
    out.level = in.level(d, "level", path);
    out.progress = in.number(d, "progress", path);
    in.checks.progress(rc::member(path, "progress"), out.progress);
    const std::string levels_path = rc::member(path, "levels");
    const json& levels = in.array(d, "levels", path);
    in.checks.dimension_level_count(levels_path, levels.size());
    for (std::size_t i = 0; i < levels.size(); ++i) {
        LevelResult lr;
        from_json(in, levels[i], rc::element(levels_path, i), i, lr);
        out.levels.push_back(lr);
    }
    out.missing_for_next = in.strings(d, "missing_for_next", path);
    out.assessed = in.opt_boolean(d, "assessed", path, true);
    out.shown = in.opt_boolean(d, "shown", path, true);
}

// `waived` is derived from the report's waivers (only with a valid waiver), so a reader of the gaps alone sees
// it; reading ignores it.
void write_json(JsonWriter& w, const Gap& g, const std::optional<WaiverSummary>& waivers) {
    w.begin_object();
    w.member("priority", g.priority);
    w.member("question", g.question);
    w.member("dimension", g.dimension);
    w.member("level", g.level);
    w.member("group", to_string(g.group));
    w.member("blocking", g.blocking);
    w.member("defining", g.defining);
    w.member("text", g.text);
    w.member("practice", g.practice);
    w.member("tools", g.tools);
    w.member("references", g.references);
    w.member("weight", g.weight);
    w.member("credit", rounded(g.credit));
    w.member("unanswered", g.unanswered);
    if (g.next_option) {
        w.key("next_option");
        w.begin_object();
        w.member("level", *g.next_option);
        w.member("text", g.next_option_text);
        w.end_object();
    }
    if (const WaiverResult* e = waivers ? waivers->find(g.question) : nullptr; e && e->status == WaiverStatus::Valid)
        w.member("waived", true);
    w.end_object();
}
void from_json(const In& in, const json& g, const std::string& path, Gap& gap) {
    gap.priority = in.count(g, "priority", path, 1, rc::kMaxCount);
    gap.question = in.str(g, "question", path);
    gap.dimension = in.str(g, "dimension", path);
    const std::string level_path = rc::member(path, "level");
    const long long lvl = in.whole(in.member(g, "level", path), level_path);
    in.checks.practice_level(level_path, lvl);
    gap.level = static_cast<int>(lvl);
    gap.group = in.checks.gap_group(rc::member(path, "group"), in.str(g, "group", path));
    gap.within_target = gap.group != GapGroup::Optional;
    gap.blocking = in.boolean(g, "blocking", path);
    gap.defining = in.opt_boolean(g, "defining", path, true);
    gap.text = in.str(g, "text", path);
    gap.practice = in.str(g, "practice", path);
    gap.tools = in.strings(g, "tools", path);
    gap.references = in.strings(g, "references", path);
    gap.weight = in.number(g, "weight", path);
    in.checks.weight(rc::member(path, "weight"), gap.weight);
    gap.credit = in.fraction(g, "credit", path);
    gap.unanswered = in.boolean(g, "unanswered", path);
    if (const json* n = In::optional(g, "next_option")) {
        const std::string next_path = rc::member(path, "next_option");
        gap.next_option = in.level(*n, "level", next_path);
        gap.next_option_text = in.str(*n, "text", next_path);
    }
}

// An element of `answers` (an answered or n/a question). After a scan every answer says where it came from.
void write_json(JsonWriter& w, const QuestionResult& qr, bool after_scan) {
    w.begin_object();
    w.member("question", qr.question);
    w.member("dimension", qr.dimension);
    w.key("answer");
    write_json(w, qr.answer);
    w.member("note", qr.note);
    if (qr.source == AnswerSource::Evidence || after_scan) w.member("source", to_string(qr.source));
    if (!qr.evidence.empty()) {
        w.key("evidence");
        write_json(w, qr.evidence);
    }
    w.end_object();
}
void from_json(const In& in, const json& an, const std::string& path, QuestionResult& qr) {
    qr.question = in.str(an, "question", path);
    qr.dimension = in.str(an, "dimension", path);
    from_json(in, in.member(an, "answer", path), rc::member(path, "answer"), qr.answer);
    qr.status = qr.answer.kind == AnswerKind::NotApplicable ? QuestionStatus::NotApplicable : QuestionStatus::Answered;
    qr.note = in.opt_str(an, "note", path);
    if (In::optional(an, "source"))
        qr.source = in.checks.enum_value(rc::member(path, "source"), "source", in.str(an, "source", path),
                                         {AnswerSource::Given, AnswerSource::Evidence});
    evidence_from_json(in, an, path, qr.evidence);
}

// An element of `not_asked` (with its reason) or `not_assessed` (whose reason follows from the scope).
void write_not_counted_json(JsonWriter& w, const QuestionResult& qr) {
    w.begin_object();
    w.member("question", qr.question);
    w.member("dimension", qr.dimension);
    if (qr.status == QuestionStatus::NotAsked) w.member("reason", qr.reason);
    if (qr.answer_not_counted) {
        w.key("answer");
        write_json(w, *qr.answer_not_counted);
    }
    if (!qr.note.empty()) w.member("note", qr.note);
    w.end_object();
}
void not_counted_from_json(const In& in, const json& n, const std::string& path, std::optional<int> up_to_level,
                           QuestionResult& qr) {
    qr.question = in.str(n, "question", path);
    qr.dimension = in.str(n, "dimension", path);
    qr.reason =
        qr.status == QuestionStatus::NotAssessed ? not_assessed_reason(*up_to_level) : in.str(n, "reason", path);
    if (const json* an = In::optional(n, "answer")) {
        qr.answer_not_counted.emplace();
        from_json(in, *an, rc::member(path, "answer"), *qr.answer_not_counted);
    }
    qr.note = in.opt_str(n, "note", path);
}

void write_json(JsonWriter& w, const GateResult& g) {
    w.begin_object();
    w.member("passed", g.passed);
    w.key("bars");
    w.begin_array();
    for (const auto& b : g.bars) {
        w.begin_object();
        if (!b.dimension.empty()) w.member("dimension", b.dimension);
        w.member("level", b.level);
        w.end_object();
    }
    w.end_array();
    if (g.min_score) w.member("min_score", rounded(*g.min_score));  // --min-score only
    w.member("failures", g.failures);
    w.end_object();
}
void from_json(const In& in, const json& g, const std::string& path, GateResult& out) {
    out.passed = in.boolean(g, "passed", path);
    const json& bars = in.array(g, "bars", path);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const std::string bpath = rc::element(rc::member(path, "bars"), i);
        out.bars.push_back({in.opt_str(bars[i], "dimension", bpath), in.level(bars[i], "level", bpath)});
    }
    if (In::optional(g, "min_score")) {
        out.min_score = in.number(g, "min_score", path);
        if (!(*out.min_score >= 0.0)) in.fail(rc::member(path, "min_score"), "must be 0 or more");
    }
    out.failures = in.strings(g, "failures", path);
}

void write_json(JsonWriter& w, const Contradiction& c) {
    w.begin_object();
    w.member("question", c.question);
    w.member("kind", to_string(c.kind));
    w.key("evidence");
    write_json(w, c.evidence);
    w.end_object();
}
void from_json(const In& in, const json& c, const std::string& path, Contradiction& out) {
    out.question = in.str(c, "question", path);
    out.kind = in.checks.enum_value(rc::member(path, "kind"), "kind", in.str(c, "kind", path),
                                    {Contradiction::Kind::NoButEvidence, Contradiction::Kind::YesUnverified});
    evidence_from_json(in, c, path, out.evidence);
}

void write_json(JsonWriter& w, const WaiverResult& e) {
    w.begin_object();
    w.member("question", e.question);
    if (!e.dimension.empty()) w.member("dimension", e.dimension);
    w.member("reason", e.reason);
    w.member("owner", e.owner);
    w.member("expires", e.expires);
    w.member("status", to_string(e.status));
    w.member("days_left", e.days_left);
    w.end_object();
}
void from_json(const In& in, const json& e, const std::string& path, WaiverResult& r) {
    r.question = in.str(e, "question", path);
    r.dimension = in.opt_str(e, "dimension", path);
    r.reason = in.str(e, "reason", path);
    r.owner = in.str(e, "owner", path);
    r.expires = in.str(e, "expires", path);
    in.checks.date(rc::member(path, "expires"), r.expires);
    r.status = in.checks.enum_value(rc::member(path, "status"), "status", in.str(e, "status", path),
                                    {WaiverStatus::Valid, WaiverStatus::Expired, WaiverStatus::NotAGap});
    r.days_left = in.whole(in.member(e, "days_left", path), rc::member(path, "days_left"));
    in.checks.whole(rc::member(path, "days_left"), r.days_left, -3'000'000, 3'000'000);
}

void write_json(JsonWriter& w, const WaiverSummary& s) {
    w.begin_object();
    w.member("today", s.today);
    w.key("overall");
    w.begin_object();
    w.member("level", s.overall_level);
    w.member("name", s.overall_name);
    w.end_object();
    w.key("dimensions");
    w.begin_array();
    for (const auto& [id, level] : s.dimensions) {
        w.begin_object();
        w.member("id", id);
        w.member("level", level);
        w.end_object();
    }
    w.end_array();
    w.key("entries");
    w.begin_array();
    for (const auto& e : s.entries) write_json(w, e);
    w.end_array();
    w.end_object();
}
void from_json(const In& in, const json& w, const std::string& path, WaiverSummary& s) {
    if (!w.is_object()) in.fail(path, "expected an object");
    s.today = in.str(w, "today", path);
    in.checks.date(rc::member(path, "today"), s.today);
    const std::string overall_path = rc::member(path, "overall");
    const json& overall = in.member(w, "overall", path);
    s.overall_level = in.level(overall, "level", overall_path);
    s.overall_name = in.str(overall, "name", overall_path);
    const json& dims = in.array(w, "dimensions", path);
    for (std::size_t i = 0; i < dims.size(); ++i) {
        const std::string dpath = rc::element(rc::member(path, "dimensions"), i);
        s.dimensions.emplace_back(in.str(dims[i], "id", dpath), in.level(dims[i], "level", dpath));
    }
    const json& entries = in.array(w, "entries", path);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        WaiverResult r;
        from_json(in, entries[i], rc::element(rc::member(path, "entries"), i), r);
        s.entries.push_back(std::move(r));
    }
}

void write_json(JsonWriter& w, const Disagreement& d) {
    w.begin_object();
    w.member("question", d.question);
    w.key("answers");
    w.begin_array();
    for (const auto& [name, answer] : d.answers) {
        w.begin_object();
        w.member("respondent", name);
        w.member("answer", answer);
        w.end_object();
    }
    w.end_array();
    w.member("merged", d.merged);
    w.end_object();
}
void from_json(const In& in, const json& j, const std::string& path, Disagreement& d) {
    d.question = in.str(j, "question", path);
    d.merged = in.str(j, "merged", path);
    const json& who = in.array(j, "answers", path);
    for (std::size_t k = 0; k < who.size(); ++k) {
        const std::string at = rc::element(rc::member(path, "answers"), k);
        d.answers.emplace_back(in.str(who[k], "respondent", at), in.str(who[k], "answer", at));
    }
}

// The list of `a.questions` of the given statuses, as write_one writes each (one list of the report).
template <class WriteOne>
void write_questions(JsonWriter& w, const Assessment& a, QuestionStatus s1, QuestionStatus s2, WriteOne write_one) {
    w.begin_array();
    for (const auto& qr : a.questions)
        if (qr.status == s1 || qr.status == s2) write_one(qr);
    w.end_array();
}

void write_json(JsonWriter& w, const Report& r) {
    const Assessment& a = r.assessment;
    w.begin_object();
    w.member("schema_version", r.schema_version);
    w.key("tool");
    w.begin_object();
    w.member("name", r.tool_name);
    w.member("version", r.tool_version);
    w.end_object();
    if (!r.team.empty()) w.member("team", r.team);
    if (!r.date.empty()) w.member("date", r.date);
    if (!r.commit.empty()) w.member("commit", r.commit);
    w.key("questionnaire");
    write_json(w, r.questionnaire);
    w.member("scoring_rule", a.rule);
    w.key("overall");
    w.begin_object();
    w.member("level", a.overall_level);
    w.member("name", a.overall_name);
    w.member("score", rounded(a.overall_score));
    w.member("held_by", a.held_by);
    w.end_object();
    if (a.target) {
        w.key("target");
        write_json(w, *a.target);
    }
    if (a.up_to_level) {  // only with a scope: additive
        w.key("scope");
        w.begin_object();
        w.member("up_to_level", *a.up_to_level);
        w.end_object();
    }
    if (!a.profile.empty()) {
        w.key("profile");
        write_json(w, a.profile);
    }
    if (!a.see_also.empty()) {
        w.key("see_also");
        write_json(w, a.see_also);
    }
    if (a.points) {  // the points method only: additive
        w.key("points");
        write_json(w, *a.points);
    }
    w.key("dimensions");
    w.begin_array();
    for (const auto& d : a.dimensions) write_json(w, d, a.rule);
    w.end_array();
    w.key("gaps");
    w.begin_array();
    for (const auto& g : a.gaps) write_json(w, g, r.waivers);
    w.end_array();
    // The questions by status: answered and n/a in `answers`; the ids of the unanswered, and their notes when
    // there are some; the ones that need a person only in `from_evidence`; the ones that count nowhere.
    w.key("answers");
    const bool after_scan = r.contradictions.has_value();
    write_questions(w, a, QuestionStatus::Answered, QuestionStatus::NotApplicable,
                    [&](const QuestionResult& qr) { write_json(w, qr, after_scan); });
    w.member("unanswered", a.unanswered);
    const auto noted = [](const QuestionResult& qr) {
        return qr.status == QuestionStatus::Unanswered && !qr.note.empty();
    };
    if (std::any_of(a.questions.begin(), a.questions.end(), noted)) {  // only when there are some
        w.key("unanswered_notes");
        w.begin_array();
        for (const auto& qr : a.questions) {
            if (!noted(qr)) continue;
            w.begin_object();
            w.member("question", qr.question);
            w.member("note", qr.note);
            w.end_object();
        }
        w.end_array();
    }
    const auto not_counted = [&](const QuestionResult& qr) { write_not_counted_json(w, qr); };
    w.key("not_asked");
    write_questions(w, a, QuestionStatus::NotAsked, QuestionStatus::NotAsked, not_counted);
    // Only for an assessment from evidence (assess --scan with answers missing): added after 1.0.
    if (a.from_evidence) {
        w.key("from_evidence");
        w.begin_object();
        w.member("level", a.overall_level);
        w.member("needs_person", a.needs_person);
        w.end_object();
    }
    if (a.up_to_level) {
        w.key("not_assessed");
        write_questions(w, a, QuestionStatus::NotAssessed, QuestionStatus::NotAssessed, not_counted);
    }
    if (r.gate) {
        w.key("gate");
        write_json(w, *r.gate);
    }
    if (r.contradictions) {
        w.key("contradictions");
        w.begin_array();
        for (const auto& c : *r.contradictions) write_json(w, c);
        w.end_array();
    }
    if (!r.respondents.empty()) {  // several respondents (assess -a A -a B): additive
        w.member("respondents", r.respondents);
        w.key("disagreements");
        w.begin_array();
        for (const auto& d : r.disagreements) write_json(w, d);
        w.end_array();
    }
    if (r.waivers) {  // only when the answers had waivers: additive
        w.key("waivers");
        write_json(w, *r.waivers);
    }
    w.end_object();
}

// The report's parts in the order they are written, each checked against the questionnaire's levels (read
// first). Reports written before rule 2 carry neither the rule nor the reasons for the level: rule 1, and the
// reasons are derived from the dimension levels and the blocking gaps, exactly as scoring gives them.
void from_json(In& in, const json& j, Report& r) {
    if (!j.is_object()) in.fail("", "expected a JSON object");
    const json& sv = in.member(j, "schema_version", "");
    if (!sv.is_number_integer()) in.fail("schema_version", "expected a whole number");
    if (In::whole_value(sv) != kReportSchemaVersion)
        throw InputError(Diagnostic{in.file_, 0, 0,
                                    "report schema version " + sv.dump() + " is not supported: this tool reads " +
                                        "version " + std::to_string(kReportSchemaVersion) +
                                        " (a newer mlops-maturity may read it)"});
    const json& tool = in.member(j, "tool", "");
    r.tool_name = in.str(tool, "name", "tool");
    r.tool_version = in.str(tool, "version", "tool");
    r.team = in.opt_str(j, "team", "");
    // Added after 1.0 of the format; a report without them reads with neither. When present they are checked,
    // "" included, as the schema and read_report_summary do.
    if (In::optional(j, "date")) {
        r.date = in.str(j, "date", "");
        in.checks.date("date", r.date);
    }
    if (In::optional(j, "commit")) {
        r.commit = in.str(j, "commit", "");
        in.checks.commit("commit", r.commit);
    }
    from_json(in, in.member(j, "questionnaire", ""), "questionnaire", r.questionnaire);
    Assessment& a = r.assessment;
    if (const json* rule = In::optional(j, "scoring_rule")) {
        const long long n = in.whole(*rule, "scoring_rule");
        if (n < 1 || n > 3) in.fail("scoring_rule", std::to_string(n) + " is not a scoring rule (1, 2 or 3)");
        a.rule = static_cast<int>(n);
    }
    const json& overall = in.member(j, "overall", "");
    a.overall_level = in.level(overall, "level", "overall");
    a.overall_name = in.str(overall, "name", "overall");
    a.overall_score = in.fraction(overall, "score", "overall");
    a.held_by = in.strings(overall, "held_by", "overall");  // none before rule 2: derive_reasons() fills it in
    const bool has_reasons = In::optional(overall, "held_by") != nullptr;
    if (const json* t = In::optional(j, "target")) from_json(in, *t, "target", a.target.emplace());
    if (const json* p = In::optional(j, "profile")) from_json(in, *p, "profile", a.profile);
    if (const json* s = In::optional(j, "scope")) {
        if (!s->is_object()) in.fail("scope", "expected an object");
        a.up_to_level = in.level(*s, "up_to_level", "scope");
        if (*a.up_to_level < 1) in.fail("scope.up_to_level", "must be at least 1");
    }
    if (const json* s = In::optional(j, "see_also")) from_json(in, *s, "see_also", a.see_also);
    const json& dims = in.array(j, "dimensions", "");
    in.checks.dimension_count("dimensions", dims.size());
    for (std::size_t i = 0; i < dims.size(); ++i)
        from_json(in, dims[i], rc::element("dimensions", i), a.dimensions.emplace_back());
    const json& gaps = in.array(j, "gaps", "");
    for (std::size_t i = 0; i < gaps.size(); ++i) from_json(in, gaps[i], rc::element("gaps", i), a.gaps.emplace_back());
    if (!has_reasons) derive_reasons(r);
    if (const json* p = In::optional(j, "points")) from_json(in, *p, "points", a.dimensions, a.points.emplace());
    const json& answers = in.array(j, "answers", "");
    for (std::size_t i = 0; i < answers.size(); ++i)
        from_json(in, answers[i], rc::element("answers", i), a.questions.emplace_back());
    // `unanswered` lists ids; their notes, when written, are in `unanswered_notes`.
    a.unanswered = in.strings(j, "unanswered", "");
    std::map<std::string, std::string> notes;
    if (In::optional(j, "unanswered_notes")) {
        const json& ns = in.array(j, "unanswered_notes", "");
        for (std::size_t i = 0; i < ns.size(); ++i) {
            const std::string path = rc::element("unanswered_notes", i);
            notes[in.str(ns[i], "question", path)] = in.str(ns[i], "note", path);
        }
    }
    for (const auto& id : a.unanswered) {
        QuestionResult& qr = a.questions.emplace_back();
        qr.question = id;
        qr.status = QuestionStatus::Unanswered;
        if (auto n = notes.find(id); n != notes.end()) qr.note = n->second;
    }
    // The level from evidence is the overall level; the questions that need a person are neither answered nor
    // unanswered.
    if (const json* fe = In::optional(j, "from_evidence")) {
        a.from_evidence = true;
        const int lvl = in.level(*fe, "level", "from_evidence");
        if (lvl != a.overall_level)
            in.fail("from_evidence.level",
                    std::to_string(lvl) + " is not the overall level " + std::to_string(a.overall_level));
        a.needs_person = in.strings(*fe, "needs_person", "from_evidence");
        for (const auto& id : a.needs_person) {
            QuestionResult& qr = a.questions.emplace_back();
            qr.question = id;
            qr.status = QuestionStatus::NeedsPerson;
        }
    }
    // The questions that count nowhere: `not_asked` or `not_assessed` (written only with a scope).
    for (const QuestionStatus status : {QuestionStatus::NotAsked, QuestionStatus::NotAssessed}) {
        const char* key = status == QuestionStatus::NotAsked ? "not_asked" : "not_assessed";
        const json* list = In::optional(j, key);
        if (!list) continue;
        if (!list->is_array()) in.fail(key, "expected an array");
        if (status == QuestionStatus::NotAssessed && !a.up_to_level)
            in.fail(key, "is only written with 'scope', which this report lacks");
        for (std::size_t i = 0; i < list->size(); ++i) {
            QuestionResult& qr = a.questions.emplace_back();
            qr.status = status;
            not_counted_from_json(in, (*list)[i], rc::element(key, i), a.up_to_level, qr);
        }
    }
    if (const json* g = In::optional(j, "gate")) from_json(in, *g, "gate", r.gate.emplace());
    if (const json* c = In::optional(j, "contradictions")) {
        if (!c->is_array()) in.fail("contradictions", "expected an array");
        r.contradictions.emplace();
        for (std::size_t i = 0; i < c->size(); ++i)
            from_json(in, (*c)[i], rc::element("contradictions", i), r.contradictions->emplace_back());
    }
    if (const json* w = In::optional(j, "waivers")) from_json(in, *w, "waivers", r.waivers.emplace());
    if (In::optional(j, "respondents")) {
        r.respondents = in.strings(j, "respondents", "");
        const json& ds = in.array(j, "disagreements", "");
        for (std::size_t i = 0; i < ds.size(); ++i)
            from_json(in, ds[i], rc::element("disagreements", i), r.disagreements.emplace_back());
    }
}

}  // namespace

std::string render_json(const Report& r) {
    // Room for the whole text in one allocation: an answer takes about 150 bytes, a gap 500 to 800 (the built-in
    // mlops: 115 questions, 80 gaps, 92 KB).
    const Assessment& a = r.assessment;
    JsonWriter w(8192 + 250 * a.questions.size() + 800 * a.gaps.size());
    write_json(w, r);
    return w.finish();
}

Report read_report(const std::string& text, const std::string& file) {
    In in(file);
    Report r;
    from_json(in, parse_report(text, file), r);
    return r;
}

}  // namespace mm
