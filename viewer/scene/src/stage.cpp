#include "polar/viewer/stage.hpp"

#include <algorithm>
#include <cmath>

namespace polar::viewer {
namespace {

// 360 / φ²: the hue step between one source's family and the next.
constexpr double kGoldenAngle = 137.50776405003785;

double approach(double value, double target, double follow) { return value + (target - value) * follow; }

} // namespace

Stage::Stage(StageConfig config) : m_config(config) {}

Lane* Stage::find(const std::string& key) {
    for (auto& lane : m_lanes)
        if (lane->key == key) return lane.get();
    return nullptr;
}

const Lane* Stage::lane(const std::string& key) const {
    for (const auto& lane : m_lanes)
        if (lane->key == key) return lane.get();
    return nullptr;
}

Lane* Stage::open(const std::string& key) {
    if (m_lanes.size() >= m_config.maxLanes) {
        if (std::find(m_ignored.begin(), m_ignored.end(), key) == m_ignored.end()) {
            ++m_ignoredSources;
            if (m_ignored.size() < m_config.maxLanes * 4) m_ignored.push_back(key);
        }
        return nullptr;
    }
    auto lane = std::make_unique<Lane>();
    lane->key = key;
    lane->hue = std::fmod(m_config.scene.baseHue + kGoldenAngle * static_cast<double>(m_sourcesSeen), 360.0);
    SceneConfig config = m_config.scene;
    config.baseHue = lane->hue;
    lane->scene = std::make_unique<Scene>(config);
    ++m_sourcesSeen;
    m_lanes.push_back(std::move(lane));
    layout();
    Lane* opened = m_lanes.back().get();
    opened->region = opened->target;  // a newcomer fades in where it belongs
    return opened;
}

// A sender that announced itself has its own lane; anything else from its
// host shares the host's.
std::string Stage::laneKey(const std::string& sender, const SceneEvent& event) {
    if (sender.empty()) return "replay";
    const bool announced = std::find(m_announced.begin(), m_announced.end(), sender) != m_announced.end();
    if (event.kind == EventKind::Hello && !announced) {
        // 256 announced senders: far more than lanes, so none is forgotten
        // while it could still be on screen.
        if (m_announced.size() >= 256) m_announced.pop_front();
        m_announced.push_back(sender);
        return sender;
    }
    if (announced) return sender;
    return sender.substr(0, sender.rfind(':'));
}

int Stage::apply(const std::string& sender, const SceneEvent& event) {
    const std::string key = laneKey(sender, event);
    Lane* lane = find(key);
    if (!lane) lane = open(key);
    if (!lane) {
        ++m_ignoredEvents;
        return -1;
    }
    lane->scene->apply(event);
    ++lane->events;
    lane->silentSeconds = 0;
    if (lane->fading) {
        lane->fading = false;
        layout();
    }
    for (std::size_t k = 0; k < m_lanes.size(); ++k)
        if (m_lanes[k].get() == lane) return static_cast<int>(k);
    return -1;
}

// Columns up to three, then the squarest grid; fading lanes keep their
// place until they are gone, so nothing jumps while one leaves.
void Stage::layout() {
    const std::size_t n = m_lanes.size();
    if (n == 0) return;
    const std::size_t columns = n <= 3 ? n : static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(n))));
    const std::size_t rows = (n + columns - 1) / columns;
    for (std::size_t k = 0; k < n; ++k) {
        Region& r = m_lanes[k]->target;
        r.width = 1.0 / static_cast<double>(columns);
        r.height = 1.0 / static_cast<double>(rows);
        r.x = static_cast<double>(k % columns) * r.width;
        r.y = static_cast<double>(k / columns) * r.height;
    }
    applyHues();
}

void Stage::applyHues() {
    // Alone, a lane walks the whole circle (the single-sender look); with
    // company, each keeps to its family.
    const double spread = m_lanes.size() > 1 ? m_config.familySpread : 0.0;
    for (std::size_t k = 0; k < m_lanes.size(); ++k) {
        Lane& lane = *m_lanes[k];
        lane.shownHue = m_hueMap ? m_hueMap(k, lane.hue) : lane.hue;
        lane.scene->setHueFamily(lane.shownHue, spread);
    }
}

void Stage::setHueMap(HueMap map) {
    m_hueMap = std::move(map);
    applyHues();
}

void Stage::setFlashesPerSecond(int perSecond) {
    m_config.scene.flashesPerSecond = perSecond;
    for (auto& lane : m_lanes) lane->scene->setFlashesPerSecond(perSecond);
}

void Stage::advance(double seconds) {
    if (seconds <= 0) return;
    m_time += seconds;
    const double follow = 1.0 - std::exp(-m_config.layoutRate * seconds);
    bool removed = false;
    for (auto& lane : m_lanes) lane->silentSeconds += seconds;
    const auto talking = [&](const Lane& lane) { return lane.silentSeconds < m_config.silentAfterSeconds; };
    const auto live = std::count_if(m_lanes.begin(), m_lanes.end(), [&](const auto& lane) { return talking(*lane); });
    for (auto& lane : m_lanes) {
        lane->scene->advance(seconds);
        // A silent source fades only while another one talks: a screen
        // whose every sender paused keeps its picture, idling, rather than
        // going black.
        if (!lane->fading && !talking(*lane) && live > 0) lane->fading = true;
        if (lane->fading) {
            lane->opacity = std::max(0.0, lane->opacity - seconds / m_config.fadeOutSeconds);
        } else {
            lane->opacity = std::min(1.0, lane->opacity + seconds / m_config.fadeInSeconds);
        }
        Region& r = lane->region;
        const Region& t = lane->target;
        r.x = approach(r.x, t.x, follow);
        r.y = approach(r.y, t.y, follow);
        r.width = approach(r.width, t.width, follow);
        r.height = approach(r.height, t.height, follow);
    }
    const auto gone = [](const std::unique_ptr<Lane>& lane) { return lane->fading && lane->opacity <= 0; };
    for (auto it = m_lanes.begin(); it != m_lanes.end();) {
        if (gone(*it)) {
            it = m_lanes.erase(it);
            removed = true;
        } else {
            ++it;
        }
    }
    if (removed) {
        m_ignored.clear();  // room again: refused sources may come in
        layout();
    }
}

} // namespace polar::viewer
