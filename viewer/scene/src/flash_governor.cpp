#include "polar/viewer/flash_governor.hpp"

#include <algorithm>
#include <cmath>

namespace polar::viewer {

// The run after one more value: the rule of flash_governor.hpp, step by step.
TransitionMeter::Run TransitionMeter::step(Run run, double v, const FlashRule& rule) {
    if (!run.started) {
        run.started = true;
        run.start = run.extreme = v;
        return run;
    }
    if (run.direction == 0) {
        if (std::fabs(v - run.start) >= rule.hysteresis) {
            run.direction = v > run.start ? 1 : -1;
            run.extreme = v;
        }
    } else if ((v - run.extreme) * run.direction >= 0) {
        run.extreme = v;
    } else if (std::fabs(v - run.extreme) >= rule.hysteresis) {
        run.start = run.extreme;
        run.direction = -run.direction;
        run.extreme = v;
        run.counted = false;
    }
    return run;
}

bool TransitionMeter::completes(const Run& run, double threshold) const {
    if (run.counted || run.direction == 0) return false;
    if (std::fabs(run.extreme - run.start) < threshold) return false;
    return std::min(run.start, run.extreme) < m_rule.darkLimit;
}

bool TransitionMeter::update(double value) {
    m_run = step(m_run, value, m_rule);
    m_last = value;
    if (!completes(m_run, m_rule.threshold)) return false;
    m_run.counted = true;
    return true;
}

bool TransitionMeter::wouldComplete(double value, double margin) const {
    return completes(step(m_run, value, m_rule), m_rule.threshold - margin);
}

int mostInAnyWindow(const std::vector<bool>& completed, std::size_t frames) {
    int most = 0, inside = 0;
    for (std::size_t i = 0; i < completed.size(); ++i) {
        inside += completed[i] ? 1 : 0;
        if (i >= frames) inside -= completed[i - frames] ? 1 : 0;  // the frame that left the window
        most = std::max(most, inside);
    }
    return most;
}

FlashGovernor::FlashGovernor(std::vector<FlashRule> rules, GovernorConfig config)
    : m_completions(rules.size()), m_config(config) {
    m_meters.reserve(rules.size());
    for (const FlashRule& rule : rules) m_meters.emplace_back(rule);
}

int FlashGovernor::recent(std::size_t channel, double now) const {
    const auto& times = m_completions[channel];
    return static_cast<int>(std::count_if(times.begin(), times.end(),
                                          [&](double t) { return t > now - m_config.windowSeconds; }));
}

bool FlashGovernor::spent(std::size_t channel, double now) const {
    return recent(channel, now) >= m_config.budget;
}

double FlashGovernor::admit(std::span<const double> shown, std::span<const double> candidate,
                            double now) const {
    double weight = 1.0;
    const std::size_t n = std::min({m_meters.size(), shown.size(), candidate.size()});
    for (std::size_t k = 0; k < n; ++k) {
        const TransitionMeter& meter = m_meters[k];
        const double from = shown[k], to = candidate[k];
        auto at = [&](double w) { return from + w * (to - from); };
        if (!spent(k, now) || !meter.wouldComplete(at(weight), m_config.margin)) continue;
        // The largest safe weight on this channel: completion is monotonic
        // in w along the segment, and w = 0 (shown again) never completes.
        double safe = 0, unsafe = weight;
        for (int i = 0; i < 20; ++i) {
            const double mid = (safe + unsafe) / 2;
            (meter.wouldComplete(at(mid), m_config.margin) ? unsafe : safe) = mid;
        }
        weight = safe;
    }
    return weight;
}

void FlashGovernor::record(std::span<const double> shown, double now) {
    const std::size_t n = std::min(m_meters.size(), shown.size());
    for (std::size_t k = 0; k < n; ++k) {
        auto& times = m_completions[k];
        while (!times.empty() && times.front() <= now - m_config.windowSeconds) times.pop_front();
        if (m_meters[k].update(shown[k])) times.push_back(now);
    }
}

} // namespace polar::viewer
