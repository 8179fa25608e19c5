// stage.hpp — several senders on one screen: one Scene per source, each in
// its own region and hue family, fading in when it starts and out when it
// goes silent.
//
// A source is told apart by the socket it sends from and its /polar/hello:
// a sender that said hello from "127.0.0.1:50123" (every Polar AV program
// does, first, and keeps one socket for its life) gets that lane; two
// `polar-github` processes are two lanes. Messages from a port that never
// said hello share one lane per host ("127.0.0.1"): hand-made messages
// (oscsend, a TouchOSC fader) come from a new port each time, and must not
// open a lane each. A recording (empty sender) is one lane, "replay". A
// restart of one sender (a new hello from the same port) is that lane's
// business, as it always was the Scene's.
//
// Layout: the live lanes share the frame as columns (up to three, which
// keeps each at least 16:27 on a 16:9 screen), then as a grid. Regions and
// opacities are eased, so a source arriving or leaving slides the others
// aside instead of cutting. Colour: lane k's hue family starts at the
// golden angle times k from the first one's blue; alone, a lane walks the
// whole circle as it always did; with company, each stays within ± 40° of
// its own hue, so the two halves of the screen never take each other's colours.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "polar/viewer/scene.hpp"

namespace polar::viewer {

// In view units: the frame is 1 × 1.
struct Region {
    double x = 0, y = 0, width = 1, height = 1;
};

struct StageConfig {
    SceneConfig scene;  // each lane's scene; its hue family is set per lane
    // Silence after which a source starts to fade: longer than any pause of
    // a paced sender (polar live passes every few seconds keep theirs).
    double silentAfterSeconds = 8.0;
    double fadeOutSeconds = 2.0;
    double fadeInSeconds = 0.5;
    // Regions follow the layout at this rate per second (exponential).
    double layoutRate = 4.0;
    // Lanes drawn at once: a 3 × 3 grid at 1280 × 720 leaves each lane
    // 427 × 240 pixels, the smallest in which nested squares still read.
    // Sources beyond it are counted (ignoredSources), not drawn.
    std::size_t maxLanes = 9;
    // A lane's hue range when it shares the screen (degrees either side).
    double familySpread = 40.0;
};

struct Lane {
    std::string key;
    std::unique_ptr<Scene> scene;
    double hue = 210;       // the family's base hue, degrees
    double shownHue = 210;  // after the performer's palette (setHueMap)
    double opacity = 0;     // eased 0..1
    Region region;          // eased
    Region target;          // where the layout wants it
    double silentSeconds = 0;
    bool fading = false;    // silent long enough: on its way out
    std::uint64_t events = 0;
};

class Stage {
public:
    explicit Stage(StageConfig config = {});

    // `sender` is "address:port", or empty for a recording. Returns the
    // index of the lane that took the event (the sound's stereo place), or
    // -1 when there was no room for its sender.
    int apply(const std::string& sender, const SceneEvent& event);
    void advance(double seconds);
    // Every lane's flash limit, and that of lanes still to come (0 lifts it).
    void setFlashesPerSecond(int perSecond);
    // How a lane's shown hue family follows from its place and its own hue
    // (a performer's palette and hue shift, /viewer/palette, /viewer/hue).
    // Applied now and at every layout; an empty map is the lanes' own hues.
    using HueMap = std::function<double(std::size_t lane, double ownHue)>;
    void setHueMap(HueMap map);

    const std::vector<std::unique_ptr<Lane>>& lanes() const { return m_lanes; }
    // The lane of `key`, or null.
    const Lane* lane(const std::string& key) const;
    std::uint64_t ignoredSources() const { return m_ignoredSources; }
    std::uint64_t ignoredEvents() const { return m_ignoredEvents; }
    // Sources ever seen (lanes that came and went included).
    std::uint64_t sourcesSeen() const { return m_sourcesSeen; }
    double time() const { return m_time; }

private:
    std::string laneKey(const std::string& sender, const SceneEvent& event);
    Lane* find(const std::string& key);
    Lane* open(const std::string& key);
    void layout();
    void applyHues();

    StageConfig m_config;
    HueMap m_hueMap;
    std::vector<std::unique_ptr<Lane>> m_lanes;
    std::vector<std::string> m_ignored;  // keys refused for want of room (bounded by maxLanes * 4)
    // Senders (address:port) that said hello, oldest first; bounded, since
    // a port is reused by later senders anyway.
    std::deque<std::string> m_announced;
    std::uint64_t m_ignoredSources = 0;
    std::uint64_t m_ignoredEvents = 0;
    std::uint64_t m_sourcesSeen = 0;
    double m_time = 0;
};

} // namespace polar::viewer
