// event_adapter.hpp — the receiver's PolarEvent as the scene's SceneEvent.
// The scene library stays free of OSC; this is the one place that knows both.
#pragma once

#include "polar/osc/polar_event.hpp"
#include "polar/viewer/scene.hpp"

namespace polar::viewer {

SceneEvent toSceneEvent(const osc::PolarEvent& event);

} // namespace polar::viewer
