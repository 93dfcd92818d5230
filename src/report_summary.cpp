// Reading only what aggregation needs from a saved JSON report, as a stream of parse events (nlohmann's SAX
// interface): no document tree is built and everything else in the report is skipped. This is several times
// faster than read_report and keeps `aggregate` over 10,000 reports in seconds (bench/aggregate). The fields it
// reads get the checks read_report gives them (src/report_check.hpp), with the same messages.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <optional>
#include <string_view>

#include "mm/aggregate.hpp"
#include "mm/diagnostics.hpp"
#include "report_check.hpp"
#include "report_summary.hpp"

namespace mm {

namespace {

namespace rc = report_check;

// What an object or array is, by where it is in the report.
enum class Ctx { Root, Questionnaire, Levels, Level, Overall, Target, Dimensions, Dimension, Gaps, Gap, Ignore };

enum class Type { String, Whole, Number, Bool, Object, Array };

// A member the reader reads: its type, whether the object must have it, and for containers their context.
struct Field {
    std::string_view key;
    Type type;
    bool required;
    Ctx ctx = Ctx::Ignore;
};

constexpr Field kRoot[] = {{"schema_version", Type::Whole, true},
                           {"team", Type::String, false},
                           {"date", Type::String, false},
                           {"scoring_rule", Type::Whole, false},
                           {"questionnaire", Type::Object, true, Ctx::Questionnaire},
                           {"overall", Type::Object, true, Ctx::Overall},
                           {"target", Type::Object, false, Ctx::Target},
                           {"dimensions", Type::Array, true, Ctx::Dimensions},
                           {"gaps", Type::Array, true, Ctx::Gaps},
                           {"points", Type::Object, false}};  // only whether it is there: its contents are skipped
constexpr unsigned kPointsBit = 1u << (std::size(kRoot) - 1);
constexpr Field kQuestionnaire[] = {{"id", Type::String, true},      {"title", Type::String, true},
                                    {"version", Type::String, true}, {"digest", Type::String, true},
                                    {"levels", Type::Array, true, Ctx::Levels}};
constexpr Field kLevel[] = {{"level", Type::Whole, true}, {"name", Type::String, true}};
constexpr Field kOverall[] = {{"level", Type::Whole, true}, {"name", Type::String, true}, {"score", Type::Number, true}};
constexpr Field kTarget[] = {{"level", Type::Whole, true}};
// `assessed` and `shown` are written only when false: such a dimension has no level to compare (docs/report-format.md).
constexpr Field kDimension[] = {{"id", Type::String, true},
                                {"name", Type::String, true},
                                {"level", Type::Whole, true},
                                {"assessed", Type::Bool, false},
                                {"shown", Type::Bool, false}};
constexpr Field kGap[] = {{"question", Type::String, true}, {"dimension", Type::String, true},
                          {"level", Type::Whole, true},     {"text", Type::String, true},
                          {"practice", Type::String, true}, {"group", Type::String, true}};

struct Fields {
    const Field* begin;
    const Field* end;
};

Fields fields_of(Ctx ctx) {
    switch (ctx) {
        case Ctx::Root: return {std::begin(kRoot), std::end(kRoot)};
        case Ctx::Questionnaire: return {std::begin(kQuestionnaire), std::end(kQuestionnaire)};
        case Ctx::Level: return {std::begin(kLevel), std::end(kLevel)};
        case Ctx::Overall: return {std::begin(kOverall), std::end(kOverall)};
        case Ctx::Target: return {std::begin(kTarget), std::end(kTarget)};
        case Ctx::Dimension: return {std::begin(kDimension), std::end(kDimension)};
        case Ctx::Gap: return {std::begin(kGap), std::end(kGap)};
        default: return {nullptr, nullptr};
    }
}

// The arrays whose elements are objects the reader reads, and the context of those elements.
Ctx element_ctx(Ctx ctx) {
    switch (ctx) {
        case Ctx::Levels: return Ctx::Level;
        case Ctx::Dimensions: return Ctx::Dimension;
        case Ctx::Gaps: return Ctx::Gap;
        default: return Ctx::Ignore;
    }
}

const char* expected(Type t) {
    switch (t) {
        case Type::String: return "expected a string";
        case Type::Whole: return "expected a whole number";
        case Type::Number: return "expected a number";
        case Type::Object: return "expected an object";
        case Type::Array: return "expected an array";
        case Type::Bool: return "expected true or false";
    }
    return "";
}

class SummaryReader {
public:
    using json = nlohmann::json;
    SummaryReader(const std::string& text, const std::string& file, ReportSummary& out)
        : text_(text), file_(file), out_(out), checks_(file) {}

