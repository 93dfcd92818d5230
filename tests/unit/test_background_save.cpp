// BackgroundSave (the interactive autosave's thread): the latest state wins, nothing handed over is lost on the way
// out, and a failed write is reported.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "catch.hpp"
#include "mm/background_save.hpp"

using namespace mm;

namespace {

// A gate the first job waits at, so a test decides when the disk "answers".
struct Gate {
    std::mutex m;
    std::condition_variable cv;
    bool open = false;
    bool reached = false;
    void wait() {
        std::unique_lock<std::mutex> lock(m);
        reached = true;
        cv.notify_all();
        cv.wait(lock, [this] { return open; });
    }
    void wait_reached() {
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [this] { return reached; });
    }
    void release() {
        std::lock_guard<std::mutex> lock(m);
        open = true;
        cv.notify_all();
    }
};

}  // namespace

TEST_CASE("BackgroundSave: save returns at once, and while a write runs only the latest of the next ones is written") {
    Gate gate;
    std::mutex m;
    std::vector<std::string> written;
    BackgroundSave saver;
    auto job = [&](const std::string& state) {
        return [&, state] {
            if (state == "1") gate.wait();
            std::lock_guard<std::mutex> lock(m);
            written.push_back(state);
        };
    };
    saver.save(job("1"));
    gate.wait_reached();  // "1" is being written and blocks
    saver.save(job("2"));
    saver.save(job("3"));  // replaces "2", which never started
    gate.release();
    saver.flush();
    CHECK(written == std::vector<std::string>{"1", "3"});
}

TEST_CASE("BackgroundSave: flush waits for the write under way and the one waiting") {
    Gate gate;
    std::atomic<int> done{0};
    BackgroundSave saver;
    saver.save([&] {
        gate.wait();
        ++done;
    });
    gate.wait_reached();
    saver.save([&] { ++done; });
    std::thread opener([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        gate.release();
    });
    saver.flush();
    CHECK(done == 2);
    opener.join();
}

TEST_CASE("BackgroundSave: leaving without flush (an exception unwinding) still writes what was handed over") {
    Gate gate;
    std::atomic<int> done{0};
    std::thread opener;
    {
        BackgroundSave saver;
        saver.save([&] {
            gate.wait();
            ++done;
        });
        gate.wait_reached();
        saver.save([&] { ++done; });
        opener = std::thread([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            gate.release();
        });
    }
    CHECK(done == 2);
    opener.join();
}

TEST_CASE("BackgroundSave: a failed write is thrown by the next save or by flush, once") {
    BackgroundSave saver;
    saver.save([] { throw std::runtime_error("disk full"); });
    CHECK_THROWS_WITH(saver.flush(), "disk full");
    CHECK_NOTHROW(saver.flush());
    Gate gate;
    saver.save([&] {
        gate.wait();
        throw std::runtime_error("disk full again");
    });
    gate.wait_reached();
    gate.release();
    // Once the failed write has ended, the next save reports it.
    std::string error;
    for (int i = 0; i < 500 && error.empty(); ++i) {
        try {
            saver.save([] {});
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        } catch (const std::runtime_error& e) {
            error = e.what();
        }
    }
    CHECK(error == "disk full again");
    CHECK_NOTHROW(saver.flush());
}
