// osc_bench — what broadcasting costs and what it delivers, on loopback.
//
//   osc_bench [--checks N] [--rounds N]      (one JSON object per line)
//   osc_bench --lifetime N                   (5. only)
//
// 1. throughput: the GitHub example's workload at full speed with a
//    real-time OscBroadcaster sending to a loopback listener (OscCounter),
//    bundling on and off: events the hooks saw, dropped (queue full),
//    delivered (counted by the listener), per second of VM time. Also the
//    sender alone, fed by a bare loop of hook calls instead of the VM.
// 2. slowdown: the same workload with no observer, with a broadcaster and a
//    listener, and with a broadcaster and nobody listening; best of rounds,
//    rounds interleaved so machine noise hits every variant alike.
// 3. latency: arrival minus timetag (= capture time of a bundle's first
//    event) on loopback, for a trickle of events and under full VM load.
// 4. hook cost: the time of one hook call in real-time mode, to show the VM
//    never stalls (there is no wait on that path; the tail is the OS).
// 5. lifetime: `Polar p;` + load + one query, N times, median: with no
//    observer, with a broadcaster of its own per Polar (what POLAR_OSC did
//    before 1.1: a thread and sockets each), with one shared broadcaster
//    (what it does now), and through POLAR_OSC itself when it is set.
#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <polar/osc/broadcaster.hpp>
#include <polar/osc/environment.hpp>
#include <polar/polar.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "dataset.hpp"
#include "osc_receiver.hpp"
#include "registration.hpp"
#include "workload.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using polar::bench::OscCounter;
using polar::osc::OscBroadcaster;

double quantile(std::vector<double> values, double q) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1))];
}

polar::osc::OscOptions optionsTo(const std::string& destination, bool bundling = true) {
    polar::osc::OscOptions options;
    options.destinations = {destination};
    options.bundling = bundling;
    return options;
}

