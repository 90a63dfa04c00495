#!/usr/bin/env bash
# Builds the Swift package of callsheet (bindings-swift/swift):
#
#   1. the Rust library:   cargo build -p callsheet-ffi [--release]
#   2. the uniffi bindgen: cargo build -p uniffi-bindgen (always debug)
#   3. the Swift sources, generated from that library into the package:
#        Sources/Callsheet/Callsheet.swift
#        Sources/CallsheetFFI/callsheetFFI.h
#        Sources/CallsheetFFI/module.modulemap   (fixed: see below)
#      and .ffi-lib-dir, the library's directory, which Package.swift links
#      against (generated code and library must come from the same build:
#      uniffi checks this when the library is first called)
#   4. on macOS only: CallsheetFFI.xcframework with static libraries for iOS
#      devices (arm64), the iOS simulator (arm64 + x86_64, lipo) and macOS
#      (arm64 + x86_64, lipo), built with `xcodebuild -create-xcframework`.
#
# The module map fix: uniffi writes `use "Darwin"`, `use "_Builtin_stdbool"`
# and `use "_Builtin_stdint"` lines that newer Xcode rejects (the module then
# fails to build, `canImport(CallsheetFFI)` is false and the generated Swift
# reports "cannot find type 'RustBuffer'"; uniffi-rs issue 2917). They are
# dropped; nothing needs them. The package's copy adds `link "callsheet_ffi"`.
#
# Usage: build.sh [--release] [--no-xcframework]
#   --release          build the Rust libraries with cargo's release profile
#   --no-xcframework   on macOS, stop after step 3
#
# Environment:
#   CARGO_TARGET_DIR   as for cargo (default: <repo>/target; relative to the repo)
#   CALLSHEET_PROFILE  debug (default) or release; --release means release
#   IPHONEOS_DEPLOYMENT_TARGET, MACOSX_DEPLOYMENT_TARGET
#                      minimum OS versions of the XCFramework (13.0, 11.0:
#                      those of Package.swift)
#
# Needs: Rust (cargo). For the XCFramework: macOS with Xcode (xcodebuild,
# lipo) and rustup (missing Apple targets are added with `rustup target add`).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

profile=${CALLSHEET_PROFILE:-debug}
xcframework=auto
for arg in "$@"; do
    case $arg in
        --release) profile=release ;;
        --no-xcframework) xcframework=no ;;
        -h | --help)
            sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "error: unknown argument '$arg' (see $0 --help)" >&2
            exit 2
            ;;
    esac
done
case $profile in
    debug) cargo_profile=() ;;
    release) cargo_profile=(--release) ;;
    *)
        echo "error: CALLSHEET_PROFILE must be debug or release, not '$profile'" >&2
        exit 2
        ;;
esac

target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
profile_dir=$target/$profile
case $(uname -s) in
    Darwin) host_library=$profile_dir/libcallsheet_ffi.dylib ;;
    *) host_library=$profile_dir/libcallsheet_ffi.so ;;
esac
bindgen=$target/debug/uniffi-bindgen

step() { printf '\n==> %s\n' "$*"; }

# Cargo runs from the repository (the workspace; also where the bindgen finds
# bindings-swift/uniffi.toml through cargo metadata).
cd "$root"

step "Rust library: cargo build -p callsheet-ffi ($profile)"
cargo build --locked -p callsheet-ffi ${cargo_profile[@]+"${cargo_profile[@]}"}
[ -f "$host_library" ] || {
    echo "error: cargo built no $host_library" >&2
    exit 1
}

step "uniffi bindgen: cargo build -p uniffi-bindgen"
cargo build --locked -p uniffi-bindgen
[ -x "$bindgen" ] || {
    echo "error: cargo built no $bindgen" >&2
    exit 1
}

step "generate the Swift sources from $host_library"
generated=$target/uniffi-swift
rm -rf "$generated"
"$bindgen" generate --no-format --language swift --out-dir "$generated" "$host_library"
for f in Callsheet.swift callsheetFFI.h callsheetFFI.modulemap; do
    [ -s "$generated/$f" ] || {
        echo "error: uniffi-bindgen wrote no $generated/$f" >&2
        exit 1
    }
done
# The package's target and the generated `import` both say CallsheetFFI.
grep -q '^module CallsheetFFI {' "$generated/callsheetFFI.modulemap" || {
    echo "error: $generated/callsheetFFI.modulemap does not declare 'module CallsheetFFI'" \
        "(ffi_module_name in bindings-swift/uniffi.toml changed?)" >&2
    exit 1
}
grep -q '^import CallsheetFFI$' "$generated/Callsheet.swift" || {
    echo "error: $generated/Callsheet.swift does not import CallsheetFFI" >&2
    exit 1
}

# module_map LINK_LINE: the generated module map without its `use` lines (and
# as a plain module, not a framework module), with LINK_LINE after the header
# line when given.
module_map() {
    sed -e '/^[[:space:]]*use "/d' -e 's/^framework module /module /' \
        "$generated/callsheetFFI.modulemap" |
        awk -v link="$1" '{ print } link != "" && /^[[:space:]]*header "/ { print "    " link }'
}

