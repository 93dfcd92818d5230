// The HTML report: one self-contained page (inline CSS and SVG, no script, no network; a Content-Security-Policy
// says so to the browser too) that reads well on screen and on paper. Every piece of text from the report goes
// through html_escape: a questionnaire or a saved report is untrusted input.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "mm/render.hpp"
#include "render_util.hpp"
#include "render_waivers.hpp"

namespace mm {

namespace {

using namespace render_util;

std::string h(const std::string& s) { return html_escape(s); }

constexpr double kPi = 3.14159265358979323846;

std::string num(double v) { return fmt::format("{:.1f}", v); }

// Splits a label into at most `lines` lines of about `width` characters (counted in code points), at spaces;
// the last line is cut with an ellipsis when the text is longer.
std::vector<std::string> label_lines(const std::string& text, std::size_t width, std::size_t lines) {
    std::vector<std::string> words;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t j = text.find(' ', i);
        if (j == std::string::npos) j = text.size();
        if (j > i) words.push_back(text.substr(i, j - i));
        i = j + 1;
    }
    auto cps = [](const std::string& s) { return static_cast<std::size_t>(display_width(s)); };  // wide glyphs count twice
    std::vector<std::string> out;
    std::string line;
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (!line.empty() && cps(line) + 1 + cps(words[w]) > width) {
            if (out.size() + 1 == lines) {
                line += "…";
                out.push_back(line);
                return out;
            }
            out.push_back(line);
            line.clear();
        }
        line += (line.empty() ? "" : " ") + words[w];
    }
    if (!line.empty()) out.push_back(line);
    return out;
}

// The layout of a radar chart. A chart scales with the page: at 390 px a 600-unit-wide chart shows its 12.5-unit
// labels at 7 px, and nine names do not fit around it at a legible size. So the page carries two: the wide one,
// and a narrow one whose axes are numbered (labels twice the size: about 13 px at 390 px), with the names in a
// numbered key below it that wraps like text; CSS shows one or the other by the width of the screen.
struct RadarLayout {
    const char* variant;  // CSS class and id suffix
    double height, cx, cy, radius;
    double line_h;            // label line height, in chart units (the label font-size is set in the style)
    std::size_t wrap, lines;  // label lines: at most `lines` of `wrap` columns
};
constexpr RadarLayout kWideRadar{"wide", 480, 300, 240, 158, 14, 18, 3};
constexpr RadarLayout kNarrowRadar{"narrow", 560, 300, 280, 190, 26, 0, 1};  // wrap 0: numbered axes

