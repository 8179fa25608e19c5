#!/usr/bin/env bash
# controls_doc_test.sh VIEWER README — the control table in viewer/README.md
# is the one `polar-viewer --controls` prints (the code's table), row for row.
set -euo pipefail
viewer=$1 readme=$2
expected=$("$viewer" --controls | grep '^| `/viewer/')
documented=$(grep '^| `/viewer/' "$readme")
if [[ "$expected" != "$documented" ]]; then
    echo "FAIL: viewer/README.md's control table differs from polar-viewer --controls:"
    diff <(echo "$documented") <(echo "$expected") || true
    exit 1
fi
echo "ok - $(echo "$expected" | wc -l) controls documented as the code has them"
