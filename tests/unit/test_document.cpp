#include <string>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/document.hpp"

using namespace mm;
using mm::test::first_error;

TEST_CASE("parse_yaml keeps positions and tells quoted scalars apart") {
    Node root = parse_yaml("a: 1\nb: \"2\"\nc:\n  - x\n", "f.yaml");
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

TEST_CASE("a UTF-8 byte order mark is accepted") {
    Node root = parse_yaml("\xEF\xBB\xBFkey: value\n", "bom.yaml");
    CHECK(root.get("key")->scalar == "value");
}