// A radar chart of the dimension levels, with the target level as a dashed ring.
std::string radar_chart(const Report& r, const RadarLayout& layout) {
    const Assessment& a = r.assessment;
    const int max = std::max(1, r.questionnaire.max_level());
    const std::size_t n = a.dimensions.size();
    const double cx = layout.cx, cy = layout.cy, radius = layout.radius;
    const std::string title_id = std::string("chart-title-") + layout.variant;
    auto point = [&](std::size_t i, double value) {
        double angle = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
        double rr = radius * std::clamp(value / max, 0.0, 1.0);
        return std::pair<double, double>{cx + rr * std::cos(angle), cy + rr * std::sin(angle)};
    };
    auto polygon = [&](auto value_of) {
        std::string pts;
        for (std::size_t i = 0; i < n; ++i) {
            auto [x, y] = point(i, value_of(i));
            pts += (pts.empty() ? "" : " ") + num(x) + "," + num(y);
        }
        return pts;
    };

    std::string svg = "<svg class=\"chart radar " + std::string(layout.variant) + "\" viewBox=\"0 0 600 " +
                      std::to_string(static_cast<int>(layout.height)) + "\" role=\"img\" aria-labelledby=\"" + title_id + "\" "
                      "xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"" + title_id + "\">Level of each dimension, "
                      "from 0 at the centre to " + std::to_string(max) + " at the edge</title>\n";
    // Rings and axes.
    for (int k = 1; k <= max; ++k)
        svg += "<polygon class=\"ring\" points=\"" + polygon([&](std::size_t) { return double(k); }) + "\"/>\n";
    for (std::size_t i = 0; i < n; ++i) {
        auto [x, y] = point(i, max);
        svg += "<line class=\"axis\" x1=\"" + num(cx) + "\" y1=\"" + num(cy) + "\" x2=\"" + num(x) + "\" y2=\"" +
               num(y) + "\"/>\n";
    }
    for (int k = 1; k <= max; ++k) {
        auto [x, y] = point(0, k);
        svg += "<text class=\"tick\" x=\"" + num(x + 5) + "\" y=\"" + num(y + 4) + "\">" + std::to_string(k) +
               "</text>\n";
    }
    if (a.target && a.target->level > 0)
        svg += "<polygon class=\"target\" points=\"" +
               polygon([&](std::size_t) { return double(a.target->level); }) + "\"/>\n";
    svg += "<polygon class=\"progress\" points=\"" + polygon([&](std::size_t i) { return stored(a.dimensions[i].progress); }) +
           "\"/>\n";
    svg += "<polygon class=\"level\" points=\"" +
           polygon([&](std::size_t i) { return double(a.dimensions[i].level); }) + "\"/>\n";
    for (std::size_t i = 0; i < n; ++i) {
        const auto& d = a.dimensions[i];
        auto [x, y] = point(i, d.level);
        svg += "<circle class=\"dot\" cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4.5\" fill=\"" +
               level_color(d.level, max) + "\"><title>" + h(d.name.empty() ? d.id : d.name) + ": level " +
               std::to_string(d.level) + "</title></circle>\n";
    }
    // Labels outside the rings: name (up to two lines) and the level.
    for (std::size_t i = 0; i < n; ++i) {
        const auto& d = a.dimensions[i];
        double angle = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
        double c = std::cos(angle), s = std::sin(angle);
        double lx = cx + (radius + 14) * c, ly = cy + (radius + 14) * s;
        const char* anchor = c > 0.25 ? "start" : c < -0.25 ? "end" : "middle";
        std::vector<std::string> lines = layout.wrap ? label_lines(d.name.empty() ? d.id : d.name, layout.wrap, layout.lines)
                                                     : std::vector<std::string>{std::to_string(i + 1)};
        const double line_h = layout.line_h;
        double total = line_h * static_cast<double>(lines.size() + 1);
        // Above the chart the block grows upwards, below it downwards, at the sides it is centred.
        // Offsets in line heights (8 and 10 units at the wide chart's 14).
        const double up = line_h * 8 / 14, down = line_h * 10 / 14;
        double top = s < -0.5 ? ly - total + up : s > 0.5 ? ly + down : ly - total / 2 + down;
        svg += "<text class=\"label\" text-anchor=\"" + std::string(anchor) + "\" x=\"" + num(lx) + "\" y=\"" +
               num(top) + "\">";
        for (std::size_t k = 0; k < lines.size(); ++k)
            svg += "<tspan x=\"" + num(lx) + "\" dy=\"" + (k == 0 ? "0" : num(line_h)) + "\">" + h(lines[k]) +
                   "</tspan>";
        svg += "<tspan class=\"label-level\" x=\"" + num(lx) + "\" dy=\"" + num(line_h) + "\" fill=\"" +
               level_color(d.level, max) + "\">level " + std::to_string(d.level) + "</tspan></text>\n";
    }
    svg += "</svg>\n";
    return svg;
}

// With fewer than three dimensions a radar has no area: horizontal bars instead.
std::string bar_chart(const Report& r) {
    const Assessment& a = r.assessment;
    const int max = std::max(1, r.questionnaire.max_level());
    const double left = 170, width = 380, row = 44, top = 20;
    const double height = top + row * static_cast<double>(std::max<std::size_t>(a.dimensions.size(), 1)) + 30;
    std::string svg = "<svg class=\"chart bars\" viewBox=\"0 0 600 " + num(height) +
                      "\" role=\"img\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\">\n"
                      "<title id=\"chart-title\">Level of each dimension, from 0 to " + std::to_string(max) +
                      "</title>\n";
    for (int k = 0; k <= max; ++k) {
        double x = left + width * k / max;
        svg += "<line class=\"axis\" x1=\"" + num(x) + "\" y1=\"" + num(top - 6) + "\" x2=\"" + num(x) + "\" y2=\"" +
               num(height - 24) + "\"/>\n<text class=\"tick\" text-anchor=\"middle\" x=\"" + num(x) + "\" y=\"" +
               num(height - 8) + "\">" + std::to_string(k) + "</text>\n";
    }
    if (a.target)
        svg += "<line class=\"target\" x1=\"" + num(left + width * a.target->level / max) + "\" y1=\"" +
               num(top - 10) + "\" x2=\"" + num(left + width * a.target->level / max) + "\" y2=\"" +
               num(height - 24) + "\"/>\n";
    for (std::size_t i = 0; i < a.dimensions.size(); ++i) {
        const auto& d = a.dimensions[i];
        double y = top + row * static_cast<double>(i);
        std::vector<std::string> lines = label_lines(d.name.empty() ? d.id : d.name, 24, 1);
        svg += "<text class=\"label\" text-anchor=\"end\" x=\"" + num(left - 10) + "\" y=\"" + num(y + 20) + "\">" +
               h(lines.empty() ? std::string() : lines[0]) + "</text>\n";
        svg += "<rect class=\"progress-bar\" x=\"" + num(left) + "\" y=\"" + num(y + 6) + "\" width=\"" +
               num(width * std::clamp(stored(d.progress) / max, 0.0, 1.0)) + "\" height=\"20\" rx=\"3\"/>\n";
        svg += "<rect x=\"" + num(left) + "\" y=\"" + num(y + 6) + "\" width=\"" +
               num(width * std::clamp(double(d.level) / max, 0.0, 1.0)) + "\" height=\"20\" rx=\"3\" fill=\"" +
               level_color(d.level, max) + "\"><title>" + h(d.name) + ": level " + std::to_string(d.level) +
               "</title></rect>\n";
    }
    svg += "</svg>\n";
    return svg;
}

