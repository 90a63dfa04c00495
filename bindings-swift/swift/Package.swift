// swift-tools-version:6.0
//
// The Swift package of callsheet: `Callsheet`, the Swift API that uniffi
// generates from the Rust component `callsheet-ffi`, over the Rust library
// `libcallsheet_ffi`.
//
// Run ./build.sh first: it builds the Rust library and writes the generated
// sources this manifest expects (they are not committed, because generated
// code and library must come from the same build), and on macOS it also
// builds CallsheetFFI.xcframework.
//
// Where the Rust library comes from:
//
// * Apple host with CallsheetFFI.xcframework next to this file: a binary
//   target (static libraries for iOS, the iOS simulator and macOS). This is
//   what app teams use; it needs no unsafe flags.
// * Otherwise (Linux, or macOS without the XCFramework): the system-library
//   target `CallsheetFFI` (module map + header in Sources/CallsheetFFI),
//   linked against the shared library in the first of
//     1. $CALLSHEET_FFI_LIB_DIR,
//     2. the directory build.sh recorded in .ffi-lib-dir,
//     3. ${CARGO_TARGET_DIR:-../../target}/${CALLSHEET_PROFILE:-debug},
//   with `-L` and an rpath passed as unsafe flags (fine for the root package
//   and for local development). Set CALLSHEET_FFI_UNSAFE_FLAGS=0 to leave them
//   out (for example when another package depends on this one) and give the
//   linker and loader the directory yourself: LIBRARY_PATH and
//   LD_LIBRARY_PATH on Linux (see README.md).
// * CALLSHEET_FFI_USE_LIBRARY=1 forces the shared library on macOS even
//   when the XCFramework exists.

import Foundation
import PackageDescription

// Helpers take everything as arguments (no top-level state: the manifest is
// compiled in the Swift 6 language mode).
func fileExists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path)
}

func absolute(_ path: String, under base: String) -> String {
    path.hasPrefix("/") ? path : base + "/" + path
}

/// The directory holding libcallsheet_ffi (see the comment at the top).
func libraryDirectory(environment: [String: String], packageDirectory: String) -> String {
    let repositoryRoot = packageDirectory + "/../.."
    if let directory = environment["CALLSHEET_FFI_LIB_DIR"], !directory.isEmpty {
        return absolute(directory, under: repositoryRoot)
    }
    if let text = try? String(contentsOfFile: packageDirectory + "/.ffi-lib-dir", encoding: .utf8) {
        let directory = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !directory.isEmpty {
            return directory
        }
    }
    let target = absolute(environment["CARGO_TARGET_DIR"] ?? "target", under: repositoryRoot)
    return target + "/" + (environment["CALLSHEET_PROFILE"] ?? "debug")
}

/// Linker settings of the `Callsheet` target when it links the shared library.
func sharedLibraryLinkerSettings(environment: [String: String], packageDirectory: String) -> [LinkerSetting] {
    // The module map (written by build.sh) says `link "callsheet_ffi"`; the
    // linked-library setting says it again for toolchains that do not autolink.
    var settings: [LinkerSetting] = [.linkedLibrary("callsheet_ffi")]
    if environment["CALLSHEET_FFI_UNSAFE_FLAGS"] != "0" {
        let directory = libraryDirectory(environment: environment, packageDirectory: packageDirectory)
        settings.append(.unsafeFlags([
            "-L", directory,
            "-Xlinker", "-rpath", "-Xlinker", directory,
        ]))
    }
    return settings
}

let environment = Context.environment
let packageDirectory = Context.packageDirectory

#if os(macOS)
let useXCFramework = fileExists(packageDirectory + "/CallsheetFFI.xcframework")
    && environment["CALLSHEET_FFI_USE_LIBRARY"] != "1"
#else
// XCFrameworks are an Apple format; elsewhere the shared library is used.
let useXCFramework = false
#endif

// The generated sources are written by build.sh; without them the targets are
// empty and SwiftPM's own error would not say what to do.
let generatedSources = useXCFramework
    ? ["Sources/Callsheet/Callsheet.swift"]
    : ["Sources/Callsheet/Callsheet.swift", "Sources/CallsheetFFI/callsheetFFI.h", "Sources/CallsheetFFI/module.modulemap"]
let missing = generatedSources.filter { !fileExists(packageDirectory + "/" + $0) }
if !missing.isEmpty {
    fatalError("""
        callsheet: \(missing.joined(separator: ", ")) not found. \
        Run \(packageDirectory)/build.sh first: it builds the Rust library and \
        generates the Swift sources from it.
        """)
}

// The C module of the FFI is named CallsheetFFI: the generated Swift imports
// it under that name (`ffi_module_name` in bindings-swift/uniffi.toml).
let ffiTarget: Target = useXCFramework
    ? .binaryTarget(name: "CallsheetFFI", path: "CallsheetFFI.xcframework")
    : .systemLibrary(name: "CallsheetFFI", path: "Sources/CallsheetFFI")
let callsheetLinkerSettings: [LinkerSetting] = useXCFramework
    ? []
    : sharedLibraryLinkerSettings(environment: environment, packageDirectory: packageDirectory)

let package = Package(
    name: "Callsheet",
    platforms: [.iOS(.v13), .macOS(.v11)],
    products: [
        .library(name: "Callsheet", targets: ["Callsheet"]),
    ],
    targets: [
        ffiTarget,
        .target(
            name: "Callsheet",
            dependencies: ["CallsheetFFI"],
            path: "Sources/Callsheet",
            // Generated code: uniffi marks its types Sendable for Swift 6
            // compilers, but the file is not checked in the Swift 6 language
            // mode by its authors; consumers compile in any mode.
            swiftSettings: [.swiftLanguageMode(.v5)],
            linkerSettings: callsheetLinkerSettings
        ),
        .testTarget(
            name: "CallsheetTests",
            dependencies: ["Callsheet"],
            path: "Tests/CallsheetTests"
        ),
    ]
)
