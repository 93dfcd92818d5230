// The reader behind read_report_summary (include/mm/aggregate.hpp), seen from the tests. Private to the library.
#pragma once

#include <optional>
#include <string>

#include "mm/aggregate.hpp"

namespace mm {

// read_report_summary by nlohmann's SAX parser alone, without the fast scanner in front of it: the reference the
// fast scanner must agree with, in results and in every error (tests/unit/test_report_reader.cpp, fuzz_report).
ReportSummary read_report_summary_reference(const std::string& text, const std::string& file);

// The fast scanner alone: the summary, or InputError (the same as the reference's), or nothing when it leaves the
// text to nlohmann (a syntax error, or a form it does not decode). read_report_summary is this, else the reference.
std::optional<ReportSummary> read_report_summary_fast(const std::string& text, const std::string& file);

// Every field of a summary as text, one per line, for comparing two summaries in tests and the fuzz target.
std::string summary_dump(const ReportSummary& s);

}  // namespace mm
