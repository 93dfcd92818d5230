// The only file that talks to yaml-cpp. It uses the event API rather than YAML::Load so that it can refuse
// duplicate keys, anchors and aliases, extra documents and deep nesting itself, with positions, before yaml-cpp
// silently accepts them or runs into its own limits.
#include "mm/document.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <istream>
#include <memory>
#include <streambuf>
#include <unordered_set>

#include "utf8.hpp"

namespace mm {

void* Document::allocate(std::size_t bytes, std::size_t align) {
    // Blocks of 256 KiB; an array larger than a quarter of that gets a block of its own, so the space left in the
    // current block is not given up for it.
    constexpr std::size_t kBlock = std::size_t{256} * 1024;
    if (bytes > kBlock / 4) {
        blocks_.emplace_back(new unsigned char[bytes]);
        return blocks_.back().get();
    }
    const std::size_t skip = next_ ? (align - reinterpret_cast<std::uintptr_t>(next_) % align) % align : 0;
    if (!next_ || skip + bytes > left_) {
        blocks_.emplace_back(new unsigned char[kBlock]);  // new[] aligns for any fundamental type
        next_ = blocks_.back().get();
        left_ = kBlock;
        return allocate(bytes, align);
    }
    unsigned char* at = next_ + skip;
    next_ = at + bytes;
    left_ -= skip + bytes;
    return at;
}

const Node* Node::get(std::string_view key) const {
    for (const auto& [k, v] : entries)
        if (k.scalar == key) return &v;
    return nullptr;
}

const char* kind_name(Node::Kind kind) {
    switch (kind) {
        case Node::Kind::Null: return "nothing (null)";
        case Node::Kind::Scalar: return "a scalar";
        case Node::Kind::Sequence: return "a list";
        case Node::Kind::Map: return "a mapping";
    }
    return "?";
}

namespace {
const char* const kNotUtf8 =
    "invalid UTF-8 (is the file saved in another encoding, like Latin-1 or UTF-16? save it as UTF-8)";
}  // namespace

std::optional<TextProblem> check_text(std::string_view text) {
    int line = 1, column = 1;
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        unsigned char c = s[i];
        std::size_t len = 1;
        if (c < 0x80) {
            if (c == 0)
                return TextProblem{{line, column},
                                   "a NUL byte: this is a binary file or UTF-16 text, not UTF-8 YAML (save it as UTF-8)"};
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                return TextProblem{{line, column},
                                   "control character " + std::to_string(c) + " is not allowed in YAML text"};
            if (c == 0x7f) return TextProblem{{line, column}, "control character 127 is not allowed in YAML text"};
        } else {
            char32_t cp = 0;
            len = utf8::decode(text, i, cp);
            if (len == 0) {
                // Cut off: the end comes before the sequence the lead byte starts, with nothing else in between.
                const std::size_t want = utf8::sequence_length(c);
                bool cut = want > 0 && i + want > n;
                for (std::size_t k = i + 1; cut && k < n; ++k) cut = (s[k] & 0xC0) == 0x80;
                if (cut) return TextProblem{{line, column}, "invalid UTF-8: a multi-byte character is cut off at the end"};
                return TextProblem{{line, column}, kNotUtf8};
            }
        }
        if (c == '\n') { ++line; column = 1; } else { ++column; }
        i += len;
    }
    return std::nullopt;
}

