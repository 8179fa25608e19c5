// preset_bank.cpp — see preset_bank.hpp.
#include "polar/viewer/preset_bank.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

namespace polar::viewer {

namespace {

using nlohmann::json;

// A preset file is a few kilobytes; a megabyte is a file that is not one
// (a recording, an image), refused before parsing it.
constexpr std::uintmax_t kMaxPresetFileBytes = 1 << 20;

std::optional<Preset> readPreset(const json& entry, const std::string& slot, std::string& error) {
    if (!entry.is_object() || !entry.contains("values") || !entry["values"].is_object()) {
        error = "preset " + slot + ": needs an object with \"values\"";
        return std::nullopt;
    }
    Preset preset;
    if (entry.contains("name")) {
        if (!entry["name"].is_string()) {
            error = "preset " + slot + ": \"name\" is not a string";
            return std::nullopt;
        }
        preset.name = entry["name"].get<std::string>();
    }
    for (const auto& [path, value] : entry["values"].items()) {
        if (value.is_number()) preset.values.emplace_back(path, value.get<double>());
        else if (value.is_boolean()) preset.values.emplace_back(path, value.get<bool>() ? 1.0 : 0.0);
        else if (value.is_string()) preset.values.emplace_back(path, value.get<std::string>());
        else {
            error = "preset " + slot + ": \"" + path + "\" is neither a number nor a name";
            return std::nullopt;
        }
    }
    return preset;
}

} // namespace

PresetLoad loadPresetBank(const std::filesystem::path& file) {
    const std::string where = file.string() + ": ";
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return {std::nullopt, where + ec.message()};
    if (size > kMaxPresetFileBytes) return {std::nullopt, where + "larger than 1 MiB; not a preset file"};
    std::ifstream in(file);
    if (!in) return {std::nullopt, where + "cannot be read"};
    const json document = json::parse(in, nullptr, false);
    if (document.is_discarded()) return {std::nullopt, where + "not valid JSON"};
    if (!document.is_object() || document.value("version", 0) != 1)
        return {std::nullopt, where + "not a polar-viewer preset file (needs \"version\": 1)"};
    PresetBank bank;
    if (!document.contains("presets")) return {bank, ""};
    if (!document["presets"].is_object()) return {std::nullopt, where + "\"presets\" is not an object"};
    for (const auto& [slot, entry] : document["presets"].items()) {
        if (slot.size() != 1 || slot[0] < '1' || slot[0] > '9')
            return {std::nullopt, where + "preset slot \"" + slot + "\" is not 1..9"};
        std::string error;
        auto preset = readPreset(entry, slot, error);
        if (!preset) return {std::nullopt, where + error};
        bank.slots[static_cast<std::size_t>(slot[0] - '1')] = std::move(preset);
    }
    return {bank, ""};
}

std::string presetBankJson(const PresetBank& bank) {
    json presets = json::object();
    for (std::size_t slot = 0; slot < kPresetSlots; ++slot) {
        if (!bank.slots[slot]) continue;
        json values = json::object();
        for (const auto& [path, value] : bank.slots[slot]->values) {
            if (const auto* number = std::get_if<double>(&value)) values[path] = *number;
            else values[path] = std::get<std::string>(value);
        }
        presets[std::to_string(slot + 1)] = json{{"name", bank.slots[slot]->name}, {"values", values}};
    }
    return json{{"version", 1}, {"presets", presets}}.dump(2) + "\n";
}

std::string savePresetBank(const std::filesystem::path& file, const PresetBank& bank) {
    const std::filesystem::path temporary = file.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        if (!out) return "cannot write " + temporary.string();
        out << presetBankJson(bank);
        out.flush();
        if (!out) return "cannot write " + temporary.string();
    }
    std::error_code ec;
    std::filesystem::rename(temporary, file, ec);
    if (ec) return "cannot replace " + file.string() + ": " + ec.message();
    return "";
}

} // namespace polar::viewer