    // ---- for the fast scanner ----
    // Whether the member whose key was just read is one the reader ignores: then its value, whatever it holds,
    // changes nothing but could nest too deep (the scanner checks that against depth()).
    bool skips_member() const {
        if (stack_.empty() || !stack_.back().object) return false;
        unsigned bit = 0;
        return field(&bit) == nullptr;
    }
    std::size_t depth() const { return stack_.size(); }

    // ---- nlohmann SAX interface ----
    bool null() { return value(Kind::Null); }
    bool boolean(bool b) {
        boolean_ = b;
        return value(Kind::Bool);
    }
    bool number_integer(json::number_integer_t v) {
        integer_ = v;
        return value(Kind::Integer);
    }
    bool number_unsigned(json::number_unsigned_t v) {
        integer_ = v > static_cast<std::uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<std::int64_t>(v);
        return value(Kind::Integer);
    }
    bool number_float(json::number_float_t v, const std::string&) {
        float_ = v;
        return value(Kind::Float);
    }
    bool string(std::string& v) {
        string_ = &v;
        return value(Kind::String);
    }
    bool binary(json::binary_t&) { return value(Kind::Null); }
    bool key(std::string& k) {
        stack_.back().key = std::move(k);
        return true;
    }
    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        rc::fail_syntax(file_, text_, position, e);
    }

    // After the last event (required members were checked as each object closed): the levels, which need the
    // questionnaire's level list wherever it stood in the file, in read_report's order, so that both readers
    // name the same problem first.
    void finish() {
        if (!root_seen_) checks_.fail("", "expected a JSON object");
        checks_.level("overall.level", overall_level_);
        if (target_level_) checks_.level("target.level", *target_level_);
        checks_.dimension_count("dimensions", out_.dimensions.size());
        for (std::size_t i = 0; i < out_.dimensions.size(); ++i)
            checks_.level(rc::member(rc::element("dimensions", i), "level"), dimension_levels_[i]);
        for (std::size_t i = 0; i < out_.gaps.size(); ++i)
            checks_.practice_level(rc::member(rc::element("gaps", i), "level"), gap_levels_[i]);
        // Every level is now one of the questionnaire's (0..4), so it fits an int.
        out_.overall_level = static_cast<int>(overall_level_);
        if (target_level_) out_.target = static_cast<int>(*target_level_);
        for (std::size_t i = 0; i < out_.dimensions.size(); ++i)
            out_.dimensions[i].level = static_cast<int>(dimension_levels_[i]);
        for (std::size_t i = 0; i < out_.gaps.size(); ++i) out_.gaps[i].level = static_cast<int>(gap_levels_[i]);
    }

private:
    enum class Kind { Null, Bool, Integer, Float, String };
    struct Frame {
        Ctx ctx;
        bool object;
        std::string key;         // objects: the member being read
        unsigned seen = 0;       // objects: the fields of fields_of(ctx) met so far, as bits
        std::size_t count = 0;   // arrays: the elements met so far
    };

    const std::string& text_;
    const std::string& file_;
    ReportSummary& out_;
    rc::Checks checks_;
    std::vector<Frame> stack_;
    bool root_seen_ = false;
    std::int64_t integer_ = 0;
    double float_ = 0;
    bool boolean_ = false;
    std::string* string_ = nullptr;
    // Levels as written, checked in finish() against the questionnaire's levels.
    std::int64_t overall_level_ = 0;
    std::optional<std::int64_t> target_level_;
    std::vector<std::int64_t> dimension_levels_;
    std::vector<std::int64_t> gap_levels_;