std::string level_pill(int level, int max) {
    return "<span class=\"pill\" style=\"background:" + level_color(level, max) + "\">" + std::to_string(level) +
           "</span>";
}

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The host and port of an http(s) URL that a browser takes as written: a name or IPv4 address (letters, digits,
// '-', '.'), or an IPv6 address in brackets, then an optional port of digits. No credentials ("user@", which
// also hides the real host), no characters a host cannot hold (the browser would refuse or rewrite it).
bool plain_authority(const std::string& a) {
    std::size_t port = 0;  // where ":port" starts, or a.size()
    if (!a.empty() && a[0] == '[') {
        const std::size_t close = a.find(']');
        if (close == std::string::npos || close == 1) return false;
        for (std::size_t i = 1; i < close; ++i)
            if (!hex_digit(a[i]) && a[i] != ':' && a[i] != '.') return false;
        port = close + 1;
        if (port < a.size() && a[port] != ':') return false;
    } else {
        port = std::min(a.find(':'), a.size());
        if (port == 0) return false;
        for (std::size_t i = 0; i < port; ++i)
            if (!ascii_alnum(a[i]) && a[i] != '-' && a[i] != '.') return false;
    }
    for (std::size_t i = port + 1; i < a.size(); ++i)
        if (a[i] < '0' || a[i] > '9') return false;
    return true;
}

// The href of a reference, or "" when it gets no link: only http and https URLs (never javascript:, data: or
// any other scheme) with a plain host. The rest of the URL is percent-encoded wherever a URL may not hold a
// character raw (the W3C Nu checker's rules): quotes, <>, space, {}|^`\[], controls, a second '#', a '%' that
// starts no %XX, and every byte beyond ASCII; the browser goes where the text says.
std::string web_href(const std::string& ref) {
    std::size_t start = 0;
    if (ref.rfind("https://", 0) == 0) start = 8;
    else if (ref.rfind("http://", 0) == 0) start = 7;
    else return "";
    const std::size_t end = std::min(ref.find_first_of("/?#", start), ref.size());
    if (!plain_authority(ref.substr(start, end - start))) return "";
    std::string href = ref.substr(0, end);
    bool fragment = false;
    for (std::size_t i = end; i < ref.size(); ++i) {
        const char c = ref[i];
        bool raw = false;
        if (c == '#') {
            raw = !fragment;
            fragment = true;
        } else if (c == '%') {
            raw = i + 2 < ref.size() && hex_digit(ref[i + 1]) && hex_digit(ref[i + 2]);
        } else {
            raw = ascii_alnum(c) || (c != '\0' && std::strchr("-._~!$&'()*+,;=:@/?", c) != nullptr);
        }
        if (raw) href += c;
        else href += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
    return href;
}

std::string link_or_text(const std::string& ref) {
    const std::string href = web_href(ref);
    if (href.empty()) return h(ref);
    return "<a href=\"" + h(href) + "\" rel=\"noopener noreferrer\">" + h(ref) + "</a>";
}

void gap_item(std::string& out, const Gap& g, const Index& index, int max, bool full, bool points,
              const WaiverResult* waiver) {
    out += "<li class=\"gap\"><span class=\"box\" aria-hidden=\"true\"></span><div class=\"gap-body\">\n";
    out += "<div class=\"gap-head\"><span class=\"prio\">" + std::to_string(g.priority) + ".</span> " +
           h(g.text.empty() ? g.question : g.text) + "</div>\n";
    out += "<div class=\"meta\"><code>" + h(g.question) + "</code> · " + h(index.dimension_name(g.dimension));
    if (points)
        out += " · <span class=\"status\">" + h(points_state(g)) + "</span>";
    else
        out += " · <span class=\"lvl\"><span class=\"dot\" style=\"background:" + level_color(g.level, max) +
               "\"></span>level " + std::to_string(g.level) + "</span>";
    if (std::string status = gap_status(g); !status.empty() && !points)
        out += " · <span class=\"status\">" + h(status) + "</span>";
    if (waiver && waiver->status == WaiverStatus::Valid) out += " · <span class=\"status\">waived</span>";
    out += "</div>\n";
    if (waiver) out += "<p class=\"waiver\">" + h(render_waivers::sentence(*waiver)) + "</p>\n";
    if (full) {
        if (g.next_option)
            out += "<p class=\"next\">Next: " + h(g.next_option_text) + "</p>\n";
        if (!g.practice.empty()) out += "<p class=\"practice\">" + h(g.practice) + "</p>\n";
        if (!g.tools.empty()) {
            out += "<p class=\"tools\">Tools: ";
            for (std::size_t i = 0; i < g.tools.size(); ++i) out += (i ? ", " : "") + h(g.tools[i]);
            out += "</p>\n";
        }
        if (!g.references.empty()) {
            out += "<p class=\"refs\">See: ";
            for (std::size_t i = 0; i < g.references.size(); ++i)
                out += (i ? " · " : "") + link_or_text(g.references[i]);
            out += "</p>\n";
        }
    }
    if (std::string note = index.note(g.question); !note.empty())
        out += "<blockquote class=\"note\">Note: " + h(note) + "</blockquote>\n";
    out += "</div></li>\n";
}

constexpr const char* kStyle = R"CSS(
:root { --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --soft: #f6f8fa; --accent: #0969da; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 28px 28px 40px; }
h1 { font-size: 28px; line-height: 1.2; margin: 2px 0 4px; }
h2 { font-size: 19px; margin: 34px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 22px 0 8px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.kicker { color: var(--muted); font-size: 13px; letter-spacing: .05em; text-transform: uppercase; }
.team { margin: 0; font-size: 17px; color: var(--muted); }
.assessed { margin: 2px 0 0; font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
.headline { display: flex; gap: 22px; align-items: center; margin-top: 20px; padding: 18px 20px;
  background: var(--soft); border: 1px solid var(--line); border-radius: 10px; }
.badge { flex: none; width: 92px; height: 92px; border-radius: 50%; color: #fff; display: flex; flex-direction: column;
  align-items: center; justify-content: center; }
.badge .num { font-size: 40px; font-weight: 700; line-height: 1; }
.badge .of { font-size: 12px; opacity: .9; }
.headline .label { color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: .05em; }
.headline .name { font-size: 24px; font-weight: 650; line-height: 1.25; }
.headline .facts { color: var(--muted); }
.headline .target { margin-top: 6px; }
.headline .why { margin-top: 6px; }
.headline .why ul { margin: 4px 0 0; padding-left: 20px; }
.gate { display: inline-block; margin-top: 8px; padding: 2px 10px; border-radius: 12px; font-weight: 600; font-size: 14px; }
.gate.pass { background: #dafbe1; color: #116329; }
.gate.fail { background: #ffebe9; color: #a40e26; }
.overview { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; }
.chart { width: 100%; height: auto; display: block; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 13px; text-align: center; }
.swatch { display: inline-block; width: 18px; height: 0; vertical-align: middle; margin: 0 4px 0 12px; }
.swatch.level { border-top: 3px solid #0969da; }
.swatch.progress { border-top: 3px dotted #8c959f; }
.swatch.target { border-top: 2px dashed #8250df; }
svg .ring { fill: none; stroke: #d0d7de; stroke-width: 1; }
svg .axis { stroke: #d0d7de; stroke-width: 1; }
svg .tick { fill: #8c959f; font-size: 11px; }
svg .target { fill: none; stroke: #8250df; stroke-width: 2; stroke-dasharray: 6 4; }
svg .progress { fill: none; stroke: #8c959f; stroke-width: 1.5; stroke-dasharray: 2 3; }
svg .level { fill: rgba(9, 105, 218, .16); stroke: #0969da; stroke-width: 2.5; stroke-linejoin: round; }
svg .progress-bar { fill: #eaeef2; }
svg .dot { stroke: #fff; stroke-width: 1.5; }
svg .label { fill: var(--ink); font-size: 12.5px; }
svg .label-level { font-weight: 700; }
.ladder ol { list-style: none; margin: 0; padding: 0; }
.ladder li { display: flex; gap: 10px; align-items: center; padding: 7px 10px; border-left: 4px solid transparent;
  border-radius: 6px; margin-bottom: 4px; }
.ladder li.current { background: var(--soft); border-left-color: var(--accent); font-weight: 600; }
.ladder .tag { margin-left: auto; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px;
  white-space: nowrap; }
.ladder .tag.here { background: #ddf4ff; color: #0550ae; }
.ladder .tag.goal { background: #fbefff; color: #6e40c9; }
.ladder .tag + .tag { margin-left: 4px; }
.stats { margin: 18px 0 0; display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.stats div { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.stats dt { color: var(--muted); font-size: 12px; }
.stats dd { margin: 0; font-size: 22px; font-weight: 650; }
.stats div:last-child:nth-child(odd) { grid-column: 1 / -1; }
.pill { display: inline-block; min-width: 26px; padding: 1px 8px; border-radius: 12px; color: #fff;
  font-weight: 700; text-align: center; font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 7px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
th { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; font-weight: 600; }
td.num, th.num { text-align: center; }
.meter { position: relative; height: 10px; background: #eaeef2; border-radius: 5px; min-width: 110px; }
.meter span { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 5px; }
.cov { color: var(--muted); font-variant-numeric: tabular-nums; }
.cov.met { color: #116329; font-weight: 600; }
.weakest { font-size: 12px; color: #a40e26; margin-left: 6px; white-space: nowrap; }
ol.gaps { list-style: none; margin: 0; padding: 0; }
.gap { display: flex; gap: 12px; padding: 10px 0; border-bottom: 1px solid var(--line); }
.box { flex: none; width: 16px; height: 16px; margin-top: 3px; border: 2px solid #8c959f; border-radius: 3px; }
.gap-body { min-width: 0; }
.gap-head { font-weight: 600; }
.prio { color: var(--muted); font-weight: 400; font-variant-numeric: tabular-nums; }
.meta { color: var(--muted); font-size: 13px; }
.meta code { font-size: 12.5px; background: var(--soft); padding: 0 4px; border-radius: 4px; }
.lvl { font-weight: 600; }
.status { color: #9a6700; }
.gap p { margin: 4px 0 0; overflow-wrap: anywhere; }
.next { font-weight: 500; }
.tools { color: var(--muted); font-size: 13px; }
.gap p.refs { margin-top: 2px; color: var(--muted); font-size: 12.5px; }
.gap p.waiver { color: #7d4e00; font-style: italic; }
.headline .waivers { margin-top: 6px; }
.lvl .dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 4px; }
.note { margin: 6px 0 0; padding: 4px 10px; border-left: 3px solid #d4a72c; background: #fff8c5; font-size: 13px;
  overflow-wrap: anywhere; }
.optional .gap { padding: 6px 0; }
a { color: var(--accent); }
.tally { color: var(--muted); }
ul.contradictions { padding-left: 20px; }
ul.contradictions li { margin: 4px 0; overflow-wrap: anywhere; }
ul.contradictions code { font-size: 12.5px; background: var(--soft); padding: 0 4px; border-radius: 4px; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 10px;
  overflow-wrap: anywhere; }
@media (max-width: 720px) { .overview { grid-template-columns: 1fr; } main { padding: 16px; } }
.chart.narrow, .radar-key { display: none; }
.radar-key { margin: 4px 0 8px; padding-left: 26px; font-size: 14px; }
svg.narrow .label { font-size: 24px; font-weight: 600; }
svg.narrow .tick { font-size: 18px; }
.table-scroll { overflow-x: auto; }
@media (max-width: 560px) {
  .chart.wide { display: none; }
  .chart.narrow, .radar-key { display: block; }
  .headline { flex-direction: column; align-items: flex-start; padding: 16px; }
  h1 { font-size: 24px; }
  .meter { min-width: 64px; }
  th, td { padding: 6px 5px; }
}
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; }
  .headline, .overview, figure, tr, .gap, .ladder li { break-inside: avoid; }
  .overview { grid-template-columns: 3fr 2fr; }
  .chart.wide { display: block; } .chart.narrow, .radar-key { display: none; }
  a { color: inherit; text-decoration: none; }
  .refs a::after { content: ""; }
}
)CSS";

// The points method's headline badge: the final score, coloured by its band (docs/scoring.md, "Points").
std::string points_badge(const PointsResult& p) {
    const auto& bands = points_bands();
    const int band = static_cast<int>(std::find(bands.begin(), bands.end(), p.band) - bands.begin());
    return "<section class=\"headline\">\n<div class=\"badge\" style=\"background:" +
           level_color(band, static_cast<int>(bands.size()) - 1) + "\"><span class=\"num\">" +
           points_text(p.final_score) + "</span><span class=\"of\">of " + points_text(points_ceiling(p)) +
           "</span></div>\n<div>\n<div class=\"label\">Final score (the lowest section)</div>\n<div class=\"name\">" +
           h(points_band_text(p.band)) + "</div>\n";
}

// The points method's table: each section's points out of its tests.
std::string points_table(const PointsResult& p) {
    std::string out = "<section>\n<h2>Sections</h2>\n<div class=\"table-scroll\">\n<table>\n<thead><tr>"
                      "<th>Section</th><th class=\"num\">Points</th><th>Progress</th></tr></thead>\n<tbody>\n";
    for (const auto& s : p.sections) {
        const double fraction = s.max > 0 ? std::clamp(stored(s.score) / s.max, 0.0, 1.0) : 1.0;
        out += "<tr><td>" + h(s.name.empty() ? s.id : s.name);
        if (is_weakest_section(p, s)) out += "<span class=\"weakest\">weakest</span>";
        out += "</td><td class=\"num\">" + points_text(s.score) + "</td><td><div class=\"meter\"><span style=\"width:" +
               fmt::format("{:.1f}", fraction * 100) + "%;background:#2f9a4a\"></span></div><span class=\"cov\">" +
               points_text(s.score) + " of " + points_text(s.max) + "</span></td></tr>\n";
    }
    return out + "</tbody>\n</table>\n</div>\n</section>\n";
}

// The staircase's overview: the chart and the level ladder.
std::string overview(const Report& r) {
    const Assessment& a = r.assessment;
    const QuestionnaireInfo& q = r.questionnaire;
    const int max = q.max_level();
    std::string out;
    // Chart and ladder.
    out += "<section class=\"overview\">\n<div>\n<h2>Dimensions at a glance</h2>\n<figure>\n";
    if (a.dimensions.size() >= 3) {
        out += radar_chart(r, kWideRadar) + radar_chart(r, kNarrowRadar);
        // The narrow chart's key: its axes are numbered in this order.
        out += "<ol class=\"radar-key\">\n";
        for (const auto& d : a.dimensions)
            out += "<li>" + h(d.name.empty() ? d.id : d.name) + " <span class=\"lvl\" style=\"color:" +
                   level_color(d.level, max) + "\">level " + std::to_string(d.level) + "</span></li>\n";
        out += "</ol>\n";
    } else {
        out += bar_chart(r);
    }
    out += "<figcaption><span class=\"swatch level\"></span>level reached"
           "<span class=\"swatch progress\"></span>progress towards the next";
    if (a.target) out += "<span class=\"swatch target\"></span>target";
    out += "</figcaption>\n</figure>\n</div>\n";
    out += "<div class=\"ladder\">\n<h2>Level ladder</h2>\n<ol>\n";
    for (auto it = q.levels.rbegin(); it != q.levels.rend(); ++it) {
        bool here = it->level == a.overall_level;
        bool goal = a.target && it->level == a.target->level;
        out += std::string("<li") + (here ? " class=\"current\"" : "") + ">" + level_pill(it->level, max) + " " +
               h(it->name);
        if (here) out += "<span class=\"tag here\">you are here</span>";
        if (goal) out += "<span class=\"tag goal\">target</span>";
        out += "</li>\n";
    }
    out += "</ol>\n";
    {
        std::size_t per_group[3] = {0, 0, 0};
        for (const auto& g : a.gaps) ++per_group[static_cast<int>(g.group)];
        const Counts counts(a);
        out += "<dl class=\"stats\">\n<div><dt>Blocking the next level</dt><dd>" + std::to_string(per_group[0]) +
               "</dd></div>\n<div><dt>Then, up to the target</dt><dd>" + std::to_string(per_group[1]) +
               "</dd></div>\n<div><dt>Beyond the target</dt><dd>" + std::to_string(per_group[2]) +
               "</dd></div>\n<div><dt>Unanswered</dt><dd>" + std::to_string(counts.unanswered) +
               "</dd></div>\n<div><dt>Not applicable or not asked</dt><dd>" +
               std::to_string(counts.not_applicable + counts.not_asked) + "</dd></div>\n</dl>\n";
    }
    out += "</div>\n</section>\n";
    return out;
}

// The staircase's dimension table: level, progress and coverage per level.
std::string dimension_table(const Report& r) {
    const Assessment& a = r.assessment;
    const QuestionnaireInfo& q = r.questionnaire;
    const int max = q.max_level();
    std::string out;
    out += "<section>\n<h2>Dimensions</h2>\n<div class=\"table-scroll\">\n<table>\n<thead><tr><th>Dimension</th><th class=\"num\">Level</th>"
           "<th>Progress</th>";
    for (int k = 1; k <= max; ++k)
        out += "<th class=\"num\" title=\"" + h(q.level_name(k)) + "\">L" + std::to_string(k) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& d : a.dimensions) {
        if (const std::string why = left_out_reason(d); !why.empty()) {
            out += "<tr><td>" + h(d.name.empty() ? d.id : d.name) + "</td><td class=\"num\">–</td><td colspan=\"" +
                   std::to_string(max + 1) + "\" class=\"cov\">" + h(why) + "</td></tr>\n";
            continue;
        }
        double fraction = max > 0 ? std::clamp(stored(d.progress) / max, 0.0, 1.0) : 1.0;
        out += "<tr><td>" + h(d.name.empty() ? d.id : d.name);
        if (marks_weakest(a, d)) out += "<span class=\"weakest\">weakest</span>";
        out += "</td><td class=\"num\">" + level_pill(d.level, max) + "</td><td><div class=\"meter\"><span style=\"width:" +
               fmt::format("{:.1f}", fraction * 100) + "%;background:" + level_color(d.level, max) +
               "\"></span></div><span class=\"cov\">" + one_decimal(d.progress) + " of " + std::to_string(max) +
               "</span></td>";
        for (int k = 1; k <= max; ++k) {
            const LevelResult* lr = nullptr;
            for (const auto& l : d.levels)
                if (l.level == k) lr = &l;
            if (!lr || lr->practices == 0) {
                out += "<td class=\"num cov\" title=\"no practices at this level\">–</td>";
                continue;
            }
            // A level met only from above (rule 3) says so on hover: its own practices are still gaps.
            out += std::string("<td class=\"num cov") + (lr->met ? " met" : "") + "\"" +
                   (lr->met_from_above ? " title=\"met because the levels above are met (scoring rule 3)\"" : "") + ">" +
                   (lr->met ? "✓ " : "") + percent(lr->coverage) + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</div>\n</section>\n";
    return out;
}

// The gap report and the tally of questions left out.
std::string gap_section(const Report& r, const Index& index) {
    const Assessment& a = r.assessment;
    const int max = r.questionnaire.max_level();
    std::string out;
    out += "<section>\n<h2>Next steps</h2>\n";
    if (a.gaps.empty()) {
        out += "<p>No gaps: every applicable practice is in place.</p>\n";
    } else if (a.points) {
        out += "<p class=\"tally\">" + points_gaps_heading(a.gaps.size()) + ".</p>\n<ol class=\"gaps\">\n";
        for (const auto& g : a.gaps) gap_item(out, g, index, max, true, true, render_waivers::of_gap(r, g.question));
        out += "</ol>\n";
    } else {
        out += "<p class=\"tally\">" + plural(a.gaps.size(), "practice", "practices") +
               " not yet in place, in priority order.</p>\n";
        std::size_t i = 0;
        while (i < a.gaps.size()) {
            const GapGroup group = a.gaps[i].group;
            std::size_t j = i;
            while (j < a.gaps.size() && a.gaps[j].group == group) ++j;
            bool optional = group == GapGroup::Optional;
            out += std::string("<h3>") + group_heading(group, a.target) + " (" + std::to_string(j - i) + ")</h3>\n" +
                   "<ol class=\"gaps" + (optional ? " optional" : "") + "\">\n";
            for (std::size_t k = i; k < j; ++k)
                gap_item(out, a.gaps[k], index, max, !optional, false, render_waivers::of_gap(r, a.gaps[k].question));
            out += "</ol>\n";
            i = j;
        }
    }
    const Counts counts(a);
    std::string tally;
    if (a.from_evidence) tally += from_evidence_text(a) + " ";
    if (counts.unanswered)
        tally += plural(counts.unanswered, "question", "questions") + " unanswered (counted as not in place). ";
    if (counts.not_asked) tally += plural(counts.not_asked, "question", "questions") + " not asked for this profile. ";
    if (counts.not_applicable) tally += std::to_string(counts.not_applicable) + " answered n/a. ";
    if (!tally.empty()) out += "<p class=\"tally\">" + tally + "</p>\n";
    out += "</section>\n";
    return out;
}

// Contradictions and the footer.
std::string rest_of_report(const Report& r) {
    const QuestionnaireInfo& q = r.questionnaire;
    std::string out;

    if (r.contradictions && !r.contradictions->empty()) {
        out += "<section>\n<h2>Answers the repository contradicts (" + std::to_string(r.contradictions->size()) +
               ")</h2>\n<ul class=\"contradictions\">\n";
        for (const auto& c : *r.contradictions) {
            out += "<li><code>" + h(c.question) + "</code> · " + contradiction_text(c.kind);
            if (!c.evidence.empty()) {
                out += ": <code>" + h(hit_location(c.evidence.front())) + "</code>";
                if (c.evidence.size() > 1) out += " (+" + std::to_string(c.evidence.size() - 1) + " more)";
            }
            out += "</li>\n";
        }
        out += "</ul>\n</section>\n";
    }

    out += "<footer>Generated by " + h(r.tool_name) + " " + h(r.tool_version) + " from questionnaire <code>" +
           h(q.id) + "</code> " + h(q.version) + (q.digest.empty() ? "" : " (" + h(q.digest) + ")") +
           ".</footer>\n</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace

std::string render_html(const Report& r) {
    const Assessment& a = r.assessment;
    const QuestionnaireInfo& q = r.questionnaire;
    const Index index(r);
    const int max = q.max_level();
    const std::string title = q.title.empty() ? q.id : q.title;
    std::string out;

    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src data:\">\n"
           "<meta name=\"generator\" content=\"" + h(r.tool_name + " " + r.tool_version) + "\">\n"
           "<title>" + h(title) + (r.team.empty() ? "" : " · " + h(r.team)) + "</title>\n<style>" + kStyle +
           "</style>\n</head>\n<body>\n<main>\n";

    // Headline.
    out += "<header>\n<div class=\"kicker\">Maturity report</div>\n<h1>" + h(title) + "</h1>\n";
    if (!r.team.empty()) out += "<p class=\"team\">Team: " + h(r.team) + "</p>\n";
    if (!r.date.empty() || !r.commit.empty()) {
        out += "<p class=\"assessed\">Assessed";
        if (!r.date.empty()) out += " <time datetime=\"" + h(r.date) + "\">" + h(r.date) + "</time>";
        if (!r.commit.empty()) out += " at commit <code>" + h(r.commit) + "</code>";
        out += "</p>\n";
    }
    out += "</header>\n";
    if (a.points) out += points_badge(*a.points);
    else out += "<section class=\"headline\">\n<div class=\"badge\" style=\"background:" +
           level_color(a.overall_level, max) + "\"><span class=\"num\">" + std::to_string(a.overall_level) +
           "</span><span class=\"of\">of " + std::to_string(max) + "</span></div>\n<div>\n"
           "<div class=\"label\">Overall level</div>\n<div class=\"name\">" +
           h(a.overall_name.empty() ? q.level_name(a.overall_level) : a.overall_name) + "</div>\n"
           "<div class=\"facts\">Score " + percent(a.overall_score) +
           (a.up_to_level ? " · <strong>capped:</strong> " + h(scope_note(a)) : std::string()) + "</div>\n";
    if (std::string w = render_waivers::headline(r); !w.empty())
        out += "<div class=\"waivers\"><strong>" + h(w) + "</strong></div>\n";
    if (const auto reasons = why_level(a); !reasons.empty()) {
        const int next = a.overall_level + 1;
        out += "<div class=\"why\"><strong>Why level " + std::to_string(a.overall_level) + ":</strong> " +
               held_by_text(a, reasons.size()) + ". Level " + std::to_string(next) + " (" + h(q.level_name(next)) + ") needs:<ul>\n";
        for (const auto& reason : reasons) {
            std::string ids;
            for (const auto& m : reason.missing) ids += (ids.empty() ? "" : ", ") + ("<code>" + h(m) + "</code>");
            out += "<li>" + h(reason.dimension->name.empty() ? reason.dimension->id : reason.dimension->name) + ": " +
                   ids + "</li>\n";
        }
        out += "</ul></div>\n";
    }
    if (a.target && !a.points) {
        out += "<div class=\"target\"><strong>Target level " + std::to_string(a.target->level) + ": " +
               h(q.level_name(a.target->level)) + "</strong> (" +
               target_source(*a.target) + ")";
        if (!a.target->reason.empty()) out += ". " + h(a.target->reason);
        out += "</div>\n";
    }
    for (const auto& s : a.see_also)
        out += "<div class=\"target\"><strong>See also:</strong> <code>mlops-maturity assess -q " + h(s.questionnaire) +
               "</code> (" + h(s.because) + ")</div>\n";
    if (r.gate) {
        if (r.gate->passed)
            out += "<div class=\"gate pass\">Gate passed (" + gate_bars(*r.gate, h) + ")</div>\n";
        else
            out += "<div class=\"gate fail\">Gate failed: " + gate_failures(*r.gate, h) + "</div>\n";
    }
    out += "</div>\n</section>\n";

    if (a.points) out += points_table(*a.points);
    else out += overview(r) + dimension_table(r);
    out += gap_section(r, index);
    return out + rest_of_report(r);
}

}  // namespace mm
