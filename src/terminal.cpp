#include "mm/terminal.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <cstring>

namespace mm {

namespace {

// State the signal handlers need. Signal handlers can reach nothing else, so this is the one place with
// mutable globals; they are set before the handlers are installed and cleared after they are removed.
volatile std::sig_atomic_t g_signal = 0;     // the stopping signal caught, or 0
volatile std::sig_atomic_t g_wake_fd = -1;   // write end of the self-pipe that wakes read_key()
volatile std::sig_atomic_t g_tty_fd = -1;    // the terminal, for Ctrl-Z
struct termios g_cooked {};                   // the terminal as we found it
struct termios g_raw {};

constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[3];
struct sigaction g_previous_tstp;

void wake() {
    const int saved = errno;
    if (g_wake_fd >= 0) {
        [[maybe_unused]] ssize_t n = ::write(g_wake_fd, "!", 1);
    }
    errno = saved;
}

void on_stop_signal(int sig) {
    g_signal = sig;
    wake();
}

void install(int sig, void (*handler)(int), struct sigaction* previous) {
    struct sigaction sa {};
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a blocked read() returns EINTR instead of waiting for a key
    ::sigaction(sig, &sa, previous);
}

// Ctrl-Z: give the shell a sane terminal, stop, and take raw mode back when continued.
void on_tstp(int) {
    const int saved = errno;
    if (g_tty_fd >= 0) ::tcsetattr(g_tty_fd, TCSANOW, &g_cooked);
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    ::sigaction(SIGTSTP, &dfl, nullptr);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    ::sigprocmask(SIG_UNBLOCK, &set, nullptr);
    ::raise(SIGTSTP);  // stops here until SIGCONT
    install(SIGTSTP, on_tstp, nullptr);
    if (g_tty_fd >= 0) ::tcsetattr(g_tty_fd, TCSANOW, &g_raw);
    errno = saved;
}

}  // namespace

bool color_policy(const std::string& mode, const char* no_color, const char* term, bool is_terminal) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    if (no_color && *no_color) return false;
    if (term && std::strcmp(term, "dumb") == 0) return false;
    return is_terminal;
}

bool use_color(const std::string& mode, int fd) {
    return color_policy(mode, std::getenv("NO_COLOR"), std::getenv("TERM"), ::isatty(fd) == 1);
}

std::size_t decode_key(const std::string& bytes, Key& out) {
    if (bytes.empty()) {
        out = Key{Key::Kind::Other, 0};
        return 0;
    }
    const unsigned char c = static_cast<unsigned char>(bytes[0]);
    if (c == 0x1b) {
        if (bytes.size() >= 2 && (bytes[1] == '[' || bytes[1] == 'O')) {
            std::size_t i = 2;
            while (i < bytes.size() && !(bytes[i] >= 0x40 && bytes[i] <= 0x7e)) ++i;
            const bool complete = i < bytes.size();
            out = Key{complete && bytes[i] == 'D' ? Key::Kind::Left : Key::Kind::Other, 0};
            return complete ? i + 1 : bytes.size();
        }
        out = Key{Key::Kind::Other, 0};
        return bytes.size() >= 2 ? 2 : 1;  // a lone Escape, or Alt+key
    }
    if (c == '\r' || c == '\n') {
        // A terminal sends CR for Enter; CR LF (a paste) is still one Enter.
        out = Key::character('\n');
        return (c == '\r' && bytes.size() >= 2 && bytes[1] == '\n') ? 2 : 1;
    }
    if (c == 0x7f || c == 0x08) {
        out = Key::character('\b');
        return 1;
    }
    if (c == 0x04) {  // Ctrl-D: the usual "I am done" in a terminal, taken as quit
        out = Key::character('q');
        return 1;
    }
    if (c < 0x20) {
        out = Key{Key::Kind::Other, 0};
        return 1;
    }
    if (c >= 0x80) {  // a UTF-8 sequence: one key, none of ours
        std::size_t n = (c >= 0xf0) ? 4 : (c >= 0xe0) ? 3 : (c >= 0xc0) ? 2 : 1;
        out = Key{Key::Kind::Other, 0};
        return n < bytes.size() ? n : bytes.size();
    }
    out = Key::character(static_cast<char>(c));
    return 1;
}