namespace {

// yaml-cpp misreads a plain value with '?' inside { } or [ ] ({text: Ready?}) and says only "unknown token" or
// "end of map flow not found". Question texts end in '?' all the time, so say what to do.
std::string flow_hint(std::string_view text, const YAML::Mark& m) {
    if (m.pos < 0 || static_cast<std::size_t>(m.pos) > text.size()) return {};
    const std::size_t at = static_cast<std::size_t>(m.pos);
    const std::size_t start = at == 0 ? 0 : text.rfind('\n', at - 1) + 1;  // npos + 1 == 0: the first line
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (line.find_first_of("{[") == std::string_view::npos || line.find('?') == std::string_view::npos) return {};
    return " (inside { } or [ ], put values that contain '?' in quotes: text: \"Ready?\")";
}

// ---- yaml-cpp's syntax errors, said in terms of what people get wrong ----
//
// yaml-cpp names the parser state ("end of map not found", "illegal map value") at the token where it gave up,
// often the line after the mistake. The mistakes behind them are few: a tab in the indentation, a line indented
// so that it lines up with no key above it, a missing ':' after a key (the line then continues the value above),
// and ': ' inside an unquoted value. The offending lines' text tells which.

struct Lines {
    std::vector<std::string_view> lines;  // without line ends
    explicit Lines(std::string_view text) {
        for (std::size_t start = 0; start <= text.size();) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            std::string_view l = text.substr(start, end - start);
            if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
            lines.push_back(l);
            start = end + 1;
        }
    }
    std::string_view at(int line) const {  // 1-based; "" outside
        return line >= 1 && line <= static_cast<int>(lines.size()) ? lines[static_cast<std::size_t>(line - 1)]
                                                                    : std::string_view();
    }
};

std::size_t indent_of(std::string_view l) {
    std::size_t i = 0;
    while (i < l.size() && l[i] == ' ') ++i;
    return i;
}

bool is_blank_or_comment(std::string_view l) {
    std::size_t i = l.find_first_not_of(" \t");
    return i == std::string_view::npos || l[i] == '#';
}

// The line after its indentation and any "- " list markers: where a key would start.
std::string_view content_of(std::string_view l) {
    std::size_t i = indent_of(l);
    while (i + 1 < l.size() && l[i] == '-' && l[i + 1] == ' ') {
        i += 2;
        while (i < l.size() && l[i] == ' ') ++i;
    }
    return l.substr(i);
}

// Where ': ' (or a ':' ending the line) separates a key from its value in unquoted text, or npos.
std::size_t key_colon(std::string_view content, std::size_t from = 0) {
    for (std::size_t i = from; i < content.size(); ++i) {
        if (content[i] == '#' && (i == 0 || content[i - 1] == ' ')) return std::string_view::npos;
        if (content[i] == ':' && (i + 1 == content.size() || content[i + 1] == ' ' || content[i + 1] == '\t'))
            return i;
    }
    return std::string_view::npos;
}

std::string spaces(std::size_t n) { return std::to_string(n) + (n == 1 ? " space" : " spaces"); }

struct Explained {
    SourcePos pos;
    std::string message;
};

// A tab among the leading whitespace of this line or the few above it.
std::optional<Explained> tab_indent(const Lines& lines, int line) {
    for (int l = line; l >= 1 && l >= line - 3; --l) {
        std::string_view t = lines.at(l);
        std::size_t ws = t.find_first_not_of(" \t");
        std::size_t tab = t.substr(0, ws).find('\t');
        if (tab != std::string_view::npos)
            return Explained{{l, static_cast<int>(tab) + 1},
                             "a tab in the indentation: YAML indents with spaces only (replace the tab with spaces)"};
    }
    return std::nullopt;
}

// The indentations of the lines above `line` that a line may line up with: the line just above, then each line
// less indented than every line between (the keys it is nested in).
std::vector<std::size_t> open_indents(const Lines& lines, int line) {
    std::vector<std::size_t> out;
    for (int l = line - 1; l >= 1; --l) {
        std::string_view t = lines.at(l);
        if (is_blank_or_comment(t)) continue;
        std::size_t key = t.size() - content_of(t).size();  // where a key on it starts, after any "- "
        for (std::size_t at : {key, indent_of(t)})
            if (out.empty() || at < out.back()) out.push_back(at);
        if (indent_of(t) == 0) break;
    }
    return out;
}

std::string list_of(const std::vector<std::size_t>& v) {
    std::vector<std::string> items;
    for (std::size_t n : v) items.push_back(std::to_string(n));
    return join_list(items, " or ");
}

