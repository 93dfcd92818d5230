// How every JSON document the tool prints is written (private to the library and the CLI).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "mm/text.hpp"

namespace mm {

// Two-space indented JSON with a final newline. Invalid UTF-8 (which loading refuses, but a saved report read
// back might carry) becomes U+FFFD rather than an exception, and C1 controls and bidirectional overrides are
// written as \uXXXX escapes, so the text is safe on a terminal and still the same JSON value.
template <class Json>  // nlohmann::json or nlohmann::ordered_json
std::string json_text(const Json& j) {
    return escape_json_controls(j.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace)) + "\n";
}

}  // namespace mm