std::unique_ptr<PosixTerminal> PosixTerminal::open(const std::string& color_mode) {
    int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct termios cooked {};
    if (::tcgetattr(fd, &cooked) != 0) {
        ::close(fd);
        return nullptr;
    }
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) {
        ::close(fd);
        return nullptr;
    }
    for (int p : pipe_fds) {
        ::fcntl(p, F_SETFD, FD_CLOEXEC);
        ::fcntl(p, F_SETFL, ::fcntl(p, F_GETFL) | O_NONBLOCK);
    }
    g_wake_fd = pipe_fds[1];
    g_signal = 0;
    g_cooked = cooked;
    g_raw = cooked;
    g_raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO | IEXTEN));  // ISIG stays: Ctrl-C is SIGINT
    g_raw.c_iflag &= static_cast<tcflag_t>(~IXON);                      // Ctrl-S must not freeze the screen
    g_raw.c_cc[VQUIT] = _POSIX_VDISABLE;  // Ctrl-\ would kill us with a core dump and leave the tty raw
    g_raw.c_cc[VMIN] = 1;
    g_raw.c_cc[VTIME] = 0;
    g_tty_fd = fd;

    std::unique_ptr<PosixTerminal> t(new PosixTerminal(fd, use_color(color_mode, fd)));
    t->wake_fd_ = pipe_fds[0];
    for (std::size_t i = 0; i < 3; ++i) install(kStopSignals[i], on_stop_signal, &g_previous[i]);
    install(SIGTSTP, on_tstp, &g_previous_tstp);
    if (::tcsetattr(fd, TCSANOW, &g_raw) == 0) t->raw_ = true;
    return t;
}

PosixTerminal::PosixTerminal(int fd, bool color) : fd_(fd), color_(color) {}

PosixTerminal::~PosixTerminal() {
    restore();
    ::close(fd_);
}

void PosixTerminal::restore() {
    if (g_tty_fd < 0) return;
    // With the signals held, take the handlers away before the terminal goes back to cooked mode: a Ctrl-Z in
    // between would otherwise run on_tstp, which switches raw mode back on at `fg`, after we are gone.
    sigset_t held, previous_mask;
    ::sigemptyset(&held);
    for (int sig : kStopSignals) ::sigaddset(&held, sig);
    ::sigaddset(&held, SIGTSTP);
    ::pthread_sigmask(SIG_BLOCK, &held, &previous_mask);
    for (std::size_t i = 0; i < 3; ++i) ::sigaction(kStopSignals[i], &g_previous[i], nullptr);
    ::sigaction(SIGTSTP, &g_previous_tstp, nullptr);
    if (raw_) ::tcsetattr(fd_, TCSANOW, &g_cooked);
    raw_ = false;
    g_tty_fd = -1;
    const int w = g_wake_fd;
    g_wake_fd = -1;
    ::close(w);
    ::close(wake_fd_);
    wake_fd_ = -1;
    ::pthread_sigmask(SIG_SETMASK, &previous_mask, nullptr);  // a signal held meanwhile now acts as it would have
}

int PosixTerminal::caught_signal() { return g_signal; }

Key PosixTerminal::read_key() {
    Key key;
    for (;;) {
        if (g_signal) return Key{Key::Kind::Interrupt, 0};
        if (!pending_.empty()) {
            pending_.erase(0, decode_key(pending_, key));
            return key;
        }
        struct pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
        int n = ::poll(fds, wake_fd_ >= 0 ? 2 : 1, -1);
        if (n < 0) {
            if (errno == EINTR) continue;  // a signal: the loop checks what it was
            return Key{Key::Kind::Closed, 0};
        }
        if (g_signal) return Key{Key::Kind::Interrupt, 0};
        if (wake_fd_ >= 0 && (fds[1].revents & POLLIN)) {
            char drain[16];
            while (::read(wake_fd_, drain, sizeof drain) > 0) {
            }
        }
        if (fds[0].revents & POLLIN) {
            char buf[64];
            ssize_t got = ::read(fd_, buf, sizeof buf);
            if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            if (got <= 0) return Key{Key::Kind::Closed, 0};
            pending_.append(buf, static_cast<std::size_t>(got));
            continue;
        }
        if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) return Key{Key::Kind::Closed, 0};
    }
}

void PosixTerminal::write(const std::string& text) {
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;  // the terminal is gone; nothing sensible to do
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

int terminal_width(int fd) {
    struct winsize ws {};
    if (::isatty(fd) == 1 && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    if (const char* columns = std::getenv("COLUMNS")) {
        int n = 0;
        auto [p, ec] = std::from_chars(columns, columns + std::strlen(columns), n);
        if (ec == std::errc() && n > 0 && n < 10000) return n;
    }
    return 80;
}

int PosixTerminal::width() { return terminal_width(fd_); }

}  // namespace mm
