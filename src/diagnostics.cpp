#include "mm/diagnostics.hpp"

#include <algorithm>
#include <numeric>

namespace mm {

std::string Diagnostic::str() const {
    const char* kind = severity == Severity::Error ? "error: " : "warning: ";
    // A problem with a command-line option (file "--min-level") or with no place at all reads like every other
    // message of the tool: "mlops-maturity: error: --min-level: ...".
    if (file.empty()) return std::string("mlops-maturity: ") + kind + message;
    if (file.size() > 2 && file.compare(0, 2, "--") == 0)
        return std::string("mlops-maturity: ") + kind + file + ": " + message;
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
    out += kind;
    out += message;
    return out;
}

static std::string join_messages(const std::vector<Diagnostic>& diags) {
    std::string out;
    for (const auto& d : diags) {
        if (!out.empty()) out += '\n';
        out += d.str();
    }
    return out;
}

InputError::InputError(std::vector<Diagnostic> diags)
    : std::runtime_error(join_messages(diags)), diags_(std::move(diags)) {}

void DiagnosticSink::error(int line, int column, std::string message) {
    // Counting goes on (the total tells how much is wrong), but a hostile or badly broken file can yield a million
    // errors: only the first few are kept.
    ++errors_;
    if (shown_ >= kMaxShown) return;
    ++shown_;
    diags_.push_back({file_, line, column, std::move(message), Severity::Error});
}

void DiagnosticSink::warning(int line, int column, std::string message) {
    diags_.push_back({file_, line, column, std::move(message), Severity::Warning});
}

std::string more_errors(long long n) {
    return "and " + std::to_string(n) + " more error" + (n == 1 ? "" : "s") + " (fix the ones above first)";
}

void DiagnosticSink::throw_if_errors() const {
    if (!has_errors()) return;
    std::vector<Diagnostic> errors;
    for (const auto& d : diags_)
        if (d.severity == Severity::Error) errors.push_back(d);
    std::stable_sort(errors.begin(), errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    if (errors_ > shown_) errors.push_back({file_, 0, 0, more_errors(errors_ - shown_), Severity::Error});
    throw InputError(std::move(errors));
}

static std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    std::iota(prev.begin(), prev.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string did_you_mean(const std::string& hint) {
    return hint.empty() ? std::string() : " (did you mean '" + hint + "'?)";
}

std::string join_list(const std::vector<std::string>& items, const std::string& last) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? last : ", ") + items[i];
    return out;
}

std::string nearest(const std::string& word, const std::vector<std::string>& candidates) {
    // Ids are short; a long word is no typo of one, and the edit distance would cost length x length.
    if (word.size() > 256) return {};
    std::string best;
    std::size_t best_distance = std::string::npos;
    for (const auto& c : candidates) {
        if (c.size() > 256) continue;
        std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    // A typo changes a few characters; beyond a third of the word it is a different word.
    std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
    return best_distance <= allowed ? best : std::string();
}

}  // namespace mm
