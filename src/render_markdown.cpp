// The Markdown report: GitHub-flavoured, for $GITHUB_STEP_SUMMARY, merge requests and wikis. Every piece of text
// from the report goes through markdown_escape, so it renders literally.
#include <algorithm>
#include <cmath>

#include "mm/render.hpp"
#include "render_util.hpp"
#include "render_waivers.hpp"

namespace mm {

namespace {

using namespace render_util;

std::string esc(const std::string& s) { return markdown_escape(s); }

std::string code(const std::string& id) { return markdown_code(id); }

std::string level_label(const QuestionnaireInfo& q, int level, const std::string& name_in_report = {}) {
    std::string name = name_in_report.empty() ? q.level_name(level) : name_in_report;
    return std::to_string(level) + (name.empty() ? "" : ": " + esc(name));
}

void gap_item(std::string& out, const Gap& g, const Index& index, bool points, const WaiverResult* waiver) {
    std::string meta = code(g.question) + " · " + esc(index.dimension_name(g.dimension)) +
                       (points ? " · " + points_state(g) : " · level " + std::to_string(g.level));
    if (std::string status = gap_status(g); !status.empty() && !points) meta += " · " + status;
    if (waiver && waiver->status == WaiverStatus::Valid) meta += " · waived";
    out += "- [ ] **" + esc(g.text.empty() ? g.question : g.text) + "**<br>\n";
    out += "  " + meta;
    if (waiver) out += "<br>\n  _" + esc(render_waivers::sentence(*waiver)) + "_";
    std::string practice = esc(g.practice);
    if (g.next_option) practice = "Next: " + esc(g.next_option_text) + ". " + practice;
    if (!practice.empty()) out += "<br>\n  " + practice;
    if (!g.tools.empty()) {
        std::string tools;
        for (const auto& t : g.tools) tools += (tools.empty() ? "" : ", ") + esc(t);
        out += "<br>\n  _Tools: " + tools + "_";
    }
    if (std::string note = index.note(g.question); !note.empty()) out += "<br>\n  Note: " + esc(note);
    out += "\n";
}

// The staircase's table: each dimension's level and progress.
std::string dimension_table(const Assessment& a, int max) {
    std::string out = "| Dimension | Level | Progress | |\n|:--|:-:|:--|--:|\n";
    for (const auto& d : a.dimensions) {
        std::string name = esc(d.name.empty() ? d.id : d.name);
        if (marks_weakest(a, d)) name += " ⬅ weakest";
        if (const std::string why = left_out_reason(d); !why.empty()) {
            out += "| " + name + " | – | " + why + " | |\n";
            continue;
        }
        out += "| " + name + " | " + std::to_string(d.level) + " | " + bar(stored(d.progress), max, 12) + " | " +
               one_decimal(d.progress) + " / " + std::to_string(max) + " |\n";
    }
    return out + "\n";
}

// The points method: the final score and its band, then each section's points (docs/scoring.md, "Points").
std::string points_markdown(const PointsResult& p) {
    std::string out = "**" + points_headline(p) + "**\n\n";
    out += "| Section | Points | Progress | |\n|:--|:-:|:--|--:|\n";
    for (const auto& s : p.sections) {
        std::string name = esc(s.name.empty() ? s.id : s.name);
        if (is_weakest_section(p, s)) name += " ⬅ weakest";
        out += "| " + name + " | " + points_text(s.score) + " | " +
               bar(stored(s.score), static_cast<int>(std::clamp(s.max, 0.0, 1e6)), 12) + " | " + points_text(s.score) +
               " / " + points_text(s.max) + " |\n";
    }
    return out + "\n";
}

}  // namespace

std::string render_markdown(const Report& r) {
    const Assessment& a = r.assessment;
    const QuestionnaireInfo& q = r.questionnaire;
    const Index index(r);
    const int max = q.max_level();
    std::string out;

    out += "## " + esc(q.title.empty() ? q.id : q.title);
    if (!r.team.empty()) out += ": " + esc(r.team);
    out += "\n\n";
    // When and what was assessed, under the heading: a pasted report still says what it describes.
    if (!r.date.empty() || !r.commit.empty()) {
        std::string when;
        if (!r.date.empty()) when += "Assessed " + esc(r.date);
        if (!r.commit.empty()) when += (when.empty() ? "Assessed at commit " : " at commit ") + code(r.commit);
        out += when + "\n\n";
    }
    if (!a.points)
        out += "**Overall level " + level_label(q, a.overall_level, a.overall_name) + "** (of " + std::to_string(max) +
               ") · score " + percent(a.overall_score) + "\n\n";
    if (a.up_to_level) out += "**Capped:** " + scope_note(a) + "\n\n";
    if (std::string w = render_waivers::headline(r); !w.empty()) out += "**" + esc(w) + "**\n\n";
    if (const auto reasons = why_level(a); !reasons.empty()) {
        const int next = a.overall_level + 1;
        out += "**Why level " + std::to_string(a.overall_level) + ":** " + held_by_text(a, reasons.size()) +
               ". Level " + std::to_string(next) + " (" + esc(q.level_name(next)) + ") needs:\n\n";
        for (const auto& reason : reasons) {
            std::string ids;
            for (const auto& m : reason.missing) ids += (ids.empty() ? "" : ", ") + code(m);
            out += "- " + esc(reason.dimension->name.empty() ? reason.dimension->id : reason.dimension->name) + ": " +
                   ids + "\n";
        }
        out += "\n";
    }
    if (a.target && !a.points) {
        out += "**Target level " + level_label(q, a.target->level) + "** (" +
               target_source(*a.target) + ")";
        if (!a.target->reason.empty()) out += ": " + esc(a.target->reason);
        out += "\n\n";
    }
    for (const auto& s : a.see_also)
        out += "**See also:** mlops-maturity assess -q " + code(s.questionnaire) + " (" + esc(s.because) + ")\n\n";
    if (r.gate) {
        if (r.gate->passed)
            out += "✅ **Gate passed** (" + gate_bars(*r.gate, code) + ")\n\n";
        else
            out += "❌ **Gate failed**: " + gate_failures(*r.gate, esc) + "\n\n";
    }

    out += a.points ? points_markdown(*a.points) : dimension_table(a, max);

    if (a.gaps.empty()) {
        out += "**No gaps:** every applicable practice is in place.\n";
    } else {
        if (a.points) {
            out += "### Next steps: " + points_gaps_heading(a.gaps.size()) + "\n\n";
            for (const auto& g : a.gaps) gap_item(out, g, index, true, render_waivers::of_gap(r, g.question));
        } else {
            out += "### Next steps: " + plural(a.gaps.size(), "gap", "gaps") + " in priority order\n";
        }
        std::size_t i = a.points ? a.gaps.size() : 0;
        while (i < a.gaps.size()) {
            const GapGroup group = a.gaps[i].group;
            std::size_t j = i;
            while (j < a.gaps.size() && a.gaps[j].group == group) ++j;
            if (group == GapGroup::Optional) {
                // Beyond the target: folded away, so the list stays about what matters now.
                out += "\n<details><summary>" + plural(j - i, "practice", "practices") +
                       " beyond the target (optional)</summary>\n\n";
                for (std::size_t k = i; k < j; ++k)
                    gap_item(out, a.gaps[k], index, false, render_waivers::of_gap(r, a.gaps[k].question));
                out += "\n</details>\n";
            } else {
                out += "\n#### " + std::string(group_heading(group, a.target)) + "\n\n";
                for (std::size_t k = i; k < j; ++k)
                    gap_item(out, a.gaps[k], index, false, render_waivers::of_gap(r, a.gaps[k].question));
            }
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
    if (!tally.empty()) {
        tally.pop_back();
        out += "\n" + tally + "\n";
    }

    if (r.contradictions && !r.contradictions->empty()) {
        out += "\n### Answers the repository contradicts (" + std::to_string(r.contradictions->size()) + ")\n\n";
        for (const auto& c : *r.contradictions) {
            out += "- " + code(c.question) + ": " + contradiction_text(c.kind);
            if (!c.evidence.empty()) {
                out += ": " + esc(hit_location(c.evidence.front()));
                if (c.evidence.size() > 1) out += " (+" + std::to_string(c.evidence.size() - 1) + " more)";
            }
            out += "\n";
        }
    }

    if (!r.respondents.empty()) {
        std::string names;
        for (const auto& n : r.respondents) names += (names.empty() ? "" : ", ") + esc(n);
        out += "\n### Respondents: " + names + "\n\nMerged by the lower median of their answers. ";
        out += r.disagreements.empty() ? std::string("They agree on every question (within a step).\n")
                                       : "They disagree by a whole step or more on " +
                                             plural(r.disagreements.size(), "question", "questions") + ":\n\n";
        for (const auto& d : r.disagreements) {
            out += "- " + code(d.question) + ":";
            for (std::size_t i = 0; i < d.answers.size(); ++i)
                out += (i ? ", " : " ") + esc(d.answers[i].first) + " " + esc(d.answers[i].second);
            out += " (merged: " + esc(d.merged) + ")\n";
        }
    }

    out += "\n<sub>" + esc(r.tool_name) + " " + esc(r.tool_version) + " · questionnaire " + code(q.id) + " " +
           esc(q.version) + "</sub>\n";
    return out;
}

}  // namespace mm
