// The user's terminal for the interactive assessment: single keys in raw mode, prompts, width and colour.
// The walk (mm/prompt.hpp) only sees the `Terminal` interface, so unit tests script whole sessions with a fake.
#pragma once

#include <memory>
#include <string>

namespace mm {

struct Key {
    enum class Kind {
        Char,       // `ch` holds the key: a printable character, '\n' for Enter, '\b' for Backspace
        Left,       // the left arrow (the walk treats it as "back")
        Other,      // any other escape sequence or control key
        Interrupt,  // SIGINT, SIGTERM or SIGHUP arrived: stop, keeping what is saved
        Closed,     // the terminal went away (end of input, or a read error)
    };
    Kind kind = Kind::Char;
    char ch = 0;

    static Key character(char c) { return Key{Kind::Char, c}; }
};

class Terminal {
public:
    virtual ~Terminal() = default;
    // Blocks for the next key press; never throws.
    virtual Key read_key() = 0;
    // Writes text as is ('\n' ends a line); errors (a closed terminal) are ignored.
    virtual void write(const std::string& text) = 0;
    // Columns, read again on every call so a resized terminal is followed.
    virtual int width() = 0;
    virtual bool color() const = 0;
};

// The controlling terminal, /dev/tty, for both keys and prompts, so standard output stays free for the report
// (`assess -f json > report.json`). While it exists the terminal is in raw mode (no line editing, no echo;
// signals and output processing stay on), and SIGINT, SIGTERM and SIGHUP are caught: installed with sigaction
// without SA_RESTART, they only record the signal and wake read_key(), which returns Key::Kind::Interrupt.
// Ctrl-Z restores the terminal before stopping and raw mode comes back on `fg`. restore() or the destructor
// put the terminal and the signal dispositions back as they were.
class PosixTerminal final : public Terminal {
public:
    // nullptr when there is no terminal to open. `color_mode` is auto|always|never, decided by use_color.
    static std::unique_ptr<PosixTerminal> open(const std::string& color_mode);
    ~PosixTerminal() override;
    PosixTerminal(const PosixTerminal&) = delete;
    PosixTerminal& operator=(const PosixTerminal&) = delete;

    Key read_key() override;
    void write(const std::string& text) override;
    int width() override;
    bool color() const override { return color_; }

    // Leaves raw mode and uninstalls the handlers; write() still works afterwards. Idempotent.
    void restore();
    // The signal that interrupted the session (SIGINT, SIGTERM, SIGHUP), or 0.
    static int caught_signal();

private:
    PosixTerminal(int fd, bool color);
    int fd_;
    bool color_;
    bool raw_ = false;
    int wake_fd_ = -1;     // read end of the self-pipe the signal handlers write to
    std::string pending_;  // bytes read but not yet returned as keys
};

// Whether output is coloured: the one policy, for reports on standard output and the interactive walk alike.
// `mode` is --color: always and never decide; auto colours a terminal unless NO_COLOR is set and not empty
// (no-color.org) or TERM is dumb. Pure: `no_color` and `term` are the variables (nullptr when unset).
bool color_policy(const std::string& mode, const char* no_color, const char* term, bool is_terminal);
// color_policy with this process's environment and whether `fd` is a terminal.
bool use_color(const std::string& mode, int fd);

// Columns of the terminal on `fd`, else $COLUMNS (a number from 1 to 9999), else 80: the one reading of the width,
// for the walk (PosixTerminal::width) and for text reports on standard output alike.
int terminal_width(int fd);

// Splits the start of `bytes` (what one read() returned) into one key; returns how many bytes it used.
// Exposed for tests.
std::size_t decode_key(const std::string& bytes, Key& out);

}  // namespace mm
