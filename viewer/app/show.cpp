#include "show.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "coaster_view.hpp"

namespace polar::viewer {

Show::Show(Renderer& renderer, std::unique_ptr<Theme> theme, bool safe)
    : m_renderer(renderer), m_theme(std::move(theme)), m_coaster(std::make_unique<CoasterView>()) {
    m_compositor.setEnabled(safe);
}

bool Show::setTheme(std::string_view name) {
    if (name == m_theme->name()) return true;
    auto theme = makeTheme(name);
    if (!theme) return false;
    m_theme = std::move(theme);
    return true;
}

void Show::draw(sf::RenderTarget& target, const Stage& stage, HudInfo& hud, const RenderOptions& options,
                const Look& look) {
    const sf::Vector2u size = target.getSize();
    if (!m_compositor.resize(size.x, size.y)) throw std::runtime_error("cannot create the off-screen frame textures");
    const sf::Vector2f pixels(size);
    FrameView frame;
    frame.time = stage.time();
    frame.dt = m_lastTime < 0 ? 1.0 / 60 : std::max(0.0, stage.time() - m_lastTime);
    m_lastTime = stage.time();
    frame.labels = options.labels;
    frame.font = m_renderer.font();
    frame.trail = look.trail;
    frame.bpm = look.bpm;
    frame.pulse = look.pulse;
    m_drawn.clear();
    if (stage.lanes().empty()) {
        m_waiting.advance(frame.dt);
        frame.lanes.push_back(LaneView{&m_waiting, sf::FloatRect(0, 0, pixels.x, pixels.y), 1.0f, 210});
        m_drawn.emplace_back(&m_waiting, frame.lanes.back().rect);
    }
    const auto& lanes = stage.lanes();
    const bool solo = look.solo >= 1 && static_cast<std::size_t>(look.solo) <= lanes.size();
    for (std::size_t k = 0; k < lanes.size(); ++k) {
        const Lane& lane = *lanes[k];
        // Solo: one lane over the whole frame; a muted lane keeps its place
        // (the others do not move) and is not drawn.
        if (solo && k + 1 != static_cast<std::size_t>(look.solo)) continue;
        if (!solo && k < look.muted.size() && look.muted[k]) continue;
        const Region r = solo ? Region{0, 0, 1, 1} : lane.region;
        LaneView view{lane.scene.get(),
                      sf::FloatRect(static_cast<float>(r.x * pixels.x), static_cast<float>(r.y * pixels.y),
                                    static_cast<float>(r.width * pixels.x), static_cast<float>(r.height * pixels.y)),
                      static_cast<float>(solo ? 1.0 : lane.opacity), lane.shownHue};
        frame.lanes.push_back(view);
        m_drawn.emplace_back(lane.scene.get(), view.rect);
    }
    for (LaneView& view : frame.lanes) {
        view.zoom = look.zoom;
        view.spin = look.spin;
    }
    // The theme's art and the banners, governed; the HUD after, on top.
    sf::RenderTexture& canvas = m_compositor.canvas();
    canvas.setView(canvas.getDefaultView());
    m_renderer.draw(canvas, look.coaster ? *m_coaster : *m_theme, frame, hud, RenderOptions{options.labels, false});
    if (look.dim > 0) {
        // The dimmer and the blackout, before the governor: a blackout cut
        // (a fade of 0 s) is a flash like any other and is governed.
        sf::RectangleShape veil(pixels);
        veil.setFillColor(sf::Color(0, 0, 0, static_cast<sf::Uint8>(std::clamp(look.dim, 0.0, 1.0) * 255 + 0.5)));
        canvas.draw(veil);
    }
    m_compositor.present(target, stage.time());
    if (!options.hud) return;
    std::uint64_t limited = 0;
    for (const auto& lane : stage.lanes()) limited += lane->scene->suppressedFlashes();
    char status[160];
    std::snprintf(status, sizeof status, "%s%.*s   sources %zu   flashes limited %llu   frames held %llu%s",
                  look.coaster ? "coaster ride, theme " : "theme ",
                  static_cast<int>(m_theme->name().size()), m_theme->name().data(), stage.lanes().size(),
                  static_cast<unsigned long long>(limited), m_compositor.interventions(),
                  m_compositor.enabled() ? "" : "   UNSAFE FLASHES");
    hud.status = status;
    if (look.coaster && !stage.lanes().empty()) {
        // What the ride holds: a performer sees the folding at work on a long run.
        const SearchTree& tree = stage.lanes().front()->scene->ride().tree();
        hud.status += "   tree " + std::to_string(tree.size()) + " nodes, " + std::to_string(tree.counters().folded) +
                      " folded";
        if (tree.counters().guessed) hud.status += ", " + std::to_string(tree.counters().guessed) + " guessed";
    }
    m_renderer.drawHud(target, stage.lanes().empty() ? m_waiting : *stage.lanes().front()->scene, hud);
}

Show::LanePoint Show::laneAt(float x, float y) const {
    for (const auto& [scene, rect] : m_drawn) {
        if (!rect.contains(x, y) || rect.width < 1 || rect.height < 1) continue;
        return LanePoint{scene, (x - rect.left) / rect.width, (y - rect.top) / rect.height, rect.width / rect.height};
    }
    return {};
}

void Show::pointer(float x, float y, bool click, float zoom) {
    const LanePoint at = laneAt(x, y);
    for (const auto& [scene, rect] : m_drawn)
        if (scene != at.scene) scene->ride().hover(std::nullopt);
    if (!at.scene) return;
    Ride& ride = at.scene->ride();
    const auto node = ride.nodeAt(at.x, at.y, at.aspect, zoom);
    ride.hover(node);
    if (click) ride.click(node);
}

void printSources(std::ostream& out, const Stage& stage) {
    for (const auto& lane : stage.lanes()) {
        const std::string& program = lane->scene->source();
        out << "polar-viewer: source " << lane->key << " (" << (program.empty() ? "no hello" : program)
            << "): " << lane->events << " events\n";
    }
    if (stage.ignoredSources() > 0)
        out << "polar-viewer: " << stage.ignoredSources() << " more sources found no room on screen ("
            << stage.ignoredEvents() << " events not drawn)\n";
    out.flush();
}

bool writeTrees(const std::string& path, const Stage& stage) {
    std::ofstream out(path);
    for (const auto& lane : stage.lanes()) {
        const SearchTree& tree = lane->scene->ride().tree();
        out << "# source " << lane->key << ": " << tree.size() << " nodes, " << tree.counters().folded
            << " folded, " << tree.counters().guessed << " guessed, " << tree.counters().orphans << " orphans\n"
            << tree.dump();
    }
    out.flush();
    return static_cast<bool>(out);
}

} // namespace polar::viewer
