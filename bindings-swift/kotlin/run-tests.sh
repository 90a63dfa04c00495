#!/usr/bin/env bash
# Runs the JVM tests of the uniffi-generated Kotlin bindings of callsheet.
#
# Needs: a JDK (17+) and Maven; the built library and bindgen:
#   cargo build -p callsheet-ffi && cargo build -p uniffi-bindgen
# The first run downloads the Kotlin compiler, JNA and JUnit from Maven Central
# into ~/.m2; later runs need no network.
#
# Environment:
#   CALLSHEET_KOTLIN_GENERATED  a directory that already holds the Kotlin
#                               generated from this build's library
#                               (dev/callsheet/callsheet_ffi.kt), such as the
#                               target/uniffi-generated that scripts/test.sh
#                               writes; unset: the Kotlin is generated here
#   CARGO_TARGET_DIR            as for cargo (default: <repo>/target)
#   CALLSHEET_PROFILE           cargo profile directory name (default: debug)
# Arguments are passed on to mvn (for example -o to stay offline).
set -euo pipefail

if ! command -v mvn >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then
    echo "SKIPPED: Kotlin JVM tests need a JDK and Maven (mvn/java not found)"
    exit 0
fi

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
profile_dir=$target/${CALLSHEET_PROFILE:-debug}
case $(uname -s) in
    Darwin) library=$profile_dir/libcallsheet_ffi.dylib ;;
    *) library=$profile_dir/libcallsheet_ffi.so ;;
esac
bindgen=$profile_dir/uniffi-bindgen

if [ ! -f "$library" ]; then
    echo "error: $library is missing: run 'cargo build -p callsheet-ffi' first" >&2
    exit 1
fi
# A library older than one of its sources (cargo's dep-info lists them) is a
# stale build: the tests would pass or fail on old code.
depinfo=$profile_dir/libcallsheet_ffi.d
if [ -f "$depinfo" ]; then
    for source in $(grep -v '^#' "$depinfo" | sed 's/^[^:]*://'); do
        if [ "$source" -nt "$library" ]; then
            echo "error: $library is older than $source: run 'cargo build -p callsheet-ffi' first" >&2
            exit 1
        fi
    done
fi

if [ -n "${CALLSHEET_KOTLIN_GENERATED:-}" ]; then
    generated=$(cd "$CALLSHEET_KOTLIN_GENERATED" && pwd)
    if [ ! -s "$generated/dev/callsheet/callsheet_ffi.kt" ]; then
        echo "error: CALLSHEET_KOTLIN_GENERATED=$generated holds no dev/callsheet/callsheet_ffi.kt" >&2
        exit 1
    fi
else
    if [ ! -x "$bindgen" ]; then
        echo "error: $bindgen is missing: run 'cargo build -p uniffi-bindgen' first" >&2
        exit 1
    fi
    generated=$target/uniffi-generated
    # Run from the repository so that the bindgen finds bindings-swift/uniffi.toml
    # (package dev.callsheet, BigDecimal/LocalDate/LocalTime mappings). Only the
    # Kotlin file is rewritten; Swift and Python output already there stays.
    (cd "$root" && "$bindgen" generate --no-format --language kotlin --out-dir "$generated" "$library")
    [ -s "$generated/dev/callsheet/callsheet_ffi.kt" ] || {
        echo "error: uniffi-bindgen wrote no $generated/dev/callsheet/callsheet_ffi.kt" >&2
        exit 1
    }
fi

reports=$here/target/surefire-reports
rm -rf "$reports"
# Debian's Maven 3.8 writes stray colour resets (ESC[0m) even with -B -q; strip
# them so that the summary line below stands alone.
esc=$(printf '\033')
set +e
mvn -q -B -Dstyle.color=never -f "$here/pom.xml" \
    -Dcallsheet.generated="$generated" \
    -Dcallsheet.lib="$profile_dir" \
    -Dcallsheet.repo="$root" \
    "$@" test 2>&1 | sed -u "s/$esc\[[0-9;]*m//g"
status=${PIPESTATUS[0]}
set -e

# One line from the Surefire reports: "Kotlin: N passed, N failed, N skipped".
# Counted from the <testcase> elements, not the suite's attributes (with
# @Nested classes, Surefire 3.5 wrote tests="0" in the outer class's report).
tests=0 failed=0 skipped=0
count() { grep -oE "$1" "$2" | wc -l || true; }
shopt -s nullglob
for report in "$reports"/TEST-*.xml; do
    tests=$((tests + $(count '<testcase[ >]' "$report")))
    failed=$((failed + $(count '<(failure|error)[ >/]' "$report")))
    skipped=$((skipped + $(count '<skipped[ >/]' "$report")))
done
if [ "$tests" -eq 0 ]; then
    echo "Kotlin: no tests ran (mvn exit status $status)" >&2
    [ "$status" -ne 0 ] || status=1
    exit "$status"
fi
echo "Kotlin: $((tests - failed - skipped)) passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$failed" -ne 0 ]; then
    status=1
fi
exit "$status"
