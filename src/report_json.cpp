// The JSON report, out and back in, side by side so the round trip stays exact (docs/report-format.md).
#include <nlohmann/json.hpp>

#include <cmath>

#include "mm/diagnostics.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"
#include "json_text.hpp"

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
    ojson levels = ojson::array();
    for (const auto& l : r.questionnaire.levels) levels.push_back({{"level", l.level}, {"name", l.name}});
    j["questionnaire"] = {{"id", r.questionnaire.id},
                          {"title", r.questionnaire.title},
                          {"version", r.questionnaire.version},
                          {"digest", r.questionnaire.digest},
                          {"levels", levels}};
    j["overall"] = {{"level", a.overall_level}, {"name", a.overall_name}, {"score", rounded(a.overall_score)}};
    if (a.target)
        j["target"] = {{"level", a.target->level}, {"source", a.target->source}, {"reason", a.target->reason}};
    if (!a.profile.empty()) {
        ojson p = ojson::object();
        for (const auto& [k, v] : a.profile) p[k] = v;
        j["profile"] = p;
    }
    ojson dims = ojson::array();
    for (const auto& d : a.dimensions) {
        ojson lv = ojson::array();
        for (const auto& l : d.levels)
            lv.push_back({{"level", l.level},
                          {"coverage", rounded(l.coverage)},
                          {"met", l.met},
                          {"practices", l.practices}});
        dims.push_back({{"id", d.id},
                        {"name", d.name},
                        {"level", d.level},
                        {"progress", rounded(d.progress)},
                        {"levels", lv}});
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
                 {"text", g.text},
                 {"practice", g.practice},
                 {"tools", g.tools},
                 {"references", g.references},
                 {"weight", g.weight},
                 {"credit", rounded(g.credit)},
                 {"unanswered", g.unanswered}};
        if (g.next_option) gj["next_option"] = {{"level", *g.next_option}, {"text", g.next_option_text}};
        gaps.push_back(std::move(gj));
    }
    j["gaps"] = gaps;
    ojson answers = ojson::array();
    ojson not_asked = ojson::array();
    ojson unanswered_notes = ojson::array();
    for (const auto& qr : a.questions) {
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
    if (r.gate) {
        ojson bars = ojson::array();
        for (const auto& b : r.gate->bars) {
            ojson bj{{"level", b.level}};
            if (!b.dimension.empty()) bj = {{"dimension", b.dimension}, {"level", b.level}};
            bars.push_back(bj);
        }
        j["gate"] = {{"passed", r.gate->passed}, {"bars", bars}, {"failures", r.gate->failures}};
    }
    if (r.contradictions) {
        ojson cs = ojson::array();
        for (const auto& c : *r.contradictions)
            cs.push_back({{"question", c.question}, {"kind", to_string(c.kind)}, {"evidence", evidence_json(c.evidence)}});
        j["contradictions"] = cs;
    }
    return json_text(j);
}

// ---- reading a saved report ----

namespace {

// Bounds for untrusted reports: nlohmann recurses per nesting level, so depth is checked while parsing.
constexpr int kMaxReportDepth = 32;

class ReportReader {
public:
    explicit ReportReader(const std::string& file) : file_(file) {}

    [[noreturn]] void fail(const std::string& where, const std::string& what) const {
        throw InputError(Diagnostic{file_, 0, 0, where + ": " + what});
    }

    const ojson& member(const ojson& obj, const char* key, const std::string& where) const {
        if (!obj.is_object()) fail(where, "expected an object");
        auto it = obj.find(key);
        if (it == obj.end()) fail(where, std::string("missing '") + key + "'");
        return *it;
    }
    std::string str(const ojson& obj, const char* key, const std::string& where) const {
        const ojson& v = member(obj, key, where);
        if (!v.is_string()) fail(where + "." + key, "expected a string");
        return v.get<std::string>();
    }
    std::string opt_str(const ojson& obj, const char* key, const std::string& where) const {
        if (!obj.contains(key)) return {};
        return str(obj, key, where);
    }
    int integer(const ojson& obj, const char* key, const std::string& where) const {
        const ojson& v = member(obj, key, where);
        if (!v.is_number_integer()) fail(where + "." + key, "expected a whole number");
        long long x = v.get<long long>();
        if (x < -1000000 || x > 1000000) fail(where + "." + key, "number out of range");
        return static_cast<int>(x);
    }
    double number(const ojson& obj, const char* key, const std::string& where) const {
        const ojson& v = member(obj, key, where);
        if (!v.is_number()) fail(where + "." + key, "expected a number");
        return v.get<double>();
    }
    bool boolean(const ojson& obj, const char* key, const std::string& where) const {
        const ojson& v = member(obj, key, where);
        if (!v.is_boolean()) fail(where + "." + key, "expected true or false");
        return v.get<bool>();
    }
    const ojson& array(const ojson& obj, const char* key, const std::string& where) const {
        const ojson& v = member(obj, key, where);
        if (!v.is_array()) fail(where + "." + key, "expected an array");
        return v;
    }
    std::vector<std::string> strings(const ojson& obj, const char* key, const std::string& where) const {
        std::vector<std::string> out;
        if (!obj.contains(key)) return out;
        for (const auto& v : array(obj, key, where)) {
            if (!v.is_string()) fail(where + "." + key, "expected strings");
            out.push_back(v.get<std::string>());
        }
        return out;
    }

