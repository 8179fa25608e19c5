// Limits::cancel: a flag another thread (or a signal handler) sets to stop a
// running query — what `polar live` uses so Ctrl-C ends a pass at once,
// whatever the query is doing.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include <polar/polar.hpp>

TEST_CASE("Limits::cancel stops a running query", "[limits][cancel]") {
    polar::Polar p;
    p.loadString("loop(n) if loop(n + 1);\nlong(x) if x = [1, 2, 3] and long(x);");
    std::atomic<bool> cancel{false};
    p.limits().cancel = &cancel;
    p.limits().timeout = std::chrono::minutes(10);  // only the flag can end these queries

    SECTION("set from another thread while the query runs") {
        std::atomic<bool> started{false};
        struct Started : polar::Observer {
            std::atomic<bool>* flag;
            void onRuleCall(const polar::RuleCallEvent&) override { flag->store(true); }
        } observer;
        observer.flag = &started;
        std::thread canceller([&] {
            while (!started.load()) std::this_thread::yield();
            cancel.store(true);
        });
        p.addObserver(observer);
        try {
            p.query("loop(0)").next();
            FAIL("the query ended without an error");
        } catch (const polar::Error& error) {
            CHECK(error.name() == "RuntimeError::Cancelled");
        }
        p.removeObserver(observer);
        canceller.join();
    }
    SECTION("already set: the query ends at its first check, unobserved too") {
        cancel.store(true);
        CHECK_THROWS_WITH(p.query("long(_)").next(), Catch::Contains("cancelled"));
    }
    SECTION("cleared again: queries run") {
        cancel.store(false);
        p.limits().maxSteps = 10'000;
        CHECK_THROWS_WITH(p.query("loop(0)").next(), Catch::Contains("steps"));
    }
}