std::optional<Explained> misaligned(const Lines& lines, int line) {
    std::string_view t = lines.at(line);
    if (is_blank_or_comment(t)) return std::nullopt;
    std::size_t at = indent_of(t);
    std::vector<std::size_t> open = open_indents(lines, line);
    if (open.empty() || std::find(open.begin(), open.end(), at) != open.end()) return std::nullopt;
    return Explained{{line, static_cast<int>(at) + 1},
                     "the indentation does not line up: this line is indented by " + spaces(at) +
                         ", the lines above it by " + list_of(open) +
                         "; indent the keys of one mapping (and the items of one list) by the same number of spaces"};
}

// "illegal map value": a ':' where no key may start. Either this line holds a second ': ' (an unquoted value
// with ': ' in it), or the line above lacks its ':' and so continued the value before it, or this line is
// indented under a key that already has a value.
std::optional<Explained> bad_map_value(const Lines& lines, int line, int column) {
    std::string_view t = lines.at(line);
    std::string_view content = content_of(t);
    const std::size_t offset = t.size() - content.size();
    std::size_t first = key_colon(content);
    if (first != std::string_view::npos && column >= 1 && offset + first + 1 < static_cast<std::size_t>(column)) {
        std::string_view key = content.substr(0, first);
        std::string_view value = content.substr(first + 1);
        value.remove_prefix(std::min(value.find_first_not_of(' '), value.size()));
        const bool has_quote = value.find('"') != std::string_view::npos;
        return Explained{{line, static_cast<int>(offset + first + 3)},
                         "a value that contains ': ' must be in quotes (write " + std::string(key) + ": " +
                             (has_quote ? "'" : "\"") + std::string(value) + (has_quote ? "'" : "\"") + ")"};
    }
    int above = line - 1;
    while (above >= 1 && is_blank_or_comment(lines.at(above))) --above;
    if (above < 1) return std::nullopt;
    std::string_view prev = lines.at(above);
    std::string_view prev_content = content_of(prev);
    const char c0 = prev_content.empty() ? '\0' : prev_content[0];
    if (key_colon(prev_content) == std::string_view::npos && std::string_view("\"'{[|>&*!%@`").find(c0) ==
                                                                   std::string_view::npos) {
        const std::size_t space = prev_content.find(' ');
        const std::string key(prev_content.substr(0, space));
        std::string msg = "missing ':' after '" + key + "'";
        if (space != std::string_view::npos) {
            std::string_view value = prev_content.substr(space);
            value.remove_prefix(std::min(value.find_first_not_of(' '), value.size()));
            msg += " (a key and its value are written '" + key + ": " + std::string(value) + "')";
        } else {
            msg += " (a key is followed by ':', as in '" + key + ":')";
        }
        return Explained{{above, static_cast<int>(prev.size() - prev_content.size() + key.size()) + 1}, msg};
    }
    if (indent_of(t) > indent_of(prev) + (prev.size() - prev_content.size() - indent_of(prev))) {
        const std::size_t colon = key_colon(prev_content);
        const std::string key(prev_content.substr(0, colon));
        const std::size_t key_at = prev.size() - prev_content.size();
        return Explained{{line, static_cast<int>(indent_of(t)) + 1},
                         "the indentation does not line up: this line is indented by " + spaces(indent_of(t)) +
                             ", deeper than '" + key + "' on the line above, which already has a value; indent it "
                             "by " + spaces(key_at) + " like '" + key + "'"};
    }
    return std::nullopt;
}

