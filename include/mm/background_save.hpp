// Saving on a thread of its own, so that a key press is answered before the disk is (the autosave of the
// interactive assessment: two fsyncs per answer, ~10 ms, while drawing the next question takes ~0.3 ms).
// save() hands over the latest state and returns at once; a save still waiting is replaced by the newer one
// (only the latest state matters); flush() waits until the latest state is written. Every way out of the owner
// must flush: the destructor does it too (so an exception unwinding past it loses nothing), but only flush()
// reports a failed write.
#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace mm {

class BackgroundSave {
public:
    using Job = std::function<void()>;

    // Starts the thread, with every signal blocked in it, so that signal handlers (terminal.cpp) run on the
    // thread that reads keys.
    BackgroundSave();
    // Runs the write under way and the one waiting, if any, then ends the thread; errors are dropped.
    ~BackgroundSave();
    BackgroundSave(const BackgroundSave&) = delete;
    BackgroundSave& operator=(const BackgroundSave&) = delete;

    // Queues `job` in place of any job still waiting. Throws the error of an earlier job, if one failed since the
    // last save() or flush() (the job is then not queued).
    void save(Job job);
    // Waits until no job is waiting or running; throws the error of a job that failed since the last save() or
    // flush().
    void flush();

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    Job pending_;
    bool running_ = false;
    bool stopping_ = false;
    std::exception_ptr error_;
    std::thread thread_;

    void loop();
    void rethrow_error(std::unique_lock<std::mutex>& lock);
};

}  // namespace mm
