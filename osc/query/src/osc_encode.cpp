// osc_encode.cpp — see osc_encode.hpp.
#include "osc_encode.hpp"

#include <bit>
#include <cstdint>

namespace polar::oscquery::detail {

namespace {

void appendPadded(std::string& out, std::string_view text) {
    out.append(text);
    out.append(4 - text.size() % 4, '\0'); // at least one NUL terminates it
}

void appendBigEndian(std::string& out, std::uint32_t bits) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((bits >> shift) & 0xffu));
}

} // namespace

std::string encodeOscMessage(std::string_view address, const Value& value) {
    std::string out;
    out.reserve(address.size() + 16 + (std::holds_alternative<std::string>(value)
                                           ? std::get<std::string>(value).size()
                                           : 0));
    appendPadded(out, address);
    std::visit(
        [&out](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::int32_t>) {
                appendPadded(out, ",i");
                appendBigEndian(out, static_cast<std::uint32_t>(v));
            } else if constexpr (std::is_same_v<T, float>) {
                appendPadded(out, ",f");
                appendBigEndian(out, std::bit_cast<std::uint32_t>(v));
            } else if constexpr (std::is_same_v<T, std::string>) {
                appendPadded(out, ",s");
                appendPadded(out, v);
            } else {
                appendPadded(out, v ? ",T" : ",F");
            }
        },
        value);
    return out;
}

} // namespace polar::oscquery::detail