// An unclosed '{' or '[' before the mark (outside quotes and comments): yaml-cpp reports where it noticed, often
// lines later.
std::optional<Explained> unclosed_flow(std::string_view text, const YAML::Mark& m) {
    if (m.pos < 0) return std::nullopt;
    const std::size_t end = std::min(text.size(), static_cast<std::size_t>(m.pos));
    std::vector<std::pair<char, SourcePos>> open;
    int line = 1, column = 1;
    char quote = 0;
    bool comment = false;
    for (std::size_t i = 0; i < end; ++i) {
        const char c = text[i];
        if (c == '\n') { ++line; column = 1; comment = false; continue; }
        if (comment) { ++column; continue; }
        if (quote) {
            if (c == '\\' && quote == '"') { ++i; column += 2; continue; }
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            if (!open.empty() || column == 1 || text[i - 1] == ' ' || text[i - 1] == '[' || text[i - 1] == '{') quote = c;
        } else if (c == '#' && (column == 1 || text[i - 1] == ' ')) {
            comment = true;
        } else if (c == '{' || c == '[') {
            open.push_back({c, {line, column}});
        } else if ((c == '}' || c == ']') && !open.empty()) {
            open.pop_back();
        }
        ++column;
    }
    if (open.empty()) return std::nullopt;
    const auto& [bracket, pos] = open.back();  // the innermost: the first that needs closing
    return Explained{pos, std::string("this '") + bracket + "' is never closed (add the '" +
                              (bracket == '{' ? '}' : ']') + "' where the " + (bracket == '{' ? "mapping" : "list") +
                              " ends, on the same line or below)"};
}

std::optional<Explained> explain_syntax(std::string_view text, const YAML::Mark& m, const std::string& msg) {
    if (m.line < 0) return std::nullopt;
    const Lines lines(text);
    const int line = m.line + 1, column = m.column + 1;
    const bool structural = msg == YAML::ErrorMsg::MAP_VALUE || msg == YAML::ErrorMsg::END_OF_MAP ||
                            msg == YAML::ErrorMsg::END_OF_SEQ || msg == YAML::ErrorMsg::TAB_IN_INDENTATION ||
                            msg == YAML::ErrorMsg::BLOCK_ENTRY || msg == YAML::ErrorMsg::MAP_KEY;
    const bool flow = msg == YAML::ErrorMsg::END_OF_MAP_FLOW || msg == YAML::ErrorMsg::END_OF_SEQ_FLOW ||
                      msg == YAML::ErrorMsg::BLOCK_ENTRY || msg == YAML::ErrorMsg::FLOW_END;
    if (flow)
        if (auto e = unclosed_flow(text, m)) return e;
    if (!structural) return std::nullopt;
    if (auto e = tab_indent(lines, line)) return e;
    if (msg == YAML::ErrorMsg::MAP_VALUE)
        if (auto e = bad_map_value(lines, line, column)) return e;
    if (auto e = misaligned(lines, line)) return e;
    return std::nullopt;
}

SourcePos pos_of(const YAML::Mark& m) {
    if (m.line < 0) return {};
    return {m.line + 1, m.column + 1};
}

// Builds a Document from parser events, enforcing the limits as it goes so that a hostile document is stopped
// at the first offending event, not after it has been expanded. The children of an open sequence or mapping
// gather in its frame (frames and their vectors are reused, so they stop allocating once warm) and move into
// the document's arena, as one array, when it closes.
class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(const std::string& file, const ParseLimits& limits, std::string_view text)
        : file_(file), limits_(limits), text_(text) {}

    Document take_document() { return std::move(doc_); }
    bool has_root() const { return has_root_; }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        refuse_anchor(mark, anchor);
        Node n;
        n.kind = Node::Kind::Null;
        n.pos = pos_of(mark);
        add(n);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        fail(pos_of(mark), "aliases (*name) are not allowed: write the value out in full");
    }
    void OnAnchor(const YAML::Mark& mark, const std::string&) override {
        fail(pos_of(mark), "anchors (&name) are not allowed: write the value out in full");
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        refuse_anchor(mark, anchor);
        check_closed(mark);
        Node n;
        n.pos = pos_of(mark);
        n.quoted = tag != "?";
        // A plain ~ or null is YAML's null, as is an empty plain value.
        if (!n.quoted && (value == "~" || value == "null" || value == "Null" || value == "NULL")) {
            n.kind = Node::Kind::Null;
        } else {
            n.kind = Node::Kind::Scalar;
            n.scalar = store_text(value);
        }
        add(n);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        refuse_anchor(mark, anchor);
        Node n;
        n.kind = Node::Kind::Sequence;
        n.pos = pos_of(mark);
        open(n, mark);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        refuse_anchor(mark, anchor);
        Node n;
        n.kind = Node::Kind::Map;
        n.pos = pos_of(mark);
        open(n, mark);
    }
    void OnMapEnd() override { close(); }

