// The streaming JSON writer prints what json_text (nlohmann's dump, then escape_json_controls) prints for the same
// document, byte for byte: each rule alone, then strings and numbers at their edges against nlohmann itself.
#include <nlohmann/json.hpp>

#include <cfloat>
#include <climits>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "catch.hpp"
#include "json_text.hpp"
#include "json_writer.hpp"

using namespace mm;
using ojson = nlohmann::ordered_json;

namespace {

// The document of one string, written by the writer.
std::string written(const std::string& s) {
    JsonWriter w;
    w.value(s);
    return w.finish();
}
std::string written(double x) {
    JsonWriter w;
    w.value(x);
    return w.finish();
}
std::string written(long long n) {
    JsonWriter w;
    w.value(n);
    return w.finish();
}

// The same, as nlohmann prints it.
template <class T>
std::string nlohmann_text(const T& v) {
    return json_text(ojson(v));
}

}  // namespace

TEST_CASE("containers are indented by two spaces, empty ones written [] and {}") {
    JsonWriter w;
    w.begin_object();
    w.member("a", 1);
    w.key("empty_array");
    w.begin_array();
    w.end_array();
    w.key("empty_object");
    w.begin_object();
    w.end_object();
    w.key("nested");
    w.begin_array();
    w.begin_object();
    w.member("b", std::vector<std::string>{"x", "y"});
    w.member("c", std::vector<std::string>{});
    w.end_object();
    w.value(true);
    w.value(false);
    w.null();
    w.end_array();
    w.end_object();
    const std::string text = w.finish();
    CHECK(text ==
          "{\n"
          "  \"a\": 1,\n"
          "  \"empty_array\": [],\n"
          "  \"empty_object\": {},\n"
          "  \"nested\": [\n"
          "    {\n"
          "      \"b\": [\n"
          "        \"x\",\n"
          "        \"y\"\n"
          "      ],\n"
          "      \"c\": []\n"
          "    },\n"
          "    true,\n"
          "    false,\n"
          "    null\n"
          "  ]\n"
          "}\n");
    CHECK(text == json_text(ojson::parse(text)));
}

TEST_CASE("a document that is one value, or an empty container, is that value and a newline") {
    JsonWriter a;
    a.begin_array();
    a.end_array();
    CHECK(a.finish() == "[]\n");
    JsonWriter o;
    o.begin_object();
    o.end_object();
    CHECK(o.finish() == "{}\n");
    CHECK(written("x") == "\"x\"\n");
    CHECK(written(7LL) == "7\n");
}

// nlohmann's two-character escapes (quote, backslash, b, f, n, r, t), \u00xx for the other C0 controls.
TEST_CASE("strings are escaped as nlohmann escapes them: quote, backslash and C0 controls") {
    CHECK(written("a\"b\\c") == "\"a\\\"b\\\\c\"\n");
    CHECK(written("\b\f\n\r\t") == "\"\\b\\f\\n\\r\\t\"\n");
    CHECK(written(std::string("\0\x01\x1f", 3)) == "\"\\u0000\\u0001\\u001f\"\n");
    CHECK(written("\x1b[31m") == "\"\\u001b[31m\"\n");
    CHECK(written("/ \x7f") == "\"/ \x7f\"\n");  // neither "/" nor DEL is escaped
    for (int c = 0; c < 0x80; ++c) {
        const std::string s = "a" + std::string(1, static_cast<char>(c)) + "b";
        INFO(c);
        CHECK(written(s) == nlohmann_text(s));
    }
}

TEST_CASE("C1 controls, line and paragraph separators and bidi controls are written as 4-digit escapes") {
    CHECK(written("x\xc2\x85y") == "\"x\\u0085y\"\n");
    CHECK(written("\xc2\x80\xc2\x9b\xc2\x9f") == "\"\\u0080\\u009b\\u009f\"\n");
    CHECK(written("\xe2\x80\xa8\xe2\x80\xa9") == "\"\\u2028\\u2029\"\n");
    CHECK(written("\xe2\x80\xaa\xe2\x80\xae") == "\"\\u202a\\u202e\"\n");
    CHECK(written("\xe2\x81\xa6\xe2\x81\xa9") == "\"\\u2066\\u2069\"\n");
    // Their neighbours, and text beyond ASCII, stay as they are: U+00A0, U+00E9, U+2027, U+202F, U+2065, U+206A,
    // wide CJK, an emoji.
    for (const std::string s : {"\xc2\xa0", "\xc3\xa9", "\xe2\x80\xa7", "\xe2\x80\xaf", "\xe2\x81\xa5", "\xe2\x81\xaa",
                                "\xe6\xbc\xa2\xe5\xad\x97", "\xf0\x9f\x9a\x80"}) {
        INFO(s);
        CHECK(written(s) == "\"" + s + "\"\n");
    }
    // The same as escape_json_controls over nlohmann's dump.
    const std::string mixed = std::string("a\xc2\x9b[2J\xe2\x80\xae") + "b\xe2\x80\xa8\xf0\x9f\x9a\x80\xe6\xbc\xa2";
    CHECK(written(mixed) == nlohmann_text(mixed));
}

