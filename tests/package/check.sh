#!/usr/bin/env bash
# check.sh — is Polar AV embeddable the four documented ways?
#
# Installs an already built tree (build/ by default) into a scratch prefix,
# makes the .deb with cpack, lists it and extracts it (dpkg-deb -x: no root
# needed), runs the packaged `polar`, then builds this folder's main.cpp as
# a downstream project would:
#   (a) find_package(PolarAV) from the install tree, plus PolarAV::osc
#   (b) add_subdirectory of the repository (a parent project: engine only)
#   (c) a plain pkg-config compile line (g++ main.cpp $(pkg-config ...))
#   (d) find_package(PolarAV) from the extracted .deb, plus PolarAV::osc
# and checks that engine/ configures on its own. Everything lives in one
# scratch directory (removed at exit), nothing touches the network, and the
# consumers build only the engine or link the installed libraries, so the
# whole check takes one to two and a half minutes on 2 cores (most of it
# compiling the engine for (b)).
#
# Usage: tests/package/check.sh [BUILD_DIR]
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd) || { echo "check.sh: no build directory ${1:-build}" >&2; exit 2; }
jobs=$(nproc 2>/dev/null || echo 2)

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
work=$scratch/work
mkdir -p "$work"
checks=0 failures=0 last="" code=0
# shellcheck source=../report.sh
source "$repo/tests/report.sh"

# run COMMAND... — run it, keep its output for report(), set code.
run() {
    last="$*"
    "$@" >"$scratch/out" 2>"$scratch/err"
    code=$?
}

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)

# ---- install, package, extract ----------------------------------------------
run cmake --build "$build" --parallel "$jobs"
report $((code == 0)) "build tree $build is built"
run cmake --install "$build" --prefix "$work/prefix"
report $((code == 0)) "cmake --install into a scratch prefix"
for file in include/polar/polar.hpp include/polar/osc/broadcaster.hpp bin/polar; do
    last="test -e $work/prefix/$file"; code=0
    report "$([[ -e $work/prefix/$file ]] && echo 1 || echo 0)" "installed: $file"
done
config=$(find "$work/prefix" -name PolarAVConfig.cmake | head -n1)
report "$([[ -n $config ]] && echo 1 || echo 0)" "installed: PolarAVConfig.cmake (${config#"$work/prefix/"})"
pcdir=$(dirname "$(find "$work/prefix" -name polar-engine.pc | head -n1)")

run cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb"
deb=$(find "$work/deb" -maxdepth 1 -name '*.deb' | head -n1)
report "$([[ $code == 0 && -n $deb ]] && echo 1 || echo 0)" "cpack -G DEB made ${deb##*/}"
if [[ -n $deb ]]; then
    run dpkg-deb -c "$deb"
    cp "$scratch/out" "$work/deb-contents"
    for file in usr/bin/polar usr/bin/polar-osc usr/include/polar/polar.hpp \
                usr/lib/cmake/PolarAV/PolarAVConfig.cmake usr/share/polar-av/patches/README.md \
                usr/share/doc/polar-av/README.md; do
        grep -q " \./$file\$" "$work/deb-contents"
        report $((! $?)) "dpkg-deb -c lists $file"
    done
    echo "       $(grep -vc '/$' "$work/deb-contents") files; Depends: $(dpkg-deb -f "$deb" Depends)"
    run dpkg-deb -x "$deb" "$work/debroot"
    report $((code == 0)) "dpkg-deb -x into a throwaway root"
    run "$work/debroot/usr/bin/polar" --version
    report $((code == 0)) "packaged bin/polar --version: $(head -c 60 "$scratch/out")"
    run "$work/debroot/usr/bin/polar" --help
    report "$([[ $code == 0 ]] && grep -q query "$scratch/out" && echo 1 || echo 0)" "packaged bin/polar --help"
fi

