// The report: everything a renderer needs, and what the JSON report (docs/report-format.md) holds.
// A saved JSON report reads back into the same value, so reports can be rendered again without the answers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mm/merge.hpp"
#include "mm/model.hpp"
#include "mm/scoring.hpp"
#include "mm/waivers.hpp"

namespace mm {

inline constexpr int kReportSchemaVersion = 1;

struct QuestionnaireInfo {
    std::string id;
    std::string title;
    std::string version;
    std::string digest;
    std::vector<Level> levels;

    // Levels are numbered 0, 1, 2, ... in order (the loader and the report reader both check it), so a level is
    // its own index: renderers look names up per row without a scan per lookup.
    std::string level_name(int lvl) const {
        const auto i = static_cast<std::size_t>(lvl);
        if (lvl < 0 || i >= levels.size() || levels[i].level != lvl) return {};
        return levels[i].name;
    }
    int max_level() const { return levels.empty() ? 0 : levels.back().level; }
};

struct Report {
    int schema_version = kReportSchemaVersion;
    std::string tool_name = "mlops-maturity";
    std::string tool_version;
    std::string team;  // optional: who was assessed
    // When and what was assessed (include/mm/provenance.hpp); empty when the report does not say.
    std::string date;    // YYYY-MM-DD
    std::string commit;  // the full Git object name of the commit assessed
    QuestionnaireInfo questionnaire;
    Assessment assessment;
    std::optional<GateResult> gate;
    // assess --scan: given answers the repository contradicts (present, maybe empty, only after a scan).
    std::optional<std::vector<Contradiction>> contradictions;
    // The answers' waivers (present only when there are some): the assessment above stays without them, this says
    // what each one is on the report's date and the levels with the valid ones; the gate judges the latter.
    std::optional<WaiverSummary> waivers;
    // Several respondents (assess -a A -a B ...): who answered, in the order given, and the questions where they
    // differ by a whole step or more. Empty for one answers file.
    std::vector<std::string> respondents;
    std::vector<Disagreement> disagreements;
};

QuestionnaireInfo info_of(const Questionnaire& q);
Report make_report(const Questionnaire& q, Assessment a, std::optional<GateResult> gate = std::nullopt);

// The report as JSON (schema version 1): same input, same bytes.
// A coverage, progress, score or credit as the report stores it: rounded to `1/scale` (4 decimals by default)
// but never up to the next whole number, so 0.99996 stays below 1 and a level that is not met never shows as
// fully covered, nor a progress of 1.99996 as 2.
double round_within_whole(double x, double scale = 10000.0);

std::string render_json(const Report& r);

// Reads a saved JSON report back; throws InputError (located) for invalid JSON, a wrong shape, or a schema
// version this tool does not know.
Report read_report(const std::string& text, const std::string& file);

}  // namespace mm