private:
    using Entry = std::pair<Node, Node>;
    struct Frame {
        Node node;                        // kind and position; its children are set when it closes
        std::vector<Node> items;          // sequences: the items so far
        std::vector<Entry> entries;       // maps: the entries so far
        std::optional<Node> pending_key;  // maps: the key waiting for its value
        // Maps of more than kFewKeys entries: their keys (views of the arena's text, which never moves), so a
        // duplicate key is found without searching every entry (an answers file has one per question).
        std::unordered_set<std::string_view> keys;
    };
    // Up to this many entries a map's keys are searched in place: no set to fill for the maps of one question,
    // level or rule.
    static constexpr std::size_t kFewKeys = 16;

    // Whether `key` is a key of the map being built already.
    static bool has_key(Frame& map, std::string_view key) {
        if (map.entries.size() <= kFewKeys) {
            for (const auto& e : map.entries)
                if (e.first.scalar == key) return true;
            return false;
        }
        if (map.keys.empty())  // just past kFewKeys: the keys so far
            for (const auto& e : map.entries) map.keys.insert(e.first.scalar);
        return map.keys.count(key) > 0;
    }

    [[noreturn]] void fail(SourcePos pos, std::string message) {
        throw InputError(Diagnostic{file_, pos.line, pos.column, std::move(message)});
    }
    void refuse_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) OnAnchor(mark, "");
    }
    // yaml-cpp 0.7 ends a quoted scalar that is never closed at the end of the input instead of failing, so
    // `version: "1.0` swallowed the rest of the file and the error became "missing required key". The mark's
    // byte offset points at the opening quote; look for the closing one.
    void check_closed(const YAML::Mark& mark) {
        if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_.size()) return;
        const std::size_t start = static_cast<std::size_t>(mark.pos);
        const char quote = text_[start];
        if (quote != '"' && quote != '\'') return;
        for (std::size_t i = start + 1; i < text_.size(); ++i) {
            if (quote == '"' && text_[i] == '\\') { ++i; continue; }
            if (text_[i] != quote) continue;
            if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') { ++i; continue; }
            return;
        }
        fail(pos_of(mark), std::string("invalid YAML: this quoted value is never closed (add the closing ") + quote + ")");
    }
    void count(SourcePos pos) {
        if (++nodes_ > limits_.max_nodes)
            fail(pos, "the document has more than " + std::to_string(limits_.max_nodes) + " values");
    }
    std::string_view store_text(const std::string& value) {
        if (value.empty()) return {};
        char* at = static_cast<char*>(doc_.allocate(value.size(), 1));
        value.copy(at, value.size());  // a view into the arena: no terminating NUL is needed
        return {at, value.size()};
    }
    template <typename T>
    NodeSpan<T> store(const std::vector<T>& children) {
        if (children.empty()) return {};
        T* at = static_cast<T*>(doc_.allocate(sizeof(T) * children.size(), alignof(T)));
        std::uninitialized_copy(children.begin(), children.end(), at);
        return {at, children.size()};
    }
    void open(const Node& n, const YAML::Mark& mark) {
        count(n.pos);
        if (static_cast<int>(depth_) >= limits_.max_depth)
            fail(pos_of(mark), "nesting is deeper than " + std::to_string(limits_.max_depth) + " levels");
        if (depth_ == stack_.size()) stack_.emplace_back();
        Frame& f = stack_[depth_++];
        f.node = n;
        f.items.clear();
        f.entries.clear();
        f.pending_key.reset();
        f.keys.clear();
    }
    void close() {
        Frame& f = stack_[depth_ - 1];
        if (f.pending_key) fail(f.pending_key->pos, "a key without a value");
        Node n = f.node;
        if (n.kind == Node::Kind::Sequence)
            n.items = store(f.items);
        else
            n.entries = store(f.entries);
        --depth_;
        add(n);
    }
    void add(Node n) {
        if (n.kind == Node::Kind::Scalar || n.kind == Node::Kind::Null) count(n.pos);
        if (depth_ == 0) {
            doc_.set_root(n);
            has_root_ = true;
            return;
        }
        Frame& top = stack_[depth_ - 1];
        if (top.node.kind == Node::Kind::Sequence) {
            top.items.push_back(n);
            return;
        }
        if (!top.pending_key) {
            if (n.kind == Node::Kind::Null) {
                n.kind = Node::Kind::Scalar;  // an empty key is the empty string
            } else if (n.kind != Node::Kind::Scalar) {
                fail(n.pos, "keys must be plain strings, not " + std::string(kind_name(n.kind)));
            }
            if (has_key(top, n.scalar)) fail(n.pos, "duplicate key '" + std::string(n.scalar) + "' in this mapping");
            top.pending_key = n;
            return;
        }
        top.entries.emplace_back(*top.pending_key, n);
        top.pending_key.reset();
        if (!top.keys.empty()) top.keys.insert(top.entries.back().first.scalar);
    }

    const std::string& file_;
    const ParseLimits& limits_;
    std::string_view text_;
    std::vector<Frame> stack_;  // the open sequences and maps are its first depth_ frames; the rest are for reuse
    std::size_t depth_ = 0;
    Document doc_;
    bool has_root_ = false;
    std::size_t nodes_ = 0;
};

