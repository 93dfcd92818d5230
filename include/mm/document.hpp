// A parsed YAML (or JSON) document as a plain tree that remembers where every node came from,
// and the strict reading helpers the loaders share.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mm/diagnostics.hpp"
#include "mm/model.hpp"

namespace mm {

struct Node {
    enum class Kind { Null, Scalar, Sequence, Map };
    Kind kind = Kind::Null;
    std::string scalar;   // Scalar only
    bool quoted = false;  // Scalar only: written quoted (or with an explicit tag), so never a number or boolean
    SourcePos pos;
    std::vector<Node> items;                     // Sequence
    std::vector<std::pair<Node, Node>> entries;  // Map: keys are scalars, unique

    bool is_map() const { return kind == Kind::Map; }
    bool is_seq() const { return kind == Kind::Sequence; }
    bool is_scalar() const { return kind == Kind::Scalar; }
    bool is_null() const { return kind == Kind::Null; }
    const Node* get(std::string_view key) const;
};

// Bounds that keep hostile input from exhausting memory or the stack (docs/limits.md).
struct ParseLimits {
    std::size_t max_bytes = 16u << 20;
    int max_depth = 64;
    std::size_t max_nodes = 1'000'000;
};

// Parses one YAML document (JSON is accepted as YAML). Refuses what no questionnaire or answers file needs and
// what makes parsing unsafe: invalid UTF-8 and control characters, several documents, anchors and aliases,
// duplicate keys, non-scalar keys, nesting or size beyond the limits. Throws InputError located in `file`.
Node parse_yaml(std::string_view text, const std::string& file, const ParseLimits& limits = {});

// Where the first invalid UTF-8 sequence or disallowed control character is, if any.
struct TextProblem {
    SourcePos pos;
    std::string message;
};
std::optional<TextProblem> check_text(std::string_view text);

// ---- strict field access: each records a located error in the sink and returns nothing on failure ----

const char* kind_name(Node::Kind kind);

// Errors for keys of `map` outside `allowed`, with a "did you mean" where one is close.
void check_keys(const Node& map, DiagnosticSink& sink, std::initializer_list<std::string_view> allowed,
                std::string_view where);
// The value of `key`, or nullptr (and an error if `required`).
const Node* field(const Node& map, std::string_view key, DiagnosticSink& sink, bool required,
                  std::string_view where);
bool expect_kind(const Node& node, Node::Kind kind, DiagnosticSink& sink, std::string_view what);
std::optional<std::string> read_string(const Node& node, DiagnosticSink& sink, std::string_view what);
std::optional<long long> read_int(const Node& node, DiagnosticSink& sink, std::string_view what);
std::optional<bool> read_bool(const Node& node, DiagnosticSink& sink, std::string_view what);
std::optional<double> read_number(const Node& node, DiagnosticSink& sink, std::string_view what);
std::optional<std::vector<std::string>> read_string_list(const Node& node, DiagnosticSink& sink,
                                                         std::string_view what);

}  // namespace mm
