#!/usr/bin/env bash
# Runs every test of callsheet: formatting, lints, Rust tests (core, bindings,
# doc tests, the uniffi-generated Python bindings), the Python package's tests
# and stub check, and binding generation for Swift and Kotlin. Suites whose
# toolchain is missing say plainly that they are skipped.
#
# Needs: Rust (cargo) and Python 3 with venv. Creates ./.venv if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

step() { printf '\n==> %s\n' "$*"; }
skipped=()

# A clean clone needs about 6 GiB for the builds; say so before the linker
# dies of a full disk halfway through.
free_kib=$(df -Pk . | awk 'NR == 2 { print $4 }')
echo "disk: $((free_kib / 1024 / 1024)) GiB free in $root"
if [ "${free_kib:-0}" -lt $((6 * 1024 * 1024)) ]; then
    echo "warning: less than 6 GiB free; the builds below may fail with 'No space left on device'" >&2
fi
# Incremental caches only pay off when the same tree is rebuilt; a CI run
# builds once, so they would be dead weight on the disk.
if [ -n "${CI:-}" ]; then
    export CARGO_INCREMENTAL=0
fi

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --all-targets --locked -- -D warnings

step "core API docs (broken links and missing docs are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p callsheet

step "build the libraries and the uniffi bindgen (the bindgen is kept out of the default build)"
cargo build --locked
cargo build --locked -p uniffi-bindgen

step "sample production: generator self-check (stdlib Python)"
python3 examples/data/generate_sample.py --check

step "Rust tests (core, bindings, examples, doc tests, uniffi Python bindings)"
cargo test --locked

step "Python package: venv, build, pytest, stubtest"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv || {
        echo "error: 'python3 -m venv' failed; on Debian install it with: apt-get install python3-venv" >&2
        exit 1
    }
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r bindings-python/requirements-dev.txt
.venv/bin/maturin develop --quiet --locked -m bindings-python/Cargo.toml
.venv/bin/python -m pytest -q bindings-python/tests

step "Python wheel: one abi3 wheel with py.typed and the stubs, installed into a fresh venv"
rm -rf target/wheels target/wheel-venv
.venv/bin/maturin build --quiet --locked --profile dev -m bindings-python/Cargo.toml --out target/wheels
wheels=(target/wheels/callsheet-*.whl)
[ ${#wheels[@]} -eq 1 ] || { echo "error: expected one wheel, found ${#wheels[@]}" >&2; exit 1; }
case "${wheels[0]}" in
    *-abi3-*) ;;
    *) echo "error: ${wheels[0]} is not an abi3 wheel" >&2; exit 1 ;;
esac
python3 -m venv target/wheel-venv
target/wheel-venv/bin/python -m pip install --quiet --disable-pip-version-check --no-index "${wheels[0]}"
(cd /tmp && "$root/target/wheel-venv/bin/python" - <<'PY'
import importlib.metadata, importlib.resources, callsheet
files = {f.name for f in importlib.resources.files("callsheet").iterdir()}
assert {"py.typed", "_callsheet.pyi"} <= files, files
assert importlib.metadata.version("callsheet") == callsheet.__version__, callsheet.__version__
print("wheel ok: callsheet", callsheet.__version__, "from", callsheet.__file__)
PY
)
.venv/bin/python -m mypy.stubtest callsheet --allowlist bindings-python/stubtest-allowlist.txt
.venv/bin/python -m mypy --strict bindings-python/tests examples/python
for script in examples/python/*.py; do
    echo "example: $script"
    .venv/bin/python "$script" > /dev/null
done

step "generate Swift, Kotlin and Python sources with uniffi (a check)"
out="$root/target/uniffi-generated"
rm -rf "$out"
target/debug/uniffi-bindgen generate --no-format --language swift --language kotlin --language python \
    --out-dir "$out" target/debug/libcallsheet_ffi.so
for f in callsheet_ffi.py Callsheet.swift callsheetFFI.h dev/callsheet/callsheet_ffi.kt; do
    [ -s "$out/$f" ] || { echo "error: $out/$f was not generated" >&2; exit 1; }
done
echo "generated: $(cd "$out" && find . -type f | sort | tr '\n' ' ')"

step "Swift package tests (bindings-swift/swift: build.sh, then swift test)"
if command -v swift >/dev/null 2>&1; then
    bindings-swift/swift/build.sh --no-xcframework \
        && (cd bindings-swift/swift && CALLSHEET_FFI_USE_LIBRARY=1 swift test)
else
    echo "SKIPPED: no Swift toolchain (swift not found)"
    skipped+=("Swift (no toolchain)")
fi

step "Kotlin tests (JVM, JNA, JUnit through Maven)"
if command -v mvn >/dev/null 2>&1 && command -v java >/dev/null 2>&1; then
    CALLSHEET_KOTLIN_GENERATED="$out" bindings-swift/kotlin/run-tests.sh
else
    echo "SKIPPED: Kotlin JVM tests need a JDK and Maven (mvn/java not found)"
    skipped+=("Kotlin (no JDK/Maven)")
fi

step "fuzz smoke run (cargo-fuzz targets: loader, CSV import, formulas, iCalendar round trip)"
if cargo fuzz --version >/dev/null 2>&1 && cargo +nightly --version >/dev/null 2>&1; then
    FUZZ_SMOKE_SECONDS=${FUZZ_SMOKE_SECONDS:-10} scripts/fuzz-smoke.sh
else
    echo "SKIPPED: fuzz smoke run needs cargo-fuzz and a nightly toolchain"
    skipped+=("fuzz smoke (no cargo-fuzz/nightly)")
fi

printf '\nAll tests passed.'
if [ ${#skipped[@]} -gt 0 ]; then
    printf ' Skipped: %s.' "$(IFS=';'; echo "${skipped[*]}")"
fi
printf '\n'