// A stream buffer over text that outlives it, read in place.
class TextBuf : public std::streambuf {
public:
    explicit TextBuf(std::string_view text) {
        // The get area is only read (a put-back moves the read position back over the same bytes).
        char* begin = const_cast<char*>(text.data());
        setg(begin, begin, begin + text.size());
    }
};

// Stops at the first event of a second document.
class SecondDocumentGuard : public YAML::EventHandler {
public:
    explicit SecondDocumentGuard(const std::string& file) : file_(file) {}
    void OnDocumentStart(const YAML::Mark& mark) override {
        SourcePos p = pos_of(mark);
        throw InputError(Diagnostic{file_, p.line, p.column,
                                    "more than one YAML document in the file: keep one (remove '---' separators)"});
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

private:
    const std::string& file_;
};

}  // namespace

Document parse_yaml(std::string_view text, const std::string& file, const ParseLimits& limits) {
    if (text.size() > limits.max_bytes)
        throw InputError(Diagnostic{file, 0, 0,
                                    "the file is larger than " + std::to_string(limits.max_bytes >> 20) +
                                        " MiB; is it the right file?"});
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte order mark
    if (text.size() >= 2 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF"))
        throw InputError(Diagnostic{file, 1, 1, "the file is UTF-16 (it starts with a UTF-16 byte order mark): "
                                                "save it as UTF-8"});
    if (text.size() >= 4 && text.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4))
        throw InputError(Diagnostic{file, 1, 1, "the file is UTF-32 (it starts with a UTF-32 byte order mark): "
                                                "save it as UTF-8"});
    if (auto problem = check_text(text))
        throw InputError(Diagnostic{file, problem->pos.line, problem->pos.column, problem->message});

    TextBuf buf(text);  // yaml-cpp reads a stream: this one reads `text` in place, no copy of the file
    std::istream in(&buf);
    try {
        YAML::Parser parser(in);
        TreeBuilder builder(file, limits, text);
        if (!parser.HandleNextDocument(builder) || !builder.has_root())
            throw InputError(Diagnostic{file, 0, 0, "the file is empty"});
        SecondDocumentGuard guard(file);
        parser.HandleNextDocument(guard);
        return builder.take_document();
    } catch (const YAML::Exception& e) {  // ParserException included
        if (auto x = explain_syntax(text, e.mark, e.msg))
            throw InputError(Diagnostic{file, x->pos.line, x->pos.column, "invalid YAML: " + x->message});
        SourcePos p = pos_of(e.mark);
        throw InputError(Diagnostic{file, p.line, p.column, "invalid YAML: " + e.msg + flow_hint(text, e.mark)});
    }
}

