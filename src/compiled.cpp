// Questionnaire <-> bytes for the built-in questionnaires (include/mm/compiled.hpp). The format is private to one
// build (the host tool that writes it and the binary that reads it are built together): fixed-width little-endian
// integers, length-prefixed strings, counts before lists, in the order of the fields in include/mm/model.hpp.
#include "mm/compiled.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace mm {

namespace {

constexpr std::string_view kMagic = "mm-questionnaire-1\n";

class Writer {
public:
    void u32(std::uint32_t v) {
        for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
    void i32(int v) { u32(static_cast<std::uint32_t>(v)); }
    void b(bool v) { out_.push_back(v ? '\1' : '\0'); }
    void d(double v) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        u32(static_cast<std::uint32_t>(bits));
        u32(static_cast<std::uint32_t>(bits >> 32));
    }
    void s(const std::string& v) {
        u32(static_cast<std::uint32_t>(v.size()));
        out_ += v;
    }
    void raw(std::string_view v) { out_.append(v.data(), v.size()); }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    std::uint32_t u32() {
        need(4);
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in_[at_ + i])) << (8 * i);
        at_ += 4;
        return v;
    }
    int i32() { return static_cast<int>(u32()); }
    bool b() {
        need(1);
        return in_[at_++] != '\0';
    }
    double d() {
        std::uint64_t bits = u32();
        bits |= static_cast<std::uint64_t>(u32()) << 32;
        double v = 0;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }
    std::string s() {
        std::uint32_t n = u32();
        need(n);
        std::string v(in_.substr(at_, n));
        at_ += n;
        return v;
    }
    // A count of items that each take at least one byte, so a corrupt count cannot reserve gigabytes.
    std::size_t count() {
        std::uint32_t n = u32();
        need(n);
        return n;
    }
    void expect(std::string_view v) {
        need(v.size());
        if (in_.substr(at_, v.size()) != v) fail();
        at_ += v.size();
    }
    bool done() const { return at_ == in_.size(); }
    [[noreturn]] static void fail() { throw std::logic_error("corrupt compiled questionnaire (a bug of the build)"); }

private:
    void need(std::size_t n) const {
        if (in_.size() - at_ < n) fail();
    }
    std::string_view in_;
    std::size_t at_ = 0;
};

// ---- writing, one function per model type ----

void put(Writer& w, const SourcePos& p) {
    w.i32(p.line);
    w.i32(p.column);
}

void put(Writer& w, const std::vector<std::string>& v) {
    w.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& x : v) w.s(x);
}

void put(Writer& w, const Condition& c) {
    w.u32(static_cast<std::uint32_t>(c.clauses.size()));
    for (const auto& cl : c.clauses) {
        w.s(cl.first);
        put(w, cl.second);
    }
}

void put(Writer& w, const EvidenceRule& r) {
    w.i32(static_cast<int>(r.kind));
    w.s(r.glob);
    w.s(r.pattern);
    w.s(r.except);
    w.s(r.unless);
    w.b(r.ignore_case);
    w.u32(static_cast<std::uint32_t>(r.all.size()));
    for (const auto& x : r.all) put(w, x);
    w.i32(r.history.commits);
    w.i32(r.history.days);
    w.i32(r.history.merged_requests);
    w.i32(r.history.merged_share);
    w.i32(r.history.authors);
    w.b(r.suggests_partial);
    w.b(r.suggests_option.has_value());
    w.i32(r.suggests_option.value_or(0));
    put(w, r.pos);
}

void put(Writer& w, const Question& q) {
    w.s(q.id);
    w.i32(static_cast<int>(q.type));
    w.i32(q.level);
    w.s(q.text);
    w.s(q.help);
    w.s(q.practice);
    put(w, q.tools);
    put(w, q.references);
    w.d(q.weight);
    w.b(q.core);
    w.u32(static_cast<std::uint32_t>(q.options.size()));
    for (const auto& o : q.options) {
        w.i32(o.level);
        w.s(o.text);
        w.s(o.practice);
    }
    put(w, q.applies_when);
    w.u32(static_cast<std::uint32_t>(q.evidence.size()));
    for (const auto& r : q.evidence) put(w, r);
    w.b(q.needs_person_if_not_shown);
    put(w, q.pos);
}

// ---- reading, the mirror image ----

SourcePos get_pos(Reader& r) {
    SourcePos p;
    p.line = r.i32();
    p.column = r.i32();
    return p;
}

std::vector<std::string> get_strings(Reader& r) {
    std::vector<std::string> v(r.count());
    for (auto& x : v) x = r.s();
    return v;
}

Condition get_condition(Reader& r) {
    Condition c;
    c.clauses.resize(r.count());
    for (auto& cl : c.clauses) {
        cl.first = r.s();
        cl.second = get_strings(r);
    }
    return c;
}

