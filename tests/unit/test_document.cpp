#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/document.hpp"

using namespace mm;
using mm::test::first_error;

TEST_CASE("parse_yaml keeps positions and tells quoted scalars apart") {
    const Document doc = parse_yaml("a: 1\nb: \"2\"\nc:\n  - x\n", "f.yaml");
    const Node& root = doc.root();
    REQUIRE(root.is_map());
    const Node* a = root.get("a");
    REQUIRE(a);
    CHECK(a->scalar == "1");
    CHECK_FALSE(a->quoted);
    CHECK(a->pos.line == 1);
    CHECK(a->pos.column == 4);
    CHECK(root.get("b")->quoted);
    CHECK(root.get("c")->is_seq());
    CHECK(root.get("c")->items[0].pos.line == 4);
}

TEST_CASE("parse_yaml refuses what no questionnaire needs, with positions") {
    CHECK(first_error([] { parse_yaml("a: 1\na: 2\n", "f.yaml"); }) ==
          "f.yaml:2:1: error: duplicate key 'a' in this mapping");
    CHECK(first_error([] { parse_yaml("a: &x 1\nb: *x\n", "f.yaml"); }).find("anchors") != std::string::npos);
    CHECK(first_error([] { parse_yaml("a: 1\n---\nb: 2\n", "f.yaml"); }).find("more than one YAML document") !=
          std::string::npos);
    CHECK(first_error([] { parse_yaml("", "f.yaml"); }) == "f.yaml: error: the file is empty");
    CHECK(first_error([] { parse_yaml("# only a comment\n", "f.yaml"); }) == "f.yaml: error: the file is empty");
    CHECK(first_error([] { parse_yaml("a: [1, 2\n", "f.yaml"); }).rfind("f.yaml:", 0) == 0);
    CHECK(first_error([] { parse_yaml("? [a]\n: 1\n", "f.yaml"); }).find("keys must be plain strings") !=
          std::string::npos);
}

TEST_CASE("parse_yaml refuses a duplicate key in a large mapping too (its keys are indexed, not searched)") {
    // 40 keys: past the few a mapping's keys are searched among in place.
    std::string text;
    for (int i = 0; i < 40; ++i) text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
    const Document doc = parse_yaml(text, "f.yaml");
    const Node& root = doc.root();
    REQUIRE(root.entries.size() == 40);
    CHECK(root.get("k39")->scalar == "39");
    CHECK(root.entries[17].first.pos.line == 18);
    // A key seen before the index was built, one seen after, and the first duplicate wins.
    CHECK(first_error([&] { parse_yaml(text + "k3: again\n", "f.yaml"); }) ==
          "f.yaml:41:1: error: duplicate key 'k3' in this mapping");
    CHECK(first_error([&] { parse_yaml(text + "k30: again\n", "f.yaml"); }) ==
          "f.yaml:41:1: error: duplicate key 'k30' in this mapping");
    CHECK(first_error([&] { parse_yaml(text + "x: 1\nk39: 2\nk0: 3\n", "f.yaml"); }) ==
          "f.yaml:42:1: error: duplicate key 'k39' in this mapping");
    // Nested mappings keep their own keys: the same key in two of them is no duplicate.
    std::string nested = "a:\n";
    for (int i = 0; i < 20; ++i) nested += "  k" + std::to_string(i) + ": 1\n";
    nested += "b:\n";
    for (int i = 0; i < 20; ++i) nested += "  k" + std::to_string(i) + ": 2\n";
    CHECK(parse_yaml(nested, "f.yaml").root().get("b")->entries.size() == 20);
    CHECK(first_error([&] { parse_yaml(nested + "  k19: 3\n", "f.yaml"); }) ==
          "f.yaml:43:3: error: duplicate key 'k19' in this mapping");
}

TEST_CASE("parse_yaml reads exactly the text given, in place") {
    const std::string buffer = "a: 1\nb: 2\n";
    const Document doc = parse_yaml(std::string_view(buffer).substr(0, 5), "f.yaml");  // "a: 1\n"
    const Node& root = doc.root();
    REQUIRE(root.entries.size() == 1);
    CHECK(root.get("a")->scalar == "1");
    CHECK_FALSE(root.get("b"));
}