TEST_CASE("invalid UTF-8 becomes U+FFFD as in nlohmann's replace mode: one for each broken start of a sequence") {
    const std::string r = "\xef\xbf\xbd";
    CHECK(written(std::string("a\x80") + "b") == "\"a" + r + "b\"\n");        // a lone continuation byte
    CHECK(written("a\xe2\x82") == "\"a" + r + "\"\n");                        // cut off at the end: one for both bytes
    CHECK(written(std::string("\xe2\x82") + "A") == "\"" + r + "A\"\n");      // cut off before ASCII, which is kept
    CHECK(written("\xe2\x82\xe2\x82\xac") == "\"" + r + "\xe2\x82\xac\"\n");  // the byte that breaks it is read again
    CHECK(written("\xc0\x80") == "\"" + r + r + "\"\n");                      // overlong: C0 is never a lead byte
    CHECK(written("\xe0\x80\x80") == "\"" + r + r + r + "\"\n");              // overlong: E0 needs A0..BF next
    CHECK(written("\xed\xa0\x80") == "\"" + r + r + r + "\"\n");              // a surrogate
    CHECK(written("\xf4\x90\x80\x80") == "\"" + r + r + r + r + "\"\n");      // beyond U+10FFFF
    CHECK(written("\xf0\x9f\x9a") == "\"" + r + "\"\n");                      // an emoji cut short
    CHECK(written("\xf5\xff") == "\"" + r + r + "\"\n");
    // The replacement is not followed by a further escape, and escapes after it still apply.
    CHECK(written("\xff\n\xc2\x85") == "\"" + r + "\\n\\u0085\"\n");
}

TEST_CASE("every short byte string is written as nlohmann's dump and escape_json_controls write it") {
    // Bytes at the edges of every UTF-8 range, and ASCII that needs escaping or not: all strings of up to 4 of them.
    const std::vector<unsigned char> bytes = {0x00, 0x0a, 0x22, 0x41, 0x7f, 0x80, 0x85, 0x8f, 0x90,
                                              0x9b, 0x9f, 0xa0, 0xa8, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0,
                                              0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
    std::size_t mismatches = 0;
    std::string first;
    std::vector<std::string> strings = {""};
    for (int len = 1; len <= 4; ++len) {
        std::vector<std::string> longer;
        for (const auto& s : strings)
            for (unsigned char b : bytes) longer.push_back(s + static_cast<char>(b));
        for (const auto& s : longer) {
            if (written(s) == nlohmann_text(s)) continue;
            if (mismatches++ == 0) first = s;
        }
        strings = std::move(longer);
    }
    INFO("first mismatch: " << ojson(first).dump(-1, ' ', true, nlohmann::detail::error_handler_t::replace));
    CHECK(mismatches == 0);
}

TEST_CASE("keys are escaped as strings are") {
    JsonWriter w;
    w.begin_object();
    w.member("k\"\n\xc2\x9b\xff", 1);
    w.end_object();
    const std::string text = w.finish();
    CHECK(text == "{\n  \"k\\\"\\n\\u009b\xef\xbf\xbd\": 1\n}\n");
    ojson j = ojson::object();
    j["k\"\n\xc2\x9b\xff"] = 1;
    CHECK(text == json_text(j));
}

TEST_CASE("numbers are printed as nlohmann prints them") {
    CHECK(written(0.0) == "0.0\n");
    CHECK(written(-0.0) == "-0.0\n");
    CHECK(written(1.0) == "1.0\n");
    CHECK(written(0.3037) == "0.3037\n");
    CHECK(written(0.1 + 0.2) == "0.30000000000000004\n");
    CHECK(written(std::nan("")) == "null\n");
    CHECK(written(std::numeric_limits<double>::infinity()) == "null\n");
    CHECK(written(LLONG_MIN) == "-9223372036854775808\n");
    for (double x : {0.0,      -0.0,       1.0,    -1.5,    0.5,
                     0.3037,   0.9999,     2.0001, 1e-4,    1e-5,
                     123.456,  1e15,       1e16,   1e17,    123456789012345678.0,
                     0x1p52,   0x1p53 + 2, 5e-324, DBL_MIN, DBL_MAX,
                     -DBL_MAX, 1.0 / 3.0}) {
        INFO(x);
        CHECK(written(x) == nlohmann_text(x));
    }
    for (long long n : {0LL, 1LL, -1LL, 42LL, -343LL, static_cast<long long>(INT_MAX), LLONG_MIN, LLONG_MAX}) {
        INFO(n);
        CHECK(written(n) == nlohmann_text(n));
    }
    JsonWriter w;
    w.value(-7);  // int
    CHECK(w.finish() == "-7\n");
}
