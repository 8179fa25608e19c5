// midi_map.cpp — bindings, learning and the JSON mapping file.
#include "polar/viewer/midi/midi_map.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace polar::viewer::midi {

namespace {

// CC values are 7 bits: 127 is the knob's top.
constexpr double kCcMax = 127.0;

std::string checkBinding(int channel, int cc, const std::string& path) {
    if (channel < 1 || channel > 16) return "channel must be 1..16";
    if (cc < 0 || cc > 127) return "cc must be 0..127";
    if (path.empty() || path[0] != '/') return "path must start with '/'";
    return {};
}

// One field of bindings[index], checked; throws with the file's name.
int intField(const nlohmann::json& entry, const char* key, int lo, int hi, std::size_t index,
             const std::string& name) {
    const std::string where = name + ": bindings[" + std::to_string(index) + "]." + key;
    if (!entry.contains(key)) throw std::runtime_error(where + " is missing");
    const auto& v = entry.at(key);
    if (!v.is_number_integer())
        throw std::runtime_error(where + " must be an integer, not " + v.dump());
    const auto n = v.get<long long>();
    if (n < lo || n > hi) {
        throw std::runtime_error(where + " must be " + std::to_string(lo) + ".." +
                                 std::to_string(hi) + ", not " + std::to_string(n));
    }
    return static_cast<int>(n);
}

} // namespace

void MidiMap::bind(int channel, int cc, const std::string& path) {
    if (auto problem = checkBinding(channel, cc, path); !problem.empty()) {
        throw std::invalid_argument("MIDI binding: " + problem);
    }
    std::erase_if(m_bindings, [&](const MidiBinding& b) {
        return (b.channel == channel && b.cc == cc) || b.path == path;
    });
    m_bindings.push_back({channel, cc, path});
}

bool MidiMap::unbind(const std::string& path) {
    return std::erase_if(m_bindings, [&](const MidiBinding& b) { return b.path == path; }) > 0;
}

void MidiMap::arm(const std::string& path) {
    if (auto problem = checkBinding(1, 0, path); !problem.empty()) {
        throw std::invalid_argument("MIDI learn: " + problem);
    }
    m_armed = path;
}

std::optional<ParameterChange> MidiMap::apply(const MidiMessage& msg) {
    if (msg.kind != MidiKind::ControlChange) return std::nullopt;
    if (m_armed) {
        bind(msg.channel, msg.number, *m_armed);
        m_armed.reset();
    }
    for (const auto& b : m_bindings) {
        if (b.channel == msg.channel && b.cc == msg.number) {
            return ParameterChange{b.path, msg.value / kCcMax};
        }
    }
    return std::nullopt;
}

std::optional<MidiBinding> MidiMap::bindingFor(const std::string& path) const {
    for (const auto& b : m_bindings) {
        if (b.path == path) return b;
    }
    return std::nullopt;
}

std::string MidiMap::toJson() const {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& b : m_bindings) {
        list.push_back({{"channel", b.channel}, {"cc", b.cc}, {"path", b.path}});
    }
    const nlohmann::json doc = {{"version", kFileVersion}, {"bindings", list}};
    return doc.dump(2) + "\n";
}

MidiMap MidiMap::fromJson(const std::string& text, const std::string& name) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // Keep the parser's "parse error at line 1, column 5: ..." and drop
        // its "[json.exception.parse_error.101] " prefix, which names internals.
        std::string what = e.what();
        if (auto end = what.find("] "); end != std::string::npos) what.erase(0, end + 2);
        throw std::runtime_error(name + ": not valid JSON: " + what);
    }
    if (!doc.is_object())
        throw std::runtime_error(name +
                                 ": expected a JSON object {\"version\":1,\"bindings\":[...]}");
    if (!doc.contains("version")) throw std::runtime_error(name + ": \"version\" is missing");
    if (doc["version"] != kFileVersion) {
        throw std::runtime_error(name + ": version " + doc["version"].dump() +
                                 " is not supported (expected 1)");
    }
    if (!doc.contains("bindings") || !doc["bindings"].is_array()) {
        throw std::runtime_error(name + ": \"bindings\" must be an array");
    }
    MidiMap map;
    std::size_t index = 0;
    for (const auto& entry : doc["bindings"]) {
        const std::string where = name + ": bindings[" + std::to_string(index) + "]";
        if (!entry.is_object()) throw std::runtime_error(where + " must be an object");
        const int channel = intField(entry, "channel", 1, 16, index, name);
        const int cc = intField(entry, "cc", 0, 127, index, name);
        if (!entry.contains("path") || !entry["path"].is_string()) {
            throw std::runtime_error(where + ".path must be a string");
        }
        const auto path = entry["path"].get<std::string>();
        if (path.empty() || path[0] != '/') {
            throw std::runtime_error(where + ".path must start with '/', not \"" + path + "\"");
        }
        // A repeated controller or path would be silently dropped by bind():
        // the file was edited by hand and says two things, so say so.
        for (const auto& b : map.m_bindings) {
            if (b.channel == channel && b.cc == cc) {
                throw std::runtime_error(where + " binds channel " + std::to_string(channel) +
                                         " cc " + std::to_string(cc) + " a second time");
            }
            if (b.path == path)
                throw std::runtime_error(where + " binds " + path + " a second time");
        }
        map.m_bindings.push_back({channel, cc, path});
        ++index;
    }
    return map;
}

void MidiMap::load(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file + ": cannot open (" + std::strerror(errno) + ")");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw std::runtime_error(file + ": cannot read");
    auto loaded = fromJson(text.str(), file);
    m_bindings = std::move(loaded.m_bindings);
}

void MidiMap::save(const std::string& file) const {
    const std::string text = toJson();
    // Beside the target, so the rename stays within one file system.
    const std::string temp = file + ".tmp." + std::to_string(::getpid());
    std::FILE* f = std::fopen(temp.c_str(), "wb");
    if (!f)
        throw std::runtime_error(file + ": cannot create " + temp + " (" + std::strerror(errno) +
                                 ")");
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size() &&
                         std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
    const int writeErrno = errno;
    const bool closed = std::fclose(f) == 0;
    if (!written || !closed) {
        std::remove(temp.c_str());
        throw std::runtime_error(file + ": cannot write (" + std::strerror(writeErrno) + ")");
    }
    std::error_code ec;
    std::filesystem::rename(temp, file, ec);
    if (ec) {
        std::remove(temp.c_str());
        throw std::runtime_error(file + ": cannot replace (" + ec.message() + ")");
    }
}

} // namespace polar::viewer::midi
