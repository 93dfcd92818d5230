// One include for Catch2 v2 (Debian 12's single header) and v3.
#pragma once
#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
using Catch::Approx;  // v2 has Approx at global scope; make v3 match
#else
#include <catch2/catch.hpp>
#endif
