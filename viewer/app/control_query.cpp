// control_query.cpp — see control_query.hpp.
#include "control_query.hpp"

#include <cmath>

namespace polar::viewer {

namespace {

oscquery::Value valueOf(const ParamSpec& spec, const ControlModel& model) {
    const double target = model.target(spec.id);
    switch (spec.kind) {
    case ParamKind::Real: return static_cast<float>(target);
    case ParamKind::Choice: {
        const auto at = static_cast<std::size_t>(std::lround(target));
        return at < spec.choices.size() ? spec.choices[at] : std::string();
    }
    default: return static_cast<std::int32_t>(std::lround(target));
    }
}

oscquery::ServerOptions serverOptions(const ViewerOptions& o, std::uint16_t oscPort) {
    oscquery::ServerOptions options;
    options.name = "polar-viewer";
    options.address = o.bind;
    options.httpPort = o.oscqueryPort;
    options.oscPort = oscPort;
    return options;
}

std::vector<oscquery::Node> controlNodes(const ControlModel& model) {
    std::vector<oscquery::Node> nodes;
    for (const ParamSpec& spec : model.params()) nodes.push_back(controlNode(spec, model));
    return nodes;
}

} // namespace

oscquery::Node controlNode(const ParamSpec& spec, const ControlModel& model) {
    oscquery::Node node;
    node.path = spec.path;
    node.type = controlTypeTag(spec);
    node.description = spec.description;
    node.unit = spec.unit;
    if (spec.kind == ParamKind::Choice) {
        node.choices = spec.choices;
    } else if (!node.type.empty()) {
        node.min = spec.min;
        node.max = spec.max;
    }
    if (spec.kind == ParamKind::Trigger) {
        node.access = oscquery::kWrite;
    } else {
        node.access = oscquery::kReadWrite;
        node.value = valueOf(spec, model);
    }
    return node;
}

ControlQuery::ControlQuery(const ViewerOptions& o, const ControlModel& model, std::uint16_t oscPort)
    : m_server(serverOptions(o, oscPort), controlNodes(model)) {}

void ControlQuery::publish(ControlModel& model) {
    for (const Param id : model.changed()) {
        const ParamSpec& spec = model.params()[static_cast<std::size_t>(id)];
        if (spec.kind != ParamKind::Trigger) m_server.setValue(spec.path, valueOf(spec, model));
    }
}

} // namespace polar::viewer
