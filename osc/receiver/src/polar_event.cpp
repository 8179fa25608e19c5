// polar_event.cpp — the address table of osc/README.md as code.
//
// One row per address: how many arguments a message needs at least, then
// its fields in argument order, each naming the PolarEvent member it fills
// and what it is when the sender left it out. Our broadcaster sends every
// field with the README's exact type tags; hand-made senders (README
// "Lenient input") may send any numeric type for a number, a symbol for a
// string, and stop after the required arguments. lenient_args.hpp holds the
// whole conversion policy, so no row has code of its own. Arguments past
// the last field are ignored: a newer minor version only adds at the end.
#include "polar/osc/polar_event.hpp"

#include <algorithm>
#include <array>
#include <variant>

#include "lenient_args.hpp"
#include "polar/osc/address_space.hpp"

namespace polar::osc {

namespace {

using E = PolarEvent;

// The member an argument lands in; its type says how the argument is read.
// monostate marks the unused slots at the end of a row.
using Target = std::variant<std::monostate, std::string E::*, std::int32_t E::*, float E::*,
                            bool E::*>;

struct Field {
    Target target;
    // An integer field's value when its argument is missing.
    std::int32_t fallback = 0;
    // A normalised field's argument, when missing, is computed as the
    // sender would: *scaleOf / scale, clamped to 0..1.
    std::int32_t E::*scaleOf = nullptr;
    float scale = 1.0f;
};

Field text(std::string E::*member) { return {member}; }
Field integer(std::int32_t E::*member, std::int32_t fallback = 0) { return {member, fallback}; }
Field real(float E::*member) { return {member}; }
Field flag(bool E::*member) { return {member}; }
Field scaled(float E::*member, std::int32_t E::*of, float scale) { return {member, 0, of, scale}; }

// The longest row (/polar/rule/enter with values, 1.3) has seven.
constexpr std::size_t kMaxFields = 7;

struct Row {
    const char* address;
    EventKind kind;
    std::size_t required;  // the arguments a message must carry
    std::array<Field, kMaxFields> fields;
};

// Each row's comment is the broadcaster's exact type tags.
const std::array<Row, 13> kTable{{
    // ssii; 1.0 senders send ssi, so the instance id is -1 when missing.
    {address::kHello, EventKind::Hello, 2,
     {text(&E::version), text(&E::name), integer(&E::processId), integer(&E::instanceId, -1)}},
    // is
    {address::kQueryBegin, EventKind::QueryBegin, 1, {integer(&E::queryId), text(&E::name)}},
    // iiii
    {address::kQueryEnd, EventKind::QueryEnd, 1,
     {integer(&E::queryId), integer(&E::results), integer(&E::steps), flag(&E::failed)}},
    // siii, siiis with values. A rule called is at least its own candidate.
    {address::kRule, EventKind::Rule, 1,
     {text(&E::name), integer(&E::arity), integer(&E::depth), integer(&E::applicable, 1),
      text(&E::values)}},
    // if
    {address::kDepth, EventKind::Depth, 1,
     {integer(&E::depth), scaled(&E::normalised, &E::depth, kDepthScale)}},
    // iif
    {address::kBranch, EventKind::Branch, 2,
     {integer(&E::depth), integer(&E::alternatives),
      scaled(&E::normalised, &E::alternatives, kAlternativesScale)}},
    // i
    {address::kBacktrack, EventKind::Backtrack, 0, {integer(&E::depth)}},
    // ii, iis with values. Without an ordinal, the first result.
    {address::kResult, EventKind::Result, 0,
     {integer(&E::queryId), integer(&E::ordinal, 1), text(&E::values)}},
    // is
    {address::kError, EventKind::Error, 2, {integer(&E::queryId), text(&E::name)}},
    // iiif
    {address::kStats, EventKind::Stats, 1,
     {integer(&E::sent), integer(&E::dropped), integer(&E::waiting), real(&E::perSecond)}},
    // ssii (1.2)
    {address::kPolicyLoaded, EventKind::PolicyLoaded, 2,
     {text(&E::file), text(&E::hash), integer(&E::rules), integer(&E::bytes)}},
    // siiss (1.2). The error name is what a banner shows: required.
    {address::kPolicyError, EventKind::PolicyError, 4,
     {text(&E::file), integer(&E::line), integer(&E::column), text(&E::name),
      text(&E::message)}},
    // siiiii, siiiiis with values (1.3). Only the name is required: a bare
    // entry is the first alternative of the call's one rule, call unknown.
    {address::kRuleEnter, EventKind::RuleEnter, 1,
     {text(&E::name), integer(&E::depth), integer(&E::alternative), integer(&E::alternatives, 1),
      integer(&E::call), integer(&E::queryId), text(&E::values)}},
}};

template <typename... Handlers>
struct Overloaded : Handlers... {
    using Handlers::operator()...;
};
// Spelled out: clang 14 (the sanitizer build) has no aggregate CTAD.
template <typename... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

// Stores a converted argument; false when the conversion found it unusable.
template <typename T, typename Converted>
bool store(PolarEvent& event, T E::*member, const Converted& value) {
    if (!value) return false;
    event.*member = *value;
    return true;
}

// Copies one argument into its field; false when it cannot stand for it.
bool read(const Field& field, const OscArg& arg, PolarEvent& event) {
    return std::visit(
        Overloaded{
            [](std::monostate) { return true; },
            [&](std::string E::*member) { return store(event, member, detail::asText(arg)); },
            [&](std::int32_t E::*member) { return store(event, member, detail::asInt32(arg)); },
            [&](float E::*member) { return store(event, member, detail::asFloat(arg)); },
            [&](bool E::*member) { return store(event, member, detail::asFlag(arg)); },
        },
        field.target);
}

// The value of a field whose argument is missing. Strings and flags keep
// PolarEvent's empty and false.
void fallBack(const Field& field, PolarEvent& event) {
    std::visit(Overloaded{
                   [&](std::int32_t E::*member) { event.*member = field.fallback; },
                   [&](float E::*member) {
                       const float value =
                           field.scaleOf == nullptr
                               ? 0.0f
                               : static_cast<float>(event.*(field.scaleOf)) / field.scale;
                       event.*member = std::clamp(value, 0.0f, 1.0f);
                   },
                   [](auto) {},
               },
               field.target);
}

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
    if (row == nullptr || message.args.size() < row->required) {
        return std::nullopt;
    }
    PolarEvent event;
    event.kind = row->kind;
    event.timetag = message.timetag;
    event.arrival = message.arrival;
    for (std::size_t i = 0; i < row->fields.size(); ++i) {
        const Field& field = row->fields[i];
        if (std::holds_alternative<std::monostate>(field.target)) break;
        if (i >= message.args.size()) {
            fallBack(field, event);
        } else if (!read(field, message.args[i], event)) {
            return std::nullopt;
        }
    }
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
