// write_file_atomic: what it does to the file it writes, and to whatever already has that name (docs/limits.md,
// "Output files"). Every write the tool makes goes through it: -o of each command, init -o, scan -o and the
// interactive autosave (--save). Cases that need root (device nodes, other owners) say so and pass without
// checking anything when not root; CI runs them as root.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "mm/diagnostics.hpp"
#include "mm/output.hpp"

namespace fs = std::filesystem;
using mm::write_file_atomic;

namespace {

struct TempDir {
    std::string path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "mm-output-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return path + "/" + name; }
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void put(const std::string& path, const std::string& text, mode_t mode) {
    std::ofstream(path, std::ios::binary) << text;
    REQUIRE(::chmod(path.c_str(), mode) == 0);
}

struct stat lstat_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st;
}

// The message of the OutputError that `f` throws, or "" when it throws none.
template <typename F>
std::string output_error(F&& f) {
    try {
        f();
    } catch (const mm::OutputError& e) {
        return e.what();
    }
    return "";
}

std::size_t temp_files_in(const std::string& dir) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp.") != std::string::npos) ++n;
    return n;
}

bool root() { return ::geteuid() == 0; }

}  // namespace

TEST_CASE("a new file gets the content and the umask's mode") {
    TempDir d;
    const mode_t old = ::umask(027);
    write_file_atomic(d / "new.txt", "content\n");
    ::umask(old);
    CHECK(slurp(d / "new.txt") == "content\n");
    CHECK((lstat_of(d / "new.txt").st_mode & 07777) == 0640);
}

TEST_CASE("a directory is not a destination") {
    TempDir d;
    fs::create_directory(d / "dir");
    fs::create_symlink("dir", d / "link-to-dir");
    CHECK(output_error([&] { write_file_atomic(d / "dir", "x"); }).find("it is a directory") != std::string::npos);
    CHECK(output_error([&] { write_file_atomic(d / "link-to-dir", "x"); }).find("it is a directory") !=
          std::string::npos);
    CHECK(fs::is_symlink(d / "link-to-dir"));
    CHECK(temp_files_in(d.path) == 0);
}

TEST_CASE("a symbolic link is followed: its target is replaced, the link kept") {
    TempDir d;
    fs::create_directory(d / "real");
    put(d / "real/answers.yaml", "old\n", 0644);
    // A relative link in another directory, through a second link: the chain is followed to the end, and
    // relative targets are taken from the directory of the link that holds them.
    fs::create_directory(d / "work");
    fs::create_symlink("../real/answers.yaml", d / "work/hop");
    fs::create_symlink("hop", d / "work/answers.yaml");
    write_file_atomic(d / "work/answers.yaml", "new\n");
    CHECK(fs::is_symlink(d / "work/answers.yaml"));
    CHECK(fs::read_symlink(d / "work/answers.yaml") == "hop");
    CHECK(fs::is_symlink(d / "work/hop"));
    CHECK(slurp(d / "real/answers.yaml") == "new\n");
    CHECK(S_ISREG(lstat_of(d / "real/answers.yaml").st_mode));
    // The temporary file was made next to the target (a rename cannot cross file systems), and is gone.
    CHECK(temp_files_in(d / "real") == 0);
    CHECK(temp_files_in(d / "work") == 0);
}

TEST_CASE("the stale temporary files removed are the target's, in the target's directory") {
    TempDir d;
    fs::create_directory(d / "real");
    put(d / "real/out.json", "old\n", 0644);
    fs::create_symlink("real/out.json", d / "link.json");
    put(d / "real/out.json.tmp.AbC123", "left by a killed run\n", 0600);
    put(d / "link.json.tmp.AbC123", "not ours\n", 0600);
    const std::string old_time =
        "touch -d '2 hours ago' " + d / "real/out.json.tmp.AbC123" + " " + d / "link.json.tmp.AbC123";
    REQUIRE(std::system(old_time.c_str()) == 0);
    write_file_atomic(d / "link.json", "new\n");
    CHECK(slurp(d / "real/out.json") == "new\n");
    CHECK_FALSE(fs::exists(d / "real/out.json.tmp.AbC123"));
    CHECK(fs::exists(d / "link.json.tmp.AbC123"));
}

TEST_CASE("a dangling symbolic link: its target is created, the link kept") {
    TempDir d;
    fs::create_directory(d / "real");
    fs::create_symlink("real/report.json", d / "report.json");
    write_file_atomic(d / "report.json", "{}\n");
    CHECK(fs::is_symlink(d / "report.json"));
    CHECK(slurp(d / "real/report.json") == "{}\n");
    // A target in a directory that does not exist cannot be made; the link stays as it was.
    fs::create_symlink("nowhere/report.json", d / "lost.json");
    CHECK(output_error([&] { write_file_atomic(d / "lost.json", "{}\n"); }).find("cannot write " + d / "lost.json") !=
          std::string::npos);
    CHECK(fs::is_symlink(d / "lost.json"));
}

TEST_CASE("a loop of symbolic links is an error, and the links are kept") {
    TempDir d;
    fs::create_symlink("b", d / "a");
    fs::create_symlink("a", d / "b");
    const std::string msg = output_error([&] { write_file_atomic(d / "a", "x"); });
    CHECK(msg.find(std::strerror(ELOOP)) != std::string::npos);
    CHECK(fs::is_symlink(d / "a"));
    CHECK(fs::is_symlink(d / "b"));
}

