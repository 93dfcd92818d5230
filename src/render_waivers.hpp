// What every report format says about waivers (private to the library): one headline and one line per waived gap,
// as plain text that each renderer escapes for its format.
#pragma once

#include <string>

#include "mm/report.hpp"
#include "mm/waivers.hpp"

namespace mm::render_waivers {

// "With waivers: level 2 (Managed); without them: level 1 (2 valid, 1 expired on 2026-11-28)"; "" without waivers.
inline std::string headline(const Report& r) {
    if (!r.waivers) return {};
    const WaiverSummary& w = *r.waivers;
    std::string counts;
    auto add = [&](std::size_t n, const char* what) {
        if (n > 0) counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + what;
    };
    add(w.count(WaiverStatus::Valid), "valid");
    add(w.count(WaiverStatus::Expired), "expired");
    add(w.count(WaiverStatus::NotAGap), "not needed");
    std::string name = w.overall_name.empty() ? std::string() : " (" + w.overall_name + ")";
    return "With waivers: level " + std::to_string(w.overall_level) + name + "; without them: level " +
           std::to_string(r.assessment.overall_level) + " (waivers " + counts + " on " + w.today + ")";
}

// waiver_text() starting a sentence: "Waived until ...".
inline std::string sentence(const WaiverResult& w) {
    std::string s = waiver_text(w);
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

// The waiver of a gap, or null.
inline const WaiverResult* of_gap(const Report& r, const std::string& question) {
    return r.waivers ? r.waivers->find(question) : nullptr;
}

}  // namespace mm::render_waivers