    Answer answer(const ojson& v, const std::string& where) const {
        Answer a;
        if (v.is_number_integer()) {
            a.kind = AnswerKind::Choice;
            a.choice_level = static_cast<int>(std::clamp<long long>(v.get<long long>(), -1, 100));
            return a;
        }
        if (!v.is_string()) fail(where, "expected an answer");
        if (v == "yes") a.kind = AnswerKind::Yes;
        else if (v == "partial") a.kind = AnswerKind::Partial;
        else if (v == "no") a.kind = AnswerKind::No;
        else if (v == "n/a") a.kind = AnswerKind::NotApplicable;
        else fail(where, "unknown answer '" + v.get<std::string>() + "'");
        return a;
    }

    Report read(const ojson& j) const {
        Report r;
        if (!j.is_object()) fail("the report", "expected a JSON object");
        const ojson& sv = member(j, "schema_version", "the report");
        if (!sv.is_number_integer())
            fail("schema_version", "expected a whole number");
        if (sv.get<long long>() != kReportSchemaVersion)
            throw InputError(Diagnostic{file_, 0, 0,
                                        "report schema version " + sv.dump() + " is not supported: this tool reads " +
                                            "version " + std::to_string(kReportSchemaVersion) +
                                            " (a newer mlops-maturity may read it)"});
        const ojson& tool = member(j, "tool", "the report");
        r.tool_name = str(tool, "name", "tool");
        r.tool_version = str(tool, "version", "tool");
        r.team = opt_str(j, "team", "the report");
        const ojson& q = member(j, "questionnaire", "the report");
        r.questionnaire.id = str(q, "id", "questionnaire");
        r.questionnaire.title = str(q, "title", "questionnaire");
        r.questionnaire.version = str(q, "version", "questionnaire");
        r.questionnaire.digest = str(q, "digest", "questionnaire");
        for (const auto& l : array(q, "levels", "questionnaire"))
            r.questionnaire.levels.push_back({integer(l, "level", "questionnaire.levels"),
                                              str(l, "name", "questionnaire.levels"), ""});
        Assessment& a = r.assessment;
        const ojson& overall = member(j, "overall", "the report");
        a.overall_level = integer(overall, "level", "overall");
        a.overall_name = str(overall, "name", "overall");
        a.overall_score = number(overall, "score", "overall");
        if (j.contains("target")) {
            const ojson& t = j["target"];
            a.target = Target{integer(t, "level", "target"), str(t, "source", "target"), str(t, "reason", "target")};
        }
        if (j.contains("profile")) {
            const ojson& p = j["profile"];
            if (!p.is_object()) fail("profile", "expected an object");
            for (const auto& [k, v] : p.items()) {
                if (!v.is_string()) fail("profile." + k, "expected a string");
                a.profile[k] = v.get<std::string>();
            }
        }
        for (const auto& d : array(j, "dimensions", "the report")) {
            DimensionResult dr;
            dr.id = str(d, "id", "dimensions");
            dr.name = str(d, "name", "dimensions");
            dr.level = integer(d, "level", "dimensions");
            dr.progress = number(d, "progress", "dimensions");
            for (const auto& l : array(d, "levels", "dimensions"))
                dr.levels.push_back({integer(l, "level", "dimensions.levels"), number(l, "coverage", "dimensions.levels"),
                                     boolean(l, "met", "dimensions.levels"), integer(l, "practices", "dimensions.levels")});
            a.dimensions.push_back(std::move(dr));
        }
        for (const auto& g : array(j, "gaps", "the report")) {
            Gap gap;
            gap.priority = integer(g, "priority", "gaps");
            gap.question = str(g, "question", "gaps");
            gap.dimension = str(g, "dimension", "gaps");
            gap.level = integer(g, "level", "gaps");
            std::string group = str(g, "group", "gaps");
            gap.group = group == "blocking" ? GapGroup::Blocking : group == "optional" ? GapGroup::Optional
                                                                                       : GapGroup::Next;
            gap.within_target = gap.group != GapGroup::Optional;
            gap.blocking = boolean(g, "blocking", "gaps");
            gap.text = str(g, "text", "gaps");
            gap.practice = str(g, "practice", "gaps");
            gap.tools = strings(g, "tools", "gaps");
            gap.references = strings(g, "references", "gaps");
            gap.weight = number(g, "weight", "gaps");
            gap.credit = number(g, "credit", "gaps");
            gap.unanswered = boolean(g, "unanswered", "gaps");
            if (g.contains("next_option")) {
                gap.next_option = integer(g["next_option"], "level", "gaps.next_option");
                gap.next_option_text = str(g["next_option"], "text", "gaps.next_option");
            }
            a.gaps.push_back(std::move(gap));
        }
        for (const auto& an : array(j, "answers", "the report")) {
            QuestionResult qr;
            qr.question = str(an, "question", "answers");
            qr.dimension = str(an, "dimension", "answers");
            qr.answer = answer(member(an, "answer", "answers"), "answers." + qr.question);
            qr.status = qr.answer.kind == AnswerKind::NotApplicable ? QuestionStatus::NotApplicable
                                                                    : QuestionStatus::Answered;
            qr.note = opt_str(an, "note", "answers");
            if (opt_str(an, "source", "answers") == "evidence") qr.source = AnswerSource::Evidence;
            if (an.contains("evidence"))
                for (const auto& e : array(an, "evidence", "answers")) {
                    EvidenceHit h;
                    h.path = str(e, "path", "answers.evidence");
                    if (e.contains("line")) h.line = integer(e, "line", "answers.evidence");
                    h.excerpt = opt_str(e, "excerpt", "answers.evidence");
                    qr.evidence.push_back(std::move(h));
                }
            a.questions.push_back(std::move(qr));
        }
        a.unanswered = strings(j, "unanswered", "the report");
        std::map<std::string, std::string> notes;
        if (j.contains("unanswered_notes"))
            for (const auto& n : array(j, "unanswered_notes", "the report"))
                notes[str(n, "question", "unanswered_notes")] = str(n, "note", "unanswered_notes");
        for (const auto& id : a.unanswered) {
            QuestionResult qr;
            qr.question = id;
            qr.status = QuestionStatus::Unanswered;
            if (auto n = notes.find(id); n != notes.end()) qr.note = n->second;
            a.questions.push_back(std::move(qr));
        }
        if (j.contains("not_asked"))
            for (const auto& n : array(j, "not_asked", "the report")) {
                QuestionResult qr;
                qr.question = str(n, "question", "not_asked");
                qr.dimension = str(n, "dimension", "not_asked");
                qr.reason = str(n, "reason", "not_asked");
                qr.status = QuestionStatus::NotAsked;
                if (n.contains("answer"))
                    qr.answer_not_counted = answer(member(n, "answer", "not_asked"), "not_asked." + qr.question);
                qr.note = opt_str(n, "note", "not_asked");
                a.questions.push_back(std::move(qr));
            }
        if (j.contains("gate")) {
            const ojson& g = j["gate"];
            GateResult gr;
            gr.passed = boolean(g, "passed", "gate");
            for (const auto& b : array(g, "bars", "gate"))
                gr.bars.push_back({opt_str(b, "dimension", "gate.bars"), integer(b, "level", "gate.bars")});
            gr.failures = strings(g, "failures", "gate");
            r.gate = std::move(gr);
        }
        if (j.contains("contradictions")) {
            r.contradictions.emplace();
            for (const auto& c : array(j, "contradictions", "the report")) {
                Contradiction con;
                con.question = str(c, "question", "contradictions");
                std::string kind = str(c, "kind", "contradictions");
                if (kind == "yes-unverified") con.kind = Contradiction::Kind::YesUnverified;
                else if (kind == "no-but-evidence") con.kind = Contradiction::Kind::NoButEvidence;
                else fail("contradictions.kind", "unknown kind '" + kind + "'");
                if (c.contains("evidence"))
                    for (const auto& e : array(c, "evidence", "contradictions")) {
                        EvidenceHit h;
                        h.path = str(e, "path", "contradictions.evidence");
                        if (e.contains("line")) h.line = integer(e, "line", "contradictions.evidence");
                        h.excerpt = opt_str(e, "excerpt", "contradictions.evidence");
                        con.evidence.push_back(std::move(h));
                    }
                r.contradictions->push_back(std::move(con));
            }
        }
        return r;
    }

private:
    const std::string& file_;
};

}  // namespace

