#include "cli/cli.hpp"

int main(int argc, char** argv) { return mm::cli::main(argc, argv); }
