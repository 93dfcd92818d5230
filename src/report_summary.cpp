// Reading only what aggregation needs from a saved JSON report, as a stream of parse events (nlohmann's SAX
// interface): no document tree is built and everything else in the report is skipped. This is several times
// faster than read_report and keeps `aggregate` over 10,000 reports in seconds (bench/aggregate). The fields it
// reads get the checks read_report gives them (src/report_check.hpp), with the same messages.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <optional>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "mm/aggregate.hpp"
#include "mm/diagnostics.hpp"
#include "report_check.hpp"
#include "report_summary.hpp"
#include "utf8.hpp"

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

// Each table's members by index, so a value is stored by the index its key was found at (no second comparison).
enum RootField { kSchemaVersion, kTeam, kDate, kScoringRule };
enum QuestionnaireField { kQuestionnaireId, kQuestionnaireTitle, kQuestionnaireVersion, kQuestionnaireDigest };
enum LevelField { kLevelLevel, kLevelName };
enum OverallField { kOverallLevel, kOverallName, kOverallScore };
enum DimensionField { kDimensionId, kDimensionName, kDimensionLevel, kDimensionAssessed, kDimensionShown };
enum GapField { kGapQuestion, kGapDimension, kGapLevel, kGapText, kGapPractice, kGapGroup };
static_assert(kRoot[kSchemaVersion].key == "schema_version" && kRoot[kTeam].key == "team" &&
              kRoot[kDate].key == "date" && kRoot[kScoringRule].key == "scoring_rule");
static_assert(kQuestionnaire[kQuestionnaireId].key == "id" && kQuestionnaire[kQuestionnaireTitle].key == "title" &&
              kQuestionnaire[kQuestionnaireVersion].key == "version" &&
              kQuestionnaire[kQuestionnaireDigest].key == "digest");
static_assert(kLevel[kLevelLevel].key == "level" && kLevel[kLevelName].key == "name");
static_assert(kOverall[kOverallLevel].key == "level" && kOverall[kOverallScore].key == "score");
static_assert(kDimension[kDimensionId].key == "id" && kDimension[kDimensionName].key == "name" &&
              kDimension[kDimensionLevel].key == "level" && kDimension[kDimensionAssessed].key == "assessed" &&
              kDimension[kDimensionShown].key == "shown");
