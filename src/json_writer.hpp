// A streaming JSON writer: values appended to one string as they come, no tree (private to the library).
// It prints what json_text (src/json_text.hpp) prints for the same document, byte for byte: two-space indentation,
// `[]` and `{}` for empty containers, numbers as nlohmann dumps them, strings escaped as nlohmann's dump does
// (with invalid UTF-8 replaced as its `replace` mode does) and then as escape_json_controls does, all in one pass,
// and a final newline. tests/unit/test_json_writer.cpp holds it to that against nlohmann.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mm {

class JsonWriter {
public:
    // `capacity`: the bytes to reserve for the text (a guess of its size saves reallocations).
    explicit JsonWriter(std::size_t capacity = 0);

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    // The name of the next member of the open object; its value follows (a value or a container).
    void key(std::string_view name);

    // Values: an element of the open array, the value of the member just named, or the document itself.
    void value(std::string_view s);
    void value(const std::string& s) { value(std::string_view(s)); }
    void value(const char* s) { value(std::string_view(s)); }
    void value(int n) { value(static_cast<long long>(n)); }
    void value(long long n);
    // A double as nlohmann prints it: digits that read back to it ("1.0" for a whole one), null when not finite.
    void value(double x);
    void value(bool b);
    void null();
    void value(const std::vector<std::string>& strings);  // an array of strings

    // key(name) then value(v).
    template <class T>
    void member(std::string_view name, const T& v) {
        key(name);
        value(v);
    }

    // The document written, with its final newline. The writer is spent.
    std::string finish();

private:
    std::string out_;
    std::vector<bool> has_elements_;  // per open container: whether one element or member was written
    bool after_key_ = false;

    void before_value();  // the separator and indentation before a value or a key
    void open(char bracket);
    void close(char bracket);
    void quoted(std::string_view s);
};

}  // namespace mm