TEST_CASE("a Document keeps every node and text in its arena, and they stay put when it moves") {
    // Enough nodes and text for several arena blocks, a scalar larger than a block's quarter (a block of its
    // own), an empty scalar, and nesting.
    std::string text = "big: \"" + std::string(100000, 'x') + "\"\nempty: \"\"\nlist:\n";
    for (int i = 0; i < 20000; ++i)
        text += "  - {id: item-" + std::to_string(i) + ", n: [" + std::to_string(i) + "]}\n";
    Document doc = parse_yaml(text, "f.yaml");
    const Node* list = doc.root().get("list");
    REQUIRE(list);
    const Node* first_item = &list->items[0];
    Document moved = std::move(doc);  // the nodes are where they were
    const Node& root = moved.root();
    CHECK(root.get("list")->items.begin() == first_item);
    CHECK(root.get("big")->scalar == std::string(100000, 'x'));
    CHECK(root.get("empty")->is_scalar());
    CHECK(root.get("empty")->scalar.empty());
    CHECK(root.get("empty")->quoted);
    REQUIRE(root.get("list")->items.size() == 20000);
    const Node& last = root.get("list")->items[19999];
    CHECK(last.get("id")->scalar == "item-19999");
    CHECK(last.get("n")->items[0].scalar == "19999");
    CHECK(last.pos.line == 20003);
    CHECK(last.get("n")->items[0].pos.column == static_cast<int>(std::string("  - {id: item-19999, n: [").size()) + 1);
    // A node is a few words: a kind, a position, a view of its text and of its children.
    CHECK(sizeof(Node) <= 64);
}

TEST_CASE("parse_yaml bounds depth, size and node count") {
    std::string deep(100000, '[');
    std::string msg = first_error([&] { parse_yaml(deep, "deep.yaml"); });
    CHECK(msg.find("nesting is deeper than 64 levels") != std::string::npos);
    CHECK(msg.find("deep.yaml:1:") == 0);

    ParseLimits small;
    small.max_nodes = 10;
    CHECK(first_error([&] { parse_yaml("[1,2,3,4,5,6,7,8,9,10,11,12]", "n.yaml", small); }).find("more than 10 values") !=
          std::string::npos);
    small.max_bytes = 4;
    CHECK(first_error([&] { parse_yaml("a: 12345", "s.yaml", small); }).find("larger than") != std::string::npos);
}

TEST_CASE("check_text finds invalid UTF-8 and control characters") {
    CHECK_FALSE(check_text("plain ascii\nand caf\xC3\xA9\n"));
    auto bad = check_text("ok\nab\xFF");
    REQUIRE(bad);
    CHECK(bad->pos.line == 2);
    CHECK(bad->pos.column == 3);
    CHECK(check_text("a\xC3"));              // cut off
    CHECK(check_text("\xC0\xAF"));           // overlong
    CHECK(check_text("\xED\xA0\x80"));       // surrogate
    CHECK(check_text(std::string("a\0b", 3)));
    CHECK(check_text("\x1b[2J"));
    CHECK_FALSE(check_text("tab\tand\r\nCRLF"));
}