# Write into the package through temporary files, then rename, so that an
# interrupted run leaves no half-written source behind.
install_file() { # install_file SOURCE DEST
    cp "$1" "$2.tmp.$$"
    mv -f "$2.tmp.$$" "$2"
}
mkdir -p "$here/Sources/Callsheet" "$here/Sources/CallsheetFFI"
install_file "$generated/Callsheet.swift" "$here/Sources/Callsheet/Callsheet.swift"
install_file "$generated/callsheetFFI.h" "$here/Sources/CallsheetFFI/callsheetFFI.h"
module_map 'link "callsheet_ffi"' > "$generated/module.modulemap"
install_file "$generated/module.modulemap" "$here/Sources/CallsheetFFI/module.modulemap"
if grep -q 'use "' "$here/Sources/CallsheetFFI/module.modulemap"; then
    echo "error: a 'use' line survived in $here/Sources/CallsheetFFI/module.modulemap" >&2
    exit 1
fi
printf '%s\n' "$profile_dir" > "$here/.ffi-lib-dir.tmp.$$"
mv -f "$here/.ffi-lib-dir.tmp.$$" "$here/.ffi-lib-dir"
echo "wrote Sources/Callsheet/Callsheet.swift ($(wc -l < "$here/Sources/Callsheet/Callsheet.swift") lines)," \
    "Sources/CallsheetFFI/{callsheetFFI.h,module.modulemap}, .ffi-lib-dir ($profile_dir)"

if [ "$(uname -s)" != Darwin ]; then
    step "XCFramework: skipped (needs macOS with Xcode)"
elif [ "$xcframework" = no ]; then
    step "XCFramework: skipped (--no-xcframework)"
    if [ -d "$here/CallsheetFFI.xcframework" ]; then
        echo "warning: the existing CallsheetFFI.xcframework was not rebuilt and no longer matches the" \
            "generated sources; Package.swift uses it while it exists: remove it, or set" \
            "CALLSHEET_FFI_USE_LIBRARY=1 to link $host_library" >&2
    fi
else
    step "XCFramework: iOS, iOS simulator and macOS static libraries ($profile)"
    for tool in xcodebuild lipo rustup; do
        command -v "$tool" >/dev/null 2>&1 || {
            echo "error: $tool not found: the XCFramework needs Xcode and rustup (or pass --no-xcframework)" >&2
            exit 1
        }
    done
    export IPHONEOS_DEPLOYMENT_TARGET=${IPHONEOS_DEPLOYMENT_TARGET:-13.0}
    export MACOSX_DEPLOYMENT_TARGET=${MACOSX_DEPLOYMENT_TARGET:-11.0}
    apple_targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin)
    installed=$(rustup target list --installed)
    for t in "${apple_targets[@]}"; do
        if ! grep -qx "$t" <<< "$installed"; then
            echo "adding the Rust target $t (rustup target add $t)"
            rustup target add "$t"
        fi
    done
    for t in "${apple_targets[@]}"; do
        echo "cargo build -p callsheet-ffi --target $t"
        cargo build --locked -p callsheet-ffi --lib ${cargo_profile[@]+"${cargo_profile[@]}"} --target "$t"
    done
    lib() { echo "$target/$1/$profile/libcallsheet_ffi.a"; }

    staging=$target/swift-xcframework
    rm -rf "$staging"
    mkdir -p "$staging/headers" "$staging/ios" "$staging/ios-simulator" "$staging/macos"
    cp "$generated/callsheetFFI.h" "$staging/headers/"
    # The binary target links the static library itself: no `link` line.
    module_map '' > "$staging/headers/module.modulemap"
    cp "$(lib aarch64-apple-ios)" "$staging/ios/libcallsheet_ffi.a"
    lipo -create "$(lib aarch64-apple-ios-sim)" "$(lib x86_64-apple-ios)" \
        -output "$staging/ios-simulator/libcallsheet_ffi.a"
    lipo -create "$(lib aarch64-apple-darwin)" "$(lib x86_64-apple-darwin)" \
        -output "$staging/macos/libcallsheet_ffi.a"

    rm -rf "$here/CallsheetFFI.xcframework"
    xcodebuild -create-xcframework \
        -library "$staging/ios/libcallsheet_ffi.a" -headers "$staging/headers" \
        -library "$staging/ios-simulator/libcallsheet_ffi.a" -headers "$staging/headers" \
        -library "$staging/macos/libcallsheet_ffi.a" -headers "$staging/headers" \
        -output "$here/CallsheetFFI.xcframework"
    echo "wrote CallsheetFFI.xcframework: Package.swift now uses it on Apple platforms" \
        "(CALLSHEET_FFI_USE_LIBRARY=1 to link $host_library instead)"
fi

step "done: the package is ready"
echo "test it with: (cd ${here#"$root"/} && swift test)"
