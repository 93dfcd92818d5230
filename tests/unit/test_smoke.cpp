#include "catch.hpp"
#include "mm/loading.hpp"
TEST_CASE("sha256 test vectors") {
    CHECK(mm::content_digest("") == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(mm::content_digest("abc") == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
