// viewer_image_check — reads a polar-viewer screenshot the way a person
// would: counts the nested squares crossed along the middle row (each
// square's light border is crossed once on the way to the centre) and
// compares the background in a corner with the palette colour after a given
// number of branches.
//
//   viewer_image_check IMAGE --squares N --branches B
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <SFML/Graphics/Image.hpp>

#include "polar/viewer/palette.hpp"

namespace {

bool isBorder(const sf::Color& c) { return c.r > 200 && c.g > 200 && c.b > 200; }

int near(int a, int b) { return std::abs(a - b) <= 3; }

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help")) {
        std::puts("usage: viewer_image_check IMAGE --squares N --branches B");
        return argc < 2 ? 2 : 0;
    }
    int squares = -1;
    long branches = -1;
    for (int k = 2; k + 1 < argc; k += 2) {
        if (!std::strcmp(argv[k], "--squares")) squares = std::atoi(argv[k + 1]);
        if (!std::strcmp(argv[k], "--branches")) branches = std::atol(argv[k + 1]);
    }
    sf::Image image;
    if (!image.loadFromFile(argv[1])) {
        std::fprintf(stderr, "viewer_image_check: cannot read %s\n", argv[1]);
        return 2;
    }
    const auto size = image.getSize();
    int crossings = 0;
    bool inside = false;
    for (unsigned x = 0; x < size.x / 2; ++x) {
        const bool border = isBorder(image.getPixel(x, size.y / 2));
        if (border && !inside) ++crossings;
        inside = border;
    }
    const sf::Color corner = image.getPixel(3, size.y - 4);
    bool ok = true;
    std::printf("squares along the middle row: %d", crossings);
    if (squares >= 0) {
        std::printf(" (expected %d)", squares);
        ok = ok && crossings == squares;
    }
    std::printf("\nbackground: %u %u %u", corner.r, corner.g, corner.b);
    if (branches >= 0) {
        const auto want = polar::viewer::paletteColor(static_cast<std::uint64_t>(branches));
        std::printf(" (palette after %ld branches: %u %u %u)", branches, want.r, want.g, want.b);
        ok = ok && near(corner.r, want.r) && near(corner.g, want.g) && near(corner.b, want.b);
    }
    std::printf("\n%s\n", ok ? "ok" : "MISMATCH");
    return ok ? 0 : 1;
}
