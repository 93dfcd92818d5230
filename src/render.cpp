#include "mm/render.hpp"

#include "mm/diagnostics.hpp"

namespace mm {

const std::vector<std::string>& report_formats() {
    static const std::vector<std::string> formats{"text", "json", "markdown", "html", "junit", "csv"};
    return formats;
}

std::string render_report(const Report& r, const std::string& format, const TextOptions& options) {
    if (format == "json") return render_json(r);
    if (format == "text") return render_text(r, options);
    if (format == "markdown") return render_markdown(r);
    if (format == "html") return render_html(r);
    if (format == "junit") return render_junit(r);
    if (format == "csv") return render_csv(r);
    throw InputError(Diagnostic{"--format", 0, 0, "unknown format '" + format + "'"});
}

}  // namespace mm
