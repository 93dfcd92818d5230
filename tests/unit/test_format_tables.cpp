// The format tables (mm/format_table.hpp): every row renders, names are unique, the CLI's -f accepts exactly the
// table's names, and the bash, zsh and fish completions offer exactly them. Adding a row without its completion
// fails here.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "catch.hpp"
#include "cli/cli.hpp"
#include "helpers.hpp"
#include "mm/aggregate.hpp"
#include "mm/diff.hpp"
#include "mm/history.hpp"
#include "mm/loading.hpp"
#include "mm/scan.hpp"

using namespace mm;

namespace {

Report saved(const std::string& name) {
    SourceText s = read_source(test::data_file("reports/" + name));
    return read_report(s.text, s.name);
}

template <class View>
void check_table(const FormatTable<View>& table, const View& view) {
    std::set<std::string> seen;
    for (const auto& f : table) {
        INFO("format " << f.name);
        CHECK(seen.insert(f.name).second);  // unique
        CHECK_FALSE(std::string(f.name).empty());
        CHECK_FALSE(f.render(view, TextOptions{}).empty());
        CHECK(&find_format(table, f.name) == &f);
    }
    CHECK(std::string(table.front().name) == "text");  // the default of every -f
    CHECK_THROWS_AS(find_format(table, "pdf"), InputError);
}

// The tables by the commands whose -f reads them.
std::vector<std::pair<std::string, std::vector<std::string>>> tables_by_command() {
    return {
        {"assess", format_names(report_formats())},        {"report", format_names(report_formats())},
        {"diff", format_names(cli::diff_formats())},       {"aggregate", format_names(cli::aggregate_formats())},
        {"history", format_names(cli::history_formats())}, {"scan", format_names(cli::scan_formats())},
    };
}

std::string completion(const std::string& file) {
    std::ifstream in(std::string(MM_SOURCE_DIR) + "/completions/" + file);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    std::sort(out.begin(), out.end());
    return out;
}

std::string between(const std::string& s, std::size_t from, const std::string& open, const std::string& close) {
    if (from == std::string::npos) return "";
    std::size_t a = s.find(open, from);
    if (a == std::string::npos) return "";
    a += open.size();
    std::size_t b = s.find(close, a);
    return b == std::string::npos ? "" : s.substr(a, b - a);
}

// bash: the `-f | --format)` case, the branch whose pattern names `command`.
std::vector<std::string> bash_formats(const std::string& text, const std::string& command) {
    const std::size_t start = text.find("-f | --format)");
    const std::string block = text.substr(start, text.find("esac", start) - start);
    std::istringstream lines(block);
    for (std::string line; std::getline(lines, line);) {
        const std::size_t paren = line.find(") COMPREPLY");
        if (paren == std::string::npos) continue;
        for (const auto& pattern : words(line.substr(0, paren)))
            if (pattern == command) return words(between(line, paren, "compgen -W \"", "\""));
    }
    return {};
}

// zsh: the `COMMAND)` branch of the subcommand case, its `:format:(...)` values.
std::vector<std::string> zsh_formats(const std::string& text, const std::string& command) {
    const std::size_t branch = text.find("\n        " + command + ")\n");
    if (branch == std::string::npos) return {};
    const std::string body = text.substr(branch, text.find(";;", branch) - branch);
    return words(between(body, 0, ":format:(", ")"));
}

// fish: the --format line of `COMMAND`.
std::vector<std::string> fish_formats(const std::string& text, const std::string& command) {
    const std::size_t line = text.find("__fish_seen_subcommand_from " + command + "' -s f -l format");
    return words(between(text, line, " -a '", "'"));
}

}  // namespace

TEST_CASE("every row of every format table renders its view, under a unique name") {
    const Report q1 = saved("acme-q1.json");
    const Report q2 = saved("acme-q2.json");
    check_table(report_formats(), q2);

    check_table(cli::diff_formats(), diff_reports(q1, q2, "acme-q1.json", "acme-q2.json"));

    Aggregator agg;
    for (const char* name : {"acme-q2.json", "beta.json", "gamma.json"}) {
        SourceText s = read_source(test::data_file(std::string("reports/") + name));
        agg.add(read_report_summary(s.text, s.name), s.name);
    }
    check_table(cli::aggregate_formats(), std::move(agg).finish(5));

    Report first = q1, second = q2;
    first.date = "2026-01-10";
    second.date = "2026-04-10";
    check_table(cli::history_formats(), build_history({{"acme-q1.json", first}, {"acme-q2.json", second}}));

    const Questionnaire q = load_questionnaire(resolve_questionnaire("mlops"));
    const ScanResult scan = scan_tree(q, test::data_file("sample-ml-repo"));
    check_table(cli::scan_formats(), cli::ScanView{q, scan, true});
}

TEST_CASE("each command's -f accepts exactly the names of its format table") {
    CLI::App app;
    cli::Context ctx;
    for (const auto& c : cli::commands()) c.setup(app, ctx);
    for (const auto& [command, names] : tables_by_command()) {
        INFO(command);
        CLI::Validator* check = app.get_subcommand(command)->get_option("--format")->get_validator(0);
        REQUIRE(check);
        for (std::string name : names) CHECK((*check)(name).empty());
        std::string unknown = "pdf";
        CHECK_FALSE((*check)(unknown).empty());
    }
}

TEST_CASE("the bash, zsh and fish completions offer exactly the names of each format table") {
    const std::string bash = completion("mlops-maturity.bash");
    const std::string zsh = completion("_mlops-maturity");
    const std::string fish = completion("mlops-maturity.fish");
    for (const auto& [command, table] : tables_by_command()) {
        INFO(command);
        std::vector<std::string> names = table;
        std::sort(names.begin(), names.end());
        CHECK(bash_formats(bash, command) == names);
        CHECK(zsh_formats(zsh, command) == names);
        CHECK(fish_formats(fish, command) == names);
    }
}
