# Every dependency is a Debian 12 package (see README); nothing is downloaded at build time.
find_package(CLI11 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(fmt REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)  # history rules: read the commits, run nothing
