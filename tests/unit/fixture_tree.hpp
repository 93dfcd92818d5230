// Fixtures for the scan tests: a temporary directory tree, removed on destruction, and a questionnaire to scan it
// with.
#pragma once

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "catch.hpp"
#include "helpers.hpp"

namespace mm::test {

struct Tree {
    std::string root;
    Tree() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "mm-scan-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        root = tmpl;
    }
    ~Tree() {
        std::error_code ec;
        for (auto it = std::filesystem::recursive_directory_iterator(root, std::filesystem::directory_options::skip_permission_denied, ec);
             it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
            ::chmod(it->path().c_str(), 0700);
        std::filesystem::remove_all(root, ec);
    }
    std::string path(const std::string& rel) const { return root + "/" + rel; }
    void file(const std::string& rel, const std::string& content) const {
        std::filesystem::create_directories(std::filesystem::path(path(rel)).parent_path());
        std::ofstream(path(rel), std::ios::binary) << content;
    }
    void dir(const std::string& rel) const { std::filesystem::create_directories(path(rel)); }
    void link(const std::string& target, const std::string& rel) const {
        std::filesystem::create_directories(std::filesystem::path(path(rel)).parent_path());
        REQUIRE(::symlink(target.c_str(), path(rel).c_str()) == 0);
    }
};

// A questionnaire with levels 0 and 1 and one dimension `d` whose questions are `questions`: YAML list items
// indented by six spaces, as they stand under `questions:`.
inline Questionnaire scan_questionnaire(const std::string& id, const std::string& questions) {
    return questionnaire("id: " + id + "\ntitle: " + id + "\nversion: \"1\"\nlevels:\n  - {level: 0, name: None}\n"
                         "  - {level: 1, name: Some}\ndimensions:\n  - id: d\n    name: Dimension\n    questions:\n" +
                         questions);
}

}  // namespace mm::test