static_assert(kGap[kGapQuestion].key == "question" && kGap[kGapDimension].key == "dimension" &&
              kGap[kGapLevel].key == "level" && kGap[kGapText].key == "text" && kGap[kGapPractice].key == "practice" &&
              kGap[kGapGroup].key == "group");

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
    // `out` may hold an earlier report's summary: it is overwritten, and its strings and vectors keep their storage
    // for this one (read_report_summary_into), so reading 10,000 reports does not allocate each report's strings
    // anew. Every field is reset here or when its container starts; finish() trims the vectors to what was read.
    SummaryReader(const std::string& text, const std::string& file, ReportSummary& out)
        : text_(text), file_(file), out_(out), checks_(file) {
        out_.team.clear();
        out_.date.clear();
        out_.questionnaire.id.clear();
        out_.questionnaire.title.clear();
        out_.questionnaire.version.clear();
        out_.questionnaire.digest.clear();
        out_.rule = 1;
        out_.overall_level = 0;
        out_.score = 0.0;
        out_.target.reset();
        out_.by_points = false;
        dimension_levels_.reserve(out_.dimensions.capacity());
        gap_levels_.reserve(out_.gaps.capacity());
    }

    // ---- for the fast scanner ----
    // Whether the member whose key was just read is one the reader ignores: then its value, whatever it holds,
    // changes nothing but could nest too deep (the scanner checks that against depth()).
    bool skips_member() const { return !stack_.empty() && stack_.back().object && stack_.back().field < 0; }
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
    bool string(std::string& v) { return string_view(v); }
    bool binary(json::binary_t&) { return value(Kind::Null); }
    bool key(std::string& k) { return key_view(k); }

    // The same as string() and key(), for the scanner, which hands over the text in place when it has no escapes.
    bool string_view(std::string_view v) {
        string_ = v;
        return value(Kind::String);
    }
    bool key_view(std::string_view k) {
        Frame& f = stack_.back();
        f.key = {};
        f.field = -1;
        const Fields fs = fields_of(f.ctx);
        for (const Field* it = fs.begin; it != fs.end; ++it)
            if (it->key == k) {
                f.key = it->key;
                f.field = static_cast<int>(it - fs.begin);
                break;
            }
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
        out_.questionnaire.levels.resize(levels_);
        out_.dimensions.resize(dimensions_);
        out_.gaps.resize(gaps_);
        checks_.level("overall.level", overall_level_);
        if (target_level_) checks_.level("target.level", *target_level_);
        checks_.dimension_count("dimensions", out_.dimensions.size());
        // The paths are built only for a message: a report has dozens of gaps.
        for (std::size_t i = 0; i < out_.dimensions.size(); ++i)
            if (!checks_.is_level(dimension_levels_[i]))
                checks_.level(rc::member(rc::element("dimensions", i), "level"), dimension_levels_[i]);
        for (std::size_t i = 0; i < out_.gaps.size(); ++i)
            if (!checks_.is_practice_level(gap_levels_[i]))
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
        // Objects: the member being read, its key (as the field names it: a path in a message only ever passes
        // through members the reader reads) and index in fields_of(ctx); empty and -1 for a member it skips.
        std::string_view key;
        int field = -1;
        unsigned seen = 0;       // objects: the fields of fields_of(ctx) met so far, as bits
        std::size_t count = 0;   // arrays: the elements met so far
    };

    const std::string& text_;
    const std::string& file_;
    ReportSummary& out_;
    rc::Checks checks_;
    // The open containers, at most kMaxDepth (open() refuses more), in place: no allocation per report.
    class FrameStack {
    public:
        bool empty() const { return size_ == 0; }
        std::size_t size() const { return size_; }
        Frame& back() { return frames_[size_ - 1]; }
        const Frame& back() const { return frames_[size_ - 1]; }
        const Frame& operator[](std::size_t i) const { return frames_[i]; }
        void push_back(const Frame& f) { frames_[size_++] = f; }
        void pop_back() { --size_; }

    private:
        std::array<Frame, rc::kMaxDepth> frames_{};
        std::size_t size_ = 0;
    };
    FrameStack stack_;
    bool root_seen_ = false;
    std::int64_t integer_ = 0;
    double float_ = 0;
    bool boolean_ = false;
    std::string_view string_;  // valid until the next event
    // Levels as written, checked in finish() against the questionnaire's levels.
    std::int64_t overall_level_ = 0;
    std::optional<std::int64_t> target_level_;
    std::vector<std::int64_t> dimension_levels_;
    std::vector<std::int64_t> gap_levels_;
    // The elements read so far of out_'s vectors, whose elements beyond these are an earlier report's, to reuse.
    std::size_t levels_ = 0, dimensions_ = 0, gaps_ = 0;

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

    // The field the open object's current key names (found by key()), or null when the reader skips it.
    const Field* field(unsigned* bit) const {
        const Frame& f = stack_.back();
        if (f.field < 0) return nullptr;
        *bit = 1u << f.field;
        return fields_of(f.ctx).begin + f.field;
    }

    bool open(bool object) {
        if (stack_.size() >= rc::kMaxDepth) rc::fail_depth(file_);
        if (stack_.empty()) {
            if (!object) checks_.fail("", "expected a JSON object");
            root_seen_ = true;
            stack_.push_back({Ctx::Root, true, {}, -1, 0, 0});
            return true;
        }
        const Ctx ctx = child(object);
        stack_.push_back({ctx, object, {}, -1, 0, 0});
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
        if (ctx == Ctx::Levels) levels_ = 0;
        if (ctx == Ctx::Dimensions) {
            dimensions_ = 0;
            dimension_levels_.clear();
        }
        if (ctx == Ctx::Gaps) {
            gaps_ = 0;
            gap_levels_.clear();
        }
        if (ctx == Ctx::Target) target_level_ = 0;
    }

    void start_element(const Frame& array, Ctx ctx) {
        if (ctx == Ctx::Level) {
            // Checked as each level arrives, so a report of 400,000 levels stops at the sixth.
            if (!rc::Checks::is_level_entry(array.count - 1)) checks_.level_entry(path(), array.count - 1);
            Level& l = next(out_.questionnaire.levels, levels_);
            l.level = 0;
            l.name.clear();
            l.description.clear();
        }
        if (ctx == Ctx::Dimension) {
            ReportSummary::Dim& d = next(out_.dimensions, dimensions_);
            d.id.clear();
            d.name.clear();
            d.level = 0;
            d.counted = true;
            dimension_levels_.push_back(0);
        }
        if (ctx == Ctx::Gap) {
            ReportSummary::GapRef& g = next(out_.gaps, gaps_);
            g.question.clear();
            g.dimension.clear();
            g.level = 0;
            g.text.clear();
            g.practice.clear();
            g.group = GapGroup::Next;
            gap_levels_.push_back(0);
        }
    }

    // The element after the `used` ones read so far: an earlier report's, to be reset, or a new one.
    template <class T>
    static T& next(std::vector<T>& v, std::size_t& used) {
        if (used == v.size()) v.emplace_back();
        return v[used++];
    }

    bool close() {
        const Frame f = stack_.back();
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

    // Keeps a value of the right type where the summary wants it. Strings are copied into the summary's own
    // (reused) storage rather than moved, so the scanner's buffer keeps its storage too.
    void store(const Frame& f, Kind kind) {
        switch (f.ctx) {
            case Ctx::Root:
                switch (f.field) {
                    case kSchemaVersion:
                        check_schema_version();
                        break;
                    case kTeam:
                        out_.team.assign(string_);
                        break;
                    case kScoringRule:
                        checks_.whole("scoring_rule", integer_, 1, 3);
                        out_.rule = static_cast<int>(integer_);
                        break;
                    case kDate:
                        checks_.date("date", std::string(string_));
                        out_.date.assign(string_);
                        break;
                    default:
                        break;
                }
                break;
            case Ctx::Questionnaire:
                switch (f.field) {
                    case kQuestionnaireId:
                        out_.questionnaire.id.assign(string_);
                        break;
                    case kQuestionnaireTitle:
                        out_.questionnaire.title.assign(string_);
                        break;
                    case kQuestionnaireVersion:
                        out_.questionnaire.version.assign(string_);
                        break;
                    case kQuestionnaireDigest:
                        out_.questionnaire.digest.assign(string_);
                        break;
                    default:
                        break;
                }
                break;
            case Ctx::Level:
                if (f.field == kLevelLevel) {
                    const std::size_t index = stack_[stack_.size() - 2].count - 1;
                    if (!rc::Checks::is_level_number(index, integer_)) checks_.level_number(here(), index, integer_);
                    out_.questionnaire.levels[levels_ - 1].level = static_cast<int>(integer_);
                } else if (f.field == kLevelName) {
                    out_.questionnaire.levels[levels_ - 1].name.assign(string_);
                }
                break;
            case Ctx::Overall:
                if (f.field == kOverallLevel)
                    overall_level_ = integer_;
                else if (f.field == kOverallScore)
                    store_score(kind);
                break;
            case Ctx::Target: target_level_ = integer_; break;
            case Ctx::Dimension: {
                ReportSummary::Dim& d = out_.dimensions[dimensions_ - 1];
                switch (f.field) {
                    case kDimensionId:
                        d.id.assign(string_);
                        break;
                    case kDimensionName:
                        d.name.assign(string_);
                        break;
                    case kDimensionLevel:
                        dimension_levels_.back() = integer_;
                        break;
                    case kDimensionAssessed:
                    case kDimensionShown:
                        d.counted &= boolean_;
                        break;
                    default:
                        break;
                }
                break;
            }
            case Ctx::Gap:
                store_gap(f.field);
                break;
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

    void store_gap(int field) {
        ReportSummary::GapRef& g = out_.gaps[gaps_ - 1];
        switch (field) {
            case kGapQuestion:
                g.question.assign(string_);
                break;
            case kGapDimension:
                g.dimension.assign(string_);
                break;
            case kGapLevel:
                gap_levels_.back() = integer_;
                break;
            case kGapText:
                g.text.assign(string_);
                break;
            case kGapPractice:
                g.practice.assign(string_);
                break;
            case kGapGroup:
                g.group = gap_group(string_);
                break;
            default:
                break;
        }
    }

    // The group a gap's word names; the JSON path for the message is built only when the word is not one.
    GapGroup gap_group(std::string_view word) const {
        for (const GapGroup g : {GapGroup::Blocking, GapGroup::Next, GapGroup::Optional})
            if (to_string(g) == word) return g;
        return checks_.gap_group(here(), std::string(word));
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
    std::string s_;  // a string or key with escapes, decoded for the reader, reused

    unsigned char peek() const {
        if (p_ == end_) throw Fallback{};
        return static_cast<unsigned char>(*p_);
    }
    void expect(char c) {
        if (peek() != static_cast<unsigned char>(c)) throw Fallback{};
        ++p_;
    }
    void ws() {
        while (p_ != end_) {
            const char c = *p_;
            if (c == ' ') {
                ++p_;
                spaces();
            } else if (c == '\n' || c == '\r' || c == '\t') {
                ++p_;
            } else {
                return;
            }
        }
    }
    // Past a run of spaces (a pretty-printed report's indentation) sixteen bytes at a time with SSE2, else eight, then
    // byte by byte.
    void spaces() {
#if defined(__SSE2__)
        const __m128i space = _mm_set1_epi8(' ');
        while (end_ - p_ >= 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
            const unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, space))) & 0xFFFFu;
            if (other != 0) {
                p_ += __builtin_ctz(other);
                return;
            }
            p_ += 16;
        }
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        constexpr std::uint64_t kSpaces = 0x2020202020202020ull;
        while (end_ - p_ >= 8) {
            std::uint64_t x;
            std::memcpy(&x, p_, 8);
            x ^= kSpaces;  // a zero byte for each space; the first byte in memory is the lowest
            if (x != 0) {
                p_ += __builtin_ctzll(x) / 8;
                return;
            }
            p_ += 8;
        }
#endif
        while (p_ != end_ && *p_ == ' ') ++p_;
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
                r_.string_view(string(true));
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
            r_.key_view(string(true));
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
    // valid UTF-8); with `keep`, its text: in place in the text when it has no escapes, else decoded into s_ (either
    // valid until the next string).
    std::string_view string(bool keep) {
        ++p_;
        const char* start = p_;
        bool escaped = false;
        for (;;) {
            plain_run();
            switch (kStringClasses.of[peek()]) {
                case kQuote: {
                    std::string_view text;
                    if (keep) {
                        if (escaped) {
                            unescape(start, p_);
                            text = s_;
                        } else {
                            text = std::string_view(start, static_cast<std::size_t>(p_ - start));
                        }
                    }
                    ++p_;
                    return text;
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

    // Past the plain bytes of a string to the first quote, backslash, control character or byte above 0x7F (or the
    // end of the text), sixteen bytes at a time with SSE2 (a signed compare below 0x20 finds both control characters
    // and bytes above 0x7F), else eight at a time in a 64-bit word (the lowest byte flagged in a word is always one
    // of those: a borrow only runs upwards from a byte that is one). The last bytes of the text, byte by byte.
    void plain_run() {
#if defined(__SSE2__)
        const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
        while (end_ - p_ >= 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
            const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                                                 _mm_cmplt_epi8(x, space));
            const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special));
            if (mask != 0) {
                p_ += __builtin_ctz(mask);
                return;
            }
            p_ += 16;
        }
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
        while (end_ - p_ >= 8) {
            std::uint64_t x;
            std::memcpy(&x, p_, 8);
            const std::uint64_t quote = x ^ (kOnes * '"'), backslash = x ^ (kOnes * '\\');
            const std::uint64_t special =
                (((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | ((x - kOnes * 0x20) & ~x) | x) &
                kHighs;
            if (special != 0) {
                p_ += __builtin_ctzll(special) / 8;
                return;
            }
            p_ += 8;
        }
#endif
        while (p_ != end_ && kStringClasses.of[static_cast<unsigned char>(*p_)] == kPlain) ++p_;
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
                    utf8::encode(static_cast<char32_t>(std::strtoul(std::string(q + 1, 4).c_str(), nullptr, 16)), s_);
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

void read_with_nlohmann(const std::string& text, const std::string& file, ReportSummary& out) {
    SummaryReader reader(text, file, out);
    nlohmann::json::sax_parse(text, &reader, nlohmann::json::input_format_t::json, true);
    reader.finish();
}

// The fast scanner into `out`: false when it leaves the text to nlohmann (then `out` holds a partial summary).
bool read_fast(const std::string& text, const std::string& file, ReportSummary& out) {
    try {
        SummaryReader reader(text, file, out);
        FastScanner(text, reader).run();
        reader.finish();
        return true;
    } catch (const Fallback&) {
        return false;
    }
}

}  // namespace

std::optional<ReportSummary> read_report_summary_fast(const std::string& text, const std::string& file) {
    ReportSummary out;
    if (!read_fast(text, file, out)) return std::nullopt;
    return out;
}

void read_report_summary_into(const std::string& text, const std::string& file, ReportSummary& out) {
    if (!read_fast(text, file, out)) read_with_nlohmann(text, file, out);
}

ReportSummary read_report_summary(const std::string& text, const std::string& file) {
    ReportSummary out;
    read_report_summary_into(text, file, out);
    return out;
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
    ReportSummary out;
    read_with_nlohmann(text, file, out);
    return out;
}

}  // namespace mm