EvidenceRule get_rule(Reader& r, int depth) {
    if (depth > 64) Reader::fail();
    EvidenceRule e;
    int kind = r.i32();
    if (kind < 0 || kind > static_cast<int>(EvidenceRule::Kind::History)) Reader::fail();
    e.kind = static_cast<EvidenceRule::Kind>(kind);
    e.glob = r.s();
    e.pattern = r.s();
    e.except = r.s();
    e.unless = r.s();
    e.ignore_case = r.b();
    e.all.resize(r.count());
    for (auto& x : e.all) x = get_rule(r, depth + 1);
    e.history.commits = r.i32();
    e.history.days = r.i32();
    e.history.merged_requests = r.i32();
    e.history.merged_share = r.i32();
    e.history.authors = r.i32();
    e.suggests_partial = r.b();
    bool has_option = r.b();
    int option = r.i32();
    if (has_option) e.suggests_option = option;
    e.pos = get_pos(r);
    return e;
}

Question get_question(Reader& r) {
    Question q;
    q.id = r.s();
    int type = r.i32();
    if (type != static_cast<int>(QuestionType::Practice) && type != static_cast<int>(QuestionType::Choice))
        Reader::fail();
    q.type = static_cast<QuestionType>(type);
    q.level = r.i32();
    q.text = r.s();
    q.help = r.s();
    q.practice = r.s();
    q.tools = get_strings(r);
    q.references = get_strings(r);
    q.weight = r.d();
    q.core = r.b();
    q.options.resize(r.count());
    for (auto& o : q.options) {
        o.level = r.i32();
        o.text = r.s();
        o.practice = r.s();
    }
    q.applies_when = get_condition(r);
    q.evidence.resize(r.count());
    for (auto& e : q.evidence) e = get_rule(r, 0);
    q.needs_person_if_not_shown = r.b();
    q.pos = get_pos(r);
    return q;
}

}  // namespace

std::string encode_questionnaire(const Questionnaire& q) {
    Writer w;
    w.raw(kMagic);
    w.s(q.id);
    w.s(q.title);
    w.s(q.version);
    w.s(q.description);
    w.u32(static_cast<std::uint32_t>(q.levels.size()));
    for (const auto& l : q.levels) {
        w.i32(l.level);
        w.s(l.name);
        w.s(l.description);
    }
    w.d(q.pass_threshold);
    w.i32(q.scoring_rule);
    w.i32(static_cast<int>(q.scoring_method));
    w.u32(static_cast<std::uint32_t>(q.profile.size()));
    for (const auto& p : q.profile) {
        w.s(p.id);
        w.s(p.text);
        w.s(p.help);
        w.u32(static_cast<std::uint32_t>(p.options.size()));
        for (const auto& o : p.options) {
            w.s(o.value);
            w.s(o.text);
            w.s(o.see_also);
        }
        put(w, p.pos);
    }
    w.u32(static_cast<std::uint32_t>(q.target_rules.size()));
    for (const auto& t : q.target_rules) {
        put(w, t.when);
        w.i32(t.level);
        w.s(t.reason);
    }
    w.u32(static_cast<std::uint32_t>(q.dimensions.size()));
    for (const auto& d : q.dimensions) {
        w.s(d.id);
        w.s(d.name);
        w.s(d.description);
        w.u32(static_cast<std::uint32_t>(d.questions.size()));
        for (const auto& x : d.questions) put(w, x);
        put(w, d.pos);
    }
    w.s(q.source_name);
    w.s(q.digest);
    return w.take();
}

Questionnaire decode_questionnaire(std::string_view bytes) {
    Reader r(bytes);
    r.expect(kMagic);
    Questionnaire q;
    q.id = r.s();
    q.title = r.s();
    q.version = r.s();
    q.description = r.s();
    q.levels.resize(r.count());
    for (auto& l : q.levels) {
        l.level = r.i32();
        l.name = r.s();
        l.description = r.s();
    }
    q.pass_threshold = r.d();
    q.scoring_rule = r.i32();
    int method = r.i32();
    if (method != static_cast<int>(ScoringMethod::Staircase) && method != static_cast<int>(ScoringMethod::Points))
        Reader::fail();
    q.scoring_method = static_cast<ScoringMethod>(method);
    q.profile.resize(r.count());
    for (auto& p : q.profile) {
        p.id = r.s();
        p.text = r.s();
        p.help = r.s();
        p.options.resize(r.count());
        for (auto& o : p.options) {
            o.value = r.s();
            o.text = r.s();
            o.see_also = r.s();
        }
        p.pos = get_pos(r);
    }
    q.target_rules.resize(r.count());
    for (auto& t : q.target_rules) {
        t.when = get_condition(r);
        t.level = r.i32();
        t.reason = r.s();
    }
    q.dimensions.resize(r.count());
    for (auto& d : q.dimensions) {
        d.id = r.s();
        d.name = r.s();
        d.description = r.s();
        d.questions.resize(r.count());
        for (auto& x : d.questions) x = get_question(r);
        d.pos = get_pos(r);
    }
    q.source_name = r.s();
    q.digest = r.s();
    if (!r.done()) Reader::fail();
    q.index_questions();
    return q;
}

}  // namespace mm
