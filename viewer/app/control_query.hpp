// control_query.hpp — the /viewer/... namespace served over OSCQuery
// (`--oscquery-port`, osc/query/).
//
// Design. The server is generic (nodes and values); this file is where the
// control table becomes nodes: TYPE from the parameter's kind (f, i, or s
// for a choice, which also lists its names in RANGE VALS), RANGE from its
// bounds, UNIT, DESCRIPTION, ACCESS read-write (a trigger is write-only:
// it has no value to read). HOST_INFO's OSC_PORT is where controls are
// taken: --control-port when given, else the event port. Once a frame
// publish() sends the parameters whose target changed — from any input:
// OSC, keys, MIDI, a preset — so a LISTENing controller's faders follow.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "polar/osc/oscquery.hpp"
#include "polar/viewer/control_model.hpp"
#include "viewer_options.hpp"

namespace polar::viewer {

class ControlQuery {
public:
    // Throws std::runtime_error when the port cannot be bound.
    ControlQuery(const ViewerOptions& options, const ControlModel& model, std::uint16_t oscPort);
    void publish(ControlModel& model);
    std::uint16_t port() const { return m_server.port(); }
    std::string advertiseStatus() const { return m_server.advertiseStatus(); }

private:
    oscquery::Server m_server;
};

// The node of one parameter, its VALUE the model's current target.
oscquery::Node controlNode(const ParamSpec& spec, const ControlModel& model);

} // namespace polar::viewer