// Waits (bounded) until the sender has taken everything from the queue.
void settle(const OscBroadcaster& osc) {
    for (int k = 0; k < 5000; ++k) {
        const auto s = osc.stats();
        if (s.sent + s.dropped >= s.captured) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

struct Workload {
    github::DataSet data = github::generateDataSet({});
    // Seconds for `checks` isAllowed calls on a fresh Polar with `observer`.
    double run(std::uint64_t checks, polar::Observer* observer) {
        polar::Polar polar;
        github::loadPolicy(polar);
        if (observer) polar.addObserver(*observer);
        github::Workload workload(data, github::parseMix(github::kDefaultMix), 42);
        const auto start = Clock::now();
        for (std::uint64_t k = 0; k < checks; ++k) github::decide(polar, data, workload.next());
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (observer) polar.removeObserver(*observer);
        return seconds;
    }
};

void throughputVm(Workload& workload, std::uint64_t checks, bool bundling) {
    OscCounter counter;
    OscBroadcaster::Stats stats{};
    double seconds = 0;
    std::vector<double> lateness;
    {
        OscBroadcaster osc(optionsTo(counter.destination(), bundling));
        seconds = workload.run(checks, &osc);
        settle(osc);
        stats = osc.stats();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    counter.stop();
    const auto received = static_cast<double>(counter.events());
    std::printf(
        "{\"name\":\"throughput_vm_%s\",\"captured\":%llu,\"dropped\":%llu,\"sent\":%llu,"
        "\"received\":%.0f,\"vm_s\":%.3f,\"captured_per_s\":%.0f,\"delivered_per_s\":%.0f,"
        "\"late_p50_us\":%.1f,\"late_p99_us\":%.1f}\n",
        bundling ? "bundled" : "unbundled", static_cast<unsigned long long>(stats.captured),
        static_cast<unsigned long long>(stats.dropped), static_cast<unsigned long long>(stats.sent),
        received, seconds, static_cast<double>(stats.captured) / seconds, received / seconds,
        quantile(counter.lateness(), 0.5), quantile(counter.lateness(), 0.99));
}

// The sender's own capacity: hook calls as fast as one thread can make them
// (several times faster than the VM makes events, so most are dropped; what
// arrives is what the sender can do).
void throughputPipeline(bool bundling) {
    OscCounter counter;
    OscBroadcaster::Stats stats{};
    double seconds = 0;
    {
        OscBroadcaster osc(optionsTo(counter.destination(), bundling));
        const auto start = Clock::now();
        int depth = 0;
        while (Clock::now() - start < std::chrono::seconds(1)) {
            for (int k = 0; k < 256; ++k, depth = (depth + 1) & 31)
                osc.onDepthChange({1, depth, depth - 1});
        }
        seconds = std::chrono::duration<double>(Clock::now() - start).count();
        settle(osc);
        stats = osc.stats();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    counter.stop();
    std::printf(
        "{\"name\":\"throughput_sender_%s\",\"captured\":%llu,\"dropped\":%llu,"
        "\"received\":%llu,\"captured_per_s\":%.0f,\"delivered_per_s\":%.0f}\n",
        bundling ? "bundled" : "unbundled", static_cast<unsigned long long>(stats.captured),
        static_cast<unsigned long long>(stats.dropped),
        static_cast<unsigned long long>(counter.events()),
        static_cast<double>(stats.captured) / seconds,
        static_cast<double>(counter.events()) / seconds);
}

void slowdown(Workload& workload, std::uint64_t checks, int rounds) {
    std::vector<double> none, listened, unheard;
    OscCounter counter;
    OscCounter gone; // bound, then stopped: a port nobody reads
    const std::string deadPort = gone.destination();
    gone.stop();
    workload.run(checks / 4, nullptr); // warm-up
    for (int r = 0; r < rounds; ++r) {
        none.push_back(workload.run(checks, nullptr));
        {
            OscBroadcaster osc(optionsTo(counter.destination()));
            listened.push_back(workload.run(checks, &osc));
        }
        {
            OscBroadcaster osc(optionsTo(deadPort));
            unheard.push_back(workload.run(checks, &osc));
        }
    }
    // Best of rounds (as run_all.py does for the hooks) and the median.
    std::printf(
        "{\"name\":\"slowdown_github\",\"checks\":%llu,\"no_observer_s\":%.4f,"
        "\"ratio_listener\":%.3f,\"ratio_nobody\":%.3f,"
        "\"median_ratio_listener\":%.3f,\"median_ratio_nobody\":%.3f}\n",
        static_cast<unsigned long long>(checks), quantile(none, 0),
        quantile(listened, 0) / quantile(none, 0), quantile(unheard, 0) / quantile(none, 0),
        quantile(listened, 0.5) / quantile(none, 0.5),
        quantile(unheard, 0.5) / quantile(none, 0.5));
}

void latencyTrickle() {
    OscCounter counter;
    {
        OscBroadcaster osc(optionsTo(counter.destination()));
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> gapUs(200, 2000);
        for (int k = 0; k < 2000; ++k) {
            osc.onBacktrack({1, k & 7});
            std::this_thread::sleep_for(std::chrono::microseconds(gapUs(rng)));
        }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    counter.stop();
    std::printf(
        "{\"name\":\"latency_trickle\",\"bundles\":%zu,\"p50_us\":%.1f,\"p99_us\":%.1f,"
        "\"max_us\":%.1f}\n",
        counter.lateness().size(), quantile(counter.lateness(), 0.5),
        quantile(counter.lateness(), 0.99), quantile(counter.lateness(), 1.0));
}

void hookCost() {
    OscCounter counter;
    OscBroadcaster osc(optionsTo(counter.destination()));
    std::vector<double> ns;
    ns.reserve(1'000'000);
    for (int k = 0; k < 1'000'000; ++k) {
        const auto before = Clock::now();
        osc.onDepthChange({1, k & 31, (k - 1) & 31});
        ns.push_back(std::chrono::duration<double, std::nano>(Clock::now() - before).count());
        if ((k & 255) == 255) std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
    const auto stats = osc.stats();
    std::printf(
        "{\"name\":\"hook_cost\",\"calls\":%zu,\"dropped\":%llu,\"p50_ns\":%.0f,"
        "\"p999_ns\":%.0f,\"max_ns\":%.0f}\n",
        ns.size(), static_cast<unsigned long long>(stats.dropped), quantile(ns, 0.5),
        quantile(ns, 0.999), quantile(ns, 1.0));
}

template <class Attach>
double medianLifetimeUs(int n, Attach attach) {
    std::vector<double> us;
    for (int k = 0; k < n; ++k) {
        const auto start = Clock::now();
        {
            polar::Polar polar;
            auto held = attach(polar); // destroyed after the Polar, as required
            polar.loadString("f(1);");
            if (polar.query("f(x)").collect().size() != 1) std::abort();
            if (held) polar.removeObserver(*held);
        }
        us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }
    return quantile(us, 0.5);
}

void lifetime(int n) {
    polar::osc::OscOptions options;
    options.destinations = {"127.0.0.1:9"}; // discard: nobody needs to listen
    const auto shared = std::make_shared<OscBroadcaster>(options);
    const bool env = polar::osc::environmentBroadcaster() != nullptr;
    // With POLAR_OSC set every Polar also gets the environment's broadcaster.
    const double none = medianLifetimeUs(n, [](polar::Polar&) { return std::shared_ptr<OscBroadcaster>(); });
    const double own = medianLifetimeUs(n, [&](polar::Polar& p) {
        auto osc = std::make_shared<OscBroadcaster>(options);
        p.addObserver(*osc);
        return osc;
    });
    const double one = medianLifetimeUs(n, [&](polar::Polar& p) {
        p.addObserver(*shared);
        return shared;
    });
    std::printf("{\"bench\":\"lifetime\",\"n\":%d,\"polar_osc_env\":%s,\"baseline_us\":%.1f,"
                "\"own_broadcaster_us\":%.1f,\"shared_broadcaster_us\":%.1f}\n",
                n, env ? "true" : "false", none, own, one);
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 3 && !std::strcmp(argv[1], "--lifetime")) {
        lifetime(std::max(1, std::atoi(argv[2])));
        return 0;
    }
    std::uint64_t checks = 200'000;
    int rounds = 5;
    for (int k = 1; k + 1 < argc; k += 2) {
        if (!std::strcmp(argv[k], "--checks")) checks = std::strtoull(argv[k + 1], nullptr, 10);
        if (!std::strcmp(argv[k], "--rounds")) rounds = std::max(1, std::atoi(argv[k + 1]));
    }
    Workload workload;
    throughputVm(workload, checks, true);
    throughputVm(workload, checks, false);
    throughputPipeline(true);
    throughputPipeline(false);
    slowdown(workload, checks / 4, rounds);
    latencyTrickle();
    hookCost();
    return 0;
}