    // The JSON path of the open container, built only when a message needs it ("gaps[5]").
    std::string path() const {
        std::string out;
        for (std::size_t i = 1; i < stack_.size(); ++i) {
            const Frame& parent = stack_[i - 1];
            out = parent.object ? rc::member(out, parent.key) : rc::element(out, parent.count - 1);
        }
        return out;
    }
    // The path of the value being read in the open container.
    std::string here() const {
        const Frame& f = stack_.back();
        return f.object ? rc::member(path(), f.key) : rc::element(path(), f.count - 1);
    }

    // The field the open object's current key names, or null when the reader skips it.
    const Field* field(unsigned* bit) const {
        const Frame& f = stack_.back();
        Fields fs = fields_of(f.ctx);
        for (const Field* it = fs.begin; it != fs.end; ++it)
            if (it->key == f.key) {
                *bit = 1u << (it - fs.begin);
                return it;
            }
        return nullptr;
    }

    bool open(bool object) {
        if (stack_.size() >= rc::kMaxDepth) rc::fail_depth(file_);
        if (stack_.empty()) {
            if (!object) checks_.fail("", "expected a JSON object");
            root_seen_ = true;
            stack_.push_back({Ctx::Root, true, {}, 0, 0});
            return true;
        }
        const Ctx ctx = child(object);
        stack_.push_back({ctx, object, {}, 0, 0});
        return true;
    }

    // The context of a container opening in the open one, after checking it is the type expected there.
    Ctx child(bool object) {
        Frame& p = stack_.back();
        if (!p.object) {
            ++p.count;
            const Ctx ctx = element_ctx(p.ctx);
            if (ctx == Ctx::Ignore) return ctx;
            if (!object) checks_.fail(here(), "expected an object");
            start_element(p, ctx);
            return ctx;
        }
        unsigned bit = 0;
        const Field* f = field(&bit);
        if (!f) return Ctx::Ignore;
        if (f->type != (object ? Type::Object : Type::Array)) checks_.fail(here(), expected(f->type));
        p.seen |= bit;
        start_container(f->ctx);
        return f->ctx;
    }

    // A repeated member replaces the earlier one, as in read_report's document.
    void start_container(Ctx ctx) {
        if (ctx == Ctx::Levels) out_.questionnaire.levels.clear();
        if (ctx == Ctx::Dimensions) {
            out_.dimensions.clear();
            dimension_levels_.clear();
        }
        if (ctx == Ctx::Gaps) {
            out_.gaps.clear();
            gap_levels_.clear();
        }
        if (ctx == Ctx::Target) target_level_ = 0;
    }

    void start_element(const Frame& array, Ctx ctx) {
        if (ctx == Ctx::Level) {
            // Checked as each level arrives, so a report of 400,000 levels stops at the sixth.
            checks_.level_entry(path(), array.count - 1);
            out_.questionnaire.levels.emplace_back();
        }
        if (ctx == Ctx::Dimension) {
            out_.dimensions.emplace_back();
            dimension_levels_.push_back(0);
        }
        if (ctx == Ctx::Gap) {
            out_.gaps.emplace_back();
            gap_levels_.push_back(0);
        }
    }

    bool close() {
        const Frame f = std::move(stack_.back());
        Fields fs = fields_of(f.ctx);
        for (const Field* it = fs.begin; it != fs.end; ++it)
            if (it->required && !(f.seen & (1u << (it - fs.begin))))
                checks_.fail(path(), "missing '" + std::string(it->key) + "'");
        if (f.ctx == Ctx::Levels) checks_.set_levels(path(), f.count);
        if (f.ctx == Ctx::Root) out_.by_points = (f.seen & kPointsBit) != 0;
        stack_.pop_back();
        return true;
    }

    bool value(Kind kind) {
        if (stack_.empty()) checks_.fail("", "expected a JSON object");
        Frame& f = stack_.back();
        if (!f.object) {
            ++f.count;
            if (element_ctx(f.ctx) != Ctx::Ignore) checks_.fail(here(), "expected an object");
            return true;
        }
        unsigned bit = 0;
        const Field* field = this->field(&bit);
        if (!field) return true;
        if (!fits(kind, field->type)) checks_.fail(here(), expected(field->type));
        f.seen |= bit;
        store(f, kind);
        return true;
    }

    static bool fits(Kind kind, Type type) {
        switch (type) {
            case Type::String: return kind == Kind::String;
            case Type::Whole: return kind == Kind::Integer;
            case Type::Number: return kind == Kind::Integer || kind == Kind::Float;
            case Type::Bool: return kind == Kind::Bool;
            case Type::Object: case Type::Array: return false;
        }
        return false;
    }

