#!/bin/sh
# check_repository.sh POLAR ROOT — every .polar file of the repository is
# formatted: `polar fmt --check` over all of them exits 0.
#
# The files are the ones git tracks when ROOT is a git work tree (so build
# directories and node_modules never count), else every .polar under ROOT
# outside build*/ and node_modules/. A file that is meant to stay as it is
# (a deliberate parse error) says `# polar fmt: off` in its opening
# comments; --check counts those as left alone.
set -eu
polar=$1
root=$2
cd "$root"
list=$(mktemp)
trap 'rm -f "$list"' EXIT
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z -- '*.polar' > "$list"
else
    find . \( -name 'build*' -o -name node_modules -o -name .git \) -prune -o -name '*.polar' -print0 > "$list"
fi
count=$(tr -cd '\0' < "$list" | wc -c)
if [ "$count" -lt 100 ]; then
    echo "FAIL: only $count .polar files found under $root" >&2
    exit 1
fi
if xargs -0 "$polar" fmt --check < "$list"; then
    echo "ok: all $count .polar files are formatted"
else
    echo "FAIL: files above need 'polar fmt -w' (or '# polar fmt: off' if they must stay as they are)" >&2
    exit 1
fi
