// lenient_args.cpp — numeric conversions for lenient input (lenient_args.hpp).
#include "lenient_args.hpp"

#include <cmath>
#include <limits>

namespace polar::osc::detail {

namespace {

// Every numeric alternative of OscArg as a double: int32, float and double
// exactly; int64 to the nearest double, which only matters far outside
// int32, where the result saturates anyway.
std::optional<double> asDouble(const OscArg& arg) {
    if (const auto* v = std::get_if<std::int32_t>(&arg)) return *v;
    if (const auto* v = std::get_if<float>(&arg)) return *v;
    if (const auto* v = std::get_if<double>(&arg)) return *v;
    if (const auto* v = std::get_if<std::int64_t>(&arg)) return static_cast<double>(*v);
    return std::nullopt;
}

} // namespace

std::optional<std::int32_t> asInt32(const OscArg& arg) {
    using Limits = std::numeric_limits<std::int32_t>;
    if (const auto* v = std::get_if<std::int32_t>(&arg)) return *v;
    if (const auto* v = std::get_if<std::int64_t>(&arg)) {
        if (*v > Limits::max()) return Limits::max();
        if (*v < Limits::min()) return Limits::min();
        return static_cast<std::int32_t>(*v);
    }
    const std::optional<double> value = asDouble(arg);
    if (!value || !std::isfinite(*value)) return std::nullopt;
    // Compare before converting: a double out of int32's range converted
    // to int32 is undefined behaviour, not saturation.
    const double rounded = std::round(*value);
    if (rounded >= static_cast<double>(Limits::max())) return Limits::max();
    if (rounded <= static_cast<double>(Limits::min())) return Limits::min();
    return static_cast<std::int32_t>(rounded);
}

std::optional<float> asFloat(const OscArg& arg) {
    using Limits = std::numeric_limits<float>;
    const std::optional<double> value = asDouble(arg);
    if (!value || !std::isfinite(*value)) return std::nullopt;
    // As for int32: a double beyond float's range must not be converted.
    if (*value > static_cast<double>(Limits::max())) return Limits::max();
    if (*value < static_cast<double>(Limits::lowest())) return Limits::lowest();
    return static_cast<float>(*value);
}

const std::string* asText(const OscArg& arg) {
    if (const auto* v = std::get_if<std::string>(&arg)) return v;
    if (const auto* v = std::get_if<OscSymbol>(&arg)) return &v->value;
    return nullptr;
}

std::optional<bool> asFlag(const OscArg& arg) {
    if (const auto* v = std::get_if<bool>(&arg)) return *v;
    const std::optional<std::int32_t> number = asInt32(arg);
    if (!number) return std::nullopt;
    return *number != 0;
}

} // namespace polar::osc::detail