TEST_CASE("a FIFO is written into, not replaced") {
    TempDir d;
    REQUIRE(::mkfifo((d / "fifo").c_str(), 0644) == 0);
    // The reading end is open first, so opening the FIFO for writing does not wait; the content fits in the pipe.
    int reader = ::open((d / "fifo").c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reader >= 0);
    write_file_atomic(d / "fifo", "through the pipe\n");
    char buf[64] = {};
    ssize_t n = ::read(reader, buf, sizeof buf);
    ::close(reader);
    CHECK(std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0) == "through the pipe\n");
    CHECK(S_ISFIFO(lstat_of(d / "fifo").st_mode));
    CHECK(temp_files_in(d.path) == 0);
}

TEST_CASE("device nodes are written into, not replaced (root)") {
    if (!root()) {
        WARN("not root: mknod is not permitted, device nodes not checked");
        return;
    }
    TempDir d;
    // Private nodes for /dev/null and /dev/full: if the write replaced them, nothing outside this directory is hurt.
    if (::mknod((d / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
        WARN("mknod failed (a container without CAP_MKNOD?): device nodes not checked");
        return;
    }
    REQUIRE(::mknod((d / "full").c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0);
    write_file_atomic(d / "null", "discarded\n");
    CHECK(S_ISCHR(lstat_of(d / "null").st_mode));
    CHECK(lstat_of(d / "null").st_rdev == makedev(1, 3));
    // /dev/full: the write fails with ENOSPC, reported as the write error it is; the node stays.
    const std::string msg = output_error([&] { write_file_atomic(d / "full", "no room\n"); });
    CHECK(msg == "cannot write " + d / "full" + ": writing: " + std::strerror(ENOSPC));
    CHECK(S_ISCHR(lstat_of(d / "full").st_mode));
    // A link to a device: the device is written, the link kept.
    fs::create_symlink("null", d / "sink");
    write_file_atomic(d / "sink", "discarded\n");
    CHECK(fs::is_symlink(d / "sink"));
    CHECK(S_ISCHR(lstat_of(d / "null").st_mode));
    CHECK(temp_files_in(d.path) == 0);
}

TEST_CASE("a link owned by another user in a shared sticky directory is not followed (root)") {
    if (!root()) {
        WARN("not root: lchown is not permitted, links of other users not checked");
        return;
    }
    TempDir d;
    fs::create_directory(d / "shared");
    REQUIRE(::chmod((d / "shared").c_str(), 01777) == 0);
    put(d / "precious", "keep\n", 0644);
    // Planted by someone else where anyone may create files, as in /tmp: following it would let that user choose
    // which of root's files gets replaced (the kernel's fs.protected_symlinks rule).
    fs::create_symlink(d / "precious", d / "shared/report.json");
    if (::lchown((d / "shared/report.json").c_str(), 65534, 65534) != 0) {
        WARN("lchown failed (uid 65534 not mapped in this container?): links of other users not checked");
        return;
    }
    const std::string msg = output_error([&] { write_file_atomic(d / "shared/report.json", "x"); });
    CHECK(msg.find("owned by another user") != std::string::npos);
    CHECK(slurp(d / "precious") == "keep\n");
    CHECK(fs::is_symlink(d / "shared/report.json"));
    // Its owner's own link, or one in a directory that is not shared, is followed.
    REQUIRE(::lchown((d / "shared/report.json").c_str(), 0, 0) == 0);
    write_file_atomic(d / "shared/report.json", "mine\n");
    CHECK(slurp(d / "precious") == "mine\n");
    REQUIRE(::chmod((d / "shared").c_str(), 0777) == 0);
    REQUIRE(::lchown((d / "shared/report.json").c_str(), 65534, 65534) == 0);
    write_file_atomic(d / "shared/report.json", "again\n");
    CHECK(slurp(d / "precious") == "again\n");
}

TEST_CASE("a replaced file keeps its mode, without setuid, setgid and sticky bits") {
    TempDir d;
    const mode_t old = ::umask(022);
    for (mode_t mode : {0600, 0640, 0664, 0444}) {
        put(d / "answers.yaml", "old\n", mode);
        write_file_atomic(d / "answers.yaml", "new\n");
        CHECK(slurp(d / "answers.yaml") == "new\n");
        CHECK((lstat_of(d / "answers.yaml").st_mode & 07777) == mode);
    }
    put(d / "answers.yaml", "old\n", 07755);
    write_file_atomic(d / "answers.yaml", "new\n");
    CHECK((lstat_of(d / "answers.yaml").st_mode & 07777) == 0755);
    ::umask(old);
}

TEST_CASE("a replaced file keeps its owner and group (root)") {
    if (!root()) {
        WARN("not root: chown is not permitted, owners not checked");
        return;
    }
    TempDir d;
    put(d / "answers.yaml", "old\n", 0600);
    if (::chown((d / "answers.yaml").c_str(), 65534, 65533) != 0) {
        WARN("chown failed (uid 65534 not mapped in this container?): owners not checked");
        return;
    }
    write_file_atomic(d / "answers.yaml", "new\n");
    const struct stat st = lstat_of(d / "answers.yaml");
    CHECK(st.st_uid == 65534);
    CHECK(st.st_gid == 65533);
    CHECK((st.st_mode & 07777) == 0600);
}
