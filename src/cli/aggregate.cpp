// `aggregate`: many teams' saved reports of one questionnaire side by side.
// Files are read and parsed in parallel, ahead of the aggregate, which adds them in the order given, so the result
// and the first error reported do not depend on timing, and memory stays bounded (aggregate_files).
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <iostream>
#include <memory>
#include <mutex>
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

// One report read, in a slot of the ring that aggregate_files reads ahead into.
struct Parsed {
    ReportSummary summary;  // reused from report to report (read_report_summary_into)
    std::string name;
    std::exception_ptr error;
    bool ready = false;  // read, waiting to be added (guarded by the ring's mutex)
};

// `src` is the worker's buffer, reused from file to file.
void parse_one(const std::string& path, SourceText& src, Parsed& out) {
    try {
        read_source_into(path, src);
        out.name.assign(src.name);
        read_report_summary_into(src.text, src.name, out.summary);
    } catch (...) {
        out.error = std::current_exception();
    }
}

// Reports are read by `workers` threads, each taking the next file as soon as it is done with one, into a ring of
// slots; this thread adds them to the aggregate in the order given as they become ready, while the workers read
// on. So both cores stay busy to the end (no chunk waits for its slowest file), the result and the first error
// reported do not depend on timing, and memory stays bounded by the ring.
Aggregate aggregate_files(const std::vector<std::string>& paths, std::size_t top) {
    const std::size_t n = paths.size();
    const std::size_t workers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    Aggregator agg;
    if (workers == 1 || n < 8) {
        SourceText buffer;
        Parsed p;
        for (const auto& path : paths) {
            parse_one(path, buffer, p);
            if (p.error) std::rethrow_exception(p.error);
            agg.add(p.summary, p.name);
        }
        return std::move(agg).finish(top);
    }
    const std::size_t window = 32 * workers;
    std::vector<Parsed> ring(window);
    std::mutex mutex;
    std::condition_variable ready_cv, free_cv;
    std::size_t next = 0;   // the next report a worker takes
    std::size_t added = 0;  // reports added: report i may use its slot, ring[i % window], once i < added + window
    bool stop = false;
    const auto work = [&] {
        SourceText buffer;
        for (;;) {
            std::size_t i = 0;
            {
                std::unique_lock<std::mutex> lock(mutex);
                free_cv.wait(lock, [&] { return stop || next >= n || next < added + window; });
                if (stop || next >= n) return;
                i = next++;
            }
            Parsed& slot = ring[i % window];
            parse_one(paths[i], buffer, slot);
            {
                const std::lock_guard<std::mutex> lock(mutex);
                slot.ready = true;
            }
            ready_cv.notify_one();
        }
    };
    std::vector<std::thread> pool;
    // Stops and joins the workers however this function ends (an error rethrown, an exception from add()).
    struct Joiner {
        std::vector<std::thread>& pool;
        std::mutex& mutex;
        std::condition_variable& free_cv;
        bool& stop;
        ~Joiner() {
            {
                const std::lock_guard<std::mutex> lock(mutex);
                stop = true;
            }
            free_cv.notify_all();
            for (auto& t : pool) t.join();
        }
    } joiner{pool, mutex, free_cv, stop};
    for (std::size_t w = 0; w < workers; ++w) pool.emplace_back(work);
    for (std::size_t i = 0; i < n; ++i) {
        Parsed& slot = ring[i % window];
        {
            std::unique_lock<std::mutex> lock(mutex);
            ready_cv.wait(lock, [&] { return slot.ready; });
        }
        if (slot.error) std::rethrow_exception(slot.error);
        agg.add(slot.summary, slot.name);
        {
            const std::lock_guard<std::mutex> lock(mutex);
            slot.ready = false;
            ++added;
        }
        free_cv.notify_all();
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
