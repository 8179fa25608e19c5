// packet_check.cpp — see packet_check.hpp for why this exists.
#include "packet_check.hpp"

#include <cstdint>
#include <cstring>

#include "polar/osc/parse_datagram.hpp"

namespace polar::osc::detail {

namespace {

std::uint32_t readUint32(const char* p) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return (std::uint32_t{u[0]} << 24) | (std::uint32_t{u[1]} << 16) |
           (std::uint32_t{u[2]} << 8) | std::uint32_t{u[3]};
}

// The end of the padded string starting at `p` (a multiple of 4 bytes from
// `p`), or nullptr when it is unterminated or its padding is not zero.
const char* stringEnd(const char* p, const char* end) {
    const auto* nul = static_cast<const char*>(std::memchr(p, '\0', static_cast<std::size_t>(end - p)));
    if (nul == nullptr) {
        return nullptr;
    }
    const std::size_t padded = (static_cast<std::size_t>(nul - p) + 4) & ~std::size_t{3};
    const char* next = p + padded;  // end - p is a multiple of 4, so next <= end
    for (const char* q = nul; q < next; ++q) {
        if (*q != '\0') {
            return nullptr;
        }
    }
    return next;
}

const char* checkArguments(const char* tags, const char* p, const char* end) {
    // oscpack 1.1.0 insists that array brackets balance, but counts them in
    // an unsigned int, so "][" passes there; here a ']' must close a '['.
    std::size_t arrays = 0;
    for (; *tags != '\0'; ++tags) {
        const auto remaining = static_cast<std::size_t>(end - p);
        switch (*tags) {
            case 'T': case 'F': case 'N': case 'I':
                break;  // no data
            case '[':
                ++arrays;
                break;
            case ']':
                if (arrays == 0) return "']' without '[' in the type tags";
                --arrays;
                break;
            case 'i': case 'f': case 'c': case 'r': case 'm':
                if (remaining < 4) return "arguments run past the end of the message";
                p += 4;
                break;
            case 'h': case 't': case 'd':
                if (remaining < 8) return "arguments run past the end of the message";
                p += 8;
                break;
            case 's': case 'S':
                if (remaining == 0) return "arguments run past the end of the message";
                p = stringEnd(p, end);
                if (p == nullptr) return "unterminated or badly padded string argument";
                break;
            case 'b': {
                if (remaining < 4) return "blob size runs past the end of the message";
                const std::size_t blobSize = readUint32(p);
                const std::size_t padded = (blobSize + 3) & ~std::size_t{3};
                if (padded > remaining - 4) return "blob runs past the end of the message";
                p += 4 + padded;
                break;
            }
            default:
                return "unknown type tag";
        }
    }
    return arrays == 0 ? nullptr : "'[' without ']' in the type tags";
}

const char* checkMessage(const char* data, const char* end) {
    if (data[0] != '/') {
        return "address does not start with '/'";
    }
    const char* p = stringEnd(data, end);
    if (p == nullptr) {
        return "unterminated or badly padded address";
    }
    if (p == end) {
        return nullptr;  // no type tag string: an old-style message without arguments
    }
    if (*p != ',') {
        return "type tags do not start with ','";
    }
    const char* tags = p + 1;
    p = stringEnd(p, end);
    if (p == nullptr) {
        return "unterminated or badly padded type tags";
    }
    return checkArguments(tags, p, end);
}

const char* checkBundle(const char* data, const char* end, int depth) {
    if (end - data < 16) {
        return "bundle shorter than its 16-byte header";
    }
    if (std::memcmp(data, "#bundle", 8) != 0) {
        return "packet starts with '#' but is not a bundle";
    }
    static_assert(kMaxBundleDepth == 16, "update the message below");
    if (depth >= kMaxBundleDepth) {
        return "bundles nested more than 16 deep (kMaxBundleDepth)";
    }
    const char* p = data + 16;
    while (p < end) {
        if (end - p < 4) {
            return "bundle element size runs past the end";
        }
        const std::size_t elementSize = readUint32(p);
        p += 4;
        if (elementSize > static_cast<std::size_t>(end - p)) {
            return "bundle element runs past the end";
        }
        if (const char* error = checkPacket(p, elementSize, depth + 1)) {
            return error;
        }
        p += elementSize;
    }
    return nullptr;
}

} // namespace

const char* checkPacket(const char* data, std::size_t size, int depth) {
    if (size == 0) {
        return "empty packet";
    }
    if (size % 4 != 0) {
        return "size is not a multiple of 4";
    }
    const char* end = data + size;
    return data[0] == '#' ? checkBundle(data, end, depth) : checkMessage(data, end);
}

} // namespace polar::osc::detail
