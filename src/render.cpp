#include "mm/render.hpp"

namespace mm {

const FormatTable<Report>& report_formats() {
    static const FormatTable<Report> formats{
        {"text", [](const Report& r, const TextOptions& o) { return render_text(r, o); }},
        {"json", [](const Report& r, const TextOptions&) { return render_json(r); }},
        {"markdown", [](const Report& r, const TextOptions&) { return render_markdown(r); }},
        {"html", [](const Report& r, const TextOptions&) { return render_html(r); }},
        {"junit", [](const Report& r, const TextOptions&) { return render_junit(r); }},
        {"csv", [](const Report& r, const TextOptions&) { return render_csv(r); }},
    };
    return formats;
}

std::string render_report(const Report& r, const std::string& format, const TextOptions& options) {
    return find_format(report_formats(), format).render(r, options);
}

}  // namespace mm
