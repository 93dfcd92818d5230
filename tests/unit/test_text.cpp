// The text module: terminal columns of UTF-8 text and the layout built on them (tables line up whatever the
// script), and the one styling helper.
#include "catch.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"
#include "mm/text.hpp"

using namespace mm;

TEST_CASE("display_width counts terminal columns, not bytes or code points") {
    CHECK(display_width("") == 0);
    CHECK(display_width("Data") == 4);
    CHECK(display_width("Qualité") == 7);                 // é is two bytes, one column
    CHECK(display_width("e\xCC\x81") == 1);                // e + combining acute accent
    CHECK(display_width("データ管理") == 10);              // katakana and CJK ideographs: two columns each
    CHECK(display_width("데이터") == 6);                   // Hangul syllables
    CHECK(display_width("ＡＢ") == 4);                     // fullwidth Latin
    CHECK(display_width("ok ✅") == 5);                    // an emoji presentation character
    CHECK(display_width("a\xE2\x80\x8B" "b") == 2);        // zero-width space
    CHECK(display_width("\xFF" "a") == 2);                 // an invalid byte shows as one mark
}

TEST_CASE("truncate_to and pad_right keep to the columns and never split a character") {
    CHECK(truncate_to("Monitoring", 20) == "Monitoring");
    CHECK(truncate_to("Monitoring", 5) == "Moni…");
    CHECK(truncate_to("データ管理", 5) == "デー…");        // 4 columns + the ellipsis
    CHECK(truncate_to("データ管理", 6) == "デー…");        // a wide character never straddles the edge
    CHECK(display_width(truncate_to("データ管理", 6)) == 5);
    CHECK(truncate_to("Qualité des données", 8) == "Qualité…");
    CHECK(pad_right("データ", 8) == "データ  ");
    CHECK(pad_right("too wide", 3) == "too wide");
}

TEST_CASE("wrap measures words in columns") {
    // Eight wide characters are 16 columns: two such words (33 columns with the space) do not fit in 24, though
    // counted as characters (17) they would.
    const std::string word = "データ管理データ";
    CHECK(wrap(word + " " + word, 24, 0) == word + "\n" + word);
    CHECK(wrap("one two three", 80, 0) == "one two three");
}

TEST_CASE("the text report's dimension table lines up with wide names") {
    Report r;
    r.questionnaire.id = "q";
    r.questionnaire.title = "Q";
    r.questionnaire.levels = {{0, "zero", ""}, {1, "one", ""}, {2, "two", ""}};
    r.assessment.overall_level = 1;
    r.assessment.dimensions.push_back({"data", "データ管理", 1, 1.0, {}, {}});
    r.assessment.dimensions.push_back({"ops", "Operations", 2, 2.0, {}, {}});
    TextOptions options;
    options.width = 80;
    const std::string text = render_text(r, options);
    // Both rows put their level in the same column.
    auto column_of_level = [&](const std::string& name) {
        std::size_t at = text.find(name);
        REQUIRE(at != std::string::npos);
        std::size_t line_start = text.rfind('\n', at) + 1;
        std::size_t line_end = text.find('\n', at);
        std::string line = text.substr(line_start, line_end - line_start);
        std::size_t digit = line.find_first_of("012", at - line_start + name.size());
        return display_width(line.substr(0, digit));
    };
    CHECK(column_of_level("データ管理") == column_of_level("Operations"));
}

TEST_CASE("styled wraps text in one SGR code and a reset, only when colour is on") {
    CHECK(styled(Ansi::Bold, "x", true) == "\033[1mx\033[0m");
    CHECK(styled(Ansi::Dim, "x", true) == "\033[2mx\033[0m");
    CHECK(styled(Ansi::Red, "x", true) == "\033[31mx\033[0m");
    CHECK(styled(Ansi::Green, "x", true) == "\033[32mx\033[0m");
    CHECK(styled(Ansi::Yellow, "x", true) == "\033[33mx\033[0m");
    CHECK(styled(Ansi::Cyan, "x", true) == "\033[36mx\033[0m");
    CHECK(styled(Ansi::Cyan, "x", false) == "x");
}
