// Builds the command line from the subcommand table and maps every outcome to the exit-code contract,
// in one place (README, "Exit codes").
#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <new>
#include <sstream>

#include "cli/cli.hpp"
#include "mm/version.hpp"

namespace mm::cli {

const char* tool_version() { return MM_VERSION; }

const std::vector<Command>& commands() {
    static const std::vector<Command> all{
        {"assess", setup_assess}, {"list", setup_list}, {"show", setup_show},
        {"validate", setup_validate}, {"init", setup_init}, {"scan", setup_scan},
        {"report", setup_report}, {"diff", setup_diff}, {"aggregate", setup_aggregate},
    };
    return all;
}

void add_color_option(CLI::App& sub, std::string& mode) {
    sub.add_option("--color", mode, "Colour: auto (on a terminal, unless NO_COLOR is set), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
}

bool use_color(const std::string& mode, int fd) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string(term) == "dumb") return false;
    return ::isatty(fd) == 1;
}

TextOptions text_options(const std::string& output, const std::string& color_mode) {
    const bool to_stdout = output.empty() || output == "-";
    TextOptions to;
    to.color = to_stdout && use_color(color_mode, STDOUT_FILENO);
    to.width = to_stdout ? terminal_width(STDOUT_FILENO) : 80;
    return to;
}

void check_roadmap_format(bool roadmap, const std::string& format) {
    if (roadmap && format != "text" && format != "markdown")
        throw InputError(Diagnostic{"mlops-maturity", 0, 0,
                                    "--roadmap shows the text or Markdown report (-f text or -f markdown); the "
                                    "JSON report has the same data in gaps[].level and gaps[].defining"});
}

int terminal_width(int fd) {
    struct winsize ws {};
    if (::isatty(fd) == 1 && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    if (const char* columns = std::getenv("COLUMNS")) {
        int n = 0;
        auto [p, ec] = std::from_chars(columns, columns + std::strlen(columns), n);
        if (ec == std::errc() && n > 0 && n < 10000) return n;
    }
    return 80;
}

std::vector<Bar> parse_bars(const Questionnaire& q, const std::vector<std::string>& specs) {
    std::vector<Bar> bars;
    for (const auto& spec : specs) {
        Bar b;
        std::string level = spec;
        if (auto eq = spec.find('='); eq != std::string::npos) {
            b.dimension = spec.substr(0, eq);
            level = spec.substr(eq + 1);
            if (!q.find_dimension(b.dimension)) {
                std::vector<std::string> ids;
                for (const auto& d : q.dimensions) ids.push_back(d.id);
                std::string hint = nearest(b.dimension, ids);
                std::string msg = "unknown dimension '" + b.dimension + "' in '" + spec + "'";
                msg += hint.empty() ? " (dimensions: " + [&] {
                    std::string all;
                    for (const auto& id : ids) all += (all.empty() ? "" : ", ") + id;
                    return all;
                }() + ")" : " (did you mean '" + hint + "'?)";
                throw InputError(Diagnostic{"--min-level", 0, 0, msg});
            }
        }
        int n = -1;
        auto [p, ec] = std::from_chars(level.data(), level.data() + level.size(), n);
        if (ec != std::errc() || p != level.data() + level.size() || n < 0 || n > q.max_level())
            throw InputError(Diagnostic{"--min-level", 0, 0,
                                        "'" + spec + "' is not a level from 0 to " + std::to_string(q.max_level()) +
                                            " (use N or DIMENSION=N)"});
        b.level = n;
        bars.push_back(b);
    }
    return bars;
}

namespace {

// Messages quote the input, which can be megabytes long on one line: keep the start (the location and what is
// wrong) and the end (what was expected), cut at UTF-8 character boundaries.
std::string shorten(const std::string& s, std::size_t head = 600, std::size_t tail = 200) {
    if (s.size() <= head + tail + 100) return s;
    auto boundary = [&](std::size_t i) {
        while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
        return i;
    };
    std::size_t h = boundary(head), t = boundary(s.size() - tail);
    return s.substr(0, h) + " […" + std::to_string(t - h) + " bytes…] " + s.substr(t);
}

// Writes `text` line by line through escape_controls (as print_diagnostics does), newlines kept. CLI11 builds its
// messages from the arguments (an unknown option, a value not allowed), which are untrusted like any input.
void write_escaped(std::ostream& os, const std::string& text) {
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        os << escape_controls(shorten(line));
        if (end == std::string::npos) break;
        os << '\n';
        start = end + 1;
    }
}

}  // namespace

void print_diagnostics(const std::vector<Diagnostic>& diags) {
    for (const auto& d : diags) std::cerr << escape_controls(shorten(d.str())) << '\n';
}

int main(int argc, char** argv) {
    // A closed pipe must not kill the process with a signal (exit 141 is outside the contract): writes then fail
    // with EPIPE, which write_stdout treats as the reader having seen enough.
    std::signal(SIGPIPE, SIG_IGN);
    CLI::App app{"mlops-maturity: how mature is your team's MLOps practice, and what should it adopt next?",
                 "mlops-maturity"};
    app.set_version_flag("--version", std::string("mlops-maturity ") + MM_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Examples:\n"
        "  mlops-maturity assess                          answer the built-in questionnaire in the terminal\n"
        "  mlops-maturity init -o answers.yaml            write an answers template to fill in and commit\n"
        "  mlops-maturity assess -a answers.yaml --min-level 2   gate CI on level 2\n"
        "  mlops-maturity assess -a answers.yaml -f json -o report.json\n\n"
        "Exit codes: 0 ok, 1 gate failed, 2 usage error or bad input, 3 internal error, 130 interrupted.\n"
        "Run 'mlops-maturity COMMAND --help' for a command's options.");
    Context ctx;
    for (const auto& c : commands()) c.setup(app, ctx);
    try {
        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            // CLI11 formats help, version and usage errors; its own codes (105, 106, 109...) become ours. Its error
            // messages quote the arguments, so they pass through the escaper of our own diagnostics. Help and
            // version (stdout) hold only our own text: CLI11 shows defaults captured at setup, never a value given.
            std::ostringstream err;
            int code = app.exit(e, std::cout, err);
            write_escaped(std::cerr, err.str());
            return code == 0 ? 0 : static_cast<int>(ExitCode::BadInput);
        }
        return static_cast<int>(ctx.exit);
    } catch (const InputError& e) {
        print_diagnostics(e.diagnostics());
        return static_cast<int>(ExitCode::BadInput);
    } catch (const OutputError& e) {
        std::cerr << "mlops-maturity: error: " << escape_controls(shorten(e.what())) << '\n';
        return static_cast<int>(ExitCode::Internal);
    } catch (const std::bad_alloc&) {
        std::cerr << "mlops-maturity: error: out of memory\n";
        return static_cast<int>(ExitCode::Internal);
    } catch (const std::exception& e) {
        std::cerr << "mlops-maturity: internal error: " << escape_controls(shorten(e.what())) << " (please report this)\n";
        return static_cast<int>(ExitCode::Internal);
    }
}

}  // namespace mm::cli
