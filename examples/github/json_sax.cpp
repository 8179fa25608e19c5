// json_sax.cpp — readDataSet() and parseDataSet() of json_io.hpp.
//
// Streamed: a SAX handler builds one small json value per array element
// (an organization, a repository, a user with its roles), checks it, keeps
// what the DataSet needs and drops it (json_read.cpp checks). Building the whole document first
// took ~12 times the file's size (563 MB for a 45 MB file), so a file the
// caps allow could ask for gigabytes before a single check.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>
#include <unordered_set>

#include "json_io.hpp"
#include "json_read.hpp"

namespace github {

namespace {

using nlohmann::json;
using namespace json_read;

// The format nests four deep ({"users": [{"orgRoles": [{...}]}]}); much
// deeper is hostile, refused before it costs memory or stack.
constexpr std::size_t kMaxDepth = 16;
// One element is built whole before it is checked, so its size is capped
// too: a user with the generator's most roles (1,000) is ~3,000 values.
constexpr std::size_t kMaxElementValues = 100'000;
// The largest data set the caps allow writes ~350 MB; a larger file is
// refused before it is read.
constexpr std::uintmax_t kMaxFileBytes = 512u << 20;

class Handler final : public json::json_sax_t {
public:
    explicit Handler(const std::string& name) : m_name(name) {}

    bool null() override { return scalar(json(nullptr)); }
    bool boolean(bool value) override { return scalar(json(value)); }
    bool number_integer(json::number_integer_t value) override { return scalar(json(value)); }
    bool number_unsigned(json::number_unsigned_t value) override { return scalar(json(value)); }
    bool number_float(json::number_float_t value, const std::string&) override {
        return scalar(json(value));
    }
    bool string(json::string_t& value) override { return scalar(json(std::move(value))); }
    bool binary(json::binary_t&) override { return scalar(json()); }
    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(json::string_t& key) override {
        if (m_depth == 1) m_topKey = key;
        m_key = key;
        return true;
    }
    bool parse_error(std::size_t, const std::string&,
                     const nlohmann::detail::exception& error) override {
        fail(m_name, "", std::string("not valid JSON: ") + error.what());
    }

    // After the parse: every section present, every name resolved.
    DataSet finish() {
        for (const char* section : {"organizations", "repositories", "users"})
            if (!m_seen.count(section))
                fail(m_name, "", std::string("missing field \"") + section + "\"");
        return resolve(m_pending, m_name);
    }

private:
    // A container opens: the top object, a section's array (depth 1),
    // an element (depth 2) or something inside one, which is built.
    bool open(json container) {
        if (++m_depth > kMaxDepth)
            fail(m_name, "", "nested deeper than " + std::to_string(kMaxDepth));
        if (m_depth == 1) {
            if (!container.is_object()) fail(m_name, "", "expected an object at the top");
        } else if (m_depth == 2) {
            startSection(container.is_array());
        } else if (m_inSection) {
            m_stack.push_back(place(std::move(container)));
        }
        return true;
    }

    bool close() {
        if (m_depth >= 3 && m_inSection) {
            m_stack.pop_back();
            if (m_stack.empty()) element(); // the element is complete
        } else if (m_depth == 2) {
            m_inSection = false;
        }
        --m_depth;
        return true;
    }

    bool scalar(json value) {
        if (m_depth == 0) fail(m_name, "", "expected an object at the top");
        if (m_depth == 1)
            startSection(false);
        else if (m_depth == 2 && m_inSection) {
            m_element = std::move(value);
            element(); // a bare scalar element: the checks say what is wrong
        } else if (m_inSection) {
            place(std::move(value));
        }
        return true;
    }

    // A top-level key's value begins; only the three sections are read,
    // anything else ("options") is skipped.
    void startSection(bool isArray) {
        m_inSection = isSection(m_topKey);
        if (!m_inSection) return;
        if (!isArray) fail(m_name, "/" + m_topKey, "expected an array");
        m_seen.insert(m_topKey);
        m_index = 0;
    }

    // Puts a value where it belongs in the element being built; returns it.
    json* place(json value) {
        if (++m_values > kMaxElementValues)
            fail(m_name, "/" + m_topKey + "/" + std::to_string(m_index),
                 "more than " + std::to_string(kMaxElementValues) + " values in one element");
        if (m_stack.empty()) {
            m_element = std::move(value);
            return &m_element;
        }
        json& parent = *m_stack.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back(); // valid until parent's next push_back, after this one closes
        }
        json& slot = parent[m_key];
        slot = std::move(value);
        return &slot;
    }

    void element() {
        addElement(m_pending, m_topKey, m_index++, m_element, m_name);
        m_element = json();
        m_values = 0;
    }

    const std::string& m_name;
    std::size_t m_depth = 0;
    std::string m_topKey, m_key;
    bool m_inSection = false;
    std::unordered_set<std::string> m_seen;
    std::size_t m_index = 0;
    json m_element;
    std::size_t m_values = 0; // in m_element
    std::vector<json*> m_stack;
    Pending m_pending;
};

} // namespace

DataSet parseDataSet(std::string_view text, const std::string& name) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) fail(name, "", "empty file");
    Handler handler(name);
    json::sax_parse(text.begin(), text.end(), &handler);
    return handler.finish();
}

DataSet readDataSet(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) fail(path, "", "is a directory");
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (!error && size > kMaxFileBytes)
        fail(path, "",
             std::to_string(size) + " bytes, above the cap of " + std::to_string(kMaxFileBytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    if ((in >> std::ws).peek() == std::ifstream::traits_type::eof()) fail(path, "", "empty file");
    Handler handler(path);
    json::sax_parse(in, &handler);
    if (in.bad()) throw std::runtime_error("cannot read " + path);
    return handler.finish();
}

} // namespace github
