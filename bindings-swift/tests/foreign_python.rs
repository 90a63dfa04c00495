//! Generates the uniffi Python bindings from the built library and runs the
//! Python test script against them (the same C ABI that Swift and Kotlin use).

use std::path::{Path, PathBuf};
use std::process::Command;

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"))
}

fn profile_dir() -> PathBuf {
    // tests run from target/<profile>/deps/<test-binary>
    let exe = std::env::current_exe().expect("test binary path");
    exe.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| target_dir().join("debug"))
}

#[test]
fn generated_python_bindings_pass_their_tests() {
    let profile = profile_dir();
    let bindgen = profile.join("uniffi-bindgen");
    assert!(
        bindgen.exists(),
        "{} is missing: build it once with `cargo build -p uniffi-bindgen` (scripts/test.sh does)",
        bindgen.display()
    );
    let library = profile.join(format!(
        "{}callsheet_ffi{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    ));
    assert!(
        library.exists(),
        "{} is missing: run `cargo build -p callsheet-ffi`",
        library.display()
    );
    // `cargo test` does not rebuild the cdylib: refuse to test one older than
    // any source cargo built it from (its dependency file lists them).
    let built = std::fs::metadata(&library).and_then(|m| m.modified()).ok();
    let newest_source = std::fs::read_to_string(library.with_extension("d"))
        .ok()
        .and_then(|deps| newest_dependency(&deps));
    assert!(
        newest_source.is_some(),
        "cannot read {}",
        library.with_extension("d").display()
    );
    assert!(
        built >= newest_source,
        "{} is older than its sources: run `cargo build -p callsheet-ffi` first (scripts/test.sh does)",
        library.display()
    );

    let out = tempfile::tempdir().expect("temp dir");
    let status = Command::new(&bindgen)
        .args([
            "generate",
            "--no-format",
            "--language",
            "python",
            "--out-dir",
        ])
        .arg(out.path())
        .arg(&library)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("run uniffi-bindgen");
    assert!(status.success(), "uniffi-bindgen failed");
    std::fs::copy(
        &library,
        out.path().join(library.file_name().expect("file name")),
    )
    .expect("copy library");

    let script =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/python/test_callsheet_ffi.py");
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let output = Command::new(python)
        .arg(&script)
        .env("PYTHONPATH", out.path())
        .env(
            "CALLSHEET_REPO",
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."),
        )
        .output()
        .expect("run python3");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "Python tests failed:\n{}\n{stderr}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(
        stderr.contains("OK"),
        "unittest did not report OK:\n{stderr}"
    );
}

/// The newest modification time among the files a cargo dependency file
/// (`target: dep dep …`, spaces in paths escaped) lists.
fn newest_dependency(deps: &str) -> Option<std::time::SystemTime> {
    let (_, list) = deps.split_once(": ")?;
    let list = list.replace("\\ ", "\u{0}");
    list.split_whitespace()
        .map(|path| PathBuf::from(path.replace('\u{0}', " ")))
        .filter_map(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok())
        .max()
}
