// A parsed YAML (or JSON) document as a plain tree that remembers where every node came from,
// and the strict reading helpers the loaders share.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mm/diagnostics.hpp"
#include "mm/model.hpp"

namespace mm {

// Read-only access to a run of nodes in a Document's arena (what a vector gives for reading, no more).
template <typename T>
class NodeSpan {
public:
    NodeSpan() = default;
    NodeSpan(const T* data, std::size_t size) : data_(data), size_(size) {}
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const T& operator[](std::size_t i) const { return data_[i]; }

private:
    const T* data_ = nullptr;
    std::size_t size_ = 0;
};

// One value of a document. A node is a small plain value that points into its Document (text and children), so
// it is valid as long as that Document is: copy nodes freely, but keep the Document.
struct Node {
    enum class Kind : unsigned char { Null, Scalar, Sequence, Map };
    Kind kind = Kind::Null;
    bool quoted = false;  // Scalar only: written quoted (or with an explicit tag), so never a number or boolean
    SourcePos pos;
    std::string_view scalar;                  // Scalar only
    NodeSpan<Node> items;                     // Sequence
    NodeSpan<std::pair<Node, Node>> entries;  // Map: keys are scalars, unique

    bool is_map() const { return kind == Kind::Map; }
    bool is_seq() const { return kind == Kind::Sequence; }
    bool is_scalar() const { return kind == Kind::Scalar; }
    bool is_null() const { return kind == Kind::Null; }
    const Node* get(std::string_view key) const;
};

// A parsed document: its root node and the one arena that holds every other node and every scalar's text, in
// blocks of 256 KiB. A questionnaire of 100,000 questions is 900,000 nodes; with a std::string and two vectors in
// every node (104 bytes) and an allocation for every mapping's and list's children, its tree took ten times the
// size of its file. Movable, not copyable; the nodes stay where they are when it moves.
class Document {
public:
    const Node& root() const { return root_; }

    // The arena: `bytes` of uninitialised memory aligned to `align` (at most alignof(std::max_align_t)), which
    // lives as long as the document.
    void* allocate(std::size_t bytes, std::size_t align);
    void set_root(const Node& root) { root_ = root; }

private:
    Node root_;
    std::vector<std::unique_ptr<unsigned char[]>> blocks_;
    unsigned char* next_ = nullptr;  // the free space of the block being filled
    std::size_t left_ = 0;
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
Document parse_yaml(std::string_view text, const std::string& file, const ParseLimits& limits = {});

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
