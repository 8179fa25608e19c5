// polar_event.cpp — the address table of osc/README.md as code.
//
// One row per address: the expected type tags (with and without the
// optional values string) and a function that copies the arguments into
// the named fields. The row's tags are checked before its function runs,
// so the functions read arguments with std::get and cannot throw.
#include "polar/osc/polar_event.hpp"

#include <array>

#include "polar/osc/address_space.hpp"

namespace polar::osc {

namespace {

using Args = std::vector<OscArg>;

std::int32_t i32(const Args& args, std::size_t index) { return std::get<std::int32_t>(args[index]); }
float f32(const Args& args, std::size_t index) { return std::get<float>(args[index]); }
const std::string& str(const Args& args, std::size_t index) {
    return std::get<std::string>(args[index]);
}

struct Row {
    const char* address;
    EventKind kind;
    std::string_view tags;
    // The longer form: with the optional values string, or /polar/hello's
    // 1.1 instance id; empty when the address has none.
    std::string_view tagsLonger;
    void (*fill)(const Args&, PolarEvent&);
};

const std::array<Row, 12> kTable{{
    // 1.0 senders send three arguments, 1.1 adds the instance id.
    {address::kHello, EventKind::Hello, "ssi", "ssii",
     [](const Args& a, PolarEvent& e) {
         e.version = str(a, 0);
         e.name = str(a, 1);
         e.processId = i32(a, 2);
         if (a.size() > 3) e.instanceId = i32(a, 3);
     }},
    {address::kQueryBegin, EventKind::QueryBegin, "is", "",
     [](const Args& a, PolarEvent& e) {
         e.queryId = i32(a, 0);
         e.name = str(a, 1);
     }},
    {address::kQueryEnd, EventKind::QueryEnd, "iiii", "",
     [](const Args& a, PolarEvent& e) {
         e.queryId = i32(a, 0);
         e.results = i32(a, 1);
         e.steps = i32(a, 2);
         e.failed = i32(a, 3) != 0;
     }},
    {address::kRule, EventKind::Rule, "siii", "siiis",
     [](const Args& a, PolarEvent& e) {
         e.name = str(a, 0);
         e.arity = i32(a, 1);
         e.depth = i32(a, 2);
         e.applicable = i32(a, 3);
         if (a.size() > 4) e.values = str(a, 4);
     }},
    {address::kDepth, EventKind::Depth, "if", "",
     [](const Args& a, PolarEvent& e) {
         e.depth = i32(a, 0);
         e.normalised = f32(a, 1);
     }},
    {address::kBranch, EventKind::Branch, "iif", "",
     [](const Args& a, PolarEvent& e) {
         e.depth = i32(a, 0);
         e.alternatives = i32(a, 1);
         e.normalised = f32(a, 2);
     }},
    {address::kBacktrack, EventKind::Backtrack, "i", "",
     [](const Args& a, PolarEvent& e) { e.depth = i32(a, 0); }},
    {address::kResult, EventKind::Result, "ii", "iis",
     [](const Args& a, PolarEvent& e) {
         e.queryId = i32(a, 0);
         e.ordinal = i32(a, 1);
         if (a.size() > 2) e.values = str(a, 2);
     }},
    {address::kError, EventKind::Error, "is", "",
     [](const Args& a, PolarEvent& e) {
         e.queryId = i32(a, 0);
         e.name = str(a, 1);
     }},
    {address::kStats, EventKind::Stats, "iiif", "",
     [](const Args& a, PolarEvent& e) {
         e.sent = i32(a, 0);
         e.dropped = i32(a, 1);
         e.waiting = i32(a, 2);
         e.perSecond = f32(a, 3);
     }},
    // 1.2: live coding.
    {address::kPolicyLoaded, EventKind::PolicyLoaded, "ssii", "",
     [](const Args& a, PolarEvent& e) {
         e.file = str(a, 0);
         e.hash = str(a, 1);
         e.rules = i32(a, 2);
         e.bytes = i32(a, 3);
     }},
    {address::kPolicyError, EventKind::PolicyError, "siiss", "",
     [](const Args& a, PolarEvent& e) {
         e.file = str(a, 0);
         e.line = i32(a, 1);
         e.column = i32(a, 2);
         e.name = str(a, 3);
         e.message = str(a, 4);
     }},
}};

const Row* findRow(std::string_view address) {
    for (const Row& row : kTable) {
        if (address == row.address) {
            return &row;
        }
    }
    return nullptr;
}

} // namespace

std::optional<PolarEvent> toPolarEvent(const OscMessage& message) {
    const Row* row = findRow(message.address);
    if (row == nullptr) {
        return std::nullopt;
    }
    const std::string tags = typeTags(message);
    if (tags != row->tags && (row->tagsLonger.empty() || tags != row->tagsLonger)) {
        return std::nullopt;
    }
    PolarEvent event;
    event.kind = row->kind;
    event.timetag = message.timetag;
    event.arrival = message.arrival;
    row->fill(message.args, event);
    return event;
}

bool isPolarAddress(std::string_view address) { return findRow(address) != nullptr; }

std::string_view eventKindName(EventKind kind) {
    constexpr std::string_view kPrefix = "/polar/";
    for (const Row& row : kTable) {
        if (row.kind == kind) {
            return std::string_view(row.address).substr(kPrefix.size());
        }
    }
    return "?";
}

} // namespace polar::osc