Report read_report(const std::string& text, const std::string& file) {
    ojson j;
    try {
        bool too_deep = false;
        j = ojson::parse(
            text,
            [&too_deep](int depth, ojson::parse_event_t, ojson&) {
                if (depth > kMaxReportDepth) too_deep = true;
                return !too_deep;
            },
            true);
        if (too_deep)
            throw InputError(Diagnostic{file, 0, 0, "the report nests deeper than " +
                                                        std::to_string(kMaxReportDepth) + " levels"});
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann reports a byte offset; turn it into line and column.
        std::size_t offset = std::min<std::size_t>(e.byte, text.size());
        int line = 1, column = 1;
        for (std::size_t i = 0; i + 1 < offset; ++i) {
            if (text[i] == '\n') { ++line; column = 1; } else { ++column; }
        }
        std::string msg = e.what();
        auto pos = msg.find("parse error");
        throw InputError(Diagnostic{file, line, column, "invalid JSON: " + (pos == std::string::npos ? msg : msg.substr(pos))});
    } catch (const nlohmann::json::out_of_range&) {
        // Found by fuzzing: nlohmann throws out_of_range (not parse_error) for a number like 1e999.
        throw InputError(Diagnostic{file, 0, 0, "invalid JSON: a number is too large to represent"});
    } catch (const nlohmann::json::exception& e) {
        throw InputError(Diagnostic{file, 0, 0, std::string("invalid JSON: ") + e.what()});
    }
    return ReportReader(file).read(j);
}

}  // namespace mm