    // Keeps a value of the right type where the summary wants it.
    void store(const Frame& f, Kind kind) {
        const std::string& k = f.key;
        switch (f.ctx) {
            case Ctx::Root:
                if (k == "schema_version") check_schema_version();
                else if (k == "team") out_.team = std::move(*string_);
                else if (k == "scoring_rule") {
                    checks_.whole("scoring_rule", integer_, 1, 3);
                    out_.rule = static_cast<int>(integer_);
                }
                else if (k == "date") {
                    checks_.date("date", *string_);
                    out_.date = std::move(*string_);
                }
                break;
            case Ctx::Questionnaire:
                if (k == "id") out_.questionnaire.id = std::move(*string_);
                else if (k == "title") out_.questionnaire.title = std::move(*string_);
                else if (k == "version") out_.questionnaire.version = std::move(*string_);
                else if (k == "digest") out_.questionnaire.digest = std::move(*string_);
                break;
            case Ctx::Level:
                if (k == "level") {
                    const std::size_t index = stack_[stack_.size() - 2].count - 1;
                    checks_.level_number(here(), index, integer_);
                    out_.questionnaire.levels.back().level = static_cast<int>(integer_);
                } else if (k == "name") {
                    out_.questionnaire.levels.back().name = std::move(*string_);
                }
                break;
            case Ctx::Overall:
                if (k == "level") overall_level_ = integer_;
                else if (k == "score") store_score(kind);
                break;
            case Ctx::Target: target_level_ = integer_; break;
            case Ctx::Dimension:
                if (k == "id") out_.dimensions.back().id = std::move(*string_);
                else if (k == "name") out_.dimensions.back().name = std::move(*string_);
                else if (k == "level") dimension_levels_.back() = integer_;
                else if (k == "assessed" || k == "shown") out_.dimensions.back().counted &= boolean_;
                break;
            case Ctx::Gap: store_gap(k); break;
            default: break;
        }
    }

    void check_schema_version() const {
        if (integer_ != kReportSchemaVersion)
            throw InputError(Diagnostic{file_, 0, 0,
                                        "report schema version " + std::to_string(integer_) +
                                            " is not supported: this tool reads version " +
                                            std::to_string(kReportSchemaVersion) +
                                            " (a newer mlops-maturity may read it)"});
    }

    void store_score(Kind kind) {
        const double x = kind == Kind::Integer ? static_cast<double>(integer_) : float_;
        checks_.fraction(here(), x);
        out_.score = x;
    }

    void store_gap(const std::string& k) {
        auto& g = out_.gaps.back();
        if (k == "question") g.question = std::move(*string_);
        else if (k == "dimension") g.dimension = std::move(*string_);
        else if (k == "level") gap_levels_.back() = integer_;
        else if (k == "text") g.text = std::move(*string_);
        else if (k == "practice") g.practice = std::move(*string_);
        else if (k == "group") g.group = checks_.gap_group(here(), *string_);
    }
};

// The fast scanner met something it leaves to nlohmann: a syntax error (whose message, line and column nlohmann's
// reader gives) or a rare form it does not decode (\u escapes of UTF-16 surrogates, numbers of 19 digits or more,
// numbers nlohmann may refuse as too large).
struct Fallback {};

// Byte classes inside a JSON string.
enum : unsigned char { kPlain, kQuote, kBackslash, kControl, kHigh };

struct StringClasses {
    unsigned char of[256];
    constexpr StringClasses() : of() {
        for (int c = 0; c < 256; ++c)
            of[c] = c == '"' ? kQuote : c == '\\' ? kBackslash : c < 0x20 ? kControl : c >= 0x80 ? kHigh : kPlain;
    }
};
constexpr StringClasses kStringClasses;

// A pull scanner over the whole text that hands SummaryReader the same events, in the same order, as nlohmann's
// SAX parser would, except inside members the reader ignores: those it only checks for well-formedness and depth,
// without events, allocations or number conversions. That is most of a report (answers, evidence, per-level
// detail), and what makes `aggregate` over 10,000 reports take about as long as reading them (bench/aggregate).
// It accepts exactly the JSON nlohmann accepts; anything else, or anything unusual, throws Fallback and the text
// is read again by nlohmann, so every error keeps its message, line and column. tests/unit/test_report_reader.cpp
// compares the two on valid reports and on thousands of damaged ones; fuzz/fuzz_report.cpp does the same.
class FastScanner {
public:
    FastScanner(const std::string& text, SummaryReader& reader)
        : p_(text.data()), end_(text.data() + text.size()), r_(reader) {}

