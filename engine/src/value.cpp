// polar::Value and polar::Bindings: the host-facing value types, with their
// Polar and JSON spellings. Strings are escaped the same way in both, so a
// result printed by `polar query` can be pasted back into a policy.
#include "polar/value.hpp"

#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>

#include "polar/error.hpp"

namespace polar {
namespace {

[[noreturn]] void wrongType(const char* wanted, const Value& v) {
    throw Error(ErrorKind::Operational, "TypeError",
                std::string("expected ") + wanted + ", got " + v.toPolar());
}

void appendEscaped(std::string& out, const std::string& s, bool json) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '\0': out += json ? "\\u0000" : "\\0"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
}

// Shortest text that reads back as the same double, always with a '.' or an
// exponent so it stays a float when parsed again.
std::string formatFloat(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    char buf[40];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, d);
        if (std::strtod(buf, nullptr) == d) break;
    }
    std::string s = buf;
    if (s.find_first_of(".eE") == std::string::npos) s += ".0";
    return s;
}


// `limit` (Polar spelling only): once the text is that long, the rest of a
// list or dictionary is written `…`.
void append(std::string& out, const Value& v, bool json, std::size_t limit = SIZE_MAX) {
    const auto& d = v.data();
    if (std::holds_alternative<std::monostate>(d)) {
        out += json ? "null" : "nil";
    } else if (auto* b = std::get_if<bool>(&d)) {
        out += *b ? "true" : "false";
    } else if (auto* i = std::get_if<std::int64_t>(&d)) {
        out += std::to_string(*i);
    } else if (auto* f = std::get_if<double>(&d)) {
        // JSON has no infinity or NaN; null is what JSON.stringify writes too.
        out += (json && !std::isfinite(*f)) ? "null" : formatFloat(*f);
    } else if (auto* s = std::get_if<std::string>(&d)) {
        appendEscaped(out, *s, json);
    } else if (auto* l = std::get_if<Value::List>(&d)) {
        out += '[';
        for (std::size_t k = 0; k < l->size(); ++k) {
            if (k) out += json ? "," : ", ";
            if (out.size() >= limit) {
                out += "…";
                break;
            }
            append(out, (*l)[k], json, limit);
        }
        out += ']';
    } else if (auto* m = std::get_if<Value::Dict>(&d)) {
        out += '{';
        bool first = true;
        for (const auto& [key, value] : *m) {
            if (!first) out += json ? "," : ", ";
            first = false;
            if (out.size() >= limit) {
                out += "…";
                break;
            }
            if (json) {
                appendEscaped(out, key, true);
                out += ':';
            } else {
                out += key + ": ";
            }
            append(out, value, json, limit);
        }
        out += '}';
    } else if (auto* inst = std::get_if<Instance>(&d)) {
        const std::string name = inst->className().empty() ? "Instance" : inst->className();
        if (json) {
            out += "{\"$instance\":";
            appendEscaped(out, name, true);
            out += '}';
        } else {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%p", inst->object());
            out += name + "<" + buf + ">";
        }
    } else if (std::holds_alternative<Iterator>(d)) {
        out += json ? "{\"$iterator\":true}" : "<iterator>";
    } else if (auto* var = std::get_if<Value::Variable>(&d)) {
        if (json) {
            out += "{\"$var\":";
            appendEscaped(out, var->name, true);
            out += '}';
        } else {
            out += var->name;
        }
    }
}

} // namespace

bool Value::asBool() const {
    if (auto* b = std::get_if<bool>(&m_data)) return *b;
    wrongType("a boolean", *this);
}
std::int64_t Value::asInt() const {
    if (auto* i = std::get_if<std::int64_t>(&m_data)) return *i;
    wrongType("an integer", *this);
}
double Value::asFloat() const {
    if (auto* f = std::get_if<double>(&m_data)) return *f;
    if (auto* i = std::get_if<std::int64_t>(&m_data)) return static_cast<double>(*i);
    wrongType("a number", *this);
}
const std::string& Value::asString() const {
    if (auto* s = std::get_if<std::string>(&m_data)) return *s;
    wrongType("a string", *this);
}
const Value::List& Value::asList() const {
    if (auto* l = std::get_if<List>(&m_data)) return *l;
    wrongType("a list", *this);
}
const Value::Dict& Value::asDict() const {
    if (auto* m = std::get_if<Dict>(&m_data)) return *m;
    wrongType("a dictionary", *this);
}
const Instance& Value::asInstance() const {
    if (auto* i = std::get_if<Instance>(&m_data)) return *i;
    wrongType("an instance", *this);
}
const Iterator& Value::asIterator() const {
    if (auto* i = std::get_if<Iterator>(&m_data)) return *i;
    wrongType("an iterator", *this);
}
const Value::Variable& Value::asVariable() const {
    if (auto* v = std::get_if<Variable>(&m_data)) return *v;
    wrongType("a variable", *this);
}

std::string Value::toPolar() const {
    std::string out;
    append(out, *this, false);
    return out;
}

std::string Value::toPolar(std::size_t limit) const {
    std::string out;
    append(out, *this, false, limit);
    return out;
}

std::string Value::toJson() const {
    std::string out;
    append(out, *this, true);
    return out;
}

bool Value::operator==(const Value& other) const {
    const bool leftNumber = isInt() || isFloat();
    const bool rightNumber = other.isInt() || other.isFloat();
    if (leftNumber && rightNumber) {
        if (isInt() && other.isInt()) return asInt() == other.asInt();
        return asFloat() == other.asFloat();
    }
    return m_data == other.m_data;
}

void Bindings::set(std::string name, Value value) {
    for (auto& entry : m_entries) {
        if (entry.first == name) {
            entry.second = std::move(value);
            return;
        }
    }
    m_entries.emplace_back(std::move(name), std::move(value));
}

const Value* Bindings::find(std::string_view name) const {
    for (const auto& entry : m_entries)
        if (entry.first == name) return &entry.second;
    return nullptr;
}

const Value& Bindings::at(std::string_view name) const {
    if (const Value* v = find(name)) return *v;
    throw Error(ErrorKind::Operational, "UnknownVariable",
                "no variable `" + std::string(name) + "` in this result");
}

std::string Bindings::toJson() const {
    std::string out = "{";
    for (std::size_t k = 0; k < m_entries.size(); ++k) {
        if (k) out += ",";
        appendEscaped(out, m_entries[k].first, true);
        out += ':';
        append(out, m_entries[k].second, true);
    }
    return out + "}";
}

} // namespace polar
