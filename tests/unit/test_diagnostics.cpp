// Small helpers of messages (src/diagnostics.cpp): "did you mean" and "a, b or c".
#include "catch.hpp"
#include "mm/diagnostics.hpp"

using namespace mm;

TEST_CASE("did_you_mean: the end of an 'unknown' message, or nothing without a hint") {
    CHECK(did_you_mean("assess") == " (did you mean 'assess'?)");
    CHECK(did_you_mean("").empty());
    CHECK("unknown command 'asses'" + did_you_mean(nearest("asses", {"assess", "list"})) ==
          "unknown command 'asses' (did you mean 'assess'?)");
    CHECK(did_you_mean(nearest("zzzzzz", {"assess", "list"})).empty());
}

TEST_CASE("join_list: items joined with commas and a last word") {
    CHECK(join_list({}, " or ").empty());
    CHECK(join_list({"1"}, " or ") == "1");
    CHECK(join_list({"1", "2"}, " or ") == "1 or 2");
    CHECK(join_list({"1", "2", "3"}, " and ") == "1, 2 and 3");
    CHECK(join_list({"a", "b", "c"}, ", ") == "a, b, c");
}
