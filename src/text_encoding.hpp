// The text of a scanned file as the rules see it: UTF-8 without a byte order mark. Windows tools write text in
// UTF-16 (PowerShell 5's `pip freeze > requirements.txt` gives UTF-16LE with a BOM), and editors prepend a UTF-8
// BOM; either would hide a file's first line from `^` patterns, or (UTF-16's NUL bytes) the whole file.
// Text only, no I/O, so unit tests and the fuzzer call it directly.
#pragma once

#include <string>
#include <string_view>

namespace mm {

// `bytes` as UTF-8 text: after a UTF-8 BOM, a view into `bytes`; after a UTF-16 BOM (FF FE little-endian, FE FF
// big-endian), the text transcoded into `scratch` (replaced), unpaired surrogates as U+FFFD and an odd last byte
// dropped; anything else, `bytes` unchanged. Never throws but for allocation.
std::string_view utf8_text(std::string_view bytes, std::string& scratch);

}  // namespace mm
