// polar_namespace.cpp — polarOutputNamespace() and outputServerOptions():
// the broadcaster's address table (osc/README.md, "The address space") as
// OSCQuery nodes, for `polar --oscquery-port` and `polar-github`.
//
// ACCESS 0: these are events the program sends to its OSC destinations,
// not values kept anywhere a client could read or set. The descriptions
// are the README table's "Arguments" column; keep the two together (and
// address_space.hpp, whose version they name).
#include <polar/osc/address_space.hpp>

#include "polar/osc/oscquery.hpp"

namespace polar::oscquery {

namespace {

Node output(const char* path, const char* type, std::string arguments) {
    Node node;
    node.path = path;
    node.type = type;
    node.access = kNoAccess;
    node.description = "output stream (sent to OSC_PORT as it happens, no stored value): " + arguments;
    return node;
}

} // namespace

std::vector<Node> polarOutputNamespace() {
    namespace a = polar::osc::address;
    std::vector<Node> nodes{
        output(a::kHello, "ssii",
               "namespace version (" + std::string(polar::osc::kVersion) +
                   "), program name, process id, instance id; sent when a broadcaster starts"),
        output(a::kQueryBegin, "is", "query id, predicate; sent when a query starts"),
        output(a::kQueryEnd, "iiii", "query id, results, steps, failed (1 when an error ended it)"),
        output(a::kRule, "siii",
               "rule name, arity, depth of the caller, applicable rules (siiis with values: the call)"),
        output(a::kDepth, "if", "depth (active rule bodies), depth / 32"),
        output(a::kBranch, "iif", "depth, alternatives (>= 2), alternatives / 16"),
        output(a::kBacktrack, "i", "depth after backtracking"),
        output(a::kResult, "ii", "query id, ordinal (1 for the first) (iis with values: the bindings)"),
        output(a::kError, "is", "query id, error name"),
        output(a::kStats, "iiif",
               "events sent, events dropped, events waiting, events per second; every second"),
        output(a::kPolicyLoaded, "ssii", "file, FNV-1a 64 hash of the source (16 hex digits), rules, bytes"),
        output(a::kPolicyError, "siiss", "file, line, column, error name, message"),
        // Under /polar/rule, which keeps its own TYPE: a node may be both a
        // method and a container in OSCQuery.
        output(a::kRuleEnter, "siiiii",
               "rule name, depth of the rule body, alternative (0 for the first), alternatives, call "
               "(the n-th /polar/rule of the query, from 1; 0 unknown), query id (siiiiis with values: "
               "the rule's source text); sent when an alternative of a rule call is tried"),
    };
    // The normalised floats are in 0..1 (osc/README.md): one RANGE item per
    // type tag would say so, but Node has one range; the description does.
    return nodes;
}

ServerOptions outputServerOptions(std::string program, std::uint16_t httpPort, std::string_view destination) {
    ServerOptions options;
    options.name = std::move(program);
    options.httpPort = httpPort;
    const std::size_t colon = destination.rfind(':');
    if (colon != std::string_view::npos) {
        std::string_view host = destination.substr(0, colon);
        if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
        unsigned port = 0;
        for (char c : destination.substr(colon + 1)) {
            if (c < '0' || c > '9' || port > 65535) {
                port = 0;
                break;
            }
            port = port * 10 + static_cast<unsigned>(c - '0');
        }
        options.oscPort = port <= 65535 ? static_cast<std::uint16_t>(port) : 0;
        const bool loopback = host == "127.0.0.1" || host == "::1" || host == "localhost";
        if (!loopback) options.oscIp = std::string(host);
    }
    return options;
}

} // namespace polar::oscquery