// ---- field access ----

void check_keys(const Node& map, DiagnosticSink& sink, std::initializer_list<std::string_view> allowed,
                std::string_view where) {
    for (const auto& [key, value] : map.entries) {
        bool known = false;
        for (auto a : allowed) known = known || a == key.scalar;
        if (known) continue;
        std::vector<std::string> names(allowed.begin(), allowed.end());
        std::string hint = nearest(std::string(key.scalar), names);
        std::string msg = "unknown key '" + std::string(key.scalar) + "' in " + std::string(where);
        if (!hint.empty()) {
            msg += did_you_mean(hint);
        } else {
            msg += " (expected one of:";
            for (auto a : allowed) msg += " " + std::string(a);
            msg += ")";
        }
        sink.error(key.pos.line, key.pos.column, msg);
    }
}

const Node* field(const Node& map, std::string_view key, DiagnosticSink& sink, bool required,
                  std::string_view where) {
    const Node* n = map.get(key);
    if (!n && required)
        sink.error(map.pos.line, map.pos.column,
                   "missing required key '" + std::string(key) + "' in " + std::string(where));
    return n;
}

bool expect_kind(const Node& node, Node::Kind kind, DiagnosticSink& sink, std::string_view what) {
    if (node.kind == kind) return true;
    sink.error(node.pos.line, node.pos.column,
               std::string(what) + " must be " + kind_name(kind) + ", not " + kind_name(node.kind));
    return false;
}

std::optional<std::string> read_string(const Node& node, DiagnosticSink& sink, std::string_view what) {
    if (!expect_kind(node, Node::Kind::Scalar, sink, what)) return std::nullopt;
    return std::string(node.scalar);
}

std::optional<long long> read_int(const Node& node, DiagnosticSink& sink, std::string_view what) {
    if (!expect_kind(node, Node::Kind::Scalar, sink, what)) return std::nullopt;
    long long v = 0;
    const std::string_view s = node.scalar;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (node.quoted || ec != std::errc() || ptr != s.data() + s.size()) {
        sink.error(node.pos.line, node.pos.column,
                   std::string(what) + " must be a whole number, not '" + std::string(s) + "'");
        return std::nullopt;
    }
    return v;
}

std::optional<bool> read_bool(const Node& node, DiagnosticSink& sink, std::string_view what) {
    if (!expect_kind(node, Node::Kind::Scalar, sink, what)) return std::nullopt;
    // YAML 1.2's core schema: true/false only (not yes/no, which YAML 1.1 read as booleans), never quoted.
    const std::string_view s = node.scalar;
    if (!node.quoted && (s == "true" || s == "True" || s == "TRUE")) return true;
    if (!node.quoted && (s == "false" || s == "False" || s == "FALSE")) return false;
    sink.error(node.pos.line, node.pos.column,
               std::string(what) + " must be true or false, not '" + std::string(s) + "'");
    return std::nullopt;
}

std::optional<double> read_number(const Node& node, DiagnosticSink& sink, std::string_view what) {
    if (!expect_kind(node, Node::Kind::Scalar, sink, what)) return std::nullopt;
    const std::string s(node.scalar);  // strtod reads up to a NUL
    char* end = nullptr;
    double v = s.empty() || node.quoted ? NAN : std::strtod(s.c_str(), &end);
    if (s.empty() || node.quoted || end != s.c_str() + s.size() || !std::isfinite(v)) {
        sink.error(node.pos.line, node.pos.column, std::string(what) + " must be a number, not '" + s + "'");
        return std::nullopt;
    }
    return v;
}

std::optional<std::vector<std::string>> read_string_list(const Node& node, DiagnosticSink& sink,
                                                         std::string_view what) {
    if (!expect_kind(node, Node::Kind::Sequence, sink, what)) return std::nullopt;
    std::vector<std::string> out;
    bool ok = true;
    for (const auto& item : node.items) {
        auto s = read_string(item, sink, std::string("each item of ") + std::string(what));
        if (s) out.push_back(*s);
        else ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
}

}  // namespace mm