    void run() {
        ws();
        if (p_ == end_) throw Fallback{};
        value();
        ws();
        if (p_ != end_) throw Fallback{};
    }

private:
    const char* p_;
    const char* end_;
    SummaryReader& r_;
    std::string s_;  // the string or key handed to the reader, reused

    unsigned char peek() const {
        if (p_ == end_) throw Fallback{};
        return static_cast<unsigned char>(*p_);
    }
    void expect(char c) {
        if (peek() != static_cast<unsigned char>(c)) throw Fallback{};
        ++p_;
    }
    void ws() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }
    void literal(const char* word, std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) throw Fallback{};
        p_ += n;
    }

    // A value the reader sees.
    void value() {
        switch (peek()) {
            case '{': object(); return;
            case '[': array(); return;
            case '"':
                string(true);
                r_.string(s_);
                return;
            case 't': literal("true", 4); r_.boolean(true); return;
            case 'f': literal("false", 5); r_.boolean(false); return;
            case 'n': literal("null", 4); r_.null(); return;
            default: number(true); return;
        }
    }

    void object() {
        ++p_;
        r_.start_object(static_cast<std::size_t>(-1));
        ws();
        if (peek() == '}') {
            ++p_;
            r_.end_object();
            return;
        }
        for (;;) {
            ws();
            if (peek() != '"') throw Fallback{};
            string(true);
            r_.key(s_);
            ws();
            expect(':');
            ws();
            if (r_.skips_member()) skip(r_.depth());
            else value();
            ws();
            const unsigned char c = peek();
            ++p_;
            if (c == '}') break;
            if (c != ',') throw Fallback{};
        }
        r_.end_object();
    }

    void array() {
        ++p_;
        r_.start_array(static_cast<std::size_t>(-1));
        ws();
        if (peek() == ']') {
            ++p_;
            r_.end_array();
            return;
        }
        for (;;) {
            ws();
            value();
            ws();
            const unsigned char c = peek();
            ++p_;
            if (c == ']') break;
            if (c != ',') throw Fallback{};
        }
        r_.end_array();
    }

    // A value the reader ignores, as a member of a container at `depth` (the reader's stack size): a container
    // here would be pushed at that depth, and the reader refuses depth kMaxDepth and beyond.
    void skip(std::size_t depth) {
        switch (peek()) {
            case '{':
            case '[': {
                if (depth >= rc::kMaxDepth) throw Fallback{};
                const char close = *p_ == '{' ? '}' : ']';
                const bool object = close == '}';
                ++p_;
                ws();
                if (peek() == static_cast<unsigned char>(close)) {
                    ++p_;
                    return;
                }
                for (;;) {
                    ws();
                    if (object) {
                        if (peek() != '"') throw Fallback{};
                        string(false);
                        ws();
                        expect(':');
                        ws();
                    }
                    skip(depth + 1);
                    ws();
                    const unsigned char c = peek();
                    ++p_;
                    if (c == static_cast<unsigned char>(close)) return;
                    if (c != ',') throw Fallback{};
                }
            }
            case '"': string(false); return;
            case 't': literal("true", 4); return;
            case 'f': literal("false", 5); return;
            case 'n': literal("null", 4); return;
            default: number(false); return;
        }
    }

    // A string at p_ (the opening quote), checked as nlohmann checks it (no raw control characters, valid escapes,
    // valid UTF-8); with `keep`, its text goes to s_.
    void string(bool keep) {
        ++p_;
        const char* start = p_;
        bool escaped = false;
        for (;;) {
            plain_run();
            while (p_ != end_ && kStringClasses.of[static_cast<unsigned char>(*p_)] == kPlain) ++p_;
            switch (kStringClasses.of[peek()]) {
                case kQuote: {
                    if (keep) {
                        if (escaped) unescape(start, p_);
                        else s_.assign(start, p_);
                    }
                    ++p_;
                    return;
                }
                case kBackslash: {
                    escaped = true;
                    ++p_;
                    const unsigned char e = peek();
                    if (e == 'u') {
                        if (end_ - p_ < 5) throw Fallback{};
                        unsigned v = 0;
                        for (int i = 1; i <= 4; ++i) {
                            const unsigned char h = static_cast<unsigned char>(p_[i]);
                            const int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                        : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                            if (d < 0) throw Fallback{};
                            v = v * 16 + static_cast<unsigned>(d);
                        }
                        if (v >= 0xD800 && v <= 0xDFFF) throw Fallback{};  // surrogates: left to nlohmann
                        p_ += 5;
                    } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
                               e == 't') {
                        ++p_;
                    } else {
                        throw Fallback{};
                    }
                    break;
                }
                case kHigh: utf8(); break;
                default: throw Fallback{};  // a raw control character
            }
        }
    }

    // Past the plain bytes of a string eight at a time, stopping at the first word that holds a quote, a backslash,
    // a control character or a byte above 0x7F (the byte loop after it finds which).
    void plain_run() {
        constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
        while (end_ - p_ >= 8) {
            std::uint64_t x;
            std::memcpy(&x, p_, 8);
            const std::uint64_t quote = x ^ (kOnes * '"'), backslash = x ^ (kOnes * '\\');
            const std::uint64_t special = ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) |
                                          ((x - kOnes * 0x20) & ~x) | x;
            if (special & kHighs) return;
            p_ += 8;
        }
    }

    // One UTF-8 sequence at p_, as nlohmann accepts them (RFC 3629: no overlong forms, no surrogates, at most
    // U+10FFFF).
    void utf8() {
        const auto at = [this](std::ptrdiff_t i) -> unsigned {
            if (end_ - p_ <= i) throw Fallback{};
            return static_cast<unsigned char>(p_[i]);
        };
        const auto cont = [&](std::ptrdiff_t i, unsigned lo, unsigned hi) {
            const unsigned c = at(i);
            if (c < lo || c > hi) throw Fallback{};
        };
        const unsigned c = at(0);
        if (c >= 0xC2 && c <= 0xDF) {
            cont(1, 0x80, 0xBF);
            p_ += 2;
        } else if (c == 0xE0) {
            cont(1, 0xA0, 0xBF), cont(2, 0x80, 0xBF);
            p_ += 3;
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
            cont(1, 0x80, 0xBF), cont(2, 0x80, 0xBF);
            p_ += 3;
        } else if (c == 0xED) {
            cont(1, 0x80, 0x9F), cont(2, 0x80, 0xBF);
            p_ += 3;
        } else if (c == 0xF0) {
            cont(1, 0x90, 0xBF), cont(2, 0x80, 0xBF), cont(3, 0x80, 0xBF);
            p_ += 4;
        } else if (c >= 0xF1 && c <= 0xF3) {
            cont(1, 0x80, 0xBF), cont(2, 0x80, 0xBF), cont(3, 0x80, 0xBF);
            p_ += 4;
        } else if (c == 0xF4) {
            cont(1, 0x80, 0x8F), cont(2, 0x80, 0xBF), cont(3, 0x80, 0xBF);
            p_ += 4;
        } else {
            throw Fallback{};
        }
    }

    // The text between the quotes with its escapes (checked by string(); \u outside the surrogates) decoded into
    // s_, a \u as UTF-8.
    void unescape(const char* from, const char* to) {
        s_.clear();
        for (const char* q = from; q != to; ++q) {
            if (*q != '\\') {
                s_ += *q;
                continue;
            }
            switch (*++q) {
                case 'u': {
                    const unsigned v = static_cast<unsigned>(std::strtoul(std::string(q + 1, 4).c_str(), nullptr, 16));
                    if (v < 0x80) {
                        s_ += static_cast<char>(v);
                    } else if (v < 0x800) {
                        s_ += static_cast<char>(0xC0 | (v >> 6));
                        s_ += static_cast<char>(0x80 | (v & 0x3F));
                    } else {
                        s_ += static_cast<char>(0xE0 | (v >> 12));
                        s_ += static_cast<char>(0x80 | ((v >> 6) & 0x3F));
                        s_ += static_cast<char>(0x80 | (v & 0x3F));
                    }
                    q += 4;
                    break;
                }
                case 'b': s_ += '\b'; break;
                case 'f': s_ += '\f'; break;
                case 'n': s_ += '\n'; break;
                case 'r': s_ += '\r'; break;
                case 't': s_ += '\t'; break;
                default: s_ += *q; break;  // " \ /
            }
        }
    }

    // A number, by JSON's grammar. With `keep`, handed to the reader as nlohmann would: a whole number as a
    // signed (negative) or unsigned one, anything else as a double.
    void number(bool keep) {
        const char* start = p_;
        const bool negative = peek() == '-';
        if (negative) ++p_;
        const auto digit = [this] { return p_ != end_ && *p_ >= '0' && *p_ <= '9'; };
        if (!digit()) throw Fallback{};
        if (*p_ == '0') ++p_;
        else
            while (digit()) ++p_;
        const char* int_end = p_;
        bool is_float = false, exponent = false;
        if (p_ != end_ && *p_ == '.') {
            ++p_;
            if (!digit()) throw Fallback{};
            while (digit()) ++p_;
            is_float = true;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (!digit()) throw Fallback{};
            while (digit()) ++p_;
            is_float = exponent = true;
        }
        const std::ptrdiff_t int_digits = int_end - start - (negative ? 1 : 0);
        if (!is_float) {
            if (int_digits > 18) throw Fallback{};  // may not fit 64 bits: nlohmann decides
            if (!keep) return;
            std::int64_t v = 0;
            for (const char* q = start + (negative ? 1 : 0); q != int_end; ++q) v = v * 10 + (*q - '0');
            if (negative) r_.number_integer(-v);
            else r_.number_unsigned(static_cast<std::uint64_t>(v));
            return;
        }
        // Without an exponent and with fewer than 300 digits before the point, a double holds it: nlohmann takes it.
        if (!keep && !exponent && int_digits < 300) return;
        const std::string token(start, p_);
        char* stop = nullptr;
        const double x = std::strtod(token.c_str(), &stop);
        if (!std::isfinite(x)) throw Fallback{};
        if (keep) r_.number_float(x, token);
    }
};

