// The text of a scanned file as the rules see it (text_encoding): UTF-8 without a BOM, UTF-16 transcoded.
#include <string>

#include "builtin_evidence.hpp"
#include "catch.hpp"
#include "fixture_tree.hpp"
#include "mm/scan.hpp"
#include "text_encoding.hpp"

using mm::utf8_text;

namespace {

// `ascii` as UTF-16 with a BOM, little- or big-endian, as Windows tools write it.
std::string utf16(const std::string& ascii, bool little_endian) {
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (char c : ascii) {
        out += little_endian ? c : '\0';
        out += little_endian ? '\0' : c;
    }
    return out;
}

}  // namespace

TEST_CASE("text encoding: UTF-8 passes through, its BOM is dropped") {
    std::string scratch = "left over";
    CHECK(utf8_text("pandas==2.1.0\n", scratch) == "pandas==2.1.0\n");
    CHECK(utf8_text("\xEF\xBB\xBFpandas==2.1.0\n", scratch) == "pandas==2.1.0\n");
    CHECK(utf8_text("", scratch).empty());
    CHECK(utf8_text("\xEF\xBB", scratch) == "\xEF\xBB");  // half a BOM is text as it is
    // A view into the input, not a copy
    const std::string in = "\xEF\xBB\xBFx";
    CHECK(utf8_text(in, scratch).data() == in.data() + 3);
}

TEST_CASE("text encoding: UTF-16 with a BOM becomes UTF-8, either byte order") {
    std::string scratch;
    CHECK(utf8_text(utf16("catboost==1.2\r\noptuna==3.4.0\r\n", true), scratch) == "catboost==1.2\r\noptuna==3.4.0\r\n");
    CHECK(utf8_text(utf16("FROM python:3.11\n", false), scratch) == "FROM python:3.11\n");
    // non-ASCII: é (U+00E9), € (U+20AC) and 😀 (U+1F600, a surrogate pair)
    CHECK(utf8_text(std::string("\xFF\xFE\xE9\x00\xAC\x20\x3D\xD8\x00\xDE", 10), scratch) == "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    // unpaired surrogates become U+FFFD; an odd last byte is dropped
    CHECK(utf8_text(std::string("\xFF\xFE\x3D\xD8\x41\x00", 6), scratch) == "\xEF\xBF\xBD" "A");
    CHECK(utf8_text(std::string("\xFF\xFE\x00\xDE", 4), scratch) == "\xEF\xBF\xBD");
    CHECK(utf8_text(std::string("\xFF\xFE\x3D\xD8", 4), scratch) == "\xEF\xBF\xBD");
    CHECK(utf8_text(std::string("\xFF\xFE\x41\x00\x42", 5), scratch) == "A");
    CHECK(utf8_text("\xFF\xFE", scratch).empty());
    // NUL characters survive, so a binary file behind a UTF-16 BOM is still binary to the scan
    CHECK(utf8_text(std::string("\xFF\xFE\x00\x00", 4), scratch) == std::string(1, '\0'));
}

TEST_CASE("text encoding: the scan reads UTF-16 files and first lines behind a BOM") {
    // PowerShell 5's `pip freeze > requirements.txt`: UTF-16LE with a BOM, CRLF lines, next to a training script
    const char* kTrain = "import pandas as pd\nfrom catboost import CatBoostRegressor\ndf = pd.read_csv('x.csv')\n";
    CHECK(mm::test::suggestion("mlops", "pinned-environment",
                               {{"src/train.py", kTrain},
                                {"requirements.txt", utf16("catboost==1.2\r\noptuna==3.4.0\r\npandas==2.1.0\r\n", true)}}) ==
          "partial");
    // UTF-16 without a BOM is not recognised: its NUL bytes make it binary, nothing is read
    std::string no_bom = utf16("catboost==1.2\r\noptuna==3.4.0\r\n", true).substr(2);
    CHECK(mm::test::suggestion("mlops", "pinned-environment",
                               {{"src/train.py", kTrain}, {"requirements.txt", no_bom}}) == "-");
    // a UTF-8 BOM before a Dockerfile's first line
    CHECK(mm::test::suggestion("mlops", "serving-containerised",
                               {{"Dockerfile", "\xEF\xBB\xBF" "CMD [\"uvicorn\", \"app.main:app\"]\nFROM python:3.11\n"}}) == "partial");
}

TEST_CASE("text encoding: a README written in UTF-16 still names a course") {
    // the layout's coursework check reads the README's head as the rules read files
    mm::test::Tree t;
    t.file("README.md", utf16("# MLOps HW 4\n\nOur homework.\n", true));
    t.file("src/train.py", "import mlflow\n");
    const mm::ScanResult r = mm::scan_tree(mm::test::builtin_q("mlops"), t.root);
    CHECK(r.layout.coursework == "MLOps HW 4");
}
