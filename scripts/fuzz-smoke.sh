#!/usr/bin/env bash
# Fuzz smoke run (issue #9): builds the cargo-fuzz targets in fuzz/, replays
# every saved regression and seed input once, then fuzzes each target for a
# few seconds (FUZZ_SMOKE_SECONDS, default 10) from them. A crash fails the
# script and leaves the input in fuzz/artifacts/<target>/.
#
# Needs cargo-fuzz and a nightly toolchain; without them it says SKIPPED and
# succeeds. The long runs are described in fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${FUZZ_SMOKE_SECONDS:-10}

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "SKIPPED: fuzz smoke run: cargo-fuzz is not installed (cargo install cargo-fuzz)"
    exit 0
fi
if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "SKIPPED: fuzz smoke run: no nightly toolchain (rustup toolchain install nightly)"
    exit 0
fi

cargo +nightly fuzz build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for target in $(cargo +nightly fuzz list); do
    mkdir -p "seeds/$target" "regressions/$target" "$work/$target"
    case "$target" in
        load_production) max_len=65536 ;;
        csv_import) max_len=8192 ;;
        *) max_len=4096 ;;
    esac
    echo "fuzz $target: replaying $(ls "regressions/$target" | wc -l) regressions and $(ls "seeds/$target" | wc -l) seeds, then ${seconds} s of fuzzing"
    log="$work/$target.log"
    run() {
        if ! cargo +nightly fuzz run "$target" "$@" > "$log" 2>&1; then
            tail -n 60 "$log"
            echo "fuzz $target: FAILED (the input is in fuzz/artifacts/$target/ or above)" >&2
            exit 1
        fi
        grep -E "^Done" "$log" || true
    }
    # Given files, libFuzzer runs each once, whole (corpus directories are
    # cut to -max_len). Then fuzz from them; new inputs go to the scratch
    # directory (the first one), never into the repository.
    inputs=$(find "regressions/$target" "seeds/$target" -type f | sort)
    if [ -n "$inputs" ]; then
        # shellcheck disable=SC2086 # file names have no spaces
        run $inputs -- -rss_limit_mb=2048 -timeout=30
    fi
    run "$work/$target" "regressions/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -max_len=$max_len -rss_limit_mb=2048 -timeout=30
done
echo "fuzz smoke run: no crashes"
