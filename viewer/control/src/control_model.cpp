// control_model.cpp — see control_model.hpp.
#include "polar/viewer/control_model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace polar::viewer {

namespace {

// Smoothstep: a ramp that starts and ends at rest, so a glide has no
// visible corner when it begins or lands.
double ease(double t) { return t * t * (3 - 2 * t); }

bool isNumber(const ControlArg& arg) { return std::holds_alternative<double>(arg); }

} // namespace

ControlModel::ControlModel(std::vector<ParamSpec> params) : m_params(std::move(params)), m_state(m_params.size()) {
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        if (m_params[i].id != static_cast<Param>(i))
            throw std::logic_error("control table out of order at " + m_params[i].path);
        m_state[i].current = m_state[i].target = m_state[i].from = m_params[i].initial;
    }
    m_beat.setBpm(value(Param::Tempo));
}

const ParamSpec* ControlModel::find(std::string_view path) const {
    for (const ParamSpec& spec : m_params)
        if (spec.path == path) return &spec;
    return nullptr;
}

std::optional<double> ControlModel::toValue(const ParamSpec& spec, const ControlArg& arg) const {
    if (spec.kind == ParamKind::Choice && !isNumber(arg)) {
        const auto& name = std::get<std::string>(arg);
        const auto it = std::find(spec.choices.begin(), spec.choices.end(), name);
        if (it == spec.choices.end()) return std::nullopt;
        return static_cast<double>(it - spec.choices.begin());
    }
    if (!isNumber(arg)) return std::nullopt;
    const double number = std::get<double>(arg);
    if (!std::isfinite(number)) return std::nullopt;
    if (spec.kind == ParamKind::Choice && (number < spec.min - 0.5 || number > spec.max + 0.5))
        return std::nullopt;  // a choice out of the list is a mistake, not "the last one"
    double value = std::clamp(number, spec.min, spec.max);
    if (spec.kind != ParamKind::Real) value = std::round(value);
    return value;
}

double ControlModel::glideSeconds(const ParamSpec& spec) const {
    if (spec.kind != ParamKind::Real || !spec.smooth) return 0;
    if (spec.id == Param::Blackout) return value(Param::Fade);
    return value(Param::Smoothing);
}

void ControlModel::setTarget(std::size_t i, double value, double seconds) {
    State& state = m_state[i];
    if (value != state.target) state.changed = true;
    state.target = value;
    state.from = state.current;
    state.elapsed = 0;
    state.duration = seconds;
    if (seconds <= 0) state.current = value;
    if (m_params[i].id == Param::Tempo) m_beat.setBpm(value);
}

ControlModel::Outcome ControlModel::set(std::string_view path, const std::vector<ControlArg>& args, double now) {
    const ParamSpec* spec = find(path);
    if (spec == nullptr) return Outcome::Unknown;
    const std::size_t i = index(spec->id);
    if (spec->kind == ParamKind::Trigger) {
        const ControlArg arg = args.empty() ? ControlArg{spec->min} : args.front();
        if (spec->id == Param::Tap) {
            if (m_beat.tap(now)) setTarget(index(Param::Tempo), std::round(m_beat.bpm() * 10) / 10, 0);
            return Outcome::Accepted;
        }
        const std::optional<double> value = toValue(*spec, arg);
        if (!value) return Outcome::Mistyped;
        m_actions.push_back(Action{spec->id, static_cast<int>(*value)});
        return Outcome::Action;
    }
    if (args.empty()) {
        if (spec->kind != ParamKind::Toggle) return Outcome::Mistyped;
        setTarget(i, m_state[i].target >= 0.5 ? 0.0 : 1.0, 0);
        return Outcome::Accepted;
    }
    const std::optional<double> value = toValue(*spec, args.front());
    if (!value) return Outcome::Mistyped;
    setTarget(i, *value, glideSeconds(*spec));
    return Outcome::Accepted;
}

void ControlModel::set(Param id, double value) {
    const ParamSpec& spec = m_params[index(id)];
    if (const auto checked = toValue(spec, ControlArg{value})) setTarget(index(id), *checked, glideSeconds(spec));
}

std::vector<ControlModel::Action> ControlModel::takeActions() { return std::exchange(m_actions, {}); }

void ControlModel::advance(double dt) {
    if (!(dt > 0) || !std::isfinite(dt)) return;
    for (State& state : m_state) {
        if (state.current == state.target) continue;
        state.elapsed += dt;
        if (state.elapsed >= state.duration) state.current = state.target;
        else state.current = state.from + (state.target - state.from) * ease(state.elapsed / state.duration);
    }
    for (PendingChoice& pending : m_pendingChoices) {
        pending.wait -= dt;
        if (pending.wait <= 0) setTarget(pending.param, pending.value, 0);
    }
    std::erase_if(m_pendingChoices, [](const PendingChoice& p) { return p.wait <= 0; });
    m_beat.advance(dt);
}

const std::string& ControlModel::choice(Param id) const {
    const ParamSpec& spec = m_params[index(id)];
    static const std::string none;
    if (spec.choices.empty()) return none;
    const auto at = static_cast<std::size_t>(std::clamp(integer(id), 0, static_cast<int>(spec.choices.size() - 1)));
    return spec.choices[at];
}

std::vector<Param> ControlModel::changed() {
    std::vector<Param> out;
    for (std::size_t i = 0; i < m_state.size(); ++i)
        if (std::exchange(m_state[i].changed, false)) out.push_back(m_params[i].id);
    return out;
}

Preset ControlModel::snapshot(std::string name) const {
    Preset preset{std::move(name), {}};
    for (const ParamSpec& spec : m_params) {
        if (!spec.inPresets) continue;
        const double target = m_state[index(spec.id)].target;
        if (spec.kind == ParamKind::Choice) {
            const auto at = static_cast<std::size_t>(std::clamp(target, 0.0, spec.max));
            preset.values.emplace_back(spec.path, at < spec.choices.size() ? ControlArg{spec.choices[at]} : ControlArg{target});
        } else {
            preset.values.emplace_back(spec.path, target);
        }
    }
    return preset;
}

std::size_t ControlModel::recall(const Preset& preset, double seconds) {
    std::size_t skipped = 0;
    seconds = std::isfinite(seconds) ? std::max(seconds, 0.0) : 0.0;
    for (const auto& [path, arg] : preset.values) {
        const ParamSpec* spec = find(path);
        const std::optional<double> value = spec && spec->inPresets ? toValue(*spec, arg) : std::nullopt;
        if (!value) {
            ++skipped;
            continue;
        }
        const std::size_t i = index(spec->id);
        if (spec->kind == ParamKind::Real) setTarget(i, *value, seconds);
        else if (seconds <= 0) setTarget(i, *value, 0);
        else m_pendingChoices.push_back(PendingChoice{i, *value, seconds / 2});
    }
    return skipped;
}

} // namespace polar::viewer
