// Builds the command line from the subcommand table and maps every outcome to the exit-code contract,
// in one place (README, "Exit codes").
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <new>
#include <sstream>

#include "cli/cli.hpp"
#include "mm/terminal.hpp"
#include "mm/version.hpp"

namespace mm::cli {

const char* tool_version() { return MM_VERSION; }

const std::vector<Command>& commands() {
    static const std::vector<Command> all{
        {"assess", setup_assess}, {"list", setup_list}, {"show", setup_show},
        {"validate", setup_validate}, {"init", setup_init}, {"scan", setup_scan},
        {"report", setup_report}, {"diff", setup_diff}, {"aggregate", setup_aggregate}, {"history", setup_history},
        {"merge", setup_merge},
    };
    return all;
}

void add_color_option(CLI::App& sub, std::string& mode) {
    sub.add_option("--color", mode, "Colour: auto (on a terminal, unless NO_COLOR is set), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
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
        throw InputError(Diagnostic{"", 0, 0,
                                    "--roadmap shows the text or Markdown report (-f text or -f markdown); the "
                                    "JSON report has the same data in gaps[].level and gaps[].defining"});
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
                msg += hint.empty() ? " (dimensions: " + join_list(ids, ", ") + ")" : did_you_mean(hint);
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

// The subcommand named on the command line (the first argument that is one), or nullptr.
CLI::App* named_subcommand(CLI::App& app, int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        for (const auto& c : commands())
            if (argv[i] == std::string(c.name)) return app.get_subcommand(c.name);
    return nullptr;
}

std::vector<std::string> command_names() {
    std::vector<std::string> names;
    for (const auto& c : commands()) names.emplace_back(c.name);
    names.emplace_back("help");
    return names;
}

std::string unknown_command(const std::string& word) {
    std::string msg = "unknown command '" + word + "'";
    std::string hint = nearest(word, command_names());
    if (!hint.empty()) return msg + did_you_mean(hint);
    return msg + " (commands: " + join_list(command_names(), ", ") + ")";
}

// An option `sub` does not know: "unknown option '--minlevel' for 'assess' (did you mean '--min-level'?)". Empty
// when every option on the command line is known (the error is then about something else).
std::string unknown_option(CLI::App& app, CLI::App* sub, int argc, char** argv) {
    CLI::App& owner = sub ? *sub : app;
    std::vector<std::string> names{"--help"};
    if (!sub) names.emplace_back("--version");
    for (const CLI::Option* o : owner.get_options()) {
        for (const auto& l : o->get_lnames()) names.push_back("--" + l);
        for (const auto& sn : o->get_snames()) names.push_back("-" + sn);
    }
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--") break;
        if (arg.size() < 2 || arg[0] != '-') continue;
        std::string name = arg.substr(0, arg.find('='));
        if (name.size() > 2 && name[1] != '-') name = name.substr(0, 2);  // -qmlops: the option is -q
        if (std::find(names.begin(), names.end(), name) != names.end()) continue;
        if (name == "-h") continue;
        std::string msg = "unknown option '" + name + "'" + (sub ? " for '" + sub->get_name() + "'" : std::string());
        // One letter off is any other letter: short options get no suggestion.
        std::string hint = name.size() > 2 ? nearest(name, names) : std::string();
        msg += did_you_mean(hint);
        return msg;
    }
    return {};
}

// CLI11's messages ("The following argument was not expected: asses") in the tool's voice: one line that starts
// "mlops-maturity: error: ", with a "did you mean" for a mistyped command or option.
std::string usage_error(CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
    CLI::App* sub = named_subcommand(app, argc, argv);
    std::string msg;
    // By type, not get_name(): CLI11 names an ExtrasError of a subcommand after the subcommand.
    if (dynamic_cast<const CLI::ExtrasError*>(&e) || dynamic_cast<const CLI::RequiredError*>(&e)) {
        // A mistyped command before its options ("asses -a answers.yaml") is the one cause: the options after it
        // are unknown only because the command is.
        if (!sub && argv[1][0] != '-') msg = unknown_command(argv[1]);
        if (msg.empty()) msg = unknown_option(app, sub, argc, argv);
        if (msg.empty() && !sub)
            for (int i = 1; i < argc && msg.empty(); ++i)
                if (argv[i][0] != '-') msg = unknown_command(argv[i]);
    }
    if (msg.empty()) {
        msg = e.what();
        if (msg.size() > 1 && std::isupper(static_cast<unsigned char>(msg[0])) &&
            std::islower(static_cast<unsigned char>(msg[1])))
            msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
    }
    std::string help = sub ? "mlops-maturity " + sub->get_name() + " --help" : std::string("mlops-maturity --help");
    if (msg.find("did you mean") == std::string::npos) msg += "\n(see '" + help + "')";
    return "mlops-maturity: error: " + msg + "\n";
}

}  // namespace

void check_stdin_once(const std::vector<std::string>& inputs, const std::string& where) {
    // No file is at fault, so the message reads like the tool's other usage errors, not like a file's.
    if (std::count(inputs.begin(), inputs.end(), std::string("-")) > 1)
        throw InputError(Diagnostic{"", 0, 0, where + ": standard input ('-') can be given only once"});
}

void print_diagnostics(const std::vector<Diagnostic>& diags) {
    for (const auto& d : diags) std::cerr << escape_controls(shorten(d.str())) << '\n';
}

int guarded(const std::function<int()>& body) {
    try {
        return body();
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
        std::cerr << "mlops-maturity: internal error: " << escape_controls(shorten(e.what()))
                  << " (please report this)\n";
        return static_cast<int>(ExitCode::Internal);
    }
}

namespace {

// The command line built and run; what it throws is guarded()'s to map.
int run(int argc, char** argv) {
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
        "Run 'mlops-maturity help COMMAND' (or 'mlops-maturity COMMAND --help') for a command's options.");
    Context ctx;
    for (const auto& c : commands()) c.setup(app, ctx);
    // `help [COMMAND]` is `[COMMAND] --help` (as in git and gh); it is handled before parsing, and registered only
    // so that --help lists it. `help --help` is left to CLI11.
    CLI::App* help = app.add_subcommand("help", "Show the help of a command: help COMMAND is COMMAND --help");
    help->add_option("command", "The command to show the help of")->type_name("COMMAND");
    help->callback([&app] { std::cout << app.help(); });
    if (argc == 1) {
        // Nothing asked for: the usage, on stderr, and exit 2 like any other usage error (README, "Exit codes").
        std::cerr << app.help();
        return static_cast<int>(ExitCode::BadInput);
    }
    if (std::string(argv[1]) == "help" && (argc == 2 || argv[2][0] != '-')) {
        if (argc == 2) {
            std::cout << app.help();
            return 0;
        }
        for (const auto& c : commands())
            if (argv[2] == std::string(c.name)) {
                std::cout << app.get_subcommand(c.name)->help("mlops-maturity");  // as `COMMAND --help`
                return 0;
            }
        if (argv[2] == std::string("help")) {
            std::cout << help->help("mlops-maturity");
            return 0;
        }
        std::ostringstream err;
        err << "mlops-maturity: error: " << unknown_command(argv[2]) << '\n';
        write_escaped(std::cerr, err.str());
        return static_cast<int>(ExitCode::BadInput);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 formats help and version; its usage errors are said again in the tool's voice (usage_error), and
        // its own codes (105, 106, 109...) become ours. Error messages quote the arguments, so they pass through
        // the escaper of our own diagnostics. Help and version (stdout) hold only our own text: CLI11 shows
        // defaults captured at setup, never a value given.
        std::ostringstream err;
        int code = app.exit(e, std::cout, err);
        if (code != 0) {
            err.str("");
            err << usage_error(app, e, argc, argv);
        }
        write_escaped(std::cerr, err.str());
        return code == 0 ? 0 : static_cast<int>(ExitCode::BadInput);
    }
    return static_cast<int>(ctx.exit);
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe must not kill the process with a signal (exit 141 is outside the contract): writes then fail
    // with EPIPE, which write_stdout treats as the reader having seen enough.
    std::signal(SIGPIPE, SIG_IGN);
    // Building the command line is inside too: an exception there is an exit code and a message, not a terminate.
    return guarded([&] { return run(argc, argv); });
}

}  // namespace mm::cli