ReportSummary read_with_nlohmann(const std::string& text, const std::string& file) {
    ReportSummary out;
    SummaryReader reader(text, file, out);
    nlohmann::json::sax_parse(text, &reader, nlohmann::json::input_format_t::json, true);
    reader.finish();
    return out;
}

}  // namespace

std::optional<ReportSummary> read_report_summary_fast(const std::string& text, const std::string& file) {
    try {
        ReportSummary out;
        SummaryReader reader(text, file, out);
        FastScanner(text, reader).run();
        reader.finish();
        return out;
    } catch (const Fallback&) {
        return std::nullopt;
    }
}

ReportSummary read_report_summary(const std::string& text, const std::string& file) {
    if (std::optional<ReportSummary> out = read_report_summary_fast(text, file)) return std::move(*out);
    return read_with_nlohmann(text, file);
}

std::string summary_dump(const ReportSummary& s) {
    std::string out = fmt::format("team {}\ndate {}\nquestionnaire {} {} {} {}\nrule {} overall {} score {} target {} "
                                  "points {}\n",
                                  s.team, s.date, s.questionnaire.id, s.questionnaire.title, s.questionnaire.version,
                                  s.questionnaire.digest, s.rule, s.overall_level, s.score, s.target.value_or(-1),
                                  s.by_points);
    for (const auto& l : s.questionnaire.levels) out += fmt::format("level {} {}\n", l.level, l.name);
    for (const auto& d : s.dimensions) out += fmt::format("dimension {} {} {} {}\n", d.id, d.name, d.level, d.counted);
    for (const auto& g : s.gaps)
        out += fmt::format("gap {} {} {} {} {} {}\n", g.question, g.dimension, g.level, g.text, g.practice,
                           static_cast<int>(g.group));
    return out;
}

ReportSummary read_report_summary_reference(const std::string& text, const std::string& file) {
    return read_with_nlohmann(text, file);
}

}  // namespace mm
