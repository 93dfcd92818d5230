#include "mm/background_save.hpp"

#include <pthread.h>
#include <signal.h>

#include <utility>

namespace mm {

BackgroundSave::BackgroundSave() {
    sigset_t all, previous;
    sigfillset(&all);
    ::pthread_sigmask(SIG_BLOCK, &all, &previous);  // the new thread inherits the mask
    thread_ = std::thread([this] { loop(); });
    ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

BackgroundSave::~BackgroundSave() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void BackgroundSave::loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] { return pending_ || stopping_; });
        if (!pending_) return;  // stopping, and everything is written
        Job job = std::move(pending_);
        pending_ = nullptr;
        running_ = true;
        lock.unlock();
        std::exception_ptr error;
        try {
            job();
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        running_ = false;
        if (error) error_ = error;
        changed_.notify_all();
    }
}

void BackgroundSave::rethrow_error(std::unique_lock<std::mutex>& lock) {
    if (!error_) return;
    std::exception_ptr error = std::exchange(error_, nullptr);
    lock.unlock();
    std::rethrow_exception(error);
}

void BackgroundSave::save(Job job) {
    std::unique_lock<std::mutex> lock(mutex_);
    rethrow_error(lock);
    pending_ = std::move(job);
    lock.unlock();
    changed_.notify_all();
}

void BackgroundSave::flush() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !pending_ && !running_; });
    rethrow_error(lock);
}

}  // namespace mm
