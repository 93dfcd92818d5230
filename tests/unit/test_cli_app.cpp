// src/cli/app.cpp: guarded() maps whatever building or running the command line throws to the exit-code contract.
#include <iostream>
#include <new>
#include <sstream>
#include <stdexcept>

#include "catch.hpp"
#include "cli/cli.hpp"

using namespace mm;

namespace {

// guarded(body) with stderr captured: the exit code and what was printed.
std::pair<int, std::string> run_guarded(const std::function<int()>& body) {
    std::ostringstream err;
    std::streambuf* saved = std::cerr.rdbuf(err.rdbuf());
    int code = cli::guarded(body);
    std::cerr.rdbuf(saved);
    return {code, err.str()};
}

}  // namespace

TEST_CASE("guarded: what building or running the command line throws is an exit code and a message") {
    CHECK(run_guarded([] { return 1; }) == std::pair<int, std::string>{1, ""});
    // CLI11 throws while the command line is built (an option added twice): an internal error, not a terminate.
    const auto [code, err] = run_guarded([]() -> int {
        CLI::App app;
        app.add_option("--format");
        app.add_option("--format");
        return 0;
    });
    CHECK(code == 3);
    CHECK(err.rfind("mlops-maturity: internal error: ", 0) == 0);
    CHECK(err.find("already added") != std::string::npos);
    CHECK(run_guarded([]() -> int { throw InputError(Diagnostic{"f.yaml", 2, 1, "bad"}); }) ==
          std::pair<int, std::string>{2, "f.yaml:2:1: error: bad\n"});
    CHECK(run_guarded([]() -> int { throw OutputError("cannot write x"); }).first == 3);
    CHECK(run_guarded([]() -> int { throw std::bad_alloc(); }) ==
          std::pair<int, std::string>{3, "mlops-maturity: error: out of memory\n"});
    CHECK(run_guarded([]() -> int { throw std::runtime_error("boom"); }) ==
          std::pair<int, std::string>{3, "mlops-maturity: internal error: boom (please report this)\n"});
}
