// Located problems with input, and the exit-code contract.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace mm {

// The exit codes CI relies on (README, "Exit codes"). Nothing else is ever returned.
enum class ExitCode : int {
    Ok = 0,
    GateFailed = 1,
    BadInput = 2,  // usage errors and invalid input files
    Internal = 3,  // a bug, or output that could not be written
    Interrupted = 130,
};

enum class Severity { Error, Warning };

struct Diagnostic {
    std::string file;
    int line = 0;  // 1-based; 0 when unknown
    int column = 0;
    std::string message;
    Severity severity = Severity::Error;

    // "FILE:LINE:COL: error: MESSAGE" (line and column left out when unknown); for an option (file "--answer")
    // "mlops-maturity: error: --answer: MESSAGE", and without a file "mlops-maturity: error: MESSAGE".
    std::string str() const;
};

// Thrown for bad input: carries every problem found, in source order.
class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Diagnostic> diags);
    explicit InputError(Diagnostic d) : InputError(std::vector<Diagnostic>{std::move(d)}) {}
    const std::vector<Diagnostic>& diagnostics() const { return diags_; }

private:
    std::vector<Diagnostic> diags_;
};

// Thrown when output cannot be written (exit 3).
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Collects diagnostics while loading, so one run reports every problem rather than the first: the first
// kMaxShown errors in full, then only a count ("and N more errors"), as compilers and linters do. One root cause
// often yields many errors; a screenful of them hides it.
class DiagnosticSink {
public:
    explicit DiagnosticSink(std::string file) : file_(std::move(file)) {}
    void error(int line, int column, std::string message);
    void warning(int line, int column, std::string message);
    bool has_errors() const { return errors_ > 0; }
    // Every error recorded, shown or only counted.
    long long error_count() const { return errors_; }
    // True once kMaxShown errors are kept: a further error is only counted, so a caller may skip building a
    // costly message (a "did you mean" compares against every known id).
    bool full() const { return shown_ >= kMaxShown; }
    const std::vector<Diagnostic>& all() const { return diags_; }
    const std::string& file() const { return file_; }
    // Throws InputError when any error was recorded: the errors kept, in source order, then "and N more errors"
    // (unlocated, naming the file) when some were only counted.
    void throw_if_errors() const;
    static constexpr int kMaxShown = 10;

private:
    std::string file_;
    std::vector<Diagnostic> diags_;  // warnings, and the errors shown
    long long errors_ = 0;
    int shown_ = 0;
};

// "and 3 more errors" / "and 1 more error": the last line when errors were counted but not shown.
std::string more_errors(long long n);

// The closest candidate by edit distance, or "" when none is close enough to be a likely typo.
std::string nearest(const std::string& word, const std::vector<std::string>& candidates);

// The end of an "unknown ..." message: " (did you mean 'HINT'?)", or "" when there is no hint (nearest found none).
std::string did_you_mean(const std::string& hint);

// The items joined with ", ", and with `last` before the final one: join_list({"1", "2", "3"}, " or ") is
// "1, 2 or 3"; with `last` ", " a plain comma list.
std::string join_list(const std::vector<std::string>& items, const std::string& last);

}  // namespace mm
