// The rules of a saved report's values (src/report_check.hpp).
#include "report_check.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "mm/diagnostics.hpp"
#include "mm/model.hpp"
#include "mm/provenance.hpp"

namespace mm::report_check {

std::string member(const std::string& parent, std::string_view key) {
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string element(const std::string& parent, std::size_t index) {
    return parent + "[" + std::to_string(index) + "]";
}

void fail(const std::string& file, const std::string& path, const std::string& what) {
    throw InputError(Diagnostic{file, 0, 0, (path.empty() ? std::string("the report") : path) + ": " + what});
}

void fail_syntax(const std::string& file, std::string_view text, std::size_t offset, const std::exception& e) {
    // nlohmann reports a byte offset; turn it into line and column.
    offset = std::min(offset, text.size());
    int line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    // Found by fuzzing: a number like 1e999 is an out_of_range error, whose text names nlohmann's internals.
    if (dynamic_cast<const nlohmann::json::out_of_range*>(&e))
        throw InputError(Diagnostic{file, line, column, "invalid JSON: a number is too large to represent"});
    std::string msg = e.what();
    auto pos = msg.find("parse error");
    throw InputError(Diagnostic{file, line, column, "invalid JSON: " + (pos == std::string::npos ? msg : msg.substr(pos))});
}

void fail_depth(const std::string& file) {
    throw InputError(Diagnostic{file, 0, 0, "the report nests deeper than " + std::to_string(kMaxDepth) + " levels"});
}

namespace {

// A number as messages show it: the shortest text that reads back as the same double ("1e+18", "0.5", "5").
std::string shown(double x) { return fmt::format("{}", x); }

const char* const kLevelCount = "a questionnaire has 2 to 5 levels (0 up to at most 4)";

}  // namespace

void Checks::level_entry(const std::string& levels_path, std::size_t index) const {
    if (!is_level_entry(index)) fail(element(levels_path, index), std::string(kLevelCount) + ", not more");
}

void Checks::level_number(const std::string& path, std::size_t index, long long value) const {
    if (!is_level_number(index, value))
        fail(path, "levels are numbered 0, 1, 2, ... in order; expected " + std::to_string(index) + " here, not " +
                       std::to_string(value));
}

void Checks::set_levels(const std::string& levels_path, std::size_t count) {
    if (count < kMinLevels || count > kMaxLevels)
        fail(levels_path, std::string(kLevelCount) + ", not " + std::to_string(count));
    top_ = static_cast<int>(count) - 1;
}

void Checks::level(const std::string& path, long long value) const {
    if (!is_level(value))
        fail(path, std::to_string(value) + " is not a level of this questionnaire (0 to " + std::to_string(top_) + ")");
}

void Checks::practice_level(const std::string& path, long long value) const {
    if (!is_practice_level(value))
        fail(path, std::to_string(value) + " is not a level a practice can be at (1 to " + std::to_string(top_) + ")");
}

void Checks::progress(const std::string& path, double value) const {
    // Written as !(inside) so that a NaN, which no JSON text holds but a caller might pass, is refused too.
    if (!(value >= 0 && value <= top_))
        fail(path, shown(value) + " is outside 0 to " + std::to_string(top_) + " (the questionnaire's levels)");
}

void Checks::fraction(const std::string& path, double value) const {
    if (!(value >= 0 && value <= 1)) fail(path, shown(value) + " is outside 0 to 1");
}

void Checks::weight(const std::string& path, double value) const {
    if (!(value > 0)) fail(path, "expected a number above 0, not " + shown(value));
}

void Checks::whole(const std::string& path, long long value, long long min, long long max) const {
    if (value < min || value > max)
        fail(path, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", not " +
                       std::to_string(value));
}

void Checks::dimension_count(const std::string& path, std::size_t count) const {
    if (count == 0) fail(path, "a report has at least one dimension");
}

void Checks::dimension_level_count(const std::string& path, std::size_t count) const {
    if (count != static_cast<std::size_t>(top_))
        fail(path, "expected levels 1 to " + std::to_string(top_) + " (one entry each, in order), not " +
                       std::to_string(count) + " entries");
}

void Checks::dimension_level_number(const std::string& path, std::size_t index, long long value) const {
    if (value != static_cast<long long>(index) + 1)
        fail(path, "expected " + std::to_string(index + 1) + " here (levels 1 to " + std::to_string(top_) +
                       " in order), not " + std::to_string(value));
}

void Checks::profile_entry(const std::string& path, std::size_t index) const {
    if (index >= kMaxProfileQuestions)
        fail(path, "more than " + std::to_string(kMaxProfileQuestions) + " entries; a questionnaire has at most " +
                       std::to_string(kMaxProfileQuestions) + " profile questions");
}

std::string Checks::one_of(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

GapGroup Checks::gap_group(const std::string& path, const std::string& group) const {
    return enum_value(path, "group", group, {GapGroup::Blocking, GapGroup::Next, GapGroup::Optional});
}

void Checks::date(const std::string& path, const std::string& value) const {
    if (!is_date(value)) fail(path, "'" + value + "' is not a date (YYYY-MM-DD)");
}

void Checks::commit(const std::string& path, const std::string& value) const {
    if (!is_commit(value)) fail(path, "expected a full commit hash (40 or 64 lowercase hex digits)");
}

}  // namespace mm::report_check
