// replay_main.cpp — run the fuzz target over files without libFuzzer.
//
//   polar_fuzz_replay PATH...    (files, or directories of files)
//
// Every build (GCC included, which has no libFuzzer) runs the seed corpus
// through LLVMFuzzerTestOneInput as the ctest `fuzz_corpus_replay`, so a
// change that crashes on a known input fails the normal test suite, not
// only a fuzzing session. Inputs run in sorted order so a failure is
// reproducible; the file name is printed first so a crash names its input.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const fs::path path = argv[i];
        if (fs::is_directory(path)) {
            for (const auto& entry : fs::directory_iterator(path)) {
                if (entry.is_regular_file()) {
                    inputs.push_back(entry.path());
                }
            }
        } else {
            inputs.push_back(path);
        }
    }
    std::sort(inputs.begin(), inputs.end());
    if (inputs.empty()) {
        std::cerr << "polar_fuzz_replay: no inputs\n";
        return 2;
    }

    for (const fs::path& path : inputs) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << "polar_fuzz_replay: cannot open " << path.string() << '\n';
            return 2;
        }
        const std::string bytes{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
        std::cout << "replay " << path.filename().string() << std::endl;  // flushed: names a crash
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::cout << "replayed " << inputs.size() << " inputs\n";
    return 0;
}