# ---- the consumers ------------------------------------------------------------
# judge NAME BINARY — run a consumer program, report its checks and keep
# one line per consumer for the summary at the end.
summary=()
judge() {
    local name=$1 binary=$2 verdict
    run "$binary"
    if ((code == 0)); then
        sed 's/^/       | /' "$scratch/out"
        verdict="ok"
        report 1 "$name: every check passes"
    else
        verdict="FAIL (exit $code)"
        report 0 "$name: every check passes"
    fi
    summary+=("$(printf '%-44s %s' "$name" "$verdict")")
}

# consume NAME CMAKE-ARGS... — configure, build and run tests/package.
consume() {
    local name=$1 dir=$work/consumer-$1 start=$SECONDS
    shift
    run cmake -S "$here" -B "$dir" "${generator[@]}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF "$@"
    report $((code == 0)) "$name: configure"
    if ((code == 0)); then
        run cmake --build "$dir" --parallel "$jobs"
        report $((code == 0)) "$name: build ($((SECONDS - start)) s)"
    fi
    if ((code != 0)); then
        summary+=("$(printf '%-44s %s' "$name: consumer" "FAIL (did not build)")")
        return 0
    fi
    judge "$name: consumer" "$dir/consumer"
    if [[ -x $dir/consumer_osc ]]; then
        judge "$name: consumer_osc (+ PolarAV::osc)" "$dir/consumer_osc"
        # The POLAR_OSC hook is linked whole: a bad value is reported, not ignored silently.
        last="POLAR_OSC=not-an-address $dir/consumer_osc"
        POLAR_OSC=not-an-address "$dir/consumer_osc" >"$scratch/out" 2>"$scratch/err"
        code=$?
        grep -q "ignoring POLAR_OSC" "$scratch/err"
        report $((! $?)) "$name: the POLAR_OSC environment hook is linked in"
    fi
}

echo "== (a) find_package(PolarAV COMPONENTS osc) from the install tree"
consume install -DCMAKE_PREFIX_PATH="$work/prefix" -DCONSUMER_OSC=ON
echo "== (b) add_subdirectory of the repository (engine only)"
consume subdirectory -DPOLAR_AV_SOURCE_DIR="$repo"
echo "== (c) pkg-config"
start=$SECONDS
run env PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs polar-engine
flags=$(cat "$scratch/out")
report $((code == 0)) "pkg-config --cflags --libs polar-engine: $flags"
# Sources before the flags: the library is static, and the linker reads in order.
# shellcheck disable=SC2086
run g++ "$here/main.cpp" $flags -o "$work/consumer-pkgconfig"
report $((code == 0)) "pkg-config: g++ main.cpp \$(pkg-config ...) ($((SECONDS - start)) s)"
if ((code == 0)); then
    judge "pkg-config: consumer" "$work/consumer-pkgconfig"
else
    summary+=("$(printf '%-44s %s' "pkg-config: consumer" "FAIL (did not build)")")
fi
echo "== (d) find_package(PolarAV COMPONENTS osc) from the extracted .deb"
if [[ -d $work/debroot/usr ]]; then
    consume deb -DCMAKE_PREFIX_PATH="$work/debroot/usr" -DCONSUMER_OSC=ON
else
    last="dpkg-deb -x"; code=1
    report 0 "deb: no extracted package to build against"
fi

# ---- engine/ on its own (configure only: the build is (b)'s) ------------------
echo "== engine/ without the rest of the repository"
run cmake -S "$repo/engine" -B "$work/engine-top" "${generator[@]}"
report $((code == 0)) "cmake -S engine configures"
run cmake -S "$here" -B "$work/engine-sub" "${generator[@]}" -DPOLAR_AV_SOURCE_DIR="$repo/engine"
report $((code == 0)) "a foreign project's add_subdirectory(engine) configures"

echo
echo "== consumers"
printf '%s\n' "${summary[@]}"
echo "package: $checks checks, $failures failed"
((failures == 0))
