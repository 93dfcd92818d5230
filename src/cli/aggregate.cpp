// `aggregate`: many teams' saved reports of one questionnaire side by side.
// Files are read and parsed in parallel, a chunk at a time, and added to the aggregate in the order given, so
// the result and the first error reported do not depend on timing, and memory stays bounded.
#include <unistd.h>

#include <algorithm>
#include <exception>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/cli.hpp"
#include "mm/aggregate.hpp"
#include "mm/output.hpp"
#include "mm/source.hpp"

namespace mm::cli {

namespace {

struct AggregateOptions {
    std::vector<std::string> inputs;
    std::string format = "text";
    std::string output;
    std::string color = "auto";
    std::size_t top = 15;
};

struct Parsed {
    ReportSummary summary;
    std::string name;
    std::exception_ptr error;
};

// `src` is the worker's buffer, reused from file to file.
void parse_one(const std::string& path, SourceText& src, Parsed& out) {
    try {
        read_source_into(path, src);
        out.name = src.name;
        out.summary = read_report_summary(src.text, src.name);
    } catch (...) {
        out.error = std::current_exception();
    }
}

Aggregate aggregate_files(const std::vector<std::string>& paths, std::size_t top) {
    const std::size_t workers =
        std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    const std::size_t chunk = 64 * workers;
    Aggregator agg;
    std::vector<Parsed> parsed;
    std::vector<SourceText> buffers(workers);
    for (std::size_t start = 0; start < paths.size(); start += chunk) {
        const std::size_t n = std::min(chunk, paths.size() - start);
        parsed.assign(n, Parsed{});
        if (workers == 1 || n < 8) {
            for (std::size_t i = 0; i < n; ++i) parse_one(paths[start + i], buffers[0], parsed[i]);
        } else {
            std::vector<std::thread> pool;
            for (std::size_t w = 0; w < workers; ++w)
                pool.emplace_back([&, w] {
                    for (std::size_t i = w; i < n; i += workers) parse_one(paths[start + i], buffers[w], parsed[i]);
                });
            for (auto& t : pool) t.join();
        }
        for (auto& p : parsed) {
            if (p.error) std::rethrow_exception(p.error);
            agg.add(std::move(p.summary), p.name);
        }
    }
    return std::move(agg).finish(top);
}

ExitCode run_aggregate(const AggregateOptions& o) {
    check_stdin_once(o.inputs, "aggregate");
    Aggregate a = aggregate_files(o.inputs, o.top);
    if (a.digests > 1)
        std::cerr << "mlops-maturity: warning: the reports were made with " << a.digests
                  << " different versions of questionnaire '" << terminal_safe(a.questionnaire.id)
                  << "' (their digests differ); levels may not be comparable\n";
    if (a.by_points)
        std::cerr << "mlops-maturity: warning: questionnaire '" << terminal_safe(a.questionnaire.id)
                  << "' is scored by points, but aggregate compares levels only (for it, level 1 means every test "
                     "automated); compare the points with 'report' or 'diff'\n";
    if (a.rules.size() > 1) {
        std::vector<std::string> rules;
        for (const auto rule : a.rules) rules.push_back(std::to_string(rule));
        std::cerr << "mlops-maturity: warning: the reports were scored by different scoring rules ("
                  << join_list(rules, " and ") << ", docs/scoring.md); levels may not be comparable\n";
    }
    for (const auto& l : a.superseded)
        std::cerr << escape_controls("mlops-maturity: warning: " + l.source +
                                     (l.date.empty() ? std::string() : " (" + l.date + ")") +
                                     " left out: a later report of team '" + l.team + "' was given, " +
                                     l.kept_source + (l.kept_date.empty() ? std::string() : " (" + l.kept_date + ")"))
                  << '\n';
    emit(find_format(aggregate_formats(), o.format).render(a, text_options(o.output, o.color)), o.output);
    return ExitCode::Ok;
}

}  // namespace

const FormatTable<Aggregate>& aggregate_formats() {
    static const FormatTable<Aggregate> formats{
        {"text", [](const Aggregate& a, const TextOptions& o) { return render_aggregate_text(a, o); }},
        {"json", [](const Aggregate& a, const TextOptions&) { return render_aggregate_json(a); }},
        {"markdown", [](const Aggregate& a, const TextOptions&) { return render_aggregate_markdown(a); }},
        {"html", [](const Aggregate& a, const TextOptions&) { return render_aggregate_html(a); }},
        {"csv", [](const Aggregate& a, const TextOptions&) { return render_aggregate_csv(a); }},
    };
    return formats;
}

void setup_aggregate(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<AggregateOptions>();
    CLI::App* sub = app.add_subcommand(
        "aggregate", "Many teams' reports side by side: level heatmap, distribution, practices missing most often");
    sub->add_option("reports", o->inputs, "JSON reports of one questionnaire, one per team")->required();
    sub->add_option("-f,--format", o->format, "Output format")
        ->check(CLI::IsMember(format_names(aggregate_formats())))
        ->capture_default_str();
    sub->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout");
    sub->add_option("--top", o->top, "How many of the practices missing most often to list")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    add_color_option(*sub, o->color);
    sub->footer(
        "The team's name is the report's \"team\" (assess --team NAME), else the file name without its extension.\n"
        "Of two reports naming the same team, the later one (by date, then by order given) is shown.\n\n"
        "Examples:\n"
        "  mlops-maturity aggregate reports/*.json\n"
        "  mlops-maturity aggregate reports/*.json -f html -o maturity-overview.html\n"
        "  mlops-maturity aggregate reports/*.json -f csv -o levels.csv");
    sub->callback([o, &ctx] { ctx.exit = run_aggregate(*o); });
}

}  // namespace mm::cli
