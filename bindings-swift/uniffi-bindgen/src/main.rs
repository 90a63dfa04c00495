//! `uniffi-bindgen`: generates Swift, Kotlin and Python sources from the built
//! `callsheet_ffi` library (`uniffi-bindgen generate --language swift … LIB`).

fn main() {
    uniffi::uniffi_bindgen_main()
}
