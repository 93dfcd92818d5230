// JUnit XML for CI test reporters (GitLab, Jenkins, GitHub actions that read JUnit): a test suite per dimension,
// a test case per practice, a failure for each gap the team is expected to have closed.
#include <algorithm>
#include <map>

#include "mm/render.hpp"
#include "render_util.hpp"
#include "render_waivers.hpp"

namespace mm {

namespace {

using namespace render_util;

std::string x(const std::string& s) { return xml_escape(s); }

// Answered and n/a questions first, then unanswered, needing a person, not asked: the order a saved report keeps them in,
// so `assess -f junit` and `report -f junit` agree byte for byte.
int status_rank(QuestionStatus s) {
    switch (s) {
        case QuestionStatus::Answered:
        case QuestionStatus::NotApplicable: return 0;
        case QuestionStatus::Unanswered: return 1;
        case QuestionStatus::NeedsPerson: return 2;
        case QuestionStatus::NotAsked:
        case QuestionStatus::NotAssessed: return 3;
    }
    return 4;
}

struct Case {
    const QuestionResult* question;
    const Gap* gap;  // null when the practice is in place (or n/a, or not asked)
};

}  // namespace

std::string render_junit(const Report& r) {
    const Assessment& a = r.assessment;
    const QuestionnaireInfo& q = r.questionnaire;
    const Index index(r);

    std::map<std::string, const Gap*> gaps;
    for (const auto& g : a.gaps) gaps.emplace(g.question, &g);
    // A saved report does not say which dimension an unanswered question is in; its gap does.
    auto dimension_of = [&](const QuestionResult& qr) -> std::string {
        if (!qr.dimension.empty()) return qr.dimension;
        auto it = gaps.find(qr.question);
        return it == gaps.end() ? std::string() : it->second->dimension;
    };
    std::vector<const QuestionResult*> ordered;
    for (const auto& qr : a.questions) ordered.push_back(&qr);
    std::stable_sort(ordered.begin(), ordered.end(), [](const QuestionResult* l, const QuestionResult* rr) {
        return status_rank(l->status) < status_rank(rr->status);
    });

    struct Suite {
        const DimensionResult* dim = nullptr;
        std::string id;
        std::vector<Case> cases;
        int failures = 0, skipped = 0;
    };
    std::vector<Suite> suites;
    std::map<std::string, std::size_t> suite_of;
    for (const auto& d : a.dimensions) {
        suite_of[d.id] = suites.size();
        suites.push_back({&d, d.id, {}, 0, 0});
    }
    for (const QuestionResult* qr : ordered) {
        std::string dim = dimension_of(*qr);
        auto it = suite_of.find(dim);
        if (it == suite_of.end()) {
            it = suite_of.emplace(dim, suites.size()).first;
            suites.push_back({nullptr, dim, {}, 0, 0});
        }
        auto g = gaps.find(qr->question);
        suites[it->second].cases.push_back({qr, g == gaps.end() ? nullptr : g->second});
    }

    std::size_t total = 0, total_failures = 0;
    std::string body;
    for (auto& s : suites) {
        const int required = s.dim ? required_level(a, r.gate, *s.dim) : q.max_level();
        std::string cases;
        for (const Case& c : s.cases) {
            const QuestionResult& qr = *c.question;
            // The name is the question id alone, so a test keeps its identity in CI history as answers change.
            const std::string& name = qr.question;
            cases += "    <testcase classname=\"" + x(q.id + "." + s.id) + "\" name=\"" + x(name) +
                     "\" time=\"0\"";
            if (qr.status == QuestionStatus::NotApplicable || qr.status == QuestionStatus::NotAsked ||
                qr.status == QuestionStatus::NotAssessed) {
                ++s.skipped;
                std::string why = qr.status == QuestionStatus::NotApplicable ? "answered n/a" : qr.reason;
                if (why.empty()) why = "not asked";
                cases += ">\n      <skipped message=\"" + x(why) + "\"/>\n    </testcase>\n";
                continue;
            }
            if (qr.status == QuestionStatus::NeedsPerson) {  // from evidence: neither a pass nor a failure
                ++s.skipped;
                cases += ">\n      <skipped message=\"needs a person: the files do not show it\"/>\n    </testcase>\n";
                continue;
            }
            if (!c.gap && qr.status == QuestionStatus::Unanswered) {
                ++s.skipped;
                cases += ">\n      <skipped message=\"unanswered\"/>\n    </testcase>\n";
                continue;
            }
            if (!c.gap) {
                cases += "/>\n";
                continue;
            }
            const Gap& g = *c.gap;
            std::string detail = g.practice;
            if (g.next_option) detail = "Next: " + g.next_option_text + ". " + detail;
            if (!g.tools.empty()) {
                detail += "\nTools: ";
                for (std::size_t i = 0; i < g.tools.size(); ++i) detail += (i ? ", " : "") + g.tools[i];
            }
            for (const auto& ref : g.references) detail += "\nSee: " + ref;
            if (std::string note = index.note(g.question); !note.empty()) detail += "\nNote: " + note;
            std::string status = gap_status(g);
            const WaiverResult* waiver = render_waivers::of_gap(r, g.question);
            if ((a.points || g.level <= required) && waiver && waiver->status == WaiverStatus::Valid) {
                // Waived: the gate does not fail on it, so neither does the test; the waiver says until when.
                ++s.skipped;
                cases += ">\n      <skipped message=\"" + x(render_waivers::sentence(*waiver)) + "\"/>\n    </testcase>\n";
                continue;
            }
            if (waiver) detail += "\n" + render_waivers::sentence(*waiver);
            if (a.points) {  // every test short of automated fails: the paper's full point is automation
                ++s.failures;
                std::string message = (g.text.empty() ? g.question : g.text) + " (" + points_state(g) + ": " +
                                      points_text(g.credit) + " of 1 point)";
                cases += ">\n      <failure message=\"" + x(message) + "\" type=\"gap\">" + x(detail) +
                         "</failure>\n    </testcase>\n";
            } else if (g.level <= required) {
                ++s.failures;
                std::string message = (g.text.empty() ? g.question : g.text) + " (level " + std::to_string(g.level) +
                                      " practice " + (status.empty() ? "not in place" : status) +
                                      "; required: level " + std::to_string(required) + ")";
                cases += ">\n      <failure message=\"" + x(message) + "\" type=\"gap\">" + x(detail) +
                         "</failure>\n    </testcase>\n";
            } else {
                cases += ">\n      <system-out>" +
                         x("Not required yet: level " + std::to_string(g.level) + " is above level " +
                           std::to_string(required) + ". " + detail) +
                         "</system-out>\n    </testcase>\n";
            }
        }
        std::string name = s.dim && !s.dim->name.empty() ? s.dim->name : (s.id.empty() ? "(no dimension)" : s.id);
        body += "  <testsuite name=\"" + x(name) + "\" id=\"" + x(s.id) + "\" tests=\"" +
                std::to_string(s.cases.size()) + "\" failures=\"" + std::to_string(s.failures) +
                "\" errors=\"0\" skipped=\"" + std::to_string(s.skipped) + "\" time=\"0\">\n";
        // When and what was assessed go with every suite: junit-10.xsd allows properties on a <testsuite> only,
        // and CI reporters show a suite's properties on their own.
        std::string props;
        const SectionPoints* sp = nullptr;
        if (a.points)
            for (const auto& p : a.points->sections)
                if (p.id == s.id) sp = &p;
        if (sp)
            props += "      <property name=\"points\" value=\"" + points_text(sp->score) +
                     "\"/>\n      <property name=\"max_points\" value=\"" + points_text(sp->max) + "\"/>\n";
        else if (s.dim)
            props += "      <property name=\"level\" value=\"" + std::to_string(s.dim->level) +
                     "\"/>\n      <property name=\"required_level\" value=\"" + std::to_string(required) + "\"/>\n";
        if (!r.date.empty()) props += "      <property name=\"date\" value=\"" + x(r.date) + "\"/>\n";
        if (!r.commit.empty()) props += "      <property name=\"commit\" value=\"" + x(r.commit) + "\"/>\n";
        if (!props.empty()) body += "    <properties>\n" + props + "    </properties>\n";
        body += cases + "  </testsuite>\n";
        total += s.cases.size();
        total_failures += static_cast<std::size_t>(s.failures);
    }

    // <testsuites> has no skipped attribute: the JUnit schema of Jenkins' xUnit plugin (junit-10.xsd) refuses one
    // there, and readers sum the skipped counts of the suites.
    std::string title = (q.title.empty() ? q.id : q.title) + (r.team.empty() ? "" : ": " + r.team);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"" + x(title) + "\" tests=\"" +
           std::to_string(total) + "\" failures=\"" + std::to_string(total_failures) + "\" errors=\"0\" time=\"0\">\n" +
           body + "</testsuites>\n";
}

}  // namespace mm
