// The JSON report, out and back in, side by side so the round trip stays exact (docs/report-format.md).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <string_view>

#include "mm/diagnostics.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"
#include "json_text.hpp"
#include "report_check.hpp"

namespace mm {

using ojson = nlohmann::ordered_json;

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

// Four decimals are plenty for coverages and scores, and keep reports free of float noise (0.30000000000000004).
double rounded(double x) { return round_within_whole(x); }

ojson answer_json(const Answer& a) {
    if (a.kind == AnswerKind::Choice) return a.choice_level;
    return to_string(a.kind);
}

ojson evidence_json(const std::vector<EvidenceHit>& hits) {
    ojson out = ojson::array();
    for (const auto& h : hits) {
        ojson e{{"path", h.path}};
        if (h.line > 0) e["line"] = h.line;
        if (!h.excerpt.empty()) e["excerpt"] = h.excerpt;
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

std::string render_json(const Report& r) {
    const Assessment& a = r.assessment;
    ojson j;
    j["schema_version"] = r.schema_version;
    j["tool"] = {{"name", r.tool_name}, {"version", r.tool_version}};
    if (!r.team.empty()) j["team"] = r.team;
    if (!r.date.empty()) j["date"] = r.date;
    if (!r.commit.empty()) j["commit"] = r.commit;
    ojson levels = ojson::array();
    for (const auto& l : r.questionnaire.levels) levels.push_back({{"level", l.level}, {"name", l.name}});
    j["questionnaire"] = {{"id", r.questionnaire.id},
                          {"title", r.questionnaire.title},
                          {"version", r.questionnaire.version},
                          {"digest", r.questionnaire.digest},
                          {"levels", levels}};
    j["scoring_rule"] = a.rule;
    j["overall"] = {{"level", a.overall_level},
                    {"name", a.overall_name},
                    {"score", rounded(a.overall_score)},
                    {"held_by", a.held_by}};
    if (a.target)
        j["target"] = {{"level", a.target->level}, {"source", a.target->source}, {"reason", a.target->reason}};
    if (a.up_to_level) j["scope"] = {{"up_to_level", *a.up_to_level}};  // only with a scope: additive
    if (!a.profile.empty()) {
        ojson p = ojson::object();
        for (const auto& [k, v] : a.profile) p[k] = v;
        j["profile"] = p;
    }
    if (!a.see_also.empty()) {
        ojson s = ojson::array();
        for (const auto& x : a.see_also) s.push_back({{"questionnaire", x.questionnaire}, {"because", x.because}});
        j["see_also"] = s;
    }
    if (a.points) {  // the points method only: additive
        ojson sections = ojson::array();
        for (const auto& s : a.points->sections)
            sections.push_back({{"id", s.id}, {"name", s.name}, {"score", rounded(s.score)}, {"max", rounded(s.max)}});
        j["points"] = {{"sections", sections}, {"final", rounded(a.points->final_score)}, {"band", a.points->band}};
    }
    ojson dims = ojson::array();
    for (const auto& d : a.dimensions) {
        ojson lv = ojson::array();
        for (const auto& l : d.levels) {
            ojson lj{{"level", l.level}, {"coverage", rounded(l.coverage)}, {"met", l.met}, {"practices", l.practices}};
            if (a.rule >= 2) {
                lj["defining_coverage"] = rounded(l.defining_coverage);
                lj["defining_practices"] = l.defining_practices;
                if (l.met_from_above) lj["met_from_above"] = true;
            }
            if (!l.assessed) lj["assessed"] = false;  // above the scope
            lv.push_back(std::move(lj));
        }
        ojson dj{{"id", d.id},
                 {"name", d.name},
                 {"level", d.level},
                 {"progress", rounded(d.progress)},
                 {"levels", lv},
                 {"missing_for_next", d.missing_for_next}};
        if (!d.assessed) dj["assessed"] = false;  // only when false: reports before it are all assessed
        if (!d.shown) dj["shown"] = false;  // from evidence, no file can show its level 1
        dims.push_back(std::move(dj));
    }
    j["dimensions"] = dims;
    ojson gaps = ojson::array();
    for (const auto& g : a.gaps) {
        ojson gj{{"priority", g.priority},
                 {"question", g.question},
                 {"dimension", g.dimension},
                 {"level", g.level},
                 {"group", to_string(g.group)},
                 {"blocking", g.blocking},
                 {"defining", g.defining},
                 {"text", g.text},
                 {"practice", g.practice},
                 {"tools", g.tools},
                 {"references", g.references},
                 {"weight", g.weight},
                 {"credit", rounded(g.credit)},
                 {"unanswered", g.unanswered}};
        if (g.next_option) gj["next_option"] = {{"level", *g.next_option}, {"text", g.next_option_text}};
        // Derived from `waivers` (only with a valid waiver), so a reader of the gaps alone sees it.
        if (const WaiverResult* w = r.waivers ? r.waivers->find(g.question) : nullptr;
            w && w->status == WaiverStatus::Valid)
            gj["waived"] = true;
        gaps.push_back(std::move(gj));
    }
    j["gaps"] = gaps;
    ojson answers = ojson::array();
    ojson not_asked = ojson::array();
    ojson not_assessed = ojson::array();
    ojson unanswered_notes = ojson::array();
    for (const auto& qr : a.questions) {
        if (qr.status == QuestionStatus::NotAssessed) {
            ojson nj{{"question", qr.question}, {"dimension", qr.dimension}};
            if (qr.answer_not_counted) nj["answer"] = answer_json(*qr.answer_not_counted);
            if (!qr.note.empty()) nj["note"] = qr.note;
            not_assessed.push_back(std::move(nj));
            continue;
        }
        if (qr.status == QuestionStatus::NotAsked) {
            ojson nj{{"question", qr.question}, {"dimension", qr.dimension}, {"reason", qr.reason}};
            if (qr.answer_not_counted) nj["answer"] = answer_json(*qr.answer_not_counted);
            if (!qr.note.empty()) nj["note"] = qr.note;
            not_asked.push_back(std::move(nj));
            continue;
        }
        if (qr.status == QuestionStatus::Unanswered) {
            if (!qr.note.empty()) unanswered_notes.push_back({{"question", qr.question}, {"note", qr.note}});
            continue;
        }
        if (qr.status == QuestionStatus::NeedsPerson) continue;  // listed in from_evidence.needs_person
        ojson aj{{"question", qr.question},
                 {"dimension", qr.dimension},
                 {"answer", answer_json(qr.answer)},
                 {"note", qr.note}};
        if (qr.source == AnswerSource::Evidence) aj["source"] = "evidence";
        else if (r.contradictions) aj["source"] = "given";  // after a scan, every answer says where it came from
        if (!qr.evidence.empty()) aj["evidence"] = evidence_json(qr.evidence);
        answers.push_back(std::move(aj));
    }
    j["answers"] = answers;
    j["unanswered"] = a.unanswered;
    if (!unanswered_notes.empty()) j["unanswered_notes"] = unanswered_notes;  // only when there are some
    j["not_asked"] = not_asked;
    // Only for an assessment from evidence (assess --scan with answers missing): added after 1.0.
    if (a.from_evidence) j["from_evidence"] = {{"level", a.overall_level}, {"needs_person", a.needs_person}};
    if (a.up_to_level) j["not_assessed"] = not_assessed;
    if (r.gate) {
        ojson bars = ojson::array();
        for (const auto& b : r.gate->bars) {
            ojson bj{{"level", b.level}};
            if (!b.dimension.empty()) bj = {{"dimension", b.dimension}, {"level", b.level}};
            bars.push_back(bj);
        }
        j["gate"] = {{"passed", r.gate->passed}, {"bars", bars}};
        if (r.gate->min_score) j["gate"]["min_score"] = rounded(*r.gate->min_score);  // --min-score only
        j["gate"]["failures"] = r.gate->failures;
    }
    if (r.contradictions) {
        ojson cs = ojson::array();
        for (const auto& c : *r.contradictions)
            cs.push_back({{"question", c.question}, {"kind", to_string(c.kind)}, {"evidence", evidence_json(c.evidence)}});
        j["contradictions"] = cs;
    }
    if (!r.respondents.empty()) {  // several respondents (assess -a A -a B): additive
        j["respondents"] = r.respondents;
        ojson ds = ojson::array();
        for (const auto& d : r.disagreements) {
            ojson who = ojson::array();
            for (const auto& [name, answer] : d.answers) who.push_back({{"respondent", name}, {"answer", answer}});
            ds.push_back({{"question", d.question}, {"answers", who}, {"merged", d.merged}});
        }
        j["disagreements"] = ds;
    }
    if (r.waivers) {  // only when the answers had waivers: additive
        const WaiverSummary& w = *r.waivers;
        ojson waived_dims = ojson::array();
        for (const auto& [id, level] : w.dimensions) waived_dims.push_back({{"id", id}, {"level", level}});
        ojson entries = ojson::array();
        for (const auto& e : w.entries) {
            ojson ej{{"question", e.question}};
            if (!e.dimension.empty()) ej["dimension"] = e.dimension;
            ej["reason"] = e.reason;
            ej["owner"] = e.owner;
            ej["expires"] = e.expires;
            ej["status"] = to_string(e.status);
            ej["days_left"] = e.days_left;
            entries.push_back(std::move(ej));
        }
        j["waivers"] = {{"today", w.today},
                        {"overall", {{"level", w.overall_level}, {"name", w.overall_name}}},
                        {"dimensions", waived_dims},
                        {"entries", entries}};
    }
    return json_text(j);
}

// ---- reading a saved report ----

namespace {

namespace rc = report_check;

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

// Reads a saved report's document into a Report, checking every member's type, range and agreement with the
// questionnaire's levels. Every message names the JSON path of the element ("gaps[5].tools"); `path` arguments
// are the path of the object being read ("" for the report itself).
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

class ReportReader {
public:
    explicit ReportReader(const std::string& file) : file_(file), checks_(file) {}

    Report read(const json& j) {
        Report r;
        if (!j.is_object()) fail("", "expected a JSON object");
        read_schema_version(j);
        const json& tool = member(j, "tool", "");
        r.tool_name = str(tool, "name", "tool");
        r.tool_version = str(tool, "version", "tool");
        r.team = opt_str(j, "team", "");
        // Added after 1.0 of the format; a report without them reads with neither. When present they are checked,
        // "" included, as the schema and read_report_summary do.
        if (optional(j, "date")) {
            r.date = str(j, "date", "");
            checks_.date("date", r.date);
        }
        if (optional(j, "commit")) {
            r.commit = str(j, "commit", "");
            checks_.commit("commit", r.commit);
        }
        read_questionnaire(member(j, "questionnaire", ""), r.questionnaire);
        Assessment& a = r.assessment;
        // Reports written before rule 2 carry neither the rule nor the reasons for the level: rule 1, and the
        // reasons are derived from the dimension levels and the blocking gaps, exactly as scoring gives them.
        if (const json* rule = optional(j, "scoring_rule")) {
            const long long n = whole(*rule, "scoring_rule");
            if (n < 1 || n > 3) fail("scoring_rule", std::to_string(n) + " is not a scoring rule (1, 2 or 3)");
            a.rule = static_cast<int>(n);
        }
        read_overall(member(j, "overall", ""), a);
        const bool has_reasons = optional(member(j, "overall", ""), "held_by") != nullptr;
        if (const json* t = optional(j, "target"))
            a.target = Target{level(*t, "level", "target"), str(*t, "source", "target"), str(*t, "reason", "target")};
        if (const json* p = optional(j, "profile")) read_profile(*p, a);
        if (const json* s = optional(j, "scope")) {
            if (!s->is_object()) fail("scope", "expected an object");
            a.up_to_level = level(*s, "up_to_level", "scope");
            if (*a.up_to_level < 1) fail("scope.up_to_level", "must be at least 1");
        }
        if (const json* s = optional(j, "see_also")) read_see_also(*s, a);
        const json& dims = array(j, "dimensions", "");
        checks_.dimension_count("dimensions", dims.size());
        for (std::size_t i = 0; i < dims.size(); ++i)
            a.dimensions.push_back(read_dimension(dims[i], rc::element("dimensions", i)));
        const json& gaps = array(j, "gaps", "");
        for (std::size_t i = 0; i < gaps.size(); ++i) a.gaps.push_back(read_gap(gaps[i], rc::element("gaps", i)));
        if (!has_reasons) derive_reasons(r);
        if (const json* p = optional(j, "points")) a.points = read_points(*p, a);
        const json& answers = array(j, "answers", "");
        for (std::size_t i = 0; i < answers.size(); ++i)
            a.questions.push_back(read_answered(answers[i], rc::element("answers", i)));
        read_unanswered(j, a);
        if (const json* fe = optional(j, "from_evidence")) read_from_evidence(*fe, a);
        read_not_counted(j, "not_asked", QuestionStatus::NotAsked, a);
        read_not_counted(j, "not_assessed", QuestionStatus::NotAssessed, a);
        if (const json* g = optional(j, "gate")) r.gate = read_gate(*g);
        if (const json* c = optional(j, "contradictions")) r.contradictions = read_contradictions(*c);
        if (const json* w = optional(j, "waivers")) r.waivers = read_waivers(*w);
        if (optional(j, "respondents")) {
            r.respondents = strings(j, "respondents", "");
            const json& ds = array(j, "disagreements", "");
            for (std::size_t i = 0; i < ds.size(); ++i) {
                const std::string path = rc::element("disagreements", i);
                Disagreement d;
                d.question = str(ds[i], "question", path);
                d.merged = str(ds[i], "merged", path);
                const json& who = array(ds[i], "answers", path);
                for (std::size_t k = 0; k < who.size(); ++k) {
                    const std::string at = rc::element(rc::member(path, "answers"), k);
                    d.answers.emplace_back(str(who[k], "respondent", at), str(who[k], "answer", at));
                }
                r.disagreements.push_back(std::move(d));
            }
        }
        return r;
    }

private:
    const std::string& file_;
    rc::Checks checks_;

    [[noreturn]] void fail(const std::string& path, const std::string& what) const { checks_.fail(path, what); }

    // ---- members of the object at `path`, by type ----
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
        checks_.whole(at, x, min, max);
        return static_cast<int>(x);
    }
    int level(const json& obj, const char* key, const std::string& path) const {
        const std::string at = rc::member(path, key);
        long long x = whole(member(obj, key, path), at);
        checks_.level(at, x);
        return static_cast<int>(x);
    }
    double number(const json& obj, const char* key, const std::string& path) const {
        const json& v = member(obj, key, path);
        if (!v.is_number()) fail(rc::member(path, key), "expected a number");
        return v.get<double>();
    }
    double fraction(const json& obj, const char* key, const std::string& path) const {
        double x = number(obj, key, path);
        checks_.fraction(rc::member(path, key), x);
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

    // ---- the parts of a report ----
    void read_schema_version(const json& j) const {
        const json& sv = member(j, "schema_version", "");
        if (!sv.is_number_integer()) fail("schema_version", "expected a whole number");
        if (whole_value(sv) != kReportSchemaVersion)
            throw InputError(Diagnostic{file_, 0, 0,
                                        "report schema version " + sv.dump() + " is not supported: this tool reads " +
                                            "version " + std::to_string(kReportSchemaVersion) +
                                            " (a newer mlops-maturity may read it)"});
    }

    // First, as every level elsewhere in the report must be one of these.
    void read_questionnaire(const json& q, QuestionnaireInfo& out) {
        out.id = str(q, "id", "questionnaire");
        out.title = str(q, "title", "questionnaire");
        out.version = str(q, "version", "questionnaire");
        out.digest = str(q, "digest", "questionnaire");
        const std::string levels_path = "questionnaire.levels";
        const json& levels = array(q, "levels", "questionnaire");
        for (std::size_t i = 0; i < levels.size(); ++i) {  // at most 5: parse_report refused a sixth
            const std::string path = rc::element(levels_path, i);
            const std::string at = rc::member(path, "level");
            const long long n = whole(member(levels[i], "level", path), at);
            checks_.level_number(at, i, n);
            out.levels.push_back({static_cast<int>(n), str(levels[i], "name", path), ""});
        }
        checks_.set_levels(levels_path, levels.size());
    }

    void read_overall(const json& o, Assessment& a) const {
        a.overall_level = level(o, "level", "overall");
        a.overall_name = str(o, "name", "overall");
        a.overall_score = fraction(o, "score", "overall");
        a.held_by = strings(o, "held_by", "overall");  // none before rule 2: derive_reasons() fills it in
    }

    void read_profile(const json& p, Assessment& a) const {
        if (!p.is_object()) fail("profile", "expected an object");  // of at most 100 entries: see parse_report
        for (const auto& [k, v] : p.items()) {
            if (!v.is_string()) fail(rc::member("profile", k), "expected a string");
            a.profile[k] = v.get<std::string>();
        }
    }

    void read_see_also(const json& s, Assessment& a) const {
        if (!s.is_array()) fail("see_also", "expected an array");
        for (std::size_t i = 0; i < s.size(); ++i) {
            const std::string at = rc::element("see_also", i);
            a.see_also.push_back({str(s[i], "questionnaire", at), str(s[i], "because", at)});
        }
    }

    // The points method's result: one section per dimension, in the same order; each score within 0 .. max; the
    // final score the lowest of them and its band the one points_band gives, so a report cannot contradict itself.
    PointsResult read_points(const json& p, const Assessment& a) const {
        if (!p.is_object()) fail("points", "expected an object");
        std::vector<SectionPoints> read;
        const json& sections = array(p, "sections", "points");
        if (sections.size() != a.dimensions.size())
            fail("points.sections", "has " + std::to_string(sections.size()) + " sections for " +
                                        std::to_string(a.dimensions.size()) + " dimensions");
        for (std::size_t i = 0; i < sections.size(); ++i) {
            const std::string path = rc::element("points.sections", i);
            SectionPoints s{str(sections[i], "id", path), str(sections[i], "name", path),
                            number(sections[i], "score", path), number(sections[i], "max", path)};
            if (s.id != a.dimensions[i].id)
                fail(rc::member(path, "id"), "'" + s.id + "' is not dimension '" + a.dimensions[i].id + "'");
            if (!(s.max >= 0.0 && s.max <= rc::kMaxCount))
                fail(rc::member(path, "max"), "must be a number of tests");
            if (!(s.score >= 0.0 && s.score <= s.max))
                fail(rc::member(path, "score"), "must be from 0 to its 'max'");
            read.push_back(std::move(s));
        }
        PointsResult out = points_of(std::move(read));  // the final score and band the sections give
        const double lowest = out.final_score;
        out.final_score = number(p, "final", "points");
        if (std::fabs(out.final_score - lowest) > 1e-9)
            fail("points.final", points_text(out.final_score) + " is not the lowest section score " + points_text(lowest));
        out.band = str(p, "band", "points");
        if (out.band != points_band(out.final_score))
            fail("points.band", "'" + out.band + "' is not the band of " + points_text(out.final_score) + " ('" +
                                    points_band(out.final_score) + "')");
        return out;
    }

    DimensionResult read_dimension(const json& d, const std::string& path) const {
        DimensionResult dr;
        dr.id = str(d, "id", path);
        dr.name = str(d, "name", path);
        dr.level = level(d, "level", path);
        dr.progress = number(d, "progress", path);
        checks_.progress(rc::member(path, "progress"), dr.progress);
        const std::string levels_path = rc::member(path, "levels");
        const json& levels = array(d, "levels", path);
        checks_.dimension_level_count(levels_path, levels.size());
        for (std::size_t i = 0; i < levels.size(); ++i) {
            const std::string lpath = rc::element(levels_path, i);
            const std::string at = rc::member(lpath, "level");
            const long long n = whole(member(levels[i], "level", lpath), at);
            checks_.dimension_level_number(at, i, n);
            LevelResult lr{static_cast<int>(n), fraction(levels[i], "coverage", lpath), boolean(levels[i], "met", lpath),
                           count(levels[i], "practices", lpath, 0, rc::kMaxCount)};
            lr.defining_coverage =
                optional(levels[i], "defining_coverage") ? fraction(levels[i], "defining_coverage", lpath) : lr.coverage;
            lr.defining_practices = optional(levels[i], "defining_practices")
                                        ? count(levels[i], "defining_practices", lpath, 0, rc::kMaxCount)
                                        : lr.practices;
            lr.met_from_above = opt_boolean(levels[i], "met_from_above", lpath, false);
            lr.assessed = opt_boolean(levels[i], "assessed", lpath, true);
            dr.levels.push_back(lr);
        }
        dr.missing_for_next = strings(d, "missing_for_next", path);
        dr.assessed = opt_boolean(d, "assessed", path, true);
        dr.shown = opt_boolean(d, "shown", path, true);
        return dr;
    }

    Gap read_gap(const json& g, const std::string& path) const {
        Gap gap;
        gap.priority = count(g, "priority", path, 1, rc::kMaxCount);
        gap.question = str(g, "question", path);
        gap.dimension = str(g, "dimension", path);
        const std::string level_path = rc::member(path, "level");
        const long long lvl = whole(member(g, "level", path), level_path);
        checks_.practice_level(level_path, lvl);
        gap.level = static_cast<int>(lvl);
        gap.group = checks_.gap_group(rc::member(path, "group"), str(g, "group", path));
        gap.within_target = gap.group != GapGroup::Optional;
        gap.blocking = boolean(g, "blocking", path);
        gap.defining = opt_boolean(g, "defining", path, true);
        gap.text = str(g, "text", path);
        gap.practice = str(g, "practice", path);
        gap.tools = strings(g, "tools", path);
        gap.references = strings(g, "references", path);
        gap.weight = number(g, "weight", path);
        checks_.weight(rc::member(path, "weight"), gap.weight);
        gap.credit = fraction(g, "credit", path);
        gap.unanswered = boolean(g, "unanswered", path);
        if (const json* n = optional(g, "next_option")) {
            const std::string next_path = rc::member(path, "next_option");
            gap.next_option = level(*n, "level", next_path);
            gap.next_option_text = str(*n, "text", next_path);
        }
        return gap;
    }

    Answer read_answer(const json& v, const std::string& path) const {
        Answer a;
        if (v.is_number_integer()) {
            const long long k = whole_value(v);
            checks_.level(path, k);
            a.kind = AnswerKind::Choice;
            a.choice_level = static_cast<int>(k);
            return a;
        }
        if (!v.is_string()) fail(path, "expected an answer (yes, partial, no, n/a or a choice level)");
        if (v == "yes") a.kind = AnswerKind::Yes;
        else if (v == "partial") a.kind = AnswerKind::Partial;
        else if (v == "no") a.kind = AnswerKind::No;
        else if (v == "n/a") a.kind = AnswerKind::NotApplicable;
        else fail(path, "unknown answer '" + v.get<std::string>() + "' (expected yes, partial, no, n/a or a choice level)");
        return a;
    }

    std::vector<EvidenceHit> read_evidence(const json& obj, const std::string& path) const {
        std::vector<EvidenceHit> out;
        if (!optional(obj, "evidence")) return out;
        const std::string evidence_path = rc::member(path, "evidence");
        const json& hits = array(obj, "evidence", path);
        for (std::size_t i = 0; i < hits.size(); ++i) {
            const std::string hpath = rc::element(evidence_path, i);
            EvidenceHit h;
            h.path = str(hits[i], "path", hpath);
            // Lines of files up to the scan's size bound (1 GiB): millions are possible.
            if (optional(hits[i], "line")) h.line = count(hits[i], "line", hpath, 1, INT_MAX);
            h.excerpt = opt_str(hits[i], "excerpt", hpath);
            out.push_back(std::move(h));
        }
        return out;
    }

    QuestionResult read_answered(const json& an, const std::string& path) const {
        QuestionResult qr;
        qr.question = str(an, "question", path);
        qr.dimension = str(an, "dimension", path);
        qr.answer = read_answer(member(an, "answer", path), rc::member(path, "answer"));
        qr.status = qr.answer.kind == AnswerKind::NotApplicable ? QuestionStatus::NotApplicable
                                                                : QuestionStatus::Answered;
        qr.note = opt_str(an, "note", path);
        const std::string source = opt_str(an, "source", path);
        if (source == "evidence") qr.source = AnswerSource::Evidence;
        else if (!source.empty() && source != "given")
            fail(rc::member(path, "source"), "unknown source '" + source + "' (expected given or evidence)");
        qr.evidence = read_evidence(an, path);
        return qr;
    }

    // `unanswered` lists ids; their notes, when written, are in `unanswered_notes`.
    void read_unanswered(const json& j, Assessment& a) const {
        a.unanswered = strings(j, "unanswered", "");
        std::map<std::string, std::string> notes;
        if (optional(j, "unanswered_notes")) {
            const json& ns = array(j, "unanswered_notes", "");
            for (std::size_t i = 0; i < ns.size(); ++i) {
                const std::string path = rc::element("unanswered_notes", i);
                notes[str(ns[i], "question", path)] = str(ns[i], "note", path);
            }
        }
        for (const auto& id : a.unanswered) {
            QuestionResult qr;
            qr.question = id;
            qr.status = QuestionStatus::Unanswered;
            if (auto n = notes.find(id); n != notes.end()) qr.note = n->second;
            a.questions.push_back(std::move(qr));
        }
    }

    // The level from evidence is the overall level; the questions that need a person are neither answered nor
    // unanswered.
    void read_from_evidence(const json& fe, Assessment& a) const {
        a.from_evidence = true;
        const int lvl = level(fe, "level", "from_evidence");
        if (lvl != a.overall_level)
            fail("from_evidence.level", std::to_string(lvl) + " is not the overall level " +
                                            std::to_string(a.overall_level));
        a.needs_person = strings(fe, "needs_person", "from_evidence");
        for (const auto& id : a.needs_person) {
            QuestionResult qr;
            qr.question = id;
            qr.status = QuestionStatus::NeedsPerson;
            a.questions.push_back(std::move(qr));
        }
    }

    // The questions that count nowhere: `not_asked` (NotAsked, each with its reason) or `not_assessed`
    // (NotAssessed, written only with a scope, whose reason follows from it).
    void read_not_counted(const json& j, const char* key, QuestionStatus status, Assessment& a) const {
        const json* list = optional(j, key);
        if (!list) return;
        if (!list->is_array()) fail(key, "expected an array");
        const bool not_assessed = status == QuestionStatus::NotAssessed;
        if (not_assessed && !a.up_to_level) fail(key, "is only written with 'scope', which this report lacks");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json& n = (*list)[i];
            const std::string path = rc::element(key, i);
            QuestionResult qr;
            qr.status = status;
            qr.question = str(n, "question", path);
            qr.dimension = str(n, "dimension", path);
            qr.reason = not_assessed ? not_assessed_reason(*a.up_to_level) : str(n, "reason", path);
            if (const json* an = optional(n, "answer"))
                qr.answer_not_counted = read_answer(*an, rc::member(path, "answer"));
            qr.note = opt_str(n, "note", path);
            a.questions.push_back(std::move(qr));
        }
    }

    GateResult read_gate(const json& g) const {
        GateResult gr;
        gr.passed = boolean(g, "passed", "gate");
        const json& bars = array(g, "bars", "gate");
        for (std::size_t i = 0; i < bars.size(); ++i) {
            const std::string path = rc::element("gate.bars", i);
            gr.bars.push_back({opt_str(bars[i], "dimension", path), level(bars[i], "level", path)});
        }
        if (optional(g, "min_score")) {
            gr.min_score = number(g, "min_score", "gate");
            if (!(*gr.min_score >= 0.0)) fail("gate.min_score", "must be 0 or more");
        }
        gr.failures = strings(g, "failures", "gate");
        return gr;
    }

    WaiverSummary read_waivers(const json& w) const {
        WaiverSummary s;
        if (!w.is_object()) fail("waivers", "expected an object");
        s.today = str(w, "today", "waivers");
        checks_.date("waivers.today", s.today);
        const json& overall = member(w, "overall", "waivers");
        s.overall_level = level(overall, "level", "waivers.overall");
        s.overall_name = str(overall, "name", "waivers.overall");
        const json& dims = array(w, "dimensions", "waivers");
        for (std::size_t i = 0; i < dims.size(); ++i) {
            const std::string path = rc::element("waivers.dimensions", i);
            s.dimensions.emplace_back(str(dims[i], "id", path), level(dims[i], "level", path));
        }
        const json& entries = array(w, "entries", "waivers");
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const std::string path = rc::element("waivers.entries", i);
            const json& e = entries[i];
            WaiverResult r;
            r.question = str(e, "question", path);
            r.dimension = opt_str(e, "dimension", path);
            r.reason = str(e, "reason", path);
            r.owner = str(e, "owner", path);
            r.expires = str(e, "expires", path);
            checks_.date(rc::member(path, "expires"), r.expires);
            const std::string status = str(e, "status", path);
            if (status == "valid") r.status = WaiverStatus::Valid;
            else if (status == "expired") r.status = WaiverStatus::Expired;
            else if (status == "not-a-gap") r.status = WaiverStatus::NotAGap;
            else fail(rc::member(path, "status"), "unknown status '" + status + "' (expected valid, expired or not-a-gap)");
            r.days_left = whole(member(e, "days_left", path), rc::member(path, "days_left"));
            checks_.whole(rc::member(path, "days_left"), r.days_left, -3'000'000, 3'000'000);
            s.entries.push_back(std::move(r));
        }
        return s;
    }

    std::vector<Contradiction> read_contradictions(const json& cs) const {
        std::vector<Contradiction> out;
        if (!cs.is_array()) fail("contradictions", "expected an array");
        for (std::size_t i = 0; i < cs.size(); ++i) {
            const std::string path = rc::element("contradictions", i);
            Contradiction con;
            con.question = str(cs[i], "question", path);
            const std::string kind = str(cs[i], "kind", path);
            if (kind == "yes-unverified") con.kind = Contradiction::Kind::YesUnverified;
            else if (kind == "no-but-evidence") con.kind = Contradiction::Kind::NoButEvidence;
            else fail(rc::member(path, "kind"), "unknown kind '" + kind + "'");
            con.evidence = read_evidence(cs[i], path);
            out.push_back(std::move(con));
        }
        return out;
    }
};

}  // namespace

Report read_report(const std::string& text, const std::string& file) {
    return ReportReader(file).read(parse_report(text, file));
}

}  // namespace mm
