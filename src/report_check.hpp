// What a saved report's values must be beyond their JSON types: the ranges of docs/schemas/report.schema.json, and
// every level one of the questionnaire's levels that the report lists. Shared by read_report (`report`, `diff`)
// and read_report_summary (`aggregate`), so the commands refuse the same values with the same message, which
// names the file and the JSON path of the element ("gaps[5].level"). Private to the library.
#pragma once

#include <cstddef>
#include <exception>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "mm/scoring.hpp"

namespace mm::report_check {

// Saved reports nest at most this deep (the writer nests 5); deeper input is refused while it is parsed.
inline constexpr std::size_t kMaxDepth = 32;
// The bound of the other whole numbers (priorities, practice counts).
inline constexpr long long kMaxCount = 1000000;

// JSON paths as messages show them. The report itself is "" (shown as "the report"); its members are "overall",
// theirs "overall.level"; array elements "gaps[5]".
std::string member(const std::string& parent, std::string_view key);
std::string element(const std::string& parent, std::size_t index);

// Throws InputError "FILE: error: PATH: WHAT".
[[noreturn]] void fail(const std::string& file, const std::string& path, const std::string& what);

// Throws InputError for a JSON syntax error nlohmann reported at byte `offset` of `text`, located by line and column.
[[noreturn]] void fail_syntax(const std::string& file, std::string_view text, std::size_t offset, const std::exception& e);

// Throws InputError when a report nests deeper than kMaxDepth.
[[noreturn]] void fail_depth(const std::string& file);

// The checks of one report. Level checks need the questionnaire's levels (set_levels); a streaming reader that
// meets them later keeps the values and checks them at the end.
class Checks {
public:
    explicit Checks(const std::string& file) : file_(file) {}

    [[noreturn]] void fail(const std::string& path, const std::string& what) const {
        report_check::fail(file_, path, what);
    }

    // questionnaire.levels: element `index` is about to be read (checked as each arrives, so a report of 400,000
    // levels stops at the sixth).
    void level_entry(const std::string& levels_path, std::size_t index) const;
    void level_number(const std::string& path, std::size_t index, long long value) const;
    // What level_entry() and level_number() accept, for a caller that builds the path only for the message.
    static bool is_level_entry(std::size_t index) { return index < kMaxLevels; }
    static bool is_level_number(std::size_t index, long long value) { return value == static_cast<long long>(index); }
    // questionnaire.levels, read whole: 2 to 5 of them. Sets the top level the other checks use.
    void set_levels(const std::string& levels_path, std::size_t count);

    void level(const std::string& path, long long value) const;           // 0..top
    void practice_level(const std::string& path, long long value) const;  // 1..top: gaps belong to a level above 0
    // What level() and practice_level() accept, for a caller that builds the path only for the message.
    bool is_level(long long value) const { return value >= 0 && value <= top_; }
    bool is_practice_level(long long value) const { return value >= 1 && value <= top_; }
    void progress(const std::string& path, double value) const;           // 0..top
    void fraction(const std::string& path, double value) const;           // 0..1: score, coverage, credit
    void weight(const std::string& path, double value) const;             // above 0
    void whole(const std::string& path, long long value, long long min, long long max) const;
    void dimension_count(const std::string& path, std::size_t count) const;
    // dimensions[i].levels: levels 1..top, one entry each, in order.
    void dimension_level_count(const std::string& path, std::size_t count) const;
    void dimension_level_number(const std::string& path, std::size_t index, long long value) const;
    // profile: member `index` is about to be read.
    void profile_entry(const std::string& path, std::size_t index) const;
    // The value of `values` whose to_string() is `text`; any other string is refused, naming them all in the
    // order given: "unknown WHAT 'TEXT' (expected A, B or C)", with `also` (e.g. "a choice level") last.
    template <class E>
    E enum_value(const std::string& path, const char* what, const std::string& text, std::initializer_list<E> values,
                 const char* also = nullptr) const {
        std::vector<std::string> names;
        for (E e : values) {
            names.push_back(to_string(e));
            if (names.back() == text) return e;
        }
        if (also) names.emplace_back(also);
        fail(path, std::string("unknown ") + what + " '" + text + "' (expected " + one_of(names) + ")");
    }
    GapGroup gap_group(const std::string& path, const std::string& group) const;
    // date: YYYY-MM-DD, a real calendar date; commit: a full Git object name (include/mm/provenance.hpp).
    void date(const std::string& path, const std::string& value) const;
    void commit(const std::string& path, const std::string& value) const;

private:
    static std::string one_of(const std::vector<std::string>& names);  // "a, b or c"
    const std::string& file_;
    int top_ = 0;
};

}  // namespace mm::report_check
