// A temporary directory tree for scan tests, removed on destruction.
#pragma once

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "catch.hpp"

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

}  // namespace mm::test