TEST_CASE("check_text tells a character cut off at the end from other invalid UTF-8, at the character's column") {
    const std::string cut = "invalid UTF-8: a multi-byte character is cut off at the end";
    for (const char* text : {"ab\xC3", "ab\xE2\x82", "ab\xF0\x9F\x98", "ab\xC0", "ab\xF5\x80"}) {
        INFO(text);
        auto p = check_text(text);
        REQUIRE(p);
        CHECK(p->message == cut);
        CHECK(p->pos.column == 3);
    }
    for (const char* text : {"ab\xE2\x41", "ab\xE2\x82\x41", "ab\xF8\x80", "ab\xC0\xAF", "ab\xF4\x90\x80\x80"}) {
        INFO(text);
        auto p = check_text(text);
        REQUIRE(p);
        CHECK(p->message.rfind("invalid UTF-8 (", 0) == 0);
        CHECK(p->pos.column == 3);
    }
    CHECK_FALSE(check_text("\xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));  // €, 😀, U+10FFFF
}

TEST_CASE("a UTF-8 byte order mark is accepted") {
    const Document doc = parse_yaml("\xEF\xBB\xBFkey: value\n", "bom.yaml");
    const Node& root = doc.root();
    CHECK(root.get("key")->scalar == "value");
}

TEST_CASE("YAML structure errors say which mistake it is, with the line and column of the mistake") {
    auto err = [](const std::string& text) { return first_error([&] { parse_yaml(text, "f.yaml"); }); };
    // A tab in the indentation, where yaml-cpp says "illegal tab when looking for indentation" or, for the first
    // key of a mapping, "illegal map value".
    const std::string tab = "f.yaml:3:1: error: invalid YAML: a tab in the indentation: YAML indents with spaces only "
                            "(replace the tab with spaces)";
    CHECK(err("answers:\n  a: yes\n\tb: no\n") == tab);
    CHECK(err("answers:\n  a: yes\n\tb: no\n") == tab);
    CHECK(err("answers:\n\ta: yes\n  b: no\n").find("f.yaml:2:1: error: invalid YAML: a tab in the indentation") == 0);
    // Indentation that lines up with no key above ("end of map not found", "end of sequence not found").
    CHECK(err("answers:\n  a: yes\n b: no\n") ==
          "f.yaml:3:2: error: invalid YAML: the indentation does not line up: this line is indented by 1 space, the "
          "lines above it by 2 or 0; indent the keys of one mapping (and the items of one list) by the same number of "
          "spaces");
    CHECK(err("dims:\n  - id: x\n    name: y\n   text: z\n").find("f.yaml:4:4: error: invalid YAML: the indentation "
                                                                  "does not line up: this line is indented by 3 spaces, "
                                                                  "the lines above it by 4, 2 or 0;") == 0);
    // Indented under a key that has a value ("illegal map value").
    CHECK(err("answers:\n  a: yes\n   b: no\n") ==
          "f.yaml:3:4: error: invalid YAML: the indentation does not line up: this line is indented by 3 spaces, "
          "deeper than 'a' on the line above, which already has a value; indent it by 2 spaces like 'a'");
    // A missing colon: yaml-cpp complains about the next line ("illegal map value"); the message points at the
    // line that lacks it.
    CHECK(err("answers:\n  a: yes\n  b no\n  c: yes\n") ==
          "f.yaml:3:4: error: invalid YAML: missing ':' after 'b' (a key and its value are written 'b: no')");
    CHECK(err("questionnaire basic\nanswers:\n  b: no\n") ==
          "f.yaml:1:14: error: invalid YAML: missing ':' after 'questionnaire' (a key and its value are written "
          "'questionnaire: basic')");
    CHECK(err("dims:\n  - id: x\n    name y\n    text: z\n").find("f.yaml:3:9: error: invalid YAML: missing ':' after "
                                                                 "'name'") == 0);
    // ': ' inside an unquoted value.
    CHECK(err("title: Tiny: a questionnaire\n") ==
          "f.yaml:1:8: error: invalid YAML: a value that contains ': ' must be in quotes (write title: \"Tiny: a "
          "questionnaire\")");
    // An unclosed '{' or '[': the innermost one, where it opens, not where yaml-cpp noticed.
    CHECK(err("levels:\n  - {level: 0, name: A}\n  - {level: 1, name: B\nprofile:\n  - x\n") ==
          "f.yaml:3:5: error: invalid YAML: this '{' is never closed (add the '}' where the mapping ends, on the same "
          "line or below)");
    CHECK(err("{\"a\": [{\"b\": 1}\n").find("f.yaml:1:7: error: invalid YAML: this '[' is never closed") == 0);
    // Anything else keeps yaml-cpp's words.
    CHECK(err("a: *nope\n").find("invalid YAML: the referenced anchor is not defined") != std::string::npos);
}
