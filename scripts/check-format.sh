#!/usr/bin/env bash
# Fails, listing the files, when any C++ source differs from the committed .clang-format style.
set -euo pipefail
cd "$(dirname "$0")/.."
formatter=${CLANG_FORMAT:-clang-format}
mapfile -t files < <(find core server app ui bench tests -name '*.cpp' -o -name '*.h' | sort)
# One formatter process for every file: one per file spent most of its time starting up.
status=0
report=$("$formatter" --dry-run --Werror "${files[@]}" 2>&1) || status=$?
if ((status != 0)); then
    mapfile -t bad < <(sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' \
        <<<"$report" | sort -u)
    if ((${#bad[@]} == 0)); then
        echo "check-format: $formatter failed:"
        echo "$report"
        exit 1
    fi
    echo "not formatted (run: clang-format -i FILE):"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "check-format: ${#files[@]} files formatted"
